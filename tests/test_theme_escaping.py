"""Front matter is text: whatever an editor or a portal puts in a field appears on every page,
feed and structured-data block as that text, and never as markup.

One Pelican build per Hypothesis example; each example is a handful of articles whose every
text field (title, summary, authors, editor, outlet, original link, reprint statement, tags,
category, image caption) is arbitrary text, with HTML, script-closing and entity fragments
mixed in.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from project_copy import make_project
from test_theme_build import build_theme_site

from park_digest.ingest.markdown_out import escape as markdown_escape
from support import build_site

SITENAME = "湘乡经开区新闻摘编"

# Pieces that would become markup, close a script, or be read as an entity if not escaped.
HOSTILE = [
    "<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", '"><b>x</b>',
    "<5%", "&amp;", "&lt;b&gt;", "'", '"', "<!--", "-->", "<![CDATA[", "]]>", "{{ 1 }}",
    "<a href=javascript:alert(1)>", "</title>", "</textarea>", "\\u003c", "&#60;",
]
CHARS = st.sampled_from(list("园区产值增速企业名单公布湖南湘乡经开区") + list("<>&\"'/=;:()!%.,*_ abcXYZ09"))
PIECE = st.one_of(st.sampled_from(HOSTILE), st.text(alphabet=CHARS, min_size=1, max_size=12))


def _clean(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


TEXT = st.lists(PIECE, min_size=1, max_size=5).map(_clean).filter(bool)


@dataclass(frozen=True)
class Fields:
    title: str
    summary: str
    authors: tuple[str, ...]
    editor: str
    source: str
    source_url: str
    copyright: str
    tags: tuple[str, ...]
    category: str
    caption: str


def _names(n: int, kind: str) -> st.SearchStrategy[tuple[str, ...]]:
    # a unique tail keeps each name's slug (its page) distinct from every other name's
    return st.lists(TEXT, min_size=1, max_size=n).map(
        lambda names: tuple(f"{name}{kind}{i}" for i, name in enumerate(names)))


FIELDS = st.builds(
    Fields,
    title=TEXT, summary=TEXT, authors=_names(2, "甲"), editor=TEXT, source=TEXT,
    source_url=TEXT.map(lambda t: "https://xt.rednet.cn/a?q=" + t), copyright=TEXT,
    tags=_names(3, "乙"), category=TEXT.map(lambda t: t + "丙"), caption=TEXT,
)

ISSUE_TITLE = "园区产值增速<5%的企业名单<img src=x onerror=alert(1)>公布"
ISSUE_EXAMPLE = Fields(
    title=ISSUE_TITLE, summary=ISSUE_TITLE, authors=("孙妍<b>甲0", "</script>甲1"), editor="<i>编</i>",
    source="红网<script>alert(1)</script>", source_url="https://x.cn/?a=1&b=<2>",
    copyright="本文<em>原创</em>", tags=("<img src=x>乙0",), category="<u>丙</u>",
    caption='图"><img src=x onerror=alert(1)>',
)


def article_markdown(i: int, f: Fields) -> str:
    """An article as the importer writes it: JSON-style YAML values, a Markdown-escaped summary
    and caption."""
    meta = {
        "title": f.title, "date": f"2021-07-{i + 1:02d}T10:00:00+08:00", "slug": f"s{i}",
        "source": f.source, "authors": list(f.authors), "editor": f.editor,
        "source_url": f.source_url, "copyright": f.copyright,
        "summary": markdown_escape(f.summary),
        "images": [{"src": "1.jpg", "caption": f.caption}],
        "category": f.category, "tags": list(f.tags),
    }
    front = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}"
                      for key, value in meta.items())
    caption = markdown_escape(f.caption)
    # a picture the seed lacked (a caption card) and one that is there (an image with its alt)
    return (f"---\n{front}\n---\n\n正文第一段。\n\n![{caption}](1.jpg)\n\n"
            f"![{caption}](/images/s{i}/2.jpg)\n")


# The label of a missing picture's caption card (figures.py).
MISSING_LABEL = "〔图略〕"

# Every element the theme itself writes; anything else in a page came from a value.
THEME_TAGS = frozenset(
    "html head meta title link script body a header div nav main article h1 h2 h3 p span time "
    "figure img figcaption aside footer section ul ol li form label input button noscript "
    "svg path".split())


class Page(HTMLParser):
    """Start tags with attributes, the text of every element by tag, and JSON-LD blocks."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: dict[str, list[str]] = {}
        self.json_ld: list[object] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if tag not in {"meta", "link", "img", "input"}:
            self._open.append((tag, values, []))

    def handle_endtag(self, tag: str) -> None:
        while self._open:
            name, attrs, parts = self._open.pop()
            text = "".join(parts)
            self.text.setdefault(name, []).append(text)
            if name == "script" and attrs.get("type") == "application/ld+json":
                self.json_ld.append(json.loads(text))
            if self._open:
                self._open[-1][2].append(text)
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][2].append(data)

    def attr(self, tag: str, key: str, **match: str) -> list[str]:
        return [a[key] for t, a in self.tags
                if t == tag and key in a and all(a.get(k) == v for k, v in match.items())]


def assert_no_markup_from_values(page: Page, where: str) -> None:
    for tag, attrs in page.tags:
        assert tag in THEME_TAGS, f"{where}: <{tag}> came from a value"
        events = [name for name in attrs if name.startswith("on")]
        assert not events, f"{where}: <{tag} {events}> came from a value"
        if tag == "script":
            # the theme's own: external, JSON-LD, or the import map of its fingerprinted files
            assert attrs.get("src") or attrs.get("type") in ("application/ld+json", "importmap"), \
                where
        if tag == "a":
            assert not attrs.get("href", "").lower().startswith("javascript"), where


def truncated(text: str, length: int) -> str:
    """Jinja's ``truncate(length, true, "…", 0)``."""
    return text if len(text) <= length else text[: length - 1] + "…"


def check_article_page(site: Path, i: int, f: Fields) -> None:
    where = f"2021/07/s{i}/"
    page = Page((site / where / "index.html").read_text(encoding="utf-8"))
    assert_no_markup_from_values(page, where)
    assert page.text["h1"] == [f.title]
    assert page.text["title"] == [f"{f.title} · {SITENAME}"]
    assert page.attr("meta", "content", property="og:title") == [f.title]
    assert page.attr("meta", "content", name="description") == [truncated(f.summary, 120)]
    (ld,) = page.json_ld
    assert ld["headline"] == f.title
    assert [a["name"] for a in ld["author"]] == list(f.authors)
    assert ld["sourceOrganization"]["name"] == f.source and ld["isBasedOn"] == f.source_url
    meta = page.text["p"][0]
    for value in (*f.authors, f.editor, f.source):
        assert value in meta, (where, value, meta)
    assert page.attr("a", "href", rel="nofollow noopener") == [f.source_url]
    reprint = page.text["aside"][0]
    assert f.copyright in reprint and f.source_url in reprint and f.source in reprint
    assert page.text["figcaption"] == [MISSING_LABEL + f.caption, f.caption]
    assert f.caption in page.attr("img", "alt")
    links = page.text["a"]
    for name in (*f.tags, f.category):
        assert name in links, (where, name)


def check_listings_and_feed(site: Path, examples: list[Fields]) -> None:
    home = Page((site / "index.html").read_text(encoding="utf-8"))
    assert_no_markup_from_values(home, "index.html")
    for f in examples:
        assert f.title in home.text["a"]
        assert truncated(f.summary, 140) in home.text["div"]
    archives = Page((site / "archives/index.html").read_text(encoding="utf-8"))
    assert_no_markup_from_values(archives, "archives/")
    assert {f.title for f in examples} <= set(archives.text["a"])
    for rel in site.rglob("index.html"):
        assert_no_markup_from_values(Page(rel.read_text(encoding="utf-8")), str(rel))
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(site / "feeds/all.atom.xml").getroot()
    titles = [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")]
    assert sorted(titles) == sorted(f.title for f in examples)


@settings(max_examples=10, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(FIELDS, min_size=4, max_size=4))
@example([ISSUE_EXAMPLE])
def test_front_matter_values_show_as_text_never_as_markup(tmp_path_factory, examples) -> None:
    # outlets, authors, tags and categories get pages named by slugs, and Pelican takes two
    # names of one slug for one name: a tail per article keeps every slug apart
    examples = [replace(f, source=f"{f.source}丁{i}", category=f"{f.category}{i}",
                        authors=tuple(f"{a}号{i}" for a in f.authors),
                        tags=tuple(f"{t}号{i}" for t in f.tags))
                for i, f in enumerate(examples)]
    articles = {f"s{i}": article_markdown(i, f) for i, f in enumerate(examples)}
    site = build_theme_site(tmp_path_factory.mktemp("escaping"), articles=articles)
    for i, f in enumerate(examples):
        check_article_page(site, i, f)
    check_listings_and_feed(site, examples)


def test_both_scripts_show_the_issue_title_as_text(tmp_path: Path) -> None:
    """``park-digest build``: the Simplified site and its Traditional conversion alike."""
    project = make_project(tmp_path, {"s0.md": article_markdown(0, ISSUE_EXAMPLE)})
    build_site(project, "--output", str(project / "output"))
    for prefix, title in (("", ISSUE_TITLE),
                          ("zh-hant/", "園區產值增速<5%的企業名單<img src=x onerror=alert(1)>公佈")):
        site = project / "output" / prefix
        page = Page((site / "2021/07/s0/index.html").read_text(encoding="utf-8"))
        assert_no_markup_from_values(page, prefix + "2021/07/s0/")
        assert page.text["h1"] == [title]
        assert page.json_ld[0]["headline"] == title
        home = Page((site / "index.html").read_text(encoding="utf-8"))
        assert_no_markup_from_values(home, prefix + "index.html")
        assert title in home.text["a"]
        atom = "{http://www.w3.org/2005/Atom}"
        feed = ET.parse(site / "feeds/all.atom.xml").getroot()
        assert [e.findtext(f"{atom}title") for e in feed.iter(f"{atom}entry")] == [title]
