"""Each article's URL is worked out once and stays the one Pelican's settings give."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

from pelican.contents import Article, Page
from pelican.settings import DEFAULT_CONFIG

from park_digest.site import urls

SETTINGS = {
    **DEFAULT_CONFIG,
    "ARTICLE_URL": "{date:%Y}/{date:%m}/{slug}/",
    "ARTICLE_SAVE_AS": "{date:%Y}/{date:%m}/{slug}/index.html",
    "PAGE_URL": "{slug}/",
    "PAGE_SAVE_AS": "{slug}/index.html",
}


def _article(slug: str, day: int) -> Article:
    return Article("<p>正文。</p>", metadata={
        "title": "标题", "slug": slug, "date": datetime(2021, 7, day, 22, 13)}, settings=SETTINGS)


def test_frozen_urls_are_the_ones_the_settings_give() -> None:
    articles = [_article("a", 6), _article("b", 7)]
    page = Page("<p>园区。</p>", metadata={"title": "关于", "slug": "about"}, settings=SETTINGS)
    expected = [(c.url, c.save_as) for c in [*articles, page]]
    urls.freeze_generator_urls(SimpleNamespace(articles=articles, translations=[articles[0]]))
    urls.freeze_generator_urls(SimpleNamespace(pages=[page]))
    assert [(c.url, c.save_as) for c in [*articles, page]] == expected
    assert expected[0] == ("2021/07/a/", "2021/07/a/index.html")
    assert all(c.override_url for c in [*articles, page])


def test_frozen_url_no_longer_reformats_from_settings() -> None:
    article = _article("a", 6)
    urls.freeze([article])
    article.settings = {**SETTINGS, "ARTICLE_URL": "other/{slug}.html"}
    assert article.url == "2021/07/a/"


def test_urls_worked_out_at_once_are_pelicans_for_every_kind_of_content() -> None:
    def article(**meta: object) -> Article:
        return Article("<p>正文。</p>", metadata={
            "title": "标题", "slug": "a", "date": datetime(2021, 7, 6, 22, 13), **meta},
            settings=SETTINGS)

    def page(**meta: object) -> Page:
        return Page("<p>园区。</p>", metadata={"title": "关于", "slug": "about", **meta},
                    settings=SETTINGS)

    contents = [article(), article(lang="zh-hant"), article(status="draft"),
                article(status="draft", lang="zh-hant"), article(url="own/", save_as="own.html"),
                page(), page(lang="zh-hant"), page(status="draft")]
    for content in contents:
        assert urls.urls_of(content) == (content.url, content.save_as), content.metadata
    assert len({urls.urls_of(c) for c in contents}) == len(contents)


def test_urls_worked_out_as_content_is_made_match_pelicans_for_any_date_format() -> None:
    settings = {**SETTINGS, "ARTICLE_URL": "{date:%Y}/{date:%-m}/{date:%d}日/{slug}/",
                "ARTICLE_SAVE_AS": "{date:%Y}/{date:%-m}/{date:%d}日/{slug}/index.html"}
    made = Article("<p>正文。</p>", metadata={"title": "标题", "slug": "a",
                                          "date": datetime(2021, 7, 6, 22, 13)}, settings=settings)
    expected = (made.url, made.save_as)
    urls.freeze_content_urls(made)
    assert (made.override_url, made.override_save_as) == expected == ("2021/7/06日/a/", "2021/7/06日/a/index.html")
