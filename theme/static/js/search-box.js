// Header search box: without this script the header shows a plain link to the archives; with
// it, the link gives way to a search field that opens the search page. "/" focuses the field.
(() => {
  const box = document.querySelector('[data-search-box]');
  if (!box) return;
  const form = box.querySelector('form');
  const link = box.querySelector('[data-search-fallback]');
  const input = form.querySelector('input[type="search"]');
  form.hidden = false;
  if (link) link.hidden = true;
  form.addEventListener('submit', (event) => {
    if (!input.value.trim()) {
      event.preventDefault();
      input.focus();
    }
  });
  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest?.('input, textarea, select, [contenteditable]');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      (document.querySelector('[data-search] input[type="search"]') || input).focus();
    }
  });
})();
