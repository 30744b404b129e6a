"""Pelican's listings worked out in linear time hold what Pelican's own code puts in them."""

from __future__ import annotations

from types import SimpleNamespace

from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import SafeDatetime

from park_digest.site.listings import (
    Members,
    fast_memberships,
    linear_taxonomies,
    period_archives,
)


def articles() -> list[SimpleNamespace]:
    """Articles over two years, several a month and a day, listed in no date order."""
    stamps = [(2021, 7, 6), (2020, 12, 31), (2021, 7, 6), (2021, 1, 2), (2021, 7, 30),
              (2020, 12, 1), (2021, 1, 2), (2019, 5, 5)]
    return [SimpleNamespace(slug=f"a{i}", date=SafeDatetime(y, m, d, 10, i))
            for i, (y, m, d) in enumerate(stamps)]


def test_period_archives_are_pelicans_own():
    settings = {**DEFAULT_CONFIG, "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
                "YEAR_ARCHIVE_URL": "{date:%Y}/",
                "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
                "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
                "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/index.html",
                "DAY_ARCHIVE_URL": "{date:%Y}/{date:%m}/{date:%d}/"}
    listed = articles()
    for newest_first in (True, False):
        dates = sorted(listed, key=lambda a: a.date, reverse=newest_first)

        ours = period_archives(dates, listed, settings)

        theirs = ArticlesGenerator._build_period_archives(None, dates, listed, settings)
        assert ours == theirs
        assert [len(ours[g]) for g in ("year", "month", "day")] == [3, 4, 6]


def test_a_granularity_without_save_as_has_no_archives():
    settings = {**DEFAULT_CONFIG, "YEAR_ARCHIVE_SAVE_AS": "", "DAY_ARCHIVE_SAVE_AS": "",
                "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
                "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/"}
    listed = articles()
    dates = sorted(listed, key=lambda a: a.date)
    assert period_archives(dates, listed, settings) == \
        ArticlesGenerator._build_period_archives(None, dates, listed, settings)


def test_listings_answer_membership_as_lists_do():
    listed = articles()
    generator = SimpleNamespace(tags={"园区": listed[:3]}, categories=[("动态", listed[2:])],
                                authors=[("张三", listed[::2])])
    categories = generator.categories  # the context holds this very list

    fast_memberships(generator)

    assert generator.categories is categories and isinstance(categories[0][1], Members)
    for members in (generator.tags["园区"], categories[0][1], generator.authors[0][1]):
        assert isinstance(members, Members)
        assert [a in members for a in listed] == [a in list(members) for a in listed]
    tag = generator.tags["园区"]
    tag.append(listed[7])  # a list changed afterwards still answers right
    assert listed[7] in tag and SimpleNamespace(**vars(listed[7])) not in tag


class Key(SimpleNamespace):
    """A tag, category or author: hashable, as Pelican's are."""

    __hash__ = object.__hash__


def test_tag_category_and_author_listings_are_written_as_pelican_writes_them():
    listed = articles()
    keys = [Key(name=n, slug=n, save_as=f"{n}.html", url=f"{n}/", page_name=n)
            for n in ("x", "y", "z")]
    x, y, z = keys
    groups = [(x, [listed[0], listed[3], listed[5]]), (y, listed[::-1]), (z, [listed[4]])]
    dates = sorted(listed, key=lambda a: a.date, reverse=True)
    generator = SimpleNamespace(
        tags=dict(groups), categories=groups[:2], authors=groups[1:], dates=dates,
        articles=listed, context={"SITENAME": "园区"}, get_template=lambda name: f"<{name}>")

    def calls(generate) -> list[tuple]:
        written = []
        generate(lambda *args, **kwargs: written.append((args, kwargs)))
        return written

    for name in ("tags", "categories", "authors"):
        theirs = calls(lambda write, name=name: getattr(ArticlesGenerator, f"generate_{name}")(
            generator, write))
        linear_taxonomies(generator)
        ours = calls(getattr(generator, f"generate_{name}"))
        del generator.generate_tags, generator.generate_categories, generator.generate_authors
        assert ours == theirs
        assert theirs and all(kw["dates"] for _, kw in theirs)
