"""A stable order for articles of the same date, so two builds of one archive are identical.

Pelican reads the content folder into a set, whose order changes from one process to the next
(string hashes are salted), then sorts the articles by date with a stable sort: articles of the
same timestamp (nine seeds of one evening, every date-only seed at midnight) keep that order,
and every listing, feed, archive, taxonomy page and previous/next link built from them changes
between two builds of the same sources. Sorting by a fixed key first (slug, language, source
file) and then by the site's own order gives ties that order on every build. It runs on
``article_generator_pretaxonomy``: the date list, the period archives and the category, tag
and author lists are all made afterwards, from the articles in this order.
"""

from __future__ import annotations

import logging
from typing import Any

from pelican.utils import order_content

logger = logging.getLogger(__name__)

# The generator's lists of articles; the first of each pair is ordered by ARTICLE_ORDER_BY.
ORDERED_LISTS = ("articles", "hidden_articles", "drafts")
TRANSLATION_LISTS = ("translations", "hidden_translations", "drafts_translations")


def tie_key(content: Any) -> tuple[str, str, str]:
    """What tells two articles apart whatever order they were read in (every source lies in the
    content folder, so its full path orders as its path in that folder would)."""
    return (str(getattr(content, "slug", "") or ""), str(getattr(content, "lang", "") or ""),
            content.source_path or "")


def order_with_ties(contents: list[Any], order_by: Any) -> list[Any]:
    """Sort ``contents`` in place by ``order_by`` (Pelican's ``*_ORDER_BY``), ties by
    :func:`tie_key`."""
    contents.sort(key=tie_key)
    if order_by:
        order_content(contents, order_by)
    return contents


def order_articles(generator: Any) -> None:
    """``article_generator_pretaxonomy``: give the read articles a fixed order."""
    order_by = generator.settings.get("ARTICLE_ORDER_BY")
    for name in ORDERED_LISTS:
        order_with_ties(getattr(generator, name, None) or [], order_by)
    for name in TRANSLATION_LISTS:
        (getattr(generator, name, None) or []).sort(key=tie_key)
    logger.debug("ordered %s articles, ties by slug", len(generator.articles))
