"""The sitemap: each page once per site, each entry with every variant and x-default."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_theme_build import build_theme_site

from park_digest.site.scripts import variant_table
from park_digest.site.sitemap import (
    html_pages,
    known_facts,
    page_facts,
    page_url,
    render_robots,
    render_sitemap,
    write_if_changed,
)

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


def test_sitemap_reads_again_only_the_pages_that_changed(tmp_path: Path) -> None:
    output, cache = tmp_path / "output", tmp_path / "facts.json"
    output.mkdir()
    old = '<time datetime="2021-07-06T22:13:00+08:00">'
    for name in ("a.html", "b.html"):
        (output / name).write_text(old, encoding="utf-8")
    first = known_facts(output, ["a.html", "b.html"], cache)
    assert [f[2:] for f in first.values()] == [[True, "2021-07-06T22:13:00+08:00"]] * 2
    cache.write_text(json.dumps(first), encoding="utf-8")
    # b changes; a's remembered facts are taken as they are (here: marked so, to tell them apart)
    (output / "b.html").write_text(old.replace("07-06", "07-08"), encoding="utf-8")
    first["a.html"][3] = "remembered"
    cache.write_text(json.dumps(first), encoding="utf-8")
    again = known_facts(output, ["a.html", "b.html"], cache)
    assert again["a.html"][3] == "remembered"
    assert again["b.html"][3] == "2021-07-08T22:13:00+08:00"


def test_the_sitemap_is_written_again_only_when_what_it_lists_changed(tmp_path: Path) -> None:
    path, stamp = tmp_path / "sitemap.xml", tmp_path / "written.json"
    renders = []

    def render(text: str):
        return lambda: renders.append(text) or text

    assert write_if_changed(path, stamp, ["a/", {}], render("<urlset>a</urlset>"))
    before = path.stat().st_mtime_ns
    assert not write_if_changed(path, stamp, ["a/", {}], render("<urlset>a</urlset>"))
    assert renders == ["<urlset>a</urlset>"] and path.stat().st_mtime_ns == before

    assert write_if_changed(path, stamp, ["a/", "b/"], render("<urlset>ab</urlset>"))
    path.write_text("edited by hand", encoding="utf-8")  # the file is not as it was left
    assert write_if_changed(path, stamp, ["a/", "b/"], render("<urlset>ab</urlset>"))
    assert path.read_text(encoding="utf-8") == "<urlset>ab</urlset>"


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


@pytest.mark.parametrize(
    ("html", "facts"),
    [
        ('<meta name="robots" content="noindex"><time datetime="2021-07-06T22:13:53+08:00">',
         (False, None)),  # search and 404 pages
        ('<meta property="article:modified_time" content="2021-07-07T08:00:00+08:00">'
         '<time datetime="2022-01-10T10:30:00+08:00">', (True, "2021-07-07T08:00:00+08:00")),
        # an article: its own date, not a related article's
        ('<time datetime="2021-07-06T22:13:53+08:00"></time><time datetime='
         '"2021-08-01T09:00:00+08:00"></time><time datetime="2021-07-31T23:00:00-05:00">',
         (True, "2021-07-31T23:00:00-05:00")),  # a listing: its newest item, by instant
        ("<h1>关于园区</h1>", (True, None)),  # no date shown: no lastmod
    ],
)
def test_page_facts_read_noindex_and_the_newest_date(html: str, facts: tuple) -> None:
    assert page_facts(html) == facts


def test_lastmod_is_written_for_each_site() -> None:
    table = variant_table({"zh-hant": "s2hk"})
    xml = render_sitemap(["a/", "about/"], table, "https://x.org", {"a/": "2021-07-06T22:13:53+08:00"})
    urls = ET.fromstring(xml).findall("s:url", NS)
    assert [u.findtext("s:lastmod", namespaces=NS) for u in urls] == [
        "2021-07-06T22:13:53+08:00", "2021-07-06T22:13:53+08:00", None, None]


def test_robots_points_at_an_absolute_sitemap_only() -> None:
    assert "Sitemap: https://x.org/sitemap.xml" in render_robots("https://x.org/sitemap.xml")
    assert "Sitemap" not in render_robots("/sitemap.xml")


def test_built_sitemap_leaves_out_search_and_404_and_dates_pages(tmp_path: Path) -> None:
    output = build_theme_site(tmp_path, SITEURL="https://news.xxjkq.cn")
    urls = {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
            for u in ET.parse(output / "sitemap.xml").getroot().findall("s:url", NS)}
    assert not [u for u in urls if "search" in u or "404" in u]
    assert urls["https://news.xxjkq.cn/2021/07/a1/"] == "2021-07-06T22:13:53+08:00"
    assert urls["https://news.xxjkq.cn/"] == "2022-01-10T10:30:00+08:00"  # the newest listed
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines()[-1] == "Sitemap: https://news.xxjkq.cn/sitemap.xml"
