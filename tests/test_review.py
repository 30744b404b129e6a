"""``park-digest review``: every one-to-many choice of an article, with context and origin."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from park_digest.cli import main
from park_digest.site.scripts import VariantsError
from park_digest.variants.convert import ScriptConverter, opencc_converter
from park_digest.variants.one_to_many import ONE_TO_MANY
from park_digest.variants.review import review, review_article, review_line, visible_lines

ARTICLE = """---
title: 园区理发店开业
date: 2021-07-06T22:13:53+08:00
slug: barber
raw: seeds/后台.txt
opencc: {余主任: 余主任}
tags: [发展]
---

余主任说，头发要在理发店剪，园区发展后劲足。

冲压车间在后面。
"""


def converter(**phrases: str) -> ScriptConverter:
    return ScriptConverter(opencc_converter("s2hk"), phrases)


def test_visible_lines_are_the_body_and_the_keys_a_reader_sees() -> None:
    lines = dict(visible_lines(ARTICLE))
    assert lines[2] == "title: 园区理发店开业"
    assert 5 not in lines  # raw: a file name nobody reads on the page
    assert lines[7] == "tags: [发展]"
    assert lines[10].startswith("余主任说")


def test_each_one_to_many_character_is_listed_with_the_choice_made() -> None:
    findings = review_line(10, "头发要剪，发展后劲足。", converter(), {})
    got = [(f.column, f.char, f.choice, f.origin) for f in findings]
    assert got == [(2, "发", "髮", "opencc"), (6, "发", "發", "opencc"), (8, "后", "後", "opencc")]
    assert findings[0].context == "头【发】要剪，发展后劲足"
    assert findings[0].candidates == ONE_TO_MANY["发"]


def test_choices_made_by_the_dictionary_and_the_article_say_so() -> None:
    base = converter(冲压="衝壓")
    findings = review_article(ARTICLE, base, "barber.md")
    by_line = {(f.line, f.char): (f.choice, f.origin) for f in findings}
    assert by_line[(12, "冲")] == ("衝", "dictionary")
    assert by_line[(10, "余")] == ("余", "article")
    assert by_line[(12, "后")] == ("後", "opencc")


def test_review_narrows_to_one_article_and_reports_a_missing_one(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "barber.md").write_text(ARTICLE, encoding="utf-8")
    other = ARTICLE.replace("slug: barber", "slug: other")
    (content / "articles" / "other.md").write_text(other, encoding="utf-8")
    (content / "opencc-corrections.txt").write_text("冲压 衝壓\n", encoding="utf-8")
    settings = {"PARK_DIGEST_VARIANTS": {"zh-hant": "s2hk", "zh-tw": "s2twp"}}
    out = io.StringIO()
    count = review(content, settings, article="barber", out=out)
    text = out.getvalue()
    assert "barber  zh-hant (s2hk)" in text and "barber  zh-tw (s2twp)" in text
    assert "other" not in text
    assert "余主任说，头【发】要在理发店剪，园  发 -> 髮  (or 發)  [opencc]" in text
    assert "冲 -> 衝" in text and "[dictionary]" in text
    assert count == text.count("\n  ")
    with pytest.raises(VariantsError, match="no article with slug 'missing'"):
        review(content, settings, article="missing", out=io.StringIO())


def test_review_command_runs_on_the_project(capsys: pytest.CaptureFixture[str]) -> None:
    root = Path(__file__).resolve().parents[1]
    if not any((root / "content" / "articles").glob("*.md")):
        pytest.skip("no imported article in content/articles")
    assert main(["review", "--settings", str(root / "pelicanconf.py"), "--variant", "zh-hant"]) == 0
    out = capsys.readouterr().out
    assert "zh-hant (s2hk):" in out and "-> " in out
    assert main(["review", "--settings", str(root / "pelicanconf.py"), "--article", "nope"]) == 2


def test_an_article_whose_front_matter_does_not_read_is_named_and_the_rest_reviewed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "barber.md").write_text(ARTICLE, encoding="utf-8")
    broken = ARTICLE.replace("tags: [发展]", "tags: [发展, 头发").replace("barber", "broken")
    (content / "articles" / "broken.md").write_text(broken, encoding="utf-8")
    out, unreadable = io.StringIO(), []

    count = review(content, {}, out=out, unreadable=unreadable)

    assert "barber  zh-hant (s2hk)" in out.getvalue() and count > 0
    assert "broken" not in out.getvalue()
    assert unreadable == [str(content / "articles" / "broken.md")]
    assert re.search(r"broken\.md:\d+: the front matter .* is not valid YAML.*; not reviewed",
                     caplog.text)
