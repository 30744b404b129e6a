"""Links between articles for the theme: previous/next by date and related by shared tags."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

logger = logging.getLogger(__name__)

RELATED_LIMIT = 5


def neighbours(articles: Sequence[Any]) -> dict[int, tuple[Any | None, Any | None]]:
    """Map ``id(article)`` to its (older, newer) neighbours in date order."""
    ordered = sorted(articles, key=lambda a: (a.date, a.slug))
    links = {}
    for index, article in enumerate(ordered):
        older = ordered[index - 1] if index > 0 else None
        newer = ordered[index + 1] if index + 1 < len(ordered) else None
        links[id(article)] = (older, newer)
    return links


def related_by_tags(articles: Sequence[Any], limit: int = RELATED_LIMIT) -> dict[int, list[Any]]:
    """Map ``id(article)`` to up to ``limit`` other articles sharing a tag with it.

    Most shared tags first, then the newest. Uses a tag index, so the cost grows with the
    number of (tag, article) pairs, not with the square of the number of articles.
    """
    by_tag: dict[str, list[Any]] = defaultdict(list)
    for article in articles:
        for tag in getattr(article, "tags", None) or ():
            by_tag[str(tag)].append(article)
    related = {}
    for article in articles:
        shared: dict[int, list[Any]] = {}
        for tag in getattr(article, "tags", None) or ():
            for other in by_tag[str(tag)]:
                if other is not article:
                    shared.setdefault(id(other), [other, 0])[1] += 1
        ranked = sorted(shared.values(), key=lambda pair: (-pair[1], -pair[0].date.timestamp()))
        related[id(article)] = [other for other, _count in ranked[:limit]]
    return related


def link_articles(generator: Any) -> None:
    """``article_generator_finalized``: set ``prev_article``, ``next_article`` and ``related``."""
    articles = list(generator.articles)
    order = neighbours(articles)
    related = related_by_tags(articles)
    for article in articles:
        article.prev_article, article.next_article = order[id(article)]
        article.related = related[id(article)]
    logger.debug("linked %s articles (previous/next, related)", len(articles))
