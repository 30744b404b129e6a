"""Builds for the preview server, run in a long-lived worker process.

The worker keeps Pelican imported and its content cache warm between builds, so a rebuild after
one article changes costs a fraction of a second. A change to the plugin's own code restarts the
worker, which then imports the new code. Every error of a build (an exception, or anything logged
at ERROR level such as a bad seed) comes back as text for the terminal and the in-page overlay.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import jinja2

from park_digest.build.incremental import FAST_BUILD_SETTINGS, Selection
from park_digest.settings import read_project
from park_digest.site.strict import ProblemLog, describe_error

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class BuildResult:
    """What one build did: whether it was full, how long it took, and what went wrong."""

    full: bool
    seconds: float
    cpu_seconds: float = 0.0  # this process and the variant processes it waited for
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def cache_folder(output: Path) -> Path:
    """Pelican's content cache of preview builds into ``output`` (variants in sub-folders)."""
    return Path(".cache") / "pelican" / output.name


def preview_settings(
    output: Path, selection: Selection | None, *, import_seeds: bool = True,
    jinja_environment: dict | None = None,
) -> dict:
    """Settings a preview build puts over the project's own.

    A fast build (``selection`` set) skips what only a full build needs: importing seeds that
    did not change, rewriting the sitemap. Compiled templates are kept on disk between builds.
    """
    cache = cache_folder(output)
    settings = {
        **FAST_BUILD_SETTINGS,
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(cache),
        "PARK_DIGEST_WRITE_ONLY": selection,
        "PARK_DIGEST_STRICT": False,
        "PARK_DIGEST_IMPORT_ON_BUILD": import_seeds,
        "JINJA_ENVIRONMENT": {
            **(jinja_environment or {}),
            "bytecode_cache": _bytecode_cache(cache / "templates"),
        },
    }
    if selection is not None:
        settings["PARK_DIGEST_SITEMAP"] = None
        # read the cache, do not rewrite it: the few changed files are read again next time
        settings["CACHE_CONTENT"] = False
    return settings


def _bytecode_cache(folder: Path) -> jinja2.FileSystemBytecodeCache:
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder.resolve()))


class UnsavedCacheRemover(logging.Handler):
    """Deletes a cache file Pelican failed to save.

    When pickling fails half-way (something unpicklable reached the settings a cached object
    refers to), Pelican logs a warning but leaves the truncated file, and the next build dies
    loading it. The handler is inherited by the processes that build the variants.
    """

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if str(record.msg).startswith("Could not save cache") and record.args:
            Path(str(record.args[0])).unlink(missing_ok=True)


class PreviewProblemLog(ProblemLog):
    """Errors, and the importer's warnings about seeds it could not import (a bad seed)."""

    def __init__(self) -> None:
        super().__init__()
        self.setLevel(logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or (
            record.name.endswith(".importer") and str(record.msg).startswith("import failed")
        ):
            super().emit(record)


def run_build(
    settings_path: Path, output: Path, selection: Selection | None, import_seeds: bool = True
) -> BuildResult:
    """Build the site once in this process and report the problems instead of raising them."""
    from park_digest.build import pipeline as build

    collector = PreviewProblemLog()
    root = logging.getLogger()
    root.addHandler(collector)
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    problems: list[str] = []
    try:
        project = read_project(settings_path)
        overrides = preview_settings(
            output, selection, import_seeds=import_seeds,
            jinja_environment=project.get("JINJA_ENVIRONMENT"),
        )
        built = build.build_all(settings_path, overrides)  # the root, then every variant
        if selection is None:  # a full build: the search index follows the pages
            from park_digest.search import index as search
            from park_digest.settings import resolve

            search.index_site(output, built,
                              resolve(project)["PARK_DIGEST_SEARCH_SHARD_PAGES"])
    except Exception as error:  # any failure of the build is shown, the server keeps running
        logger.error("build failed: %s", describe_error(error))
        # A build that stopped half-way may leave a truncated cache that Pelican cannot load;
        # the cache only saves time, so the next build starts without it.
        shutil.rmtree(cache_folder(output), ignore_errors=True)
    finally:
        root.removeHandler(collector)
    problems.extend(collector.problems())
    return BuildResult(
        full=selection is None, seconds=time.perf_counter() - started,
        cpu_seconds=_cpu_seconds() - cpu_started, problems=tuple(problems),
    )


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _worker_main(conn: Connection, settings_path: str, output: str, verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO, format="%(levelname)s: %(message)s"
    )
    if not verbose:
        logging.getLogger("pelican").setLevel(logging.WARNING)
    logging.getLogger("pelican.cache").addHandler(UnsavedCacheRemover())
    while True:
        try:
            selection, import_seeds = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        conn.send(run_build(Path(settings_path), Path(output), selection, import_seeds))


class BuildWorker:
    """A worker process that runs builds on request; restartable to load new plugin code."""

    def __init__(self, settings_path: Path, output: Path, verbose: bool = False) -> None:
        self._args = (str(settings_path), str(output), verbose)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def start(self) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        self._process = context.Process(
            target=_worker_main, args=(theirs, *self._args), name="park-digest-build", daemon=False
        )
        self._process.start()
        theirs.close()
        self._conn = ours

    def stop(self) -> None:
        if self._process is None:
            return
        if self._conn is not None:
            self._conn.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(timeout=5)
        self._process = None
        self._conn = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def build(self, selection: Selection | None, import_seeds: bool = True) -> BuildResult:
        """Run one build in the worker; a crashed worker is restarted and reported."""
        if self._process is None or not self._process.is_alive():
            self.start()
        started = time.perf_counter()
        try:
            self._conn.send((selection, import_seeds))
            return self._conn.recv()
        except (EOFError, OSError, BrokenPipeError) as error:
            self.restart()
            return BuildResult(
                full=selection is None,
                seconds=time.perf_counter() - started,
                problems=(f"the build process stopped ({error!r}); it was restarted",),
            )
