"""Index the built site for search: one Pagefind index per script, after Pelican writes it.

The Simplified site at the root of the output folder and every variant site under its prefix
(``output/zh-hant/``…) get their own bundle in ``<site>/pagefind/``. The root run must not read
the variant sites below it, so it is given a glob naming only the root's own files and folders.
Pagefind itself indexes only what the theme marks with ``data-pagefind-body`` (article pages).
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
# Files of the bundle that hold the index itself (the rest is Pagefind's script and UI).
INDEX_PARTS = ("fragment", "index", "filter")
INDEX_TIMEOUT_S = 600
# Characters with a meaning in Pagefind's glob syntax; escaped in file and folder names.
GLOB_SPECIAL = re.compile(r"([\\{}\[\]()*?<>!,:#])")


class SearchIndexError(RuntimeError):
    """Pagefind could not index a site; the message says which and what to do."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteIndex:
    """What one Pagefind run produced."""

    site: Path
    pages: int  # pages indexed, over all languages of the site
    bundle_bytes: int  # the whole pagefind/ folder a reader's browser may fetch from
    index_bytes: int  # the index and fragments alone, without Pagefind's scripts


def escape_glob(name: str) -> str:
    return GLOB_SPECIAL.sub(r"\\\1", name)


def root_glob(entries: Iterable[tuple[str, bool]], excluded: Iterable[str]) -> str:
    """Glob of the HTML files of a site whose top level holds ``entries`` (name, is_folder).

    Folders in ``excluded`` (variant sites, an old bundle) are left out.
    """
    skip = set(excluded)
    parts = ["*.html"]
    for name, is_folder in sorted(entries):
        if is_folder and name not in skip:
            parts.append(f"{escape_glob(name)}/**/*.html")
    return "{" + ",".join(parts) + "}"


def index_command(site: Path, glob: str | None = None) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--quiet"]
    if glob:
        command += ["--glob", glob]
    return command


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


def plan(output_dir: Path, variant_prefixes: Sequence[str]) -> list[tuple[Path, str | None]]:
    """The sites to index, each with the glob that limits it to its own pages."""
    if not output_dir.is_dir():
        raise SearchIndexError(f"{output_dir}: no built site here; run `park-digest build` first")
    prefixes = [prefix.strip("/") for prefix in variant_prefixes if prefix.strip("/")]
    entries = [(path.name, path.is_dir()) for path in output_dir.iterdir()]
    sites: list[tuple[Path, str | None]] = [
        (output_dir, root_glob(entries, [*prefixes, BUNDLE_DIR]) if prefixes else None)
    ]
    for prefix in prefixes:
        site = output_dir / prefix
        if not site.is_dir():
            raise SearchIndexError(
                f"{site}: the {prefix!r} site was not built; check PARK_DIGEST_VARIANTS "
                "and the build log above"
            )
        sites.append((site, None))
    return sites


def index_site(output_dir: Path, variant_prefixes: Iterable[str]) -> list[SiteIndex]:
    """Write a Pagefind bundle into the root site and into every variant site; runs in parallel.

    Returns one :class:`SiteIndex` per site, root first. Raises :class:`SearchIndexError`
    naming the site when Pagefind fails.
    """
    output_dir = Path(output_dir)
    sites = plan(output_dir, list(variant_prefixes))
    running = []
    for site, glob in sites:
        shutil.rmtree(site / BUNDLE_DIR, ignore_errors=True)  # no fragments of older builds
        command = index_command(site, glob)
        logger.debug("indexing %s: %s", site, " ".join(command))
        running.append((site, subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )))
    failures = []
    for site, process in running:
        try:
            log, _ = process.communicate(timeout=INDEX_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            log, _ = process.communicate()
            failures.append(f"{site}: Pagefind ran over {INDEX_TIMEOUT_S} s")
            continue
        if process.returncode != 0:
            failures.append(f"{site}: Pagefind exited with {process.returncode}: {log.strip()}")
    if failures:
        raise SearchIndexError(
            "search index failed; fix the pages named below and rebuild:\n" + "\n".join(failures)
        )
    results = [read_result(site) for site, _ in sites]
    for result in results:
        logger.info(
            "search index %s: %s pages, %.1f kB (bundle %.1f kB)",
            result.site, result.pages, result.index_bytes / 1000, result.bundle_bytes / 1000,
        )
    return results
