"""How many places await review: the count ``park-digest build`` prints, kept cheap by a cache.

The count is the length of ``park-digest review``'s short list (``review.short_list``) per
variant, summed over the articles. Each article's short list is kept in the build-state folder
under a digest of everything that decides it: the article's Markdown bytes, the variant's code
and OpenCC config, the project dictionary, the versions of OpenCC and zhconv-rs and the code of
the review. A build reviews only the articles whose digest changed; a build with nothing changed
reviews none. An article's bytes are read again only when its size or modification time differs
from the last build's. The reviews a build does run in a worker process (:meth:`Count.start`) while
Pagefind indexes the site.

An article whose front matter does not read is left out of the count (the build's own checks
report it) and is tried again at the next build.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from park_digest.filetree import tree_entries
from park_digest.settings import STATE_DIR, resolve
from park_digest.site.scripts import Variant, VariantsError, variant_table
from park_digest.statefile import read_json, write_json

logger = logging.getLogger(__name__)

FORMAT = 2  # bump when what a cache entry holds changes
# The code that decides a short list, beside this folder.
CODE_FILES = ("review.py", "convert.py", "one_to_many.py")
PACKAGES = ("opencc", "zhconv-rs")
# Markdown of an article that came in Traditional names this key; only then is its front matter
# read to see whether its original is shown instead (which makes its short list empty).
ORIGINAL_KEY = b"original_script:"


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """One article to review on one variant."""

    rel: str  # the article's path under the articles folder
    code: str  # the variant
    key: str  # digest of what decides its short list


@dataclass(slots=True, kw_only=True)
class Pending:
    """Places awaiting review per variant, and how the count was made."""

    places: dict[str, int] = field(default_factory=dict)  # variant code -> places
    reviewed: int = 0  # (article, variant) pairs reviewed by this build
    cached: int = 0  # pairs whose short list came from the cache
    unreadable: list[str] = field(default_factory=list)  # articles left out of the count


def cache_path(settings: Mapping[str, Any]) -> Path:
    """Where the short lists of the articles of this content folder are kept."""
    content = str(Path(settings["PATH"]).resolve())
    key = hashlib.sha256(content.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(settings.get("CACHE_PATH", "cache")) / STATE_DIR / f"review-{key}.json"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def common_digest(content: Path, conf: Mapping[str, Any]) -> str:
    """Digest of what decides every short list: dictionary, converter versions, review code."""
    h = hashlib.sha256(f"format {FORMAT}\n".encode())
    h.update(_file_bytes(content / conf["PARK_DIGEST_DICTIONARY_FILE"]))
    for package in PACKAGES:
        h.update(f"\0{package}=={_version(package)}".encode())
    here = Path(__file__).resolve().parent
    for name in CODE_FILES:
        h.update(b"\0" + _file_bytes(here / name))
    return h.hexdigest()


def variant_digest(common: str, variant: Variant) -> str:
    """... and of one variant: its code (the dictionary's third column) and OpenCC config."""
    config = str(variant.config)
    custom = Path(config)  # a config file of the project's own, named by its path
    body = _file_bytes(custom) if custom.suffix == ".json" and custom.is_file() else b""
    h = hashlib.sha256(f"{common}\0{variant.code}\0{config}\0".encode())
    h.update(body)
    return h.hexdigest()


def article_key(variant_key: str, data_digest: str, kept_original: bool) -> str:
    h = hashlib.sha256(variant_key.encode())
    h.update(b"\1" if kept_original else b"\0")
    h.update(data_digest.encode())
    return h.hexdigest()


def _source_digest(
    path: Path, stamp: list[int], known: Any, originals: Path
) -> tuple[str, bool, list[Any] | None]:
    """The digest of an article's bytes and whether its original is kept, and the stamp to
    remember them by: an article whose size and modification time are those of the last build
    is not read again (one that names its original always is: the original may change)."""
    if isinstance(known, list) and len(known) == 3 and known[:2] == stamp:
        return str(known[2]), False, known
    data = path.read_bytes()
    original = _kept_original(data, path, originals)
    digest = hashlib.sha256(data).hexdigest()
    return digest, original, None if ORIGINAL_KEY in data else [*stamp, digest]


def _kept_original(data: bytes, path: Path, originals: Path) -> bool:
    """Whether the Traditional sites show this article's original (read only when it says it
    came in Traditional); an unreadable front matter raises."""
    if ORIGINAL_KEY not in data:
        return False
    from park_digest.variants.review import front_matter, kept_original

    meta = front_matter(data.decode("utf-8"))
    return kept_original(meta, str(meta.get("slug") or path.stem), originals)


def _holds(entry: Any, key: str) -> bool:
    """Whether a cache entry is the short list of ``key``."""
    return (isinstance(entry, dict) and entry.get("key") == key
            and isinstance(entry.get("places"), list))


@dataclass(slots=True)
class Count:
    """The count of one build: plan it from the cache, review what changed, keep the result.

    ``Count(settings)`` reads the articles' bytes and the cache; :meth:`start` reviews what the
    cache lacks in a worker process of ``pool_context`` (or nothing, when all is cached);
    :meth:`finish` waits, writes the cache and returns the :class:`Pending` places.
    """

    settings: Mapping[str, Any]
    jobs: list[Job] = field(default_factory=list)
    entries: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)
    stamps: dict[str, list[Any]] = field(default_factory=dict)  # rel -> [size, mtime_ns, digest]
    _pool: Any = None
    _future: Future | None = None
    _changed: bool = False

    def __post_init__(self) -> None:
        settings = self.settings
        conf = resolve(settings)
        content = Path(settings["PATH"])
        targets = [v for v in variant_table(conf["PARK_DIGEST_VARIANTS"]) if v.config]
        folder = content / conf["PARK_DIGEST_ARTICLES_DIR"]
        originals = content / conf["PARK_DIGEST_ORIGINALS_DIR"]
        cache = read_json(cache_path(settings))
        cache = cache if isinstance(cache, dict) else {}
        before = cache.get("articles") if cache.get("format") == FORMAT else None
        before = before if isinstance(before, dict) else {}
        common = common_digest(content, conf)
        keys = {v.code: variant_digest(common, v) for v in targets}
        stamps = cache.get("sources") if cache.get("format") == FORMAT else None
        stamps = stamps if isinstance(stamps, dict) else {}
        for rel, size, mtime in tree_entries(folder):
            if not rel.endswith(".md"):
                continue
            path = folder / rel
            try:
                digest, original, stamp = _source_digest(path, [size, mtime], stamps.get(rel),
                                                         originals)
            except (OSError, UnicodeError, yaml.YAMLError) as e:
                logger.debug("review count: %s left out: %s", path, e)
                self.unreadable.append(rel)
                continue
            if stamp is not None:
                self.stamps[rel] = stamp
            known = before.get(rel) if isinstance(before.get(rel), dict) else {}
            entry: dict[str, dict[str, Any]] = {}
            for code, variant_key in keys.items():
                key = article_key(variant_key, digest, original)
                last = known.get(code)
                if _holds(last, key):
                    entry[code] = last
                else:
                    self.jobs.append(Job(rel=rel, code=code, key=key))
            self.entries[rel] = entry
        self._changed = set(before) != set(self.entries) or stamps != self.stamps

    def start(self, pool_context: Any) -> None:
        """Review what the cache lacks in one worker process, while this one goes on."""
        if not self.jobs or pool_context.get_start_method() != "fork":
            return  # nothing to do, or done at finish()
        self._pool = ProcessPoolExecutor(1, mp_context=pool_context)
        self._future = self._pool.submit(review_jobs, self.settings, self.jobs)

    def __enter__(self) -> Count:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def finish(self) -> Pending:
        """The places awaiting review; the cache holds this build's short lists."""
        started = time.monotonic()
        try:
            if self._future is not None:
                done = self._future.result()
            else:
                done = review_jobs(self.settings, self.jobs) if self.jobs else ({}, [], 0.0)
        except (OSError, VariantsError, BrokenProcessPool) as e:  # the count never stops
            # a build: a dictionary that does not read is reported by the build itself
            logger.warning("places awaiting review not counted: %s", e)
            return Pending(unreadable=sorted(self.entries))
        finally:
            self.close()
        places, failed, cpu = done
        for job in self.jobs:
            if job.rel in failed:
                self.entries.pop(job.rel, None)
                continue
            self.entries[job.rel][job.code] = {"key": job.key, "places": places[job.rel, job.code]}
        if self.jobs or self._changed:
            write_json(cache_path(self.settings), {"format": FORMAT, "articles": self.entries,
                                                   "sources": self.stamps}, indent=None)
        counts: dict[str, int] = {}
        conf = resolve(self.settings)
        for variant in variant_table(conf["PARK_DIGEST_VARIANTS"]):
            if variant.config:
                counts[variant.code] = sum(len(entry[variant.code]["places"])
                                           for entry in self.entries.values()
                                           if variant.code in entry)
        reviewed = len([job for job in self.jobs if job.rel not in failed])
        cached = sum(len(entry) for entry in self.entries.values()) - reviewed
        unreadable = sorted({*self.unreadable, *failed})
        logger.info("review count: %d article(s) x variant reviewed, %d from the cache, "
                    "%d left out; %.1f s of CPU, the build waited %.1f s for it", reviewed,
                    cached, len(unreadable), cpu, time.monotonic() - started)
        return Pending(places=counts, reviewed=reviewed, cached=cached, unreadable=unreadable)

    def close(self) -> None:
        """Stop the worker (after :meth:`finish`, or when the build failed)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            self._future = None


def review_jobs(settings: Mapping[str, Any], jobs: Sequence[Job]
                ) -> tuple[dict[tuple[str, str], list[str]], list[str], float]:
    """Each job's short list (one line per place), the articles that could not be read and the
    CPU seconds it took."""
    started = time.process_time()
    from park_digest.variants.convert import build_converter, load_corrections
    from park_digest.variants.review import front_matter, kept_original, short_list

    conf = resolve(settings)
    content = Path(settings["PATH"])
    table = variant_table(conf["PARK_DIGEST_VARIANTS"])
    by_code = {v.code: v for v in table}
    folder = content / conf["PARK_DIGEST_ARTICLES_DIR"]
    originals = content / conf["PARK_DIGEST_ORIGINALS_DIR"]
    corrections = load_corrections(content / conf["PARK_DIGEST_DICTIONARY_FILE"])
    converters = {}
    places: dict[tuple[str, str], list[str]] = {}
    failed: list[str] = []
    for job in jobs:
        if job.rel in failed:
            continue
        variant = by_code[job.code]
        path = folder / job.rel
        try:
            text = path.read_text(encoding="utf-8")
            meta = front_matter(text)
            if kept_original(meta, str(meta.get("slug") or path.stem), originals):
                places[job.rel, job.code] = []
                continue
            if job.code not in converters:
                converters[job.code] = build_converter(str(variant.config), corrections, variant,
                                                       table)
            found = short_list(text, converters[job.code], str(path), str(variant.config), meta)
        except (OSError, UnicodeError, yaml.YAMLError, VariantsError) as e:
            logger.debug("review count: %s left out: %s", path, e)
            failed.append(job.rel)
            continue
        places[job.rel, job.code] = [
            f"{f.line}:{f.column} {f.char} {f.choice} {f.second}" for f in found
        ]
    return places, failed, time.process_time() - started

