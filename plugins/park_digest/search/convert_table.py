"""Which characters can change when a query is made Simplified: the search page's small table.

The search page turns a reader's query Simplified with opencc-js's Traditional-to-Simplified
tables (about 80 kB). Most queries are typed in Simplified and nothing in them changes, so the
page first looks the query up in two sets of characters and fetches the tables only when needed:

- ``CHANGING``: the first character of every key of those tables that is not written back as
  it is (``合著 合著``). A query holding none of them matches no such key anywhere (a key kept
  as it is can only keep others from matching), so the conversion leaves it as it is and no
  table is fetched.
- ``PHRASE_STARTS``, one set per group of the chain: the first character of every phrase (a
  key of two or more characters) of the group's phrase list, and every character that an
  earlier group turns into one of those. A query holding none of a group's set matches none of
  its phrases, so that group's character table alone converts it exactly as the whole group
  does, and its phrase list is not fetched. A phrase written back as it is whose characters
  start no other key of its group changes nothing, whether it matches or not, and is left out.

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


def _changes(key: str, values: str) -> bool:
    return values.split(" ")[0] != key  # opencc-js writes the first value


def character_sets(
    groups: Sequence[Sequence[Sequence[tuple[str, str]]]],
) -> tuple[set[str], list[set[str]]]:
    """(CHANGING, PHRASE_STARTS of each group) of a chain of dictionary groups, each group a
    list of tables of (key, values) (see the module's text)."""
    entries = [[entry for table in group for entry in table] for group in groups]
    changing = {key[0] for group in entries for key, values in group if _changes(key, values)}
    starts = []
    for at, group in enumerate(entries):
        firsts = {key[0] for key, values in group if _changes(key, values)}
        found = {key[0] for key, values in group
                 if len(key) > 1 and (_changes(key, values) or firsts.intersection(key))}
        for earlier in reversed(entries[:at]):  # what an earlier group turns into one
            found |= {key[0] for key, values in earlier if found.intersection(values)}
        starts.append(found)
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
        "// that can start a phrase of each group of the tables (PHRASE_STARTS), as code-point\n"
        "// gaps.\n"
        "// Written by `python -m park_digest.search.convert_table` from vendor/opencc/dict/;\n"
        "// do not edit.\n"
        f"export const CHANGING = '{encode(changing)}';\n"
        f"export const PHRASE_STARTS = {json.dumps([encode(s) for s in starts])};\n"
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
