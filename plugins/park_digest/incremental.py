"""Fast rebuilds for the preview server: reuse Pelican's content cache, write only what changed.

Pelican 4.12 dropped ``WRITE_SELECTED``; :class:`DigestWriter` brings back the idea. A build run
with ``PARK_DIGEST_WRITE_ONLY`` set to a :class:`Selection` still reads every source (from the
reader cache, so without parsing Markdown again) and builds the full context, but renders only
the pages of the articles and pages that changed, plus a few fixed outputs (the home page). Feeds
and every other listing are left as the last full build wrote them.

The same writer turns template errors into logged errors in strict mode, so a strict build lists
every failing page instead of stopping at the first one.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from pelican.writers import Writer

from .strict import describe_error, is_strict

logger = logging.getLogger(__name__)

# Settings a preview build adds: Pelican's reader cache on, static files copied only when newer,
# and the output folder kept (a fast build rewrites only a few files in it).
FAST_BUILD_SETTINGS: dict[str, Any] = {
    "CACHE_CONTENT": True,
    "LOAD_CONTENT_CACHE": True,
    "GZIP_CACHE": False,  # compressing the cache on every save costs more than reading it
    "CONTENT_CACHING_LAYER": "reader",
    "CHECK_MODIFIED_METHOD": "mtime",
    "STATIC_CHECK_IF_MODIFIED": True,
    "DELETE_OUTPUT_DIRECTORY": False,
}

# Outputs every fast build rewrites, relative to the output folder.
ALWAYS_WRITE = frozenset({"index.html"})

# Source files a fast build can handle; anything else (a template, a setting, a deleted or
# renamed article) needs a full build.
FAST_SUFFIXES = frozenset({".md", ".markdown"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Selection:
    """What a fast build writes: pages of these sources or of sources modified since a time."""

    sources: frozenset[str] = frozenset()  # absolute source paths
    since_ns: int | None = None  # also every source whose mtime is at or after this
    outputs: frozenset[str] = field(default=ALWAYS_WRITE)  # paths relative to the output folder

    def wants(self, localcontext: Mapping[str, Any]) -> bool:
        """Whether the page about to be rendered with ``localcontext`` should be written."""
        if localcontext.get("output_file") in self.outputs:
            return True
        for key in ("article", "page"):
            content = localcontext.get(key)
            source = getattr(content, "source_path", None)
            if source and self._changed(source):
                return True
        return False

    def _changed(self, source: str) -> bool:
        if os.path.abspath(source) in self.sources:
            return True
        if self.since_ns is None:
            return False
        try:
            return os.stat(source).st_mtime_ns >= self.since_ns
        except OSError:
            return False


def plan(
    changed: Iterable[Path], content_dir: Path, seeds_dir: Path, since_ns: int | None
) -> Selection | None:
    """The selection for a rebuild after ``changed`` files, or None when it needs a full build.

    A fast build is enough when every change is an existing Markdown file under the content
    folder, or a raw seed (its import writes Markdown, picked up through ``since_ns``).
    """
    content_dir, seeds_dir = content_dir.resolve(), seeds_dir.resolve()
    sources: set[str] = set()
    for path in changed:
        path = path.resolve()
        if not path.is_file():
            return None  # deleted or renamed: listings must drop it
        if path.is_relative_to(content_dir):
            if path.suffix not in FAST_SUFFIXES:
                return None
            sources.add(str(path))
        elif not path.is_relative_to(seeds_dir):
            return None
    return Selection(sources=frozenset(sources), since_ns=since_ns)


class _Skipped(Exception):
    """Raised instead of rendering a page the selection does not want."""


class _SelectiveTemplate:
    """Wraps a Jinja template: renders only the pages the selection wants."""

    def __init__(self, template: jinja2.Template, selection: Selection) -> None:
        self._template = template
        self._selection = selection

    def render(self, localcontext: Mapping[str, Any]) -> str:
        if not self._selection.wants(localcontext):
            raise _Skipped
        return self._template.render(localcontext)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


class DigestWriter(Writer):
    """Pelican's writer, writing only the selected pages and logging template errors in strict mode.

    A paginated listing stops at its first unwanted page, so only wanted pages are rendered.
    """

    def write_file(self, name: Any, template: Any, context: Any, *args: Any, **kwargs: Any) -> None:
        selection = self.settings.get("PARK_DIGEST_WRITE_ONLY")
        if selection is not None:
            template = _SelectiveTemplate(template, selection)
        try:
            super().write_file(name, template, context, *args, **kwargs)
        except _Skipped:
            return
        except jinja2.TemplateError as error:
            if not is_strict(self.settings):
                raise
            logger.error(
                "%s: %s", getattr(template, "filename", None) or name, describe_error(error)
            )

    def write_feed(self, *args: Any, **kwargs: Any) -> Any:
        if self.settings.get("PARK_DIGEST_WRITE_ONLY") is not None:
            return None
        return super().write_feed(*args, **kwargs)


def choose_writer(pelican: object) -> type[Writer] | None:
    """``get_writer`` handler: our writer for selective or strict builds, Pelican's otherwise."""
    settings = pelican.settings
    if settings.get("PARK_DIGEST_WRITE_ONLY") is not None or is_strict(settings):
        return DigestWriter
    return None
