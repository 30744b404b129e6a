"""`park-digest build` after an edit of article text writes only the pages that hold it.

Each case edits a synthetic archive that was built once, builds again, and checks two things:
which files the build rewrote, and that the output is byte for byte what a full build of the
same content writes into a fresh folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import generate
from bench import site as bench_site
from support import build_site

ARTICLES = 30
# Outputs compared with a full build: pages, feeds, sitemap (the search bundles are checked by
# tests/test_search.py; Pagefind names its chunks anew on every run).
COMPARED = ("*.html", "*.xml")


def stamps(output: Path) -> dict[str, int]:
    return {p.relative_to(output).as_posix(): p.stat().st_mtime_ns
            for pattern in COMPARED for p in output.rglob(pattern)
            if "pagefind" not in p.relative_to(output).parts}


def assert_same_as_a_full_build(root: Path, output: Path) -> None:
    fresh = root / "output-full"
    build_site(root, "--force", "--output", str(fresh))
    ours, theirs = stamps(output), stamps(fresh)
    assert ours.keys() == theirs.keys()
    differ = [rel for rel in ours
              if (output / rel).read_bytes() != (fresh / rel).read_bytes()]
    assert differ == []


def article_page(output: Path, needle: str) -> str:
    """The URL path of the one root article page whose text holds ``needle``."""
    found = [p for p in output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html")
             if needle in p.read_text(encoding="utf-8")]
    assert len(found) == 1, found
    return found[0].relative_to(output).as_posix()


@pytest.fixture
def site(tmp_path: Path) -> bench_site.Site:
    project = bench_site.make_site(tmp_path, ARTICLES)
    build_site(project.root)
    return project


def test_an_edited_sentence_rewrites_its_pages_and_listings_alone(site):
    before = stamps(site.output)
    bench_site.edit_one_seed(site)

    log = build_site(site.root)

    assert "only article text changed" in log
    page = article_page(site.output, "本周又有一家企业签约入驻")
    after = stamps(site.output)
    rewritten = {rel for rel in after if after[rel] != before.get(rel)}
    assert {page, f"zh-hant/{page}"} <= rewritten
    assert "index.html" in rewritten  # the home page lists every article's summary
    others = [rel for rel in before if rel.count("/") == 3 and rel.endswith("/index.html")
              and rel != page and not rel.startswith("zh-hant/")]
    assert others and not rewritten & set(others), "other articles' pages were rewritten"
    assert len(rewritten) < len(before) / 4, sorted(rewritten)
    assert_same_as_a_full_build(site.root, site.output)


def test_an_edited_summary_rewrites_every_listing_that_shows_it(site):
    seed = site.seed_files()[ARTICLES // 2]
    lines = seed.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if len(line) > 60)  # the first paragraph
    lines[first] = "园区另讯：" + lines[first]
    seed.write_text("\n".join(lines), encoding="utf-8")
    before = stamps(site.output)

    log = build_site(site.root, "-v")

    assert "only article text changed" in log
    after = stamps(site.output)
    rewritten = {rel for rel in after if after[rel] != before.get(rel)}
    listings = [rel for rel in rewritten if rel.startswith(("tag/", "category/", "author/"))]
    assert listings, sorted(rewritten)  # the tag, category and author pages show summaries
    assert all("园区另讯：" in (site.output / rel).read_text(encoding="utf-8")
               for rel in listings)
    assert_same_as_a_full_build(site.root, site.output)


def test_a_changed_title_rewrites_every_page(site):
    seed = site.seed_files()[ARTICLES // 2]
    lines = seed.read_text(encoding="utf-8").split("\n")
    title = next(i for i, line in enumerate(lines) if line.strip())
    lines[title] = lines[title].strip() + "（更新）"
    seed.write_text("\n".join(lines), encoding="utf-8")
    before = stamps(site.output)

    log = build_site(site.root, "-v")  # -v: the build's informational lines

    assert "listed facts of an article changed" in log
    after = stamps(site.output)
    # every page and feed; the sitemap is rewritten only when what it lists changed
    assert all(after[rel] != before[rel] for rel in before
               if rel in after and rel != "sitemap.xml")
    assert_same_as_a_full_build(site.root, site.output)


def test_a_new_article_rewrites_every_page(site, tmp_path):
    generate.write_seeds(tmp_path / "more", 1, seed=99)
    (new,) = (tmp_path / "more").glob("*.txt")
    new.rename(site.seeds / f"zz_{new.name}")
    before = stamps(site.output)

    log = build_site(site.root, "-v")  # -v: the build's informational lines

    assert "Processed 31 articles" in log
    assert "articles came or went since the last build" in log
    after = stamps(site.output)
    assert all(after[rel] != before[rel] for rel in before if rel in after)
    assert_same_as_a_full_build(site.root, site.output)
