"""ASCII punctuation between CJK characters to its full-width form: ``举行,会上`` → ``举行，会上``.

A mark turns full-width when a CJK character (or CJK punctuation) stands before it and a CJK
character, a digit, an opening quote or the end of the text after it; or when a digit or CJK
character stands before it and a CJK character after it. Parentheses turn full-width when they
hold CJK text or stand between CJK characters. Numbers (``1,000``, ``22:13``), URLs and Latin
text are left as they are.
"""

from __future__ import annotations

import re

from park_digest.ingest import patterns as p

_FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_CJK_CLASS = p.CJK_LIKE.pattern[1:-1]
# one pattern per mark with a literal replacement: no Python call per match. The mark first,
# then what stands around it: the engine skips quickly to the next mark.
_MARKS = tuple(
    (mark, re.compile(
        rf"{re.escape(mark)}(?:(?<=[{_CJK_CLASS}].)(?=[{_CJK_CLASS}0-9“‘《「]|$)"
        rf"|(?<=[{_CJK_CLASS}0-9].)(?=[{_CJK_CLASS}]))"
    ), wide)
    for mark, wide in _FULLWIDTH.items()
)
_PARENS = re.compile(r"\(([^()\n]*)\)")
_ANY = re.compile(r"[,:;?!()]")


def _convert_span(text: str) -> str:
    if not _ANY.search(text):
        return text
    for mark, regex, wide in _MARKS:
        if mark in text:
            text = regex.sub(wide, text)
    if "(" not in text:
        return text

    def parens(m: re.Match[str]) -> str:
        inner = m.group(1)
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if p.CJK_CHAR.search(inner) or (p.CJK_LIKE.match(before or " ") and p.CJK_LIKE.match(after or " ")):
            return f"（{inner}）"
        return m.group()

    return _PARENS.sub(parens, text)


def to_fullwidth(text: str) -> str:
    """Full-width forms for ``, : ; ? ! ( )`` that stand between CJK characters, outside URLs."""
    if "http" not in text and "www." not in text:
        return _convert_span(text)
    out, last = [], 0
    for m in p.URL.finditer(text):
        out.append(_convert_span(text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(_convert_span(text[last:]))
    return "".join(out)
