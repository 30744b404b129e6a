"""The search page's table of the characters a conversion into Simplified can change."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from park_digest.search.convert_table import (
    TABLE_FILE,
    character_sets,
    decode,
    encode,
    table_module,
)

JS = Path(__file__).resolve().parents[1] / "theme/static/js"


def test_the_shipped_table_is_written_from_the_shipped_dictionaries():
    assert (JS / TABLE_FILE).read_text(encoding="utf-8") == table_module(JS), (
        "run: python -m park_digest.search.convert_table")


@pytest.mark.parametrize("chars", [
    "",  # nothing
    "a",  # a code point below 32: one digit
    "經開區發展",  # gaps of several digits
    "𠀀𪚥經",  # beyond the basic plane
])
def test_a_set_of_characters_reads_back_as_written(chars):
    text = encode(chars)
    assert re.fullmatch(r"[A-Za-z0-9+/]*", text)
    assert decode(text) == set(chars)


def test_phrase_starts_include_what_an_earlier_table_turns_into_one():
    groups = [
        [[("甲乙", "丙丁"), ("子丑", "子丑")], [("戊", "己")]],  # 戊 becomes 己 before the next
        [[("己庚", "辛")], [("壬", "癸 亥")]],  # 己 starts a phrase here
    ]
    changing, starts = character_sets(groups)

    assert changing == {"甲", "戊", "己", "壬"}  # not 子: 子丑 is written back as it is
    # 子丑 changes nothing (its characters start no other key) and starts nothing; in the second
    # group, 己 starts a phrase and 戊 becomes 己 on the way; not 壬: it leads to no phrase
    assert starts == [{"甲"}, {"戊", "己"}]


def test_a_phrase_written_back_as_it_is_still_counts_when_it_keeps_a_character():
    # 人才 stays 人才 only because the phrase hides 才 from the character table (才 → 纔)
    groups = [[[("人才", "人才")], [("才", "纔")]]]

    assert character_sets(groups) == ({"才"}, [{"人"}])


def test_the_shipped_table_knows_simplified_words_need_no_conversion():
    text = (JS / TABLE_FILE).read_text(encoding="utf-8")
    changing = decode(re.search(r"CHANGING = '([^']*)'", text).group(1))
    starts = [decode(group) for group in
              json.loads(re.search(r"PHRASE_STARTS = (\[.*\]);", text).group(1))]
    assert not changing & set("湘乡经开区绿色发展产学研合作")
    assert {"經", "發", "產", "頭", "髮"} <= changing
    assert len(starts) == 3 and "乾" in starts[2]  # 乾 starts phrases of TSPhrases (乾隆)
    assert not set("產業鏈") & set.union(*starts)  # converted by the character tables alone
