"""Every page of a variant links within that variant; only the switch, hreflang and the theme's
files (shared by every script, at the root) leave it."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

URL_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action"}
SHARED = "/theme/"  # the theme's fingerprinted files, once for every script


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in URL_ATTRS and a.get(URL_ATTRS[tag]):
            self.found.append((a[URL_ATTRS[tag]], a))


def leaks(html: str, prefix: str) -> list[str]:
    """Site-absolute URLs outside ``prefix`` that are not an alternate of another script."""
    parser = Links()
    parser.feed(html)
    return [
        url for url, attrs in parser.found
        if url.startswith("/") and not url.startswith((prefix, SHARED))
        and not (attrs.get("rel") == "alternate" and attrs.get("hreflang"))
    ]


@pytest.mark.parametrize("prefix", ["zh-hant"])
def test_variant_pages_link_within_the_variant(seed_site: Path, prefix: str) -> None:
    pages = [p for p in (seed_site / prefix).rglob("*.html") if "theme" not in p.parts]
    assert len(pages) > 10
    problems = {
        str(page.relative_to(seed_site)): bad
        for page in pages
        if (bad := leaks(page.read_text(encoding="utf-8"), f"/{prefix}/"))
    }
    assert problems == {}


def test_root_pages_do_not_link_into_a_variant(seed_site: Path) -> None:
    pages = [p for p in seed_site.glob("*.html")] + list(seed_site.glob("[0-9]*/**/*.html"))
    parser_leaks = {}
    for page in pages:
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        bad = [u for u, a in parser.found if u.startswith("/zh-hant/") and a.get("rel") != "alternate"]
        if bad:
            parser_leaks[str(page.relative_to(seed_site))] = bad
    assert pages and parser_leaks == {}
