"""Convert the articles' Markdown on every core while Pelican reads their front matter.

Pelican reads its sources one after the other, and converting an article's Markdown body is
most of what reading costs (Python-Markdown, about three quarters of it here). When a build
reads every article afresh (no content cache to load), :func:`start` hands the bodies of the
article files to worker processes as soon as the articles generator exists; the reader
(``site/yaml_reader.py``) then takes each body's HTML with :func:`take` instead of converting
it, while it reads the front matter itself.

A worker converts with its own Markdown object made from the same ``MARKDOWN`` setting, reset
before each body as the reader resets its own, so the HTML is the same; :func:`take` hands it
out only for the very body the reader found (compared by digest), so a file changed in the
meantime is converted by the reader as before. Without ``fork`` or with one core, or for a few
files, nothing changes.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from park_digest.settings import resolve

logger = logging.getLogger(__name__)

MIN_FILES = 100  # below this a pool costs more than it saves
CHUNK = 25  # files a task

_futures: dict[str, Future] = {}  # absolute path -> the task converting it
_ready: dict[str, tuple[str, str]] = {}  # absolute path -> (digest of its body, HTML)
_pool: ProcessPoolExecutor | None = None
_markdown_settings: dict[str, Any] | None = None  # what the workers build their Markdown from
_markdown: Any = None  # a worker's own Markdown object
taken = 0  # bodies whose HTML came from a worker in this process (for the tests)


def body_digest(body: str) -> str:
    return hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def markdown_settings(settings: Any) -> dict[str, Any]:
    """The Markdown settings the front-matter reader uses (``MARKDOWN`` without ``meta``)."""
    md_settings = copy.deepcopy(settings["MARKDOWN"])
    extensions = md_settings.get("extensions")
    if isinstance(extensions, list) and "markdown.extensions.meta" in extensions:
        extensions.remove("markdown.extensions.meta")
    return md_settings


def convert_files(paths: Sequence[str]) -> dict[str, tuple[str, str]]:
    """``{path: (body digest, HTML)}`` of the files of ``paths`` that open a front matter
    (in a worker)."""
    global _markdown
    from markdown import Markdown
    from pelican.plugins.yaml_metadata.yaml_metadata import HEADER_RE

    if _markdown is None:
        _markdown = Markdown(**(_markdown_settings or {}))
    done = {}
    for path in paths:
        try:
            with open(path, encoding="utf-8-sig") as handle:  # as pelican_open reads it
                text = handle.read()
        except (OSError, UnicodeError):
            continue  # the reader says what is wrong with it
        match = HEADER_RE.fullmatch(text)
        if match:
            body = match.group("content")
            done[path] = (body_digest(body), _markdown.reset().convert(body))
    return done


def _cores() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return cores or 1


def start(generator: Any) -> None:
    """``article_generator_init``: when every article will be read afresh, convert their
    bodies in worker processes, in the order Pelican will read them."""
    global _pool, _markdown_settings
    stop()
    settings = generator.settings
    if not resolve(settings)["PARK_DIGEST_PARALLEL_MARKDOWN"] or settings.get(
            "LOAD_CONTENT_CACHE") or _cores() < 2 \
            or "fork" not in multiprocessing.get_all_start_methods():
        return
    from park_digest.site.yaml_reader import FastYAMLMetadataReader

    suffixes = tuple(f".{ext}" for ext in FastYAMLMetadataReader.file_extensions)
    files = [os.path.abspath(os.path.join(generator.path, f))
             for f in generator.get_files(settings["ARTICLE_PATHS"],
                                          exclude=settings["ARTICLE_EXCLUDES"])
             if f.endswith(suffixes)]
    if len(files) < MIN_FILES:
        return
    _markdown_settings = markdown_settings(settings)
    _pool = ProcessPoolExecutor(_cores(), mp_context=multiprocessing.get_context("fork"))
    for i in range(0, len(files), CHUNK):
        chunk = files[i:i + CHUNK]
        future = _pool.submit(convert_files, chunk)
        for path in chunk:
            _futures[path] = future
    logger.debug("converting %d Markdown files on %d cores", len(files), _cores())


def take(path: str, body: str) -> str | None:
    """The HTML of ``body``, the body of the file at ``path``, when a worker converted that
    very body; None otherwise (the reader converts it)."""
    global taken
    future = _futures.pop(path, None)
    if future is not None:
        try:
            _ready.update(future.result())
        except Exception as e:  # a worker that died: the reader converts its files
            logger.debug("converting Markdown in a worker failed: %s", e)
    found = _ready.pop(path, None)
    if not _futures and _pool is not None:  # every file was asked for
        stop()
    if found is None or found[0] != body_digest(body):
        return None
    taken += 1
    return found[1]


def stop(*_: Any) -> None:
    """Stop the workers and forget what they did (also ``article_generator_finalized``)."""
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
    _futures.clear()
    _ready.clear()
