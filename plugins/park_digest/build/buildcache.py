"""Skip a build when nothing it reads has changed and its output is as that build left it.

After a successful build, :func:`remember` stores a fingerprint of every input — seeds, content,
theme, plugin code, settings (as resolved, so environment overrides count), installed package
versions and the Python version — and a fingerprint of the output tree, in Pelican's cache
folder. :func:`unchanged` computes both again: equal means the output is already what a build
would write, and the build is skipped.

Files are fingerprinted by path, size and modification time (like ``make``), which costs one
``stat`` per file; the importer and Pelican leave files they do not change untouched, so a build
with nothing changed leaves every fingerprint equal.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import pickle
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any

from park_digest import settings as park_settings
from park_digest.filetree import Entry, tree_entries
from park_digest.settings import STATE_DIR
from park_digest.statefile import read_json, write_json

logger = logging.getLogger(__name__)

FORMAT = 1  # bump when the fingerprint's recipe changes
PICKLE_STOP = pickle.STOP  # the last byte of every whole pickle
# Pelican names its cache files after the generator: ArticlesGenerator, ArticlesGenerator-Readers.
PELICAN_CACHE_SUFFIXES = ("Generator", "Generator-Readers")


def _stable(value: Any) -> Any:
    """A JSON-ready form of a setting that is the same from one process to the next."""
    if isinstance(value, Mapping):
        return {str(k): _stable(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(str(_stable(v)) for v in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (Path, tzinfo)):
        return str(value)
    if callable(value):
        return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', '?')}"
    return type(value).__qualname__  # objects whose repr holds an address


def settings_digest(settings: Mapping[str, Any]) -> str:
    text = json.dumps(_stable(settings), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest_entries(entries: Iterable[tuple[str, int, int]]) -> str:
    h = hashlib.sha256()
    for rel, size, mtime in entries:
        h.update(f"{rel}\0{size}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def input_roots(settings: Mapping[str, Any]) -> dict[str, Path]:
    """Every folder a build reads, by role."""
    conf = park_settings.resolve(settings)
    content = Path(settings["PATH"])
    project = Path(settings.get("PARK_DIGEST_PROJECT_PATH") or content.parent)
    roots = {
        "seeds": project / conf["SEEDS_PATH"],
        "content": content,
        "theme": Path(settings["THEME"]),
        "park_digest": Path(__file__).resolve().parent,
    }
    for number, path in enumerate(settings.get("PLUGIN_PATHS") or ()):
        roots[f"plugins{number}"] = Path(path)
    return roots


def _packages() -> list[str]:
    """``name-version`` of every installed distribution, read from the names of the metadata
    folders on ``sys.path`` (reading each one's metadata costs a parse per package)."""
    names = set()
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as listing:
                names.update(e.name.rsplit(".", 1)[0] for e in listing
                             if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:  # not a folder (a zip file) or gone
            continue
    return sorted(names, key=str.lower)


def _skipped(settings: Mapping[str, Any]) -> list[Path]:
    """Folders inside the inputs that are not inputs: the output and the cache."""
    return [Path(settings["OUTPUT_PATH"]), Path(settings.get("CACHE_PATH", "cache"))]


def content_entries(settings: Mapping[str, Any]) -> list[Entry]:
    """The files of the content folder (one walk, shared by the checks that need them)."""
    return tree_entries(Path(settings["PATH"]), _skipped(settings))


def input_digests(
    settings: Mapping[str, Any],
    *,
    known: Mapping[str, str] | None = None,
    content: list[Entry] | None = None,
) -> dict[str, str]:
    """A digest per kind of input of a build with ``settings``: settings, packages, each folder.

    ``known`` holds the digests taken when this build started: they stand for every input the
    build does not write itself (so an edit made while it ran is seen by the next build).
    ``content`` holds the content folder's files when they were just walked.
    """
    known = known or {}
    digests = {
        "settings": known.get("settings") or settings_digest(settings),
        "packages": known.get("packages") or hashlib.sha256(
            f"format {FORMAT}\n{sys.version}\n{chr(10).join(_packages())}".encode()
        ).hexdigest(),
    }
    for role, root in sorted(input_roots(settings).items()):
        if role not in WRITTEN_ROLES and role in known:
            digests[role] = known[role]
        elif role == "content" and content is not None:
            digests[role] = _digest_entries(content)
        else:
            digests[role] = _digest_entries(tree_entries(root, _skipped(settings)))
    return digests


def output_fingerprint(output: Path) -> str:
    return _digest_entries(tree_entries(output))


@contextmanager
def fingerprint_meanwhile(settings: Mapping[str, Any]) -> Iterator[Future[str]]:
    """The output folder's fingerprint, taken in a thread while the caller walks the inputs:
    walking some 50,000 files is mostly system calls, which run beside the main thread's."""
    with ThreadPoolExecutor(1, thread_name_prefix="output-walk") as pool:
        yield pool.submit(output_fingerprint, Path(settings["OUTPUT_PATH"]))


def state_path(settings: Mapping[str, Any]) -> Path:
    """Where the fingerprints of the last build into this output folder are kept."""
    output = str(Path(settings["OUTPUT_PATH"]).resolve())
    key = hashlib.sha256(output.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(settings.get("CACHE_PATH", "cache")) / STATE_DIR / f"build-{key}.json"


# Inputs whose change Pelican's content cache follows by itself (it re-reads a source file whose
# modification time changed); any other change means reading every source again.
CONTENT_ROLES = frozenset({"seeds", "content"})
# Inputs a build writes itself (the import writes Markdown, images and originals into the
# content folder); every other input is as the build found it.
WRITTEN_ROLES = frozenset({"content"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """What the next build into an output folder must do."""

    skip: bool  # nothing changed: the output is what a build would write
    changed: tuple[str, ...] = ()  # kinds of input that changed; ("all",) when nothing is known
    output_touched: bool = False  # the output is not as the last build left it
    cache_is_ours: bool = False  # the content cache was written by a build with these inputs
    inputs: Mapping[str, str] | None = None  # the input digests as the build starts

    @property
    def reuse_content_cache(self) -> bool:
        """Whether Pelican may reuse the sources it read last time (only content changed)."""
        return not self.skip and self.cache_is_ours and set(self.changed) <= CONTENT_ROLES

    def overrides(self) -> dict[str, Any]:
        """Pelican settings for the build: always write the content cache, read it if safe."""
        return {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": self.reuse_content_cache}


def _load(path: Path) -> dict[str, Any] | None:
    state = read_json(path)
    return state if isinstance(state, dict) and state.get("format") == FORMAT else None


def plan(
    settings: Mapping[str, Any], *, force: bool = False, content: list[Entry] | None = None,
    output_print: Future[str] | None = None,
) -> Plan:
    """Compare the inputs and output with those of the last build into the same folder
    (``content``: the content folder's files, when already walked; ``output_print``: the
    output's fingerprint being taken meanwhile, see :func:`fingerprint_meanwhile`)."""
    digests = input_digests(settings, content=content)
    last = _load(state_path(settings))
    if last is None:
        return Plan(skip=False, changed=("all",), inputs=digests)
    before = last.get("inputs") or {}
    changed = tuple(sorted(k for k in digests.keys() | before.keys()
                           if digests.get(k) != before.get(k)))
    output = Path(settings["OUTPUT_PATH"])
    found = output_print.result() if output_print is not None else output_fingerprint(output)
    touched = not output.is_dir() or last.get("output") != found
    enabled = park_settings.resolve(settings)["PARK_DIGEST_SKIP_UNCHANGED"]
    skip = enabled and not force and not changed and not touched
    ours = _load(cache_owner_path(settings)) == cache_stamp(settings, digests)
    return Plan(skip=skip, changed=changed, output_touched=touched, cache_is_ours=ours,
                inputs=digests)


def reader_digest(digests: Mapping[str, str]) -> str:
    """What the sources Pelican reads turn into depends on: all inputs but content and theme."""
    kept = {k: v for k, v in digests.items() if k not in CONTENT_ROLES and k != "theme"}
    return hashlib.sha256(json.dumps(kept, sort_keys=True).encode()).hexdigest()


def cache_stamp(settings: Mapping[str, Any], digests: Mapping[str, str]) -> dict[str, Any]:
    """Who wrote the content cache (inputs but content) and the cache files as they were left:
    a preview server or another build that rewrites them afterwards makes the stamp differ."""
    root = Path(settings.get("CACHE_PATH", "cache"))
    files = []
    for path in pelican_cache_files(root):
        st = path.stat()
        files.append((str(path.relative_to(root)), st.st_size, st.st_mtime_ns))
    return {"format": FORMAT, "reader": reader_digest(digests), "files": _digest_entries(files)}


def cache_owner_path(settings: Mapping[str, Any]) -> Path:
    """Stamp of the build that last wrote Pelican's content cache (shared by output folders)."""
    return Path(settings.get("CACHE_PATH", "cache")) / STATE_DIR / "content-cache.json"


def unchanged(settings: Mapping[str, Any]) -> bool:
    """Whether the output folder already holds what a build with ``settings`` would write."""
    found = plan(settings)
    return not found.changed and not found.output_touched


def drop_unreadable_caches(settings: Mapping[str, Any]) -> list[Path]:
    """Delete content-cache files that do not load; return them.

    Pelican leaves a truncated file when it cannot pickle something (it logs "Could not save
    cache") and then fails on it at the next build that loads the cache ("Ran out of input").
    """
    root = Path(settings.get("CACHE_PATH", "cache"))
    opener = gzip.open if settings.get("GZIP_CACHE", True) else open
    dropped = []
    for path in pelican_cache_files(root):
        problem = _unreadable(path, opener)
        if problem:
            logger.warning("content cache %s does not load (%s); removed, so the next build "
                           "reads those sources again", path, problem)
            path.unlink(missing_ok=True)
            dropped.append(path)
    return dropped


def pelican_cache_files(root: Path) -> list[Path]:
    """Pelican's content-cache files under ``root`` (``ArticlesGenerator-Readers`` and the like,
    one set per variant folder); other files kept there are not Pelican's."""
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*Generator*") if path.is_file()
                  and path.name.endswith(PELICAN_CACHE_SUFFIXES))


def _unreadable(path: Path, opener: Any) -> str | None:
    """Why ``path`` is not a whole pickle, or None. Streams it: no objects are built."""
    last = b""
    try:
        with opener(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                last = chunk[-1:]
    except (OSError, EOFError, zlib.error) as e:  # gzip stream cut short or corrupt
        return str(e) or type(e).__name__
    return None if last == PICKLE_STOP else "the pickle stops short"


def content_files(
    settings: Mapping[str, Any], entries: list[Entry] | None = None
) -> dict[str, list[int]]:
    """``{relative path: [size, mtime_ns]}`` of every file of the content folder."""
    entries = content_entries(settings) if entries is None else entries
    return {rel: [size, mtime] for rel, size, mtime in entries}


def changed_content(
    settings: Mapping[str, Any], entries: list[Entry] | None = None
) -> list[Path] | None:
    """Content files added, removed or changed since the last build into the same output folder
    (call it before :func:`start`, which forgets that build); None when that is not known."""
    last = _load(state_path(settings))
    before = (last or {}).get("content_files")
    if not isinstance(before, dict):
        return None
    now = content_files(settings, entries)
    root = Path(settings["PATH"])
    return sorted(root / rel for rel in before.keys() | now.keys()
                  if before.get(rel) != now.get(rel))


def listed_facts_path(settings: Mapping[str, Any]) -> Path:
    """Where the listed facts of the last build's articles are kept (see incremental)."""
    state = state_path(settings)
    return state.with_name(state.name.replace("build-", "listed-", 1))


def remember(
    settings: Mapping[str, Any], plan: Plan | None = None, output: list[Entry] | None = None
) -> None:
    """Store the fingerprints of a build that just finished without error.

    ``plan`` is the build's own (its digests of the inputs the build does not write are kept);
    ``output`` the output folder's files, when they were just walked.
    """
    drop_unreadable_caches(settings)
    content = content_entries(settings)
    digests = input_digests(settings, known=plan.inputs if plan else None, content=content)
    out = tree_entries(Path(settings["OUTPUT_PATH"])) if output is None else output
    write_json(state_path(settings), {
        "format": FORMAT,
        "output_path": str(Path(settings["OUTPUT_PATH"]).resolve()),
        "inputs": digests,
        "output": _digest_entries(out),
        "content_files": content_files(settings, content),
    })
    write_json(cache_owner_path(settings), cache_stamp(settings, digests))


def forget(settings: Mapping[str, Any]) -> None:
    """Drop the stored fingerprints (a failed or partial build)."""
    state_path(settings).unlink(missing_ok=True)


def start(
    settings: Mapping[str, Any], *, force: bool = False, content: list[Entry] | None = None,
    output_print: Future[str] | None = None,
) -> Plan:
    """Plan the build, say what it will do, and forget the last build unless it is skipped."""
    found = plan(settings, force=force, content=content, output_print=output_print)
    if found.skip:
        logger.info("nothing changed since the last build into %s; skipped (--force rebuilds)",
                    settings["OUTPUT_PATH"])
        return found
    forget(settings)
    if found.changed and found.changed != ("all",):
        logger.info("changed since the last build: %s%s", ", ".join(found.changed),
                    "; reusing the sources Pelican read last time"
                    if found.reuse_content_cache else "")
    return found


def skip_build(settings: Mapping[str, Any]) -> bool:
    """True when the build can be skipped (and says so); otherwise forget the last build."""
    return start(settings).skip
