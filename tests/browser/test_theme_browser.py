"""The seed article in a real headless Chromium, in both scripts, on a phone and a desktop."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import watch_page

pytestmark = pytest.mark.browser

SCRIPTS = {"zh-hans": "", "zh-hant": "zh-hant/"}  # variant code -> URL prefix
WIDTHS = (375, 1280)
SERIOUS = ("serious", "critical")


def open_page(browser, url: str, width: int, **context_options):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, device_scale_factor=1, **context_options
    )
    page = context.new_page()
    problems = watch_page(page)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return context, page, problems


def allowed_failures(page, failed: list[str]) -> list[str]:
    """Failed requests, less those of images the page marks as missing (figure placeholders)."""
    missing = page.eval_on_selector_all(
        "figure.figure-missing img", "els => els.map(e => e.currentSrc || e.src)"
    )
    return [f for f in failed if f.split(" ", 1)[1] not in missing]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("code", SCRIPTS)
def test_seed_article_reads_well(browser, base_url, seed_article, artifacts: Path,
                                 code: str, width: int) -> None:
    url = base_url + SCRIPTS[code] + seed_article
    context, page, problems = open_page(browser, url, width)
    try:
        assert page.get_attribute("html", "lang") == ("zh-Hans" if code == "zh-hans" else "zh-Hant")
        title = page.text_content("h1")
        assert ("湘乡经开区" if code == "zh-hans" else "湘鄉經開區") in title
        assert page.is_visible("time") and "2021年7月6日 22:13" in page.text_content("time")

        figures = page.query_selector_all("main figure")
        assert figures, "the seed article has figures"
        for figure in figures:
            figure.scroll_into_view_if_needed()
            img, caption = figure.query_selector("img"), figure.query_selector("figcaption")
            if "figure-missing" in (figure.get_attribute("class") or ""):
                # a picture the seed lacks: a compact caption card, no empty box
                box = figure.bounding_box()
                assert img is None and caption.is_visible() and box and box["height"] < 120
                continue
            box = img.bounding_box()
            assert img.is_visible() and box and box["width"] > 100 and box["height"] > 50
            assert caption.is_visible() and caption.text_content().strip()
            assert img.get_attribute("alt")

        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"horizontal overflow of {overflow}px at {width}px"
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(artifacts / f"article-{code}-{width}.png"), full_page=True)

        assert problems.console_errors == []
        assert problems.page_errors == []
        assert allowed_failures(page, problems.failed_requests) == []
    finally:
        context.close()


@pytest.mark.parametrize(("start", "target"), [("zh-hans", "zh-hant"), ("zh-hant", "zh-hans")])
def test_switch_click_opens_same_article_in_other_script(browser, base_url, seed_article,
                                                        start: str, target: str) -> None:
    context, page, problems = open_page(browser, base_url + SCRIPTS[start] + seed_article, 375)
    try:
        with page.expect_navigation():
            page.click(f'.switch a[data-variant="{target}"]')
        assert page.url == base_url + SCRIPTS[target] + seed_article
        assert page.get_attribute("html", "data-variant") == target
        # each script's name is written in that script, on every variant
        assert page.locator(".switch > *").all_text_contents() == ["简体", "繁體"]
        assert page.evaluate("() => localStorage.getItem('park-digest-variant')") == target
        assert problems.console_errors == [] and problems.page_errors == []
    finally:
        context.close()


def test_traditional_reader_is_offered_not_sent_to_traditional(browser, base_url,
                                                               seed_article) -> None:
    url = base_url + seed_article
    context, page, _problems = open_page(browser, url, 375, locale="zh-TW")
    try:
        assert page.url == url  # never redirected
        offer = page.locator(".offer")
        assert offer.is_visible() and "繁體" in offer.text_content()
        offer.get_by_role("button").click()  # "不用了": remembered, offer gone
        assert page.locator(".offer").count() == 0
        page.reload(wait_until="load")
        assert page.locator(".offer").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("code", SCRIPTS)
def test_axe_finds_no_serious_violation(browser, base_url, seed_article, axe_script: Path,
                                        code: str, scheme: str) -> None:
    context, page, _problems = open_page(
        browser, base_url + SCRIPTS[code] + seed_article, 1280, color_scheme=scheme
    )
    try:
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in SERIOUS
        ]
        assert serious == []
    finally:
        context.close()


def test_article_readable_without_javascript(browser, base_url, seed_article,
                                             artifacts: Path) -> None:
    context, page, _problems = open_page(
        browser, base_url + "zh-hant/" + seed_article, 375, java_script_enabled=False
    )
    try:
        assert page.is_visible("h1") and page.is_visible("main figure figcaption")
        assert page.is_visible('.switch a[data-variant="zh-hans"]')
        assert len(page.text_content("main .prose")) > 500
        page.screenshot(path=str(artifacts / "article-zh-hant-375-nojs.png"))
    finally:
        context.close()


OTHER_PAGES = ["", "archives/", "2021/07/", "sources/", "tag/", "category/", "about/", "404.html"]


@pytest.mark.parametrize("path", OTHER_PAGES)
def test_other_pages_fit_a_phone_and_pass_axe(browser, base_url, axe_script: Path,
                                              path: str) -> None:
    context, page, problems = open_page(browser, base_url + "zh-hant/" + path, 360)
    try:
        assert page.get_attribute("html", "lang") == "zh-Hant"
        assert page.is_visible("main h1") and page.is_visible("footer.site")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"horizontal overflow of {overflow}px"
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"] if v["impact"] in SERIOUS] == []
        assert problems.console_errors == [] and problems.page_errors == []
        assert problems.failed_requests == []
    finally:
        context.close()


def test_print_shows_the_article_without_navigation(browser, base_url, seed_article,
                                                    artifacts: Path) -> None:
    context, page, _problems = open_page(browser, base_url + seed_article, 1280)
    try:
        page.emulate_media(media="print")
        assert page.is_visible("h1") and page.is_visible(".reprint")
        for chrome in (".menu", ".switch", ".post-foot", ".skip"):
            assert not page.is_visible(chrome), f"{chrome} is printed"
        page.pdf(path=str(artifacts / "article-zh-hans-print.pdf"))
    finally:
        context.close()


def test_missing_page_gets_the_styled_404_page(browser, base_url) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    problems = watch_page(page)
    try:
        response = page.goto(base_url + "2021/07/no-such-article/", wait_until="load")
        assert response.status == 404
        assert "页面不存在" in page.text_content("h1")
        assert page.evaluate("() => getComputedStyle(document.body).lineHeight") != "normal"
        assert page.is_visible('a[href="/"]')
        assert [f for f in problems.failed_requests if "no-such-article" not in f] == []
    finally:
        context.close()
