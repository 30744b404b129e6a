"""A synthetic archive of raw park news, in the layouts the importer reads, deterministic by seed.

Article ``i`` of seed ``s`` is the same whatever the archive size, so the first 1,000 articles of
a 10,000-article archive are the 1,000-article archive. Each article can be written as a raw seed
(the text an editor copies from a portal) or as plain Pelican Markdown (for the baseline site).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from . import vocabulary as V

LAYOUTS = ("rednet", "dateline", "published")
BODY_CHARS = (1500, 5000)
# Paragraphs are drawn until the body reaches a target below the ceiling by one paragraph.
TARGET_CHARS = (BODY_CHARS[0], BODY_CHARS[1] - 400)
MAX_FIGURES = 6
FIRST_DAY = datetime(2012, 1, 1, 7, 0, 0)
SPAN_DAYS = 14 * 365
KEYWORD_SENTENCE_SHARE = 0.01  # of sentences; see vocabulary.KEYWORD_SENTENCES
OTHER_COMPANY_SHARE = 0.03  # of company mentions that name another company than the article's
SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """One body block: a paragraph, a subheading, or a figure (image number and caption)."""

    kind: str  # "paragraph" | "heading" | "figure"
    text: str
    image: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class SyntheticArticle:
    index: int
    layout: str
    title: str
    date: datetime
    source: str
    host: str
    authors: tuple[str, ...]
    editor: str
    category: str
    tags: tuple[str, ...]
    blocks: tuple[Block, ...]
    reprint: str

    @property
    def source_url(self) -> str:
        return f"https://{self.host}/content/{self.date:%Y/%m/%d}/{9_000_000 + self.index}.html"

    @property
    def body_chars(self) -> int:
        return sum(len(b.text) for b in self.blocks if b.kind != "figure")

    @property
    def figures(self) -> int:
        return sum(1 for b in self.blocks if b.kind == "figure")


def _pool(name: str, size: int) -> tuple[str, ...]:
    """``size`` distinct names, the same in every run: a newsroom's staff."""
    rng = random.Random(f"park-digest-bench:{name}")
    names: dict[str, None] = {}
    while len(names) < size:
        names[rng.choice(V.SURNAMES) + rng.choice(V.GIVEN)] = None
    return tuple(names)


# A digest's bylines come from a few dozen reporters and a dozen editors, not a new name each time.
REPORTERS = _pool("reporters", 60)
EDITORS = _pool("editors", 12)
OFFICIALS = _pool("officials", 8)


def _fill(template: str, rng: random.Random, slots: dict[str, str]) -> str:
    """Fill ``{slot}`` markers; numbers, units and most company names are drawn per marker."""

    def value(match: re.Match[str]) -> str:
        key = match.group(1)
        if key == "n":
            return str(rng.choice((3, 5, 8, 12, 17, 20, 35, 70, 120, 195, 870, 3000)))
        if key == "u":
            return rng.choice(V.NUMBER_UNITS)
        if key == "c" and rng.random() < OTHER_COMPANY_SHARE:
            return rng.choice(V.COMPANIES)
        return slots[key]

    return SLOT.sub(value, template)


def _sentence(rng: random.Random, slots: dict[str, str]) -> str:
    pool = V.KEYWORD_SENTENCES if rng.random() < KEYWORD_SENTENCE_SHARE else V.SENTENCES
    return _fill(rng.choice(pool), rng, slots)


def _paragraph(rng: random.Random, slots: dict[str, str]) -> str:
    return "".join(_sentence(rng, slots) for _ in range(rng.randint(2, 5)))


def _blocks(rng: random.Random, slots: dict[str, str]) -> tuple[Block, ...]:
    target = rng.randint(*TARGET_CHARS)
    paragraphs: list[str] = []
    while sum(len(p) for p in paragraphs) < target:
        paragraphs.append(_paragraph(rng, slots))
    headings = rng.sample(V.HEADINGS, k=min(rng.randint(0, 3), max(0, len(paragraphs) - 2)))
    heading_at = set(rng.sample(range(1, len(paragraphs)), k=len(headings)))
    figure_after = sorted(rng.sample(range(len(paragraphs)), k=min(len(paragraphs), rng.randint(
        0, MAX_FIGURES))))
    blocks: list[Block] = []
    heads = iter(headings)
    image = 0
    for number, text in enumerate(paragraphs):
        if number in heading_at:
            blocks.append(Block(kind="heading", text=next(heads)))
        blocks.append(Block(kind="paragraph", text=text))
        if number in figure_after:
            image += 1
            caption = _fill(rng.choice(V.CAPTIONS), rng, slots)
            blocks.append(Block(kind="figure", text=caption, image=image))
    return tuple(blocks)


def make_article(index: int, seed: int = 0) -> SyntheticArticle:
    """Article number ``index`` of the archive drawn with ``seed``; a pure function of both."""
    rng = random.Random(f"park-digest-bench:{seed}:{index}")
    date = FIRST_DAY + timedelta(
        days=rng.randrange(SPAN_DAYS), seconds=rng.randrange(15 * 3600)
    )
    source, host = V.SOURCES[0] if rng.random() < 0.5 else rng.choice(V.SOURCES)
    slots = {
        "c": rng.choice(V.COMPANIES),
        "i": rng.choice(V.INSTITUTIONS),
        "p": rng.choice(V.PROGRAMS),
        "t": rng.choice(V.TOPICS),
        "y": str(date.year),
        "who": rng.choice(OFFICIALS),
    }
    title = _fill(rng.choice(V.TITLES), rng, slots)
    authors = tuple(dict.fromkeys(rng.choice(REPORTERS) for _ in range(rng.randint(1, 3))))
    tags = tuple(dict.fromkeys((slots["c"], slots["i"], slots["p"])))[: rng.randint(1, 3)]
    return SyntheticArticle(
        index=index,
        layout=LAYOUTS[rng.randrange(len(LAYOUTS))],
        title=title,
        date=date,
        source=source,
        host=host,
        authors=authors,
        editor=rng.choice(EDITORS),
        category=rng.choice(V.CATEGORIES),
        tags=tags,
        blocks=_blocks(rng, slots),
        reprint=rng.choice(V.REPRINTS),
    )


def articles(n: int, seed: int = 0) -> Iterator[SyntheticArticle]:
    for index in range(n):
        yield make_article(index, seed)


def _body_lines(article: SyntheticArticle, first_prefix: str = "") -> list[str]:
    lines: list[str] = []
    for number, block in enumerate(article.blocks):
        if block.kind == "figure":
            lines += [f"{block.image}.jpg", block.text]
        else:
            lines.append(first_prefix + block.text if number == 0 else block.text)
    return lines


def render_raw(article: SyntheticArticle) -> str:
    """The article as an editor copies it from the portal: blank-line separated lines."""
    a = article
    when = f"{a.date:%Y-%m-%d %H:%M:%S}"
    names = " ".join(a.authors)
    if a.layout == "rednet":
        head = [
            "当前位置:",
            a.title,
            f"来源:{a.source} 作者:{names} 编辑:{a.editor} {when}",
            "时刻新闻",
            "—分享—",
        ]
        body = _body_lines(a)
        foot = [
            f"来源:{a.source}",
            f"作者:{names}",
            f"编辑:{a.editor}",
            a.reprint,
            f"本文链接:{a.source_url}",
            "阅读下一篇",
            "返回红网首页 返回湘潭站首页",
        ]
    elif a.layout == "dateline":
        reporters = "、".join(a.authors)
        dateline = f"红网时刻湘潭{a.date.month}月{a.date.day}日讯(记者 {reporters})"
        head = [a.title, f"发布时间:{when}", f"来源:{a.source}"]
        body = _body_lines(a, first_prefix=dateline)
        foot = [f"责任编辑:{a.editor}", a.reprint]
    else:
        head = [
            a.title,
            f"发布时间:{a.date:%Y-%m-%d %H:%M}  来源:{a.source}  作者:{names}",
        ]
        body = _body_lines(a)
        foot = [f"原标题:{a.title}", f"责任编辑:{a.editor}", a.reprint]
    return "\n\n".join([*head, *body, *foot]) + "\n"


def render_markdown(
    article: SyntheticArticle, convert: Callable[[str], str] = str, lang: str = "zh-hans"
) -> str:
    """The article as plain Pelican Markdown (native ``Key: value`` metadata), for the baseline.

    ``convert`` turns Simplified text into another script (an OpenCC converter's ``convert``).
    """
    a = article
    paragraphs = [b.text for b in a.blocks if b.kind == "paragraph"]
    meta = [
        f"Title: {convert(a.title)}",
        f"Date: {a.date:%Y-%m-%d %H:%M:%S}",
        f"Slug: {slug(a)}",
        f"Lang: {lang}",
        f"Category: {convert(a.category)}",
        f"Tags: {', '.join(convert(t) for t in a.tags)}",
        f"Authors: {', '.join(convert(x) for x in a.authors)}",
        f"Summary: {convert(paragraphs[0][:80])}……",
    ]
    body: list[str] = []
    for block in a.blocks:
        text = convert(block.text)
        if block.kind == "heading":
            body.append(f"## {text}")
        elif block.kind == "figure":
            body.append(f"![{text}](/images/{slug(a)}/{block.image}.jpg)")
        else:
            body.append(text)
    return "\n".join(meta) + "\n\n" + "\n\n".join(body) + "\n"


def slug(article: SyntheticArticle) -> str:
    return f"{article.date:%Y-%m-%d}-bench-{article.index:05d}"


def seed_name(article: SyntheticArticle, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return f"{article.index:05d}_{digest}.txt"


def write_seeds(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` raw articles into ``folder`` (created); return their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles(n, seed):
        text = render_raw(article)
        path = folder / seed_name(article, text)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_markdown(
    folder: Path, n: int, seed: int = 0, convert: Callable[[str], str] = str,
    lang: str = "zh-hans",
) -> list[Path]:
    """Write ``n`` articles as plain Pelican Markdown into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article in articles(n, seed):
        path = folder / f"{slug(article)}.md"
        path.write_text(render_markdown(article, convert, lang), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic archive of raw articles.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    paths = write_seeds(args.folder, args.n, args.seed)
    print(f"wrote {len(paths)} raw articles to {args.folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
