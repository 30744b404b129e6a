"""A temp site built by Pelican from raw seeds: the article page holds what the seed holds."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings
from PIL import Image

PROJECT = Path(__file__).resolve().parent.parent
SEED = PROJECT / "seeds" / "000_d4ceb9e4fe46168b.txt"
WITH_IMAGE = """园区新闻一则
来源:红网 作者:张三 编辑:李四 2022-05-06 10:00:00
1. 这一段以数字和点开头,<b>不是</b>粗体,*也不是*斜体,a_b_c 保持原样。
1.jpg
活动现场。
第二段。
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "seeds").mkdir()
    shutil.copy(SEED, root / "seeds" / SEED.name)
    (root / "seeds" / "b.txt").write_text(WITH_IMAGE, encoding="utf-8")
    (root / "seeds" / "b").mkdir()
    Image.new("RGB", (320, 200), "orange").save(root / "seeds" / "b" / "1.jpg")
    (root / "content").mkdir()
    settings = read_settings(str(PROJECT / "pelicanconf.py"), override={
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(root / "output"),
        "THEME": str(PROJECT / "theme"),
        "PLUGIN_PATHS": [str(PROJECT / "plugins")],
        "PARK_DIGEST_PROJECT_PATH": str(root),
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False,
    })
    Pelican(settings).run()
    return root


def page(site: Path, slug_start: str) -> str:
    [path] = [p for p in (site / "output").glob("*/*/*/index.html")
              if p.parent.name.startswith(slug_start)]
    return path.read_text(encoding="utf-8")


def test_seed_page_shows_title_byline_headings_and_figures(site: Path) -> None:
    text = page(site, "2021-07-06-")
    assert "湘乡经开区“三项赋能”齐步走 “三个提前”解难题" in html.unescape(text)
    for fact in ("红网", "孙妍", "肖锦花", "杨莉莎", "2021年7月6日"):
        assert fact in text, fact
    assert "<h2" in text and "多层次出实招，解决企业用工需求" in text
    figures = re.findall(r"<figure.*?</figure>", text, re.S)
    assert len(figures) == 3
    assert all("<figcaption>" in f for f in figures)
    # the seed brings no pictures: caption cards, the caption once (no alt, not a paragraph)
    assert '〔图略〕</span>湘乡经开区园区面貌。</figcaption>' in text
    assert text.count("湘乡经开区园区面貌。") == 1


def test_seed_page_has_no_boilerplate(site: Path) -> None:
    text = page(site, "2021-07-06-")
    body = text[text.index("“2021湖南-港洽周”湘潭市新兴优势产业链招商引资推介会于"):]
    for junk in ("时刻新闻", "—分享—", "阅读下一篇", "返回红网首页"):
        assert junk not in body


def test_real_image_is_copied_and_markup_shows_as_text(site: Path) -> None:
    text = page(site, "2022-05-06-")
    assert re.search(r'<img alt="活动现场。"[^>]*height="200"[^>]*src="[^"]*/images/2022-05-06-[^"]*/1\.jpg"', text) \
        or re.search(r'<img[^>]*src="[^"]*/images/2022-05-06-[^"]*/1\.jpg"', text)
    assert list((site / "output" / "images").glob("*/1.jpg"))
    assert "<p>1. 这一段以数字和点开头,&lt;b&gt;不是&lt;/b&gt;粗体,*也不是*斜体,a_b_c 保持原样。</p>" in text
    assert "<ol" not in text


def test_home_digest_shows_the_copied_image_as_thumbnail(site: Path) -> None:
    home = (site / "output" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img[^>]*src="[^"]*images/2022-05-06-[^"]*/1[^"]*\.jpg"', home)
