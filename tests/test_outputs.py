"""The output holds only what the last build made.

Files an earlier build wrote and this one does not (a deleted article's pages in both scripts,
a tag no longer used, a vanished page of a listing) are removed by every build, incremental or
forced, before the sitemap and the search index read the output. A file no build wrote (put
there by hand) is kept and named once.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from pathlib import Path

import pytest

from bench import site as bench_site
from park_digest.site.outputs import foreign, mirrored, remove_files, stale, theme_static_files
from support import build_site

ARTICLES = 12

# (previous build's files, this build's files, files to remove) — each case says what it covers
STALE_CASES = [
    ([], ["index.html"], []),  # first build: nothing to remove
    (["index.html", "a/index.html"], ["index.html", "a/index.html"], []),  # nothing went
    (["index.html", "a/index.html"], ["index.html"], ["a/index.html"]),  # an article went
    (["tag/x/index.html", "tag/y/index.html"], ["tag/y/index.html"], ["tag/x/index.html"]),
    (["page/2/index.html", "index.html"], ["index.html"], ["page/2/index.html"]),  # a page
    (["b", "a", "c"], [], ["a", "b", "c"]),  # sorted
    (["../outside.html", "/etc/passwd", ""], [], []),  # never a path outside the output
]


@pytest.mark.parametrize(("previous", "current", "expected"), STALE_CASES)
def test_stale_files_are_those_the_last_build_wrote_and_this_one_did_not(
    previous, current, expected
):
    assert stale(previous, current) == expected


# (files present, files produced, owned folders, foreign files)
FOREIGN_CASES = [
    (["index.html"], ["index.html"], [], []),
    (["index.html", "notes.txt"], ["index.html"], [], ["notes.txt"]),  # put there by hand
    (["pagefind/a/x.pf_fragment"], [], ["pagefind"], []),  # the indexer's own
    (["zh-hant/pagefind/shards.json"], [], ["zh-hant/pagefind"], []),
    (["pagefinder.html"], [], ["pagefind"], ["pagefinder.html"]),  # a folder, not a prefix
]


@pytest.mark.parametrize(("present", "produced", "owned", "expected"), FOREIGN_CASES)
def test_files_no_build_wrote_are_found(present, produced, owned, expected):
    assert foreign(present, produced, owned) == expected


def test_variant_sites_mirror_the_root_paths():
    assert mirrored({"index.html", "a/b.html"}, "zh-hant") == {
        "zh-hant/index.html", "zh-hant/a/b.html"}


def test_removing_files_drops_the_folders_they_leave_empty_and_nothing_else(tmp_path: Path):
    out = tmp_path / "output"
    for rel in ("tag/x/index.html", "tag/y/index.html", "2021/07/a/index.html", "keep.txt"):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text("x", encoding="utf-8")
    (tmp_path / "outside.html").write_text("x", encoding="utf-8")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources/1.jpg").write_text("x", encoding="utf-8")
    (out / "images").symlink_to(tmp_path / "sources", target_is_directory=True)

    removed = remove_files(out, ["tag/x/index.html", "2021/07/a/index.html", "gone.html",
                                 "../outside.html", "tag", "images/1.jpg"])

    assert removed == ["tag/x/index.html", "2021/07/a/index.html"]
    assert not (out / "tag/x").exists() and not (out / "2021").exists()
    assert (out / "tag/y/index.html").is_file() and (out / "keep.txt").is_file()
    assert (tmp_path / "outside.html").is_file()
    assert (tmp_path / "sources/1.jpg").is_file(), "a file behind a link out of the output"


def test_theme_static_files_are_listed_as_pelican_copies_them(tmp_path: Path):
    theme = tmp_path / "theme"
    for rel in ("static/css/style.css", "static/js/app.js", "static/js/.#draft.js",
                "robots.txt"):
        (theme / rel).parent.mkdir(parents=True, exist_ok=True)
        (theme / rel).write_text("x", encoding="utf-8")
    settings = {"THEME_STATIC_DIR": "theme", "THEME_STATIC_PATHS": ["static", "robots.txt"],
                "IGNORE_FILES": [".#*"]}

    assert theme_static_files(theme, settings) == {
        "theme/css/style.css", "theme/js/app.js", "theme/robots.txt"}


# --- end to end: a synthetic archive built, then built again after articles were deleted


def front_matter(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(r'^(\w+): (.*)$', text, re.M)}


def delete_article(site: bench_site.Site, markdown: Path) -> None:
    """What an editor does to take an article off the site: its seed and its Markdown go."""
    raw = json.loads(front_matter(markdown)["raw"])
    (site.root / raw).unlink()
    markdown.unlink()


def tags_of(markdown: Path) -> set[str]:
    return set(json.loads(front_matter(markdown).get("tags", "[]")))


def search_records(site: Path) -> str:
    """Every page record of a site's search bundles, decompressed."""
    return "\n".join(gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                     for p in sorted((site / "pagefind").glob("*/fragment/*")))


def article_dirs(output: Path) -> set[str]:
    return {p.parent.relative_to(output).as_posix()
            for p in output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html")}


def locations(sitemap: str) -> set[str]:
    return set(re.findall(r"<loc>([^<]*)</loc>", sitemap))


def built_files(output: Path) -> set[str]:
    """Every file of the output but the search bundles' (Pagefind names its files anew)."""
    return {p.relative_to(output).as_posix() for p in output.rglob("*")
            if p.is_file() and "pagefind" not in p.relative_to(output).parts}


@pytest.fixture
def built(tmp_path: Path) -> bench_site.Site:
    project = bench_site.make_site(tmp_path, ARTICLES)
    build_site(project.root)
    return project


@pytest.mark.parametrize("how", [(), ("--force",)], ids=["incremental", "forced"])
def test_a_deleted_article_and_its_tag_leave_the_output_the_sitemap_and_search(built, how):
    site, output = built, built.output
    articles = sorted((site.root / "content/articles").glob("*.md"))
    gone, kept = articles[: ARTICLES // 2], articles[ARTICLES // 2:]
    lost_tags = set().union(*map(tags_of, gone)) - set().union(*map(tags_of, kept))
    assert lost_tags, "the archive should have a tag only the deleted articles use"
    before = article_dirs(output)
    lost_pages = {d for d in before if any(d.endswith(a.stem) for a in gone)}
    assert len(lost_pages) == len(gone)
    tag_folders = {p.name for p in (output / "tag").iterdir() if p.is_dir()}
    hand_placed = output / "verify-1234.html"
    hand_placed.write_text("<p>site verification</p>", encoding="utf-8")
    for markdown in gone:
        delete_article(site, markdown)

    log = build_site(site.root, *how)

    for prefix in ("", "zh-hant/"):
        for page in lost_pages:
            assert not (output / prefix / page).exists(), f"{prefix}{page} is still there"
        assert {d for d in article_dirs(output / prefix) if d in lost_pages} == set()
    assert article_dirs(output) == before - lost_pages
    left_tags = {p.name for p in (output / "tag").iterdir() if p.is_dir()}
    assert len(left_tags) < len(tag_folders), "the tag pages of vanished tags stayed"
    assert left_tags == {p.name for p in (output / "zh-hant/tag").iterdir() if p.is_dir()}
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    for page in lost_pages:
        assert page not in sitemap
        assert page not in search_records(output)
        assert page not in search_records(output / "zh-hant")
    for markdown in kept:
        assert markdown.stem in sitemap and markdown.stem in search_records(output)
    assert hand_placed.is_file(), "a file no build wrote was deleted"
    assert "verify-1234.html" in log and "content/extra/" in log
    # the same files as a build into an empty folder (a listing's vanished page/2/ included)
    fresh = site.root / "output-fresh"
    build_site(site.root, "--force", "--output", str(fresh))
    assert built_files(output) - {"verify-1234.html"} == built_files(fresh)
    fresh_sitemap = (fresh / "sitemap.xml").read_text(encoding="utf-8")
    assert locations(sitemap) - {"/verify-1234.html"} == locations(fresh_sitemap)

    again = build_site(site.root, "--force")
    assert hand_placed.is_file()
    assert "verify-1234.html" not in again, "the hand-placed file is reported only once"


def test_a_build_that_logged_errors_keeps_the_pages_it_could_not_write(built):
    site, output = built, built.output
    markdown = sorted((site.root / "content/articles").glob("*.md"))[0]
    page = next(d for d in article_dirs(output) if d.endswith(markdown.stem))
    text = markdown.read_text(encoding="utf-8")
    markdown.write_text(re.sub(r"^date: .*\n", "", text, flags=re.M), encoding="utf-8")

    log = build_site(site.root)

    assert (output / page / "index.html").is_file()
    assert "logged errors" in log


def test_a_variant_no_longer_configured_leaves_with_its_search_bundle(built):
    site, output = built, built.output
    assert (output / "zh-hant/index.html").is_file()
    settings = site.root / "pelicanconf.py"
    settings.write_text(settings.read_text(encoding="utf-8")
                        + "\nPARK_DIGEST_VARIANTS = {}\n", encoding="utf-8")

    log = build_site(site.root)

    assert not (output / "zh-hant").exists(), sorted(
        p.relative_to(output).as_posix() for p in (output / "zh-hant").rglob("*"))[:10]
    assert "zh-hant/" not in search_records(output)
    assert "zh-hant/" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    assert "were not written by any build" not in log


def test_a_variant_site_no_run_wrote_is_recorded_as_the_root_s_paths(tmp_path: Path):
    """A variant derived from the root's pages (no Pelican run of its own) keeps the root's
    paths under its prefix; what its last record held beyond them goes."""
    from park_digest.site import outputs

    out, cache = tmp_path / "output", tmp_path / "cache"
    settings = {"OUTPUT_PATH": str(out), "CACHE_PATH": str(cache),
                "PARK_DIGEST_VARIANTS": {"zh-hant": "s2hk"}}
    for rel in ("index.html", "a/index.html", "zh-hant/index.html", "zh-hant/a/index.html",
                "zh-hant/old/index.html", "zh-hant/pagefind/shards.json", "notes.txt"):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text("x", encoding="utf-8")
    folder = outputs.records_dir(settings)
    outputs.write_record(outputs.record_path(folder, "zh-hant"),
                         ["index.html", "a/index.html", "old/index.html"])
    started = time.time_ns()
    outputs.write_record(outputs.record_path(folder, ""), ["index.html", "a/index.html"])

    outcome = outputs.finish_build(settings, started)

    assert outcome.removed == 1 and not (out / "zh-hant/old").exists()
    assert (out / "zh-hant/a/index.html").is_file()
    assert outcome.foreign == ("notes.txt",)
    assert outputs.record_files(outputs.record_path(folder, "zh-hant")) == {
        "index.html", "a/index.html"}
