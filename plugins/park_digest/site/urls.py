"""Work out every article's and page's URL once, when the generator has settled them.

Pelican formats ``url`` and ``save_as`` from the settings (a copy of the metadata, a date
format) on every use, and the theme uses them many times per page (listings, previous/next,
related articles, alternates), so with a thousand articles this formatting is a tenth of the
build. Pelican's own override attributes (``override_url``, ``override_save_as``, as set by
``url:`` and ``save_as:`` metadata) hold the computed values, so templates see the same strings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

logger = logging.getLogger(__name__)

# Lists of content objects on the articles and pages generators.
CONTENT_LISTS = ("articles", "translations", "drafts", "drafts_translations",
                 "hidden_articles", "hidden_translations",
                 "pages", "hidden_pages", "draft_pages", "draft_translations")


def freeze(contents: Iterable[Any]) -> int:
    """Store each content's current URL and output path as its overrides; return how many."""
    count = 0
    for content in contents:
        url, save_as = content.url, content.save_as
        content.override_url = url
        content.override_save_as = save_as
        count += 1
    return count


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
