"""ASCII punctuation between CJK characters to its full-width form: ``举行,会上`` → ``举行，会上``.

Numbers (``1,000``, ``22:13``), URLs and Latin text are left as they are.
"""

from __future__ import annotations

import re

from . import patterns as p

_FULLWIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_PUNCT = re.compile(r"[,:;?!]")
_PARENS = re.compile(r"\(([^()\n]*)\)")


def _cjk(ch: str) -> bool:
    return bool(ch) and bool(p.CJK_LIKE.match(ch))


def _convert_span(text: str) -> str:
    def punct(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if _cjk(before) and (after == "" or not after.isspace() or True) and (
            _cjk(after) or after == "" or after.isdigit() or after in "“‘《「"
        ):
            return _FULLWIDTH[m.group()]
        if _cjk(after) and (before.isdigit() or _cjk(before)):
            return _FULLWIDTH[m.group()]
        return m.group()

    text = _PUNCT.sub(punct, text)

    def parens(m: re.Match[str]) -> str:
        inner = m.group(1)
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if p.CJK_CHAR.search(inner) or (_cjk(before) and _cjk(after)):
            return f"（{inner}）"
        return m.group()

    return _PARENS.sub(parens, text)


def to_fullwidth(text: str) -> str:
    """Full-width forms for ``, : ; ? ! ( )`` that stand between CJK characters, outside URLs."""
    out, last = [], 0
    for m in p.URL.finditer(text):
        out.append(_convert_span(text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(_convert_span(text[last:]))
    return "".join(out)
