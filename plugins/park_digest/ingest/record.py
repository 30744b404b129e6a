"""The article record: every fact the importer takes from a raw article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """An image placeholder of the raw text (``1.jpg``) and the caption that follows it."""

    name: str
    caption: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One block of the body, in order: a paragraph, a subheading or a figure."""

    kind: str  # "paragraph" | "heading" | "figure"
    text: str = ""
    figure: Figure | None = None
    line: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A parsed raw article. Fields the raw text does not hold are ``None`` or empty."""

    title: str
    date: datetime
    blocks: tuple[Block, ...]
    source: str | None = None
    authors: tuple[str, ...] = ()
    editor: str | None = None
    source_url: str | None = None
    copyright: str | None = None
    # "zh-hant" when the raw text came in Traditional characters (then converted to Simplified).
    original_script: str = "zh-hans"
    # True when the year of the date is not in the text (a dateline with month and day only):
    # taken from the seed file's time, for an editor to check.
    date_inferred: bool = False

    @property
    def figures(self) -> tuple[Figure, ...]:
        return tuple(b.figure for b in self.blocks if b.figure is not None)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "paragraph")
