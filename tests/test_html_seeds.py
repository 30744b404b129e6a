"""Saved web pages as seeds: facts, body, pictures, charsets and the import of such pages.

The pages of ``tests/fidelity/html/`` are saves of invented articles in the shapes of real
sites (``make_fixtures.py`` writes them); each has its facts beside it in ``<name>.json``.
"""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path

import pytest
import yaml

from bench.html_pages import PICTURE_SIZE, flat, photo, qr_code, save_complete, save_mhtml
from park_digest.ingest.htmlpage import decode_page
from park_digest.ingest.htmlseed import page_pictures, read_page
from park_digest.ingest.importer import Options, _converter, import_seeds, report
from park_digest.ingest.parse import parse_article
from park_digest.ingest.pictures import Candidate, furniture_reason
from park_digest.ingest.rawtext import SeedError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests/fidelity/html"
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".html", ".mhtml"))
PHOTO_SIZE = (320, 200)  # every article picture of the fixtures; furniture has other sizes

# Facts the text rules do not read yet (parse.py/patterns.py): the check asserts they are still
# wrong, so the day they are read this table must shrink.
KNOWN_GAPS: dict[tuple[str, str], str] = {}

# Pictures of each page in body order: (name, caption, saved). The captions come from the line
# under the picture, a figcaption, a table cell, or alt/title; None: the page gives none.
PICTURES = {
    # lazy-loaded: the spinner in src is not the picture; the photo credit leaves the caption
    # (its photographer is an author), as in a text seed
    "portal-utf8-complete": [("1.jpg", "投产仪式现场。", True),
                             ("2.jpg", "工人在生产线上检查电芯。", True)],
    # caption in p.pictext; the share icon inside the body is left out
    "portal-gbk-complete": [("1.jpg", "求职者在招聘会现场咨询。", True)],
    # HTML only: named by URL, not saved; one caption from alt, one from the centred line
    "portal-gbk-undeclared-htmlonly": [("1.jpg", "企业研发中心的实验室。", False),
                                       ("2.jpg", "企业生产车间一角。", False)],
    # p align=center under p align=center
    "gov-portal-utf8-complete": [("1.jpg", "会议现场", True)],
    # MHTML parts by Content-Location; a caption in title=; a ▲ line
    "gov-portal-gb18030-mhtml": [("1.jpg", "观摩组在项目工地听取情况介绍。", True),
                                 ("2.jpg", "▲在建的标准化厂房。", True)],
    # caption in the next table row's cell
    "epaper-utf8-complete": [("1.jpg", "园区电子信息产业园内，工人在组装显示模组。", True)],
    # the picture after the body, its path going up out of the page's folder; the caption it
    # closes the page with is kept
    "epaper-utf8-mhtml": [("1.jpg", "职工在夜校课堂上实操练习。", True)],
    # <figure>/<figcaption>; the reporter's avatar is left out
    "hk-news-utf8-complete": [("1.jpg", "湘鄉經開區港資企業的新廠房。", True),
                              ("2.jpg", "生產線上的員工。", True)],
    "hk-news-big5-htmlonly": [("1.jpg", "考察團參觀園區的物流倉庫。", False)],
    "tw-news-utf8-mhtml": [("1.jpg", "台商參訪團在湘鄉經開區了解電子零組件產業。（示例通訊社）", True)],
    "tw-news-big5-undeclared-complete": [("1.jpg", "雙方代表在座談會上交換意見。", True)],
    # alt caption; no caption (the short paragraph under it stays a paragraph); the repeat and
    # the advert are left out; the picture the save lacks keeps its caption
    "portal-utf8-alt-and-missing": [("1.jpg", "运动员代表入场。", True), ("2.jpg", None, True),
                                    ("3.jpg", "拔河比赛现场。", False)],
}


@cache
def read(page: Path):
    article, original = read_page(page, page.read_bytes(), page.name)
    return article, original


def t2s(text: str | None) -> str | None:
    return _converter("t2s").convert(text) if text else text


def body_text(record) -> str:
    parts = []
    for b in record.blocks:
        parts.append(b.figure.caption or "" if b.figure else b.text)
    return "\n".join(parts)


def checks(record, facts: dict) -> dict[str, tuple[bool, str]]:
    """Each fact of the JSON: (holds, what was found)."""
    texts = [b.text for b in record.blocks if b.kind in ("paragraph", "heading")]
    body = body_text(record)
    time = f"{record.date:%H:%M}"
    out = {
        "title": (record.title == facts["title"], record.title),
        "date": (f"{record.date:%Y-%m-%d}" == facts["date"], f"{record.date:%Y-%m-%d}"),
        "time": (time == (facts["time"] or "00:00"), time),
        "source": (t2s(record.source) == t2s(facts["source"]), record.source),
        "authors": ([t2s(a) for a in record.authors] == [t2s(a) for a in facts["authors"]],
                    record.authors),
        "editor": (t2s(record.editor) == t2s(facts["editor"]), record.editor),
        "first_sentence": (texts[0].startswith(facts["first_sentence"]), texts[0]),
        "last_sentence": (texts[-1].endswith(facts["last_sentence"]), texts[-1]),
    }
    for keep in facts["body_must_keep"]:
        out[f"body_must_keep:{keep}"] = (keep in body, "")
    for drop in facts["must_drop"]:
        out[f"must_drop:{drop}"] = (drop not in body and drop not in record.title, "")
    return out


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_saved_page_gives_the_facts_of_its_json(page: Path) -> None:
    facts = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    article, original = read(page)
    record = original or article  # a Traditional page is checked in its own script
    wrong, fixed = [], []
    for key, (holds, found) in checks(record, facts).items():
        gap = KNOWN_GAPS.get((page.stem, key))
        if gap and holds:
            fixed.append(f"{key} ({gap})")
        elif not gap and not holds:
            wrong.append(f"{key}: found {found!r}")
    assert not wrong, f"{page.name}: " + "; ".join(wrong)
    assert not fixed, f"{page.name}: now read, remove from KNOWN_GAPS: " + "; ".join(fixed)


def test_twelve_pages_cover_every_shape_and_charset() -> None:
    names = [p.name for p in PAGES]
    assert len(PAGES) >= 12 and set(PICTURES) == {p.stem for p in PAGES}
    for word in ("portal", "gov", "epaper", "hk", "tw", "utf8", "gbk", "big5", "complete",
                 "htmlonly", "mhtml", "undeclared"):
        assert any(word in n for n in names), word


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_pictures_in_body_order_with_their_captions_and_no_furniture(page: Path) -> None:
    article, original = read(page)
    record = original or article
    figures = [(f.name, f.caption) for f in record.figures]
    assert figures == [(name, caption) for name, caption, _ in PICTURES[page.stem]]
    pictures = page_pictures(page, page.read_bytes(), page.name)
    from park_digest.ingest.pictures import picture_size

    for name, _, saved in PICTURES[page.stem]:
        assert (pictures[name] is not None) == saved, name
        if saved:  # an article photo, never a logo, icon, QR code or banner
            assert picture_size(as_bytes(pictures[name]))[1:] == PHOTO_SIZE, name


def as_bytes(picture: Path | bytes | None) -> bytes | None:
    return picture.read_bytes() if isinstance(picture, Path) else picture


def test_a_picture_without_caption_leaves_the_line_under_it_a_paragraph() -> None:
    article, _ = read(FIXTURES / "portal-utf8-alt-and-missing.html")
    kinds = [(b.kind, b.figure.name if b.figure else b.text) for b in article.blocks]
    at = kinds.index(("figure", "2.jpg"))
    assert kinds[at + 1] == ("paragraph", "比赛当天阳光明媚。")


# --- furniture ------------------------------------------------------------------------------------
PHOTO = photo(320, 200, 5)


@pytest.mark.parametrize(("candidate", "furniture"), [
    (Candidate(src="a_files/W0201.jpg", data=PHOTO), False),  # a photo
    (Candidate(src="a_files/big.jpg", data=PHOTO, link="a_files/big_orig.jpg"), False),  # zoom link
    (Candidate(src="a.jpg", alt="分享会现场", data=PHOTO), False),  # alt words do not count
    (Candidate(src="a.jpg", data=PHOTO, link="/gallery/1.html"), False),  # the site's own page
    (Candidate(src="x/logo_2024.png", data=PHOTO), True),  # by name
    (Candidate(src="a.jpg", hints="author-avatar", data=PHOTO), True),  # by class
    (Candidate(src="count.gif", data=flat(1, 1, (0, 0, 0), "GIF")), True),  # tracker
    (Candidate(src="p.gif", declared=(1, 1)), True),  # tracker, not saved: by its attributes
    (Candidate(src="i.png", data=flat(24, 24, (0, 0, 0))), True),  # icon
    (Candidate(src="u.png", data=photo(100, 100, 1)), True),  # avatar-sized
    (Candidate(src="b.jpg", data=flat(960, 90, (0, 0, 200), "JPEG")), True),  # banner
    (Candidate(src="w.png", data=qr_code(150, 2)), True),  # QR code by its look
    (Candidate(src="s.jpg", data=PHOTO, link="https://shop.example.net/x"), True),  # advert
])
def test_furniture_is_told_from_article_pictures(candidate: Candidate, furniture: bool) -> None:
    assert (furniture_reason(candidate, "www.example.cn") is not None) == furniture


# --- charsets -------------------------------------------------------------------------------------
TEXT = "湘乡经开区举办春季招聘会，四十八家企业提供就业岗位三千余个，园区企业发展势头良好。"
TEXT_HANT = "港商考察湘鄉園區，洽談物流合作，雙方同意年內再舉行一次對接會。"


@pytest.mark.parametrize(("data", "expected"), [
    (f"<meta charset=gb2312><p>{TEXT}</p>".encode("gbk"), TEXT),  # declared
    (f"<p>{TEXT}</p>".encode("gbk"), TEXT),  # only detectable
    (f"<meta charset=utf-8><p>{TEXT}</p>".encode("gbk"), TEXT),  # declared wrongly
    (f"<meta charset=gb2312><p>{TEXT}</p>".encode(), TEXT),  # re-saved, old declaration
    (f"<p>{TEXT_HANT}</p>".encode("big5"), TEXT_HANT),  # Big5, only detectable
    (f"<meta charset=big5><p>{TEXT_HANT}</p>".encode("cp950"), TEXT_HANT),  # Big5, declared
])
def test_charset_is_declared_or_detected(data: bytes, expected: str) -> None:
    assert expected in decode_page(data, "seeds/a.html")


def test_a_page_whose_charset_cannot_be_decided_is_an_error_naming_it() -> None:
    noise = bytes(range(0x81, 0xFF)) * 3  # reads as no language in any candidate
    with pytest.raises(SeedError, match=r"^seeds/odd\.html:1: cannot tell the character set"):
        decode_page(b"<html><body><p>" + noise + b"</p></body></html>", "seeds/odd.html")


# --- through the importer -------------------------------------------------------------------------
def options(root: Path, out: str = "content") -> Options:
    return Options(project=root, out_dir=root / out / "articles", images_dir=root / out / "images",
                   originals_dir=root / out / "originals")


def front(markdown: str) -> dict:
    return yaml.safe_load(markdown.split("---\n")[1])


@pytest.fixture
def seed_article():
    seed = next((ROOT / "seeds").glob("*.txt"))
    return seed, parse_article(seed.read_text(encoding="utf-8"), seed.name)


@pytest.mark.parametrize("save", [save_complete, save_mhtml], ids=["complete", "mhtml"])
def test_seed_article_saved_as_a_page_gives_its_markdown_plus_three_real_images(
        tmp_path: Path, seed_article, save) -> None:
    seed, article = seed_article
    (tmp_path / "text").mkdir()
    shutil.copy(seed, tmp_path / "text" / seed.name)
    page = save(article, tmp_path / "pages", "saved", article.source_url)
    [text_result] = import_seeds([tmp_path / "text"], options(tmp_path, "from_text"))
    [page_result] = import_seeds([page], options(tmp_path, "from_page"))
    assert page_result.status == "written" and not page_result.missing_images
    assert text_result.slug == page_result.slug
    text_md = text_result.output.read_text(encoding="utf-8")
    page_md = page_result.output.read_text(encoding="utf-8")
    folder = tmp_path / "from_page/images" / page_result.slug
    assert sorted(p.name for p in folder.iterdir()) == ["1.jpg", "2.jpg", "3.jpg"]
    url = f"images/{page_result.slug}/"
    width, height = PICTURE_SIZE
    expected = text_md
    for name in ("1.jpg", "2.jpg", "3.jpg"):
        expected = expected.replace(f'"src": "{name}"', f'"src": "{url}{name}"')
        expected = expected.replace(f"]({name})",
                                    f']({{static}}/{url}{name}){{: width="{width}" height="{height}"}}')
    for key in ("raw", "raw_sha256"):
        expected = expected.replace(f'{key}: "{front(text_md)[key]}"', f'{key}: "{front(page_md)[key]}"')
    assert page_md == expected


def test_pages_and_text_seeds_share_dedupe_idempotence_and_hand_edits(
        tmp_path: Path, seed_article) -> None:
    seed, article = seed_article
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(seed, seeds / "a.txt")
    save_complete(article, seeds, "b", article.source_url)
    for page in PAGES[:3]:
        shutil.copy(page, seeds / page.name)
        if page.with_name(page.stem + "_files").is_dir():
            shutil.copytree(page.with_name(page.stem + "_files"), seeds / (page.stem + "_files"))
    opts = options(tmp_path)
    first = import_seeds([seeds], opts)
    status = {r.seed.name: r.status for r in first}
    assert status["a.txt"] == "written" and status["b.html"] == "duplicate"  # same URL
    assert sum(s == "written" for s in status.values()) == 4
    lines, summary = report(first)
    assert "5 seeds: 1 duplicate, 4 written" == summary
    assert any("missing images: 1.jpg, 2.jpg" in line for line in lines)  # the HTML-only save

    again = import_seeds([seeds], opts)
    assert {r.status for r in again} <= {"unchanged", "duplicate"}

    edited = next(r for r in first if r.seed.name == PAGES[0].name).output
    edited.write_text(edited.read_text(encoding="utf-8") + "\n编辑补充的一句话。\n", encoding="utf-8")
    (seeds / PAGES[0].name).write_bytes((seeds / PAGES[0].name).read_bytes() + b"\n")
    third = {r.seed.name: r for r in import_seeds([seeds], opts)}
    assert third[PAGES[0].name].status == "kept-edited"
    assert "编辑补充的一句话。" in edited.read_text(encoding="utf-8")


def test_a_bad_page_fails_alone_with_its_name(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "odd.html").write_bytes(b"<p>" + bytes(range(0x81, 0xFF)) * 3 + b"</p>")
    shutil.copy(FIXTURES / "hk-news-big5-htmlonly.html", seeds / "good.html")
    results = {r.seed.name: r for r in import_seeds([seeds], options(tmp_path))}
    assert results["odd.html"].status == "failed"
    assert results["odd.html"].message.startswith("seeds/odd.html:1: cannot tell the character set")
    assert results["good.html"].status == "written"


def test_traditional_page_keeps_its_original_beside_the_simplified_article(tmp_path: Path) -> None:
    page = FIXTURES / "hk-news-utf8-complete.html"
    shutil.copy(page, tmp_path / page.name)
    shutil.copytree(FIXTURES / "hk-news-utf8-complete_files", tmp_path / "hk-news-utf8-complete_files")
    [result] = import_seeds([tmp_path / page.name], options(tmp_path))
    main = front(result.output.read_text(encoding="utf-8"))
    original = front((tmp_path / "content/originals" / result.output.name).read_text(encoding="utf-8"))
    assert main["title"] == "湘乡经开区港资企业扩产 新厂房下月启用"
    assert original["title"] == "湘鄉經開區港資企業擴產 新廠房下月啟用"
    assert main["authors"] == ["陈家明"] and main["source"] == "示例香港新闻"
    assert [i["src"].rsplit("/", 1)[-1] for i in main["images"]] == ["1.jpg", "2.jpg"]
    assert main["original_script"] == "zh-hant"


# --- page shapes ------------------------------------------------------------------------------------
def page_of(tmp_path: Path, html: str, files: dict[str, bytes] | None = None,
            name: str = "p.html"):
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    if files:
        folder = tmp_path / (page.stem + "_files")
        folder.mkdir()
        for file, data in files.items():
            (folder / file).write_bytes(data)
    article, _ = read_page(page, page.read_bytes(), page.name)
    return article, page_pictures(page, page.read_bytes(), page.name)


HEAD = ('<html><head><meta charset="utf-8"><title>园区职工运动会开幕_示例网</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/n/">新闻</a></div>'
        '<h1>园区职工运动会开幕</h1><p class="info">时间：2024-09-20 15:10 来源：示例网</p>'
        '<div class="txt">')
PARAS = ('<p>9月20日，湘乡经开区首届职工运动会开幕，来自园区三十六家企业的一千余名职工参加。</p>'
         '<p>本届运动会设置拔河、跳绳、趣味接力等八个项目，赛期两天，各企业代表队踊跃参赛。</p>')


def test_a_short_last_paragraph_is_kept(tmp_path: Path) -> None:
    article, _ = page_of(tmp_path, HEAD + PARAS + "<p>比赛当天阳光明媚。</p></div>"
                         '<div class="foot">版权所有 示例网</div></body></html>')
    assert article.paragraphs[-1] == "比赛当天阳光明媚。"
    assert "版权所有" not in "".join(article.paragraphs)


def test_a_page_on_one_line_reads_as_one_with_lines(tmp_path: Path) -> None:
    html = (HEAD + PARAS + '<p style="text-align:center"><img src="p_files/a.jpg"></p>'
            '<p style="text-align:center">拔河比赛现场。</p><p>园区工会负责人表示，运动会将每年举办一次。</p>'
            '</div><div class="side"><img src="p_files/logo.png"></div></body></html>')
    article, pictures = page_of(tmp_path, html.replace("\n", ""),
                                {"a.jpg": photo(320, 200, 9), "logo.png": flat(200, 50, (9, 9, 9))})
    assert [(f.name, f.caption) for f in article.figures] == [("1.jpg", "拔河比赛现场。")]
    assert article.source == "示例网" and f"{article.date:%H:%M}" == "15:10"
    assert list(pictures) == ["1.jpg"]


def test_a_responsive_picture_is_found_by_its_largest_source(tmp_path: Path) -> None:
    html = (HEAD + PARAS + '<figure><picture><source srcset="p_files/s.webp 480w, p_files/l.jpg 1000w">'
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></picture>'
            '<figcaption>拔河比赛现场。</figcaption></figure><p>园区工会负责人表示，运动会将每年举办一次。</p>'
            '</div></body></html>')
    article, pictures = page_of(tmp_path, html, {"l.jpg": photo(320, 200, 4)})
    assert [(f.name, f.caption) for f in article.figures] == [("1.jpg", "拔河比赛现场。")]
    assert as_bytes(pictures["1.jpg"]) == photo(320, 200, 4)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_sentence_of_trafilaturas_body_is_kept_unless_the_text_rules_call_it_furniture(
        page: Path) -> None:
    import trafilatura

    from park_digest.ingest.htmlpage import open_page
    from park_digest.ingest.parse import TEXT, classify, opening_byline

    html = open_page(page, page.read_bytes(), page.name).html
    doc = trafilatura.bare_extraction(html, include_images=True, include_comments=False)
    article, original = read(page)
    record = original or article
    kept = _squeeze(t2s(body_text(record) + record.title))
    ended, first = False, True
    for line in (doc.text or "").split("\n"):
        line = t2s(line.strip())
        kind = classify(line) if line and not line.startswith("![") else None
        ended = ended or kind == "end"  # related links and the like close the article
        if kind != TEXT or ended or line[-1:] not in "。！？”":
            continue
        if first:  # a dateline opening the first paragraph is a byline to the text rules
            line, first = line[opening_byline(line)[0]:], False
        assert _squeeze(line) in kept, f"{page.name}: lost {line!r}"


def _squeeze(text: str) -> str:
    return "".join(text.split()).replace("，", ",").replace("：", ":").replace("（", "(") \
        .replace("）", ")")


def test_a_missing_picture_reaches_the_feed_as_its_caption_card(tmp_path: Path) -> None:
    from test_theme_build import build_theme_site

    feed = (build_theme_site(tmp_path) / "feeds/all.atom.xml").read_text(encoding="utf-8")
    card = ('&lt;figure class="figure-missing" data-missing="2.jpg"&gt;&lt;figcaption&gt;'
            '&lt;span class="figure-missing-label"&gt;〔图略〕&lt;/span&gt;园区面貌。'
            '&lt;/figcaption&gt;&lt;/figure&gt;')
    assert card in feed
    assert "data:image/svg" not in feed and 'alt="园区面貌。"' not in feed


def test_a_picture_the_save_lacks_can_be_added_under_the_name_the_report_gives(
        tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    page = seeds / "hk.html"
    shutil.copy(FIXTURES / "hk-news-big5-htmlonly.html", page)
    [first] = import_seeds([seeds], options(tmp_path))
    assert first.missing_images == ["1.jpg"]
    (seeds / "hk").mkdir()
    (seeds / "hk" / "1.jpg").write_bytes(photo(320, 200, 3))
    [second] = import_seeds([seeds], options(tmp_path))
    assert second.status == "written" and second.missing_images == []
    assert (tmp_path / "content/images" / second.slug / "1.jpg").read_bytes() == photo(320, 200, 3)


def test_a_lead_picture_above_the_headline_comes_first(tmp_path: Path) -> None:
    html = ('<html><head><meta charset="utf-8"><title>台商赴湘鄉園區參訪 | 示例</title></head><body>'
            '<header><img src="p_files/logo.png"><a href="/">首頁</a></header><article>'
            '<figure class="hero"><img src="p_files/hero.jpg"><figcaption>參訪團在園區參觀。</figcaption>'
            '</figure><h1>台商赴湘鄉園區參訪</h1><div class="time">2024/07/08 10:32</div>'
            '<div class="body"><p>一個由台灣電子業者組成的參訪團近日前往湖南湘鄉經濟開發區，考察當地產業聚落。</p>'
            '<p>參訪團成員指出，當地在顯示面板與電源模組方面已有一定規模，具備發展潛力。</p></div>'
            '</article><footer>版權所有</footer></body></html>')
    article, pictures = page_of(tmp_path, html, {"hero.jpg": photo(320, 200, 6),
                                                 "logo.png": photo(320, 200, 7)})
    assert article.blocks[0].figure is not None
    assert article.blocks[0].figure.caption == "参访团在园区参观。"
    assert as_bytes(pictures["1.jpg"]) == photo(320, 200, 6) and len(pictures) == 1


def _page(head: str, under_headline: str) -> str:
    return (f'<html><head><meta charset="utf-8">{head}<title>园区职工运动会开幕_示例网</title></head>'
            f'<body><div class="nav"><a href="/">首页</a> <a href="/n/">新闻</a></div>'
            f'<h1>园区职工运动会开幕</h1>{under_headline}<div class="txt">{PARAS}</div>'
            '<div class="foot">版权所有 示例网</div></body></html>')


@pytest.mark.parametrize(("head", "source"), [
    ('<meta property="og:site_name" content="示例日报">', "示例日报"),  # the page names itself
    ("", None),  # it does not: no source rather than 本报
], ids=["og-site-name", "unnamed"])
def test_this_papers_reporter_names_no_outlet_the_pages_own_name_does(
        tmp_path: Path, head: str, source: str | None) -> None:
    byline = '<p class="info">2024-09-20 15:10</p><div class="author">本报记者 谭一帆</div>'
    article, _ = page_of(tmp_path, _page(head, byline))
    assert article.source == source and article.authors == ("谭一帆",)


@pytest.mark.parametrize(("under_headline", "deck"), [
    # a subtitle block under the headline, above the byline
    ('<div class="sub-title">三十六家企业千余名职工参赛</div><p class="info">时间：2024-09-20 15:10</p>',
     "三十六家企业千余名职工参赛"),
    # a heading under the headline
    ('<h2>三十六家企业千余名职工参赛</h2><p class="info">时间：2024-09-20 15:10</p>',
     "三十六家企业千余名职工参赛"),
    # a byline set as a heading is no deck
    ('<h2>时间：2024-09-20 15:10 来源：示例网</h2>', None),
    # a plain block under the headline: the text rules decide (a headline-like line right
    # above the byline is a deck)
    ('<div>三十六家企业千余名职工参赛</div><p class="info">时间：2024-09-20 15:10</p>',
     "三十六家企业千余名职工参赛"),
], ids=["subtitle-block", "heading", "byline-heading", "plain-block"])
def test_a_deck_under_the_headline_opens_the_body_as_a_subheading(
        tmp_path: Path, under_headline: str, deck: str | None) -> None:
    article, _ = page_of(tmp_path, _page("", under_headline))
    first = article.blocks[0]
    if deck:
        assert (first.kind, first.text) == ("heading", deck)
    else:
        assert first.kind == "paragraph" and first.text.startswith("9月20日")
    assert article.paragraphs[-1].endswith("各企业代表队踊跃参赛。")
