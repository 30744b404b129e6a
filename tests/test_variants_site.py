"""The issue's bars on built sites: every page in every script, no Simplified character left on a
Traditional page, every switch and hreflang target present, corrections taking effect.

A small hand-written site is built with three sites (root, zh-hant, zh-tw) through the real
``build_all`` (variants in worker processes); the same walk then runs on the imported seed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from park_digest.build.pipeline import build_all
from park_digest.site.scripts import find_variant, variant_table
from park_digest.variants.convert import opencc_converter, parse_corrections
from park_digest.variants.one_to_many import ONE_TO_MANY

ROOT = Path(__file__).resolve().parents[1]
SITEURL = "https://news.example.org"
VARIANTS = {"zh-hant": "s2hk", "zh-tw": "s2twp"}
TABLE = variant_table(VARIANTS)

ARTICLES = {
    # 冲压 is corrected by the project dictionary; 余主任 is left to OpenCC (餘) here...
    "stamping": """---
title: 园区冲压车间投产
date: 2021-07-06T22:13:53+08:00
slug: stamping
source: 红网
authors: [孙妍]
summary: 冲压车间投产，余主任到场。
category: 园区动态
tags: [埃普特, 湖南大学]
---

新建的冲压车间今天投产，余主任到场。头发、发展、后面、里面都要转换对。

![园区面貌。]({static}/images/stamping/1.jpg)

## 多层次出实招

面向企业的服务不断优化。
""",
    # ...and kept as 余 by this article's own front-matter override.
    "override": """---
title: 余主任走访企业
date: 2021-08-01T09:00:00+08:00
slug: override
source: 湘潭日报
authors: [李明]
summary: 余主任走访园区企业。
tags: [埃普特]
opencc: {余主任: 余主任}
---

余主任走访园区企业，了解用工需求。
""",
    # Came in Traditional: its Traditional pages show the original, not a round trip.
    "original": """---
title: 园区里面的新厂房
date: 2022-01-10T10:30:00+08:00
slug: original
source: 香港商报
summary: 园区里面的新厂房落成。
original_script: zh-hant
tags: [其他]
---

园区里面的新厂房落成。
""",
}
ORIGINAL = """---
title: 園區裡面的新廠房
date: 2022-01-10T10:30:00+08:00
slug: original
source: 香港商報
summary: 園區裡面的新廠房落成。
tags: [其他]
---

園區裡面的新廠房落成，原文用字。
"""
DICTIONARY = "# test dictionary\n冲压 衝壓\n"


def build_variants_site(base: Path, content: Path | None = None, **override: object) -> Path:
    """Build the site at ``content`` (default: the hand-written one) in every variant."""
    if content is None:
        content = base / "content"
        (content / "articles").mkdir(parents=True)
        for slug, text in ARTICLES.items():
            (content / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
        (content / "originals").mkdir()
        (content / "originals" / "original.md").write_text(ORIGINAL, encoding="utf-8")
        (content / "pages").mkdir()
        for page in (ROOT / "content/pages").glob("*.md"):
            (content / "pages" / page.name).write_text(page.read_text(encoding="utf-8"), "utf-8")
        (content / "opencc-corrections.txt").write_text(DICTIONARY, encoding="utf-8")
    output = base / "output"
    build_all(
        ROOT / "pelicanconf.py",
        {
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(base / "cache"),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "SITEURL": SITEURL,
            "PARK_DIGEST_IMPORT_ON_BUILD": False,
            "PARK_DIGEST_VARIANTS": VARIANTS,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            **override,
        },
    )
    return output


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_variants_site(tmp_path_factory.mktemp("variants-site"))


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    articles = ROOT / "content" / "articles"
    if not any(articles.glob("*.md")):
        pytest.skip("no imported article in content/articles (run park-digest import first)")
    return build_variants_site(tmp_path_factory.mktemp("variants-seed"), ROOT / "content")


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def site_files(output: Path, prefix: str, suffixes: tuple[str, ...]) -> set[str]:
    """Relative paths of one site's files (the root site excludes the variant folders)."""
    base = output / prefix if prefix else output
    skip = {v.prefix for v in TABLE if v.prefix}
    found = set()
    for file in base.rglob("*"):
        rel = file.relative_to(base)
        if file.suffix in suffixes and not (not prefix and rel.parts[0] in skip):
            found.add(rel.as_posix())
    return found


class Visible(HTMLParser):
    """Text a reader sees: text nodes, alt/title, description and Open Graph texts.

    Skips scripts and styles, and elements marked as Simplified on purpose (``lang="zh-Hans"``,
    e.g. the switch's link to the Simplified site).
    """

    META = frozenset({"description", "og:title", "og:description", "og:site_name"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._stack: list[tuple[str, bool]] = []

    def _skipping(self) -> bool:
        return any(skip for _, skip in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        lang = (a.get("lang") or "").lower()
        skip = tag in ("script", "style") or lang.startswith(("zh-hans", "zh-cn"))
        if tag not in ("meta", "link", "img", "br", "hr", "input", "source", "wbr"):
            self._stack.append((tag, skip))
        if self._skipping() or skip:
            return
        for key in ("alt", "title"):
            if a.get(key):
                self.texts.append(a[key] or "")
        if tag == "meta" and (a.get("name") or a.get("property")) in self.META:
            self.texts.append(a.get("content") or "")

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self.texts.append(data)


def visible_html(html: str) -> str:
    parser = Visible()
    parser.feed(html)
    return "\n".join(parser.texts)


def visible_feed(xml: str) -> str:
    texts = []
    for element in ET.fromstring(xml).iter():
        if element.text and element.text.strip():
            text = element.text
            texts.append(visible_html(text) if element.tag.endswith("content") else text)
        if element.get("term"):
            texts.append(element.get("term") or "")
    return "\n".join(texts)


def simplified_left(text: str, config: str, corrected: str = "") -> list[str]:
    """Characters of ``text`` that OpenCC ``s2t`` would change, with context.

    A character the variant's own standard writes that way is not Simplified: s2hk writes 台
    where s2t writes 臺, s2twp writes 峰 where s2t writes 峯. Such a change is accepted when
    the variant's converter turns s2t's character back into the page's. So is a character an
    editor's correction writes (``corrected``) that is one of its own Traditional forms (余 of
    a surname, where s2t writes 餘).
    """
    s2t, own = opencc_converter("s2t"), opencc_converter(config)
    converted = s2t.convert(text)
    if converted == text:
        return []
    if len(converted) != len(text):
        return [] if own.convert(converted) == text else [text[:60]]
    left = []
    for i, (char, t_char) in enumerate(zip(text, converted, strict=True)):
        kept = char in corrected and char in ONE_TO_MANY.get(char, "")
        if char != t_char and own.convert(t_char) != char and not kept:
            left.append(f"{char}->{t_char} in {text[max(0, i - 6) : i + 7]!r}")
    return left


def variant_pages(output: Path) -> Iterator[tuple[str, str, Path]]:
    for variant in TABLE[1:]:
        for rel in sorted(site_files(output, variant.prefix, (".html", ".xml"))):
            yield variant.config or "", rel, output / variant.prefix / rel


def corrected_chars(content: Path) -> str:
    """Every character the corrections of ``content`` write: dictionary and front matter."""
    chars = set()
    dictionary = content / "opencc-corrections.txt"
    if dictionary.is_file():
        items = parse_corrections(dictionary.read_text("utf-8"))
        chars |= {c for item in items for c in item.conversion}
    for article in (content / "articles").glob("*.md"):
        match = re.search(r"^opencc: *(\{.*\})$", article.read_text("utf-8"), re.M)
        if match:
            chars |= {c for value in yaml.safe_load(match.group(1)).values() for c in value}
    return "".join(sorted(chars))


def assert_no_simplified_left(output: Path, content: Path) -> int:
    problems, count = [], 0
    corrected = corrected_chars(content)
    for config, rel, path in variant_pages(output):
        if rel == "sitemap.xml":
            continue
        text = path.read_text(encoding="utf-8")
        visible = visible_feed(text) if rel.endswith(".xml") else visible_html(text)
        left = simplified_left(visible, config, corrected)
        problems += [f"{path.relative_to(output)}: {p}" for p in left]
        count += 1
    assert not problems, "\n".join(problems[:20])
    return count


# --- every page, every script -------------------------------------------------------------


def test_every_root_page_exists_in_every_variant_and_back(site: Path) -> None:
    root = site_files(site, "", (".html", ".xml")) - {"sitemap.xml"}
    assert {"index.html", "404.html", "archives/index.html", "feeds/all.atom.xml"} <= root
    assert "2021/07/stamping/index.html" in root
    for variant in TABLE[1:]:
        assert site_files(site, variant.prefix, (".html", ".xml")) == root, variant.code


def test_html_lang_and_feed_per_variant(site: Path) -> None:
    for variant in TABLE:
        base = f"{variant.prefix}/" if variant.prefix else ""
        page = read(site, f"{base}2021/07/stamping/index.html")
        assert f'<html lang="{variant.html_lang}"' in page
        feed = ET.fromstring(read(site, f"{base}feeds/all.atom.xml"))
        links = [e.get("href") for e in feed.iter("{http://www.w3.org/2005/Atom}link")]
        prefix = f"{SITEURL}/{base}"
        assert links and all(str(link).startswith(prefix) for link in links), links
        if variant.prefix:
            assert not any(
                str(link).startswith(f"{SITEURL}/{v.prefix}/")
                for v in TABLE if v.prefix and v is not variant for link in links
            )


def test_reader_sees_traditional_text_urls_stay(site: Path) -> None:
    page = read(site, "zh-hant/2021/07/stamping/index.html")
    assert "<title>園區衝壓車間投產" in page
    assert "頭髮、發展、後面、裏面" in page
    assert 'alt="園區面貌。"' in page
    assert "面向企業的服務不斷優化" in page
    assert f'href="{SITEURL}/zh-hant/2021/07/stamping/"' in page
    root = read(site, "2021/07/stamping/index.html")
    assert "头发、发展、后面、里面" in root


# --- bar: no Simplified character left -------------------------------------------------------


def test_no_simplified_character_left_on_any_variant_page(site: Path) -> None:
    assert assert_no_simplified_left(site, site.parent / "content") > 20


def test_the_check_catches_a_simplified_character() -> None:
    assert simplified_left("園區发展", "s2hk") == ["发->發 in '園區发展'"]
    assert simplified_left("台灣", "s2hk") == []  # HK's own 台
    assert simplified_left("山峰", "s2twp") == []  # Taiwan's own 峰
    assert simplified_left("余主任", "s2hk")  # 余 left by mistake is caught...
    assert simplified_left("余主任", "s2hk", corrected="余") == []  # ...written by an editor, not
    assert simplified_left(visible_html('<a lang="zh-Hans">简体</a><p>繁體</p>'), "s2hk") == []
    assert simplified_left(visible_html("<p>简体</p>"), "s2hk")


def test_no_simplified_character_left_on_the_seed_site(seed_site: Path) -> None:
    assert assert_no_simplified_left(seed_site, ROOT / "content") > 10


# --- bar: every switch and hreflang target exists, both directions ---------------------------


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.alternates: dict[str, str] = {}
        self.switch: list[str] = []
        self._in_switch = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"] or ""] = a.get("href") or ""
        if tag == "nav" and "switch" in (a.get("class") or ""):
            self._in_switch += 1
        if tag == "a" and self._in_switch and a.get("href"):
            self.switch.append(a["href"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._in_switch:
            self._in_switch -= 1


def target_file(output: Path, url: str) -> Path:
    assert url.startswith(SITEURL + "/"), url
    rel = url[len(SITEURL) + 1 :].split("#")[0]
    return output / rel / "index.html" if rel == "" or rel.endswith("/") else output / rel


def check_links(output: Path) -> int:
    checked, problems = 0, []
    for variant in TABLE:
        for rel in sorted(site_files(output, variant.prefix, (".html",))):
            if rel == "404.html":
                continue  # served at any URL: its alternates point at the 404 of each site
            page = (output / variant.prefix / rel) if variant.prefix else output / rel
            links = Links()
            links.feed(page.read_text(encoding="utf-8"))
            expected = {v.html_lang for v in TABLE} | {"x-default"}
            if set(links.alternates) != expected:
                problems.append(f"{variant.code}/{rel}: hreflang {sorted(links.alternates)}")
            if len(links.switch) != len(TABLE) - 1:
                problems.append(f"{variant.code}/{rel}: {len(links.switch)} switch links")
            for url in [*links.alternates.values(), *links.switch]:
                checked += 1
                if not target_file(output, url).is_file():
                    problems.append(f"{variant.code}/{rel}: {url} has no page")
            own = links.alternates.get(variant.html_lang, "")
            if own and target_file(output, own).resolve() != page.resolve():
                problems.append(f"{variant.code}/{rel}: own alternate {own} is another page")
    assert not problems, "\n".join(problems[:20])
    return checked


def test_every_switch_and_hreflang_target_exists_both_directions(site: Path) -> None:
    assert check_links(site) > 50


def test_every_switch_and_hreflang_target_exists_on_the_seed_site(seed_site: Path) -> None:
    assert check_links(seed_site) > 20


def test_sitemap_lists_every_page_with_its_alternates(site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(read(site, "sitemap.xml"))
    urls = root.findall("s:url", ns)
    pages = site_files(site, "", (".html",)) - {"404.html", "search/index.html"}  # noindex
    assert len(urls) == len(pages) * len(TABLE)
    for url in urls:
        loc = url.findtext("s:loc", namespaces=ns) or ""
        assert target_file(site, loc).is_file(), loc
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert set(alternates) == {"zh-Hans", "zh-Hant", "zh-TW", "x-default"}
        assert loc in alternates.values()
        for href in alternates.values():
            assert target_file(site, str(href)).is_file(), href


# --- bar: corrections take effect ------------------------------------------------------------


def test_dictionary_entry_changes_the_built_page(site: Path) -> None:
    assert opencc_converter("s2hk").convert("冲压") == "沖壓"  # what OpenCC alone writes
    for prefix in ("zh-hant", "zh-tw"):
        page = read(site, f"{prefix}/2021/07/stamping/index.html")
        assert "衝壓車間" in page and "沖壓" not in page
        assert "衝壓" in read(site, f"{prefix}/index.html")  # every page, not just the article
        assert "衝壓" in read(site, f"{prefix}/feeds/all.atom.xml")


def test_front_matter_override_changes_only_that_articles_pages(site: Path) -> None:
    own = read(site, "zh-hant/2021/08/override/index.html")
    assert "<title>余主任走訪企業" in own and "餘主任" not in own
    other = read(site, "zh-hant/2021/07/stamping/index.html")
    assert "餘主任到場" in other


def test_article_that_came_in_traditional_keeps_its_original(site: Path) -> None:
    page = read(site, "zh-hant/2022/01/original/index.html")
    assert "園區裡面的新廠房落成，原文用字。" in page  # the original, 裡 kept
    assert "<title>園區裡面的新廠房" in page
    assert "園區裏面" not in page  # not the s2hk round trip
    assert "园区里面的新厂房落成。" in read(site, "2022/01/original/index.html")


def test_page_changes_with_the_dictionary_on_the_next_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "a.md").write_text(ARTICLES["stamping"], encoding="utf-8")
    out = build_variants_site(tmp_path / "one", content)
    assert "沖壓車間" in read(out, "zh-hant/2021/07/stamping/index.html")
    (content / "opencc-corrections.txt").write_text("冲压 衝壓 zh-tw\n", encoding="utf-8")
    out = build_variants_site(tmp_path / "two", content)
    assert "沖壓車間" in read(out, "zh-hant/2021/07/stamping/index.html")
    assert "衝壓車間" in read(out, "zh-tw/2021/07/stamping/index.html")


def test_bad_front_matter_override_is_an_error_in_strict_builds_only(tmp_path: Path) -> None:
    from park_digest.site.strict import StrictBuildError

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "a.md").write_text(
        ARTICLES["override"].replace("opencc: {余主任: 余主任}", "opencc: [余主任]"), "utf-8"
    )
    out = build_variants_site(tmp_path / "lenient", content)
    assert "餘主任走訪企業" in read(out, "zh-hant/2021/08/override/index.html")
    # the root run reads the override for the variants it derives, and fails on it
    with pytest.raises(StrictBuildError, match=r"a\.md: front-matter key 'opencc'"):
        build_variants_site(tmp_path / "strict", content, PARK_DIGEST_STRICT=True)


def test_variant_labels_and_codes_match_the_contract() -> None:
    hant = find_variant(TABLE, "zh-hant").as_context()
    assert set(hant) == {"code", "prefix", "html_lang", "og_locale", "label"}
    assert re.fullmatch(r"zh-[a-z]+", hant["code"])


def test_traditional_seed_keeps_its_original_on_the_traditional_site(tmp_path: Path) -> None:
    """End to end through the importer: a seed written in Taiwan's forms (一臺變壓器) is not
    round-tripped through Simplified into Hong Kong's (一台變壓器) on /zh-hant/."""
    seed = next((ROOT / "seeds").glob("*.txt"))
    (tmp_path / "seeds").mkdir()
    traditional = opencc_converter("s2tw").convert(seed.read_text(encoding="utf-8"))
    assert "一臺變壓器" in traditional
    (tmp_path / "seeds" / seed.name).write_text(traditional, encoding="utf-8")
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    out = build_variants_site(tmp_path, content, PARK_DIGEST_IMPORT_ON_BUILD=True)
    (original,) = (content / "originals").glob("*.md")
    slug = original.stem
    (page,) = (out / "zh-hant").glob(f"*/*/{slug}/index.html")
    text = page.read_text(encoding="utf-8")
    assert "一臺變壓器" in text and "一台變壓器" not in text
    root_page = out / page.relative_to(out / "zh-hant")
    assert "一台变压器" in root_page.read_text(encoding="utf-8")
    # the zh-tw site shows the same original
    assert "一臺變壓器" in (out / "zh-tw" / page.relative_to(out / "zh-hant")).read_text("utf-8")


def test_a_plain_pelican_variant_run_converts_each_file_as_it_writes(tmp_path: Path) -> None:
    """Without build_all (which converts at the end on every core), a variant run still
    converts what it writes: e.g. a Pelican run started by hand or by another tool."""
    from park_digest.build.pipeline import build_site, plan_runs

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "a.md").write_text(ARTICLES["stamping"], encoding="utf-8")
    override = {
        "PATH": str(content), "OUTPUT_PATH": str(tmp_path / "out"),
        "CACHE_PATH": str(tmp_path / "cache"), "THEME": str(ROOT / "theme"),
        "PLUGIN_PATHS": [str(ROOT / "plugins")], "SITEURL": SITEURL,
        "PARK_DIGEST_IMPORT_ON_BUILD": False, "PARK_DIGEST_VARIANTS": {"zh-hant": "s2hk"},
    }
    _, (_, variant_override) = plan_runs(ROOT / "pelicanconf.py", override)
    build_site(ROOT / "pelicanconf.py", variant_override)
    page = read(tmp_path / "out", "zh-hant/2021/07/stamping/index.html")
    assert "頭髮、發展、後面、裏面" in page
    assert "頭髮" in read(tmp_path / "out", "zh-hant/feeds/all.atom.xml")
