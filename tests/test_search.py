"""Search index: one Pagefind index of the Simplified articles serves every script."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from park_digest.search import index
from park_digest.search.index import (
    BUNDLE_DIR,
    COMMON,
    INDEX_LANG,
    SEPARATOR,
    Indexer,
    Page,
    SearchIndexError,
    index_site,
    indexed_part,
    overlay_pages,
    pair_characters,
    plan_shards,
    site_pages,
)
from park_digest.search.index import LISTING as SHARD_LIST

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


HAN = "[\u4e00-\u9fff]"


def unpaired(text: str) -> str:
    """Text as the page has it, from the index's copy: overlapping pairs joined
    ("园区 区产" → "园区产"), spaces beside Chinese dropped."""
    text = re.sub(rf"({HAN}) \1", r"\1", text)
    return re.sub(rf"(?<={HAN}) +| +(?={HAN})", "", text)


def fragment_texts(site: Path) -> list[str]:
    """The stored page records (URL, text, meta) of a bundle, decompressed, pairs joined."""
    return [unpaired(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
            for path in sorted((site / BUNDLE_DIR).glob("*/fragment/*"))]


def bundles(site: Path) -> list[Path]:
    """The site's bundle folders, in the order its shard list names them."""
    listing = json.loads((site / BUNDLE_DIR / SHARD_LIST).read_text(encoding="utf-8"))
    return [site / BUNDLE_DIR / entry["path"] for entry in listing["bundles"]]


Z = SEPARATOR
# (html, expected): each run of Han characters of the text becomes its overlapping pairs.
PAIR_CASES = [
    # a run's pairs, set apart from each other and from the run's neighbours
    ("<p>经开区2021年</p>", f"<p>{Z}经开{Z}开区{Z}2021{Z}年{Z}</p>"),
    # spaces and punctuation stay; Latin words stay whole; a run of one is one word
    ("<p>港洽周 签约，ABC公司</p>", f"<p>{Z}港洽{Z}洽周{Z} {Z}签约{Z}，ABC{Z}公司{Z}</p>"),
    # attribute values, comments, scripts and styles are not page text; inline markup goes, so
    # the run it cut is whole again (湘乡经开区: the pair 乡经 is not lost)
    ('<img alt="签约现场"><!-- 注释 --><script>var a = "湘乡";</script><b>湘乡</b>经开区',
     f'<img alt="签约现场"><!-- 注释 --><script>var a = "湘乡";</script>'
     f'{Z}湘乡{Z}乡经{Z}经开{Z}开区{Z}'),
    # an inline element that Pagefind reads (a meta field) stays, its run apart
    ('<p>来源：<span data-pagefind-meta="source">红网</span></p>',
     f'<p>{Z}来源{Z}：<span data-pagefind-meta="source">{Z}红网{Z}</span></p>'),
    # Traditional text alike
    ("<h1>經開區</h1>", f"<h1>{Z}經開{Z}開區{Z}</h1>"),
]


@pytest.mark.parametrize(("html", "expected"), PAIR_CASES)
def test_runs_of_han_characters_are_indexed_as_overlapping_pairs(html, expected):
    assert pair_characters(html) == expected


# (page, what Pagefind is given): the <html> tag and the marked element, nested alike tags kept.
INDEXED_PART_CASES = [
    ('<!doctype html><html lang="zh-Hant"><head><title>t</title></head><body><nav>首页</nav>'
     '<article data-pagefind-body><h1>標題</h1><article><p>引</p></article><p>正文</p></article>'
     '<footer>版权</footer></body></html>',
     '<html lang="zh-Hant"><body><article data-pagefind-body><h1>標題</h1><article><p>引</p>'
     '</article><p>正文</p></article></body></html>\n'),
    # no mark: the whole page (Pagefind then indexes its body)
    ('<html lang="zh"><body><p>全文</p></body></html>',
     '<html lang="zh"><body><p>全文</p></body></html>'),
    # a mark whose element never closes: the whole page, nothing lost
    ('<html lang="zh"><body><main data-pagefind-body><p>未闭合</p></body></html>',
     '<html lang="zh"><body><main data-pagefind-body><p>未闭合</p></body></html>'),
]


@pytest.mark.parametrize(("html", "expected"), INDEXED_PART_CASES)
def test_pagefind_is_given_only_the_marked_element(html, expected):
    assert indexed_part(html) == expected


def test_site_pages_leave_out_the_variant_sites(two_script_site: Path):
    pages = [p.relative_to(two_script_site).as_posix()
             for p in site_pages(two_script_site, ["zh-hant", "pagefind"])]
    assert pages == ["2021/07/a/index.html", "archives/index.html", "index.html"]


def test_site_pages_come_in_the_order_of_their_paths_folder_by_folder(tmp_path: Path):
    for rel in ("a.b/c.html", "a/z.html", "a/b/index.html", "a-x.html"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<html></html>", encoding="utf-8")
    pages = [p.relative_to(tmp_path).as_posix() for p in site_pages(tmp_path)]
    assert pages == ["a/b/index.html", "a/z.html", "a-x.html", "a.b/c.html"]


def test_one_index_holds_the_simplified_articles_and_the_variant_titles(two_script_site: Path):
    results = index_site(two_script_site, ["zh-hant"])

    assert [(r.site, r.pages) for r in results] == [(two_script_site, 1)]  # listings: no mark
    (record,) = fragment_texts(two_script_site)
    data = json.loads(record[record.index("{"):])
    assert data["url"] == "/2021/07/a/" and "签约" in data["content"]
    assert "簽約" not in data["content"]  # the variant's text is not indexed again
    assert data["meta"]["title_zh_hant"] == "湘鄉經開區簽約埃普特項目"
    (bundle,) = bundles(two_script_site)
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == [INDEX_LANG]
    # the variant site gets a shard list pointing at the root's bundles (and the common pairs
    # it names), and no bundle
    hant = two_script_site / "zh-hant" / BUNDLE_DIR
    assert sorted(p.name for p in hant.iterdir()) == sorted([SHARD_LIST, COMMON])
    listing = json.loads((hant / SHARD_LIST).read_text(encoding="utf-8"))
    assert [(hant / b["path"]).resolve() for b in listing["bundles"]] == [bundle.resolve()]
    assert listing["variant"] == {"code": "zh-hant", "prefix": "zh-hant/", "config": None}
    assert (hant / listing["root"]).resolve() == two_script_site.resolve()
    for page in two_script_site.rglob("*.html"):  # the served pages are not touched
        assert "签约 约埃" not in page.read_text(encoding="utf-8"), page


def listing_of(site: Path) -> dict:
    return json.loads((site / BUNDLE_DIR / SHARD_LIST).read_text(encoding="utf-8"))


def test_an_edited_page_goes_to_the_overlay_and_its_base_record_is_named_old(
    two_script_site: Path, tmp_path
):
    state = tmp_path / "state"
    index_remembering(two_script_site, state)
    (bundle,) = bundles(two_script_site)
    indexed_at = (bundle / "pagefind-entry.json").stat().st_mtime_ns
    hant = two_script_site / "zh-hant/2021/07/a/index.html"
    hant.write_text(hant.read_text(encoding="utf-8").replace("簽約", "簽署"), encoding="utf-8")

    index_remembering(two_script_site, state)

    base, overlay = bundles(two_script_site)
    assert (base, overlay.name) == (bundle, "overlay")
    assert (bundle / "pagefind-entry.json").stat().st_mtime_ns == indexed_at  # kept as it was
    records = [json.loads(t[t.index("{"):]) for t in fragment_texts(two_script_site)]
    versions = {r["meta"]["title_zh_hant"]: r["meta"]["v"] for r in records}
    assert set(versions) == {"湘鄉經開區簽約埃普特項目", "湘鄉經開區簽署埃普特項目"}
    # the search page keeps the record of the current version alone
    assert listing_of(two_script_site)["current"] == {"2021/07/a/": versions["湘鄉經開區簽署埃普特項目"]}
    hant_listing = json.loads((two_script_site / "zh-hant" / BUNDLE_DIR / SHARD_LIST).read_text())
    assert hant_listing["current"] == listing_of(two_script_site)["current"]


def test_a_deleted_page_or_a_full_overlay_plans_the_month_shards_again(two_script_site: Path,
                                                                       tmp_path):
    state = tmp_path / "state"
    may = two_script_site / "2021/05/b/index.html"
    write(may, ARTICLE.format(lang="zh-Hans", site="摘编", title="五月", body="五月。", footer=""))
    index_remembering(two_script_site, state)
    write(two_script_site / "2021/08/c/index.html", ARTICLE.format(
        lang="zh-Hans", site="摘编", title="八月", body="八月园区。", footer=""))
    index_remembering(two_script_site, state)
    assert [b.name for b in bundles(two_script_site)] == ["2021-05", "2021-07", "overlay"]

    may.unlink()
    index_remembering(two_script_site, state)

    assert [b.name for b in bundles(two_script_site)] == ["2021-07", "2021-08"]
    assert listing_of(two_script_site)["current"] == {}
    assert "五月" not in "\n".join(fragment_texts(two_script_site))


def test_overlay_pages(tmp_path: Path):
    site = tmp_path
    a, b, c = (page(site, "2021-07", name) for name in "abc")
    base = {"2021-07/": {"2021/07/a/index.html": "a", "2021/07/b/index.html": "b"}}
    edited = Page(b.path, "b2")
    # nothing changed: an empty overlay
    assert overlay_pages(site, [a, b], base, 5) == []
    # a new page and an edited one go to the overlay, in page order
    assert overlay_pages(site, [a, edited, c], base, 5) == [edited, c]
    # past the limit, no base, a base shard missing, or a base page gone: plan again
    assert overlay_pages(site, [a, edited, c], base, 1) is None
    assert overlay_pages(site, [a, b], {}, 5) is None
    assert overlay_pages(site, [a, b], base, 5, missing=["2021-07/"]) is None
    assert overlay_pages(site, [a], base, 5) is None


def test_bundles_of_a_variant_from_older_builds_are_removed(two_script_site: Path):
    old = two_script_site / "zh-hant" / BUNDLE_DIR / "2021-07/pagefind.js"
    write(old, "left by a build that indexed each script")

    index_site(two_script_site, ["zh-hant"])

    assert not old.parent.exists()


def test_navigation_and_footer_stay_out_of_the_index(two_script_site: Path):
    index_site(two_script_site, ["zh-hant"])

    text = "\n".join(fragment_texts(two_script_site))
    assert "埃普特" in text
    assert "版权归原作者所有" not in text
    assert "首页" not in text


def test_sizes_are_reported(two_script_site: Path):
    (root,) = index_site(two_script_site, ["zh-hant"])

    for result in (root,):
        assert 0 < result.index_bytes < result.bundle_bytes
        on_disk = sum(p.stat().st_size for p in (result.site / BUNDLE_DIR).rglob("*")
                      if p.is_file())
        assert result.bundle_bytes == on_disk


def test_the_bundle_keeps_what_the_search_page_loads(two_script_site: Path):
    index_site(two_script_site, ["zh-hant"])

    for site in (two_script_site,):
        (bundle,) = bundles(site)
        assert bundle.name == "2021-07"  # named for the first month it holds
        names = {p.name for p in bundle.iterdir()}
        assert {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"} <= names
        assert any(name.endswith(".pf_meta") for name in names)
        assert not any("-ui" in name or "highlight" in name for name in names), names


def test_a_rebuild_drops_the_old_bundle(two_script_site: Path):
    stale = [two_script_site / BUNDLE_DIR / "2021-07/fragment/old-page.pf_fragment",
             two_script_site / BUNDLE_DIR / "2019-01/pagefind.js",  # a shard no longer planned
             two_script_site / BUNDLE_DIR / "pagefind.js"]  # a bundle of the unsharded layout
    for path in stale:
        write(path, "left by an earlier build")

    index_site(two_script_site, ["zh-hant"])

    assert [path for path in stale if path.exists()] == []
    assert (two_script_site / BUNDLE_DIR / "2021-07/pagefind.js").is_file()


def page(site: Path, month: str, name: str) -> Page:
    return Page(site / month.replace("-", "/") / name / "index.html", name)


def test_shards_pack_consecutive_months_up_to_the_limit(tmp_path: Path):
    pages = [page(tmp_path, "2021-05", "a"), page(tmp_path, "2021-06", "b"),
             page(tmp_path, "2021-07", "c"), page(tmp_path, "2021-07", "d"),
             page(tmp_path, "2021-07", "e"), page(tmp_path, "2021-09", "f"),
             Page(tmp_path / "about/index.html", "about")]

    shards = plan_shards(tmp_path, pages, shard_pages=2)

    assert [(s.name, len(s.pages)) for s in shards] == [
        ("pages", 2),  # undated pages first, packed with the oldest month
        ("2021-06", 1),
        ("2021-07", 3),  # a month larger than the limit is a shard of its own
        ("2021-09", 1),
    ]
    assert [p for s in shards for p in s.pages] == sorted(pages, key=lambda p: (
        "about" not in str(p.path), str(p.path)))


def test_only_the_shards_whose_pages_changed_are_indexed_again(two_script_site: Path):
    write(two_script_site / "2021/05/b/index.html", ARTICLE.format(
        lang="zh-Hans", site="摘编", title="五月的文章", body="五月园区开工。", footer=""))
    index_site(two_script_site, ["zh-hant"], shard_pages=1)
    may, july = bundles(two_script_site)
    assert (may.name, july.name) == ("2021-05", "2021-07")
    entries = {b: (b / "pagefind-entry.json").stat().st_mtime_ns for b in (may, july)}
    july_article = two_script_site / "2021/07/a/index.html"
    july_article.write_text(july_article.read_text(encoding="utf-8").replace("港洽周", "港洽会"),
                            encoding="utf-8")

    index_site(two_script_site, ["zh-hant"], shard_pages=1)

    assert (may / "pagefind-entry.json").stat().st_mtime_ns == entries[may]  # kept as it was
    assert (july / "pagefind-entry.json").stat().st_mtime_ns != entries[july]
    texts = "\n".join(fragment_texts(two_script_site))
    assert "港洽会" in texts and "港洽周" not in texts and "五月园区开工" in texts


def test_a_shard_whose_pages_are_gone_is_removed(two_script_site: Path):
    may = two_script_site / "2021/05/b/index.html"
    write(may, ARTICLE.format(lang="zh-Hans", site="摘编", title="五月", body="五月。", footer=""))
    index_site(two_script_site, ["zh-hant"], shard_pages=1)
    assert (two_script_site / BUNDLE_DIR / "2021-05").is_dir()

    may.unlink()
    (root,) = index_site(two_script_site, ["zh-hant"], shard_pages=1)

    assert not (two_script_site / BUNDLE_DIR / "2021-05").exists()
    assert [b.name for b in bundles(two_script_site)] == ["2021-07"]
    assert root.pages == 1


def test_without_variants_the_whole_output_is_one_site(two_script_site: Path):
    (root,) = index_site(two_script_site, [])

    assert root.pages == 2  # the zh-hant article is then just a page of the root site


def test_a_missing_variant_site_is_named(two_script_site: Path):
    with pytest.raises(SearchIndexError, match=r"zh-tw.*was not built.*PARK_DIGEST_VARIANTS"):
        index_site(two_script_site, ["zh-hant", "zh-tw"])


def test_a_missing_output_folder_says_to_build_first(tmp_path: Path):
    with pytest.raises(SearchIndexError, match="park-digest build"):
        index_site(tmp_path / "nothing-here", ["zh-hant"])


def index_remembering(site: Path, state: Path) -> None:
    with Indexer(shard_pages=1, state_dir=state) as indexer:
        indexer.add(site, variants=["zh-hant"])
        indexer.finish()


def test_a_page_rewritten_outside_its_article_keeps_its_shard(two_script_site: Path, tmp_path):
    state = tmp_path / "state"
    index_remembering(two_script_site, state)
    (bundle,) = bundles(two_script_site)
    indexed_at = (bundle / "pagefind-entry.json").stat().st_mtime_ns
    article = two_script_site / "2021/07/a/index.html"
    article.write_text(article.read_text(encoding="utf-8").replace("首页 归档", "首页 归档 搜索"),
                       encoding="utf-8")  # a new navigation link: every page is rewritten

    index_remembering(two_script_site, state)

    assert (bundle / "pagefind-entry.json").stat().st_mtime_ns == indexed_at
    assert list(state.glob("search-pages-*.json"))  # what is known of the pages, for next time
    article.write_text(article.read_text(encoding="utf-8").replace("港洽周", "港洽会"),
                       encoding="utf-8")
    index_remembering(two_script_site, state)
    assert (bundle / "pagefind-entry.json").stat().st_mtime_ns == indexed_at
    assert [b.name for b in bundles(two_script_site)] == ["2021-07", "overlay"]
    assert "港洽会" in "\n".join(fragment_texts(two_script_site))


def test_pairs_on_many_pages_are_listed_as_common_with_their_counts(tmp_path: Path):
    site = tmp_path / "output"
    for number in range(60):  # 的 on every page, 埃 on one: 2 % of 60 pages is 1.2, the floor 2
        body = "园区的新闻" + ("埃普特" if number == 0 else "") + ("港洽周" if number < 3 else "")
        write(site / f"2021/07/a{number}/index.html", ARTICLE.format(
            lang="zh-Hans", site="摘编", title=f"第{number}篇", body=body, footer="版权所有"))

    index_site(site, [])

    listing = json.loads((site / BUNDLE_DIR / SHARD_LIST).read_text(encoding="utf-8"))
    # beside the list, in a file of their own: the list the page waits for stays small
    common = json.loads((site / BUNDLE_DIR / listing["common"]).read_text(encoding="utf-8"))
    assert common["园区"] == 60 and common["新闻"] == 60 and common["港洽"] == 3
    assert not {"埃普", "普特"} & set(common)
    assert not {"版权"} & set(common)  # the footer is not indexed


def test_staging_on_several_processes_writes_the_same_copies_and_counts(tmp_path, monkeypatch):
    site = tmp_path / "output"
    for number in range(12):
        body = "园区的新闻" + ("埃普特签约" if number % 3 == 0 else "港洽周") + f"第{number}段"
        write(site / f"2021/0{number % 2 + 6}/a{number}/index.html", ARTICLE.format(
            lang="zh-Hans", site="摘编", title=f"第{number}篇", body=body, footer="版权所有"))
    pages = [Page(path, f"d{i}") for i, path in enumerate(site_pages(site))]
    shards = plan_shards(site, pages, shard_pages=6)
    assert len(shards) == 2
    monkeypatch.setattr(index, "STAGE_CHUNK", 4)  # tasks of four pages, across both shards
    monkeypatch.setattr(index, "PARALLEL_STAGING_FROM", 1)

    alone = index.stage_shards(site, [(s, tmp_path / "alone" / s.name) for s in shards], 1)
    shared = index.stage_shards(site, [(s, tmp_path / "shared" / s.name) for s in shards], 2)

    assert shared == alone and alone[0]["园区"] == 6
    copies = {p.relative_to(tmp_path / "alone"): p.read_bytes()
              for p in (tmp_path / "alone").rglob("*.html")}
    assert len(copies) == 12
    assert copies == {p.relative_to(tmp_path / "shared"): p.read_bytes()
                      for p in (tmp_path / "shared").rglob("*.html")}


def test_a_missing_pictures_label_stays_out_of_the_index(two_script_site: Path):
    # the caption card of a missing picture (site/figures.py) opens with 〔图略〕: the caption
    # is searched, the label is not, so no excerpt quotes it
    card = ('<figure class="figure-missing" data-missing="1.jpg"><figcaption>'
            '<span class="figure-missing-label">〔图略〕</span>签约仪式现场。</figcaption></figure>')
    write(two_script_site / "2021/07/a/index.html", ARTICLE.format(
        lang="zh-Hans", site="湘乡经开区新闻摘编", title="湘乡经开区签约埃普特项目",
        body=f"湘乡经开区与埃普特签约。</p>{card}<p>港洽周期间达成合作。", footer=""))
    index_site(two_script_site, ["zh-hant"])

    text = "\n".join(fragment_texts(two_script_site))
    assert "签约仪式现场" in text and "港洽周" in text
    assert "图略" not in text and "〔" not in text


def test_the_shard_list_names_each_bundles_metadata_on_every_site(two_script_site: Path):
    # the search page fetches a bundle's entry, metadata and wasm at once, by these names
    index_site(two_script_site, ["zh-hant"])

    for site in (two_script_site, two_script_site / "zh-hant"):
        listing = json.loads((site / BUNDLE_DIR / SHARD_LIST).read_text(encoding="utf-8"))
        for entry in listing["bundles"]:
            bundle = site / BUNDLE_DIR / entry["path"]
            described = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
            assert entry["meta"] == described["languages"][INDEX_LANG]["hash"]
            assert (bundle / f"pagefind.{entry['meta']}.pf_meta").is_file()
            assert (bundle / "wasm.unknown.pagefind").is_file()
        # each site has the common pairs the list names, beside it
        assert (site / BUNDLE_DIR / listing["common"]).is_file()
