"""From the text of a raw article to an :class:`~park_digest.record.Article`. Knows no Pelican.

Each ``extract_<field>`` tries its strategies in order and returns ``None`` when all fail;
:func:`parse_article` classifies the lines, fills the record field by field, then normalises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from . import patterns as p
from .punctuation import to_fullwidth
from .rawtext import Line, SeedError, split_lines
from .record import Article, Block, Figure

CHINA_TZ = timezone(timedelta(hours=8))

# Line kinds
NAV, FIELDS, REPRINT, SOURCE_URL, BOILER, END, PLACEHOLDER, TEXT = (
    "nav", "fields", "reprint", "source_url", "boilerplate", "end", "placeholder", "text",
)
_BARE_NAMES = re.compile(rf"[{p.CJK}·]{{2,4}}(?: [{p.CJK}·]{{2,4}}){{0,3}}")
_END_MARKERS = re.compile(
    r"^(?:相关(?:新闻|阅读|推荐|文章|链接)|推荐阅读|热门推荐|热门新闻|延伸阅读|阅读下一篇|阅读上一篇|"
    r"上一篇|下一篇|返回.{0,12}首页|网友评论|精彩推荐|猜你喜欢)"
)


# --- line classification -------------------------------------------------------------------------
def find_date(text: str) -> re.Match[str] | None:
    for regex in p.DATE_PATTERNS:
        m = regex.search(text)
        if m:
            return m
    return None


def _without_dates(text: str) -> str:
    for regex in p.DATE_PATTERNS:
        text = regex.sub(" ", text)
    return text


def is_author_first_line(text: str) -> re.Match[str] | None:
    """``<name> <outlet> 2026-01-15 21:40:16``: a reporter, the outlet, then the date."""
    m = find_date(text)
    if not m or m.end() != len(text) or m.start() == 0:
        return None
    return re.fullmatch(rf"(?P<name>[{p.CJK}·]{{2,4}})\s+(?P<outlet>\S{{2,24}})\s*", text[: m.start()])


def is_field_line(text: str) -> bool:
    """Byline/footer lines: ``来源:红网 作者:… 2021-07-06 22:13:53``, ``发布时间:…``, a bare date."""
    if len(text) > 160:
        return False
    text = text.strip("()（）[]【】")  # (责编：孝媛、汤龙)
    fields = list(p.FIELD.finditer(text))
    if fields and (fields[0].start() == 0 or len(fields) >= 2):
        if fields[0].start() == 0 and fields[0].group("key") in ("时间", "日期", "记者", "摄影"):
            return len(text) <= 60 and (find_date(text) is not None or fields[0].group("key") != "时间")
        return True
    date = find_date(text)
    if date is None:
        return bool(re.fullmatch(r"(?:(?:本报|本网|本台|特约|融媒体)?记者|通讯员|文/图|文|图)[\s/]*[" + p.CJK + r"·\s、]{2,30}", text))
    rest = _without_dates(text)
    for word in p.WIDGET_WORDS:
        rest = rest.replace(word, " ")
    rest = re.sub(r"[|｜/\-:：\s]+", " ", rest).strip()
    # a date with at most an outlet or a name or two beside it
    return len(rest) <= 24 and not re.search(r"[。！？，,]", rest)


def classify(text: str) -> str:
    if len(text) > 160 or (len(text) > 60 and text[-1] in "。！？”"):
        # a sentence too long for a byline, a widget or a navigation row
        return REPRINT if len(text) <= 300 and p.REPRINT.search(text) else TEXT
    if p.PLACEHOLDER.match(text):
        return PLACEHOLDER
    if p.SOURCE_URL_LINE.match(text):
        return SOURCE_URL
    sentence = text[-1] in "。！？!?"
    if _END_MARKERS.match(text) and len(text) <= 40 and not sentence:
        return END
    if p.BOILERPLATE_LINES.match(text) and not sentence:
        return BOILER
    if not sentence and (p.LINK_ROW.match(text) or (p.SITE_WORDS.search(text) and len(text) <= 120)):
        return END
    if is_field_line(text) or is_author_first_line(text):
        return FIELDS
    words = text.split(" ")
    if len(words) >= 3 and words[0] in p.HOME_WORDS and not p.SENTENCE_MARKS.search(text):
        return BOILER  # a navigation row without separators: 首页 新闻中心 园区动态 通知公告
    if p.REPRINT.search(text) and len(text) <= 300:
        return REPRINT
    if p.URL.fullmatch(text):
        return SOURCE_URL
    return TEXT


# --- fields ------------------------------------------------------------------------------------
def field_values(lines: Iterable[Line]) -> dict[str, list[tuple[int, str]]]:
    """All ``key: value`` pairs of the given lines, by key, with line numbers."""
    found: dict[str, list[tuple[int, str]]] = {}
    for line in lines:
        for m in p.FIELD.finditer(line.text):
            value = _without_dates(m.group("value"))
            for word in p.WIDGET_WORDS:
                value = value.replace(word, " ")
            value = re.sub(r"\s+", " ", value.strip(" |｜/[]【】()（）"))
            if value:
                found.setdefault(m.group("key"), []).append((line.no, value))
    return found


def split_names(value: str) -> list[str]:
    value = p.ROLE_WORDS.sub(" ", value)
    names = [n.strip("·・ ") for n in re.split(r"[\s、，,;；/]+", value)]
    return [n for n in names if n and p.NAME.match(n) and n not in p.NOT_NAMES
            and not p.OUTLET_NAME.search(n)]


def extract_source(fields: dict, field_lines: Sequence[Line]) -> str | None:
    for key in ("来源", "文章来源", "稿件来源", "稿源", "转自", "转载自"):
        for _, value in fields.get(key, ()):
            first = value.split(" ")[0].strip("，,;；")
            if first:
                return first
    for line in field_lines:
        m = is_author_first_line(line.text)
        if m:
            return m.group("outlet")
    return None


def extract_authors(fields: dict, field_lines: Sequence[Line], body: Sequence[str]) -> list[str]:
    names: list[str] = []
    for key in ("作者", "记者", "文", "通讯员", "摄影"):
        for _, value in fields.get(key, ()):
            names += split_names(value)
    for line in field_lines:
        m = is_author_first_line(line.text)
        if m:
            names.append(m.group("name"))
        elif _BARE_NAMES.fullmatch(line.text):
            names += split_names(line.text)
        elif re.match(r"(?:(?:本报|本网|本台|特约|融媒体)?记者|通讯员|文/图)", line.text) and not p.FIELD.match(line.text):
            names += split_names(line.text)
    for text in body[:3]:
        m = p.DATELINE.match(text) or p.DATELINE_PEOPLE.match(text)
        if m and m.group("people"):
            names += split_names(m.group("people"))
            break
    if body:
        m = p.CLOSING_AUTHORS.search(body[-1])
        if m:
            names += split_names(m.group("names"))
    return list(dict.fromkeys(names))


def extract_editor(fields: dict) -> str | None:
    for key in p.EDITOR_KEYS:
        for _, value in fields.get(key, ()):
            names = split_names(value)
            if names:
                return names[0]
    return None


def _datetime(m: re.Match[str], year: int | None = None) -> datetime | None:
    groups = m.groupdict()
    try:
        y = year if year is not None else int(groups["year"])
        if y < 100:
            y += 2000
        return datetime(
            y, int(groups["month"]), int(groups["day"]),
            int(groups.get("hour") or 0), int(groups.get("minute") or 0),
            int(groups.get("second") or 0), tzinfo=CHINA_TZ,
        )
    except (TypeError, ValueError):
        return None


def extract_date(fields: Sequence[Line], url: str | None, body: Sequence[str]) -> datetime | None:
    for line in fields:  # the byline first: field lines are in the order of the text
        m = find_date(line.text)
        if m and (d := _datetime(m)):
            return d
    url_date = p.URL_DATE.search(url or "")
    for text in body[:3]:
        m = p.DATELINE.match(text)
        if m:
            year = int(m.group("year")) if m.group("year") else (
                int(url_date.group("year")) if url_date else None)
            if year and (d := _datetime(m, year)):
                return d
    if url_date:
        return _datetime(url_date)
    return None


def extract_source_url(lines: Sequence[Line]) -> str | None:
    for line in lines:
        m = p.SOURCE_URL_LINE.match(line.text)
        url = m.group("url") if m else line.text
        u = p.URL.search(url)
        if u:
            return u.group().rstrip(".,")
    return None


# --- body ----------------------------------------------------------------------------------------
def is_heading(text: str) -> bool:
    if len(text) > p.HEADING_MAX or not p.CJK_CHAR.search(text):
        return False
    if text[-1] in p.CLOSING_PUNCT or text[-1] in ":：，,、" or p.PHOTO_CREDIT.search(text):
        return False
    return text[0] not in "▲△↑"  # ▲签约现场: a caption pointing at the picture above


def build_blocks(body: Sequence[Line]) -> list[Block]:
    blocks: list[Block] = []
    i = 0
    while i < len(body):
        line = body[i]
        if p.PLACEHOLDER.match(line.text):
            caption = None
            nxt = body[i + 1] if i + 1 < len(body) else None
            if nxt and not p.PLACEHOLDER.match(nxt.text) and (
                len(nxt.text) <= 150 or p.PHOTO_CREDIT.search(nxt.text)
            ):
                caption = nxt.text
                i += 1
            fig = Figure(name=line.text.replace(" ", ""), caption=caption, line=line.no)
            blocks.append(Block(kind="figure", figure=fig, line=line.no))
        elif blocks and is_heading(line.text) and i + 1 < len(body):
            blocks.append(Block(kind="heading", text=line.text, line=line.no))
        else:
            blocks.append(Block(kind="paragraph", text=line.text, line=line.no))
        i += 1
    return blocks


def _dedupe(lines: Sequence[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        if out and out[-1].text == line.text and not p.PLACEHOLDER.match(line.text):
            continue
        out.append(line)
    return out


def _title_like(line: Line) -> bool:
    text = line.text
    return 2 <= len(text) <= 100 and text[-1] not in "。；;，,：:" and not p.PHOTO_CREDIT.search(text)


def find_title(lines: Sequence[Line], kinds: Sequence[str], path: str | Path) -> int:
    """The title: the first title-like text line above the byline (the first field line near
    the top); failing that, the first one right below it (newspaper pages put the date first)."""
    header_at = next((i for i, k in enumerate(kinds[:25]) if k == FIELDS), None)
    above = range(header_at if header_at is not None else len(lines))
    for i in above:
        if kinds[i] == TEXT and _title_like(lines[i]):
            return i
    if header_at is not None:
        for i in range(header_at + 1, min(header_at + 4, len(lines))):
            if kinds[i] == TEXT and _title_like(lines[i]) and len(lines[i].text) <= 60:
                return i
        raise SeedError(path, lines[header_at].no, "no title found above the byline; put the "
                        "article's title on its own line above it")
    raise SeedError(path, lines[0].no, "no title found; put the article's title on its own "
                    "line at the top")


# --- orchestrator --------------------------------------------------------------------------------
def parse_article(text: str, path: str | Path = "<text>", *, fullwidth: bool = True,
                  display: str | None = None) -> Article:
    """Parse the text of one raw article; raise :class:`SeedError` when it is not one.

    ``display``, when given, is the same article in another script, line for line (a Traditional
    raw text, of which ``text`` is the Simplified conversion): the structure is read from
    ``text`` and the record's title, body, captions and statement are taken from ``display``.
    """
    lines = split_lines(text)
    shown = {ln.no: ln.text for ln in lines}
    if display is not None:
        other = split_lines(display)
        if [ln.no for ln in other] == [ln.no for ln in lines]:
            shown = {ln.no: ln.text for ln in other}
    if not lines:
        raise SeedError(path, 1, "the file is empty; paste the article's text into it")
    kinds = [classify(line.text) for line in lines]

    title_at = find_title(lines, kinds, path)
    title = shown[lines[title_at].no]
    # a bare name beside the byline is the author: 标题 / 肖某某 / 2012-12-25 09:13:46
    for i in range(title_at + 1, min(title_at + 4, len(lines))):
        near_byline = FIELDS in kinds[max(i - 1, 0) : i + 2]
        if kinds[i] == TEXT and near_byline and _BARE_NAMES.fullmatch(lines[i].text):
            kinds[i] = FIELDS

    body_lines: list[Line] = []
    field_lines: list[Line] = []
    reprints: list[Line] = []
    url_lines: list[Line] = []
    ended = False
    for i, (kind, line) in enumerate(zip(kinds, lines, strict=True)):
        if i == title_at:
            continue
        if kind == FIELDS:
            field_lines.append(line)
        elif kind == REPRINT:
            reprints.append(line)
        elif kind == SOURCE_URL:
            url_lines.append(line)
        elif i < title_at:
            continue
        elif kind == END:
            ended = ended or i > title_at + 3
        elif kind in (TEXT, PLACEHOLDER) and not ended:
            body_lines.append(line)
    body_lines = _dedupe(body_lines)
    if body_lines and body_lines[0].text == lines[title_at].text:  # the title repeated
        body_lines = body_lines[1:]
    if not body_lines:
        raise SeedError(path, lines[title_at].no, "no body text found under the title")

    body_texts = [line.text for line in body_lines]
    fields = field_values(field_lines)
    source_url = extract_source_url(url_lines)
    date = extract_date(field_lines, source_url, body_texts)
    if date is None:
        at = lines[title_at].no + 1
        raise SeedError(path, at, "no date found; add a line like `2021-07-06 22:13` under the title")
    authors = extract_authors(fields, field_lines, body_texts)

    # The closing "(张立 何兴安)" is a byline, not a sentence: it moves to `authors`.
    body_lines = [Line(ln.no, shown[ln.no]) for ln in body_lines]
    last = body_lines[-1]
    m = p.CLOSING_AUTHORS.search(last.text)
    if m and m.start() > 0:
        body_lines[-1] = Line(last.no, last.text[: m.start()].rstrip())

    norm = to_fullwidth if fullwidth else (lambda s: s)
    blocks = [
        Block(kind=b.kind, text=norm(b.text), line=b.line,
              figure=b.figure and Figure(name=b.figure.name, line=b.figure.line,
                                         caption=b.figure.caption and norm(b.figure.caption)))
        for b in build_blocks(body_lines)
    ]
    return Article(
        title=norm(title),
        date=date,
        blocks=tuple(blocks),
        source=extract_source(fields, field_lines),
        authors=tuple(authors),
        editor=extract_editor(fields),
        source_url=source_url,
        copyright=norm(shown[reprints[0].no]) if reprints else None,
    )
