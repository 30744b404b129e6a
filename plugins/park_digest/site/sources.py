"""Pages per news outlet ("source"): ``source/<slug>/`` listing its articles, and ``sources/``.

Articles name their outlet in the ``source`` front-matter key. A Generator groups them after
the articles are read, gives each article ``article.source_page`` (a :class:`Source` with
``name``, ``slug``, ``url``) and writes the pages with the theme's ``source.html`` and
``sources.html``.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

from park_digest.settings import resolve

logger = logging.getLogger(__name__)

SOURCES_URL = "sources/"
SOURCES_SAVE_AS = "sources/index.html"


class Source(URLWrapper):
    """A news outlet; its URL comes from the ``SOURCE_URL``/``SOURCE_SAVE_AS`` keys it is given.

    A name of which no slug can be made (only punctuation or symbols) gets one from its digest,
    so two such outlets never write the same page, nor the list of outlets.
    """

    def __init__(self, name: str, settings: dict[str, Any]) -> None:
        super().__init__(name, settings)
        if not slug_of(name, settings):
            self.slug = "outlet-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:10]


def slug_of(name: str, settings: dict[str, Any]) -> str:
    """The slug Pelican makes of ``name`` (possibly empty), without its warning."""
    from pelican.utils import slugify

    return slugify(name, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))


def group_by_source(
    articles: Iterable[Any], settings: dict[str, Any]
) -> list[tuple[Source, list[Any]]]:
    """(source, its articles newest first) pairs, the outlet with most articles first."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        name = str(getattr(article, "source", "") or "").strip()
        if name:
            groups[name].append(article)
    pairs = [
        (Source(name, settings), sorted(items, key=lambda a: a.date, reverse=True))
        for name, items in groups.items()
    ]
    pairs.sort(key=lambda pair: (-len(pair[1]), pair[0].slug))
    return pairs


class SourcesGenerator(Generator):
    """Writes one page per outlet and the list of outlets."""

    def generate_context(self) -> None:
        ours = resolve(self.settings)
        self.url_settings = dict(
            self.settings,
            SOURCE_URL=ours["PARK_DIGEST_SOURCE_URL"],
            SOURCE_SAVE_AS=ours["PARK_DIGEST_SOURCE_SAVE_AS"],
        )
        self.sources = group_by_source(self.context.get("articles", []), self.url_settings)
        for source, articles in self.sources:
            for article in articles:
                article.source_page = source
        self.context["sources"] = self.sources
        self.context["SOURCES_URL"] = SOURCES_URL

    def generate_output(self, writer: Any) -> None:
        if not self.sources:
            return
        template = self.get_template("source")
        for source, articles in self.sources:
            writer.write_file(
                source.save_as, template, self.context,
                relative_urls=self.settings["RELATIVE_URLS"],
                url=source.url, source=source, articles=articles,
                template_name="source", page_name=source.page_name, blog=True,
            )
        writer.write_file(
            SOURCES_SAVE_AS, self.get_template("sources"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"], url=SOURCES_URL,
            template_name="sources", page_name="sources/index",
        )
        logger.debug("wrote %s source pages", len(self.sources))


def get_generators(pelican: Any) -> type[Generator]:
    """``get_generators``: add :class:`SourcesGenerator`."""
    return SourcesGenerator
