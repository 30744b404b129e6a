"""The theme on a small hand-written site: what every page shows, read from the built HTML."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pelican import Pelican
from pelican.settings import read_settings
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "a1": """---
title: 湘乡经开区“三项赋能”齐步走
date: 2021-07-06T22:13:53+08:00
slug: a1
source: 红网
authors: [孙妍, 肖锦花]
editor: 杨莉莎
source_url: https://xt.rednet.cn/content/2021/07/06/9630102.html
copyright: 本文为湘潭站原创文章，转载请附上原文出处链接和本声明。
summary: 湘乡经开区负责人签约湘乡液晶显示屏生产基地项目。
images:
- {src: 1.jpg, caption: 签约仪式现场。}
- {src: 2.jpg, caption: 园区面貌。}
tags: [埃普特, 湖南大学]
---

第一段，湘乡经开区负责人签约湘乡液晶显示屏生产基地项目。

![签约仪式现场。]({static}/images/a1/1.jpg)

## 多层次出实招

第二段。

![园区面貌。](2.jpg)
""",
    "a2": """---
title: 园区企业招工培训
date: 2021-08-01T09:00:00+08:00
slug: a2
source: 湘潭日报
authors: [李明]
summary: 园区举办招聘会。
tags: [埃普特]
---

园区举办招聘会。
""",
    "a3": """---
title: 园区新春走访
date: 2022-01-10T10:30:00+08:00
slug: a3
source: 红网
summary: 新春走访企业。
category: 园区动态
tags: [其他]
---

新春走访企业。
""",
}


def build_theme_site(base: Path, articles: dict[str, str] | None = None, **override: object) -> Path:
    """Write the articles (default: three), one real image and the project's pages; build them."""
    content = base / "content"
    (content / "articles").mkdir(parents=True)
    for slug, text in (articles or ARTICLES).items():
        (content / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
    (content / "images/a1").mkdir(parents=True)
    Image.new("RGB", (1200, 800), (40, 110, 90)).save(content / "images/a1/1.jpg")
    (content / "pages").mkdir()
    for page in (ROOT / "content/pages").glob("*.md"):
        (content / "pages" / page.name).write_text(page.read_text(encoding="utf-8"), "utf-8")
    output = base / "output"
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "PARK_DIGEST_IMPORT_ON_BUILD": False,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            **override,
        },
    )
    Pelican(settings).run()
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_theme_site(tmp_path_factory.mktemp("theme-site"))


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


class Tags(HTMLParser):
    """Collects (tag, attrs) pairs and the text of <script type="application/ld+json">."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_ld = tag == "script" and dict(attrs).get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(data)
            self._in_ld = False

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def parse(html: str) -> Tags:
    tags = Tags()
    tags.feed(html)
    return tags


A1 = "2021/07/a1/index.html"
A2 = "2021/08/a2/index.html"


def test_article_shows_chinese_date_source_authors_editor(site: Path) -> None:
    html = read(site, A1)
    assert '<time datetime="2021-07-06T22:13:53+08:00">2021年7月6日 22:13</time>' in html
    assert '来源：<span data-pagefind-meta="source"><a href="/source/hong-wang/">红网</a>' in html
    assert '<a href="/author/sun-yan/">孙妍</a>、<a href="/author/xiao-jin-hua/">肖锦花</a>' in html
    assert "编辑：杨莉莎" in html
    assert "<h2>多层次出实招</h2>" in html


def test_article_carries_reprint_statement_linking_the_original(site: Path) -> None:
    html = read(site, A1)
    reprint = html[html.index('<aside class="reprint"'):html.index("</aside>")]
    assert 'href="https://xt.rednet.cn/content/2021/07/06/9630102.html"' in reprint
    assert "本文为湘潭站原创文章，转载请附上原文出处链接和本声明。" in reprint
    assert "本文转载自红网" in reprint


def test_previous_next_and_related_by_tag(site: Path) -> None:
    html = read(site, A2)
    older = '<a rel="prev" href="/2021/07/a1/"><span>上一篇</span>湘乡经开区“三项赋能”齐步走</a>'
    assert older in html
    assert '<a rel="next" href="/2022/01/a3/"><span>下一篇</span>园区新春走访</a>' in html
    related = html[html.index('id="related-title"'):]
    assert 'href="/2021/07/a1/"' in related  # shares 埃普特
    assert 'href="/2022/01/a3/"' not in related  # shares nothing
    assert 'rel="prev"' not in read(site, A1)  # the oldest has no previous


def test_figures_real_image_gets_srcset_missing_one_is_a_caption_card(site: Path) -> None:
    tags = parse(read(site, A1))
    imgs = [a for t, a in tags.tags if t == "img"]
    real = next(a for a in imgs if a["src"] == "/images/a1/1.jpg")
    assert (real["width"], real["height"]) == ("1200", "800")
    assert "/images/a1/1-480w.jpg 480w" in real["srcset"]
    assert real["alt"] == "签约仪式现场。" and real["decoding"] == "async"
    assert "loading" not in real  # the first figure loads at once
    assert not any(a.get("alt") == "园区面貌。" for a in imgs)  # no image claimed for it
    assert '<span class="figure-missing-label">〔图略〕</span>园区面貌。</figcaption>' in read(site, A1)
    assert (site / "images/a1/1-480w.jpg").is_file() and (site / "images/a1/1-960w.jpg").is_file()
    assert "<figcaption>签约仪式现场。</figcaption>" in read(site, A1)


def test_article_meta_open_graph_and_json_ld(site: Path) -> None:
    tags = parse(read(site, A1))
    assert tags.find("link", rel="canonical")[0]["href"] == "/2021/07/a1/"
    og = {a["property"]: a["content"] for a in tags.find("meta") if a.get("property")}
    assert og["og:type"] == "article" and og["og:locale"] == "zh_CN"
    assert og["og:title"] == "湘乡经开区“三项赋能”齐步走"
    assert og["og:image"] == "/images/a1/1.jpg"
    assert tags.find("meta", name="description")[0]["content"].startswith("湘乡经开区负责人")
    (ld,) = (json.loads(text) for text in tags.json_ld)
    assert ld["@type"] == "NewsArticle" and ld["headline"] == "湘乡经开区“三项赋能”齐步走"
    assert ld["datePublished"] == "2021-07-06T22:13:53+08:00"
    assert [a["name"] for a in ld["author"]] == ["孙妍", "肖锦花"]
    assert ld["publisher"]["name"] == "湘乡经开区新闻摘编" and ld["image"] == ["/images/a1/1.jpg"]


def test_every_page_has_landmarks_skip_link_lang_and_footer_facts(site: Path) -> None:
    pages = [p for p in site.rglob("*.html") if "theme" not in p.parts]
    assert len(pages) >= 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        where = page.relative_to(site)
        assert '<html lang="zh-Hans"' in html, where
        assert '<a class="skip" href="#main">' in html and '<main id="main"' in html, where
        assert "example.org" not in html and "00000000" not in html, where  # no stand-ins
        assert 'class="identity"' not in html, where  # nothing set, nothing shown
        assert "<title>" in html, where
        assert ('rel="canonical"' in html) == (where.name != "404.html"), where


def test_home_is_a_digest_with_thumbnail_and_about_block(site: Path) -> None:
    html = read(site, "index.html")
    titles = re.findall(r'<h2><a href="/(\d{4}/\d\d/\w+/)">', html)
    assert titles == ["2022/01/a3/", "2021/08/a2/", "2021/07/a1/"]  # newest first
    thumbs = parse(html).find("img", **{"class": "thumb"})
    assert [t["src"] for t in thumbs] == ["/images/a1/1.jpg"]  # only a1 has a real figure
    assert 'class="about"' in html and "湘乡市" in html and 'href="/about/"' in html


def test_home_is_paginated_with_about_block_on_first_page_only(tmp_path: Path) -> None:
    output = build_theme_site(tmp_path, DEFAULT_PAGINATION=2)
    first, second = read(output, "index.html"), read(output, "index2.html")
    assert '<a rel="next" href="/index2.html">' in first and "第 1 / 2 页" in first
    assert '<a rel="prev" href="/index.html">' in second and "第 2 / 2 页" in second
    assert "园区企业招工培训" in first and "湘乡经开区“三项赋能”齐步走" in second
    assert 'class="about"' in first and 'class="about"' not in second


def test_archives_sources_categories_tags_and_404(site: Path) -> None:
    archives = read(site, "archives/index.html")
    assert archives.index("2022年") < archives.index("2021年")
    assert 'href="/2021/07/">7月</a>' in archives and 'href="/2021/08/">8月</a>' in archives
    assert "园区企业招工培训" in read(site, "2021/08/index.html")
    assert "园区新春走访" not in read(site, "2021/index.html")
    hong = read(site, "source/hong-wang/index.html")
    assert "来源：红网" in hong and "园区新春走访" in hong and "园区企业招工培训" not in hong
    sources = read(site, "sources/index.html")
    assert sources.index("红网") < sources.index("湘潭日报")  # most articles first
    assert "园区企业招工培训" in read(site, "tag/ai-pu-te/index.html")
    assert "园区新春走访" in read(site, "category/yuan-qu-dong-tai/index.html")
    assert "href=\"/tag/ai-pu-te/\"" in read(site, "tag/index.html")
    not_found = read(site, "404.html")
    assert "页面不存在" in not_found
    assert re.search(r'href="/theme/css/style\.[0-9a-f]{8}\.css"', not_found)


def test_json_ld_falls_back_to_the_outlet_when_no_author_is_named(site: Path) -> None:
    html = read(site, "2022/01/a3/index.html")
    assert "作者：" not in html  # Pelican's default AUTHOR is not shown as a byline
    (ld,) = (json.loads(text) for text in parse(html).json_ld)
    assert ld["author"] == [{"@type": "Organization", "name": "红网"}]
    (image,) = ld["image"]  # no real figure: the site's picture, under its fingerprinted name
    assert re.fullmatch(r"/theme/images/share\.[0-9a-f]{8,}\.png", image), image


def test_long_summaries_are_cut_with_an_ellipsis(tmp_path: Path) -> None:
    long = "园区" * 200
    articles = {"a2": ARTICLES["a2"].replace("summary: 园区举办招聘会。", f"summary: {long}")}
    html = read(build_theme_site(tmp_path, articles=articles), "index.html")
    summary = re.search(r'<div class="summary">([^<]*)</div>', html).group(1)
    assert summary == long[:139] + "…"


def test_identity_shows_each_record_that_is_set_with_its_link(tmp_path: Path) -> None:
    output = build_theme_site(tmp_path, ICP_RECORD="湘ICP备12345678号-1",
                              POLICE_RECORD="湘公网安备43038102000123号",
                              CONTACT_EMAIL="news@xxjkq.cn")
    footer = read(output, "index.html").split('<footer class="site"', 1)[1]
    items = [html.unescape(item) for item in re.findall(r"<li[^>]*>(.*?)</li>", footer)]
    assert items == [
        '联系：<a href="mailto:news@xxjkq.cn">news@xxjkq.cn</a>',
        '<a href="https://beian.miit.gov.cn/" rel="nofollow">湘ICP备12345678号-1</a>',
        '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=43038102000123" '
        'rel="nofollow">湘公网安备43038102000123号</a>',
    ]
    only_icp = build_theme_site(tmp_path / "icp", ICP_RECORD="湘ICP备12345678号-1")
    footer = read(only_icp, "index.html").split('<footer class="site"', 1)[1]
    assert "联系" not in footer and "公网安备" not in footer and " · <" not in footer


def test_article_shows_the_eight_tags_it_is_most_about_title_first(tmp_path: Path) -> None:
    names = [f"标签{i}" for i in range(12)]
    body = "正文" + "标签7标签7标签7" + "标签3标签3" + "标签11"
    text = ARTICLES["a2"].replace("tags: [埃普特]", f"tags: [{', '.join(names)}]").replace(
        "title: 园区企业招工培训", "title: 园区企业标签5招工").replace("园区举办招聘会。\n", body + "\n")
    html = read(build_theme_site(tmp_path, articles={"a2": text}), A2)
    shown = re.findall(r'<a class="chip" href="/tag/[^"]+/">(标签\d+)</a>', html)
    # the title's tag, then by mentions in the text (标签1 is inside 标签11), ties as listed
    assert shown == ["标签5", "标签7", "标签3", "标签1", "标签11", "标签0", "标签2", "标签4"]
    assert len(re.findall(r'property="article:tag"', html)) == 12  # every tag stays listed


def test_atom_entries_name_every_author_with_ids_of_their_own(tmp_path: Path) -> None:
    output = build_theme_site(tmp_path, CATEGORY_FEED_ATOM="feeds/{slug}.atom.xml")
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = {name: ET.parse(output / "feeds" / name).getroot()
             for name in ("all.atom.xml", "yuan-qu-dong-tai.atom.xml")}
    entries = {e.findtext(f"{atom}title"): e for e in feeds["all.atom.xml"].iter(f"{atom}entry")}
    names = [a.findtext(f"{atom}name") for a in entries["湘乡经开区“三项赋能”齐步走"]
             .findall(f"{atom}author")]
    assert names == ["孙妍", "肖锦花"]
    assert [a.findtext(f"{atom}name") for a in entries["园区新春走访"].findall(f"{atom}author")] \
        == ["红网"]  # no byline: the outlet
    ids = [f.findtext(f"{atom}id") for f in feeds.values()]
    assert len(set(ids)) == 2, ids
    entry_ids = [e.findtext(f"{atom}id") for e in entries.values()]
    assert all(i.startswith("tag:localhost,") for i in entry_ids) and len(set(entry_ids)) == 3


def test_search_and_404_are_not_indexed_and_404_has_no_canonical(site: Path) -> None:
    search, missing = read(site, "search/index.html"), read(site, "404.html")
    assert '<meta name="robots" content="noindex">' in search and 'rel="canonical"' in search
    assert '<meta name="robots" content="noindex">' in missing
    assert 'rel="canonical"' not in missing and 'hreflang=' not in missing.split("</head>")[0]
    assert 'name="robots"' not in read(site, A1)


def test_share_image_and_one_separator_in_list_descriptions(site: Path) -> None:
    home = parse(read(site, "index.html"))
    image = home.find("meta", property="og:image")[0]["content"]
    assert re.fullmatch(r"/theme/images/share\.[0-9a-f]{8,}\.png", image), image
    assert (site / image.lstrip("/")).is_file()
    tag = parse(read(site, "tag/ai-pu-te/index.html"))
    assert tag.find("meta", name="description")[0]["content"] == "标签：埃普特 · 湘乡经开区新闻摘编"


def test_meta_line_has_no_stray_space_and_search_gets_the_same_date(site: Path) -> None:
    html = read(site, A1)
    assert '<p class="meta"><time datetime=' in html
    assert '<span hidden data-pagefind-meta="date">2021年7月6日 22:13</span>' in html


def test_a_date_given_without_its_time_shows_the_day_only(tmp_path: Path) -> None:
    untimed = ARTICLES["a2"].replace("2021-08-01T09:00:00+08:00", "2021-08-01T00:00:00+08:00")
    site = build_theme_site(tmp_path, {"a2": untimed, "a3": ARTICLES["a3"]})
    assert '<time datetime="2021-08-01T00:00:00+08:00">2021年8月1日</time>' in read(site, A2)
    assert "2022年1月10日 10:30</time>" in read(site, "2022/01/a3/index.html")
