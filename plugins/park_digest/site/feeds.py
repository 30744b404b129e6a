"""Atom entries as readers see the articles: the title as written, every author, stable ids.

Pelican's feed writer treats a title as HTML (``striptags``: a title holding ``<5%`` loses
text), names only an entry's first author, gives every feed of a site the same ``atom:id`` (the
site's link) and, without ``SITEURL``, entry ids like ``tag:None,…``. :func:`complete_feed`
(``feed_generated``) rewrites each entry from its article before the feed is written.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urljoin, urlparse

from feedgenerator import Atom1Feed
from markupsafe import Markup, escape

logger = logging.getLogger(__name__)

# Authority of entry ids when the build has no site URL (a development build).
DEV_AUTHORITY = "localhost"


class AtomFeedWithAuthors(Atom1Feed):
    """An Atom feed whose entries may name several authors (``authors`` in the item)."""

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        authors = item.get("authors")
        if not authors:
            super().add_item_elements(handler, item)
            return
        super().add_item_elements(handler, {**item, "author_name": None})
        for name in authors:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")


def entry_names(article: Any, site_name: str) -> list[str]:
    """Who an entry is by: its authors, else the outlet it came from, else the site."""
    names = [str(a) for a in getattr(article, "authors", None) or ()]
    if names:
        return names
    source = getattr(article, "source", None)
    return [str(source)] if source else [site_name]


def tag_uri(link: str, date: Any, fallback_authority: str = DEV_AUTHORITY) -> str:
    """``tag:host,YYYY-MM-DD:/path`` (RFC 4151) for an entry's link; a link without a host (a
    development build) gets ``fallback_authority``."""
    bits = urlparse(link)
    host = bits.hostname or fallback_authority
    day = f",{date:%Y-%m-%d}" if date is not None else ""
    return f"tag:{host}{day}:{bits.path or '/'}"


def feed_id(feed_url: str, site_url: str) -> str:
    """The feed's own ``atom:id``: its absolute URL (each feed has its own)."""
    base = site_url if urlparse(site_url).scheme else f"http://{DEV_AUTHORITY}"
    return urljoin(base.rstrip("/") + "/", feed_url)


def site_relative(link: str, site_url: str) -> str:
    """``https://x.org/zh-hant/2021/07/a/`` -> ``2021/07/a/`` on the site ``https://x.org/zh-hant``."""
    path = urlparse(link).path
    base = urlparse(site_url).path.rstrip("/") + "/"
    return path[len(base):] if path.startswith(base) else path.lstrip("/")


def articles_by_url(articles: Iterable[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for article in articles:
        found.setdefault(article.url, article)
        for translation in getattr(article, "translations", None) or ():
            found.setdefault(translation.url, translation)
    return found


def complete_feed(context: Mapping[str, Any], feed: Any = None) -> None:
    """``feed_generated``: titles as text, every author, a distinct id per feed and entry."""
    if feed is None:
        return
    site_url = context.get("SITEURL", "") or ""
    by_url = articles_by_url(context.get("articles", ()))
    site_name = str(context.get("SITENAME", ""))
    feed.feed["id"] = feed_id(feed.feed.get("feed_url") or "", site_url)
    atom = isinstance(feed, Atom1Feed)
    if atom and type(feed) is Atom1Feed:
        feed.__class__ = AtomFeedWithAuthors
    for item in feed.items:
        article = by_url.get(site_relative(item["link"], site_url))
        if article is None:
            continue
        item["title"] = str(article.title)
        item["unique_id"] = tag_uri(item["link"], article.date)
        summary = getattr(article, "summary", None)
        if atom and summary:
            # the summary's text, escaped: a summary is never markup in a feed either
            item["description"] = str(escape(Markup(summary).striptags()))
        names = entry_names(article, site_name)
        if atom:
            item["authors"] = names
        item["author_name"] = "、".join(names)
