"""The figures extension: Markdown in, HTML out."""

from __future__ import annotations

import markdown
import pytest


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["markdown.extensions.extra", "park_digest.site.figures"],
                             output_format="html5")


def test_caption_after_placeholder_becomes_figcaption() -> None:
    html = render('![园区面貌。](/images/a/2.jpg){: width="640" height="360"}')
    assert html == (
        '<figure><img alt="园区面貌。" decoding="async" height="360" src="/images/a/2.jpg" '
        'width="640"><figcaption>园区面貌。</figcaption></figure>'
    )


def test_images_after_the_first_load_lazily() -> None:
    html = render("![一](/a/1.jpg)\n\n正文。\n\n![二](/a/2.jpg)")
    first, second = html.split("<figure>")[1:]
    assert 'loading="lazy"' not in first and 'loading="lazy"' in second


def test_missing_image_becomes_a_caption_card_without_an_image() -> None:
    html = render("![签约仪式现场。](1.jpg)")
    assert html == (
        '<figure class="figure-missing" data-missing="1.jpg"><figcaption>'
        '<span class="figure-missing-label">〔图略〕</span>签约仪式现场。</figcaption></figure>'
    )


def test_missing_image_without_caption_is_a_card_saying_only_that() -> None:
    html = render("![](2.jpg)")
    assert "<img" not in html
    assert '<span class="figure-missing-label">〔图略〕</span></figcaption>' in html


@pytest.mark.parametrize("text", ["文字 ![图](/a.jpg) 文字", "![图](/a.jpg) 后面还有字"])
def test_image_inside_a_sentence_stays_inline(text: str) -> None:
    assert "<figure" not in render(text)


def test_image_without_caption_has_no_figcaption() -> None:
    html = render("![](/a/1.jpg)")
    assert "<figure>" in html and "figcaption" not in html
