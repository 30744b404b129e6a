"""Which characters can change when a query is made Simplified: the search page's small table.

The search page turns a reader's query Simplified with opencc-js's Traditional-to-Simplified
tables (about 80 kB). Most queries are typed in Simplified and nothing in them changes, so the
page first looks the query up in two sets of characters and fetches the tables only when needed:

- ``CHANGING``: the first character of every key of those tables that is not written back as
  it is (``合著 合著``). A query holding none of them matches no such key anywhere (a key kept
  as it is can only keep others from matching), so the conversion leaves it as it is and no
  table is fetched.
- ``PHRASE_STARTS``: the first character of every phrase (a key of two or more characters),
  and every character that an earlier table of the chain turns into one of those. A query
  holding none of them matches no phrase at any step, so the character tables alone
  (TSCharacters and the two small regional ones) convert it exactly as the whole chain does.

Both are written into ``theme/static/js/search-tables.js`` as code-point gaps (see
:func:`encode`); run ``python -m park_digest.search.convert_table`` after the opencc-js data in
``theme/static/js/vendor/opencc/dict/`` changes (a test checks the file is current).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

# The chain of search-convert.js that turns a query Simplified (TO_SIMPLIFIED), in order: each
# group is (phrases, characters).
TO_SIMPLIFIED = (
    ("HKVariantsRevPhrases", "HKVariantsRev"),
    ("TWVariantsRevPhrases", "TWVariantsRev"),
    ("TSPhrases", "TSCharacters"),
)
TABLE_FILE = "search-tables.js"
DICT_DIR = Path("vendor/opencc/dict")
# A gap between two code points in base 32, most significant digit first: every digit but the
# last from MORE, the last from LAST (both plain ASCII, nothing to escape in a JS string).
MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ6789+/"
LAST = "abcdefghijklmnopqrstuvwxyz012345"
EXPORTED = re.compile(r'export default "(.*)";?\s*$', re.S)


def read_dict(path: Path) -> list[tuple[str, str]]:
    """The (key, values) pairs of an opencc-js dictionary module (``"k v|k v …"``)."""
    match = EXPORTED.search(path.read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"{path}: not an opencc-js dictionary module (export default \"k v|…\")")
    text = json.loads(f'"{match.group(1)}"')
    pairs = []
    for item in text.split("|"):
        key, _, values = item.partition(" ")
        if key:
            pairs.append((key, values))
    return pairs


def character_sets(
    groups: Sequence[Sequence[Sequence[tuple[str, str]]]],
) -> tuple[set[str], set[str]]:
    """(CHANGING, PHRASE_STARTS) of a chain of dictionary groups (see the module's text)."""
    changing = {key[0] for group in groups for table in group for key, values in table
                if values.split(" ")[0] != key}  # opencc-js writes the first value
    starts: set[str] = set()
    for group in reversed(groups):  # what leads to a phrase here or in a later group
        entries = [entry for table in group for entry in table]
        earlier = {key for key, values in entries
                   if len(key) == 1 and any(char in starts for char in values)}
        starts |= earlier | {key[0] for key, _ in entries if len(key) > 1}
    return changing, starts


def encode(chars: Iterable[str]) -> str:
    """Characters as the gaps between their sorted code points (the first from 0)."""
    out = []
    previous = 0
    for point in sorted({ord(char) for char in chars}):
        gap, previous = point - previous, point
        digits = [LAST[gap % 32]]
        gap //= 32
        while gap:
            digits.append(MORE[gap % 32])
            gap //= 32
        out.append("".join(reversed(digits)))
    return "".join(out)


def decode(text: str) -> set[str]:
    """The characters :func:`encode` wrote (the same reading as search-convert.js)."""
    chars = set()
    point = value = 0
    for digit in text:
        if digit in MORE:
            value = value * 32 + MORE.index(digit)
        else:
            point += value * 32 + LAST.index(digit)
            chars.add(chr(point))
            value = 0
    return chars


def table_module(js_dir: Path) -> str:
    """The text of ``search-tables.js`` for the dictionaries under ``js_dir``."""
    groups = [[read_dict(js_dir / DICT_DIR / f"{name}.js") for name in group]
              for group in TO_SIMPLIFIED]
    changing, starts = character_sets(groups)
    return (
        "// Characters that can change when a query is made Simplified (CHANGING) and those\n"
        "// that can start a phrase of the tables (PHRASE_STARTS), as code-point gaps.\n"
        "// Written by `python -m park_digest.search.convert_table` from vendor/opencc/dict/;\n"
        "// do not edit.\n"
        f"export const CHANGING = '{encode(changing)}';\n"
        f"export const PHRASE_STARTS = '{encode(starts)}';\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m park_digest.search.convert_table",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("js_dir", nargs="?", type=Path, default=Path("theme/static/js"),
                        help="the theme's js folder (default: theme/static/js)")
    args = parser.parse_args(argv)
    target = args.js_dir / TABLE_FILE
    target.write_text(table_module(args.js_dir), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
