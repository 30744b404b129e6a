"""Fast rebuilds: reuse Pelican's content cache, write only what changed.

Pelican 4.12 dropped ``WRITE_SELECTED``; :class:`DigestWriter` brings back the idea. A build run
with ``PARK_DIGEST_WRITE_ONLY`` set to a :class:`Selection` still reads every source (from the
reader cache, so without parsing Markdown again) and builds the full context, but renders only
the pages of the articles and pages that changed, plus a few fixed outputs (the home page).

The preview server leaves feeds and every other listing as the last full build wrote them. A
``park-digest build`` after edits of article text (:func:`build_selection`) also writes each
listing page and feed that holds a changed article, so its output is the one a full build would
write: :func:`guard_listed_facts` turns the selection off when a changed article's listed facts
(title, date, URL, tags, thumbnail…) differ from the last build's, or articles came or went.

The same writer turns template errors into logged errors in strict mode, so a strict build lists
every failing page instead of stopping at the first one.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from pelican.writers import Writer

from park_digest.build import buildlog
from park_digest.site.context import SKIPPED
from park_digest.site.strict import describe_error, is_strict
from park_digest.statefile import read_json, write_json

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
    # Also write the listing pages and feeds that hold a changed article (park-digest build).
    listings: bool = False

    def wants(self, localcontext: Mapping[str, Any], memo: dict[str, bool] | None = None) -> bool:
        """Whether the page about to be rendered with ``localcontext`` should be written.

        ``memo`` keeps the answer per source for one run (a listing names many articles).
        """
        if localcontext.get("output_file") in self.outputs:
            return True
        for key in ("article", "page"):
            content = localcontext.get(key)
            if content is not None:
                return self.changed(content, memo)
        if not self.listings:
            return False
        for key in ("articles_page", "dates_page"):
            page = localcontext.get(key)
            if page is not None:
                return self.holds_changed(page.object_list, memo)
        if localcontext.get("period") is not None:  # a year's or month's archive
            return self.holds_changed(localcontext.get("dates") or (), memo)
        return False  # lists of titles, tags, outlets: their facts did not change

    def changed(self, content: Any, memo: dict[str, bool] | None = None) -> bool:
        source = getattr(content, "source_path", None)
        if not source:
            return False
        if memo is None:
            return self.source_changed(source)
        if source not in memo:
            memo[source] = self.source_changed(source)
        return memo[source]

    def holds_changed(self, items: Iterable[Any], memo: dict[str, bool] | None = None) -> bool:
        return any(self.changed(item, memo) for item in items)

    def source_changed(self, source: str) -> bool:
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



class _SelectiveTemplate:
    """Wraps a Jinja template: renders only the pages the selection wants; for the others it
    marks the context and has the writer discard the (empty) output, leaving the file as it was."""

    def __init__(self, template: jinja2.Template, selection: Selection, writer: DigestWriter):
        self._template = template
        self._selection = selection
        self._writer = writer

    def render(self, localcontext: dict[str, Any]) -> str:
        if self._selection.wants(localcontext, self._writer.changed_memo):
            return self._template.render(localcontext)
        localcontext[SKIPPED] = True
        self._writer.discard_next = True
        return ""

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)


class DigestWriter(Writer):
    """Pelican's writer, writing only the selected pages and logging template errors in strict mode.

    Each page of a paginated listing is asked for on its own.
    """

    discard_next = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.changed_memo: dict[str, bool] = {}  # source -> changed, for this run

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if self.discard_next:
            self.discard_next = False
            return contextlib.nullcontext(io.StringIO())
        return super()._open_w(filename, encoding, override)

    def write_file(self, name: Any, template: Any, context: Any, *args: Any, **kwargs: Any) -> None:
        selection = self.settings.get("PARK_DIGEST_WRITE_ONLY")
        if selection is not None:
            if not args and ("article" in kwargs or "page" in kwargs) and name \
                    and not selection.wants({**kwargs, "output_file": name}, self.changed_memo):
                # an article or page the selection leaves (one file, never paginated): decided
                # from what its context would add, without building that context
                buildlog.on_left()
                return
            template = _SelectiveTemplate(template, selection, self)
        try:
            super().write_file(name, template, context, *args, **kwargs)
        except jinja2.TemplateError as error:
            if not is_strict(self.settings):
                raise
            logger.error(
                "%s: %s", getattr(template, "filename", None) or name, describe_error(error)
            )

    def write_feed(self, elements: Any, *args: Any, **kwargs: Any) -> Any:
        selection = self.settings.get("PARK_DIGEST_WRITE_ONLY")
        if selection is not None and not (
            selection.listings and selection.holds_changed(elements, self.changed_memo)
        ):
            return None
        return super().write_feed(elements, *args, **kwargs)


def choose_writer(pelican: object) -> type[Writer] | None:
    """``get_writer`` handler: our writer for selective or strict builds, Pelican's otherwise."""
    settings = pelican.settings
    if settings.get("PARK_DIGEST_WRITE_ONLY") is not None or is_strict(settings):
        return DigestWriter
    return None


# --- park-digest build: the listed facts of every article, kept from one build to the next.


# Metadata other pages show of an article, or that decide where it is listed. Its summary is
# not among them: the listings that show it are written whenever the article changes.
LISTED_FIELDS = ("title", "date", "modified", "slug", "category", "tags", "author", "authors",
                 "source", "status", "lang", "translation", "template", "url", "save_as")


def listed_facts(article: Any) -> str:
    """A digest of what other pages show of ``article``: its listed fields, URL and thumbnail."""
    metadata = article.metadata
    fields = [(key, str(metadata[key])) for key in LISTED_FIELDS if key in metadata]
    text = json.dumps([fields, article.url, str(getattr(article, "thumbnail", None))],
                      ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _articles(generator: Any) -> list[Any]:
    names = ("articles", "translations", "hidden_articles", "hidden_translations", "drafts",
             "drafts_translations")
    return [article for name in names for article in getattr(generator, name, None) or ()]


def guard_listed_facts(generator: Any) -> None:
    """``article_generator_finalized``: keep a build's selection only when listings can stay.

    Runs when ``PARK_DIGEST_LISTING_STATE`` names the file of the last build's listed facts.
    The root run also writes this build's facts next to it (``.new``), which the build keeps
    once it succeeds.
    """
    settings = generator.settings
    state = settings.get("PARK_DIGEST_LISTING_STATE")
    if not state:
        return
    articles = {os.path.abspath(a.source_path): a for a in _articles(generator)}
    selection = settings.get("PARK_DIGEST_WRITE_ONLY")
    before = _read_facts(Path(state)) if selection is not None and selection.listings else None
    if before is not None and before.keys() == articles.keys():
        # a selection reads the sources it did not select as the last build did (same settings,
        # theme, code and images), so only the selected ones can list other facts now
        changed = [source for source in articles if selection.source_changed(source)]
        now = {**before, **{source: listed_facts(articles[source]) for source in changed}}
        if any(now[source] != before[source] for source in changed):
            logger.info("the listed facts of an article changed: writing every page")
            settings["PARK_DIGEST_WRITE_ONLY"] = None
    else:
        now = {source: listed_facts(article) for source, article in articles.items()}
        if selection is not None and selection.listings:
            logger.info("articles came or went since the last build: writing every page")
            settings["PARK_DIGEST_WRITE_ONLY"] = None
    if not settings.get("PARK_DIGEST_VARIANT"):
        write_json(Path(state + ".new"), now, indent=None, sort_keys=True)


def _read_facts(path: Path) -> dict[str, str] | None:
    facts = read_json(path)
    return facts if isinstance(facts, dict) else None


def keep_listed_facts(state: Path) -> None:
    """After a successful build: its listed facts become the ones the next build compares."""
    new = Path(f"{state}.new")
    if new.is_file():
        os.replace(new, state)


def build_selection(
    changed: Iterable[Path] | None, articles_dir: Path, started_ns: int
) -> Selection | None:
    """The selection of a ``park-digest build`` after ``changed`` content files, or None for a
    full build: every change must be an article's Markdown that still exists (new seeds are
    imported during the build and found by ``started_ns``)."""
    if changed is None:
        return None
    articles_dir = articles_dir.resolve()
    sources = set()
    for path in changed:
        path = path.resolve()
        if not (path.is_file() and path.is_relative_to(articles_dir)
                and path.suffix in FAST_SUFFIXES):
            return None
        sources.add(str(path))
    return Selection(sources=frozenset(sources), since_ns=started_ns, listings=True)
