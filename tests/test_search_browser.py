"""Search in a real Chromium against the built seed site: either script finds the article on
either site, no match says so, the header box works by keyboard and degrades without script."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import opencc
import pytest

from support import (
    build_site,
    chromium,
    chromium_missing,
    first_article_url,
    serve_folder,
    watch_page,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SEARCH_TIMEOUT_MS = 15_000
SETTLED = ", ".join(
    f'[data-search][data-state="{state}"]' for state in ("found", "none", "failed")
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's seeds, built with ``park-digest build`` (which writes the search index)."""
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    output = tmp_path_factory.mktemp("search-site") / "output"
    build_site(ROOT, "--force", "--output", str(output))
    return output


@pytest.fixture(scope="module")
def seed_url(site: Path) -> str:
    """Site-relative URL of the seed article."""
    return first_article_url(site)


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    with serve_folder(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as running:
        yield running


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()
    page = context.new_page()
    page.problems = watch_page(page)
    yield page
    context.close()


def search(page: object, base_url: str, prefix: str, query: str) -> dict:
    """Open the search page of the site at ``prefix`` with ``?q=query``; return what it shows."""
    page.goto(f"{base_url}{prefix}search/?q={quote(query)}")
    page.wait_for_selector(SETTLED, timeout=SEARCH_TIMEOUT_MS)
    return page.evaluate("""() => {
      const root = document.querySelector('[data-search]');
      return {
        state: root.dataset.state,
        status: root.querySelector('[data-search-status]').textContent,
        results: [...root.querySelectorAll('.search-result')].map((item) => ({
          href: item.querySelector('a').getAttribute('href'),
          title: item.querySelector('a').textContent,
          date: item.querySelector('.search-result-date')?.textContent || '',
          source: item.querySelector('.search-result-source')?.textContent || '',
          marks: [...item.querySelectorAll('.search-result-excerpt mark')]
            .map((mark) => mark.textContent),
          excerpt: item.querySelector('.search-result-excerpt')?.textContent || '',
        })),
      };
    }""")


# (site prefix, query, words the result's title must hold, highlighted text):
def search_site(browser: object, site: Path, prefix: str, *queries: str) -> list[dict]:
    """:func:`search` each query in turn on a site of its own (served for the occasion)."""
    with serve_folder(site) as url:
        page = browser.new_page()
        try:
            return [search(page, url, prefix, query) for query in queries]
        finally:
            page.close()


CROSS_SCRIPT = [
    # a Simplified query on the Traditional site finds the Traditional page
    ("zh-hant/", "经开区", "湘鄉經開區", "經開區"),
    # a Traditional query on the Simplified site finds the Simplified page
    ("", "經開區", "湘乡经开区", "经开区"),
    # each site in its own script
    ("", "港洽周", "湘乡经开区", "港洽周"),
    ("zh-hant/", "經開區", "湘鄉經開區", "經開區"),
    # 专利 / 專利 differ in script; the word is in the body only, not the title
    ("zh-hant/", "专利", "湘鄉經開區", "專利"),
    ("", "專利", "湘乡经开区", "专利"),
]


@pytest.mark.parametrize(("prefix", "query", "title", "marked"), CROSS_SCRIPT)
def test_query_in_either_script_finds_the_seed_article(
    page, base_url, seed_url, prefix, query, title, marked
):
    shown = search(page, base_url, prefix, query)

    assert shown["state"] == "found", shown["status"]
    assert [r["href"] for r in shown["results"]] == [f"/{prefix}{seed_url}"]
    result = shown["results"][0]
    assert title in result["title"]
    assert result["date"] == "2021年7月6日 22:13"  # as every page writes dates
    assert "红网" in result["source"] or "紅網" in result["source"]
    assert marked in "".join(result["marks"]), result["marks"]
    assert not page.problems.any(), page.problems


@pytest.mark.parametrize(("prefix", "query", "byline"),
                         [("", "湘乡经开区", "来源"), ("zh-hant/", "湘鄉經開區", "來源")])
def test_the_excerpt_quotes_the_text_not_the_heading(page, base_url, prefix, query, byline):
    # the query is in the title too; the result shows the title already
    (result,) = search(page, base_url, prefix, query)["results"]

    assert query in result["marks"]
    assert byline not in result["excerpt"]
    assert not result["excerpt"].lstrip("…").startswith(result["title"])


@pytest.mark.parametrize(("prefix", "message"), [("", "没有找到"), ("zh-hant/", "沒有找到")])
@pytest.mark.parametrize("query", ["火星基地", "量子计算机"])
def test_a_query_without_match_says_so(page, base_url, prefix, message, query):
    shown = search(page, base_url, prefix, query)

    assert shown["state"] == "none"
    assert shown["results"] == []
    assert message in shown["status"] and query in shown["status"]


def test_footer_and_navigation_are_not_searched(page, base_url):
    # The footer's notice and the menu's words are on every page, the article's text is not.
    for query in ("版权归原作者所有", "跳到正文"):
        assert search(page, base_url, "", query)["state"] == "none", query


def test_header_box_searches_by_keyboard_and_opens_the_result(page, base_url, seed_url):
    page.goto(f"{base_url}zh-hant/{seed_url}")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-box-q"
    page.keyboard.type("埃普特")
    page.keyboard.press("Enter")
    page.wait_for_selector(SETTLED, timeout=SEARCH_TIMEOUT_MS)
    assert page.url.startswith(f"{base_url}zh-hant/search/?q=")

    page.focus("#search-q")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == f"/zh-hant/{seed_url}"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "search-q"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{base_url}zh-hant/{seed_url}")
    assert not page.problems.any(), page.problems


def test_typing_searches_without_submitting(page, base_url, seed_url):
    page.goto(f"{base_url}search/")
    page.wait_for_selector("[data-search][data-ready]")
    page.fill("#search-q", "港洽周")
    page.wait_for_selector(SETTLED, timeout=SEARCH_TIMEOUT_MS)
    hrefs = page.eval_on_selector_all(
        ".search-result-title a", "links => links.map((a) => a.getAttribute('href'))")
    assert hrefs == [f"/{seed_url}"]
    assert "q=" in page.url  # the query is kept in the address, so the page can be shared


@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
def test_without_javascript_the_header_box_is_a_link_to_the_archives(browser, base_url, prefix):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}{prefix}")
        link = page.locator("[data-search-fallback]")
        assert link.is_visible()
        assert link.get_attribute("href").endswith(f"/{prefix}archives/")
        assert not page.locator("[data-search-box] form").is_visible()
    finally:
        context.close()


def test_one_index_of_the_simplified_articles_serves_both_scripts(site: Path):
    articles = len(list(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html")))
    listing = json.loads((site / "pagefind/shards.json").read_text())
    counted = 0
    for shard in listing["bundles"]:
        entry = json.loads((site / "pagefind" / shard["path"] / "pagefind-entry.json").read_text())
        assert list(entry["languages"]) == [listing["lang"]]  # one, whatever the script
        counted += entry["languages"][listing["lang"]]["page_count"]
    assert counted == articles
    assert listing["variants"] == {"zh-hant": {"prefix": "zh-hant/", "config": "s2hk"}}
    # the Traditional site holds only a list pointing at the root's bundles (and the common
    # pairs the list names)
    hant = site / "zh-hant/pagefind"
    assert sorted(p.name for p in hant.iterdir()) == ["common.json", "shards.json"]
    pointed = json.loads((hant / "shards.json").read_text())
    assert [(hant / b["path"]).resolve() for b in pointed["bundles"]] == [
        (site / "pagefind" / b["path"]).resolve() for b in listing["bundles"]]
    assert pointed["variant"]["code"] == "zh-hant"


# Words of the synthetic archive that Pagefind's own Chinese segmentation misses on many pages
# (most of all in Traditional text), and queries of two words (a page must hold both); each is
# searched in both scripts on both sites.
# 东山制药 mixes characters most pages hold (东, 制) with rare ones: the search page asks for a
# rare one alone and checks the whole word on the pages found.
RECALL_WORDS = ["项目签约", "招商引资", "五好园区", "专题培训", "湖南大学", "优化营商环境", "东山制药",
                "优化营商环境 埃普特", "优化营商环境 产学研合作"]
SYNTHETIC_ARTICLES = 40
# Small shards, so the search page merges several bundles of each script's index.
SYNTHETIC_SHARD_PAGES = 12


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic archive of the benchmark's kind, built with ``park-digest build``."""
    from bench import site as bench_site

    project = bench_site.make_site(tmp_path_factory.mktemp("synthetic"), SYNTHETIC_ARTICLES)
    with (project.root / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write(f"\nPARK_DIGEST_SEARCH_SHARD_PAGES = {SYNTHETIC_SHARD_PAGES}\n")
    build_site(project.root, "--force")
    shards = json.loads((project.output / "pagefind/shards.json").read_text())["bundles"]
    assert len(shards) >= SYNTHETIC_ARTICLES // SYNTHETIC_SHARD_PAGES
    return project.output


def pages_holding(site: Path, prefix: str, text: str) -> set[str]:
    """URLs of the article pages of ``site`` whose indexed part holds ``text``."""
    found = set()
    for path in (site / prefix).glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"):
        html = path.read_text(encoding="utf-8")
        start = html.index("data-pagefind-body")
        body = html[start:html.index("</article>", start)]
        if text in re.sub(r"<[^>]+>", "", body):
            found.add("/" + path.parent.relative_to(site).as_posix() + "/")
    return found


def all_results(page: object, base_url: str, prefix: str, query: str) -> set[str]:
    search(page, base_url, prefix, query)
    while page.locator("[data-search-more]").is_visible():
        shown = page.locator(".search-result").count()
        page.click("[data-search-more]")
        page.wait_for_function(
            f"document.querySelectorAll('.search-result').length > {shown}",
            timeout=SEARCH_TIMEOUT_MS)
    return set(page.eval_on_selector_all(
        ".search-result-title a", "links => links.map((a) => a.getAttribute('href'))"))


@pytest.mark.parametrize("word", RECALL_WORDS)
def test_every_page_holding_the_query_is_found_and_no_other(
    browser, synthetic_site, word
):
    converter = opencc.OpenCC("s2hk")
    forms = {"": word, "zh-hant/": converter.convert(word)}
    context = browser.new_context()
    try:
        page = context.new_page()
        with serve_folder(synthetic_site) as base_url:
            for prefix, own_form in forms.items():
                expected = set.intersection(*(
                    pages_holding(synthetic_site, prefix, term) for term in own_form.split()))
                assert expected, f"{own_form} is in no page of the {prefix or 'root'} site"
                for query in forms.values():  # as typed in either script
                    found = all_results(page, base_url, prefix, query)
                    assert found == expected, (
                        f"{prefix or '/'} {query}: missed {sorted(expected - found)}, "
                        f"wrongly found {sorted(found - expected)}")
    finally:
        context.close()


AXE = ROOT / "tests/browser/node_modules/axe-core/axe.min.js"
SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
def test_search_page_fits_a_phone_and_passes_axe(browser, base_url, prefix, scheme):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed; run: bash .ci/install-system-deps")
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    try:
        page = context.new_page()
        problems = watch_page(page)
        page.goto(f"{base_url}{prefix}search/?q={quote('经开区')}")
        page.wait_for_selector('[data-search][data-state="found"]', timeout=SEARCH_TIMEOUT_MS)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"horizontal overflow of {overflow}px"
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                   for v in result["violations"] if v["impact"] in SERIOUS]
        assert serious == []
        assert not problems.any(), problems
    finally:
        context.close()


# (site prefix, query, expected): the index holds the Simplified site, so on either site a
# query is asked in Simplified.
CONVERSIONS = [
    # Hong Kong and Taiwan forms alike
    ("zh-hant/", "經開區 頭髮 裏面 裡面", "经开区 头发 里面 里面"),
    ("", "經開區 頭髮 裏面 裡面", "经开区 头发 里面 里面"),
    # Simplified stays as typed; Latin letters and digits pass through
    ("zh-hant/", "经开区 ABC 2021年", "经开区 ABC 2021年"),
]


def convert_on_page(page, base_url, prefix, function, *args):
    page.goto(f"{base_url}{prefix}search/")
    page.wait_for_selector("[data-search][data-ready]")
    return page.evaluate(
        """async ([name, args]) => {
          const root = document.querySelector('[data-search]');
          const base = new URL(root.dataset.openccUrl, document.baseURI).href;
          const module = await import(new URL('../../search-convert.js', base).href);
          if (name === 'convertQuery') return module.convertQuery(args[0], 'cn', base);
          return (await module.textConverter(args[1], base))(args[0]);
        }""",
        [function, list(args)],
    )


@pytest.mark.parametrize(("prefix", "query", "expected"), CONVERSIONS)
def test_query_is_asked_in_simplified_on_either_site(page, base_url, prefix, query, expected):
    assert convert_on_page(page, base_url, prefix, "convertQuery", query) == expected


def test_a_hit_shows_the_variant_pages_title_and_links_to_it(page, base_url, site, seed_url):
    result = search(page, base_url, "zh-hant/", "经开区")
    (hit,) = result["results"]
    assert hit["href"] == f"/zh-hant/{seed_url.lstrip('/')}"
    variant_page = (site / "zh-hant" / seed_url.strip("/") / "index.html").read_text()
    assert f"<h1>{hit['title']}</h1>" in variant_page or hit["title"] in variant_page
    assert opencc.OpenCC("t2s").convert(hit["title"]) != hit["title"]  # Traditional forms


def test_the_phrase_list_is_never_fetched_by_a_search(browser, base_url):
    context = browser.new_context()
    try:
        page = context.new_page()
        fetched = []
        page.on("request", lambda request: fetched.append(request.url))
        for prefix in ("", "zh-hant/"):
            for query in ("头发 发展", "經開區", "后来"):
                search(page, base_url, prefix, query)
        # STPhrases.js, the 1 MB list that turns Simplified phrases Traditional, is not shipped
        assert not [url for url in fetched if "/STPhrases" in url]
        assert any("TSCharacters" in url for url in fetched)  # the query was converted
    finally:
        context.close()


def test_excerpts_are_converted_by_character_without_the_phrase_list(page, base_url):
    converted = convert_on_page(page, base_url, "zh-hant/", "textConverter", "经开区发展", "s2hk")
    assert converted == "經開區發展"


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic archive built, then one article's text edited and built again: the
    edit goes to the index's overlay shard."""
    from bench import site as bench_site

    project = bench_site.make_site(tmp_path_factory.mktemp("edited"), 6)
    seed = project.seed_files()[2]
    lines = seed.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += "园区新增蓝鲸仓储项目。"
    seed.write_text("\n".join(lines), encoding="utf-8")
    build_site(project.root)
    seed.write_text(seed.read_text(encoding="utf-8").replace("蓝鲸", "白鹭"), encoding="utf-8")
    build_site(project.root)
    listing = json.loads((project.output / "pagefind/shards.json").read_text())
    assert [b["path"] for b in listing["bundles"]][-1] == "overlay/"
    assert len(listing["current"]) == 1
    return project.output


@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
def test_an_edited_article_is_found_by_its_new_text_once_and_not_by_its_old(
    browser, edited_site, prefix
):
    old, new = search_site(browser, edited_site, prefix, "蓝鲸仓储", "白鹭仓储")
    assert old["state"] == "none"
    assert new["state"] == "found" and len(new["results"]) == 1
    (edited,) = json.loads((edited_site / "pagefind/shards.json").read_text())["current"]
    assert new["results"][0]["href"] == f"/{prefix}{edited}"


def fetched_by_search(browser, base_url: str, prefix: str, query: str) -> tuple[list[str], dict]:
    """The URLs a search page opened with ``?q=query`` in a fresh browser fetched, and what it
    showed."""
    context = browser.new_context()
    try:
        page = context.new_page()
        problems = watch_page(page)
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        shown = search(page, base_url, prefix, query)
        assert not problems.any(), problems
    finally:
        context.close()
    return fetched, shown


# The Traditional-to-Simplified tables, which only a query that changes needs.
TO_SIMPLIFIED_TABLES = {"TSCharacters", "TSPhrases", "HKVariantsRev", "HKVariantsRevPhrases",
                        "TWVariantsRev", "TWVariantsRevPhrases"}


def tables_fetched(fetched: list[str]) -> set[str]:
    return {url.rsplit("/", 1)[1].split(".")[0] for url in fetched if "/opencc/dict/" in url}


@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
def test_a_simplified_query_fetches_no_conversion_table(browser, base_url, prefix):
    fetched, shown = fetched_by_search(browser, base_url, prefix, "湘乡经开区")

    assert shown["state"] == "found"
    assert not tables_fetched(fetched) & TO_SIMPLIFIED_TABLES
    if not prefix:  # the Simplified site converts nothing at all
        assert not [url for url in fetched if "/opencc/" in url]


def test_a_traditional_query_without_phrase_characters_needs_the_character_tables_alone(
    browser, base_url, seed_url
):
    # 產業鏈 changes (产业链) but none of its characters can start a phrase of the tables
    fetched, shown = fetched_by_search(browser, base_url, "", "產業鏈")

    assert [r["href"] for r in shown["results"]] == [f"/{seed_url}"]
    assert "产业链" in shown["results"][0]["marks"]
    assert tables_fetched(fetched) == {"TSCharacters", "HKVariantsRev", "TWVariantsRev"}


def test_a_query_is_converted_as_the_whole_table_chain_converts_it(page, base_url, site):
    # every phrase of the tables alone and inside a sentence, and Traditional sentences of
    # both regions: the short cuts of search-convert.js (no table for a query that cannot
    # change, no phrase list for one that cannot hold a phrase) give the chain's result
    from park_digest.search.convert_table import TO_SIMPLIFIED, read_dict

    dicts = ROOT / "theme/static/js/vendor/opencc/dict"
    phrases = [key for group in TO_SIMPLIFIED for key, _ in read_dict(dicts / f"{group[0]}.js")]
    article = pages_text(site)
    texts = [*phrases, *(f"湘乡{p}經開區" for p in phrases[::7]), article,
             opencc.OpenCC("s2hk").convert(article), opencc.OpenCC("s2tw").convert(article),
             "经开区 ABC 2021年", "產業鏈", "頭髮"]
    page.goto(f"{base_url}search/")
    page.wait_for_selector("[data-search][data-ready]")
    differ = page.evaluate(
        """async ([texts, chain]) => {
          const root = document.querySelector('[data-search]');
          const base = new URL(root.dataset.openccUrl, document.baseURI).href;
          const { convertQuery } = await import(new URL('../../search-convert.js', base).href);
          const { ConverterFactory } = await import(new URL('core.js', base).href);
          const load = async (name) => (await import(new URL(`dict/${name}.js`, base).href)).default;
          const whole = ConverterFactory(...await Promise.all(
            chain.map((group) => Promise.all(group.map(load)))));
          const out = [];
          for (const text of texts) {
            const got = await convertQuery(text, 'cn', base);
            if (got !== whole(text)) out.push([text, got, whole(text)]);
          }
          return out;
        }""",
        [texts, [list(group) for group in TO_SIMPLIFIED]],
    )
    assert differ == []


def pages_text(site: Path) -> str:
    """The text of the seed article's paragraphs."""
    html = (site / first_article_url(site) / "index.html").read_text(encoding="utf-8")
    return "".join(re.sub(r"<[^>]+>", "", p) for p in re.findall(r"<p>(.*?)</p>", html, re.S))


@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
def test_pagefind_runs_on_the_page_and_each_index_file_is_fetched_once(
    browser, base_url, prefix
):
    # the search page asks for the bundle's entry, metadata and wasm as soon as it has the
    # shard list; Pagefind takes those responses instead of fetching again
    fetched, shown = fetched_by_search(browser, base_url, prefix, "经开区")

    assert shown["state"] == "found"
    index_files = [url for url in fetched if "/pagefind/" in url]
    assert not [url for url in index_files if "pagefind-worker" in url]
    for name in ("pagefind.js", "pagefind-entry.json", ".pf_meta", "wasm.unknown.pagefind"):
        assert len([url for url in index_files if name in url]) == 1, (name, index_files)
    assert len(index_files) == len(set(index_files)), index_files


# (site prefix, query, the quotation in the excerpt): the Traditional site writes corner quotes
# (PARK_DIGEST_CORNER_QUOTES), and its excerpts quote the same way
QUOTED_EXCERPTS = [
    ("", "三项赋能", "“三项赋能”"),
    ("zh-hant/", "三項賦能", "「三項賦能」"),
]


@pytest.mark.parametrize(("prefix", "query", "quoted"), QUOTED_EXCERPTS)
def test_excerpts_quote_as_the_sites_pages_do(page, base_url, site, seed_url, prefix, query,
                                             quoted):
    page_text = (site / prefix / seed_url / "index.html").read_text(encoding="utf-8")
    assert quoted in page_text  # what the page itself writes

    (result,) = search(page, base_url, prefix, query)["results"]

    assert quoted in result["excerpt"], result["excerpt"]
    if prefix:
        assert not set("“”‘’") & set(result["excerpt"])


@pytest.mark.parametrize(("prefix", "query", "label"),
                         [("", "招商引资推介会", "图略"), ("zh-hant/", "招商引資推介會", "圖略")])
def test_an_excerpt_never_quotes_a_missing_pictures_label(page, base_url, site, seed_url,
                                                         prefix, query, label):
    page_text = (site / prefix / seed_url / "index.html").read_text(encoding="utf-8")
    assert f"〔{label}〕" in page_text  # the seed's picture is missing: a caption card

    (result,) = search(page, base_url, prefix, query)["results"]

    assert label not in result["excerpt"], result["excerpt"]


def test_a_page_of_results_fetches_the_records_it_shows_and_no_more(browser, synthetic_site):
    # the first few records are asked first (the first result shows sooner on a slow line),
    # then the rest of the page: no more than the page shows when every candidate holds the query
    context = browser.new_context()
    try:
        page = context.new_page()
        fetched: list[str] = []
        page.on("request", lambda request: fetched.append(request.url))
        with serve_folder(synthetic_site) as base_url:
            shown = search(page, base_url, "", "园区")
            assert page.locator("[data-search-more]").is_visible()  # more than a page
    finally:
        context.close()
    assert len(shown["results"]) == 10
    assert len([url for url in fetched if "/fragment/" in url]) == 10


def test_every_shards_entry_and_metadata_are_fetched_once(browser, synthetic_site):
    # several shards: each bundle's entry and metadata are asked for with the shard list, and
    # Pagefind merging the bundle takes them
    bundles = json.loads((synthetic_site / "pagefind/shards.json").read_text())["bundles"]
    with serve_folder(synthetic_site) as base_url:
        fetched, shown = fetched_by_search(browser, base_url, "zh-hant/", "招商引资")
    assert shown["state"] == "found"
    for name in ("pagefind-entry.json", ".pf_meta"):
        urls = [url for url in fetched if name in url]
        assert len(urls) == len(set(urls)) == len(bundles), (name, urls)


@pytest.fixture(scope="module")
def phrase_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic archive, one article of which holds 扭转乾坤."""
    from bench import site as bench_site

    project = bench_site.make_site(tmp_path_factory.mktemp("phrase"), 4)
    seed = project.seed_files()[1]
    lines = seed.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += "园区企业扭转乾坤，产值翻番。"
    seed.write_text("\n".join(lines), encoding="utf-8")
    build_site(project.root, "--force")
    return project.output


@pytest.mark.parametrize("prefix", ["", "zh-hant/"])
def test_a_query_the_phrase_lists_convert_otherwise_still_finds_its_page(
    browser, phrase_site, prefix
):
    # Pagefind is first asked the query as the character tables convert it (扭转干坤); the
    # phrase list keeps 乾坤, so it is asked again, and the page is found
    (shown,) = search_site(browser, phrase_site, prefix, "扭轉乾坤")
    assert shown["state"] == "found", shown["status"]
    assert len(shown["results"]) == 1
    assert shown["results"][0]["marks"] == ["扭轉乾坤" if prefix else "扭转乾坤"]
