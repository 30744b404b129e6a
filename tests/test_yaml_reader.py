"""The libyaml front-matter reader gives exactly the metadata of pelican-yaml-metadata's reader."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.settings import read_settings

from park_digest.yaml_reader import FastYAMLMetadataReader

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


def test_broken_front_matter_is_reported_with_the_file(
    tmp_path: Path, settings: dict, caplog: pytest.LogCaptureFixture
) -> None:
    source = tmp_path / "broken.md"
    source.write_text("---\ntitle: [unclosed\n---\n\n正文。\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        _, metadata = FastYAMLMetadataReader(settings).read(str(source))
    assert metadata == {}
    assert str(source) in caplog.text and "not valid YAML" in caplog.text
