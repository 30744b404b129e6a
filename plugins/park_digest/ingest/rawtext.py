"""From the bytes of a raw seed to numbered, cleaned lines; rejects text that is not text.

Raw seeds are UTF-8, with or without BOM, LF or CRLF, often indented with full-width spaces.
Text that is binary, in another encoding or mis-decoded (mojibake) is rejected with an error that
names the file and line and says what to do. A text copied with hard line breaks (an e-paper's
column, a PDF) has its wrapped lines found (:func:`wrapped_lines`) and joined back into
paragraphs (:func:`join_lines`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from park_digest.ingest import patterns as p

# Spaces a portal copy leaves at line ends: ASCII, full-width, no-break, zero-width.
_EDGE_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\u200c\u200d\ufeff"
# zero-width characters vanish; tabs and narrow or no-break spaces become plain spaces
_SPACES = str.maketrans({"\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
                         "\t": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "})
_SPACE_RUN = re.compile(" {2,}")
_ODD_SPACE = re.compile("[\u200b\u200c\u200d\ufeff\t\u00a0\u2002\u2003\u2009]")


class SeedError(ValueError):
    """A raw article that cannot be imported; the message says where and what to do."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        self.path = str(path)
        self.line = int(line)  # a piece of a line copied flat counts as its line
        self.message = message
        super().__init__(f"{self.path}:{self.line}: {message}")

    def __reduce__(self):  # rebuilt from its fields when it crosses a process boundary
        return (type(self), (self.path, self.line, self.message))


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line of a raw article and its 1-based line number in the file."""

    no: int
    text: str


def decode(data: bytes, path: str | Path) -> str:
    """Decode a seed's bytes as UTF-8 (BOM allowed) or raise :class:`SeedError`."""
    if not data.strip():
        raise SeedError(path, 1, "the file is empty; paste the article's text into it")
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SeedError(path, line, "this is a binary file, not text; save the article as UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        hint = ""
        try:
            data.decode("gb18030")
            hint = " (it reads as GBK/GB18030: convert it with `iconv -f gb18030 -t utf-8`)"
        except UnicodeDecodeError:
            pass
        raise SeedError(path, line, f"the file is not valid UTF-8{hint}; save it as UTF-8") from e
    check_not_mojibake(text, path)  # (pinyin glosses a mirror adds are left out by the reader)
    return text


TELLING_HITS = 3  # marks of a broken converter it takes to be sure, in a text of any length
TELLING_SHARE = 20  # or one per this many Chinese characters of a short text


def _telling(hits: list[re.Match[str]], text: str) -> bool:
    """Whether the marks found are many enough to tell a converter's work from the text's own."""
    return bool(hits) and (len(hits) >= TELLING_HITS
                           or len(hits) * TELLING_SHARE > max(len(p.CJK_CHAR.findall(text)), 1))


def without_pinyin_glosses(text: str) -> tuple[str, int]:
    """The text without the pinyin a mirror's converter put after characters (``關(guān)系`` →
    ``關系``) and how many it held; the text as it is when it holds too few to be sure."""
    if "(" not in text and "（" not in text:
        return text, 0
    hits = [m for m in p.PINYIN_ANNOTATION.finditer(text)
            if p.CJK_CHAR.match(text, m.start() - 1) and not _mostly_latin(_line_at(text, m.start()))]
    if not _telling(hits, text):
        return text, 0
    pieces, at = [], 0
    for m in hits:
        pieces.append(text[at:m.start()])
        at = m.end()
    return "".join(pieces) + text[at:], len(hits)


def _line_at(text: str, at: int) -> str:
    return text[text.rfind("\n", 0, at) + 1: (text.find("\n", at) + 1 or len(text) + 1) - 1]


def _mostly_latin(line: str) -> bool:
    """A line of Latin letters with a few stray characters (a garbled picture file name the
    site itself shows: ``1锛_018hubei…heying.jpg``), not a mis-decoded Chinese text."""
    latin = sum(c.isascii() and c.isalpha() for c in line)
    return latin > 2 * len(p.CJK_CHAR.findall(line))


def check_not_mojibake(text: str, path: str | Path) -> None:
    """Raise :class:`SeedError` when the text was mis-decoded somewhere before it reached us."""
    if "\ufffd" in text:
        no = text.count("\n", 0, text.index("\ufffd")) + 1
        raise SeedError(path, no, "the text holds U+FFFD replacement characters: it was "
                        "mis-decoded before it was saved; copy it again from the original page")
    checks = (
        (p.GBK_MOJIBAKE, "UTF-8 read as GBK", "锛銆鈥锟烫屯"),
        (p.LATIN1_MOJIBAKE, "UTF-8 read as Latin-1", "ÃÂâåæçèéä"),
    )
    for regex, what, first_chars in checks:
        if not any(c in text for c in first_chars):  # a cheap look before the regex
            continue
        hits = [m for m in regex.finditer(text) if not _mostly_latin(_line_at(text, m.start()))]
        if _telling(hits, text):
            no = text.count("\n", 0, hits[0].start()) + 1
            raise SeedError(path, no, f"the text is mojibake ({what}: {hits[0].group()!r}); "
                            "copy it again from the original page and save it as UTF-8")
    runs = re.findall(r"\?{3,}", text) if "???" in text else []
    if len(runs) >= 2:
        no = text.count("\n", 0, text.index(runs[0])) + 1
        raise SeedError(path, no, "the text has runs of '???' where characters were lost in a "
                        "wrong encoding; copy it again from the original page")


def clean(line: str) -> str:
    """Strip edge spaces (full-width ones too) and zero-width characters; fold inner runs."""
    line = line.translate(_SPACES).strip(_EDGE_SPACE)
    return _SPACE_RUN.sub(" ", line) if "  " in line else line


_CELL_BORDER = re.compile(r"(?<=[。！？!?”’」』)）])\s*[|｜]$")


_PAGE_BREAK = "pagebreak"


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` (LF, CRLF or CR), cleaned, with their line numbers."""
    lines = []
    if _ODD_SPACE.search(text):
        text = text.translate(_SPACES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for no, raw in enumerate(text.split("\n"), 1):
        cleaned = raw.strip(_EDGE_SPACE)
        if cleaned.endswith(("|", "｜")):
            # …成员。(X摄) |, or a border alone: a table cell's edge
            cleaned = _CELL_BORDER.sub("", cleaned).strip("|｜ ")
        if cleaned.startswith(("| ", "｜ ")):  # | 记者 X: the cell before it copied onto the line above
            cleaned = cleaned[2:].lstrip()
        if "  " in cleaned:
            cleaned = _SPACE_RUN.sub(" ", cleaned)
        if cleaned.endswith(_PAGE_BREAK):  # …(苏蔓摄)pagebreak: a gallery CMS's marker
            cleaned = cleaned.removesuffix(_PAGE_BREAK).rstrip()
        if cleaned:
            lines.append(Line(no, cleaned))
    if len(lines) >= WATERMARK_LINES and (mark := watermark(lines)):
        lines = [Line(ln.no, text) for ln in lines if (text := ln.text.removesuffix(mark).rstrip())]
    return lines


WATERMARK_LINES = 5  # lines a mirror's watermark must end, at least
WATERMARK_SHARE = 0.5  # and this share of the lines
_WATERMARK_SIZES = range(4, 16)  # characters
_NOT_MARK_START = re.compile(r"[\s\W_]")  # punctuation or a space: the text's own end


def watermark(lines: list[Line]) -> str | None:
    """The token a scraping mirror glues to the end of every paragraph (``…。vuG21便民网``), when
    one ends at least half of the lines; None for a page without one. Each line's own endings
    differ, so no run of four characters or more ends half of an article's lines."""
    need = max(WATERMARK_LINES, int(len(lines) * WATERMARK_SHARE))
    shortest = _WATERMARK_SIZES[0]
    tails = Counter(ln.text[-shortest:] for ln in lines if len(ln.text) >= shortest)
    common = {tail for tail, n in tails.items() if n >= need}
    if not common:  # an article: the look ends here
        return None
    ends: Counter[str] = Counter()
    for ln in lines:
        text = ln.text
        if text[-shortest:] in common:
            ends.update(text[-k:] for k in _WATERMARK_SIZES if k <= len(text))
    marks = [end for end, n in ends.items() if n >= need and not _NOT_MARK_START.match(end)]
    return max(marks, key=len, default=None)


# --- text copied with hard line breaks (an e-paper's column, a PDF) ----------------------------------
# What closes a paragraph's last line (a wrapped line runs on: it ends mid-sentence).
_CLOSERS = ("。", "！", "？", "!", "?", "”", "’", "」", "』", "…", "：", ":", "）", ")", "】", ">")
_PROSE_MARKS = re.compile("[，、；。,;]")  # a wrapped line is prose: headlines seldom hold these
WRAP_MIN_WIDTH = 40  # display columns (20 Chinese characters): no narrower line is a wrapped one
INDENTED_MIN_WIDTH = 24  # a column whose paragraphs open indented may be as narrow as 12 characters
WRAP_MIN_LINES = 3  # lines of the same width it takes to tell a column's width
INDENT_WIDTH = 4  # display columns: the two full-width spaces that open a paragraph
INDENTED_SLACK = 6  # display columns a full line of an indented column may fall short by
_INDENTS = ("\u3000\u3000", "  ", "\t")
# What a PDF prints on every page: its number (— 1 —, - 2 -, ·3·, 第 3 页，共 6 页) and a running
# head of the publication's name and issue, set apart by layout spaces (某某简报　　　2022年第4期)
_PAGE_MARK = re.compile(r"^(?:[—\-–·]\s*\d{1,3}\s*[—\-–·]|第\s*\d{1,3}\s*页(?:\s*[，,]\s*共\s*\d{1,3}\s*页)?)$")
_RUNNING_HEAD = re.compile(r"^\S.{0,24}\u3000{2,}.{0,24}第\s*\d{1,4}\s*期.{0,12}$")


def indented_lines(text: str) -> frozenset[int]:
    """Numbers of the lines that open with an indent (two full-width or ASCII spaces, a tab)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return frozenset(no for no, raw in enumerate(lines, 1) if raw.startswith(_INDENTS) and raw.strip())


def page_marks(lines: list[Line]) -> frozenset[int]:
    """Numbers of the lines a PDF prints on every page: page numbers and a running head."""
    return frozenset(ln.no for ln in lines if len(ln.text) <= 60
                     and (_PAGE_MARK.match(ln.text) or _RUNNING_HEAD.match(ln.text)))


def _runs_on_shape(text: str, indent: int = 0, narrow: bool = False) -> bool:
    """Prose that stops mid-sentence, wide enough to be a column's line."""
    return not text.endswith(_CLOSERS) and bool(_PROSE_MARKS.search(text)) \
        and display_width(text) + indent >= (INDENTED_MIN_WIDTH if narrow else WRAP_MIN_WIDTH)


def display_width(text: str) -> int:
    """Columns the text takes: two for a CJK or full-width character, one for any other."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def wrap_width(lines: list[Line], indented: frozenset[int] = frozenset()) -> int | None:
    """The width at which the text was wrapped, when several lines that end mid-sentence share
    it (within two columns) and so do most of its wide prose lines (a column's lines are all of
    one width but a paragraph's last); None for a text whose paragraphs are whole lines (their
    widths vary), even if a few headings happen to share one. A paragraph's indented first line
    counts with its indent."""
    narrow = _indented_layout(lines, indented)

    def width(ln: Line) -> int:
        return display_width(ln.text) + (INDENT_WIDTH if ln.no in indented else 0)

    widths = [width(ln) for ln in lines
              if _runs_on_shape(ln.text, INDENT_WIDTH if ln.no in indented else 0, narrow)]
    if len(widths) < WRAP_MIN_LINES:
        return None
    best = max(set(widths), key=lambda w: sum(abs(x - w) <= 2 for x in widths))
    near = sum(abs(x - best) <= 2 for x in widths)
    floor = INDENTED_MIN_WIDTH if narrow else WRAP_MIN_WIDTH
    prose = [width(ln) for ln in lines if _PROSE_MARKS.search(ln.text) and width(ln) >= floor]
    column = sum(abs(x - best) <= 2 for x in prose)
    return best if near >= WRAP_MIN_LINES and column * 2 > len(prose) else None


def _indented_layout(lines: list[Line], indented: frozenset[int]) -> bool:
    """Paragraphs open indented and run on unindented: a column's copy (a PDF, an e-paper)."""
    numbers = {ln.no for ln in lines}
    opening = len(indented & numbers)
    return opening >= WRAP_MIN_LINES and len(numbers) - opening >= WRAP_MIN_LINES


def wrapped_lines(lines: list[Line], indented: frozenset[int] = frozenset(),
                  bridged: frozenset[int] = frozenset()) -> frozenset[int]:
    """Numbers of the lines that run on into the next one: prose as wide as the text's wrap
    width, not closing a sentence, and followed at once (no blank line, or only a page's number
    and running head of ``bridged``) by another line. Where paragraphs open indented, a full
    line runs on into any line that does not open indented, whatever it ends with."""
    width = wrap_width(lines, indented)
    if width is None:
        return frozenset()
    by_indent = _indented_layout(lines, indented)

    def follows(ln: Line, nxt: Line) -> bool:
        return nxt.no == ln.no + 1 or any(n in bridged for n in range(ln.no + 1, nxt.no))

    def full(ln: Line, slack: int = 2) -> bool:
        shown = display_width(ln.text) + (INDENT_WIDTH if ln.no in indented else 0)
        return -slack <= shown - width <= 2

    if by_indent:  # a paragraph from its indented line on, through the full lines after it
        runs: set[int] = set()  # (half-width digits fill a line short of its width: more slack)
        previous = None
        for ln, nxt in pairwise(lines):
            inside = ln.no in indented or previous in runs
            if inside and follows(ln, nxt) and full(ln, INDENTED_SLACK) and nxt.no not in indented:
                runs.add(ln.no)
            previous = ln.no
        return frozenset(runs)
    return frozenset(ln.no for ln, nxt in pairwise(lines)
                     if follows(ln, nxt) and _runs_on_shape(ln.text) and full(ln))


def join_lines(lines: list[Line], runs_on: frozenset[int]) -> list[Line]:
    """``lines`` with each line of ``runs_on`` joined to the next (under the first one's
    number); a space between two Latin letters or digits."""
    joined: list[Line] = []
    previous = None  # the number of the last line read
    for ln in lines:
        if joined and previous in runs_on:
            last = joined[-1].text
            space = " " if (last[-1:] + ln.text[:1]).isascii() \
                and (last[-1:] + ln.text[:1]).isalnum() else ""
            joined[-1] = Line(joined[-1].no, last + space + ln.text)
        else:
            joined.append(ln)
        previous = ln.no
    return joined
