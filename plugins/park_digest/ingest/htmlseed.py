"""From a saved web page to an :class:`~park_digest.ingest.record.Article`, through the text rules.

1. The page's blocks in document order (:func:`page_items`): each text block as a line, each
   picture as its own item, with the HTML line it starts on.
2. trafilatura finds the article: the first and last blocks of its body bound the article's zone.
   Every block inside the zone is kept, also those trafilatura dropped (captions, short lines);
   the blocks between the headline and the zone (the byline), a lead picture right above the
   headline (handed over under the headline: the text rules open the body with it) and the
   field lines just after the zone (editor, reprint notice, original link)
   come along.
3. These lines go through the text rules (:func:`~park_digest.ingest.parse.parse_article`) as a text
   seed would, so their zone logic decides what is furniture (bylines, share rows, notices).
   Pictures stand as ``1.jpg``-style lines with their caption line under them.
4. What the markup says and a text cannot: a picture's caption is the one the page gives
   (the text rules find a caption by its place only),
   and a deck right under the headline (an ``<h2>`` or a ``subtitle`` block) opens the body
   as a subheading.
5. The page's own metadata comes first where present: ``og:title``/JSON-LD headline, the
   published time (JSON-LD, ``article:published_time``, ``publishdate``…), ``<meta name=source>``,
   person names in ``<meta name=author>``/JSON-LD, and the canonical link; htmldate supplies a
   date when neither the metadata nor the text has one.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from park_digest.ingest import patterns as p
from park_digest.ingest.htmlpage import SavedPage, open_page
from park_digest.ingest.parse import (
    CHINA_TZ,
    FIELDS,
    REPRINT,
    SOURCE_URL,
    TEXT,
    classify,
    find_date,
    is_heading,
    moment_of,
    parse_article,
    photo_credit,
    split_names,
)
from park_digest.ingest.pictures import MIN_SIDE, Candidate, furniture_reason, picture_size
from park_digest.ingest.punctuation import to_fullwidth
from park_digest.ingest.rawtext import SeedError, clean
from park_digest.ingest.record import Article, Block

logger = logging.getLogger(__name__)

BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th",
    "section", "article", "header", "footer", "nav", "aside", "figure", "figcaption",
    "blockquote", "pre", "dl", "dt", "dd", "center", "main", "form", "address", "caption",
    "tbody", "thead", "hr", "body",
})
SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "head", "select", "option",
    "textarea", "button", "object", "embed", "video", "audio", "canvas", "map", "input",
})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# lazy-loading portals keep the real address in one of these, and a spinner in src
SRC_ATTRS = ("data-original", "data-src", "data-echo", "data-lazy-src", "original", "src",
             "srcset", "data-srcset")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CENTERED = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_CAPTION_NAMES = re.compile(r"caption|pic|img|image|photo|note|desc|explain|intro|zhu|tuzhu",
                            re.IGNORECASE)
_CAPTION_START = re.compile(r"^(?:[▲△↑↓▼]|图为|图[:：]|上图|下图|左图|右图|[(（]图)")
_SPACE = re.compile(r"\s+")
_NEWLINE_BETWEEN_CJK = re.compile(rf"(?<=[{p.CJK}，。、；：！？”“])[ \t]*\n\s*(?=[{p.CJK}，。、；：！？“”])")
CAPTION_MAX = 150
# trafilatura without its fallback extractors (readability, jusText): it only has to find the
# article's first and last blocks, the text rules read everything between; twice as fast
FAST_EXTRACTION = True
HEADLINE_INSIDE = 5  # blocks into the body where the headline may still stand (e-paper kickers)
# ornaments before a short line (e-paper bylines: □ 本报记者 …)
_ORNAMENT = re.compile(r"^[□■◇◆○●◎★☆]+\s*")
ORNAMENT_LINE_MAX = 40
FOOTER_LOOKAHEAD = 15
HEADER_LOOKBACK = 12
DATE_META = ("article:published_time", "og:article:published_time", "og:published_time",
             "publishdate", "pubdate", "publish_date", "publishtime", "publish-date",
             "dc.date.issued", "dcterms.created", "datepublished")
SOURCE_META = ("source", "contentsource", "og:article:source", "article:source")
AUTHOR_META = ("author", "article:author", "og:article:author", "dc.creator")
TITLE_META = ("og:title", "twitter:title", "articletitle")
SITE_META = ("og:site_name", "sitename", "application-name")
ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "WebPage"}
# a deck (副题) under the headline: a heading element, or a block named like one
_DECK_NAMES = re.compile(r"(?<![a-z])(?:sub-?title|subhead|deck|fu_?title|fbt)(?![a-z])",
                         re.IGNORECASE)
DECK_MAX = 80


@dataclass(slots=True)
class Item:
    """A block of the page: a line of text, or a picture (``img`` set)."""

    text: str
    line: int
    block: object = None  # the block element the text stands in
    img: object = None


@dataclass(slots=True, kw_only=True)
class PageMeta:
    title: str | None = None
    date: datetime | None = None
    date_has_time: bool = False
    source: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    url: str | None = None
    site: str | None = None


# --- the page's blocks ----------------------------------------------------------------------------
def page_items(root) -> list[Item]:
    """The page's text blocks and pictures in document order."""
    items: list[Item] = []
    buf: list[str] = []
    state: dict = {"block": None, "line": 0}

    def add(text: str, block, line: int) -> None:
        if not buf:
            state["block"], state["line"] = block, line
        buf.append(text)

    def flush() -> None:
        if buf:
            text = _NEWLINE_BETWEEN_CJK.sub("", "".join(buf))
            text = clean(_SPACE.sub(" ", text))
            if text:
                items.append(Item(text, state["line"], state["block"]))
            buf.clear()

    def visit(el, block) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        line = el.sourceline or 0
        if not tag:
            pass  # a comment or processing instruction: only its tail is text
        elif tag in SKIP_TAGS or _HIDDEN.search(el.get("style", "")) or el.get("hidden") is not None:
            pass
        elif tag == "img":
            flush()
            items.append(Item("", line, block, img=el))
        elif tag == "br":
            flush()
        elif tag in BLOCK_TAGS:
            flush()
            if el.text:
                add(el.text, el, line)
            for child in el:
                visit(child, el)
            flush()
        else:
            if el.text:
                add(el.text, block, line)
            for child in el:
                visit(child, block)
        if el.tail:
            add(el.tail, block, line)

    body = root.find(".//body")
    visit(body if body is not None else root, None)
    flush()
    return items


def _norm(text: str) -> str:
    return _SPACE.sub("", text)


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
ANCHOR_MIN = 10  # characters a block needs to anchor the body (short ones match by chance)


def body_span(items: list[Item], body_text: str) -> tuple[int, int] | None:
    """Indices of the first and last page block found in trafilatura's body text.

    trafilatura may join or split blocks, so a block counts when its text (without spaces)
    stands in the body's text; only blocks long enough not to match by chance anchor it.
    """
    text = _MD_IMAGE.sub("", body_text)
    whole = _norm(text)
    if not whole:
        return None
    norms = [_norm(it.text) if it.img is None else "" for it in items]
    hits = [i for i, n in enumerate(norms) if len(n) >= ANCHOR_MIN and n in whole]
    if not hits:
        return None
    # short blocks at either end (a last line of nine characters) count when one of
    # trafilatura's lines is exactly that block; pictures between count with them
    lines = {_norm(line) for line in text.split("\n")} - {""}
    first, last = hits[0], hits[-1]
    for step, edge in ((1, last), (-1, first)):
        i = edge + step
        while 0 <= i < len(items):
            if items[i].img is not None:
                i += step
                continue
            if norms[i] not in lines:
                break
            edge = i
            i += step
        first, last = (first, edge) if step == 1 else (edge, last)
    return first, last


# --- metadata ---------------------------------------------------------------------------------------
def _meta_values(root) -> dict[str, str]:
    values: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
    return values


def _json_ld(root) -> dict:
    """The page's JSON-LD article object (NewsArticle …), or an empty dict."""
    for el in root.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            obj = stack.pop(0)
            if isinstance(obj, list):
                stack += obj
            elif isinstance(obj, dict):
                kinds = obj.get("@type")
                kinds = set(kinds) if isinstance(kinds, list) else {kinds}
                if kinds & ARTICLE_TYPES and (obj.get("headline") or obj.get("datePublished")):
                    return obj
                stack += obj.get("@graph", [])
    return {}


def parse_datetime(value: str) -> tuple[datetime, bool] | None:
    """(moment in China time, whether the value had a time of day) of a metadata date."""
    value = value.strip()
    try:
        d = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        m = find_date(value)
        moment = moment_of(m) if m else None
        return (moment, m.groupdict().get("hour") is not None) if moment else None
    has_time = "T" in value or ":" in value
    d = d.replace(tzinfo=CHINA_TZ) if d.tzinfo is None else d.astimezone(CHINA_TZ)
    return d, has_time


def _names(value) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        return _names(value.get("name", ""))
    if not isinstance(value, str) or p.URL.match(value):
        return []
    return split_names(re.sub(r"^(?:作者|记者|文)\s*[:：]?", "", value.strip()))


def _field_value(value: str) -> str:
    """``来源：人民网`` → ``人民网``."""
    m = p.FIELD.match(value)
    return (m.group("value") if m else value).strip() if value else value


def read_meta(root, saved_from: str | None) -> PageMeta:
    metas = _meta_values(root)
    ld = _json_ld(root)
    meta = PageMeta()
    meta.title = ld.get("headline") or next((metas[k] for k in TITLE_META if k in metas), None)
    for raw in [ld.get("datePublished")] + [metas.get(k) for k in DATE_META]:
        if isinstance(raw, str) and (parsed := parse_datetime(raw)):
            meta.date, meta.date_has_time = parsed
            break
    meta.source = next((_field_value(metas[k]) for k in SOURCE_META if metas.get(k)), None)
    meta.authors = _names(ld.get("author")) or next(
        (names for k in AUTHOR_META if (names := _names(metas.get(k, "")))), [])
    # an author that is no person is the outlet: <meta name="author" content="示例通讯社">
    outlet = next((metas[k] for k in AUTHOR_META if metas.get(k) and not _names(metas[k])
                   and not p.URL.match(metas[k])), None)
    editors = _names(metas.get("editor", ""))
    meta.editor = editors[0] if editors else None
    canonical = next((el.get("href") for el in root.iter("link")
                      if "canonical" in (el.get("rel") or "").lower().split() and el.get("href")),
                     None)
    entity = ld.get("mainEntityOfPage")
    ld_urls = (ld.get("url"), entity.get("@id") if isinstance(entity, dict) else entity)
    meta.url = next((u.strip() for u in (canonical, metas.get("og:url"), *ld_urls, saved_from)
                     if isinstance(u, str) and u.strip().startswith("http")), None)
    publisher = ld.get("publisher")
    meta.site = outlet or (publisher.get("name") if isinstance(publisher, dict) else None) \
        or next((metas[k] for k in SITE_META if metas.get(k)), None)
    return meta


# --- captions -------------------------------------------------------------------------------------
def _ancestors(el, depth: int = 3):
    out = []
    while el is not None and depth:
        el = el.getparent()
        if el is not None:
            out.append(el)
        depth -= 1
    return out


def _centered(el) -> bool:
    for e in [el, *_ancestors(el, 2)]:
        if e is None or not isinstance(e.tag, str):
            continue
        if _CENTERED.search(e.get("style", "")) or (e.get("align") or "").lower() == "center" \
                or e.tag == "center":
            return True
    return False


def _caption_like(item: Item, img_item: Item) -> bool:
    """Is ``item`` (the block right under a picture) the picture's caption?"""
    text, block = item.text, item.block
    if not text or len(text) > CAPTION_MAX or item.img is not None:
        return False
    if block is not None and isinstance(block.tag, str):
        if block.tag == "figcaption" or block is img_item.block:
            return True
        names = " ".join(filter(None, (block.get("class"), block.get("id"))))
        if _CAPTION_NAMES.search(names):
            return True
    if _CAPTION_START.match(text) or p.PHOTO_CREDIT.search(text):
        return True
    return block is not None and _centered(block) and _centered(img_item.img)


def _alt_caption(img, title: str | None) -> str | None:
    for attr in ("alt", "title"):
        value = clean(_SPACE.sub(" ", img.get(attr) or ""))
        if value and p.CJK_CHAR.search(value) and not p.PLACEHOLDER.match(value) \
                and _norm(value) != _norm(title or ""):
            return value
    return None


_TITLE_PARTS = re.compile(r"\s*[_|｜–—]+\s*|\s+-+\s+|--+")


def headline_of(page_title: str) -> str:
    """The headline in a ``<title>``: its longest part (``标题_频道_网站`` → ``标题``)."""
    return max(_TITLE_PARTS.split(page_title), key=len).strip() if page_title else ""


def find_headline(items: list[Item], span: tuple[int, int] | None, meta_title: str | None,
                  page_title: str) -> int | None:
    """The block holding the article's headline: the one the metadata's title names, or a
    part of the page's ``<title>``; the last above the body (or among its first blocks),
    headings first."""
    start = span[0] if span else len(items)
    limit = min(len(items), start + HEADLINE_INSIDE + 1)
    wants = [_norm(t) for t in (meta_title, headline_of(page_title)) if t]
    whole = _norm(page_title)

    def names_title(it: Item) -> bool:
        n = _norm(it.text)
        return it.img is None and len(n) >= 4 and (
            n in wants or (len(n) >= 6 and (n in whole or any(n in w for w in wants))))

    found = [i for i in range(limit) if names_title(items[i])]
    headings = [i for i in found if getattr(items[i].block, "tag", "") in HEADING_TAGS]
    for group in (headings, found):
        above = [i for i in group if i <= start]
        if above:
            return above[-1]
        if group:
            return group[0]
    h1 = [i for i in range(limit) if items[i].img is None
          and getattr(items[i].block, "tag", "") == "h1"]
    return h1[-1] if h1 else None


def find_deck(items: list[Item], title_at: int | None, start: int, title: str) -> str | None:
    """The deck (副题) of the headline: the block right under it, above the body, that the
    markup makes a heading or names a subtitle, and that is text (no byline, date or widget)."""
    at = title_at + 1 if title_at is not None else -1
    if not 0 < at <= start or at >= len(items) or items[at].img is not None:
        return None
    it, block = items[at], items[at].block
    if block is None or not isinstance(block.tag, str) or not 2 <= len(it.text) <= DECK_MAX:
        return None
    names = " ".join(filter(None, (block.get("class"), block.get("id"))))
    if block.tag not in HEADING_TAGS and not _DECK_NAMES.search(names):
        return None
    if classify(_t2s(it.text)) != TEXT or _norm(it.text) == _norm(title):
        return None
    return it.text


def lead_pictures(items: list[Item], title_at: int) -> list[Item]:
    """A picture (and its caption) right above the headline, inside the same article element
    as the headline: the lead picture many sites show first."""
    title_el = items[title_at].block
    at = title_at - 1
    if at >= 1 and items[at].img is None and items[at - 1].img is not None \
            and _caption_like(items[at], items[at - 1]):
        at -= 1  # the caption under the picture
    if at < 0 or items[at].img is None or title_el is None:
        return []
    shared = _common_ancestor(items[at].img, title_el)
    if shared is None or shared.tag in ("body", "html"):
        return []
    return items[at:title_at]


def _common_ancestor(a, b):
    above = list(a.iterancestors())  # held: lxml keeps one proxy per node only while it lives
    return next((e for e in b.iterancestors() if any(e is x for x in above)), None)


# --- the lines for the text rules -------------------------------------------------------------------
@dataclass(slots=True, kw_only=True)
class PageText:
    """What the page gives the text rules, and what they cannot read from text."""

    lines: list[tuple[str, int]]  # (text, HTML line)
    captions: dict[str, str | None]  # picture name -> the caption given under it (None: none)
    # picture name -> its saved file, or its bytes from a web archive (None: the save lacks it)
    pictures: dict[str, Path | bytes | None]
    meta: PageMeta
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (src, why) of furniture
    deck: str | None = None  # the subtitle right under the headline


def _sources(img) -> list[str]:
    """The addresses a picture may be saved under, the lazy-loading ones first; a ``srcset``
    (of the picture or of its ``<picture>``'s ``<source>``) gives its largest entry."""
    out = []
    # libxml2 does not know <source> is empty: the <img> may stand inside one
    picture = next((a for a in _ancestors(img, 3) if a.tag == "picture"), None)
    sources = list(picture.iter("source")) if picture is not None else []
    for el in [img, *sources]:
        for attr in SRC_ATTRS:
            value = (el.get(attr) or "").strip()
            if not value:
                continue
            if attr.endswith("srcset"):
                entries = [e.strip().split() for e in value.split(",") if e.strip()]
                value = max(entries, key=_srcset_width)[0] if entries else ""
            if value:
                out.append(value)
    return out


def _srcset_width(entry: list[str]) -> float:
    try:
        return float(entry[1].rstrip("wx")) if len(entry) > 1 else 1.0
    except ValueError:
        return 1.0


def _candidate(img, page: SavedPage) -> Candidate:
    srcs = _sources(img)
    # the first saved one that is not a lazy-loading stand-in (a spinner, a 1×1 GIF)
    data, src = None, srcs[0] if srcs else ""
    for s in srcs:
        found = page.fetch(s)
        if not found:
            continue
        if data is None:
            data, src = found, s
        _, width, height = picture_size(found)
        if width and height and min(width, height) >= MIN_SIDE:
            data, src = found, s
            break
    hints = []
    for e in [img, *_ancestors(img, 3)]:
        hints += [e.get("class") or "", e.get("id") or ""]
    link = next((a.get("href") for a in _ancestors(img, 2) if a.tag == "a" and a.get("href")), None)

    def number(attr: str) -> int | None:
        m = re.match(r"\s*(\d+)\s*(?:px)?\s*$", img.get(attr) or "")
        return int(m.group(1)) if m else None

    return Candidate(src=src, alt=img.get("alt") or "", title=img.get("title") or "",
                     hints=" ".join(h for h in hints if h), link=link,
                     declared=(number("width"), number("height")), data=data,
                     path=page.locate(src) if data else None)


def _suffix(src: str) -> str:
    m = re.search(r"\.(jpe?g|png|gif|webp|bmp)(?:$|[?#])", src, re.IGNORECASE)
    return "." + m.group(1).lower().replace("jpeg", "jpg") if m else ".jpg"


def page_text(page: SavedPage, name: str) -> PageText:
    """The lines of the article in the page, for the text rules."""
    import trafilatura

    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", page.html)
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as e:
        raise SeedError(name, 1, f"this page cannot be read as HTML ({e}); save it again") from e
    meta = read_meta(root, page.base_url)
    try:
        items = page_items(root)
    except RecursionError as e:
        raise SeedError(name, 1, "this page is nested too deeply to be read; save the article "
                        "again from the browser's reader view") from e
    # the body only: the metadata comes from read_meta and htmldate (trafilatura's own
    # metadata pass repeats that work and costs two fifths of its time)
    doc = trafilatura.bare_extraction(html, include_images=True, with_metadata=False,
                                      include_comments=False, include_tables=True,
                                      fast=FAST_EXTRACTION)
    span = body_span(items, doc.text if doc is not None and doc.text else "")
    title_el = root.find(".//title")
    page_title = title_el.text_content().strip() if title_el is not None else ""
    title_at = find_headline(items, span, meta.title, page_title)
    title = meta.title or (items[title_at].text if title_at is not None else None) \
        or headline_of(page_title)
    if not title:
        raise SeedError(name, 1, "no headline found in the page (no <h1>, <title> or "
                        "og:title); save the article's own page, not a listing")
    if span is None:  # trafilatura found no body: the text rules read all below the headline
        span = ((title_at + 1) if title_at is not None else 0, len(items) - 1)
    start, stop = span
    if title_at is not None and start <= title_at < stop:  # trafilatura began above the headline
        start = title_at + 1

    def is_field(it: Item) -> bool:  # the text rules read Simplified
        return it.img is None and classify(_t2s(it.text)) in (FIELDS, REPRINT, SOURCE_URL)

    if title_at is not None and title_at < start:
        zone = items[title_at + 1:start]
    else:
        zone = [it for it in items[max(0, start - HEADER_LOOKBACK):start] if is_field(it)]
    # a lead picture above the headline: handed over right under it, above the byline (the
    # text rules open the body with a picture of the header)
    lead = lead_pictures(items, title_at) if title_at is not None else []
    zone = lead + zone + items[start:stop + 1]
    zone += [it for it in items[stop + 1: stop + 1 + FOOTER_LOOKAHEAD] if is_field(it)]

    found = PageText(lines=[(clean(_SPACE.sub(" ", title)),
                             items[title_at].line if title_at is not None else 1)],
                     captions={}, pictures={}, meta=meta,
                     deck=find_deck(items, title_at, start, title))
    _zone_lines(found, zone, page, title)
    for src, why in found.dropped:
        logger.debug("%s: picture %s left out: %s", name, src, why)
    return found


def _zone_lines(found: PageText, zone: list[Item], page: SavedPage, title: str) -> None:
    """Add the zone's blocks to ``found``: text as lines, each article picture as a ``1.jpg``
    line with its caption line under it; furniture pictures are left out."""
    host = urlsplit(found.meta.url).hostname if found.meta.url else None
    lines, captions, pictures, dropped = found.lines, found.captions, found.pictures, found.dropped
    seen: set[bytes] = set()
    used: set[int] = set()
    for k, it in enumerate(zone):
        if k in used:
            continue
        if it.img is None:
            lines.append((_ORNAMENT.sub("", it.text) if len(it.text) <= ORNAMENT_LINE_MAX
                          else it.text, it.line))
            continue
        cand = _candidate(it.img, page)
        why = furniture_reason(cand, host)
        if why is None and cand.data and cand.data in seen:
            why = "the same picture again"
        if why is not None or not cand.src:
            dropped.append((cand.src, why or "no address"))
            continue
        if cand.data:
            seen.add(cand.data)
        ext, _, _ = picture_size(cand.data)
        pic = f"{len(pictures) + 1}{ext or _suffix(cand.src)}"
        # a picture the save lacks may be put beside the page under the name the import
        # report gives it (seeds/name/1.jpg), as for a text seed
        pictures[pic] = cand.path or cand.data or page.locate(pic)
        nxt = zone[k + 1] if k + 1 < len(zone) else None
        caption = None
        if nxt is not None and _caption_like(nxt, it):
            caption = nxt.text
            used.add(k + 1)
        else:
            caption = _alt_caption(it.img, title)
        captions[pic] = caption
        lines.append((pic, it.line))
        if caption:
            lines.append((caption, nxt.line if k + 1 in used else it.line))


# --- the record ---------------------------------------------------------------------------------------
def _parse(text: str, name: str, fullwidth: bool, display: str | None,
           where: list[int], seed_mtime: float | None = None) -> Article:
    try:
        return parse_article(text, name, fullwidth=fullwidth, display=display,
                             seed_mtime=seed_mtime)
    except SeedError as e:  # name the page's own line
        line = where[e.line - 1] if 0 < e.line <= len(where) else e.line
        raise SeedError(name, line, e.message + " (in the article text read from the page)") from e


def _without_credit(caption: str, shown) -> str:
    """The page's caption in the record's script, without the photo credit closing it (found
    in Simplified, as the text rules read it)."""
    simplified = _t2s(caption)
    at = photo_credit(simplified)[0]
    given = shown(caption)
    if at == len(simplified) or len(given) != len(simplified):
        return given
    return given[:at].rstrip() or given


def _fix_captions(article: Article, captions: dict[str, str | None], shown) -> Article:
    """Each figure with the caption the page gives it (``shown`` puts it in the record's script).

    The text rules take the line under a picture as its caption by its place only: they may
    make a caption of the line under a picture the page gives none. The page's caption is kept
    without its photo credit, as the text rules keep a caption (the credit's names are
    authors); a line the page does not call a caption stands as a paragraph."""
    blocks: list[Block] = []
    given: str | None = None  # the caption of the figure just added
    for b in article.blocks:
        fig = b.figure
        if fig is None:
            if not (given and b.kind == "paragraph" and _norm(b.text) == _norm(given)):
                blocks.append(b)  # else the caption the text rules left as a paragraph
            given = None
            continue
        if fig.name not in captions:
            blocks.append(b)
            given = None
            continue
        given = _without_credit(captions[fig.name], shown) if captions[fig.name] else None
        if given is None:
            blocks.append(replace(b, figure=replace(fig, caption=None)))
            if fig.caption:
                kind = "heading" if is_heading(fig.caption) else "paragraph"
                blocks.append(Block(kind=kind, text=fig.caption, line=fig.line + 1))
        elif _norm(fig.caption or "") != _norm(given):
            blocks.append(replace(b, figure=replace(fig, caption=given)))
        else:
            blocks.append(b)
    return replace(article, blocks=tuple(blocks)) if blocks != list(article.blocks) else article


def _add_deck(article: Article, deck: str | None) -> Article:
    """The deck under the headline opens the body as a subheading, unless the text rules kept
    it already (a deck they read as a sentence or a ——subtitle)."""
    if not deck or _norm(deck) == _norm(article.title):
        return article
    if any(_norm(deck) in _norm(b.text) for b in article.blocks if b.figure is None):
        return article
    return replace(article, blocks=(Block(kind="heading", text=deck, line=2), *article.blocks))


def _apply_meta(article: Article, meta: PageMeta, convert, fullwidth: bool,
                shown=lambda s: s) -> Article:
    """The page's metadata over the text's facts; ``convert`` makes names Simplified like the
    text rules' facts, ``shown`` gives the title in the record's script."""
    norm = to_fullwidth if fullwidth else (lambda s: s)
    changes: dict = {}
    if meta.title:
        changes["title"] = norm(clean(_SPACE.sub(" ", shown(meta.title))))
    if meta.date and (meta.date_has_time or meta.date.date() != article.date.date()):
        changes["date"] = meta.date
    # the text rules name no outlet for 本报 (本报记者 X): then the page's own outlet, or none
    source = article.source
    if meta.source:
        source = convert(meta.source)
    elif not source and meta.site:
        source = convert(meta.site)
    changes["source"] = source
    if meta.authors:
        changes["authors"] = tuple(convert(a) for a in meta.authors)
    if meta.editor:
        changes["editor"] = convert(meta.editor)
    if meta.url:
        changes["source_url"] = meta.url
    return replace(article, **changes)


def _same(text: str) -> str:
    return text


@lru_cache(maxsize=1)
def _t2s_converter():
    import opencc

    return opencc.OpenCC("t2s")


def _t2s(text: str) -> str:
    return _t2s_converter().convert(text)


def _htmldate(html: str) -> str | None:
    from htmldate import find_date as htmldate_find

    try:
        return htmldate_find(html, original_date=True, extensive_search=True)
    except Exception as e:  # htmldate is only a fallback; its failure is no date
        logger.debug("htmldate failed: %s", e)
        return None


# Pictures of the pages read in this process, for the copy step: seed path -> name -> bytes
# (a page read in a worker process is read again for its pictures).
_PICTURES: dict[str, dict[str, Path | bytes | None]] = {}
PICTURES_KEPT = 256  # pages; a duplicate's pictures are never asked for


def read_page(seed: Path, data: bytes, name: str, *, fullwidth: bool = True
              ) -> tuple[Article, Article | None]:
    """The record of a saved page (and, for a Traditional page, the one in its own script)."""
    from park_digest.ingest.importer import script_of

    page = open_page(seed, data, name)
    found = page_text(page, name)
    if len(_PICTURES) >= PICTURES_KEPT:
        _PICTURES.pop(next(iter(_PICTURES)))
    _PICTURES[str(seed)] = found.pictures
    where = [line for _, line in found.lines]
    text = "\n".join(t for t, _ in found.lines)
    hant = script_of(text)[0] == "zh-hant"

    def parse(display_lines: list[str] | None = None) -> tuple[Article, Article | None]:
        src = "\n".join(display_lines) if display_lines else text
        simp = script_of(src)[1] if hant else src
        mtime = seed.stat().st_mtime  # the year of a dateline without one
        article = _parse(simp, name, fullwidth, None, where, mtime)
        original = _parse(simp, name, fullwidth, src, where, mtime) if hant else None
        return article, original

    try:
        article, original = parse()
    except SeedError as e:
        if "no date found" not in e.message:
            raise
        fallback = (found.meta.date and found.meta.date.strftime("%Y-%m-%d %H:%M:%S")) \
            or _htmldate(page.html)
        if not fallback:
            raise
        lines = [t for t, _ in found.lines]
        lines.insert(1, f"时间：{fallback}")
        where.insert(1, where[0])
        article, original = parse(lines)

    same = _same
    t2s = _t2s if hant else same

    norm = to_fullwidth if fullwidth else same

    def finish(record: Article, shown) -> Article:
        record = _fix_captions(record, found.captions, lambda s: norm(shown(s)))
        record = _add_deck(record, found.deck and norm(shown(found.deck)))
        return _apply_meta(record, found.meta, t2s, fullwidth, shown)

    article = finish(article, t2s)
    if hant:
        article = replace(article, original_script="zh-hant")
        original = finish(original, same)
    return article, original


def page_pictures(seed: Path, data: bytes, name: str) -> dict[str, Path | bytes | None]:
    """The article's pictures of a page: name (``1.jpg`` …) -> its saved file (or bytes, from
    a web archive), None when the save lacks it."""
    pictures = _PICTURES.pop(str(seed), None)
    if pictures is None:
        pictures = page_text(open_page(seed, data, name), name).pictures
    return pictures
