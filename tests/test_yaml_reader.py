"""The libyaml front-matter reader: the metadata of pelican-yaml-metadata's reader, and a broken
front matter reported with its file, its line and what to do."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.settings import read_settings
from project_copy import ROOT

from park_digest.site.yaml_reader import FastYAMLMetadataReader, FrontMatterError

ARTICLE = """---
title: 湘乡经开区“三项赋能”齐步走 “三个提前”解难题
date: 2021-07-06T22:13:53+08:00
lang: zh-hans
slug: 2021-07-06-xiangxiang-jingkaiqu-sanxiang-funeng
source: 红网
authors: [孙妍, 肖锦花]
editor: 杨莉莎
summary: 第一段的**开头**……
images:
- {src: 1.jpg, caption: “2021湖南-港洽周”……签约仪式现场。}
category: 园区动态
tags: [埃普特, 湖南大学]
---

第一段。

## 小标题

第二段。
"""


@pytest.fixture
def settings(tmp_path: Path) -> dict:
    return read_settings(None, override={"PATH": str(tmp_path), "PLUGINS": []})


def test_same_content_and_metadata_as_the_plugin_reader(tmp_path: Path, settings: dict) -> None:
    source = tmp_path / "a.md"
    source.write_text(ARTICLE, encoding="utf-8")
    content, metadata = FastYAMLMetadataReader(settings).read(str(source))
    assert (content, metadata) == YAMLMetadataReader(settings).read(str(source))
    assert metadata["authors"] and metadata["images"][0]["src"] == "1.jpg"
    assert "<strong>开头</strong>" in metadata["summary"]
    assert "<h2>小标题</h2>" in content


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        # YAML syntax: the line of the file, not of the front matter
        ("---\ntitle: 标题\nsummary: [unclosed\ntags: x\n---\n\n正文。\n", 4,
         "not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that "
         "begins on line 3)"),
        # a bracket left open to the end: the line that opened it
        ("---\ntitle: 标题\ntags: [[a]\n---\n\n正文。\n", 3,
         "did not find expected ',' or ']' before the closing ---"),
        ('---\ntitle: 标题\nsummary: "unclosed\n---\n\n正文。\n', 3,
         "found unexpected end of stream before the closing ---"),
        # blank lines before the opening --- count too
        ("\n\n---\ntitle: 标题: 副标题\n---\n\n正文。\n", 4, "not valid YAML"),
        # a month 13 and a day 45: YAML reads it as a date and fails
        ("---\ntitle: 标题\ndate: 2021-13-45\n---\n\n正文。\n", 3, "'2021-13-45' is not a date"),
        # a date Pelican cannot read
        ("---\ntitle: 标题\nlang: zh-hans\ndate: 昨天下午\n---\n\n正文。\n", 4,
         "date '昨天下午' is not a date; write it like 2021-07-06T22:13:53+08:00"),
        ('---\ntitle: 标题\ndate: "2021-02-30T10:00:00+08:00"\n---\n\n正文。\n', 3, "is not a date"),
        # the closing --- is missing
        ("---\ntitle: 标题\ndate: 2021-07-06\n\n正文。\n", 1, "no closing --- line"),
        # an empty title would give <h1></h1>
        ('---\ndate: 2021-07-06\ntitle: ""\n---\n\n正文。\n', 3, "the title is empty"),
        ("---\ndate: 2021-07-06\ntitle:\n---\n\n正文。\n", 3, "the title is empty"),
        ("---\n- title\n- date\n---\n\n正文。\n", 1, "not a list of `key: value` lines"),
    ],
    ids=["syntax", "open-bracket", "open-quote", "blank-lines-first", "impossible-date", "not-a-date", "february-30",
         "no-closing", "empty-title", "no-title-value", "not-a-mapping"],
)
def test_broken_front_matter_names_file_line_and_what_is_wrong(
    tmp_path: Path, settings: dict, text: str, line: int, says: str
) -> None:
    source = tmp_path / "broken.md"
    source.write_text(text, encoding="utf-8")
    with pytest.raises(FrontMatterError) as caught:
        FastYAMLMetadataReader(settings).read(str(source))
    assert str(caught.value).startswith(f"{source}:{line}: "), caught.value
    assert says in str(caught.value)


def test_pelican_says_why_it_could_not_process_a_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles/good.md").write_text(ARTICLE, encoding="utf-8")
    (content / "articles/bad.md").write_text(
        ARTICLE.replace("date: 2021-07-06T22:13:53+08:00", "date: 2021-13-45"), encoding="utf-8")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "output"),
        "THEME": str(ROOT / "theme"), "PLUGIN_PATHS": [str(ROOT / "plugins")],
        "PARK_DIGEST_IMPORT_ON_BUILD": False, "PARK_DIGEST_VARIANTS": {},
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
    })
    with caplog.at_level(logging.ERROR):
        Pelican(settings).run()
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == [f"{content / 'articles/bad.md'}:3: '2021-13-45' is not a date (month must "
                      "be in 1..12); write it like 2021-07-06T22:13:53+08:00 (year-month-day, "
                      "then the time and its zone)"]
    article = tmp_path / "output/2021/07/2021-07-06-xiangxiang-jingkaiqu-sanxiang-funeng"
    assert "三项赋能" in (article / "index.html").read_text(encoding="utf-8")  # the good one
