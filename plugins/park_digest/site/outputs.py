"""The output holds what the last build made: files an earlier build wrote and this one did not
are removed.

Every Pelican run lists what it writes (pages and feeds from Pelican's signals, static files,
the theme's static files, resized images, the sitemap) and keeps that list, its *record*, in the
build cache (``cache/park-digest/outputs-<key>/``, one file per site: ``root.json``,
``variant-zh-hant.json``…). At the end of the run, before the sitemap and the search index read
the output, the files of the last record that are not in the new one are deleted, and the
folders they leave empty. The root run also takes over the files of a variant that is no longer
configured, and removes that site's search bundle. After the whole build, :func:`finish_build`
records each variant site that no Pelican run wrote (a site derived from the root's pages has
the root's paths under its prefix) and looks for files that no build wrote.

Never deleted: a file no record lists (a dropped variant's search bundle aside). A file an
editor put into ``output/`` by hand is kept and named in one warning (at the first build that
finds it): ``make publish`` empties ``output/`` and would lose it, so it belongs in
``content/extra/``. The search bundles (``pagefind/`` of each site) belong to the indexer,
which drops vanished pages itself.

A build that writes only a selection of pages (``PARK_DIGEST_WRITE_ONLY``) makes the same set of
files as the build before it, so it keeps the last record. A run that logged an error keeps
every file of the last record: a page missing because its article could not be read stays
until a build without errors.
"""

from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from park_digest.filetree import Entry, tree_entries
from park_digest.settings import STATE_DIR, resolve
from park_digest.site.assets import MANIFEST_KEY
from park_digest.site.images import WIDTHS, variant_path
from park_digest.statefile import read_json, write_json

logger = logging.getLogger(__name__)

FORMAT = 1
ROOT_SCOPE = "root"  # the record of the Simplified site at the root of the output
VARIANT_RECORD = "variant-"  # the record of a variant site: variant-zh-hant.json
FOREIGN_FILE = "foreign.json"  # files no build wrote, already reported
BUNDLE_DIR = "pagefind"  # each site's search bundle, owned by the search indexer
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
ROBOTS = "robots.txt"  # written beside the sitemap (sitemap.py)
FOREIGN_NAMED = 10  # files named in the warning; the rest are counted


def stale(previous: Iterable[str], current: Iterable[str]) -> list[str]:
    """The files of ``previous`` that ``current`` no longer holds, sorted, each a safe relative
    path (nothing absolute, nothing outside the output folder)."""
    return sorted(p for p in set(previous) - set(current) if is_relative_inside(p))


def is_relative_inside(rel: str) -> bool:
    path = PurePosixPath(rel)
    return bool(rel) and not path.is_absolute() and ".." not in path.parts and "\\" not in rel


def mirrored(files: Iterable[str], prefix: str) -> set[str]:
    """``files`` of the root site as the paths of the same files on the site under ``prefix``."""
    return {f"{prefix}/{rel}" for rel in files}


def foreign(present: Iterable[str], produced: Iterable[str], owned: Iterable[str]) -> list[str]:
    """Files ``present`` in the output that no build ``produced`` and that are not under one of
    the ``owned`` folders (search bundles, retained folders), sorted."""
    made = set(produced)
    folders = tuple(f"{folder.strip('/')}/" for folder in owned)
    return sorted(p for p in present if p not in made and not p.startswith(folders))


def remove_files(output: Path, paths: Iterable[str]) -> list[str]:
    """Delete each of ``paths`` (relative to ``output``) that is a file or a link, then every
    folder left empty, up to ``output``; return the paths deleted. A folder is never deleted
    with what it holds, and nothing outside ``output`` is touched."""
    removed = []
    folders: set[Path] = set()
    for rel in paths:
        if not is_relative_inside(rel):
            continue
        path = output / rel
        if path.is_dir() and not path.is_symlink():
            continue
        if not path.parent.resolve().is_relative_to(output.resolve()):
            continue  # under a link to a folder elsewhere (the sources, say): not ours
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as e:
            logger.warning("%s: could not remove this file of an earlier build (%s); "
                           "delete it by hand", path, e)
            continue
        removed.append(rel)
        logger.info("removed %s (an earlier build wrote it, this one did not)", path)
        folders.update(path.parents[: len(PurePosixPath(rel).parts) - 1])
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    return removed


# --- where the records are kept


def _top(settings: Mapping[str, Any]) -> tuple[Path, Path, str]:
    """The output folder of the whole build, its cache folder, and this run's site prefix
    (a variant run writes into ``<output>/<prefix>`` with its cache in ``<cache>/<prefix>``)."""
    output = Path(settings["OUTPUT_PATH"])
    cache = Path(settings.get("CACHE_PATH", "cache"))
    prefix = str(settings.get("PARK_DIGEST_VARIANT") or "").strip("/")
    if prefix and output.name == prefix:
        output = output.parent
    if prefix and cache.name == prefix:
        cache = cache.parent
    return output, cache, prefix


def records_dir(settings: Mapping[str, Any]) -> Path:
    """The folder of the records of the build into this run's output folder."""
    output, cache, _ = _top(settings)
    key = hashlib.sha256(str(output.resolve()).encode("utf-8", "surrogateescape")).hexdigest()
    return cache / STATE_DIR / f"outputs-{key[:16]}"


def record_path(folder: Path, prefix: str) -> Path:
    """The record of the site under ``prefix`` ("" is the root) in the records ``folder``."""
    return folder / (f"{VARIANT_RECORD}{prefix}.json" if prefix else f"{ROOT_SCOPE}.json")


def read_record(path: Path) -> dict[str, Any] | None:
    record = read_json(path)
    if not (isinstance(record, dict) and record.get("format") == FORMAT
            and isinstance(record.get("files"), list)):
        return None
    return record


def record_files(path: Path) -> set[str] | None:
    record = read_record(path)
    return None if record is None else set(record["files"])


def write_record(path: Path, files: Iterable[str], removed: int = 0) -> None:
    """Keep a record: the files, when it was written, how many files the run removed."""
    write_json(path, {"format": FORMAT, "written_ns": time.time_ns(), "removed": removed,
                      "files": sorted(files)}, indent=None)


# --- what one Pelican run writes


def theme_static_files(theme: Path, settings: Mapping[str, Any]) -> set[str]:
    """The files Pelican copies from the theme, as it copies them (``THEME_STATIC_PATHS`` into
    ``THEME_STATIC_DIR``, a folder's contents merged, ``IGNORE_FILES`` left out)."""
    ignores = list(settings.get("IGNORE_FILES") or ())
    dest = PurePosixPath(str(settings.get("THEME_STATIC_DIR", "theme")))

    def ignored(name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)

    files: set[str] = set()
    for path in settings.get("THEME_STATIC_PATHS") or ():
        source = theme / path
        if ignored(source.name):
            continue
        if source.is_file():
            files.add((dest / source.name).as_posix())
            continue
        for folder, dirs, names in os.walk(source, followlinks=True):
            dirs[:] = [d for d in dirs if not ignored(d)]
            rel = PurePosixPath(Path(folder).relative_to(source).as_posix())
            files.update((dest / rel / name).as_posix() for name in names
                         if not ignored(name) and os.path.isfile(os.path.join(folder, name)))
    return {os.path.normpath(f).replace(os.sep, "/") for f in files}


def resized_images(output: Path, static: Iterable[str]) -> set[str]:
    """The resized copies (``images.py``) written beside the static images of ``static``."""
    found = set()
    for rel in static:
        if rel.lower().endswith(IMAGE_SUFFIXES):
            for width in WIDTHS:
                copy = variant_path(rel, width)
                if (output / copy).is_file():
                    found.add(copy)
    return found


class _ErrorCount(logging.Handler):
    """Counts the records logged at ERROR or worse while one run goes."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass(slots=True)
class _Run:
    output: Path
    written: set[str] = field(default_factory=set)
    static: list[Any] = field(default_factory=list)  # Pelican's Static objects
    errors: _ErrorCount = field(default_factory=_ErrorCount)

    def note(self, path: str) -> None:
        base = f"{self.output}{os.sep}"
        path = os.path.abspath(path)
        if path.startswith(base):
            self.written.add(path[len(base):].replace(os.sep, "/"))


_run: _Run | None = None  # the Pelican run going on in this process


def start_recording(pelican: Any) -> None:
    """``initialized``: start listing what this run writes, and counting the errors it logs."""
    global _run
    _stop_counting()
    _run = _Run(output=Path(os.path.abspath(pelican.output_path)))
    logging.getLogger().addHandler(_run.errors)


def _stop_counting() -> None:
    if _run is not None:
        logging.getLogger().removeHandler(_run.errors)


def note_page(path: str, context: Any = None) -> None:
    """``content_written``: a page of this run (also one a selective build left as it was)."""
    if _run is not None:
        _run.note(path)


def note_feed(path: str, context: Any = None, feed: Any = None) -> None:
    """``feed_written``."""
    if _run is not None:
        _run.note(path)


def note_static(generator: Any) -> None:
    """``static_generator_finalized``: keep the static files; their final place is known once
    the pages are written ({attach} links move them)."""
    if _run is not None:
        _run.static = list(generator.context.get("staticfiles") or ())


def produced(pelican: Any, run: _Run, previous: set[str] | None) -> set[str]:
    """Every file this run wrote or copied, relative to its output folder (``previous``: the
    last run's record)."""
    settings = pelican.settings
    static = {str(sc.save_as).replace(os.sep, "/") for sc in run.static if sc.save_as}
    manifest = settings.get(MANIFEST_KEY)  # the theme's files under fingerprinted names
    theme = ({f"{manifest.folder}/{name}" for name in manifest.names.values()}
             if manifest is not None else theme_static_files(Path(pelican.theme), settings))
    files = run.written | static | theme
    files |= resized_images(run.output, static)
    conf = resolve(settings)
    if conf["PARK_DIGEST_SITEMAP"] and not conf["PARK_DIGEST_VARIANT"]:
        files.add(conf["PARK_DIGEST_SITEMAP"])
        # the sitemap's run writes robots.txt unless one of the editors' is there
        if ROBOTS in (previous or ()) or not (run.output / ROBOTS).exists():
            files.add(ROBOTS)
    return files


def remove_stale(pelican: Any) -> None:
    """``finalized`` (before the sitemap): delete what the last run wrote and this one did not;
    keep this run's record."""
    global _run
    run, settings = _run, pelican.settings
    _stop_counting()
    _run = None
    if run is None:
        return
    folder = records_dir(settings)
    _, _, prefix = _top(settings)
    record = record_path(folder, prefix)
    previous = record_files(record)
    if settings.get("PARK_DIGEST_WRITE_ONLY") is not None:
        # a selection: the same files as the last build; its record stands for this build
        if previous is not None:
            write_record(record, previous)
        return
    files = produced(pelican, run, previous)
    gone_sites: list[Path] = []
    if not prefix:  # the root takes over the sites of variants no longer configured
        current = set(resolve(settings)["PARK_DIGEST_VARIANTS"])
        for other in sorted(folder.glob(f"{VARIANT_RECORD}*.json")) if folder.is_dir() else ():
            gone = other.stem.removeprefix(VARIANT_RECORD)
            if gone not in current:
                previous = (previous or set()) | mirrored(record_files(other) or (), gone)
                gone_sites.append(other)
    old = stale(previous or (), files)
    removed = []
    if run.errors.count and old:
        logger.warning(
            "%s: this build logged errors, so the %d file(s) of the last build it did not write "
            "stay (e.g. %s); fix the errors and build again to remove them",
            run.output, len(old), old[0])
        files |= set(old)
    else:
        removed = remove_files(run.output, old)
    write_record(record, files, len(removed))
    for other in gone_sites:
        remove_bundle(run.output / other.stem.removeprefix(VARIANT_RECORD))
        other.unlink(missing_ok=True)


def this_run_files(settings: Mapping[str, Any]) -> set[str] | None:
    """The files of this run's site as its record lists them once the run has written them
    (after :func:`remove_stale`); None when there is no record."""
    _, _, prefix = _top(settings)
    return record_files(record_path(records_dir(settings), prefix))


def remove_bundle(site: Path) -> None:
    """Delete the search bundle of a site that is no longer built (nothing indexes it now),
    and the site's folder when that leaves it empty."""
    bundle = site / BUNDLE_DIR
    if bundle.is_dir() and not bundle.is_symlink():
        shutil.rmtree(bundle, ignore_errors=True)
        logger.info("removed %s (the search index of a site no longer built)", bundle)
    with contextlib.suppress(OSError):
        site.rmdir()


# --- after the whole build


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """What :func:`finish_build` found: files removed, files no build wrote."""

    removed: int
    foreign: tuple[str, ...]
    entries: list[Entry] | None = None  # the output's files as the build leaves them


def _removed_since(path: Path, started_ns: int) -> int:
    record = read_record(path)
    if record is None or int(record.get("written_ns") or 0) < started_ns:
        return 0
    return int(record.get("removed") or 0)


def root_only(settings: Mapping[str, Any]) -> Callable[[str], bool]:
    """Whether the root's file ``rel`` serves every script and has no copy in a derived variant
    site: the theme's files, the sitemap and robots.txt."""
    theme = str(settings.get("THEME_STATIC_DIR", "theme")).strip("/") + "/"
    kept = (resolve(settings)["PARK_DIGEST_SITEMAP"], ROBOTS)
    return lambda rel: rel.startswith(theme) or rel in kept


def finish_build(settings: Mapping[str, Any], started_ns: int) -> Outcome:
    """After a whole ``park-digest build``: record each variant site no Pelican run recorded in
    this build as the root's files under its prefix (removing what that site's last record
    held beyond them), and report once each file in the output that no build wrote."""
    output = Path(settings["OUTPUT_PATH"])
    folder = records_dir(settings)
    root = record_files(record_path(folder, ""))
    if root is None:
        return Outcome(removed=0, foreign=())
    made = set(root)
    removed = _removed_since(record_path(folder, ""), started_ns)
    prefixes = list(resolve(settings)["PARK_DIGEST_VARIANTS"])
    at_root_only = root_only(settings)
    for prefix in prefixes:
        path = record_path(folder, prefix)
        record = read_record(path)
        if record is not None and int(record.get("written_ns") or 0) >= started_ns:
            files = set(record["files"])  # a Pelican run of the variant wrote it just now
            removed += int(record.get("removed") or 0)
        else:  # derived from the root's pages: its files but those kept once, at the root
            files = {rel for rel in root if not at_root_only(rel)}
            removed += len(remove_files(output / prefix, stale(record["files"] if record
                                                                else (), files)))
            write_record(path, files)
        made |= mirrored(files, prefix)
    owned = [BUNDLE_DIR, *(f"{p}/{BUNDLE_DIR}" for p in prefixes)]
    owned += [str(r) for r in settings.get("OUTPUT_RETENTION") or () if str(r) not in prefixes]
    entries = tree_entries(output)  # one walk: the build's fingerprint of its output reuses it
    found = foreign([rel for rel, _, _ in entries], made, owned)
    reported = record_files(folder / FOREIGN_FILE) or set()
    new = [rel for rel in found if rel not in reported]
    if new:
        named = ", ".join(new[:FOREIGN_NAMED])
        more = f" and {len(new) - FOREIGN_NAMED} more" if len(new) > FOREIGN_NAMED else ""
        logger.warning(
            "%s: %d file(s) here were not written by any build: %s%s. They are kept and "
            "published as they are, but `make publish` empties the folder: to publish a file, "
            "put it in content/extra/ (every build copies it to extra/, or where "
            "EXTRA_PATH_METADATA says); leftovers of builds older than this check can be "
            "deleted by hand",
            output, len(new), named, more)
    write_record(folder / FOREIGN_FILE, found)
    return Outcome(removed=removed, foreign=tuple(found), entries=entries)
