"""A saved page's real pictures on the built article page, in a real headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from project_copy import ROOT, make_project

from bench.html_pages import save_complete
from park_digest.ingest.parse import parse_article
from park_digest.site.images import ARTICLE_SIZES
from support import build_site, first_article_url, serve_folder, watch_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site whose only seed is the seed article saved as a complete page."""
    project = make_project(tmp_path_factory.mktemp("html-seed-site"), articles={})
    seed = next((ROOT / "seeds").glob("*.txt"))
    article = parse_article(seed.read_text(encoding="utf-8"), seed.name)
    save_complete(article, project / "seeds", "saved", article.source_url)
    output = project / "output"
    build_site(project, "--output", str(output))
    return output


def test_pictures_of_a_saved_page_show_with_captions_and_resized_copies(browser, page_site: Path
                                                                        ) -> None:
    with serve_folder(page_site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        problems = watch_page(page)
        try:
            page.goto(base + first_article_url(page_site), wait_until="load")
            figures = page.query_selector_all("main figure")
            assert len(figures) == 3
            assert page.query_selector_all("main figure.figure-missing") == []
            for figure in figures:
                figure.scroll_into_view_if_needed()
                img, caption = figure.query_selector("img"), figure.query_selector("figcaption")
                img.evaluate("i => i.decode()")  # loaded (lazy ones once scrolled to)
                natural = img.evaluate("i => [i.naturalWidth, i.naturalHeight]")
                assert natural[0] > 0 and natural[1] > 0
                assert img.get_attribute("sizes") == ARTICLE_SIZES
                assert "-480w.jpg 480w" in img.get_attribute("srcset")
                assert "-960w.jpg 960w" in img.get_attribute("srcset")
                picture, text = img.bounding_box(), caption.bounding_box()
                assert caption.text_content().strip()
                assert text["y"] >= picture["y"] + picture["height"] - 1  # the caption is under it
            assert problems.failed_requests == [] and problems.page_errors == []
        finally:
            context.close()


@pytest.mark.parametrize("media", ["screen", "print"])
def test_a_missing_picture_is_a_compact_caption_card(browser, tmp_path: Path, media: str) -> None:
    from test_theme_build import build_theme_site  # its first article lacks 2.jpg

    site = build_theme_site(tmp_path)
    with serve_folder(site) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        try:
            page.emulate_media(media=media)
            page.goto(base + "2021/07/a1/", wait_until="load")
            card = page.query_selector("main figure.figure-missing")
            assert card.query_selector("img") is None
            box = card.bounding_box()
            assert box["height"] < 80  # a line of caption, not a 16:9 box of ~360 px
            assert card.inner_text().startswith("〔图略〕") and "园区面貌。" in card.inner_text()
            figure = page.query_selector("main figure:not(.figure-missing)")
            real = figure.query_selector("img").bounding_box()
            if media == "screen":
                assert real["height"] > 300  # the real picture keeps its size
            else:  # print sets pictures at a third of the text width, beside their caption
                assert real["width"] == pytest.approx(figure.bounding_box()["width"] * .33, rel=.02)
            assert real["height"] == pytest.approx(real["width"] * 800 / 1200, rel=.02)  # a photo
        finally:
            context.close()
