"""Links between articles for the theme: previous/next by date and related by shared tags."""

from __future__ import annotations

import heapq
import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

logger = logging.getLogger(__name__)

RELATED_LIMIT = 5
# Articles looked at on each side of an article, in date order, within one tag.
RELATED_WINDOW = 20


def neighbours(articles: Sequence[Any]) -> dict[int, tuple[Any | None, Any | None]]:
    """Map ``id(article)`` to its (older, newer) neighbours in date order."""
    ordered = sorted(articles, key=lambda a: (a.date, a.slug))
    links = {}
    for index, article in enumerate(ordered):
        older = ordered[index - 1] if index > 0 else None
        newer = ordered[index + 1] if index + 1 < len(ordered) else None
        links[id(article)] = (older, newer)
    return links


def related_by_tags(
    articles: Sequence[Any], limit: int = RELATED_LIMIT, window: int = RELATED_WINDOW
) -> dict[int, list[Any]]:
    """Map ``id(article)`` to up to ``limit`` other articles sharing a tag with it.

    Most shared tags first, then the nearest in time. Only the ``window`` articles nearest in
    time on each side within a tag are looked at, so a tag on half the archive costs no more
    than a rare one: the work grows with the number of articles, not with its square.
    """
    by_tag: dict[str, list[Any]] = defaultdict(list)
    for article in sorted(articles, key=lambda a: (a.date, a.slug)):
        for tag in _tags(article):
            by_tag[tag].append(article)
    position = {
        (tag, id(article)): index
        for tag, members in by_tag.items()
        for index, article in enumerate(members)
    }
    stamp = {id(article): article.date.timestamp() for article in articles}
    by_id = {id(article): article for article in articles}
    related = {}
    for article in articles:
        when = stamp[id(article)]
        shared: Counter[int] = Counter()  # counted in C, first-seen order kept for ties
        for tag in _tags(article):
            members = by_tag[tag]
            at = position[(tag, id(article))]
            shared.update(map(id, members[max(0, at - window): at + window + 1]))
        del shared[id(article)]
        ranked = heapq.nsmallest(  # as sorted(...)[:limit], ties in first-seen order
            limit, shared.items(), key=lambda pair: (-pair[1], abs(stamp[pair[0]] - when))
        )
        related[id(article)] = [by_id[key] for key, _count in ranked]
    return related


def _tags(article: Any) -> list[str]:
    """The article's tags as distinct strings, in order."""
    return list(dict.fromkeys(str(tag) for tag in getattr(article, "tags", None) or ()))


def link_articles(generator: Any) -> None:
    """``article_generator_finalized``: set ``prev_article``, ``next_article`` and ``related``."""
    articles = list(generator.articles)
    order = neighbours(articles)
    related = related_by_tags(articles)
    for article in articles:
        article.prev_article, article.next_article = order[id(article)]
        article.related = related[id(article)]
    logger.debug("linked %s articles (previous/next, related)", len(articles))
