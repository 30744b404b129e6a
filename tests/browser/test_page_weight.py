"""An article page stays light: HTML + CSS + JS at most 60 KB before compression, images aside."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

BUDGET_BYTES = 60 * 1024


class Assets(HTMLParser):
    """Local stylesheets and scripts a page links to."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet" and a.get("href"):
            self.urls.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def static_weight(site: Path, page: str) -> dict[str, int]:
    """Bytes of the page's HTML and of every local CSS/JS file it links to, by path."""
    html_file = site / page / "index.html"
    parser = Assets()
    parser.feed(html_file.read_text(encoding="utf-8"))
    sizes = {page: html_file.stat().st_size}
    for url in parser.urls:
        assert url.startswith("/"), f"{url}: expected a site-absolute URL in a dev build"
        sizes[url] = (site / url.lstrip("/")).stat().st_size
    return sizes


@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
def test_article_html_css_js_within_budget(seed_site: Path, seed_article: str, prefix: str) -> None:
    sizes = static_weight(seed_site, prefix + seed_article)
    total = sum(sizes.values())
    print(f"article page weight {prefix or 'root'}: {total} bytes {sizes}")
    assert total <= BUDGET_BYTES, f"{total} bytes > {BUDGET_BYTES}: {sizes}"


@pytest.mark.browser
def test_bytes_loaded_by_the_browser_within_budget(browser, base_url: str,
                                                  seed_article: str) -> None:
    """What Chromium actually fetches on load (scripts may add more), images aside."""
    page = browser.new_page()
    try:
        page.goto(base_url + seed_article, wait_until="load")
        page.wait_for_load_state("networkidle")
        loaded = page.evaluate(
            """() => {
              const nav = performance.getEntriesByType('navigation')[0];
              const rest = performance.getEntriesByType('resource')
                .filter(r => /\\.(css|js|mjs|json)(\\?|$)/.test(r.name));
              return [[nav.name, nav.decodedBodySize],
                      ...rest.map(r => [r.name, r.decodedBodySize])];
            }"""
        )
    finally:
        page.close()
    total = sum(size for _name, size in loaded)
    print(f"loaded by the browser: {total} bytes {loaded}")
    assert total <= BUDGET_BYTES, f"{total} bytes > {BUDGET_BYTES}: {loaded}"
