"""Links between articles for the theme: previous/next by date and related by shared tags."""

from __future__ import annotations

import hashlib
import heapq
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from park_digest.settings import STATE_DIR
from park_digest.statefile import read_json, write_json

logger = logging.getLogger(__name__)

RELATED_FILE = "related.json"  # the related articles of the last build, in the state folder
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


def related_key(articles: Sequence[Any]) -> str | None:
    """A digest of all that decides the related articles (each article's slug, date and tags,
    and the ranking's limits); None when two articles share a slug."""
    facts = sorted((str(a.slug), a.date.isoformat(), _tags(a)) for a in articles)
    if len({slug for slug, _, _ in facts}) != len(facts):
        return None
    text = json.dumps([RELATED_LIMIT, RELATED_WINDOW, facts], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def remembered_related(articles: Sequence[Any], state: Path | None) -> dict[int, list[Any]]:
    """:func:`related_by_tags`, taken from ``state`` when no article's slug, date or tags
    changed since it was kept there (an edit of an article's text changes none of them)."""
    key = related_key(articles) if state is not None else None
    if key is None or state is None:
        return related_by_tags(articles)
    kept = read_json(state)
    by_slug = {str(a.slug): a for a in articles}
    if isinstance(kept, dict) and kept.get("key") == key and isinstance(kept.get("related"), dict):
        return {id(a): [by_slug[slug] for slug in kept["related"].get(str(a.slug), ())]
                for a in articles}
    related = related_by_tags(articles)
    write_json(state, {"key": key, "related": {str(a.slug): [str(r.slug) for r in related[id(a)]]
                                               for a in articles}}, indent=None)
    return related


def link_articles(generator: Any) -> None:
    """``article_generator_finalized``: set ``prev_article``, ``next_article`` and ``related``."""
    articles = list(generator.articles)
    order = neighbours(articles)
    settings = getattr(generator, "settings", None) or {}
    state = Path(settings.get("CACHE_PATH", "cache")) / STATE_DIR / RELATED_FILE \
        if settings.get("CACHE_CONTENT") else None
    related = remembered_related(articles, state)
    for article in articles:
        article.prev_article, article.next_article = order[id(article)]
        article.related = related[id(article)]
    logger.debug("linked %s articles (previous/next, related)", len(articles))
