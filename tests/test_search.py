"""Search index: one Pagefind bundle per script, each holding only its own site's articles."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from park_digest.search import (
    BUNDLE_DIR,
    SearchIndexError,
    escape_glob,
    index_site,
    root_glob,
)

ARTICLE = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>
<body><header data-pagefind-ignore><a href="/">{site}</a><nav>首页 归档</nav></header>
<main><article data-pagefind-body><h1>{title}</h1><p>{body}</p></article></main>
<footer data-pagefind-ignore>{footer}</footer></body></html>
"""
LISTING = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>归档</title></head>
<body><main><p>{body}</p></main></body></html>
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def two_script_site(tmp_path: Path) -> Path:
    """A root site and a zh-hant site under it: one article each, plus a listing page."""
    out = tmp_path / "output"
    write(out / "2021/07/a/index.html", ARTICLE.format(
        lang="zh-Hans", site="湘乡经开区新闻摘编", title="湘乡经开区签约埃普特项目",
        body="湘乡经开区与埃普特签约，港洽周期间达成合作。", footer="版权归原作者所有"))
    write(out / "archives/index.html", LISTING.format(lang="zh-Hans", body="归档 湘乡经开区"))
    write(out / "index.html", LISTING.format(lang="zh-Hans", body="首页"))
    write(out / "zh-hant/2021/07/a/index.html", ARTICLE.format(
        lang="zh-Hant", site="湘鄉經開區新聞摘編", title="湘鄉經開區簽約埃普特項目",
        body="湘鄉經開區與埃普特簽約，港洽周期間達成合作。", footer="版權歸原作者所有"))
    write(out / "zh-hant/archives/index.html", LISTING.format(lang="zh-Hant", body="歸檔"))
    return out


def fragment_texts(site: Path) -> list[str]:
    """The stored page records (URL, text, meta) of a bundle, decompressed."""
    return [gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
            for path in sorted((site / BUNDLE_DIR / "fragment").iterdir())]


# (top-level entries, excluded, expected glob)
GLOB_CASES = [
    # variant site and an old bundle are left out; top-level pages kept
    ([("2021", True), ("zh-hant", True), ("pagefind", True), ("index.html", False)],
     ["zh-hant", "pagefind"], "{*.html,2021/**/*.html}"),
    # folders come out sorted, files other than the top level's *.html are not named
    ([("tag", True), ("archives", True), ("sitemap.xml", False)], [],
     "{*.html,archives/**/*.html,tag/**/*.html}"),
    # a folder name with glob syntax in it is escaped
    ([("a{b}", True)], [], "{*.html,a\\{b\\}/**/*.html}"),
]


@pytest.mark.parametrize(("entries", "excluded", "expected"), GLOB_CASES)
def test_root_glob_names_only_the_root_sites_own_folders(entries, excluded, expected):
    assert root_glob(entries, excluded) == expected


def test_escape_glob_leaves_plain_slugs_alone():
    assert escape_glob("2021-07-06-xiang-xiang") == "2021-07-06-xiang-xiang"
    assert escape_glob("a*b?") == "a\\*b\\?"


def test_each_script_gets_its_own_index_of_its_own_articles(two_script_site: Path):
    results = index_site(two_script_site, ["zh-hant"])

    assert [r.site for r in results] == [two_script_site, two_script_site / "zh-hant"]
    assert [r.pages for r in results] == [1, 1]  # articles only: listings carry no body mark
    root_pages = "\n".join(fragment_texts(two_script_site))
    hant_pages = "\n".join(fragment_texts(two_script_site / "zh-hant"))
    assert "/2021/07/a/" in root_pages and "/zh-hant/" not in root_pages
    assert "簽約" in hant_pages and "签约" not in hant_pages
    entry = json.loads((two_script_site / "zh-hant/pagefind/pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["zh-hant"]


def test_navigation_and_footer_stay_out_of_the_index(two_script_site: Path):
    index_site(two_script_site, ["zh-hant"])

    text = "\n".join(fragment_texts(two_script_site))
    assert "埃普特" in text
    assert "版权归原作者所有" not in text
    assert "首页" not in text


def test_sizes_are_reported(two_script_site: Path):
    root, hant = index_site(two_script_site, ["zh-hant"])

    for result in (root, hant):
        assert 0 < result.index_bytes < result.bundle_bytes
        on_disk = sum(p.stat().st_size for p in (result.site / BUNDLE_DIR).rglob("*")
                      if p.is_file())
        assert result.bundle_bytes == on_disk


def test_a_rebuild_drops_the_old_bundle(two_script_site: Path):
    stale = two_script_site / BUNDLE_DIR / "fragment" / "old-page.pf_fragment"
    write(stale, "left by an earlier build")

    index_site(two_script_site, ["zh-hant"])

    assert not stale.exists()
    assert (two_script_site / BUNDLE_DIR / "pagefind.js").is_file()


def test_without_variants_the_whole_output_is_one_site(two_script_site: Path):
    (root,) = index_site(two_script_site, [])

    assert root.pages == 2  # the zh-hant article is then just a page of the root site


def test_a_missing_variant_site_is_named(two_script_site: Path):
    with pytest.raises(SearchIndexError, match=r"zh-tw.*was not built.*PARK_DIGEST_VARIANTS"):
        index_site(two_script_site, ["zh-hant", "zh-tw"])


def test_a_missing_output_folder_says_to_build_first(tmp_path: Path):
    with pytest.raises(SearchIndexError, match="park-digest build"):
        index_site(tmp_path / "nothing-here", ["zh-hant"])
