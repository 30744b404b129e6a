"""Quotation marks for Hong Kong and Taiwan readers: “” ‘’ become 「」 『』, paired by depth.

Mainland text quotes with “…‘…’…”; Traditional text in Hong Kong and Taiwan with 「…『…』…」.
Marks are paired as they nest, whatever their mainland shape: the outermost pair becomes 「」,
the one inside 『』, the next 「」 again. A ’ between two Latin letters or digits is an apostrophe
(don’t) and stays; a closing mark with nothing open stays as it is. Only text is given here:
``derive.py`` never passes code, URLs or attributes that are not text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

OPENING = frozenset("\u201c\u2018")  # “ ‘
CLOSING = frozenset("\u201d\u2019")  # ” ’
BRACKETS = (("「", "」"), ("『", "』"))  # by depth: even, odd
MARKS_RE = re.compile("[\u201c\u201d\u2018\u2019]")


def _is_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def convert_quotes(texts: Sequence[str]) -> list[str]:
    """``texts`` (consecutive pieces of one paragraph) with Traditional quotation marks.

    A quotation may open in one piece and close in a later one; an unclosed quotation ends with
    the paragraph (a quotation over several paragraphs opens each of them).
    """
    stack: list[str] = []
    out: list[str] = []
    for text in texts:
        marks = [m.start() for m in MARKS_RE.finditer(text)]
        if not marks:
            out.append(text)
            continue
        chars = list(text)
        for i in marks:
            char = chars[i]
            if char in OPENING:
                opening, closing = BRACKETS[len(stack) % 2]
                stack.append(closing)
                chars[i] = opening
            else:
                before = chars[i - 1] if i else ""
                after = chars[i + 1] if i + 1 < len(chars) else ""
                if char == "\u2019" and _is_word(before) and _is_word(after):
                    continue  # an apostrophe
                if stack:
                    chars[i] = stack.pop()
        out.append("".join(chars))
    return out
