"""The variants converter on its own: text, markup, dictionary, overrides, variant table."""

from __future__ import annotations

import pytest

from park_digest.site.scripts import VariantsError, find_variant, variant_table, variant_url
from park_digest.variants.convert import (
    PROTECT_CLOSE,
    PROTECT_OPEN,
    Correction,
    ScriptConverter,
    build_converter,
    convert_markup,
    front_matter_phrases,
    opencc_converter,
    parse_corrections,
    phrases_for,
    protect,
    protect_html,
    run_overrides,
    split_protected,
)

TABLE = variant_table({"zh-hant": "s2hk", "zh-tw": "s2twp"})
HANT = find_variant(TABLE, "zh-hant")
TW = find_variant(TABLE, "zh-tw")

# (config, Simplified input, expected) — what OpenCC does on its own, as data.
OPENCC_CASES = [
    ("s2hk", "头发 发展", "頭髮 發展"),  # 发 -> 髮 / 發 by phrase
    ("s2hk", "干部 干净", "幹部 乾淨"),  # 干 -> 幹 / 乾
    ("s2hk", "后面 里面", "後面 裏面"),  # HK writes 裏
    ("s2hk", "台湾", "台灣"),  # HK keeps 台
    ("s2twp", "台湾 里面", "臺灣 裡面"),  # Taiwan writes 臺 and 裡
    ("s2hk", "冲压车间", "沖壓車間"),  # OpenCC's mistake the project dictionary fixes (衝壓)
    ("s2hk", "余主任说", "餘主任説"),  # surname read as 餘: fixed per article
]


@pytest.mark.parametrize(("config", "source", "expected"), OPENCC_CASES)
def test_opencc_alone_converts_as_recorded(config: str, source: str, expected: str) -> None:
    assert ScriptConverter(opencc_converter(config)).convert(source) == expected


def test_converter_engine_is_built_once_per_config() -> None:
    assert opencc_converter("s2hk") is opencc_converter("s2hk")


def test_dictionary_phrase_wins_over_opencc() -> None:
    converter = ScriptConverter(opencc_converter("s2hk"), {"冲压": "衝壓"})
    assert converter.convert("冲压车间冲压件") == "衝壓車間衝壓件"


def test_longest_dictionary_phrase_wins() -> None:
    converter = ScriptConverter(opencc_converter("s2hk"), {"冲": "衝", "冲洗": "沖洗"})
    assert converter.convert("冲洗 冲刺") == "沖洗 衝刺"


def test_article_phrases_go_on_top_of_the_dictionary() -> None:
    base = ScriptConverter(opencc_converter("s2hk"), {"冲压": "衝壓"})
    article = base.with_phrases(frozenset({("余主任", "余主任")}))
    assert article.convert("余主任看冲压") == "余主任看衝壓"
    assert base.convert("余主任看冲压") == "餘主任看衝壓"
    assert base.with_phrases(frozenset()) is base


def test_many_texts_are_converted_in_one_call_each_kept_apart() -> None:
    converter = ScriptConverter(opencc_converter("s2hk"))
    texts = ["发展", "", "abc", "头发\n第二行", "后"]
    assert converter.convert_many(texts) == ["發展", "", "abc", "頭髮\n第二行", "後"]


class CountingEngine:
    """OpenCC, counting the characters it is asked to convert."""

    def __init__(self, engine) -> None:
        self.engine, self.chars = engine, 0

    def convert(self, text: str) -> str:
        self.chars += len(text)
        return self.engine.convert(text)


def test_a_text_seen_before_is_not_converted_again_and_reads_the_same() -> None:
    engine = CountingEngine(opencc_converter("s2hk"))
    converter = ScriptConverter(engine, {"冲压": "衝壓"})
    chrome, article = ["湘乡经开区新闻摘编", "相关文章"], ["头发与发展", "冲压车间"]
    first = converter.convert_many([*chrome, *article])
    asked = engine.chars

    again = converter.convert_many([*chrome, "后来"])

    assert again == [*first[:2], "後來"]
    assert engine.chars - asked == len("后来")  # only the new text went to OpenCC
    fresh = ScriptConverter(opencc_converter("s2hk"), {"冲压": "衝壓"})
    assert fresh.convert_many([*chrome, *article]) == first == ["湘鄉經開區新聞摘編", "相關文章",
                                                               "頭髮與發展", "衝壓車間"]


def test_protected_text_is_left_as_is_and_marks_are_dropped() -> None:
    converter = ScriptConverter(opencc_converter("s2hk"))
    text = f"发展{protect('原文裡面的头')}后"
    assert converter.convert(text) == "發展原文裡面的头後"


def test_unclosed_protection_mark_protects_to_the_end() -> None:
    assert split_protected(f"后{PROTECT_OPEN}裡面") == [("后", False), ("裡面", True)]
    assert split_protected(f"后{PROTECT_CLOSE}面") == [("后面", False)]


MARKUP_CASES = [
    # text and reader-facing attributes are converted
    ('<p title="发展">头发</p>', '<p title="發展">頭髮</p>'),
    ('<img alt="园区面貌" src="/images/园区/1.jpg">', '<img alt="園區面貌" src="/images/园区/1.jpg">'),
    ('<meta name="description" content="后来">', '<meta name="description" content="後來">'),
    # URLs, ids, classes stay; so do scripts, styles and code
    ('<a href="/tag/发展/" id="发展" class="x">发展</a>', '<a href="/tag/发展/" id="发展" class="x">發展</a>'),
    ('<script>var s = "发展";</script><p>发展</p>', '<script>var s = "发展";</script><p>發展</p>'),
    ("<style>.发{}</style>", "<style>.发{}</style>"),
    ("<pre><code>发 = 1</code></pre><p>发</p>", "<pre><code>发 = 1</code></pre><p>發</p>"),
    # JSON-LD is data a reader sees through search engines: converted
    (
        '<script type="application/ld+json">{"headline": "发展"}</script>',
        '<script type="application/ld+json">{"headline": "發展"}</script>',
    ),
    # comments and character references untouched
    ("<!-- 发展 --><span>&#31616;&#20307;</span>", "<!-- 发展 --><span>&#31616;&#20307;</span>"),
    # Atom: escaped HTML in text, category terms
    (
        '<entry><title>发展</title><category term="园区动态"/>'
        "<content>&lt;p&gt;头发&lt;/p&gt;</content></entry>",
        '<entry><title>發展</title><category term="園區動態"/>'
        "<content>&lt;p&gt;頭髮&lt;/p&gt;</content></entry>",
    ),
]


@pytest.mark.parametrize(("html", "expected"), MARKUP_CASES)
def test_markup_conversion_touches_only_what_a_reader_sees(html: str, expected: str) -> None:
    assert convert_markup(html, ScriptConverter(opencc_converter("s2hk"))) == expected


def test_protected_original_html_survives_conversion() -> None:
    original = '<p>裡面的頭髮</p><figure><img alt="園區裡" src="1.jpg"></figure>'
    converted = convert_markup(protect_html(original), ScriptConverter(opencc_converter("s2hk")))
    assert converted == original


# (dictionary text, expected corrections) — the editors' file format.
DICTIONARY_CASES = [
    ("冲压 衝壓\n", [("冲压", "衝壓", ())]),  # a phrase and its conversion
    ("# comment\n\n冲压  衝壓   # stamping\n", [("冲压", "衝壓", ())]),  # comments, spacing
    ("台湾 臺灣 zh-tw\n", [("台湾", "臺灣", ("zh-tw",))]),  # one variant only
    ("里 裡 zh-tw,zh-hant\n", [("里", "裡", ("zh-tw", "zh-hant"))]),  # several variants
]


@pytest.mark.parametrize(("text", "expected"), DICTIONARY_CASES)
def test_dictionary_lines_parse(text: str, expected: list) -> None:
    parsed = parse_corrections(text)
    assert [(c.phrase, c.conversion, c.variants) for c in parsed] == expected


def test_dictionary_error_names_file_line_and_fix() -> None:
    with pytest.raises(VariantsError, match=r"fix\.txt:2: .*separate the Simplified phrase"):
        parse_corrections("冲压 衝壓\n只有一列\n", "fix.txt")


def test_dictionary_line_for_one_variant_applies_only_there() -> None:
    corrections = parse_corrections("冲压 衝壓\n台湾 臺灣 zh-tw\n")
    assert phrases_for(corrections, HANT, TABLE) == {"冲压": "衝壓"}
    assert phrases_for(corrections, TW, TABLE) == {"冲压": "衝壓", "台湾": "臺灣"}


def test_dictionary_line_for_an_unconfigured_variant_is_skipped_and_said(caplog) -> None:
    caplog.set_level("INFO")
    corrections = [
        Correction(phrase="台", conversion="臺", variants=("zh-mo",), source="f", line=3),
        Correction(phrase="冲压", conversion="衝壓", variants=("zh-mo", "zh-tw"), source="f", line=4),
    ]
    assert phrases_for(corrections, HANT, TABLE) == {}
    assert phrases_for(corrections, TW, TABLE) == {"冲压": "衝壓"}
    assert "f: lines 3, 4 are for zh-mo, which is not in PARK_DIGEST_VARIANTS (zh-hant, zh-tw)" in caplog.text


def test_dictionary_conversion_left_in_simplified_is_reported(caplog) -> None:
    build_converter("s2hk", parse_corrections("冲压 冲压\n余主任 余主任\n"), HANT, TABLE)
    messages = [r.getMessage() for r in caplog.records]
    assert any("冲压 -> 冲压: 冲压 is Simplified" in m for m in messages)
    assert not any("余主任" in m for m in messages)  # 余 is its own Traditional form too


def test_front_matter_override_must_be_a_mapping_of_strings() -> None:
    assert front_matter_phrases({"opencc": {"理发": "理髮"}}, "a.md") == {"理发": "理髮"}
    assert front_matter_phrases({}, "a.md") == {}
    with pytest.raises(VariantsError, match=r"a\.md: front-matter key 'opencc'"):
        front_matter_phrases({"opencc": ["理发"]}, "a.md")


def test_variant_table_has_root_first_and_labels_per_region() -> None:
    assert [v.code for v in TABLE] == ["zh-hans", "zh-hant", "zh-tw"]
    assert [v.html_lang for v in TABLE] == ["zh-Hans", "zh-Hant", "zh-TW"]
    assert [v.og_locale for v in TABLE] == ["zh_CN", "zh_HK", "zh_TW"]
    assert TABLE[0].as_context()["prefix"] == ""


@pytest.mark.parametrize("prefix", ["", "ZH", "zh/hant", "zh-hans"])
def test_bad_variant_prefix_is_refused(prefix: str) -> None:
    with pytest.raises(VariantsError, match="URL prefix"):
        variant_table({prefix: "s2hk"})


def test_variant_url_points_at_the_same_page_on_each_site() -> None:
    root = "https://news.example.org"
    assert variant_url(TABLE, root, "zh-hans", "2021/07/a/") == f"{root}/2021/07/a/"
    assert variant_url(TABLE, root, "zh-hant", "2021/07/a/") == f"{root}/zh-hant/2021/07/a/"
    assert variant_url(TABLE, "", "zh-tw", "") == "/zh-tw/"
    with pytest.raises(VariantsError, match="unknown variant"):
        variant_url(TABLE, root, "zh-mo", "")


def test_run_overrides_keep_variant_outputs_apart() -> None:
    settings = {"SITEURL": "https://x.org", "OUTPUT_PATH": "/o", "CACHE_PATH": "/c"}
    root = run_overrides(settings, TABLE[0], TABLE)
    assert root["OUTPUT_RETENTION"] == []  # derived variants are made anew after the root
    pelican_runs = {**settings, "PARK_DIGEST_VARIANT_RUNS": "pelican"}
    assert run_overrides(pelican_runs, TABLE[0], TABLE)["OUTPUT_RETENTION"] == ["zh-hant", "zh-tw"]
    hant = run_overrides(settings, HANT, TABLE)
    assert hant["OUTPUT_PATH"] == "/o/zh-hant"
    assert hant["SITEURL"] == hant["FEED_DOMAIN"] == "https://x.org/zh-hant"
    assert hant["CACHE_PATH"] == "/c/zh-hant"
    assert hant["PARK_DIGEST_IMPORT_ON_BUILD"] is False
