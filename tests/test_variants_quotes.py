"""Quotation marks on the Traditional sites: conversion cases as data, and where they never apply."""

from __future__ import annotations

import pytest

from park_digest.site.scripts import variant_table
from park_digest.variants.convert import ScriptConverter, opencc_converter
from park_digest.variants.derive import Target, convert_feed, convert_page
from park_digest.variants.quotes import convert_quotes

CASES = [
    # (pieces of one paragraph, expected) — what each case exercises
    (["他说“好”。"], ["他说「好」。"]),  # one pair
    (["“甲‘乙’丙”"], ["「甲『乙』丙」"]),  # mainland nesting: single inside double
    (["“甲“乙”丙”"], ["「甲『乙』丙」"]),  # doubles nested in doubles pair by depth
    (["“一‘二“三”二’一”"], ["「一『二「三」二』一」"]),  # third level goes back to 「」
    (["“甲”和“乙”"], ["「甲」和「乙」"]),  # two pairs side by side
    (["“开头", "结尾”"], ["「开头", "结尾」"]),  # a quotation across two inline pieces
    (["don’t “x”"], ["don’t 「x」"]),  # an apostrophe between Latin letters stays
    (["多余的”"], ["多余的”"]),  # a closing mark with nothing open stays
    (["“没有结尾"], ["「没有结尾"]),  # an unclosed quotation opens (multi-paragraph quotes)
    (["没有引号"], ["没有引号"]),
]


@pytest.mark.parametrize(("pieces", "expected"), CASES)
def test_quotes_are_converted_and_paired(pieces: list[str], expected: list[str]) -> None:
    assert convert_quotes(pieces) == expected


TABLE = variant_table({"zh-hant": "s2hk"})
CONVERTER = ScriptConverter(opencc_converter("s2hk"))


def page(body: str) -> str:
    return (f'<!doctype html><html lang="zh-Hans"><head><title>“标题”</title></head>'
            f"<body>{body}</body></html>")


def target(quotes: bool) -> Target:
    return Target(variant=TABLE[1], table=tuple(TABLE), root_siteurl="", quotes=quotes)


def test_text_and_reader_attributes_get_corner_quotes_code_and_urls_do_not() -> None:
    html = page('<p>他说“<a href="/a“b”/" title="“提示”">好</a>”。</p>'
                '<pre>“代码”</pre><code>“x”</code><p>“段落一</p><p>段落二”</p>')
    out = convert_page(html, CONVERTER, target(True))
    assert "<title>「標題」</title>" in out
    assert "他説「<a " in out and "好</a>」。" in out  # paired across the link
    assert 'href="/zh-hant/a“b”/"' in out  # a URL keeps its characters
    assert 'title="「提示」"' in out
    assert "<pre>“代码”</pre>" in out and "<code>“x”</code>" in out  # code is left alone
    assert "<p>「段落一</p><p>段落二”</p>" in out  # a paragraph ends an open quotation


def test_simplified_and_variants_without_the_setting_keep_their_quotes() -> None:
    out = convert_page(page("<p>“好”</p>"), CONVERTER, target(False))
    assert "<p>“好”</p>" in out


def test_feed_text_gets_corner_quotes_markup_does_not() -> None:
    feed = ('<feed><title>“站”</title><entry><content type="html">&lt;p&gt;“甲&lt;/p&gt;'
            '&lt;p&gt;乙”&lt;/p&gt;</content></entry></feed>')
    out = convert_feed(feed, CONVERTER, target(True))
    assert "<title>「站」</title>" in out
    assert "&lt;p&gt;「甲&lt;/p&gt;&lt;p&gt;乙”&lt;/p&gt;" in out


def test_the_setting_must_list_variant_codes() -> None:
    from park_digest.settings import resolve

    assert resolve({})["PARK_DIGEST_CORNER_QUOTES"] == ["zh-hant", "zh-tw"]
    with pytest.raises(ValueError, match="PARK_DIGEST_CORNER_QUOTES must list variant codes"):
        resolve({"PARK_DIGEST_CORNER_QUOTES": "zh-hant"})
    with pytest.raises(ValueError, match="PARK_DIGEST_VARIANT_RUNS"):
        resolve({"PARK_DIGEST_VARIANT_RUNS": "both"})
