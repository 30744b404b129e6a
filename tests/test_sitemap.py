"""The sitemap: each page once per site, each entry with every variant and x-default."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from park_digest.sitemap import html_pages, page_url, render_sitemap
from park_digest.variants import variant_table

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.mark.parametrize(
    ("rel", "url"),
    [
        ("index.html", ""),  # home
        ("2021/07/a/index.html", "2021/07/a/"),  # pretty URL
        ("archives/index.html", "archives/"),
        ("index2.html", "index2.html"),  # a page of the paginated home
    ],
)
def test_page_url_of_an_output_file(rel: str, url: str) -> None:
    assert page_url(rel) == url


def test_html_pages_skip_variant_folders_theme_and_404(tmp_path: Path) -> None:
    for rel in ["index.html", "404.html", "a/index.html", "zh-hant/index.html", "theme/x.html"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<p>x</p>")
    assert html_pages(tmp_path, ["zh-hant", "theme"]) == ["a/index.html", "index.html"]


def test_every_site_lists_the_page_with_all_alternates() -> None:
    table = variant_table({"zh-hant": "s2hk", "zh-tw": "s2twp"})
    xml = render_sitemap(["", "2021/07/a/"], table, "https://x.org")
    urls = ET.fromstring(xml).findall("s:url", NS)
    locs = [u.findtext("s:loc", namespaces=NS) for u in urls]
    assert locs == [
        "https://x.org/", "https://x.org/zh-hant/", "https://x.org/zh-tw/",
        "https://x.org/2021/07/a/", "https://x.org/zh-hant/2021/07/a/",
        "https://x.org/zh-tw/2021/07/a/",
    ]
    for url in urls:
        links = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", NS)}
        assert links["x-default"] == links["zh-Hans"]
        assert set(links) == {"zh-Hans", "zh-Hant", "zh-TW", "x-default"}
        assert url.findtext("s:loc", namespaces=NS) in links.values()


def test_single_script_sitemap_has_no_alternates() -> None:
    xml = render_sitemap(["a/"], variant_table({}), "https://x.org")
    assert "xhtml:link" not in xml
    assert "<loc>https://x.org/a/</loc>" in xml
