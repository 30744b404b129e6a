"""The article the project was created from, field by field, through the real importer."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from park_digest.ingest.importer import Options, import_seeds

PROJECT = Path(__file__).resolve().parent.parent
SEED = PROJECT / "seeds" / "000_d4ceb9e4fe46168b.txt"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[dict, str]:
    out = tmp_path_factory.mktemp("content")
    opts = Options(project=PROJECT, out_dir=out / "articles", images_dir=out / "images",
                   originals_dir=out / "originals", category="园区动态",
                   keywords={"埃普特": "埃普特", "湖南大学": "湖南大学", "港洽周": "港洽周"})
    [result] = import_seeds([SEED], opts)
    assert result.status == "written"
    text = result.output.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def test_front_matter_holds_every_fact(imported) -> None:
    meta, _ = imported
    assert meta["title"] == "湘乡经开区“三项赋能”齐步走 “三个提前”解难题"
    assert meta["date"] == "2021-07-06T22:13:53+08:00"
    assert meta["lang"] == "zh-hans"
    assert meta["source"] == "红网"
    assert meta["authors"] == ["孙妍", "肖锦花"]
    assert meta["editor"] == "杨莉莎"
    assert meta["source_url"] == "https://xt.rednet.cn/content/2021/07/06/9630102.html"
    assert meta["copyright"] == "本文为湘潭站原创文章，转载请附上原文出处链接和本声明。"
    assert meta["raw"] == "seeds/000_d4ceb9e4fe46168b.txt"
    assert len(meta["raw_sha256"]) == 64
    assert meta["category"] == "园区动态"
    assert meta["tags"] == ["埃普特", "湖南大学", "港洽周"]
    assert meta["slug"].isascii() and meta["slug"].startswith("2021-07-06-")
    assert meta["summary"].startswith("“2021湖南-港洽周”湘潭市新兴优势产业链")


def test_front_matter_keys_are_the_documented_ones(imported) -> None:
    meta, _ = imported
    assert set(meta) <= {"title", "date", "lang", "slug", "source", "authors", "editor",
                         "source_url", "copyright", "summary", "images", "category", "tags",
                         "raw", "raw_sha256"}


def test_three_figures_with_their_captions(imported) -> None:
    meta, body = imported
    assert meta["images"] == [
        {"src": "1.jpg", "caption": "“2021湖南-港洽周”湘潭市新兴优势产业链招商引资推介会重大项目签约仪式现场。"},
        {"src": "2.jpg", "caption": "湘乡经开区园区面貌。"},
        {"src": "3.jpg", "caption": "湘乡经开区一家获批“高新技术企业证书”的企业。"},
    ]
    assert body.count("![") == 3
    # the caption is the figure's, not repeated as a paragraph
    assert body.count("湘乡经开区园区面貌。") == 1


def test_subheadings_become_level_two_headings(imported) -> None:
    _, body = imported
    assert [line[3:] for line in body.splitlines() if line.startswith("## ")] == [
        "多层次出实招，解决企业用工需求",
        "抓保障促落实，以优质服务助企业达产增效",
        "创新发展理念，助推企业高质量发展",
    ]


def test_every_body_sentence_survives_and_no_boilerplate(imported) -> None:
    _, body = imported
    raw = SEED.read_text(encoding="utf-8")
    start = raw.index("“2021湖南-港洽周”湘潭市新兴")
    end = raw.index("\n来源:红网\n")
    for line in filter(None, (ln.strip() for ln in raw[start:end].splitlines())):
        if line.endswith(".jpg"):
            continue
        expected = line.replace(",", "，").replace("(", "（").replace(")", "）").replace(";", "；")
        assert expected in body, line
    for junk in ("当前位置", "时刻新闻", "分享", "阅读下一篇", "返回红网首页", "本文链接", "编辑:"):
        assert junk not in body


def test_numbers_and_times_keep_ascii_punctuation(imported) -> None:
    _, body = imported
    assert "8.5亿元" in body and "3000余名" in body
