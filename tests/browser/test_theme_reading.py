"""The bars of a finished theme, measured in a real Chromium on the seed article: Chinese
punctuation drawn by the CJK font, a one-row header, tag chips that never break inside a word,
no layout shift from the script offer, the article on at most two A4 pages, and axe clean in
both scripts, light and dark. Each test prints what it measured."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import watch_page

pytestmark = pytest.mark.browser

SCRIPTS = {"zh-hans": "", "zh-hant": "zh-hant/"}
# CJK punctuation and full-width forms the article's text uses.
CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\u2014-\u2026\uff01-\uff5e“”‘’]")
# Font families that draw CJK text (the test set-up installs WenQuanYi Zen Hei).
CJK_FAMILIES = re.compile(r"wenquanyi|wqy|noto sans cjk|noto serif cjk|source han|pingfang|"
                          r"hiragino|yahei|jhenghei|文泉", re.IGNORECASE)


def new_page(browser, width: int, height: int = 900, **options):
    context = browser.new_context(viewport={"width": width, "height": height},
                                  device_scale_factor=1, **options)
    page = context.new_page()
    return context, page


def platform_fonts(page, selector: str) -> list[tuple[str, list[dict]]]:
    """For each element matching ``selector`` whose own text holds CJK punctuation: its text and
    the fonts Chromium drew that text with (CDP ``CSS.getPlatformFontsForNode``)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    found = []
    for node_id in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})[
            "nodeIds"]:
        described = cdp.send("DOM.describeNode", {"nodeId": node_id, "depth": 1})["node"]
        own_text = "".join(child.get("nodeValue", "") for child in described.get("children", [])
                           if child.get("nodeType") == 3)
        if not CJK_PUNCTUATION.search(own_text):
            continue
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node_id})["fonts"]
        found.append((own_text, fonts))
    cdp.detach()
    return found


@pytest.mark.parametrize("code", SCRIPTS)
def test_chinese_punctuation_is_drawn_by_a_cjk_font(browser, base_url, seed_article,
                                                    code: str) -> None:
    context, page = new_page(browser, 1280)
    try:
        page.goto(base_url + SCRIPTS[code] + seed_article, wait_until="load")
        checked = platform_fonts(page, "main h1, main .prose p, main .prose h2, "
                                       "main figcaption, main .meta span")
        assert len(checked) >= 5, "the seed article has punctuated title, text and captions"
        latin = [(text[:20], f["familyName"]) for text, fonts in checked for f in fonts
                 if f["glyphCount"] and not CJK_FAMILIES.search(f["familyName"])]
        families = sorted({f["familyName"] for _text, fonts in checked for f in fonts})
        print(f"{code}: {len(checked)} punctuated nodes drawn with {families}")
        assert latin == [], f"text drawn by a non-CJK font: {latin[:5]}"
    finally:
        context.close()


def header_rows(page) -> int:
    """How many rows the header's pieces (name, each menu link, search box, switch) sit on."""
    centres = page.eval_on_selector_all(
        "header.site .brand, header.site .menu a, header.site .search-box, header.site .switch",
        "els => els.filter(e => e.offsetParent).map(e => { const r = e.getBoundingClientRect();"
        " return r.top + r.height / 2; })")
    rows: list[float] = []
    for centre in sorted(centres):
        if not rows or centre - rows[-1] > 12:
            rows.append(centre)
    return len(rows)


@pytest.mark.parametrize("code", SCRIPTS)
def test_header_is_one_row_on_a_desktop_and_two_on_a_phone(browser, base_url, seed_article,
                                                           code: str) -> None:
    measured = {}
    for width, most_rows in ((1280, 1), (390, 2), (360, 2)):
        context, page = new_page(browser, width)
        try:
            page.goto(base_url + SCRIPTS[code] + seed_article, wait_until="load")
            height = page.eval_on_selector("header.site", "e => e.getBoundingClientRect().height")
            rows = header_rows(page)
            measured[width] = (round(height), rows)
            assert rows <= most_rows, f"{rows} header rows at {width} px"
            if width == 1280:
                assert height <= 80, f"header {height:.0f} px tall at 1280 px"
            rule = page.eval_on_selector("header.site", "e => e.getBoundingClientRect().width")
            column = page.eval_on_selector("main", "e => { const s = getComputedStyle(e);"
                                           " return e.clientWidth - parseFloat(s.paddingLeft)"
                                           " - parseFloat(s.paddingRight); }")
            assert rule <= column + 1, "the header's rule stays within the text column"
        finally:
            context.close()
    print(f"{code}: header (height px, rows) by width: {measured}")


@pytest.mark.parametrize("code", SCRIPTS)
def test_tags_are_at_most_eight_chips_never_broken_inside_a_word(browser, base_url, seed_article,
                                                                 code: str) -> None:
    context, page = new_page(browser, 390)
    try:
        page.goto(base_url + SCRIPTS[code] + seed_article, wait_until="load")
        chips = page.eval_on_selector_all(
            ".terms a.chip", "els => els.map(e => ({text: e.textContent,"
            " lines: e.getClientRects().length, w: e.getBoundingClientRect().width,"
            " h: e.getBoundingClientRect().height, cut: e.scrollWidth > e.clientWidth,"
            " tag: e.getAttribute('href').includes('/tag/')}))")
        tags = [c for c in chips if c["tag"]]
        assert 1 <= len(tags) <= 8, f"{len(tags)} tag chips"
        for chip in chips:
            assert chip["lines"] == 1 and not chip["cut"], f"chip broken or cut: {chip}"
            assert chip["h"] >= 24 and chip["w"] >= 24, f"tap target too small: {chip}"
        line_height = page.eval_on_selector(".terms a.chip", "e => parseFloat("
                                            "getComputedStyle(e).lineHeight) * 1.01")
        assert all(c["h"] < 2 * line_height + 16 for c in chips)  # one line of text each
        print(f"{code}: {len(tags)} tag chips at 390 px, smallest "
              f"{min(c['h'] for c in chips):.0f} px tall: {[c['text'] for c in tags]}")
    finally:
        context.close()


CLS_SCRIPT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_script_offer_shifts_nothing(browser, base_url, seed_article, width: int) -> None:
    context, page = new_page(browser, width, locale="zh-TW")
    problems = watch_page(page)
    try:
        page.goto(base_url + seed_article, wait_until="load")
        cls = page.evaluate(CLS_SCRIPT)
        assert page.locator(".offer").is_visible(), "a zh-TW reader is offered Traditional"
        box = page.eval_on_selector(".offer button", "e => e.getBoundingClientRect().height")
        print(f"CLS with the offer at {width} px: {cls:.4f}")
        assert cls < 0.01
        assert box >= 24
        assert problems.page_errors == []
    finally:
        context.close()


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


@pytest.mark.parametrize("code", SCRIPTS)
def test_seed_article_prints_on_two_a4_pages(browser, base_url, seed_article, artifacts: Path,
                                            code: str) -> None:
    context, page = new_page(browser, 1280)
    try:
        page.goto(base_url + SCRIPTS[code] + seed_article, wait_until="load")
        page.emulate_media(media="print")
        # the seed's pictures are not in the project: caption cards, a line each (the third of
        # the text width a real picture takes in print: test_html_seed_browser.py)
        heights = page.eval_on_selector_all(
            "main figure", "els => els.map(e => e.getBoundingClientRect().height)")
        assert heights and max(heights) < 80, heights
        margins = page.evaluate("() => [...document.styleSheets].flatMap(s => [...s.cssRules])"
                                ".filter(r => r.type === CSSRule.PAGE_RULE).map(r => r.style.margin)")
        assert margins and all(margins), "an @page rule sets the margins"
        data = page.pdf(format="A4", print_background=False, prefer_css_page_size=True)
        (artifacts / f"article-{code}-print.pdf").write_bytes(data)
        pages = pdf_pages(data)
        print(f"{code}: the seed article prints on {pages} A4 page(s)")
        assert pages <= 2
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("code", SCRIPTS)
def test_axe_finds_no_violation_at_all(browser, base_url, seed_article, axe_script: Path,
                                       code: str, scheme: str) -> None:
    for width in (390, 1280):
        context, page = new_page(browser, width, color_scheme=scheme, locale="zh-TW")
        try:
            page.goto(base_url + SCRIPTS[code] + seed_article, wait_until="load")
            page.add_script_tag(path=str(axe_script))
            result = page.evaluate(
                "async () => await axe.run(document, {resultTypes: ['violations']})")
            found = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
                     for v in result["violations"]]
            assert found == [], f"{width} px: {found}"
        finally:
            context.close()


@pytest.mark.parametrize("code", SCRIPTS)
def test_atom_feed_lists_every_author(browser, base_url, code: str) -> None:
    context, page = new_page(browser, 1280)
    try:
        page.goto(base_url + SCRIPTS[code], wait_until="load")
        feed = page.get_attribute('link[type="application/atom+xml"]', "href")
        entries = page.evaluate("""async url => {
          const xml = new DOMParser().parseFromString(await (await fetch(url)).text(),
                                                      'application/xml');
          return [...xml.getElementsByTagName('entry')].map(e => ({
            id: e.getElementsByTagName('id')[0].textContent,
            authors: [...e.getElementsByTagName('author')].map(
              a => a.getElementsByTagName('name')[0].textContent)}));
        }""", feed)
        print(f"{code}: feed entries {entries}")
        assert [e["authors"] for e in entries] == [
            ["孙妍", "肖锦花"] if code == "zh-hans" else ["孫妍", "肖錦花"]]
        assert all(not e["id"].startswith("tag:None") for e in entries)
    finally:
        context.close()
