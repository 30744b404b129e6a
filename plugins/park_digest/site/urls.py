"""Work out every article's and page's URL once, as it is made, and again where needed when the
generator has settled them.

Pelican formats ``url`` and ``save_as`` from the settings (a copy of the metadata, a date
format) on every use, and the theme uses them many times per page (listings, previous/next,
related articles, alternates), so with a thousand articles this formatting is a tenth of the
build. Pelican's own override attributes (``override_url``, ``override_save_as``, as set by
``url:`` and ``save_as:`` metadata) hold the computed values, so templates see the same strings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pelican.contents import Article, Page

logger = logging.getLogger(__name__)

# Lists of content objects on the articles and pages generators.
CONTENT_LISTS = ("articles", "translations", "drafts", "drafts_translations",
                 "hidden_articles", "hidden_translations",
                 "pages", "hidden_pages", "draft_pages", "draft_translations")


def _setting_prefix(content: Any) -> str | None:
    """The prefix of the settings Pelican formats the URLs of ``content`` with (as its
    ``_expand_settings`` picks it), or None for a kind of content this does not know."""
    kind = type(content)
    draft = getattr(content, "status", None) == "draft"
    if kind is Article:
        return "DRAFT" if draft else "ARTICLE"
    if kind is Page:
        return "DRAFT_PAGE" if draft else "PAGE"
    return None


class _NativeDate:
    """A date that formats ``{date:%Y}`` with Python's own ``strftime``: Pelican's date type
    formats in Python to allow ``%-d`` and non-ASCII formats, at several times the cost, and
    URLs use neither (any other format goes to Pelican's)."""

    __slots__ = ("date",)

    def __init__(self, date: datetime) -> None:
        self.date = date

    def __format__(self, spec: str) -> str:
        if spec.isascii() and "%-" not in spec:
            return datetime.strftime(self.date, spec)
        return format(self.date, spec)

    def __str__(self) -> str:
        return str(self.date)


def urls_of(content: Any) -> tuple[str, str]:
    """``(url, save_as)`` of ``content`` as Pelican's properties give them, formatting its
    URL fields once for both (each property works them out again, a relpath included)."""
    prefix = _setting_prefix(content)
    if prefix is None or hasattr(content, "override_url") or hasattr(content, "override_save_as"):
        return content.url, content.save_as
    fields = content.url_format
    if isinstance(fields.get("date"), datetime):
        fields["date"] = _NativeDate(fields["date"])
    lang = "" if content.in_default_lang else "LANG_"
    settings = content.settings
    return (str(settings[f"{prefix}_{lang}URL"]).format(**fields),
            str(settings[f"{prefix}_{lang}SAVE_AS"]).format(**fields))


def freeze(contents: Iterable[Any]) -> int:
    """Store each content's current URL and output path as its overrides; return how many."""
    count = 0
    for content in contents:
        content.override_url, content.override_save_as = urls_of(content)
        count += 1
    return count


def freeze_content_urls(content: Any) -> None:
    """``content_object_init`` signal handler: an article's or a page's URLs, worked out as it
    is made. Pelican checks each one's output path (``is_valid``) right after making it, and
    formatting it there costs as much as everything else of an article read from the cache;
    the generator's pass below then finds them done."""
    if _setting_prefix(content) is not None:
        content.override_url, content.override_save_as = urls_of(content)


def freeze_generator_urls(generator: Any) -> None:
    """``article_generator_finalized`` / ``page_generator_finalized`` signal handler."""
    seen: set[int] = set()
    contents = []
    for name in CONTENT_LISTS:
        for content in getattr(generator, name, None) or ():
            if id(content) not in seen:
                seen.add(id(content))
                contents.append(content)
    logger.debug("URLs worked out once for %s items", freeze(contents))
