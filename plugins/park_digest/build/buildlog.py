"""What ``park-digest build`` prints: a progress bar per stage, one summary line, the problems.

By default the build shows warnings and errors, and ends with one line saying what it made:
articles, pages per script, what it removed, skipped or reused, the places awaiting
``park-digest review`` per variant (when there are any), and how long it took. On a
terminal each stage also gets a progress bar while it runs: import, render (the pages of the
Simplified site, counted as Pelican writes them), variants, search index. With ``-v`` every
informational line comes back (each file written, copied or removed); ``-vv`` adds debug lines.
Output that is not a terminal (CI, a pipe) gets no bars; the summary line stays.

The stages are followed from the outside: Pelican's signals in this process (the root site's
run) and the search indexer's log records. A variant site built in a worker process is one
plain line. Code that runs a stage in this process can show its own bar:
``build = active()``, then ``build.stage("variants", total)`` and ``build.tick("variants")``.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from park_digest.settings import resolve
from park_digest.site import outputs

logger = logging.getLogger(__name__)

QUIET, VERBOSE, DEBUG = 0, 1, 2  # -v counts
SEARCH_LOGGER = "park_digest.search.index"
# The indexer logs a message starting so (at debug level) as it starts Pagefind on a shard.
INDEXING = "indexing %s, shard %s"
PAGE_SUFFIXES = (".html",)
RENDERED_SUFFIXES = (".html", ".xml")
# The command that lists the places the summary counts as awaiting review.
REVIEW_COMMAND = "park-digest review"


class LevelFilter(logging.Filter):
    """Lets through the records at ``minimum`` or worse."""

    def __init__(self, minimum: int) -> None:
        super().__init__()
        self.minimum = minimum

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.minimum


def console_level(verbosity: int) -> int:
    """What the console shows: warnings by default, information with -v, everything with -vv."""
    return {QUIET: logging.WARNING, VERBOSE: logging.INFO}.get(verbosity, logging.DEBUG)


@dataclass(slots=True)
class Counts:
    """What the root site's run did, as seen through Pelican's signals."""

    articles: int = 0
    written: int = 0  # pages and feeds written
    left: int = 0  # pages a selective build left as they were
    shards_indexed: int = 0
    selective: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    """The facts of the summary line."""

    articles: int
    pages: dict[str, int]  # script code -> HTML pages in the output
    seconds: float
    removed: int = 0
    written: int = 0
    left: int = 0
    shards_indexed: int = 0
    reused_cache: bool = False
    skipped: bool = False
    review: dict[str, int] = field(default_factory=dict)  # script code -> places to check


def review_part(places: dict[str, int]) -> str | None:
    """``review: 3 places on zh-hant, 2 on zh-tw — park-digest review``; None when none."""
    shown = [(code, n) for code, n in places.items() if n]
    if not shown:
        return None
    (code, n), rest = shown[0], shown[1:]
    counts = [f"{n} place{'s' if n != 1 else ''} on {code}", *(f"{m} on {c}" for c, m in rest)]
    return f"review: {', '.join(counts)} — {REVIEW_COMMAND}"


def summary_line(s: Summary) -> str:
    """One line: ``built 12 articles: 160 pages zh-hans, 160 zh-hant; …; 8.2 s``."""
    review = review_part(s.review)
    if s.skipped:
        return "; ".join(["nothing changed since the last build; skipped (--force rebuilds)",
                          *([review] if review else []), f"{s.seconds:.1f} s"])
    scripts = ", ".join(f"{n} {code}" for code, n in s.pages.items())
    parts = [f"built {s.articles} article{'s' if s.articles != 1 else ''}: pages {scripts}"]
    if s.left:
        parts.append(f"only article text changed: wrote {s.written} pages and feeds, "
                     f"left {s.left} as they were")
    if s.reused_cache:
        parts.append("reused the sources Pelican read last time")
    parts.append(f"search: {s.shards_indexed} shard(s) indexed"
                 if s.shards_indexed else "search index reused")
    if s.removed:
        parts.append(f"removed {s.removed} file(s) of earlier builds")
    if review:
        parts.append(review)
    parts.append(f"{s.seconds:.1f} s")
    return "; ".join(parts)


class _Watch(logging.Handler):
    """Follows the indexer's records: each shard it starts moves the index bar."""

    def __init__(self, build: BuildLog) -> None:
        super().__init__(level=logging.DEBUG)
        self.build = build

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, str) and record.msg.startswith(INDEXING):
            self.build.shard_started()


@dataclass(slots=True)
class BuildLog:
    """The presentation of one ``park-digest build`` in this process."""

    verbosity: int = QUIET
    stream: TextIO = field(default_factory=lambda: sys.stderr)
    started: float = field(default_factory=time.monotonic)
    counts: Counts = field(default_factory=Counts)
    pid: int = field(default_factory=os.getpid)
    bars: bool = False
    _bar: Any = None
    _stage: str = ""

    # --- stages

    def stage(self, name: str, total: int | None = None) -> None:
        """Close the current bar and open the next stage's (on a terminal)."""
        self.close_bar()
        self._stage = name
        if self.bars:
            self._bar = tqdm(total=total, desc=f"{name:<8}", unit=" files" if name == "render"
                             else "", file=self.stream, leave=True, dynamic_ncols=True)

    def tick(self, stage: str, n: int = 1) -> None:
        if self._stage != stage:
            self.stage(stage)
        if self._bar is not None:
            self._bar.update(n)

    def line(self, text: str) -> None:
        """A stage followed from outside only: one plain line, on a terminal."""
        self.close_bar()
        if self.bars:
            tqdm.write(text, file=self.stream)

    def complete_bar(self) -> None:
        """The stage is done: its bar is full."""
        if self._bar is not None and self._bar.total is not None:
            self._bar.update(self._bar.total - self._bar.n)

    def close_bar(self) -> None:
        if self._bar is not None:
            if self._bar.total is not None and self._bar.n < self._bar.total:
                self._bar.total = self._bar.n  # an estimate: the stage is over
                self._bar.refresh()
            self._bar.close()
        self._bar = None
        self._stage = ""

    def shard_started(self) -> None:
        self.counts.shards_indexed += 1
        self.tick("index")

    # --- the end

    def summary(self, settings: dict, sites: dict[str, str], removed: int,
                reused_cache: bool, review: dict[str, int] | None = None) -> Summary:
        """The summary of a build that wrote ``sites`` (prefix -> script code), with the places
        awaiting review per script."""
        return Summary(
            articles=self.counts.articles, pages=pages_per_script(settings, sites),
            seconds=time.monotonic() - self.started, removed=removed,
            written=self.counts.written,
            left=self.counts.left if self.counts.selective else 0,
            shards_indexed=self.counts.shards_indexed, reused_cache=reused_cache,
            review=review or {},
        )

    def finish(self, summary: Summary) -> None:
        self.close_bar()
        print(summary_line(summary), flush=True)


_active: BuildLog | None = None


def active() -> BuildLog | None:
    """The build log of a ``park-digest build`` running in this very process (a worker process
    forked from it sees none)."""
    if _active is not None and _active.pid == os.getpid():
        return _active
    return None


@contextmanager
def presenting(verbosity: int, stream: TextIO | None = None) -> Iterator[BuildLog]:
    """Set up the console for a build: quiet or verbose logging, bars on a terminal."""
    global _active
    stream = stream or sys.stderr
    build = BuildLog(verbosity=verbosity, stream=stream)
    build.bars = verbosity == QUIET and stream.isatty()
    root = logging.getLogger()
    shown = LevelFilter(console_level(verbosity))
    search_logger = logging.getLogger(SEARCH_LOGGER)
    watch = _Watch(build)
    with ExitStack() as stack:
        for handler in root.handlers:  # before the redirection, which copies the filters
            handler.addFilter(shown)
            stack.callback(handler.removeFilter, shown)
        stack.callback(root.setLevel, root.level)
        root.setLevel(console_level(verbosity))
        if verbosity == QUIET:
            stack.enter_context(_pelican_console_quiet())
        if build.bars:
            stack.enter_context(_around_bars(build.pid))
        # the indexer's record of each shard it starts counts the shards indexed again
        stack.callback(search_logger.setLevel, search_logger.level)
        search_logger.setLevel(logging.DEBUG)
        search_logger.addHandler(watch)
        stack.callback(search_logger.removeHandler, watch)
        _active = build
        try:
            yield build
        finally:
            _active = None
            build.close_bar()


class _AroundBars(logging.StreamHandler):
    """Writes each record above the progress bars (a forked worker process, which has no
    bars of its own, writes plainly)."""

    def __init__(self, original: logging.StreamHandler, pid: int) -> None:
        super().__init__(original.stream)
        self.setFormatter(original.formatter)
        self.setLevel(original.level)
        for log_filter in original.filters:
            self.addFilter(log_filter)
        self.pid = pid

    def emit(self, record: logging.LogRecord) -> None:
        if os.getpid() != self.pid:
            super().emit(record)
            return
        try:
            tqdm.write(self.format(record), file=self.stream)
        except Exception:
            self.handleError(record)


@contextmanager
def _around_bars(pid: int) -> Iterator[None]:
    """Console log handlers of the root logger write above the bars while they show."""
    root = logging.getLogger()
    before = list(root.handlers)
    root.handlers = [
        _AroundBars(h, pid) if isinstance(h, logging.StreamHandler)
        and h.stream in (sys.stdout, sys.stderr) else h
        for h in before
    ]
    try:
        yield
    finally:
        root.handlers = before


@contextmanager
def _pelican_console_quiet() -> Iterator[None]:
    """Pelican prints its own "Done: Processed …" line to the console, not through logging."""
    try:
        from pelican.log import console
    except ImportError:  # pragma: no cover - Pelican is a dependency
        yield
        return
    before = console.quiet
    console.quiet = True
    try:
        yield
    finally:
        console.quiet = before


# --- Pelican signals (the root site's run in this process)


def _root_run(settings: dict) -> bool:
    return not settings.get("PARK_DIGEST_VARIANT")


def on_initialized(pelican: Any) -> None:
    """``initialized`` (before the import): the import stage starts."""
    build = active()
    if build is not None and _root_run(pelican.settings):
        build.stage("import", _seeds(pelican.settings))


def _seeds(settings: dict) -> int | None:
    conf = resolve(settings)
    if not conf["PARK_DIGEST_IMPORT_ON_BUILD"]:
        return None
    project = Path(settings.get("PARK_DIGEST_PROJECT_PATH") or Path(settings["PATH"]).parent)
    return sum(1 for _ in (project / conf["SEEDS_PATH"]).glob("*.txt"))


def on_articles(generator: Any) -> None:
    """``article_generator_finalized``: the articles of the root site are known."""
    build = active()
    if build is not None and _root_run(generator.settings):
        build.counts.articles = len(generator.articles) + len(generator.translations)
        build.complete_bar()
        build.stage("render", _expected_files(generator.settings))


def _expected_files(settings: dict) -> int | None:
    """Pages and feeds the last build of this output wrote (an estimate for the bar)."""
    folder = outputs.records_dir(settings)
    files = outputs.record_files(outputs.record_path(folder, ""))
    return None if not files else sum(1 for f in files if f.endswith(RENDERED_SUFFIXES))


def on_written(path: str, context: Any = None, feed: Any = None) -> None:
    """``content_written`` and ``feed_written``: one more file of the render stage."""
    if isinstance(context, dict) and context.get("PARK_DIGEST_SKIPPED"):
        on_left()
        return
    build = active()
    if build is None:
        return
    build.counts.written += 1
    build.tick("render")


def on_left() -> None:
    """A page a selective build left as it was (incremental.DigestWriter)."""
    build = active()
    if build is None:
        return
    build.counts.left += 1
    build.tick("render")


def on_finalized(pelican: Any) -> None:
    """``finalized``: the root site is written; the variants are built elsewhere."""
    build = active()
    if build is None or not _root_run(pelican.settings):
        return
    build.counts.selective = pelican.settings.get("PARK_DIGEST_WRITE_ONLY") is not None
    variants = list(pelican.settings.get("PARK_DIGEST_VARIANTS") or {})
    if variants:
        build.line(f"variants: {', '.join(variants)} (built and converted in worker processes)")


# --- the summary


def skipped(review: dict[str, int] | None = None) -> Summary:
    build = active()
    seconds = time.monotonic() - build.started if build else 0.0
    return Summary(articles=0, pages={}, seconds=seconds, skipped=True, review=review or {})


def html_pages(files: set[str] | None) -> int:
    return sum(1 for f in files or () if f.endswith(PAGE_SUFFIXES))


def pages_per_script(settings: dict, codes: dict[str, str]) -> dict[str, int]:
    """HTML pages of each script's site, from this build's records (see outputs)."""
    folder = outputs.records_dir(settings)
    return {code: html_pages(outputs.record_files(outputs.record_path(folder, prefix)))
            for prefix, code in codes.items()}
