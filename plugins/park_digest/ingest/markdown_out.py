"""From an article record to Markdown with YAML front matter. Pure: no files, no Pelican."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from park_digest.ingest import patterns as p
from park_digest.ingest.record import Article, Block

_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]#|])")
_ORDERED = re.compile(r"^(\d+)([.)])")
SUMMARY_MAX = 120


def escape(text: str) -> str:
    """Escape text so Markdown (with the ``extra`` extensions) shows exactly these characters."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if _INLINE_SPECIAL.search(text):
        text = _INLINE_SPECIAL.sub(r"\\\1", text)
    if text[:1].isdigit():
        text = _ORDERED.sub(r"\1\\\2", text)
    if text and text[0] in "-+=:~":
        text = "\\" + text if text[0] in "-+" else f"&#{ord(text[0])};" + text[1:]
    # a trailing run of spaces would become a hard line break
    return text.rstrip()


@dataclass(frozen=True, slots=True, kw_only=True)
class ImageOut:
    """How a figure appears in the Markdown: its URL (``None`` when the file is missing)."""

    name: str
    url: str | None = None
    width: int | None = None
    height: int | None = None


def summarize(article: Article, limit: int = SUMMARY_MAX) -> str | None:
    """The first paragraph's opening sentences, at most ``limit`` characters, cut at a sentence."""
    # a subtitle set off by a dash (——系列报道之三) opens the text, not its summary
    paragraphs = [text for text in article.paragraphs if not text.startswith(("——", "--"))] \
        or list(article.paragraphs)
    if not paragraphs:
        return None
    first = paragraphs[0]
    # a dateline (红网时刻岳阳12月18日讯（记者 X）) opens the article, not its summary
    dateline = p.DATELINE.match(first) or p.DATELINE_PEOPLE.match(first)
    if dateline and dateline.end() < len(first) - 10:
        first = first[dateline.end():].lstrip(" ：:，,")
    if len(first) <= limit:
        return first
    cut = max(first.rfind(mark, 0, limit) for mark in "。！？；")
    return first[: cut + 1] if cut > 20 else first[:limit].rstrip("，、,") + "……"


def figure_markdown(block: Block, image: ImageOut | None) -> str:
    fig = block.figure
    assert fig is not None
    alt = escape(fig.caption or "")
    if image and image.url:
        attrs = ""
        if image.width and image.height:
            attrs = f'{{: width="{image.width}" height="{image.height}"}}'
        return f"![{alt}]({{static}}/{image.url}){attrs}"
    # missing file: a bare name, which the figures extension renders as a neutral placeholder
    return f"![{alt}]({fig.name})"


def body_markdown(blocks: Sequence[Block], images: Mapping[str, ImageOut]) -> str:
    parts = []
    for block in blocks:
        if block.kind == "heading":
            parts.append("## " + escape(block.text))
        elif block.kind == "figure":
            parts.append(figure_markdown(block, images.get(block.figure.name)))
        else:
            parts.append(escape(block.text))
    return "\n\n".join(parts) + "\n"


def _yaml_value(value: object) -> str:
    # JSON is YAML: a double-quoted scalar or a flow collection, with every character escaped
    # as YAML expects; much faster to write than a YAML emitter.
    return json.dumps(value, ensure_ascii=False)


def front_matter(meta: Mapping[str, object]) -> str:
    """YAML front matter between ``---`` lines; keys in the given order, values omitted if empty.

    Scalars and lists of scalars stay on their key's line; a list of records (``images``) puts
    one record per line.
    """
    lines = ["---"]
    for key, value in meta.items():
        if value in (None, "", [], ()):
            continue
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], Mapping):
            lines.append(f"{key}:")
            lines += [f"- {_yaml_value(item)}" for item in value]
        else:
            lines.append(f"{key}: {_yaml_value(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def article_markdown(article: Article, *, slug: str, category: str | None,
                     tags: Sequence[str], raw: str, raw_sha256: str,
                     images: Mapping[str, ImageOut], extra: Mapping[str, object] | None = None,
                     ) -> str:
    """The whole Markdown file for ``article``."""
    meta: dict[str, object] = {
        "title": article.title,
        "date": article.date.isoformat(),
        "date_inferred": True if article.date_inferred else None,
        "lang": "zh-hans",
        "slug": slug,
        "source": article.source,
        "authors": list(article.authors),
        "editor": article.editor,
        "source_url": article.source_url,
        "copyright": article.copyright,
        "summary": escape(summarize(article) or ""),
        "images": [
            {"src": (images[f.name].url if f.name in images and images[f.name].url else f.name),
             "caption": f.caption} if f.caption else
            {"src": (images[f.name].url if f.name in images and images[f.name].url else f.name)}
            for f in article.figures
        ],
        "category": category,
        "tags": list(tags),
        "raw": raw,
        "raw_sha256": raw_sha256,
    }
    if extra:
        meta.update(extra)
    return front_matter(meta) + "\n" + body_markdown(article.blocks, images)
