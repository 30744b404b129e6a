"""Pelican's listings (tags, categories, authors, period archives) worked out in linear time.

Pelican finds which dated articles belong to each tag, category, author and month by asking,
for every article of the archive, whether it is in that listing's list: a scan of the list
each time, so the work grows with the square of the archive (at 10,000 articles, about 15 s of
a one-article rebuild). The lists here answer ``in`` by identity in constant time (articles
have no equality of their own, so a list's ``in`` is identity too), the period archives are
grouped in one pass, and each tag's, category's and author's articles are put in date order
from their own list rather than by a pass over the whole archive per listing. What the
templates receive is the same.
"""

from __future__ import annotations

import calendar
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import groupby
from typing import Any

from pelican.writers import FileOverwriteFailedError

logger = logging.getLogger(__name__)


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


def in_date_order(dates: Sequence[Any], groups: Iterable[tuple[Any, Sequence[Any]]]
                  ) -> list[list[Any]]:
    """For each ``(key, articles)`` of ``groups``, those of its articles that are in ``dates``,
    in the order of ``dates`` (each once): Pelican's ``[a for a in dates if a in articles]``
    without a pass over ``dates`` per group."""
    position = {id(article): index for index, article in enumerate(dates)}
    ordered = []
    for _, articles in groups:
        members = {id(a): a for a in articles if id(a) in position}
        ordered.append(sorted(members.values(), key=lambda a: position[id(a)]))
    return ordered


# Pelican's taxonomy listings: (generator attribute, template and keyword, what it is called).
TAXONOMIES = (("tags", "tag", "Tag"), ("categories", "category", "Category"),
              ("authors", "author", "Author"))


def _write_taxonomy(generator: Any, write: Callable[..., Any], name: str, kind: str,
                    label: str) -> None:
    """Pelican's ``generate_tags`` (``_categories``, ``_authors``), each listing's dates put in
    order by :func:`in_date_order`."""
    groups = getattr(generator, name)
    groups = list(groups.items() if isinstance(groups, dict) else groups)
    template = generator.get_template(kind)
    for (key, articles), dates in zip(groups, in_date_order(generator.dates, groups),
                                      strict=True):
        try:
            write(key.save_as, template, generator.context, url=key.url, articles=articles,
                  dates=dates, template_name=kind, blog=True, page_name=key.page_name,
                  all_articles=generator.articles, **{kind: key})
        except FileOverwriteFailedError:
            if key.slug:
                logger.error('Failed to write %s page for "%s".', label, key)
                raise
            logger.info('%s "%s" has an invalid slug; skipping writing %s page...', label, key,
                        kind, extra={"limit_msg": f"Further {name} with invalid slugs."})


def linear_taxonomies(generator: Any) -> None:
    """``article_generator_init``: the generator writes its tag, category and author listings
    with :func:`_write_taxonomy` (its own methods pass over every dated article per listing)."""
    for name, kind, label in TAXONOMIES:
        setattr(generator, f"generate_{name}",
                lambda write, name=name, kind=kind, label=label:
                _write_taxonomy(generator, write, name, kind, label))
