"""Index the built site for search: one Pagefind index per script, after Pelican writes it.

The Simplified site at the root of the output folder and every variant site under its prefix
(``output/zh-hant/``…) get their own bundle in ``<site>/pagefind/``.

Pagefind cuts Chinese into words with a Simplified dictionary when it indexes, and with the
browser's segmenter when it searches; the two often disagree, most of all on Traditional text,
and a page that holds the query is then not found. So Pagefind is not given the pages as they
are but a copy of each article page in which every Chinese character is a word of its own
(characters separated by a zero-width space), and the search page asks for the query's
characters as a phrase: a page is found exactly when it holds the query. The served pages are
not changed; the copies live in a temporary folder and the URLs Pagefind records are the same.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
# Files of the bundle that hold the index itself (the rest is Pagefind's script and UI).
INDEX_PARTS = ("fragment", "index", "filter")
INDEX_TIMEOUT_S = 600
# Pagefind's ready-made interfaces; the theme's search page uses its API (pagefind.js) alone.
UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
# Only pages the theme marks are indexed (articles); Pagefind ignores the others anyway.
BODY_MARK = "data-pagefind-body"
# Han characters: the unified blocks, extension A, compatibility ideographs, extensions B-F.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
SEPARATOR = "\u200b"  # zero-width space: a word boundary for Pagefind, invisible in excerpts
HAN_BOUNDARY = re.compile(rf"(?<=[{HAN}])(?=\S)|(?<=\S)(?=[{HAN}])")
# Inline images (the theme's placeholder for a missing picture) would be stored with every page
# as Pagefind's "image" field; the copies drop them.
DATA_URI = re.compile(r'\s(?:src|srcset)="data:[^"]*"')
# Markup whose text is not page text: tags, comments, scripts and styles.
NOT_TEXT = re.compile(
    r"(<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>)", re.S | re.I
)


class SearchIndexError(RuntimeError):
    """Pagefind could not index a site; the message says which and what to do."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteIndex:
    """What one Pagefind run produced."""

    site: Path
    pages: int  # pages indexed, over all languages of the site
    bundle_bytes: int  # the whole pagefind/ folder a reader's browser may fetch from
    index_bytes: int  # the index and fragments alone, without Pagefind's scripts


def separate_characters(html: str) -> str:
    """``html`` with every Han character of its text set apart by :data:`SEPARATOR`.

    Tags, attribute values, comments, scripts and styles are left as they are.
    """
    pieces = NOT_TEXT.split(html)
    return "".join(
        piece if odd else HAN_BOUNDARY.sub(SEPARATOR, piece)
        for odd, piece in ((i % 2 == 1, p) for i, p in enumerate(pieces))
    )


def site_pages(site: Path, excluded: Iterable[str] = ()) -> Iterator[Path]:
    """HTML files of ``site``, leaving out the top-level folders named in ``excluded``."""
    skip = set(excluded)
    for path in sorted(site.rglob("*.html")):
        top = path.relative_to(site).parts[0]
        if top not in skip:
            yield path


def stage_site(site: Path, excluded: Iterable[str], staging: Path) -> int:
    """Write the copies Pagefind indexes into ``staging``; return how many pages."""
    pages = [(path, path.read_text(encoding="utf-8")) for path in site_pages(site, excluded)]
    marked = [(path, html) for path, html in pages if BODY_MARK in html]
    for path, html in marked or pages:  # no marked page: Pagefind indexes every page
        copy = staging / path.relative_to(site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_text(separate_characters(DATA_URI.sub("", html)), encoding="utf-8")
    return len(marked or pages)


def index_command(staging: Path, bundle: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(staging),
            "--output-path", str(bundle), "--quiet"]


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def read_result(site: Path) -> SiteIndex:
    """Read the bundle Pagefind wrote into ``site``."""
    bundle = site / BUNDLE_DIR
    entry_file = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise SearchIndexError(
            f"{entry_file}: Pagefind wrote no readable index entry; rebuild with -v to see its log"
        ) from e
    pages = sum(int(lang.get("page_count", 0)) for lang in entry.get("languages", {}).values())
    index_bytes = sum(
        folder_bytes(bundle / part) for part in INDEX_PARTS if (bundle / part).is_dir()
    ) + sum(path.stat().st_size for path in bundle.glob("*.pf_meta"))
    return SiteIndex(
        site=site, pages=pages, bundle_bytes=folder_bytes(bundle), index_bytes=index_bytes
    )


def plan(output_dir: Path, variant_prefixes: Sequence[str]) -> list[tuple[Path, list[str]]]:
    """The sites to index, each with the top-level folders that are not its own."""
    if not output_dir.is_dir():
        raise SearchIndexError(f"{output_dir}: no built site here; run `park-digest build` first")
    prefixes = [prefix.strip("/") for prefix in variant_prefixes if prefix.strip("/")]
    sites = [(output_dir, [*prefixes, BUNDLE_DIR])]
    for prefix in prefixes:
        site = output_dir / prefix
        if not site.is_dir():
            raise SearchIndexError(
                f"{site}: the {prefix!r} site was not built; check PARK_DIGEST_VARIANTS "
                "and the build log above"
            )
        sites.append((site, [BUNDLE_DIR]))
    return sites


def index_site(output_dir: Path, variant_prefixes: Iterable[str]) -> list[SiteIndex]:
    """Write a Pagefind bundle into the root site and into every variant site.

    The sites' pages are staged one after the other, then Pagefind runs on all of them at once.
    Returns one :class:`SiteIndex` per site, root first. Raises :class:`SearchIndexError`
    naming the site when Pagefind fails.
    """
    output_dir = Path(output_dir)
    sites = plan(output_dir, list(variant_prefixes))
    with tempfile.TemporaryDirectory(prefix="park-digest-search-") as temp:
        running = []
        for number, (site, excluded) in enumerate(sites):
            staging = Path(temp) / str(number)
            staging.mkdir()
            staged = stage_site(site, excluded, staging)
            bundle = site / BUNDLE_DIR
            shutil.rmtree(bundle, ignore_errors=True)  # no fragments of older builds
            command = index_command(staging, bundle)
            logger.debug("indexing %s pages of %s: %s", staged, site, " ".join(command))
            running.append((site, subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )))
        failures = [failure for site, process in running if (failure := _wait(site, process))]
    if failures:
        raise SearchIndexError(
            "search index failed; fix the pages named below and rebuild:\n" + "\n".join(failures)
        )
    for site, _ in sites:
        for name in UNUSED_FILES:
            (site / BUNDLE_DIR / name).unlink(missing_ok=True)
    results = [read_result(site) for site, _ in sites]
    for result in results:
        logger.info(
            "search index %s: %s pages, %.1f kB (bundle %.1f kB)",
            result.site, result.pages, result.index_bytes / 1000, result.bundle_bytes / 1000,
        )
    return results


def _wait(site: Path, process: subprocess.Popen) -> str | None:
    """Wait for one Pagefind run; what went wrong, or None."""
    try:
        log, _ = process.communicate(timeout=INDEX_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return f"{site}: Pagefind ran over {INDEX_TIMEOUT_S} s"
    if process.returncode != 0:
        return f"{site}: Pagefind exited with {process.returncode}: {log.strip()}"
    return None
