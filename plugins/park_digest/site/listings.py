"""Pelican's listings (tags, categories, authors, period archives) worked out in linear time.

Pelican finds which dated articles belong to each tag, category, author and month by asking,
for every article of the archive, whether it is in that listing's list: a scan of the list
each time, so the work grows with the square of the archive (at 10,000 articles, about 15 s of
a one-article rebuild). The lists here answer ``in`` by identity in constant time (articles
have no equality of their own, so a list's ``in`` is identity too), and the period archives are
grouped in one pass. What the templates receive is the same.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import groupby
from typing import Any


class Members(list):
    """A list of articles whose ``in`` costs one set lookup (by identity, as a list's does for
    objects without an equality of their own)."""

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self._ids: set[int] = set()
        self._counted = -1

    def __contains__(self, item: object) -> bool:
        if self._counted != len(self):  # changed since last asked (not done by Pelican)
            self._ids = {id(x) for x in self}
            self._counted = len(self)
        return id(item) in self._ids


def fast_memberships(generator: Any) -> None:
    """``article_generator_finalized``: the articles of each tag, category and author as
    :class:`Members` (the objects the context holds are updated in place)."""
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, articles in tags.items():
            tags[tag] = Members(articles)
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            pairs[:] = [(key, Members(articles)) for key, articles in pairs]


_PERIOD_KEYS: dict[str, Callable[[Any], tuple[int, ...]]] = {
    "year": lambda d: (d.year,),
    "month": lambda d: (d.year, d.month),
    "day": lambda d: (d.year, d.month, d.day),
}


def period_archives(dates: Sequence[Any], articles: Sequence[Any],
                    settings: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Pelican's ``period_archives``: for each granularity with a ``*_ARCHIVE_SAVE_AS``, one
    archive per run of ``dates`` (articles in date order) in the same period, holding those
    ``dates``, the same articles in the order of ``articles``, its URL and its period."""
    position = {id(article): index for index, article in enumerate(articles)}
    archives: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for granularity, key in _PERIOD_KEYS.items():
        save_as = settings.get(f"{granularity.upper()}_ARCHIVE_SAVE_AS")
        url = settings.get(f"{granularity.upper()}_ARCHIVE_URL")
        if not save_as:
            continue
        for period, group in groupby(dates, key=lambda article, key=key: key(article.date)):
            members = list(group)
            listed = sorted((a for a in members if id(a) in position),
                            key=lambda a: position[id(a)])
            first = members[0].date
            if granularity == "year":
                named: tuple = (period[0],)
                number: tuple = (period[0],)
            else:
                month = calendar.month_name[period[1]]
                named = (period[0], month) if granularity == "month" else (period[0], month,
                                                                         period[2])
                number = tuple(period)
            archives[granularity].append({
                "dates": members, "articles": listed, "save_as": save_as.format(date=first),
                "url": url.format(date=first), "period": named, "period_num": number,
            })
    return archives


def linear_period_archives(generator: Any) -> None:
    """``article_generator_init``: the generator groups its period archives with
    :func:`period_archives` (its own method scans every article once per period)."""
    generator._build_period_archives = period_archives
