"""Any text: Markdown out or a clear error, never a traceback; every body sentence survives."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from park_digest.ingest.markdown_out import article_markdown, escape
from park_digest.ingest.parse import parse_article
from park_digest.ingest.punctuation import to_fullwidth
from park_digest.ingest.rawtext import SeedError

CJK_TEXT = st.text(
    alphabet=st.sampled_from(list("园区企业发展项目建设湖南湘乡经开区创新人才服务") +
                             list("，。、“”！？,:;()*_<>#[]` 0123456789abcXYZ-.")),
    min_size=1, max_size=60,
)
ANY_LINE = st.one_of(CJK_TEXT, st.text(max_size=60))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_LINE, max_size=12))
def test_any_text_gives_an_article_or_a_seed_error(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        article = parse_article(text, "seeds/x.txt")
    except SeedError as e:
        assert re.match(r"seeds/x\.txt:\d+: ", str(e))
        return
    md = article_markdown(article, slug="s", category=None, tags=[], raw="seeds/x.txt",
                          raw_sha256="0" * 64, images={})
    assert md.startswith("---\n")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。！？])", text) if s.strip()]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CJK_TEXT.map(lambda s: s.strip() + "。"), min_size=1, max_size=4)
                .map("".join), min_size=1, max_size=8,
                unique_by=lambda s: " ".join(s.split())))
def test_every_body_sentence_survives_in_order(paragraphs: list[str]) -> None:
    # (a paragraph pasted twice in a row is taken once: distinct paragraphs here)
    paragraphs = [p for p in paragraphs if p.strip("。 ")]
    if not paragraphs:
        return
    raw = "园区新闻标题\n来源:红网 2022-01-02 03:04:05\n" + "\n\n".join(paragraphs) + "\n"
    article = parse_article(raw, "seeds/x.txt")
    body = "".join(article.paragraphs) + "".join(b.text for b in article.blocks)
    joined = "\n".join(b.text for b in article.blocks if b.text)
    position = 0
    for paragraph in paragraphs:
        for sentence in _sentences(to_fullwidth(" ".join(paragraph.split()))):
            found = joined.find(sentence.strip(), position)
            assert found >= 0, sentence
            position = found
    assert body


@settings(deadline=None)  # the first call imports Markdown: slow on a loaded machine, not wrong
@given(CJK_TEXT)
def test_escaped_text_renders_back_to_itself(text: str) -> None:
    import html

    import markdown

    text = " ".join(text.split())
    if not text:
        return
    rendered = markdown.markdown(escape(text), extensions=["markdown.extensions.extra"])
    inner = re.sub(r"^<p>|</p>$", "", rendered.strip())
    if rendered.startswith("<p>"):
        assert html.unescape(inner) == text
