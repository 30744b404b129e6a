"""Which of an article's tags to show first: the ones it is most about. Pure: no Pelican.

A seed often carries twenty or more tags (every company, school and slogan it names); the page
shows a few, ranked: tags named in the title first, then by how often the text names them,
ties in front-matter order. The full list stays in the front matter and on the tag pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

_TAG = re.compile(r"<[^>]*>")


def page_text(markup: str) -> str:
    """The text of an HTML fragment (tags dropped, entities read)."""
    return html.unescape(_TAG.sub(" ", markup))


def rank_tags(tags: Sequence[T], title: str, text: str, limit: int | None = None,
              name: Callable[[T], str] = str) -> list[T]:
    """``tags`` ordered by relevance to the article of ``title`` and ``text``, at most
    ``limit``."""

    def key(item: tuple[int, T]) -> tuple[int, int, int]:
        index, tag = item
        label = name(tag)
        in_title = bool(label) and label in title
        return (0 if in_title else 1, -text.count(label) if label else 0, index)

    ranked = [tag for _index, tag in sorted(enumerate(tags), key=key)]
    return ranked if limit is None else ranked[:limit]
