// The search page: query the site's Pagefind index in the reader's script or the other one,
// list title, date, source and a highlighted excerpt, and move through results by keyboard.
//
// The query is first converted into the site's script (search-convert.js), then asked of
// Pagefind as a phrase of characters (the index holds each Chinese character as a word, see
// park_digest/search.py), one search per term, and the pages every term found are kept. Each is
// checked for every term in its title or text before it is shown, a batch at a time.
//
// Everything a reader reads comes from the page (data-msg-* attributes), so the Traditional
// build converts it with the rest of the page; this file holds no Chinese text of its own.
import { convertQuery, prepareQuery } from './search-convert.js';

const PAGE_SIZE = 10;
const BATCH = 10;
const DEBOUNCE_MS = 200;

const root = document.querySelector('[data-search]');
const form = root.querySelector('form');
const input = form.querySelector('input[type="search"]');
const statusLine = root.querySelector('[data-search-status]');
const list = root.querySelector('[data-search-results]');
const more = root.querySelector('[data-search-more]');
const settings = root.dataset;

let pagefind = null;
let generation = 0;
let timer = 0;
// The search being shown: its terms, the candidates not yet checked, and the checked hits
// not yet shown.
let current = null;

function message(name, values = {}) {
  const text = settings[name] || '';
  return text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
}

function absolute(path) {
  return new URL(path, document.baseURI).href;
}

/**
 * Pagefind, with every shard of the site's index: the list (pagefind/shards.json) names one
 * bundle per span of months; the first is loaded and the others merged into it.
 */
function engine() {
  if (!pagefind) {
    pagefind = fetch(absolute(settings.indexUrl)).then(async (response) => {
      if (!response.ok) throw new Error(`${settings.indexUrl}: ${response.status}`);
      const { bundles, common = '' } = await response.json();
      const [first, ...others] = bundles.map((b) => new URL(b.path, response.url).pathname);
      const module = await import(`${first}pagefind.js`);
      await module.options({ excerptLength: 40 });
      await Promise.all(others.map((path) => module.mergeIndex(path)));
      module.init();
      const frequent = new Set(common);
      return { search: (term) => module.search(pagefindQuery(term, frequent)) };
    });
  }
  return pagefind;
}

/**
 * The query in the site's script, then as typed when that differs. Only the first is searched
 * (the index holds one script); a hit must hold each term in either spelling.
 */
async function queryForms(query) {
  const forms = [query];
  try {
    const converted = await convertQuery(query, settings.script, absolute(settings.openccUrl));
    if (converted && converted !== query) forms.unshift(converted);
  } catch (error) {
    console.warn('query conversion unavailable:', error);
  }
  return forms;
}

// Pagefind's page text separates Chinese words with zero-width spaces; they and white space
// are ignored when a hit is checked.
function normalise(text) {
  return String(text || '').replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '').toLowerCase();
}

/** Terms of the query, each with its spellings in every form: [["经开区", "經開區"], …]. */
function termsOf(forms) {
  const split = forms.map((form) => form.split(/\s+/).filter(Boolean));
  return split[0].map((_, i) => [...new Set(split.map((terms) => normalise(terms[i] || '')))]);
}

function matches(data, terms) {
  const text = normalise(`${data.meta?.title || ''} ${data.content || ''}`);
  return terms.every((spellings) => spellings.some((term) => term && text.includes(term)));
}

const HAN = /\p{Script=Han}/u;

/**
 * How Pagefind is asked for one term. The index holds every Chinese character as a word of its
 * own (see park_digest/search.py), so a term with Chinese in it goes as a phrase of its
 * characters: "湖 南 大 学". In a Chinese term, characters that many pages hold (`common`,
 * listed by the build) are left out when rarer ones are there: the longest run of rarer
 * characters is asked, which fetches far less of the index, and every page found is checked
 * for the whole term before it is shown.
 */
function pagefindQuery(term, common) {
  if (!HAN.test(term)) return term;
  const chars = [...term];
  if (chars.every((ch) => HAN.test(ch))) {
    let best = [];
    let run = [];
    for (const ch of chars) {
      run = common.has(ch) ? [] : [...run, ch];
      if (run.length > best.length) best = run;
    }
    if (best.length) return `"${best.join(' ')}"`;
  }
  const pieces = term.split(/(\p{Script=Han})/u).map((piece) => piece.trim()).filter(Boolean);
  return `"${pieces.join(' ')}"`;
}

/**
 * Pagefind's candidates: the pages that hold every term of the query, in either of its
 * spellings (forms[0] is the site's script). Each spelling is one Pagefind search, and the
 * searches run together; the pages of the rarest term, in Pagefind's rank order, are kept when
 * every other term's searches found them too. No page text is fetched to narrow the list.
 */
async function candidates(forms) {
  const index = await engine();
  const split = forms.map((form) => form.split(/\s+/).filter(Boolean));
  const perTerm = await Promise.all(split[0].map(async (_, i) => {
    const spellings = [...new Set(split.map((terms) => terms[i]).filter(Boolean))];
    const answers = await Promise.all(spellings.map((s) => index.search(s)));
    return answers.flatMap((answer) => answer?.results || []);
  }));
  perTerm.sort((a, b) => a.length - b.length);
  const [rarest = [], ...others] = perTerm;
  const found = others.map((results) => new Set(results.map((result) => result.id)));
  const kept = new Set();
  return rarest.filter((result) => {
    if (kept.has(result.id) || !found.every((ids) => ids.has(result.id))) return false;
    kept.add(result.id);
    return true;
  });
}

/** Check candidates a batch at a time until `count` hits wait or none are left. */
async function fill(search, count) {
  while (search.hits.length < count && search.unchecked.length) {
    const batch = search.unchecked.splice(0, BATCH);
    const items = await Promise.all(batch.map((result) => result.data()));
    search.hits.push(...items.filter((data) => matches(data, search.terms)));
  }
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const EXCERPT_BEFORE = 24;
const EXCERPT_LENGTH = 110;

const HEADING_MAX = 400;

/**
 * Where the article's text starts in Pagefind's page text: after its heading (title, byline and
 * the date the theme writes last in it, after the byline's own date), which the result already
 * shows; 0 when not found.
 */
function bodyStart(text, date) {
  const at = date ? text.lastIndexOf(date, HEADING_MAX) : -1;
  return at >= 0 && at < HEADING_MAX ? at + date.length : 0;
}

/**
 * Text and <mark> nodes of an excerpt around the first place the page's text holds a term
 * (after the heading when the text holds it there too), every term marked whole (Pagefind marks
 * Traditional text a character at a time, and may centre its own excerpt on a loose match).
 * null when no term is in the text (e.g. only in the title).
 */
function excerptNodes(content, terms, date) {
  const text = String(content || '').replace(ZERO_WIDTH, '');
  const lower = text.toLowerCase();
  const needles = [...new Set(terms.flat().filter(Boolean))].sort((a, b) => b.length - a.length);
  const firstFrom = (from) => Math.min(
    ...needles.map((n) => lower.indexOf(n, from)).filter((at) => at >= 0));
  const body = bodyStart(text, String(date || '').replace(ZERO_WIDTH, ''));
  const inBody = firstFrom(body);
  const first = Number.isFinite(inBody) ? inBody : firstFrom(0);
  if (!Number.isFinite(first)) return null;
  const floor = Number.isFinite(inBody) ? body : 0;
  let start = Math.max(floor, first - EXCERPT_BEFORE);
  while (start < first && /\s/.test(text[start])) start += 1;
  const end = Math.min(text.length, start + EXCERPT_LENGTH);
  const nodes = [];
  let plain = start > 0 ? '…' : '';
  for (let at = start; at < end;) {
    const needle = needles.find((n) => lower.startsWith(n, at));
    if (needle) {
      if (plain) nodes.push(document.createTextNode(plain));
      plain = '';
      nodes.push(element('mark', '', text.slice(at, at + needle.length)));
      at += needle.length;
    } else {
      plain += text[at];
      at += 1;
    }
  }
  plain += end < text.length ? '…' : '';
  if (plain) nodes.push(document.createTextNode(plain));
  return nodes;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function plain(text) {
  return String(text || '').replace(ZERO_WIDTH, '');
}

function render(data, terms) {
  const item = element('li', 'search-result');
  const title = element('h2', 'search-result-title');
  const link = element('a', '', plain(data.meta?.title) || data.url);
  link.href = data.url;
  title.append(link);
  item.append(title);
  if (data.meta?.date || data.meta?.source) {
    const meta = element('p', 'search-result-meta');
    if (data.meta.date) meta.append(element('span', 'search-result-date', plain(data.meta.date)));
    // The theme writes the source with its label ("来源：红网"), in the page's script.
    if (data.meta.source) {
      meta.append(element('span', 'search-result-source', plain(data.meta.source)));
    }
    item.append(meta);
  }
  const excerpt = element('p', 'search-result-excerpt');
  const own = excerptNodes(data.content, terms, data.meta?.date);
  if (own) {
    excerpt.append(...own);
  } else {
    // Pagefind escapes the page text and wraps its matches in <mark>; nothing else is markup.
    excerpt.innerHTML = plain(data.excerpt).replaceAll('</mark><mark>', '');
  }
  item.append(excerpt);
  return item;
}

/** Show the next page of checked hits and say how many there are (or that more may follow). */
async function showMore(search) {
  await fill(search, PAGE_SIZE);
  if (search.run !== generation) return;
  for (const data of search.hits.splice(0, PAGE_SIZE)) list.append(render(data, search.terms));
  search.shown = list.children.length;
  const complete = search.unchecked.length === 0 && search.hits.length === 0;
  more.hidden = complete;
  if (search.shown === 0 && complete) {
    root.dataset.state = 'none';
    statusLine.textContent = message('msgNone', { q: search.query });
  } else {
    root.dataset.state = 'found';
    statusLine.textContent = message(complete ? 'msgFound' : 'msgFoundMore',
      { n: search.shown, q: search.query });
  }
}

async function runSearch(query) {
  const run = ++generation;
  const started = performance.now();
  list.replaceChildren();
  more.hidden = true;
  current = null;
  if (!query) {
    statusLine.textContent = '';
    root.dataset.state = 'idle';
    return;
  }
  root.dataset.state = 'busy';
  statusLine.textContent = message('msgLoading');
  try {
    const forms = await queryForms(query);
    const unchecked = await candidates(forms);
    if (run !== generation) return;
    current = { run, query, terms: termsOf(forms), unchecked, hits: [], shown: 0 };
    await showMore(current);
  } catch (error) {
    if (run !== generation) return;
    console.error('search failed:', error);
    root.dataset.state = 'failed';
    statusLine.textContent = message('msgFailed');
    return;
  }
  if (run === generation) root.dataset.queryMs = String(Math.round(performance.now() - started));
}

function remember(query) {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  window.history.replaceState(null, '', url);
}

function links() {
  return [...list.querySelectorAll('.search-result-title a')];
}

function searchNow() {
  window.clearTimeout(timer);
  const query = input.value.trim();
  remember(query);
  runSearch(query);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  searchNow();
});

input.addEventListener('input', () => {
  window.clearTimeout(timer);
  timer = window.setTimeout(searchNow, DEBOUNCE_MS);
  prepareQuery(input.value, settings.script, absolute(settings.openccUrl)).catch(() => {});
});

// Arrow keys walk from the box through the result links; Escape goes back to the box.
root.addEventListener('keydown', (event) => {
  const targets = links();
  const at = targets.indexOf(document.activeElement);
  if (event.key === 'ArrowDown' && (event.target === input || at >= 0)) {
    const next = targets[at + 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  } else if (event.key === 'ArrowUp' && at >= 0) {
    event.preventDefault();
    (at === 0 ? input : targets[at - 1]).focus();
  } else if (event.key === 'Escape' && at >= 0) {
    event.preventDefault();
    input.focus();
  }
});

more.addEventListener('click', () => {
  if (!current) return;
  const first = links().length;
  showMore(current).then(() => links()[first]?.focus());
});

const initial = new URLSearchParams(window.location.search).get('q');
if (initial) {
  input.value = initial;
  runSearch(initial.trim());
} else {
  // Load Pagefind and the character tables while the reader types (the phrase list waits for
  // a query that needs it).
  engine().catch(() => {});
  convertQuery('', settings.script, absolute(settings.openccUrl)).catch(() => {});
}
root.dataset.ready = 'true';
