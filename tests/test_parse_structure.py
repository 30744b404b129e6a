"""Structural rules of the importer: where a fact stands on the page decides what it is.

Every raw text here keeps a portal's layout with invented sentences and names.
"""

from __future__ import annotations

import pytest

from park_digest.ingest.importer import script_of
from park_digest.ingest.parse import parse_article
from park_digest.ingest.rawtext import SeedError

LEAD = "园区新建的六栋厂房今天落成，首批三家企业搬入，企业代表参观了新车间。"
SECOND = "厂房配套的道路和绿化也已同步完工，企业可以直接入驻，园区还将建设职工公寓。"


def parse(raw: str):
    return parse_article(raw, "seeds/case.txt", seed_mtime=1_750_000_000)


# --- "this paper" names no outlet ------------------------------------------------------------------
@pytest.mark.parametrize(("byline", "authors"), [
    ("来源：本报", ()),  # a source field saying "this paper"
    ("来源：本站 作者：李四", ("李四",)),  # "this site", beside a writer
    ("本报记者 张三", ("张三",)),  # this paper's reporter: the reporter is the author
    ("本刊记者 王五 通讯员 赵六", ("王五", "赵六")),  # this magazine's reporter and a correspondent
    ("2025-05-19 10:33 本网", ()),  # "this site" beside the date
], ids=["source-field", "site-and-writer", "paper-reporter", "magazine-reporter", "beside-date"])
def test_this_paper_or_site_is_no_outlet_but_its_reporters_are_authors(
        byline: str, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n{byline}\n{LEAD}\n{SECOND}\n")
    assert article.source is None
    assert article.authors == authors


def test_a_dateline_of_this_paper_gives_its_reporters_and_no_outlet() -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n本报讯（记者 张三 通讯员 李四）{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (None, ("张三", "李四"))
    assert article.paragraphs[0] == LEAD


def test_a_masthead_names_the_outlet_this_papers_reporter_belongs_to() -> None:
    article = parse(f"湘潭日报\n园区新厂房落成投用\n2025-05-19 10:33:42\n本报记者 张三\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("湘潭日报", ("张三",))


# --- a row of credits closing the article -----------------------------------------------------------
@pytest.mark.parametrize(("closing", "authors", "editor"), [
    ("\n（撰稿：张三 审核：李四）", ("张三",), "李四"),  # on its own line, with colons
    ("\n（撰稿 张三，审核 李四）", ("张三",), "李四"),  # keys and names parted by spaces, pairs by a comma
    ("\n(文字：张三 责编：李四)", ("张三",), "李四"),  # ASCII brackets, a desk editor
    ("\n（文/张三 编辑/李四）", ("张三",), "李四"),  # slashes after the keys
    ("\n（撰稿：张三、王五 摄影：赵六 校对：孙七）", ("张三", "王五", "赵六"), None),  # a proofreader edits nothing
    ("（撰稿：张三 审核：李四）", ("张三",), "李四"),  # glued to the last paragraph
    ("（撰稿 张三，审核 李四）", ("张三",), "李四"),
], ids=["own-line", "spaces", "ascii-desk-editor", "slashes", "several", "glued", "glued-spaces"])
def test_a_credit_row_closing_the_article_gives_its_writer_and_reviewer(
        closing: str, authors: tuple, editor: str | None) -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n{LEAD}\n{SECOND}{closing}\n")
    assert (article.authors, article.editor) == (authors, editor)
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("closing", [
    "（文 明）",  # a one-character key counts only before a colon or a slash
    "（详见附件二）",  # an aside
    "（撰稿：市发改局 审核：李四）",  # an office is no name: the row is not all credits
])
def test_brackets_closing_a_sentence_that_are_no_credit_row_stay(closing: str) -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n{LEAD}\n{SECOND}{closing}\n")
    assert article.paragraphs[-1] == SECOND + closing


# --- a caption closing the article ------------------------------------------------------------------
@pytest.mark.parametrize("caption", [
    "园区新厂房全景（无人机航拍）",  # brackets: no widget, a caption all the same
    "园区新厂房全景，六栋厂房已经落成投用，首批三家企业搬入新车间，调试生产线",  # long, no full stop
    "图：园区新厂房全景",  # a label, which goes
])
def test_the_caption_under_the_picture_that_closes_the_article_is_kept(caption: str) -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n{LEAD}\n{SECOND}\n2.jpg\n车间一角\n"
                    f"3.jpg\n{caption}\n")
    assert [(f.name, f.caption) for f in article.figures] == [
        ("2.jpg", "车间一角"), ("3.jpg", caption.removeprefix("图："))]


def test_a_footer_under_the_caption_that_closes_the_article_stays_out() -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n{LEAD}\n{SECOND}\n3.jpg\n园区新厂房全景（无人机航拍）\n"
                    "责任编辑：李四\n相关新闻\n园区又有两家企业签约\n")
    assert article.blocks[-1].figure.caption == "园区新厂房全景（无人机航拍）"
    assert article.editor == "李四"


# --- a picture in the header -------------------------------------------------------------------------
@pytest.mark.parametrize(("header", "figure"), [
    ("园区新厂房落成投用\n1.jpg\n园区新厂房全景\n2025-05-19 10:33:42 来源：湘乡网", ("1.jpg", "园区新厂房全景")),
    ("首页 > 新闻\n园区新厂房落成投用\n1.jpg\n2025-05-19 10:33:42 来源：湘乡网", ("1.jpg", None)),
    ("1.jpg\n园区新厂房全景\n园区新厂房落成投用\n2025-05-19 10:33:42 来源：湘乡网", ("1.jpg", "园区新厂房全景")),
    ("1.jpg\n园区新厂房落成投用\n2025-05-19 10:33:42 来源：湘乡网", ("1.jpg", None)),  # the only headline
    # the line under the picture is the headline: what else is left is an outlet or a section
    ("1.jpg\n园区新厂房落成投用\n湘乡网\n2025-05-19 10:33:42", ("1.jpg", None)),
    ("园区动态\n1.jpg\n园区新厂房落成投用\n2025-05-19 10:33:42 来源：湘乡网", ("1.jpg", None)),
], ids=["under-title", "no-caption", "above-title", "above-title-no-caption", "outlet-left",
        "section-left"])
def test_a_picture_above_the_byline_opens_the_body_and_its_caption_is_no_title(
        header: str, figure: tuple) -> None:
    article = parse(f"{header}\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert (article.blocks[0].figure.name, article.blocks[0].figure.caption) == figure
    assert article.paragraphs == (LEAD, SECOND) and article.source == "湘乡网"


# --- photo credits ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("caption", "kept", "photographer"), [
    ("园区新厂房全景。记者 李四 摄", "园区新厂房全景。", "李四"),  # a reporter, after a full stop
    ("园区新厂房全景 通讯员 李四 摄", "园区新厂房全景", "李四"),  # a correspondent, after a space
    ("园区新厂房全景（通讯员 李四 摄）", "园区新厂房全景", "李四"),  # in brackets
    ("园区新厂房全景（李四 摄）", "园区新厂房全景", "李四"),  # a bare name in brackets
    ("园区新厂房全景 李四／摄", "园区新厂房全景", "李四"),  # name, slash, 摄
    ("园区新厂房全景（摄影/李四）", "园区新厂房全景", "李四"),  # the key first
])
def test_a_photo_credit_leaves_the_caption_and_the_photographer_is_an_author(
        caption: str, kept: str, photographer: str) -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n记者 张三\n{LEAD}\n1.jpg\n{caption}\n{SECOND}\n")
    assert article.figures[0].caption == kept
    assert article.authors == ("张三", photographer)


@pytest.mark.parametrize("line", [
    "图为工人在新车间里调试设备。李四 摄",  # a bare name in a paragraph: maybe the story's own words
    "活动现场拉开帷幕。李四摄",  # glued to the sentence without a role word
    "工人们说，他们都想去拍摄",  # 摄 in a word
])
def test_a_paragraph_keeps_a_credit_without_a_role_word(line: str) -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n记者 张三\n{LEAD}\n{line}\n{SECOND}\n")
    assert line in article.paragraphs and article.authors == ("张三",)


def test_a_caption_keeps_words_that_only_look_like_a_credit() -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n{LEAD}\n1.jpg\n园区全景（夏日航拍 摄）\n{SECOND}\n")
    assert article.figures[0].caption == "园区全景（夏日航拍 摄）" and article.authors == ()


def test_a_correspondents_photo_credit_leaves_a_paragraph_too() -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 10:33:42\n记者 张三\n{LEAD}\n"
                    f"图为工人在新车间里调试设备。通讯员 李四 摄\n{SECOND}\n")
    assert article.paragraphs[1] == "图为工人在新车间里调试设备。"
    assert article.authors == ("张三", "李四")


# --- a deck under the headline ------------------------------------------------------------------------
@pytest.mark.parametrize("raw", [
    # an e-paper page: the deck right above the dateline opening the text, sharing its words
    "第1版：要闻\n园区物流园破土动工\n为全市第一个专业快递物流园区项目\n"
    "本报湘乡5月19日讯（记者 张三）5月18日，园区快递物流园项目举行开工仪式，是全市第一个专业快递物流园区项目。\n"
    f"{SECOND}\n",
    # a portal: headline, deck, then the dated byline
    "首页 > 园区动态\n园区物流园破土动工\n为全市第一个专业快递物流园区项目\n2025-05-19 10:33:42 来源：湘乡网\n"
    "5月18日，园区快递物流园项目举行开工仪式，是全市第一个专业快递物流园区项目。\n"
    f"{SECOND}\n",
], ids=["epaper", "portal"])
def test_a_deck_under_the_headline_is_no_title_and_opens_the_body_as_a_subheading(raw: str) -> None:
    article = parse(raw)
    assert article.title == "园区物流园破土动工"
    assert (article.blocks[0].kind, article.blocks[0].text) == ("heading", "为全市第一个专业快递物流园区项目")
    assert article.paragraphs[0].startswith("5月18日")


@pytest.mark.parametrize("under_title", [
    "湘乡网",  # the outlet alone beside the date line
    "【字体：大 中 小】",  # a widget
    "示例市发展和改革局",  # the office that put the page up
])
def test_a_line_under_the_headline_that_is_no_deck_stays_out_of_the_body(under_title: str) -> None:
    article = parse(f"园区物流园破土动工\n{under_title}\n2025-05-19 10:33:42\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区物流园破土动工"
    assert article.paragraphs[0] == LEAD and article.blocks[0].kind == "paragraph"


@pytest.mark.parametrize(("kicker", "title"), [
    ("端 × 示例日报广场", "园区物流园为何迟迟不能开工？"),  # a partner section marked ×
    ("园区 | 深度", "园区物流园为何迟迟不能开工"),  # a section and a label
    ("聚焦园区建设", "园区物流园建设提速 十家快递企业签约入驻"),  # half as long as the headline
], ids=["partner", "bar", "short"])
def test_a_kicker_above_the_headline_is_no_title(kicker: str, title: str) -> None:
    article = parse(f"{kicker}\n{title}\n2025-05-19 10:33:42\n{LEAD}\n{SECOND}\n")
    assert article.title == title
    assert article.paragraphs[0] == LEAD


def test_a_site_slogan_above_the_headline_is_no_headline_of_a_pair() -> None:
    article = parse(f"建设美丽湘乡 共创美好未来\n园区新厂房落成投用\n2025-05-19 10:33:42\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"


def test_a_dash_deck_is_never_the_headline_however_long() -> None:
    article = parse("园区新城透出江南味\n——庆祝建区二十周年全媒体采访团走进园区新区的所见所闻\n"
                    f"{LEAD}\n{SECOND}\n2025-05-19 10:33:42\n")
    assert article.title == "园区新城透出江南味"


# --- an outlet and its address -------------------------------------------------------------------------
@pytest.mark.parametrize(("line", "outlet"), [
    ("示例论坛报https://paper.example.com/pid/399179/web/", "示例论坛报"),  # glued to the address
    ("abc 示例日报 https://paper.example.com/a/1.html", "abc 示例日报"),  # a Latin part, spaced
    ("示例网（www.example.com）", "示例网"),  # the address in brackets
])
def test_an_outlet_on_a_line_with_its_address_is_the_source(line: str, outlet: str) -> None:
    article = parse(f"园区物流园破土动工\n{line}\n2025-05-19 10:33:42\n{LEAD}\n{SECOND}\n")
    assert article.source == outlet
    assert line not in "\n".join(b.text for b in article.blocks)


def test_a_labelled_source_beats_an_outlet_beside_an_address() -> None:
    article = parse(f"园区物流园破土动工\n示例论坛报https://paper.example.com/1/\n"
                    f"2025-05-19 10:33:42 来源：湘乡网\n{LEAD}\n{SECOND}\n")
    assert article.source == "湘乡网"


# --- an editor's note -----------------------------------------------------------------------------------
@pytest.mark.parametrize("label", ["【编者按】", "【示例新闻按】", "编者按："])
def test_the_label_of_an_editors_note_opens_the_body_and_is_no_title(label: str) -> None:
    article = parse(f"园区物流园破土动工\n2025-05-19 10:33:42\n{label}\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区物流园破土动工"
    assert article.blocks[0].text == label and article.paragraphs[1] == LEAD


def test_a_bracketed_section_tag_is_still_no_body() -> None:
    article = parse(f"园区物流园破土动工\n2025-05-19 10:33:42\n【园区新闻】\n{LEAD}\n{SECOND}\n")
    assert article.paragraphs[0] == LEAD


# --- an official notice ----------------------------------------------------------------------------------
NOTICE_TEXT = "经研究，现将园区企业服务专员制度印发给你们，请结合实际认真贯彻执行。"


@pytest.mark.parametrize(("opening", "kept"), [
    # the document number and the addressees above the text
    ("湘经开发〔2025〕7号\n各企业、园区各部门：", ["湘经开发〔2025〕7号", "各企业、园区各部门："]),
    ("各入园企业：", ["各入园企业："]),  # the addressees alone
    ("尊敬的各位企业家：", ["尊敬的各位企业家："]),  # a letter's salutation
    ("湘经开发〔2025〕7号", []),  # a number without addressees: header, as before
])
def test_an_official_notice_keeps_its_number_and_addressees(opening: str, kept: list) -> None:
    article = parse(f"园区管委会关于印发企业服务专员制度的通知\n发布日期：2025-05-19\n{opening}\n"
                    f"{NOTICE_TEXT}\n{SECOND}\n")
    assert article.title == "园区管委会关于印发企业服务专员制度的通知"
    assert list(article.paragraphs) == [*kept, NOTICE_TEXT, SECOND]


# --- Taiwanese wire and byline layouts (read after conversion to Simplified) ----------------------
def test_a_wire_dateline_in_brackets_gives_its_reporter_and_leaves_the_text() -> None:
    article = parse(f"园区物流园破土动工\n2024/07/08 10:32\n（示例通讯社记者林一台北8日电）{LEAD}\n{SECOND}\n")
    assert article.authors == ("林一",) and article.paragraphs[0] == LEAD


def test_a_reporter_filing_from_a_place_on_the_dated_byline() -> None:
    article = parse(f"园区物流园破土动工\n记者王二／彰化报导 2024-08-14 16:05\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("王二",)


def test_an_editors_note_and_a_wire_trailer_closing_the_text() -> None:
    article = parse(f"园区物流园破土动工\n2024/07/08 10:32\n{LEAD}\n{SECOND}（编辑：张三）1130708\n")
    assert article.editor == "张三" and article.paragraphs[-1] == SECOND


# --- a line of names under the last paragraph signs the article --------------------------------------
@pytest.mark.parametrize(("signature", "authors"), [
    ("孙大明 刘小红", ("孙大明", "刘小红")),  # two bare names
    ("（孙大明）", ("孙大明",)),  # one name in brackets
    ("关注", ()),  # one bare word: a button, not a name
], ids=["two-names", "bracketed-name", "one-bare-word"])
def test_a_line_of_names_right_under_the_last_paragraph_signs_the_article(
        signature: str, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n日期：2025-05-19\n{LEAD}\n{SECOND}\n{signature}\n原标题：\n"
                    "园区新厂房落成投用\n【推荐阅读】\n")
    assert article.authors == authors
    assert article.paragraphs == (LEAD, SECOND)


def test_a_byline_outranks_a_line_of_names_under_the_last_paragraph() -> None:
    article = parse(f"园区新厂房落成投用\n日期：2025-05-19 作者：王五\n{LEAD}\n{SECOND}\n孙大明 刘小红\n")
    assert article.authors == ("王五",)


# --- an outlet beside the date, and fields among bracketed buttons -------------------------------
@pytest.mark.parametrize("outlet", ["湘潭在线", "园区周刊", "湖南卫视", "经济杂志"])
def test_an_outlet_named_so_beside_the_date_is_the_source(outlet: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024年03月05日 08:12 {outlet}\n{LEAD}\n{SECOND}\n")
    assert article.source == outlet


def test_an_editor_among_bracketed_buttons_under_the_text_is_read() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12:33 来源：园区网\n{LEAD}\n{SECOND}\n"
                    "【纠错】 【责任编辑:李红】\n【打印本页】 【关闭窗口】\n")
    assert article.editor == "李红"
    assert article.paragraphs == (LEAD, SECOND)


# --- Traditional portals: the reporter's credit in its own brackets or beside the date -----------
T_LEAD = "園區新建的六棟廠房今天落成，首批三家企業搬入，企業代表參觀了新車間。"
T_SECOND = "廠房配套的道路和綠化也已同步完工，企業可以直接入駐，園區還將建設職工公寓。"


def parse_traditional(raw: str):
    """As the importer reads a Traditional seed: in Simplified, shown as it came."""
    script, simplified = script_of(raw)
    assert script == "zh-hant"
    return parse_article(simplified, "seeds/case.txt", seed_mtime=1_750_000_000, display=raw)


@pytest.mark.parametrize(("header", "opening", "source", "authors"), [
    ("2024/03/05 08:12", "〔記者王曉明／台北報導〕", None, ("王晓明",)),
    ("2024-03-05", "【本報消息】", None, ()),
    ("2024-03-05 08:12 聯合報／ 記者王曉明／台北即時報導", "", "联合报", ("王晓明",)),
    ("2024年03月05日 08:12", "【on.cc東網專訊】", "on.cc东网", ()),
    ("2024年03月05日 08:12", "【熱點快訊】", None, ()),
    ("公視新聞網 王曉明 台北報導\n發布時間：2024-03-05 08:12", "", "公视新闻网", ("王晓明",)),
], ids=["tortoise-shell-brackets", "this-papers-news", "outlet-slash-reporter-beside-date",
        "outlets-own-dateline", "a-tag-is-no-outlet", "outlet-reporter-place"])
def test_a_traditional_portals_credit_gives_its_facts_and_leaves_the_text(
        header: str, opening: str, source: str | None, authors: tuple) -> None:
    article = parse_traditional(f"湘鄉經開區新增三家規上企業\n{header}\n{opening}{T_LEAD}\n{T_SECOND}\n")
    assert (article.source, article.authors) == (source, authors)
    assert article.paragraphs[0] == T_LEAD


# --- portal furniture around the byline ---------------------------------------------------------
def test_an_outlet_after_a_middle_dot_beside_the_date_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12·湘潭日报\n{LEAD}\n{SECOND}\n")
    assert article.source == "湘潭日报"


def test_a_follow_button_under_the_outlet_is_no_author() -> None:
    article = parse(f"园区新厂房落成投用\n湘潭在线\n2024-03-05 08:12湖南\n关注\n{LEAD}\n{SECOND}\n举报/反馈\n")
    assert (article.source, article.authors) == ("湘潭在线", ())


def test_a_portals_staff_code_after_the_editors_name_is_left_out() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12:33 来源: 湘潭在线\n{LEAD}\n{SECOND}\n"
                    "责任编辑：李红_NN1234\n")
    assert article.editor == "李红"


@pytest.mark.parametrize("outlet", ["湘潭日报", "中国新闻网"])
def test_an_outlet_and_its_reporter_on_a_line_under_the_title(outlet: str) -> None:
    article = parse(f"园区新厂房落成投用\n{outlet} 王晓明\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (outlet, ("王晓明",))
    assert article.paragraphs == (LEAD, SECOND)


def test_a_time_after_its_zone_is_the_articles_time() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 HKT 08:12\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == "2024-03-05T08:12:00+08:00"


# --- furniture inside the text, and credits in a caption ----------------------------------------
def test_a_wire_end_mark_a_video_widget_and_a_picture_disclaimer_leave_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n视频加载中...\n"
                    f"（图片来源于网络，侵删）\n{SECOND}（完）\n")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("credit", ["（湘乡市融媒体中心 王晓明 摄）", "（湘乡市融媒体中心记者 王晓明 摄）"])
def test_a_photo_credit_naming_its_outlet_in_brackets_leaves_the_caption(credit: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n1.jpg\n"
                    f"新车间一角。{credit}\n{SECOND}\n")
    assert [f.caption for f in article.figures] == ["新车间一角。"]
    assert article.authors == ("王晓明",)


# --- a text copied with hard line breaks (an e-paper's column, a PDF) ----------------------------
def test_a_text_wrapped_at_a_columns_width_reads_as_whole_paragraphs() -> None:
    article = parse("湘乡经开区召开企业座谈会\n湘潭日报 2024年03月06日 第02版\n"
                    "本报讯（记者 王晓明 通讯员 李红）3月5日下午，湘乡经开区召开\n"
                    "企业座谈会，听取企业意见建议。座谈会上，10家企业负责人先后发\n"
                    "言，就用工、融资、物流等问题提出建议。\n"
                    "园区负责人表示，将逐一梳理企业反映的问题，建立台账，限期办结，\n"
                    "确保件件有回音、事事有着落。\n")
    assert article.paragraphs == (
        "3月5日下午，湘乡经开区召开企业座谈会，听取企业意见建议。座谈会上，10家企业负责人先后发言，"
        "就用工、融资、物流等问题提出建议。",
        "园区负责人表示，将逐一梳理企业反映的问题，建立台账，限期办结，确保件件有回音、事事有着落。")
    assert (article.source, article.authors) == ("湘潭日报", ("王晓明", "李红"))


def _column(paragraph: str, chars: int = 14) -> list[str]:
    """A paragraph as a PDF's column prints it: two full-width spaces, then lines of ``chars``."""
    text = "\u3000\u3000" + paragraph
    cut = [text[: chars]] + [text[i: i + chars] for i in range(chars, len(text), chars)]
    return [line for line in cut if line]


def test_a_narrow_column_of_indented_paragraphs_reads_whole_across_a_page_break() -> None:
    first = "今年以来，湘乡经开区坚持把项目建设作为推动发展的头号工程，全年新签约亿元以上项目14个，一批制造业项目落地。"
    second = ("园区负责人表示，明年将紧扣全会部署，把产业强区摆在首位，围绕装备制造和新能源两条主线招引项目，"
              "同时补齐公共服务短板。")
    third = "春节将至，园区叮嘱企业压实安全生产主体责任，做好假期值班值守，错峰安排放假，引导员工平安出行。"
    lines = _column(first) + _column(second)
    lines[-2:-2] = ["", "— 1 —", "", "湘乡经开区工作简报\u3000\u3000\u30002022年第4期"]  # a page break
    article = parse("园区项目建设提速\n2022年1月26日\n\n" + "\n".join(lines + _column(third)) + "\n")
    assert article.paragraphs == (first, second, third)


def test_lines_of_one_width_that_are_no_prose_are_not_joined() -> None:
    related = ["园区新厂房落成投用首批三家企业搬入新车间", "园区服务专班帮助企业招聘工人解决用电",
               "园区举办企业招聘会三百多名求职者到场应聘"]
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n{SECOND}\n"
                    + "\n".join(related) + "\n")
    assert LEAD in article.paragraphs and SECOND in article.paragraphs
    assert not any("园区服务专班" in text and "园区举办" in text for text in article.paragraphs)


def test_headings_of_one_width_in_a_text_of_whole_paragraphs_stay_headings() -> None:
    headings = ["一、坚持项目为王，全力以赴抓好招商引资工作", "二、坚持服务至上，千方百计优化园区营商环境",
                "三、坚持创新驱动，持之以恒推动产业转型升级"]  # as wide as one another: 40 columns
    body = "\n".join(f"{heading}\n{LEAD}{SECOND}" for heading in headings)
    article = parse(f"园区工作报告\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n{body}\n")
    assert [b.text for b in article.blocks if b.kind == "heading"] == headings


@pytest.mark.parametrize(("dateline", "moment"), [
    ("2024年3月5日 星期二 08:12", "2024-03-05T08:12:00+08:00"),  # the weekday between
    ("2024/3/5 下午 3:12", "2024-03-05T15:12:00+08:00"),  # a twelve-hour clock
    ("2024/3/5 上午 9:05", "2024-03-05T09:05:00+08:00"),
    ("2024-03-05T08:12:00+08:00", "2024-03-05T08:12:00+08:00"),  # ISO 8601
], ids=["weekday", "afternoon", "morning", "iso"])
def test_the_time_of_a_dateline_is_read_past_what_stands_before_it(dateline: str, moment: str) -> None:
    article = parse(f"园区新厂房落成投用\n{dateline}\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == moment


def test_a_bare_picture_mark_leaves_the_text_and_a_caption_loses_its_pointer() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n[图片]\n{SECOND}\n"
                    "2.png\n▲园区新貌。\n")
    assert [b.text for b in article.blocks if b.kind != "figure"] == [LEAD, SECOND]
    assert [f.caption for f in article.figures] == ["园区新貌。"]


# --- what a page says to its reader is no part of the article -------------------------------------
@pytest.mark.parametrize("notice", [
    "本网站使用相关技术提供更好的阅读体验，同时尊重使用者隐私，点这里了解本站隐私声明。当您关闭此视窗，代表您同意上述规范。",
    "请同意我们的隐私权规范，才能启用听新闻的功能。",
    "本站使用Cookie以改善您的浏览体验，继续浏览即表示您同意。",
    "您即将进入之新闻内容 需满18岁 方可浏览。",
    "为达最佳浏览效果，建议使用 Chrome、Firefox 或 Microsoft Edge 的浏览器。",
], ids=["privacy", "listen-consent", "cookie", "age-gate", "browser"])
def test_a_notice_to_the_reader_above_the_headline_is_no_body(notice: str) -> None:
    article = parse(f"{notice}\n园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线\n{notice}\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert article.paragraphs == (LEAD, SECOND)


def test_an_article_sentence_about_privacy_stays() -> None:
    sentence = "园区企业同意把员工隐私保护写进管理制度，今年还将开展两次专项检查。"
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n{sentence}\n")
    assert sentence in article.paragraphs


@pytest.mark.parametrize("widget", ["大字", "【大 中 小】", "字号：大 中 小", "A+ A-"])
def test_a_font_size_switch_beside_the_date_leaves_the_outlet_whole(widget: str) -> None:
    article = parse(f"园区新厂房落成投用\n湘潭日报 2024-03-05 08:12 {widget}\n{LEAD}\n{SECOND}\n")
    assert article.source == "湘潭日报"


@pytest.mark.parametrize("rail", ["新闻推荐", "图片推荐", "热点推荐", "更多新闻"])
def test_a_recommendation_rail_under_the_text_ends_the_body(rail: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n{SECOND}\n{rail}\n"
                    "园区另一家企业投产\n本报讯 园区另一家企业今天投产，首批产品已经下线，订单排到了明年。\n")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(("headline", "authors"), [
    ("园区新厂房落成投用■特约摄影记者 王晓明 摄", ("王晓明",)),  # a print page's photo credit
    ("《园区新厂房落成投用》全文(作者:王晓明)", ("王晓明",)),
    ("园区新厂房落成投用（文/王晓明）", ("王晓明",)),
], ids=["bullet-credit", "author-field", "slash-credit"])
def test_a_credit_glued_to_the_headline_leaves_it_and_names_the_author(headline: str, authors: tuple) -> None:
    article = parse(f"{headline}\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n{SECOND}\n")
    assert article.title == headline.split("■")[0].split("(")[0].split("（")[0]
    assert article.authors == authors


def test_a_date_line_opening_with_the_portals_address_gives_date_time_and_outlet() -> None:
    article = parse(f"园区新厂房落成投用\nhttp://www.example.com.cn  2011年05月13日09:13  湘潭日报\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == "2011-05-13T09:13:00+08:00"
    assert article.source == "湘潭日报"


def test_a_headline_with_its_date_in_brackets_and_an_unnamed_role() -> None:
    article = parse(f"园区新厂房落成投用 首批企业搬入 编辑 (2025-12-02 20:27:11)\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用 首批企业搬入"
    assert article.date.isoformat() == "2025-12-02T20:27:11+08:00"


@pytest.mark.parametrize(("opening", "source", "authors"), [
    ("本报讯记者王晓明 郑波报道 ", None, ("王晓明", "郑波")),  # no brackets: runs on to 报道
    ("【示例网讯】湘潭日报讯(记者 王晓明 长沙报道)", "示例网", ("王晓明",)),  # the paper's credit after the tag
], ids=["run-on", "stacked"])
def test_a_dateline_credit_without_brackets_or_after_a_tag_leaves_the_text(
        opening: str, source: str | None, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{opening}{LEAD}\n{SECOND}\n")
    assert article.paragraphs[0] == LEAD
    assert (article.source, article.authors) == (source, authors)


@pytest.mark.parametrize(("byline", "source", "authors"), [
    ("记者 王晓明 日照报道", None, ("王晓明",)),  # the place it reports from is no name
    ("海报新闻记者 王晓明 济南报道", "海报新闻", ("王晓明",)),  # the outlet runs to 新闻, not to 报
], ids=["place", "outlet-ending-in-news"])
def test_a_reporters_line_names_the_place_and_the_outlet_apart(
        byline: str, source: str | None, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{byline}\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (source, authors)


@pytest.mark.parametrize("furniture", [
    "广告 更多内容请继续往下阅读", "? 人气", "1,024 人气", "[启动LINE推播] 每日重大新闻通知",
    "本页位置: 首页新闻中心国内新闻", "中新社北京九月二十七日电 题:园区记者团访问问题多",
], ids=["read-on", "counter-without-count", "counter", "push-promo", "breadcrumb", "wire-header"])
def test_page_furniture_between_the_paragraphs_leaves_the_text(furniture: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n{furniture}\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


@pytest.mark.parametrize("marker", ["下一则", "往下看更多文章", "其他人也在看"])
def test_a_pager_or_next_story_marker_ends_the_body(marker: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线\n{LEAD}\n{SECOND}\n{marker}\n"
                    "园区另一家企业投产\n2024-03-06 09:00\n园区另一家企业今天投产，首批产品已经下线，订单排到了明年。\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_an_outlets_own_credit_in_brackets_glued_to_the_first_sentence_leaves_it() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n(湘潭日报报道){LEAD}\n{SECOND}\n")
    assert article.paragraphs[0] == LEAD
    assert article.source == "湘潭日报"


@pytest.mark.parametrize(("dateline", "source", "authors"), [
    ("2016-07-09 00:15:00 / 王晓明 /", None, ("王晓明",)),  # a name fenced by slashes after the date
    ("湘潭在线/ 2023.05.25 11:00", "湘潭在线", ()),  # an outlet and a slash before the date
], ids=["fenced-name", "outlet-slash"])
def test_a_dated_line_with_slashes_names_its_writer_or_outlet(
        dateline: str, source: str | None, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n{dateline}\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (source, authors)


def test_a_column_label_opening_the_text_names_its_writer_and_leaves_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n【湘潭在线王晓明专栏】{LEAD}\n{SECOND}\n")
    assert article.paragraphs[0] == LEAD
    assert article.authors == ("王晓明",)


def test_a_font_size_button_in_brackets_is_no_author() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 来源：湘潭在线 作者：王晓明\n[TT]\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("王晓明",)


def test_a_county_centres_credit_block_gives_its_reporter_and_first_reviewer() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n"
                    "融媒体记者:王晓明\n一审:李红\n二审:赵刚\n三审:孙强\n")
    assert (article.authors, article.editor) == (("王晓明",), "李红")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_an_empty_first_review_field_and_teasers_of_other_stories_stay_out() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n初审编辑:\n责任编辑:李红\n{LEAD}\n{SECOND}\n"
                    "初审编辑:\n责任编辑:李红\n"
                    "园区另一家企业今天投产，首批产品已经下线，订单排到了明年。[详细]\n")
    assert article.editor == "李红"
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_labelled_month_and_day_keeps_its_time() -> None:
    article = parse(f"园区新厂房落成投用\n来源: 作者: 发表时间:02-13 09:33\n{LEAD}\n{SECOND}\n")
    assert (article.date.month, article.date.day, article.date.hour, article.date.minute) == (2, 13, 9, 33)
    assert article.date_inferred


def test_a_writers_credit_after_a_bar_keeps_translated_names_whole() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n文|马修·卡特勒 诺亚·布兰登\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("马修·卡特勒", "诺亚·布兰登")
    assert article.paragraphs == (LEAD, SECOND)


def test_entries_of_a_menu_copied_one_a_line_are_neither_authors_nor_the_masthead() -> None:
    menu = "\n".join(["繁体", "简体", "即时新闻", "评论", "湘潭日报", "东方融资", "分类广告", "联络查询"])
    article = parse(f"{menu}\n园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (None, ())


def test_a_reporters_name_alone_under_the_headline_is_still_the_author() -> None:
    article = parse(f"园区新厂房落成投用\n王晓明\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("王晓明",)


def test_an_editors_code_closing_a_line_under_the_text_is_the_editor() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n微博推荐 | 今日热点(编辑：SN013)\n")
    assert article.editor == "SN013"
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_date_badge_with_the_year_last_is_a_full_date() -> None:
    article = parse(f"新闻中心\n公司新闻\n发布日期:\n02月04日,2022年\n字号\n园区新厂房落成投用\n{LEAD}\n{SECOND}\n")
    assert article.date.date().isoformat() == "2022-02-04"
    assert not article.date_inferred


@pytest.mark.parametrize("account", ["管理员", "admin", "本站原创"])
def test_a_sites_own_account_is_no_source(account: str) -> None:
    article = parse(f"园区新厂房落成投用\n来源:{account}时间:2017-05-24\n{LEAD}\n{SECOND}\n")
    assert article.source is None


def test_a_breadcrumb_ending_in_the_headline_is_no_title() -> None:
    article = parse(f"新闻中心- 园区新闻- 园区新厂房落成投用\n\n园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert article.paragraphs == (LEAD, SECOND)


def test_the_office_that_sent_the_article_in_leaves_its_last_sentence() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}(院办)\n")
    assert article.paragraphs == (LEAD, SECOND)
    assert article.authors == ()


def test_a_name_signing_before_a_row_of_credits_is_the_writer() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n王晓明  摄影:李红  审核:赵刚\n")
    assert (article.authors, article.editor) == (("王晓明", "李红"), "赵刚")


@pytest.mark.parametrize(("dateline", "source", "authors"), [
    ("新华社北京9月15日电", "新华社", ()),  # a wire's dateline with the month
    ("中评社台北9月1日电(记者 王晓明)", "中评社", ("王晓明",)),
    ("中新社瑞丽10月28日电 (王晓明 李红)", "中新社", ("王晓明", "李红")),
], ids=["month", "month-reporter", "month-bare-names"])
def test_a_wire_dateline_with_month_and_day_names_the_wire_and_its_reporters(
        dateline: str, source: str, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{dateline}{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (source, authors)
    assert article.paragraphs[0] == LEAD


def test_a_pages_title_keeps_the_headline_and_a_byline_beside_the_print_credit_is_read() -> None:
    article = parse(f"园区新厂房落成投用-湘潭日报\n2024-03-05 08:12\n"
                    f"本报记者 王晓明 李红 《 湘潭日报 》( 2013年04月27日   04 版)\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert (article.source, article.authors) == ("湘潭日报", ("王晓明", "李红"))


def test_a_readers_signature_closing_the_text_is_the_author() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND} 读者 王晓明\n")
    assert article.authors == ("王晓明",)
    assert article.paragraphs == (LEAD, SECOND)


def test_a_table_cells_border_after_a_caption_leaves_it() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n|\n{SECOND} |\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_sites_name_in_two_languages_above_the_headline_is_no_title() -> None:
    article = parse(f"湘潭新闻 Xiangtan News\n园区新厂房落成投用\n2020/7/2 — 22:14\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert article.date.isoformat() == "2020-07-02T22:14:00+08:00"


def test_punctuation_beside_a_character_beyond_the_basic_plane_is_full_width() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n𠮶阵,大家都来了。\n")
    assert "𠮶阵，大家都来了。" in article.paragraphs


@pytest.mark.parametrize(("credit", "source", "authors", "editor"), [
    ("本文来自微信公众号：园区观察（ID：yuanqu），作者：青山听雨，题图来自：AI生成", "园区观察", ("青山听雨",), None),
    ("本文来自微信公众号： 湘潭晚报 ，责任编辑：王晓明，作者：潮新闻，原文标题：《园区新厂房》",
     "湘潭晚报", (), "王晓明"),
], ids=["pen-name", "editor-and-outlet-as-writer"])
def test_a_reposts_credit_line_gives_account_writer_and_editor_and_leaves_the_text(
        credit: str, source: str, authors: tuple, editor: str | None) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{credit}\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors, article.editor) == (source, authors, editor)
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(("dateline", "source", "authors"), [
    ("2021-12-01 12:54 · 园区新闻一线 王晓明", "园区新闻一线", ("王晓明",)),  # an account and its writer
    ("36氪·2026-01-04 23:58", "36氪", ()),  # an account before a dot
    ("派财经派财经2024-08-23 14:29", "派财经", ()),  # its name twice, the logo's text glued on
], ids=["account-writer", "account-dot", "doubled"])
def test_a_platforms_account_beside_the_date_is_the_source(
        dateline: str, source: str, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n{dateline}\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (source, authors)


def test_an_issue_number_beside_the_date_is_no_source() -> None:
    article = parse(f"园区新厂房落成投用\n2020年06月01日第3期\n{LEAD}\n{SECOND}\n")
    assert article.source is None


def test_a_first_line_headline_that_asks_and_exclaims_is_the_title_and_its_repeats_leave_the_text() -> None:
    headline = "园区工地挖出一辆旧车藏着疑案？网友脑补悬疑剧，“幕后推手”找到了！"
    article = parse(f"{headline}\n{LEAD}\n{headline}\n2024-03-05 08:12\n{SECOND}\n{headline}\n")
    assert article.title == headline
    assert article.paragraphs == (LEAD, SECOND)


def test_a_long_headline_with_commas_right_above_its_date_line_is_the_title() -> None:
    headline = "“渐冻症”孩子上小学了，家长：特效药进了医保，再也不用掰着指头算孩子还能活几年"
    article = parse(f"普通视图\n{headline}\n2026年1月27日 16:28\n{LEAD}\n{SECOND}\n")
    assert article.title == headline
    assert article.date.isoformat() == "2026-01-27T16:28:00+08:00"


def test_a_caption_in_brackets_between_the_date_and_the_text_opens_the_body() -> None:
    article = parse(f"园区新厂房落成投用\n发布时间:2009-06-18 浏览:0\n(听取情况介绍)\n{LEAD}\n{SECOND}\n")
    assert [b.text for b in article.blocks] == ["（听取情况介绍）", LEAD, SECOND]  # brackets made full-width


def test_an_agencys_photo_credit_leaves_the_caption_and_names_no_author() -> None:
    caption = "园区负责人（左）陪同参观新车间。"
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12 记者 王晓明\n{LEAD}\n{caption}摄：Imagine China\n{SECOND}\n")
    assert caption in article.paragraphs
    assert article.authors == ("王晓明",)


def test_a_body_label_under_the_byline_opens_the_text_and_a_book_card_in_it_stays() -> None:
    article = parse(f"专栏名称: 湘潭观察\n相关文章推荐\n园区新厂房落成投用\n"
                    f"湘潭观察 · 公众号 · 园区 · 2017-02-22 11:44\n正文\n{LEAD}\n"
                    f"《园区产业图谱》\n作者：王晓明\n出版社：湘潭出版社\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert (article.source, article.authors) == ("湘潭观察", ())
    texts = [b.text for b in article.blocks]
    assert "作者：王晓明" in texts and texts[0] == LEAD and texts[-1] == SECOND


@pytest.mark.parametrize("furniture", [
    "放大图片", "欢迎关注湘潭日报官方微信平台",
    "在接受本网站服务之前，请务必仔细阅读下列条款并同意本声明。",
], ids=["zoom", "follow-promo", "terms"])
def test_a_pages_buttons_promos_and_terms_leave_the_text(furniture: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{furniture}\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


@pytest.mark.parametrize(("header", "opening", "month_day"), [
    ("", "【台北讯】园区今(6/27)召开说明会，", (6, 27)),  # today, as month/day in brackets
    ("湘潭在线    01月16日 13:52\n", "", (1, 16)),  # a month and day with a time under the title
    ("", "湘潭在线园区频道消息:8月31日，", (8, 31)),  # a channel's news credit before the day
], ids=["today-bracketed", "month-day-time", "channel-news"])
def test_a_month_and_day_without_a_year_dates_the_article_with_an_inferred_year(
        header: str, opening: str, month_day: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n{header}{opening}{LEAD}\n{SECOND}\n")
    assert (article.date.month, article.date.day) == month_day
    assert article.date_inferred


def test_a_channels_news_credit_names_the_outlet_and_leaves_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n湘潭在线园区频道消息:{LEAD}\n{SECOND}\n")
    assert article.source == "湘潭在线"
    assert article.paragraphs[0] == LEAD


def test_a_writer_credited_after_what_they_are_closing_the_text_is_the_author() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}(作者:埃及某杂志供稿人娜•哈米德)\n")
    assert article.authors == ("娜•哈米德",)
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(("opening", "authors"), [
    ("湘潭在线12月15日讯（记者：王晓明 李红 赵刚）", ("王晓明", "李红", "赵刚")),  # the role's colon
    ("湘潭在线1月10日讯（湘乡融媒记者：王晓明 李红）", ("王晓明", "李红")),
], ids=["colon", "outlet-role-colon"])
def test_every_reporter_after_a_roles_colon_is_an_author(opening: str, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{opening}{LEAD}\n{SECOND}\n")
    assert article.authors == authors


def test_an_empty_field_after_the_editor_is_no_name() -> None:
    article = parse(f"园区新厂房落成投用\n2013-8-27 8:42:00 来源：湘潭日报 编辑：56885 关注度：\n{LEAD}\n{SECOND}\n")
    assert article.editor is None


def test_a_stations_desk_after_the_editors_name_is_left_out() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n编辑：王晓明-湘潭站\n")
    assert article.editor == "王晓明"


def test_a_site_named_in_the_editors_place_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n发布时间：2024-01-22 编辑：湖南政协新闻网\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.editor) == ("湖南政协新闻网", None)


def test_a_credit_with_two_role_prefixes_and_padded_names_is_read() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n文/图 本报全媒体记者 何 悦 龙 杰\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("何悦", "龙杰")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_day_first_date_with_the_year_last_and_a_weekly_wire_credit() -> None:
    article = parse(f"园区新厂房落成投用\n02/03/2026 09:10\n《湘潭通讯社2日专讯》{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == "2026-03-02T09:10:00+08:00"
    assert article.source == "湘潭通讯社"
    assert article.paragraphs[0] == LEAD


def test_eight_digits_glued_to_a_reporters_credit_are_the_date() -> None:
    article = parse(f"20231208王晓明/台北报导\n园区新厂房落成投用\n{LEAD}\n{SECOND}\n")
    assert article.date.date().isoformat() == "2023-12-08"
    assert article.authors == ("王晓明",)


def test_the_time_on_the_line_under_the_date_is_read() -> None:
    article = parse(f"园区新厂房落成投用\n{LEAD}\n{SECOND}\n2025年7月23日(星期三)\n香港时间18时00分\n")
    assert article.date.isoformat() == "2025-07-23T18:00:00+08:00"


@pytest.mark.parametrize(("dateline", "source", "authors"), [
    ("湘潭网记者王晓明 台北 2025-09-17 12:55", "湘潭网", ("王晓明",)),  # the place between name and date
    ("发布于 2025年06月26日08:57 • 记者王晓明 /桃园报导", None, ("王晓明",)),  # a label and a bullet
], ids=["place", "label-bullet"])
def test_a_reporters_credit_beside_the_date_is_read_past_place_label_and_bullet(
        dateline: str, source: str | None, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n{dateline}\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (source, authors)


def test_a_platforms_summary_box_leaves_the_text_and_names_no_author() -> None:
    article = parse(f"王晓明：园区新厂房落成投用\n2026-03-02 09:10\n"
                    "摘要 意见回馈 本内容由人工智能根据新闻来源生成，仅供参考。王晓明表示园区向好。\n"
                    f"▷ 园区去年产值升逾15%\n▷ 园区预留1亿元扶持企业\n{LEAD}\n{SECOND}\n")
    assert article.title == "王晓明：园区新厂房落成投用"
    assert article.authors == ()
    assert article.paragraphs == (LEAD, SECOND)


def test_a_page_copied_as_one_line_is_cut_back_into_its_lines() -> None:
    article = parse(f"返回 本地 2022-04-01 09:36:45 园区|新厂房落成投用 首批三家企业今天搬入 分享: {LEAD} {SECOND} "
                    "园区商城送礼 👇立即按此参加\n")
    assert article.title == "园区|新厂房落成投用 首批三家企业今天搬入"
    assert article.date.isoformat() == "2022-04-01T09:36:45+08:00"
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_headline_running_on_into_a_wire_dateline_and_the_text_is_cut_from_them() -> None:
    headline = "《园区》杂志刊登文章 深入推进园区高质量发展"
    article = parse(f"01版:要闻\n前一版 2025年09月16日\n{headline}   新华社北京9月15日电 {LEAD}\n{SECOND}\n")
    assert article.title == headline
    assert article.source == "新华社"
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(("opening", "date", "inferred"), [
    ("2019年5月7日，", "2019-05-07", False),  # a full date opening the text
    ("5月7日上午，", None, True),  # a month and day: the year inferred
], ids=["full", "month-day"])
def test_a_date_opening_the_first_paragraph_dates_a_text_that_has_no_other(
        opening: str, date: str | None, inferred: bool) -> None:
    article = parse(f"园区新厂房落成投用\n{opening}{LEAD}\n{SECOND}\n")
    assert article.date_inferred is inferred
    if date:
        assert article.date.date().isoformat() == date
    assert (article.date.month, article.date.day) == (5, 7)


def test_a_date_line_outranks_a_date_opening_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n2019年5月7日，{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == "2024-03-05T08:12:00+08:00"


def test_this_papers_name_closing_the_text_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n2016-01-19 09:10:10 湘潭新闻网\n本报讯 {LEAD}\n{SECOND}《湘潭日报》\n")
    assert article.source == "湘潭日报"
    assert article.paragraphs == (LEAD, SECOND)


def test_a_link_widget_under_a_headline_with_a_column_tag_is_no_title() -> None:
    headline = "8问8答，向世界讲述园区的新气象|直击园区开放日"
    article = parse(f"{headline}\n园区区块链 该文章已上链 >\n2025-03-07 16:52\n{LEAD}\n{SECOND}\n")
    assert article.title == headline


def test_a_writers_credit_with_an_institution_after_the_name_is_read() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n文|王晓明 湘潭（园区）综合开发研究院 博士后工作站\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("王晓明",)
    assert article.paragraphs == (LEAD, SECOND)


def test_a_headline_in_brackets_opening_a_short_post_is_the_title() -> None:
    article = parse(f"【园区新厂房落成投用】2024年3月5日，{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert article.paragraphs == (f"2024年3月5日，{LEAD}", SECOND)  # the day is the text's own
    assert article.date.date().isoformat() == "2024-03-05"


def test_a_statement_by_the_papers_site_above_the_headline_is_no_title() -> None:
    article = parse(f"湘潭日报多媒体数字报\n湘潭日报网络版郑重声明\n经湘潭日报社授权，湘潭日报网独家全权代理本报的信息网络传播权。\n"
                    f"园区新厂房落成投用\n2011-06-08 来源:湘潭日报网 作者:\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert article.paragraphs == (LEAD, SECOND)


def test_a_taiwan_government_release_gives_unit_date_and_writer() -> None:
    article = parse(f"园区新厂房落成投用\n发稿单位:新闻及国际关系处\n发稿时间:115年2月9日\n发稿人:王晓明\n{LEAD}\n{SECOND}\n")
    assert article.date.date().isoformat() == "2026-02-09"
    assert (article.source, article.authors) == ("新闻及国际关系处", ("王晓明",))


def test_a_cms_date_with_its_month_in_words_and_a_weekday() -> None:
    article = parse(f"园区新厂房落成投用\n周日, 07 十月 2018 12:45\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == "2018-10-07T12:45:00+08:00"


@pytest.mark.parametrize(("opening", "source", "authors"), [
    ("【王晓明/台北报导】", None, ("王晓明",)),  # no 记者
    ("【互传媒/记者 王晓明/屏东 报导】", "互传媒", ("王晓明",)),  # the outlet, a slash, the reporter
], ids=["no-role", "outlet-slash"])
def test_a_bracketed_byline_from_a_place_with_or_without_its_role(
        opening: str, source: str | None, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{opening}{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (source, authors)
    assert article.paragraphs[0] == LEAD


def test_a_contact_footer_glued_to_the_last_sentence_leaves_it() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND} 电话:04-23160106 传真:04-23130523\n")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("dateline", ["南方网讯 12月2日，", "【湘潭时报讯，发自湖南郴州】 12月2日，"],
                         ids=["after-credit", "after-bracket-from-place"])
def test_a_day_after_the_datelines_credit_dates_the_text(dateline: str) -> None:
    article = parse(f"园区新厂房落成投用\n{dateline}{LEAD}\n{SECOND}\n")
    assert (article.date.month, article.date.day) == (12, 2)
    assert article.date_inferred
    assert article.paragraphs[0] == f"12月2日，{LEAD}"


def test_a_desk_editors_credit_under_the_text_names_no_author() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}（记者 王晓明）\n（编辑 李红）\n")
    assert (article.authors, article.editor) == (("王晓明",), "李红")


def test_a_papers_byline_in_the_middle_of_the_text_leaves_it() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n□湘潭日报 记者王晓明文图\n{SECOND}\n")
    assert article.authors == ("王晓明",)
    assert article.paragraphs == (LEAD, SECOND)


def test_an_agencys_photo_credit_after_the_last_sentence_leaves_it() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}    新华社发\n")
    assert article.paragraphs == (LEAD, SECOND)
    assert article.authors == ()


def test_a_row_of_fields_glued_to_the_last_sentence_is_read_and_cut() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n"
                    f"{SECOND}闪电新闻记者 王晓明 报道来源:闪电新闻编辑:王晓明责编:李红审校:赵刚\n")
    assert (article.source, article.authors, article.editor) == ("闪电新闻", ("王晓明",), "李红")
    assert article.paragraphs == (LEAD, SECOND)


def test_an_iso_stamp_in_another_zone_is_the_same_moment_in_the_sites_zone() -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-20T12:56:04.930Z\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == "2025-05-20T20:56:04+08:00"


def test_an_outlets_name_in_brackets_opening_the_text_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-20 12:56\n(湘潭在线中文网){LEAD}\n{SECOND}\n")
    assert article.source == "湘潭在线中文网"
    assert article.paragraphs[0] == LEAD


@pytest.mark.parametrize("furniture", [
    "- Advertisement -", "更多内容:园区另一家企业投产了吗?", "DW中文有Instagram!欢迎搜寻dw.chinese,看更多新闻",
    "• 参与互动 0", "分享该报道至",
], ids=["advert", "more-link", "follow-promo", "comment-counter", "share-label"])
def test_adverts_related_links_and_counters_between_the_paragraphs_leave_the_text(furniture: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{furniture}\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_labelled_date_glued_to_the_first_paragraph_is_cut_from_it() -> None:
    article = parse(f"园区新厂房落成投用\n来源:湘潭日报\n时间:2020-01-15{LEAD}\n{SECOND}\n")
    assert article.date.date().isoformat() == "2020-01-15"
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("toolbar", ["3 上一篇   下一篇 4", "放大 缩小 默认"])
def test_an_e_papers_toolbar_above_the_headline_is_no_title(toolbar: str) -> None:
    article = parse(f"{toolbar}\n园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"


def test_a_summary_that_is_the_whole_text_loses_only_its_label() -> None:
    article = parse(f"园区新厂房落成投用\n发布日期:2024-03-29 17:33\n摘要:{LEAD}\n")
    assert article.paragraphs == (LEAD,)


def test_a_broadcasts_sign_off_closing_the_text_names_its_reporter() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n记者王晓明报道。\n")
    assert article.authors == ("王晓明",)
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("outlet", ["湘潭证券报", "湘潭财经", "湘潭经济报道"])
def test_a_finance_outlet_beside_the_date_is_the_source(outlet: str) -> None:
    article = parse(f"园区新厂房落成投用\n{outlet} 2013-11-18 08:48:50\n{LEAD}\n{SECOND}\n")
    assert article.source == outlet


def test_a_line_opened_by_date_and_time_gives_outlet_and_reporters() -> None:
    article = parse(f"园区新厂房落成投用\n2021-06-18 21:49:35 湘潭经济报道 湘潭APP 王晓明 实习生/李红,赵刚\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == "2021-06-18T21:49:35+08:00"
    assert (article.source, article.authors) == ("湘潭经济报道", ("王晓明", "李红", "赵刚"))


# --- header and byline shapes, one case each ---------------------------------------------------------
DATED = f"2024-03-05 08:12\n{LEAD}\n{SECOND}\n"


@pytest.mark.parametrize(("header", "title"), [
    ("[湘潭在线]园区新厂房 落成投用", "园区新厂房 落成投用"),  # an outlet's tag in square brackets
    ("“活力园区行”系列报道①\n园区新厂房落成投用", "园区新厂房落成投用"),  # a series' label above
    ("请更新您的浏览器\n园区新厂房落成投用", "园区新厂房落成投用"),  # an outdated-browser banner
    ("9天前 王晓明  园区新厂房落成投用", "园区新厂房落成投用"),  # an aggregator's age and writer
    ("某某购物商城,宅配到府,园区新厂房落成投用 首批企业搬入\n互传媒\n园区新厂房落成投用 首批企业搬入",
     "园区新厂房落成投用 首批企业搬入"),  # a shop's slogan glued before it, the headline again below
    ("园区新厂房落成投用[图]", "园区新厂房落成投用"),  # a portal's mark that the story has pictures
    ("园区新厂房落成投用（组图）", "园区新厂房落成投用"),
], ids=["outlet-tag", "series-label", "browser-banner", "aggregator-age", "shop-slogan", "picture-mark",
        "pictures-mark"])
def test_the_headline_is_read_past_what_stands_around_it(header: str, title: str) -> None:
    assert parse(f"{header}\n{DATED}").title == title


@pytest.mark.parametrize(("raw", "source"), [
    (f"湘潭工人报官方网站 | 首页 今天是\n园区新厂房落成投用\n出版日期:2004年07月29日\n{LEAD}\n{SECOND}\n", "湘潭工人报"),
    (f"园区新厂房落成投用\n2017年11月5日 湘潭新闻联播\n{LEAD}\n{SECOND}\n", "湘潭新闻联播"),
    (f"太报\n\n园区新厂房落成投用\n{DATED}", "太报"),
    (f"园区新厂房落成投用\n红网时刻 字号：\n{DATED}", "红网时刻"),
    (f"园区新厂房落成投用\n来源:《湘潭日报》 发布时间:{DATED}", "湘潭日报"),
    (f"园区新厂房落成投用\n[2022.11.09] 发表\n【湘报专讯】{LEAD}\n{SECOND}\n", "湘报"),  # its own dateline
    (f"园区新厂房落成投用\n2020-03-22 16:37 湘潭新闻网阅读 (270392) 扫描到手机\n{LEAD}\n{SECOND}\n",
     "湘潭新闻网"),  # beside the date, past its read counter
    (f"园区新厂房落成投用\nA-A+2013年4月21日09:14湘潭在线评论\n{LEAD}\n{SECOND}\n", "湘潭在线"),
], ids=["paper-site-header", "programme-beside-date", "provider-above-headline", "beside-font-size",
        "in-title-marks", "own-dateline", "past-read-counter", "past-comment-link"])
def test_the_outlet_is_read_where_the_page_names_it(raw: str, source: str) -> None:
    assert parse(raw).source == source


@pytest.mark.parametrize(("byline", "credit"), [
    ("【CTIMES/SmartAuto 王晓明 报导】 2020年02月05日 星期三", ("CTIMES/SmartAuto", ("王晓明",))),
    ("2024-03-05 08:12\n红网时刻新闻记者 王晓明 株洲报道", ("红网时刻新闻", ("王晓明",))),
    ("潮新闻 王晓明2025-02-17 06:37全网传播量3.9万", ("潮新闻", ("王晓明",))),
    ("2024-03-05 08:12\n波新闻─王晓明/高雄", ("波新闻", ("王晓明",))),
], ids=["latin-outlet", "outlet-past-its-suffix", "counter-after-time", "syndication"])
def test_an_outlet_and_its_reporters_are_read_from_one_credit(byline: str, credit: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n{byline}\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == credit


def test_an_e_papers_masthead_naming_its_publisher_gives_the_source() -> None:
    article = parse(f"国内统一刊号：CN43-0003 湘潭日报社出版党报热线：0731-5826\n2021年05月14日\n园区新厂房落成投用\n"
                    f"本报记者 王晓明\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("湘潭日报", ("王晓明",))


def test_a_source_key_without_its_colon_among_keyed_fields() -> None:
    article = parse(f"园区新厂房落成投用\n时间：2022-03-23 17:46:25 作者：佚名 来源 湖南省广播电视局 点击：\n{LEAD}\n{SECOND}\n")
    assert article.source == "湖南省广播电视局"


# --- sign-offs, column headings, share cards: one case each -----------------------------------------
@pytest.mark.parametrize(("byline", "authors"), [
    (f"{DATED}（图文：王晓明 初审：李红 编辑：赵刚 审核：孙丽）\n", ("王晓明",)),  # a school's sign-off
    (f"{DATED}供稿：王晓明\n编辑：赵刚\n终审：孙丽\n", ("王晓明",)),  # a company's sign-off block
    (f"来源：湘乡市人民医院 王晓明\n{DATED}", ("王晓明",)),  # the outlet, then its writer
    (f"互联网 | 编辑: 赵刚 {DATED}", ()),  # the editor named before the date writes nothing
    (f"{DATED.rstrip()}（图/文：晓丹）\n", ("晓丹",)),  # a credit naming its role vouches for a pen name
    (f"王晓明，李红 | 园区厂房建设的三点经验\n{DATED}", ("王晓明", "李红")),  # writers, then the headline
    (f"{DATED}编导：王晓明\n摄像：李红\n责编：赵刚\n", ("王晓明", "李红")),  # a broadcast's credits
], ids=["school-sign-off", "supplied-by", "source-then-writer", "editor-before-date", "closing-credit",
        "writers-before-headline", "broadcast-director"])
def test_the_writers_are_read_from_the_credits_sites_sign_with(byline: str, authors: tuple) -> None:
    raw = byline if byline.startswith("王晓明，") else f"园区新厂房落成投用\n{byline}"
    article = parse(raw)
    assert article.authors == authors
    assert article.paragraphs[0] == LEAD


def test_the_writers_before_a_headline_leave_it() -> None:
    assert parse(f"王晓明，李红 | 园区厂房建设的三点经验\n{DATED}").title == "园区厂房建设的三点经验"


@pytest.mark.parametrize("header", [
    "园区动态 commerce\n园区新厂房落成投用",  # a column's name over its English gloss
    "回首湘乡这三十年\n园区厂房建设\n文 / 王晓明\n2024-03-05\n回首湘乡这三十年\n分享 Line分享分享 复制链接",
    "目录一\n目录二\n目录三\n目录四\n目录五\n目录六\n目录七\n目录八\n目录九\n目录十\n目录十一\n目录十二\n"
    "目录十三\n目录十四\n目录十五\n目录十六\n目录十七\n目录十八\n目录十九\n目录二十\n目录二十一\n"
    "园区新厂房落成投用\n园区专栏|\n撰文者:\n王晓明\n|出刊日期:",
], ids=["bilingual-column", "printed-twice-with-share-bar", "key-above-its-value-late"])
def test_the_headline_wins_over_the_column_labels_around_it(header: str) -> None:
    article = parse(f"{header}\n{DATED}")
    assert article.title == ("回首湘乡这三十年" if header.startswith("回首") else "园区新厂房落成投用")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_magazines_byline_row_gives_the_date_and_its_desk_the_outlet() -> None:
    article = parse(f"园区新厂房落成投用\n\n报导 | by  湘潭周刊编辑部 | 2024-02-26\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat().startswith("2024-02-26")
    assert article.source == "湘潭周刊"


def test_a_lone_label_over_a_caption_leaves_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n图说明\n（新厂房的生产车间）\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, "（新厂房的生产车间）", SECOND]


def test_a_sites_blurb_above_the_headline_and_its_dated_byline_is_no_text() -> None:
    blurb = "某某直播是一个合法备案的体育比分资讯网，专门为广大球迷提供最新最快的比赛直播和比分信息。"
    article = parse(f"某某直播logo\n\n{blurb}\n\n园区球队该不该换教练?\n来自:体育资讯 时间:{DATED}")
    assert article.title == "园区球队该不该换教练？"
    assert article.paragraphs == (LEAD, SECOND)


def test_a_sections_number_above_the_first_paragraph_opens_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2020-12-29 14:59:22 来源:湘潭日报 作者:\n（一）\n{LEAD}\n{SECOND}\n")
    assert article.paragraphs[0] == "（一）"


def test_a_sentence_ending_in_the_next_ones_words_is_no_breadcrumb() -> None:
    article = parse("园区新厂房落成投用\n2024-03-05 08:12\n气温0>0。\n\n0。\n")
    assert article.paragraphs == ("气温0>0。", "0。")


@pytest.mark.parametrize("credits", ["每经记者 王晓明 每经编辑 赵刚", "红星新闻记者 王晓明 红星新闻编辑 赵刚"])
def test_credits_each_behind_the_outlets_short_name_give_writer_and_editor(credits: str) -> None:
    article = parse(f"园区新厂房落成投用\n湘潭经济报道 2021-03-29 09:15:47\n{credits}\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.editor) == (("王晓明",), "赵刚")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(("closing", "authors"), [
    ("（王晓明摄）", ("王晓明",)),  # a photographer in brackets, the 摄 glued to the name
    ("（湘潭通讯社 王晓明 摄）", ("王晓明",)),  # behind the agency
    ("特约摄影 王晓明 李红", ("王晓明", "李红")),  # the role before the names, no 摄
], ids=["bracketed", "behind-agency", "role-first"])
def test_a_photographers_credit_closing_a_photo_storys_paragraphs_leaves_the_text(
        closing: str, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}{closing}\n")
    assert article.authors == authors
    assert article.paragraphs == (LEAD, SECOND)


def test_a_gallerys_page_break_marker_is_no_name() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n新华社发(王晓明摄)pagebreak\n{SECOND}\n")
    assert "pagebreak" not in article.authors
    assert all("pagebreak" not in block.text for block in article.blocks)


@pytest.mark.parametrize("teaser", [LEAD[:32], LEAD[:32] + "…", LEAD[:32] + "..."])
def test_a_teaser_cut_off_above_its_paragraph_leaves_the_text(teaser: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{teaser}\n{LEAD}\n{SECOND}\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_span_of_hours_after_a_date_is_no_time_zone() -> None:
    article = parse(f"园区新厂房落成投用\n2023/04/02 周日 17:05-18:00\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == "2023-04-02T17:05:00+08:00"


def test_a_pictures_source_alone_on_its_line_leaves_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n图/翻摄自园区微博\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_columns_writer_after_its_headline_is_the_author() -> None:
    article = parse(f"• 园区新厂房落成投用|王晓明\n{DATED}")
    assert (article.title, article.authors) == ("园区新厂房落成投用", ("王晓明",))


def test_a_day_in_brackets_ending_the_headline_stays_when_the_page_dates_it_apart() -> None:
    article = parse(f"园区新闻发布会辑录(2023-04-26)\n来源：湘乡经开区 发布时间：2023-04-27\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新闻发布会辑录(2023-04-26)"
    assert article.date.isoformat().startswith("2023-04-27")


def test_a_datelines_time_between_day_and_news_word_is_read() -> None:
    article = parse(f"园区新厂房落成投用\n湘潭网7月30日8时35分讯(见习记者 王晓明){LEAD}\n{SECOND}\n")
    assert (article.date.month, article.date.day, article.date.hour, article.date.minute) == (7, 30, 8, 35)
    assert article.authors == ("王晓明",)
    assert article.paragraphs[0] == LEAD


def test_a_series_label_in_brackets_over_the_headline_is_no_title() -> None:
    article = parse(f"【厂房今天落成——首批企业搬入新车间】\n园区新厂房落成投用 首批企业搬入\n{DATED}")
    assert article.title == "园区新厂房落成投用 首批企业搬入"


def test_a_headline_running_into_its_date_and_a_row_of_fields() -> None:
    article = parse(f"园区新厂房落成投用 首批企业搬入2008-12-3 1:05:32 来源: 湘潭新闻网 网友评论 0 条 点击查看\n"
                    f"{LEAD}\n{SECOND}图片为记者 王晓明 摄\n")
    assert (article.title, article.source) == ("园区新厂房落成投用 首批企业搬入", "湘潭新闻网")
    assert article.date.isoformat() == "2008-12-03T01:05:32+08:00"
    assert article.authors == ("王晓明",)
    assert article.paragraphs == (LEAD, SECOND)


def test_writers_closing_the_text_with_only_the_closing_bracket_left() -> None:
    article = parse(f"园区新厂房落成投用\n{DATED.rstrip()}王晓明、李红)\n")
    assert article.authors == ("王晓明", "李红")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_lone_picture_word_where_a_repost_lost_its_picture_leaves_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n图片\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_an_outlet_before_the_date_on_a_row_without_keys_and_its_writers_after() -> None:
    article = parse(f"园区新厂房落成投用\n- 湘潭新闻网 2012-06-25 08:55:39 王晓明 李红 阅读:\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("湘潭新闻网", ("王晓明", "李红"))


def test_an_editors_key_vouches_for_a_pen_name() -> None:
    article = parse(f"园区新厂房落成投用\n来源: 湘潭商报  |  编辑: 立新  |  时间: 2020-12-11 22:29:50\n{LEAD}\n{SECOND}\n")
    assert article.editor == "立新"


def test_a_wire_datelines_headline_is_the_title_where_the_page_prints_no_other() -> None:
    article = parse(f"【返回】\n一键分享\n2019年2月12日\n湘潭社湘乡2月12日电 题：园区新貌——厂房建设一线纪实\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新貌——厂房建设一线纪实"


def test_a_short_column_name_over_a_short_headline() -> None:
    article = parse(f"园区情结\n从读者到作者\n作者：王晓明 《湘潭日报》( 2012年10月27日 06版)\n{LEAD}\n{SECOND}\n")
    assert article.title == "从读者到作者"


def test_a_writers_role_behind_the_outlet_is_a_byline() -> None:
    article = parse(f"园区新厂房落成投用\n湘潭网特约撰稿人:王晓明\n2011/03/29\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("王晓明",)
    assert article.paragraphs == (LEAD, SECOND)


def test_a_wires_date_stamp_glued_after_a_closing_quote_leaves_the_last_sentence() -> None:
    closing = "他说：“园区还将建设职工公寓。”"
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{closing}1130305\n")
    assert article.paragraphs == (LEAD, closing)


def test_a_statements_opening_line_before_its_points_is_text() -> None:
    opening = "针对今天的报道，本公司声明如下："
    article = parse(f"2025年10月28日 星期二\n湘潭园区公司声明\ncl38o3je0000210ez5rrhe85h\n{opening}\n"
                    f"一、{LEAD}\n二、{SECOND}\n")
    assert article.title == "湘潭园区公司声明"
    assert article.paragraphs[0] == opening


RAIL = "\n".join(f"- 园区另一则新闻第{i}条2018/04/0{i}" for i in range(1, 5))


@pytest.mark.parametrize("raw", [
    f"园区新厂房落成投用\n{LEAD}\n{SECOND}\n延伸阅读\n{RAIL}\n",  # stories listed under 延伸阅读
    f"第1页最后一篇文章日期: 2026-01-24\n园区新厂房落成投用\n{LEAD}\n{SECOND}\n",  # a dump's other items
], ids=["read-more-rail", "other-items"])
def test_dates_a_page_gives_for_other_stories_are_not_its_date(raw: str) -> None:
    with pytest.raises(SeedError, match="no date"):
        parse(raw)


@pytest.mark.parametrize(("credit", "outlet"), [
    ("【湘江台北京时间2021年06月17日讯】", "湘江台"),  # dated
    ("【湘江台综合报道 】", "湘江台"),  # a compiled report
    ("【湘报文章】", "湘报"),  # a paper's article
])
def test_an_outlets_credit_in_brackets_opening_the_text_names_it_and_leaves_the_text(
        credit: str, outlet: str) -> None:
    article = parse(f"园区新厂房落成投用\n2021-06-17 08:00\n{credit}{LEAD}\n{SECOND}\n")
    assert article.source == outlet
    assert article.paragraphs == (LEAD, SECOND)


def test_a_captions_label_goes_and_its_photographers_credit_with_拍摄() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n图片: 新厂房的生产车间。(记者王晓明拍摄)\n{SECOND}\n")
    assert article.authors == ("王晓明",)
    assert [b.text for b in article.blocks] == [LEAD, "新厂房的生产车间。", SECOND]


def test_an_aggregators_repost_disclaimer_leaves_the_text_and_a_credit_row_beside_one_stays() -> None:
    disclaimer = "声明：本网转发此文章，旨在为读者提供更多信息资讯，所涉内容不构成投资、消费建议。文章观点非本网观点，仅供读者参考。"
    article = parse(f"园区新厂房落成投用\n新闻来源: 湘潭日报 于2020-07-13 9:54:15  提示:新闻观点不代表本网立场\n"
                    f"{LEAD}\n{SECOND}\n{disclaimer}\n")
    assert (article.source, article.date.isoformat()) == ("湘潭日报", "2020-07-13T09:54:15+08:00")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_teaser_without_its_quotation_marks_above_the_paragraph_leaves_the_text() -> None:
    full = "园区新建的六栋厂房今天落成，企业代表说“新车间宽敞明亮”，首批三家企业搬入，园区还将建设职工公寓。"
    teaser = full.replace("“", "").replace("”", "")[:36]
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{teaser}\n{full}\n{SECOND}\n")
    assert article.paragraphs == (full, SECOND)


def test_a_headline_in_typewriter_quotes_and_its_repeat_as_alt_text() -> None:
    article = parse(f"'园区新厂房落成投用'\n2024-03-05 08:12\n{LEAD}\n园区新厂房落成投用\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert article.paragraphs == (LEAD, SECOND)


def test_a_papers_byline_naming_it_and_its_app_gives_outlet_and_writers() -> None:
    article = parse(f"园区新厂房落成投用\n湘潭日报·新湘潭客户端记者 王晓明 通讯员 李红 赵刚\n{DATED}")
    assert (article.source, article.authors) == ("湘潭日报·新湘潭客户端", ("王晓明", "李红", "赵刚"))


def test_an_e_papers_standing_headline_is_no_outlet_and_its_buttons_no_title() -> None:
    article = parse(f"通版阅读请点击：\n展开通版\n收缩通版\n当前版：04版\n发布日期：2024-03-05 上一版 下一版\n图片新闻\n"
                    f"文章字数：110\n{LEAD}\n{SECOND}\n")
    assert (article.title, article.source) == ("图片新闻", None)


def test_a_toolbars_previous_link_beside_the_issue_date_keeps_the_date() -> None:
    article = parse(f"3上一篇 2015年5月18日 放大 缩小 默认\n园区新厂房落成投用\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat().startswith("2015-05-18")


def test_an_e_papers_leaked_record_gives_its_headline_and_issue_date() -> None:
    article = parse(f"第A08版：我的2020\n王晓明\n{LEAD}\n{SECOND}\n浙公网安备 33110202000139号\n"
                    "2020-12-31 2 2 湘潭晚报 content_241261.html 1 3 王晓明 /enpproperty-->\n")
    assert (article.title, article.date.isoformat()[:10]) == ("王晓明", "2020-12-31")


def test_a_date_without_time_takes_the_time_of_a_credit_of_the_same_day_beside_it() -> None:
    article = parse(f"园区新厂房落成投用\n时间:2023-11-08\n湘潭日报客户端 2023-11-08 07:49:18\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat() == "2023-11-08T07:49:18+08:00"


def test_a_row_of_labelled_fields_running_into_the_lead_is_cut_from_it() -> None:
    article = parse(f"园区新厂房落成投用\n发布日期:2025-11-13 20:21:34 文章来源:湘乡市商务局11月11日，{LEAD}\n{SECOND}\n")
    assert (article.date.isoformat(), article.source) == ("2025-11-13T20:21:34+08:00", "湘乡市商务局")
    assert article.paragraphs[0] == f"11月11日，{LEAD}"


def test_a_plug_ins_fallback_text_above_the_headline_is_no_text() -> None:
    article = parse(f"此页面上的内容需要较新版本的 Adobe Flash Player。\n获取 Adobe Flash Player\n园区新厂房落成投用\n"
                    f"本报讯(记者 王晓明)10月23日，{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"
    assert all("Flash" not in block.text for block in article.blocks)


def test_the_reporter_after_a_dated_dateline_leaves_the_lead() -> None:
    article = parse(f"园区新厂房落成投用\n2024-04-28\n本报湘潭4月28日电 记者王晓明报道：{LEAD}\n{SECOND}\n")
    assert article.authors == ("王晓明",)
    assert article.paragraphs[0] == LEAD


def test_the_outlet_before_a_reporters_key_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n湘潭日报记者：王晓明\n{DATED}")
    assert (article.source, article.authors) == ("湘潭日报", ("王晓明",))


@pytest.mark.parametrize(("byline", "credit"), [
    ("⊙记者 王晓明 李红 ○编辑 赵刚", (("王晓明", "李红"), "赵刚")),  # a securities paper's circled byline
    ("⊙王晓明", (("王晓明",), None)),
    ("每经记者  王晓明", (("王晓明",), None)),  # one credit behind the outlet's short name
    ("每经实习记者 王晓明 每经记者 李红 每经编辑 赵刚", (("李红", "王晓明"), "赵刚")),  # reporter first
], ids=["circled", "circled-bare", "one-brand-credit", "three-brand-credits"])
def test_bylines_of_the_securities_and_business_press(byline: str, credit: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n{byline}\n{DATED}")
    assert (article.authors, article.editor) == credit
    assert article.paragraphs == (LEAD, SECOND)


def test_a_dateline_whose_month_the_cms_lost_still_gives_its_reporters() -> None:
    article = parse(f"园区新厂房落成投用\n2025-05-19 13:46\n湘潭日报·新湘潭客户端519日讯(王晓明 李红){LEAD}\n{SECOND}\n")
    assert article.authors == ("王晓明", "李红")
    assert article.paragraphs[0] == LEAD


def test_a_name_under_a_key_with_a_surname_common_in_hunan() -> None:
    article = parse(f"园区新厂房落成投用\n新闻作者:王晓明 阳晓川  发布时间:2019-07-05  查看次数:\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.source) == (("王晓明", "阳晓川"), None)


def test_a_full_date_after_the_leads_news_credit_dates_a_short_item() -> None:
    article = parse(f"园区新厂房落成投用\n据湘乡经开区管委会消息:2023年9月5日4时15分前后，{LEAD}\n{SECOND}\n")
    assert (article.date.date().isoformat(), article.date_inferred) == ("2023-09-05", True)


def test_a_foreign_papers_photo_credit_after_a_caption_leaves_it() -> None:
    caption = "新厂房的生产车间。"
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{caption} Paul Hendry for The New York Times\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, caption, SECOND]


def test_a_bare_roc_date_over_the_headline_dates_it() -> None:
    article = parse(f"114年01月21日\n园区新厂房落成投用\n{LEAD}\n{SECOND}\n")
    assert article.date.isoformat().startswith("2025-01-21")


def test_the_agency_a_headline_names_in_brackets_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用(湘乡新闻局)\n{DATED}")
    assert (article.title, article.source) == ("园区新厂房落成投用", "湘乡新闻局")


def test_an_empty_source_field_before_another_label_gives_no_source_and_an_outlet_glued_to_a_date_key_does() -> None:
    empty = parse(f"园区新厂房落成投用\n2025年10月20日 11:22 8次浏览 来源:   分类: 园区动态   作者:\n{LEAD}\n{SECOND}\n")
    glued = parse(f"园区新厂房落成投用\n湘潭电力网发布时间:2021-03-24 16:57:02  作者:王晓明\n{LEAD}\n{SECOND}\n")
    assert (empty.source, glued.source) == (None, "湘潭电力网")


def test_a_release_issued_for_another_body_names_it_and_its_introduction_is_text() -> None:
    intro = "以下是园区管委会主任今日在新厂房落成仪式上的发言全文："
    article = parse(f"跳至主要内容\n园区新厂房落成投用（只有中文）\n下稿代湘乡经开区管委会发出：\n{intro}\n{DATED}")
    assert (article.title, article.source) == ("园区新厂房落成投用", "湘乡经开区管委会")
    assert article.paragraphs == (intro, LEAD, SECOND)


def test_a_bulleted_metadata_block_gives_date_and_source_and_numbered_points_stay_text() -> None:
    point = "一、时 间：2022年3月8日上午11时"
    article = parse(f"园区新厂房落成投用\n  • 发布时间：2022-03-08\n  • 资料来源：湘乡经开区管委会\n  • 发布人：宣传部2\n"
                    f"{point}\n{LEAD}\n{SECOND}\n")
    assert (article.date.date().isoformat(), article.source) == ("2022-03-08", "湘乡经开区管委会")
    assert article.paragraphs == (point, LEAD, SECOND)


def test_keys_in_brackets_are_fields_and_a_site_account_writes_nothing() -> None:
    bracketed = parse(f"园区新厂房落成投用\n{DATED}【作者】: 记者 王晓明 【编辑】:李红\n")
    account = parse(f"园区新厂房落成投用\n作者: admin   日期:2024-03-05 08:12:53\n{LEAD}\n{SECOND}\n")
    assert (bracketed.authors, bracketed.editor, bracketed.paragraphs) == (("王晓明",), "李红", (LEAD, SECOND))
    assert account.authors == ()


def test_an_apps_report_credit_opening_the_lead_gives_its_reporter() -> None:
    article = parse(f"园区新厂房落成投用\n时间:2024-03-05\n云上湘乡报道(融媒体记者 王晓明){LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs[0]) == (("王晓明",), LEAD)


def test_a_sites_greeting_is_no_text_above_an_undated_headline() -> None:
    lead = f"2022年5月20日下午，{LEAD}"
    article = parse(f"您好,欢迎访问湘乡经开区商会官方网站!\n商会动态\n当前位置:首页>新闻中心 > 商会动态\n"
                    f"园区新厂房落成投用\n{lead}\n{SECOND}\n")
    assert (article.title, article.date.date().isoformat()) == ("园区新厂房落成投用", "2022-05-20")


def test_the_text_opens_with_its_numbered_headings_under_the_widgets() -> None:
    article = parse(f"园区新厂房落成投用\n作者:园区课题组 发布时间:2024-03-05 08:12:34\n打印\n字号:\n"
                    f"一、园区厂房建设的现状\n（一）新厂房落成\n{LEAD}\n{SECOND}\n")
    assert [b.text for b in article.blocks][:2] == ["一、园区厂房建设的现状", "（一）新厂房落成"]


def test_a_signature_in_brackets_before_a_closing_gallery_gives_the_author() -> None:
    article = parse(f"园区新厂房落成投用\n{DATED[:-1]}（王晓明）\n下图为新厂房的车间。\n下图为企业代表参观。\n")
    assert article.authors == ("王晓明",)
    assert article.paragraphs == (LEAD, SECOND, "下图为新厂房的车间。", "下图为企业代表参观。")


def test_a_photo_credit_whose_role_has_a_colon_closing_the_paragraph_gives_the_photographer() -> None:
    article = parse(f"园区新厂房落成投用\n{DATED[:-1]}(特约通讯员:王晓明 摄影)\n")
    assert article.authors == ("王晓明",)
    assert article.paragraphs == (LEAD, SECOND)


def test_a_portals_closing_photo_and_text_reports_are_credits() -> None:
    article = parse(f"园区新厂房落成投用\n{DATED}文字报道:王晓明\n摄影报道:李红 赵刚\n责任编辑:孙丽\n")
    assert (article.authors, article.editor) == (("王晓明", "李红", "赵刚"), "孙丽")


def test_a_dated_news_credit_before_a_comma_leaves_the_lead() -> None:
    article = parse(f"园区新厂房落成投用\n2021-10-27\n湘乡经开区(ID:xxjkq2012)10月27日消息,{LEAD}\n{SECOND}\n")
    assert article.paragraphs[0] == LEAD


def test_a_repost_credit_glued_to_its_outlet_gives_outlet_and_writer() -> None:
    article = parse(f"园区新厂房落成投用\n{DATED}本文来源湘乡经开区,作者:elise,原文:https://example.cn/1.html\n")
    assert (article.source, article.authors, article.paragraphs) == ("湘乡经开区", ("elise",), (LEAD, SECOND))


@pytest.mark.parametrize("byline", ["特派记者王晓明/北京报导联合报", "记者王晓明/综合报导/联合报"],
                         ids=["place", "desk-note"])
def test_the_paper_named_after_the_place_it_reports_from_is_the_source(byline: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05\n{byline}\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("联合报", ("王晓明",))


def test_a_lone_summary_label_goes_with_its_box() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n新闻提要\n{LEAD}\n{SECOND}\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_bylines_box_mark_under_the_deck_and_a_name_with_its_post_name_the_writer() -> None:
    boxed = parse(f"园区新厂房落成投用\n2024-11-08 08:32\n为了一个承诺\n□王晓明\n{LEAD}\n{SECOND}\n")
    posted = parse(f"园区新厂房落成投用\n2024-11-08 08:32\n王晓明(曾任湘乡日报总编辑)\n{LEAD}\n{SECOND}\n")
    assert (boxed.authors, posted.authors) == (("王晓明",), ("王晓明",))
    assert LEAD in boxed.paragraphs and "□王晓明" not in boxed.paragraphs


def test_a_copyright_claim_of_the_platform_is_a_reprint_notice() -> None:
    notice = "本原创内容版权归湘乡经开区(www.example.cn)所有,未经书面授权谢绝转载。"
    article = parse(f"园区新厂房落成投用\n{DATED}{notice}\n")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("credit", [" 王晓明 李红 摄", "③2 王晓明 摄"], ids=["spaced", "desk-code"])
def test_photographers_set_apart_after_the_last_sentence_are_credited(credit: str) -> None:
    article = parse(f"园区新厂房落成投用\n{DATED[:-1]}{credit}\n")
    assert (article.authors[0], article.paragraphs) == ("王晓明", (LEAD, SECOND))


def test_a_short_caption_keeps_its_photographer_without_a_sentence_before() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n签约现场 王晓明 摄\n{SECOND}\n")
    assert (article.authors, article.paragraphs) == ((), (LEAD, "签约现场 王晓明 摄", SECOND))


@pytest.mark.parametrize(("opening", "authors"), [
    ("湘乡新闻网讯 通讯员 王晓明 报道 ", ("王晓明",)),
    ("湘乡新闻网讯 记者王晓明上海报道 ", ("王晓明",)),
], ids=["correspondent", "reporter-and-place"])
def test_the_reporter_after_an_outlets_dateline_leaves_the_lead(opening: str, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{opening}{LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs[0]) == (authors, LEAD)


@pytest.mark.parametrize("line", ["本篇文章460字,读完约1分钟", "打印本页  关闭窗口"],
                         ids=["reading-time", "print-and-close"])
def test_reading_time_and_button_rows_are_furniture(line: str) -> None:
    article = parse(f"{line}\n园区新厂房落成投用\n2024-03-05 08:12\n{line}\n{LEAD}\n{SECOND}\n{line}\n")
    assert (article.title, article.paragraphs) == ("园区新厂房落成投用", (LEAD, SECOND))


def test_a_cameras_file_names_left_as_alt_text_are_no_text() -> None:
    article = parse(f"园区新厂房落成投用\n{DATED}9D5A0633\n新厂房的生产车间。\nIMG_2041\n")
    assert "9D5A0633" not in article.paragraphs and "IMG_2041" not in article.paragraphs


def test_a_widget_and_an_empty_source_field_name_no_one() -> None:
    article = parse(f"园区新厂房落成投用\n字号 文章来源: 2025-12-08 14:39:59\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == (None, ())


def test_a_note_on_the_outlet_after_its_name_is_no_part_of_it() -> None:
    article = parse(f"园区新厂房落成投用\n作者:王晓明 文章来源:湘乡新闻网(作者授权发布) 更新时间:2009-11-18\n{LEAD}\n{SECOND}\n")
    assert article.source == "湘乡新闻网"


def test_a_special_statement_naming_the_site_is_a_reprint_notice() -> None:
    notice = "特别声明:湘乡新闻网转载其他网站内容,出于传递更多信息而非盈利之目的,同时并不代表赞成其观点"
    article = parse(f"园区新厂房落成投用\n{DATED}{notice}\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_breadcrumb_as_a_list_item_and_a_sites_clock_among_its_links_are_furniture() -> None:
    article = parse(f"人才招聘 |  2024年05月05日 |  加入收藏\n  • 您现在的位置:\\支行动态详情\n"
                    f"  • 园区新厂房落成投用\n2023年1月31日上午，{LEAD}\n{SECOND}\n")
    assert (article.title, article.date.date().isoformat()) == ("园区新厂房落成投用", "2023-01-31")


def test_names_a_cms_ran_together_after_a_role_are_told_apart() -> None:
    keyed = parse(f"园区新厂房落成投用\n2018-08-14 09:47:51  作者:严芳邓春林\n{LEAD}\n{SECOND}\n")
    lines = parse(f"园区新厂房落成投用\n2018-08-14\n文图/记者邓春河\n通讯员汪秀琴曹立新\n{LEAD}\n{SECOND}\n")
    assert keyed.authors == ("严芳", "邓春林")
    assert (lines.authors, lines.paragraphs) == (("邓春河", "汪秀琴", "曹立新"), (LEAD, SECOND))


def test_captions_marked_with_a_triangle_closing_the_text_stay() -> None:
    article = parse(f"园区新厂房落成投用\n{DATED}▲新厂房的生产车间\n▲新厂房的生产车间\n")
    assert article.paragraphs[-1] == "▲新厂房的生产车间" and SECOND in article.paragraphs


def test_a_writer_in_brackets_after_the_headline_credited_again_leaves_it() -> None:
    credited = parse(f"园区新厂房落成投用(王晓明)\n{DATED}记者、摄影:王晓明 2021.7.1\n")
    place = parse(f"园区新厂房落成投用(武汉)\n{DATED}")
    assert (credited.title, credited.authors) == ("园区新厂房落成投用", ("王晓明",))
    assert place.title == "园区新厂房落成投用（武汉）"


def test_a_dateline_whose_month_the_cms_lost_before_电_gives_its_reporters() -> None:
    article = parse(f"园区新厂房落成投用\n2018-06-01\n湘乡新闻网武汉528日电(王晓明 李红 记者 赵刚){LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs[0]) == (("王晓明", "李红", "赵刚"), LEAD)


def test_a_bracketed_byline_without_a_slash_before_the_place_gives_its_reporter() -> None:
    article = parse(f"园区新厂房落成投用\n刊登日期:2024-05-15\n【记者王晓明台南报导】{LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs[0]) == (("王晓明",), LEAD)


def test_a_desk_role_in_a_closing_credit_row_is_not_the_editor_of_record() -> None:
    article = parse(f"园区新厂房落成投用\n{DATED[:-1]}(版面编辑:王晓明 责任编辑:李红)\n")
    assert (article.editor, article.authors, article.paragraphs) == ("李红", (), (LEAD, SECOND))


def test_two_character_keys_spaced_to_a_longer_ones_width_are_read() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n记 者：王晓明\n编 辑：李红 赵刚（实习）\n")
    assert (article.authors, article.editor) == (("王晓明",), "李红")


def test_a_caption_saying_where_people_stand_is_no_headline() -> None:
    caption = "园区主任王晓明(前排右)向来宾李红(前排左)介绍新厂房建设情况"
    article = parse(f"园区新厂房落成投用\n{caption}\n湘乡新闻网2月21日讯(王刚){LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"


def test_a_cms_default_account_edits_nothing() -> None:
    article = parse(f"园区新厂房落成投用\n来源:湘乡新闻网 作者:王晓明 编辑:redcloud 2015-10-20 08:44:55\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.editor) == (("王晓明",), None)


def test_a_dash_deck_over_a_share_widget_is_no_headline() -> None:
    article = parse(f"园区新厂房落成投用\n——湘乡经开区新厂房建设实践\n分享到:\n2019-11-15\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"


def test_a_rails_dates_between_its_headlines_under_an_end_marker_are_no_date() -> None:
    rail = "相关新闻\n-\n园区召开安全生产会议\n[2025-10-18] -\n园区企业招聘会举行\n[2025-10-18] -\n园区道路改造完工\n[2025-10-17] -\n"
    article = parse(f"园区新厂房落成投用\n5月27日，{LEAD}\n{SECOND}\n{rail}")
    assert article.date_inferred and article.date.date().isoformat()[5:] == "05-27"


def test_empty_cells_of_a_bracketed_field_row_name_nothing_and_a_papers_edition_is_no_part_of_it() -> None:
    cells = parse(f"园区新厂房落成投用\n【发布日期:2014-05-28】 【来源:】 【阅读:次】【作者:】\n{LEAD}\n{SECOND}\n")
    edition = parse(f"园区新厂房落成投用\n发布日期:2015/8/19 9:14:51 | 来源:《湘乡日报》8月19日A01版\n{LEAD}\n{SECOND}\n")
    assert (cells.source, cells.authors, edition.source) == (None, (), "湘乡日报")


# --- round seventeen: dates a CMS spaces or runs together, releases, desks and sign-offs ------------
@pytest.mark.parametrize(("row", "stamp"), [
    ("发布日期: 2020- 09- 23 16: 09 浏览次数: 来源: 市统计局", "2020-09-23 16:09"),  # spaces after - and :
    ("2024.0412", "2024-04-12 00:00"),  # a badge: month and day run together
    ("更新时间:09年11月18日 点击数:660", "2009-11-18 00:00"),  # a two-digit year after a label
    ("某学院电子报 E-PAPER 第206期 2014/06/01 出刊/ 半月刊", "2014-06-01 00:00"),  # a newsletter's issue line
], ids=["spaced", "run-together", "two-digit-year", "issue-line"])
def test_a_date_row_as_a_cms_prints_it_dates_the_article(row: str, stamp: str) -> None:
    article = parse(f"园区新厂房落成投用\n{row}\n{LEAD}\n{SECOND}\n")
    assert (article.date.strftime("%Y-%m-%d %H:%M"), article.date_inferred) == (stamp, False)
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("opening", ["(香港.2026年3月12日)", "（2026年3月12日，香港）"])
def test_a_release_opening_with_its_place_and_day_in_brackets_is_dated_by_them(opening: str) -> None:
    article = parse_traditional(f"Press Releases\n(Chinese only)園區新廠房落成投用\n{opening}{T_LEAD}\n{T_SECOND}\n")
    assert (article.title, article.date.date().isoformat()) == ("園區新廠房落成投用", "2026-03-12")
    assert article.paragraphs[0] == T_LEAD


def test_a_papers_tag_in_padded_brackets_leaves_the_lead() -> None:
    article = parse(f"园区新厂房落成投用\n刊登日期:2018.01.05\n( 本报讯) {LEAD}\n{SECOND}\n")
    assert article.paragraphs[0] == LEAD


def test_a_tv_newsrooms_desk_credit_names_its_reporters_and_its_glued_copy_goes() -> None:
    byline = "财经中心/王晓明、李红 台北报导"
    article = parse(f"园区新厂房落成投用\n某新闻网 2025-03-06 18:33\n{byline}{LEAD}\n{byline}\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs) == (("王晓明", "李红"), (LEAD, SECOND))


@pytest.mark.parametrize(("credit", "authors"), [
    ("(图/某新闻)", ()),  # an outlet's picture
    ("（图／王晓明）", ("王晓明",)),  # a photographer's
    ("（示意图／某公司提供）", ()),
], ids=["outlet", "person", "provided"])
def test_whence_a_captions_picture_came_leaves_the_caption(credit: str, authors: tuple) -> None:
    caption = "园区新厂房的外景，首批企业下月搬入。"
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{caption}{credit}\n{SECOND}\n")
    assert (article.paragraphs, article.authors) == ((LEAD, caption, SECOND), authors)


def test_a_comment_boxs_rules_under_the_text_stay_out() -> None:
    rules = ("照片\n发言应遵守发言规则\n回应文章建议规则:\n"
             " • 文章属于开放讨论空间,回应文章的议题与内容不代表本站的立场\n"
             " • 于明知不实或过度谩骂之言论,本站及文章撰写者保留删除权\n"
             " • 请勿留下身份证字号、住址等个人隐私资料,以免遭人盗用,本站不负管理之责\n"
             "公民记者留言请先登入\n")
    article = parse(f"园区新厂房落成投用\n{DATED}{rules}")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_weeklys_name_glued_to_its_issue_and_page_is_the_source() -> None:
    article = parse(f"发布时间:2020-06-12 作者: 点击量:5510 湘乡周报1467期02版 园区动态\n园区新厂房落成投用\n{LEAD}\n{SECOND}\n")
    assert article.source == "湘乡周报"


def test_captions_of_lost_pictures_above_the_desks_sign_off_stay_in_the_text() -> None:
    captions = "园区新厂房落成仪式现场\n园区新厂房落成仪式合影\n"
    article = parse(f"园区新厂房落成投用\n{DATED}{captions}园区办公室 供稿\n文件附件:\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND, *captions.split()]


def test_a_section_name_under_a_topic_headline_is_no_headline() -> None:
    article = parse(f"新厂房|园区新厂房落成投用 首批三家企业搬入\n社会\n发布时间: 2024-11-20 10:00\n{LEAD}\n{SECOND}\n")
    assert article.title == "新厂房|园区新厂房落成投用 首批三家企业搬入"


@pytest.mark.parametrize(("row", "stamp"), [
    ("二〇二四年三月五日", "2024-03-05 00:00"),  # Chinese numerals, as an official document dates itself
    ("二〇二四年十二月三十一日", "2024-12-31 00:00"),
    ("二○二○年十月九日", "2020-10-09 00:00"),  # noughts written as circles
    ("发布时间：2024年03月05日 10时20分", "2024-03-05 10:20"),  # hours and minutes in words
    ("发布日期：113/03/05", "2024-03-05 00:00"),  # an ROC year with slashes
    ("发布日期：113.03.05", "2024-03-05 00:00"),  # and with dots
    ("Mar 05, 2024 10:20", "2024-03-05 10:20"),  # a month by name, first
    ("5 March 2024", "2024-03-05 00:00"),  # and after the day
    ("2024-03-05 03:20 PM", "2024-03-05 15:20"),  # a twelve-hour clock
    ("2024/03/05 PM 03:20", "2024-03-05 15:20"),
    ("2024-03-05 12:20 AM", "2024-03-05 00:20"),
    ("2024年3月5号 09:30", "2024-03-05 09:30"),  # 号 for 日
], ids=["numerals", "numerals-31", "circle-noughts", "hours-in-words", "roc-slashes", "roc-dots", "month-name-first",
        "month-name-after-day", "pm-after", "pm-before", "am-midnight", "hao"])
def test_a_date_in_the_shapes_pages_print_it_dates_the_article(row: str, stamp: str) -> None:
    article = parse(f"园区新厂房落成投用\n{row}\n{LEAD}\n{SECOND}\n")
    assert (article.date.strftime("%Y-%m-%d %H:%M"), article.date_inferred) == (stamp, False)



# --- round eighteen: mirrors' watermarks, units before a role, agencies' dashes, Korean labels ----
def test_a_mirrors_watermark_on_every_line_goes_and_the_text_stays() -> None:
    mark = "vuG21某网"
    paragraphs = [LEAD, SECOND, "园区负责人表示，今年还将引进十家企业，新增就业岗位两千个。",
                  "他也提醒，入驻企业要做好安全生产，园区将定期组织检查。"]
    body = "\n".join(f"{text}{mark}\n{mark}" for text in paragraphs)
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{body}\n")
    assert article.paragraphs == tuple(paragraphs)


def test_a_bracketed_repeat_of_the_original_headline_is_no_title() -> None:
    original = "园区新建的六栋厂房今天落成 首批三家企业搬入"
    article = parse(f"园区新厂房落成投用\n(原标题:{original})\n【{original}】\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"


@pytest.mark.parametrize("note", ["(原标题:532万件!这项全球第一,意味着什么?)", "原标题：园区第一，意味着什么？"])
def test_an_original_headline_note_stays_out_of_the_text_whatever_it_asks(note: str) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}\n{note}\n来源:湘潭日报 作者:王晓明\n")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize(("closing", "authors"), [
    ("（湘乡市委宣传部通讯员 王晓明）", ("王晓明",)),
    ("（某网湖南岳阳市台办通讯员 王晓明 李红）", ("王晓明", "李红")),
], ids=["department", "office-of-a-site"])
def test_a_correspondent_credited_with_the_unit_they_write_for_closes_the_text(
        closing: str, authors: tuple) -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n{SECOND}{closing}\n")
    assert (article.authors, article.paragraphs[-1], article.source) == (authors, SECOND, None)


def test_a_units_correspondent_on_a_line_of_their_own_is_a_byline() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n湘乡经开区通讯员 王晓明 李红\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.source) == (("王晓明", "李红"), None)


def test_an_honorary_reporter_with_a_home_country_is_a_byline() -> None:
    article = parse(f"园区新厂房落成投用\n2025.02.04\n{LEAD}\n{SECOND}\n  某宣网名誉记者王晓明 来自中国\n")
    assert (article.authors, article.source, article.paragraphs) == (("王晓明",), "某宣网", (LEAD, SECOND))


def test_an_undated_dateline_with_reporters_in_brackets_leaves_the_lead() -> None:
    article = parse(f"园区新厂房落成投用\n来源：某旅游报 2024-07-16 17:06\n某旅游报长沙电（记者 王晓明）{LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs[0]) == (("王晓明",), LEAD)


def test_an_agencys_dateline_set_off_by_a_dash_dates_the_text_and_its_standfirst_goes() -> None:
    article = parse(f"园区新厂房落成投用\n{LEAD}\n园区新厂房外景。图自某通社\n某通社河内5月19日——{LEAD}\n{SECOND}\n")
    assert (article.date.strftime("%m-%d"), article.date_inferred) == ("05-19", True)
    assert article.paragraphs == ("园区新厂房外景。", LEAD, SECOND)


def test_a_time_before_a_day_first_date_is_the_articles_time() -> None:
    article = parse(f"园区新厂房落成投用\n6:29 24/12/2025\n{LEAD}\n{SECOND}\n")
    assert article.date.strftime("%Y-%m-%d %H:%M") == "2025-12-24 06:29"


def test_an_english_picture_credit_leaves_the_caption() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n{LEAD}\n园区负责人与来宾会面。 Photo: Office of the Park\n{SECOND}\n")
    assert article.paragraphs == (LEAD, "园区负责人与来宾会面。", SECOND)


def test_a_korean_sites_labels_and_the_story_language_leave_the_headline_alone() -> None:
    lead = "“园区和企业要寻找彼此的共同点，只要真诚地敞开心扉，合作完全可以进一步加强。"
    second = "湘乡经开区管委会主任王晓明在接受本报独家采访、谈到园区发展时这样表示。"
    raw = (f"서희스타힐스\n\n[中文] 让世界充分认识这座小城\n\n기자정보, 기사등록일\n입력 2010-02-17 09:07\n"
           f"    도구모음\n  • 글자크기 설정\n湘乡经开区管委会王晓明主任专访\n\n{lead}\n\n{second}\n\n{SECOND}\n")
    article = parse(raw)
    assert (article.title, article.date.strftime("%Y-%m-%d %H:%M")) == ("让世界充分认识这座小城", "2010-02-17 09:07")


# --- round nineteen: labels above their values, TV video pages, programme schedules -------------
@pytest.mark.parametrize("block", [
    "发布时间:\n\n2025-05-22 10:03\n\n信息来源:\n\n今日湘乡\n\n分享到:\n",  # each label above its value
    "发布时间:\n2025-05-22\n作者:\n来源:\n今日湘乡\n",  # an empty label first
])
def test_a_label_above_its_value_is_read_as_one_field(block: str) -> None:
    article = parse(f"园区新厂房落成投用\n{block}{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors, article.paragraphs) == ("今日湘乡", (), (LEAD, SECOND))


def test_a_tv_stations_video_title_gives_its_air_date_and_loses_the_station() -> None:
    title = "園區新廠房落成 首批企業搬入│某視新聞 20190814"
    article = parse_traditional(f"{title}\n{title}\n{T_LEAD}\n{T_SECOND}\n")
    assert (article.title, article.date.date().isoformat()) == ("園區新廠房落成 首批企業搬入", "2019-08-14")


def test_a_programmes_schedule_names_no_one_and_its_parts_number_is_no_part_of_the_title() -> None:
    raw = (f"某某面对面\n播出时间\n首播 周六22:55~23:55\n重播 周一02:00~03:00\n(凌晨)\n单元介绍:\n"
           f"第一单元 园区新厂房落成投用\n2017年07月08日\n记者:王晓明\n{LEAD}\n{SECOND}\n")
    article = parse(raw)
    assert (article.title, article.authors) == ("园区新厂房落成投用", ("王晓明",))


def test_a_bulletins_name_over_its_issue_and_a_rule_across_the_page_are_no_headline() -> None:
    paragraphs = ["1月24日至25日，市领导带队走访园区企业，看望慰问企业负责人和职工，送去新春问候，"
                  "感谢企业长期以来对园区工作的支持。",
                  "每到一家企业，市领导都仔细了解企业去年的生产经营、今年的发展目标以及眼下遇到的难题，"
                  "鼓励企业把准市场需求，在高质量发展道路上走稳走实。",
                  "春节将至，市领导叮嘱企业压实安全生产主体责任，做好假期值班值守，错峰安排放假，"
                  "引导员工平安出行。"]
    column = "\n".join(line for text in paragraphs for line in _column(text, 28))
    raw = (f"内部资料\u3000注意保存\n\n湘乡经开区工作简报\n\n2022年第4期（总第127期）\n\n"
           f"湘乡经开区党政办编\u3000\u3000\u3000\u3000\u30002022年1月26日\n────────────────────\n\n"
           f"园区领导走访慰问企业\n\n{column}\n")
    article = parse(raw)
    assert (article.title, article.date.date().isoformat()) == ("园区领导走访慰问企业", "2022-01-26")
    assert article.paragraphs == tuple(paragraphs)


# --- round twenty: interns at the desk, a channel's source before its headline, tab labels -----
def test_an_intern_at_the_editors_desk_writes_nothing() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-05 08:12\n红网时刻3月5日讯（记者 王晓明）{LEAD}\n{SECOND}\n编辑:李红 实习生 赵刚\n")
    assert (article.authors, article.editor) == (("王晓明",), "李红")


def test_the_paper_a_channel_took_the_story_from_is_no_part_of_the_headline() -> None:
    article = parse(f"湘潭日报 | 园区新厂房落成投用\n来源:湘潭日报 2024-03-05\n{LEAD}\n{SECOND}\n")
    assert (article.title, article.source) == ("园区新厂房落成投用", "湘潭日报")


def test_a_detail_pages_tab_label_is_no_text() -> None:
    article = parse(f"园区新厂房落成投用\n发布: 2020-01-22 16:04:00\n\n详情描述\n\n{LEAD}\n{SECOND}\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_page_without_title_or_date_is_refused_for_both_at_once() -> None:
    with pytest.raises(SeedError, match="no title and no date found"):
        parse(f"{LEAD}{SECOND}\n{SECOND}{LEAD}\n")


def test_the_account_a_story_came_from_writes_nothing_of_it() -> None:
    article = parse(f"田间|园区新厂房落成投用\n作者:王晓明\n来源:田间\n发表日期:2025.10.6\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("田间", ("王晓明",))


def test_a_long_paragraph_under_a_summary_label_is_the_writers_own_lead() -> None:
    lead = LEAD * 4 + SECOND * 2  # far longer than any platform's gist
    article = parse(f"园区新厂房落成投用\n2019年8月4日\n摘要 {lead}\n{SECOND}\n")
    assert article.paragraphs == (lead, SECOND)


def test_an_archives_copyright_note_and_a_forums_copy_link_button_are_no_text() -> None:
    article = parse(f"园区新厂房落成投用\n[复制链接]\n2024-03-05 08:12\n版权说明:该作品版权归原作者所有。本站仅对原作进行存档。\n"
                    f"{LEAD}\n{SECOND}\n")
    assert article.paragraphs == (LEAD, SECOND)
    assert article.copyright and article.copyright.startswith("版权说明")


# --- round twenty-one: site accounts, kickers led by a dash, two-part headlines, reprint datelines -
@pytest.mark.parametrize("row", ["发布时间2023-09-26  点击量:1858  来源:系统管理", "2023-09-26 来源:时报",
                                 "来源:未知来源 日期:2015-03-18 12:00"])
def test_a_sites_account_or_a_kind_of_paper_names_no_source(row: str) -> None:
    article = parse(f"园区新厂房落成投用\n{row}\n{LEAD}\n{SECOND}\n")
    assert article.source is None


def test_a_kicker_leading_into_its_headline_with_a_dash_is_no_headline() -> None:
    article = parse(f"园区新建的六栋厂房今天落成，企业代表参观——\n\n用工如何对症下药\n\n本报记者 王晓明  2026-02-02 09:02:37\n"
                    f"{LEAD}\n{SECOND}\n")
    assert article.title == "用工如何对症下药"


def test_a_headline_in_two_parts_with_its_date_on_the_line_is_no_byline() -> None:
    article = parse(f"码头繁忙 外贸兴旺 2024年03月07日\n{LEAD}\n{SECOND}\n本报记者 王晓明 摄\n")
    assert (article.title, article.date.date().isoformat()) == ("码头繁忙 外贸兴旺", "2024-03-07")


def test_a_details_row_after_the_sites_address_is_read() -> None:
    article = parse(f"园区新厂房落成投用\nwww.example.com 来源: 湘潭日报 王晓明 用手持设备访问\n湘潭日报5月16日讯 {LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("湘潭日报", ("王晓明",))


def test_a_release_label_a_transcripts_question_and_a_themes_account_credit() -> None:
    question = "记者：（有关园区新厂房交付时间的问题）"
    intro = "以下为园区负责人今日出席新厂房落成仪式后与传媒对话的内容："
    raw = (f"新闻公报\n园区新厂房落成投用\n湘乡新闻中心 by 湘乡新闻中心\n2010年12月5日\n"
           f"{intro}\n{question}\n园区负责人：{LEAD}\n{SECOND}\n")
    article = parse(raw)
    assert (article.title, article.source, article.authors) == ("园区新厂房落成投用", None, ())
    assert article.paragraphs[:2] == (intro, question)


def test_the_paper_a_story_is_reprinted_from_is_its_source() -> None:
    article = parse(f"园区新厂房落成投用\n2024-09-18 10:00\n据湘潭晚报9月18日讯: {LEAD}\n{SECOND}\n")
    assert (article.source, article.paragraphs[0]) == ("湘潭晚报", LEAD)


# --- round twenty-two: a school's media column, the institution that sent a story in --------------
def test_the_outlet_tagging_a_schools_media_column_headline_is_the_source() -> None:
    article = parse(f"[人民网]园区新厂房落成投用\n发布时间:2017年11月17日 16:13\n点击次数:\n{LEAD}\n{SECOND}\n")
    assert (article.title, article.source) == ("园区新厂房落成投用", "人民网")


def test_the_institution_that_sent_a_story_in_closes_it_and_writes_nothing() -> None:
    article = parse(f"园区新厂房落成投用\n2017-11-17 16:13\n{LEAD}\n{SECOND}(湘潭职业技术学院)\n")
    assert (article.paragraphs, article.authors) == ((LEAD, SECOND), ())


def test_counters_glued_after_a_labelled_date_are_more_fields_not_the_lead() -> None:
    article = parse(f"园区新厂房落成投用\n时间:2025-08-26 23:48:04人气:4563来源: 湘乡经济开发区新闻中心网\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.paragraphs) == ("湘乡经济开发区新闻中心网", (LEAD, SECOND))


def test_a_cell_saying_whence_the_story_came_is_its_source() -> None:
    article = parse(f"园区新厂房落成投用\n2012-07-30 | 发布者:王晓明 | 来自红网-湘潭晚报\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors, article.editor) == ("红网-湘潭晚报", (), None)


def test_a_paper_named_under_the_headline_over_a_split_credit_row() -> None:
    article = parse(f"园区新厂房落成投用\n湘潭晚报\n| 记者 王晓明 作者 李红\n2023-03-20 07:12\n{LEAD}\n{SECOND}\n")
    assert (article.title, article.source, set(article.authors)) == ("园区新厂房落成投用", "湘潭晚报", {"王晓明", "李红"})


# --- round twenty-three: a site's name after a double dash, rarer surnames ---------------------------
def test_a_sites_name_after_the_headline_and_a_double_dash_is_no_part_of_it() -> None:
    article = parse(f"园区新厂房落成投用--湘乡国情手册\n2011-05-23\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"


def test_correspondents_of_rarer_surnames_are_credited() -> None:
    article = parse(f"园区新厂房落成投用\n2019-09-27 10:15:30\n{LEAD}\n{SECOND}\n\n通讯员 檀立新 蒋正言 摄\n")
    assert article.authors == ("檀立新", "蒋正言")


@pytest.mark.parametrize("bar", ["简体|繁体|无障碍浏览", "高级|站内搜索|网站地图"])
def test_a_bar_of_site_cells_names_no_writer(bar: str) -> None:
    article = parse(f"{bar}\n园区新厂房落成投用\n发布时间:2023-02-01 16:23:16来源:湘潭日报\n{LEAD}\n{SECOND}\n")
    assert (article.title, article.authors) == ("园区新厂房落成投用", ())


def test_a_photo_storys_captions_under_its_headline_open_the_text_and_its_day_dates_it() -> None:
    captions = "工人在移栽绿化花草\n\n工人在铺装游园路沿石\n\n"
    lead = "6月20日，记者来到园区，新厂房的绿化和道路正在施工，首批企业下月搬入。"
    article = parse(f"第2版:要闻·经济\n园区新厂房配套工程加紧施工\n\n{captions}{lead}\n记者 王晓明 摄\n")
    assert [b.text for b in article.blocks] == ["工人在移栽绿化花草", "工人在铺装游园路沿石", lead]
    assert (article.date.strftime("%m-%d"), article.date_inferred, article.authors) == ("06-20", True, ("王晓明",))


# --- round twenty-four: kinds of reporter, staff photos, first printings, empty fields ---------------
def test_a_media_centres_kind_of_reporter_names_no_outlet() -> None:
    article = parse(f"园区新厂房落成投用\n09-27 18:45\n{LEAD}\n{SECOND}\n融媒体记者:王晓明 李红\n责任编辑:王晓明\n")
    assert (article.source, article.authors, article.editor) == (None, ("王晓明", "李红"), "王晓明")


def test_a_picture_credited_to_the_papers_staff_leaves_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2008-04-30 18:04:06\n{LEAD}\n{SECOND}   本报记者摄\n")
    assert (article.paragraphs, article.authors) == ((LEAD, SECOND), ())


def test_the_paper_a_repost_first_ran_in_is_its_source() -> None:
    article = parse(f"园区新厂房落成投用\n2008-04-30 18:04:06\n原载于〔湘乡劳动报〕第二十八期 30.04.2008\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.paragraphs) == ("湘乡劳动报", (LEAD, SECOND))


def test_an_empty_source_before_a_counter_names_nothing() -> None:
    article = parse(f"园区新厂房落成投用\n来源: 浏览次数:1235次 更新时间:2016-11-28\n{LEAD}\n{SECOND}\n")
    assert article.source is None


def test_a_photographer_in_brackets_with_a_photo_report_closing_a_paragraph_is_credited() -> None:
    article = parse(f"园区新厂房落成投用\n2020-09-20 16:55:00\n{LEAD}(王晓明 摄影报道)\n{SECOND}\n")
    assert (article.paragraphs, article.authors) == ((LEAD, SECOND), ("王晓明",))


# --- round twenty-five: mirrors' links, units signing off in brackets ------------------------------
def test_a_link_a_mirror_glued_before_the_text_goes() -> None:
    article = parse(f"园区新厂房落成投用\n时间:2021-06-27 05:10\n  www.example.com.cn,{LEAD}\n{SECOND}\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_caption_above_a_units_sign_off_in_brackets_stays_in_the_text() -> None:
    caption = "园区负责人与企业代表合影"
    article = parse(f"园区新厂房落成投用\n2024-05-16 10:00\n{LEAD}\n{SECOND}\n\n{caption}\n(展览工作部)\n版权与免责声明：\n")
    assert ([b.text for b in article.blocks][-1], article.authors) == (caption, ())


def test_an_e_papers_pager_beside_the_issues_day_dates_the_article() -> None:
    article = parse(f"第A44版:城事/综合\n园区新厂房落成投用\n3上一期 版面导航\n下一篇4 2015年4月23日 放大 缩小 默认\n{LEAD}\n{SECOND}\n")
    assert (article.date.date().isoformat(), article.date_inferred) == ("2015-04-23", False)


# --- round twenty-six: reading stats, writers' biographies, print views, columns, announced lists ---
def test_a_magazines_reading_stats_beside_the_date_are_counters_not_an_outlet() -> None:
    article = parse(f"园区新厂房落成投用\n・2020/01/26 ・4148字 ・阅读时间约 8 分钟 ・九年级\n{LEAD}\n{SECOND}\n")
    assert (article.date.date().isoformat(), article.source) == ("2020-01-26", None)


def test_a_writers_credit_with_their_biography_after_a_bar_credits_them_and_leaves_the_text() -> None:
    bio = "文/王晓明│2012 年进入编委会，2015 年任总编辑，前后参与编务六年，很庆幸能为刊物效力。"
    article = parse(f"园区新厂房落成投用\n2020-01-26 10:00\n{bio}\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs) == (("王晓明",), (LEAD, SECOND))


def test_a_print_views_back_and_print_links_are_no_headline() -> None:
    article = parse(f"« 返回前页列印\n\n2020年9月4日\n\n东西文明比较的盲点\n\n放大图片\n{LEAD}{SECOND}\n")
    assert article.title == "东西文明比较的盲点"


def test_a_columns_name_and_writer_over_the_headline_are_not_the_headline() -> None:
    article = parse(f"2020年9月4日\n\n自由的国度 王晓明\n\n东西文明比较的盲点\n\n放大图片\n{LEAD}{SECOND}\n")
    assert article.title == "东西文明比较的盲点"


def test_the_short_lines_a_closing_sentence_announces_stay_in_the_text() -> None:
    items = ["联席会议机制是怎样形成的", "前后用了两年时间", "设立这个机制的理由"]
    announces = "会上，园区企业协会会长代表发起方作了工作报告，回顾了一年来的工作，主要讲了以下几个方面："
    article = parse(f"园区新厂房落成投用\n2018-08-02 11:34\n{LEAD}\n\n{SECOND}\n\n{announces}\n\n"
                    + "\n\n".join(items) + "\n")
    assert [b.text for b in article.blocks][-3:] == items


def test_an_advertisements_break_and_an_author_cards_counts_leave_the_text() -> None:
    ad = "-----广告，请继续往下阅读-----"
    article = parse(f"园区新厂房落成投用\n2020-01-26 10:00\n{LEAD}\n\n{ad}\n\n{SECOND}\n\n{ad}\n"
                    "文章难易度\n249 篇文章 ・ 594 位粉丝\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


# --- pictures an agency sent out -------------------------------------------------------------------
@pytest.mark.parametrize("credit", ["图/新华社发(钟立平 摄)", "新华社发(钟立平 摄)"])
def test_the_photographer_of_a_picture_an_agency_sent_out_is_credited_on_a_line_of_their_own(
        credit: str) -> None:
    article = parse(f"园区新厂房落成投用\n2022-12-28 18:30\n{LEAD}\n\n{SECOND}\n\n{credit}\n编辑/柯小雯\n")
    assert (article.authors, article.source, article.paragraphs) == (("钟立平",), None, (LEAD, SECOND))


def test_an_agencys_photo_credit_that_lost_its_closing_bracket_leaves_the_caption() -> None:
    caption = "12月27日，园区的工人正在搬运新设备进车间。"
    article = parse(f"园区新厂房落成投用\n2016-11-28 10:00\n{caption}新华社发(罗川 摄\n\n{LEAD}\n{SECOND}\n")
    assert article.blocks[0].text == caption and "罗川" in article.authors


# --- round twenty-seven: places glued to names, offices' second names, typed sources, site rows ----
@pytest.mark.parametrize("credit", ["记者 蔡明远台北 报导", "记者蔡明远洛杉矶报导"])
def test_a_reporters_name_with_the_place_they_file_from_glued_to_it_is_credited(credit: str) -> None:
    article = parse(f"园区新厂房落成投用\n2020-07-17 10:00\n{credit}\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs) == (("蔡明远",), (LEAD, SECOND))


def test_an_offices_second_name_in_brackets_stays_in_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n发布时间: 2023-05-29 14:47:00 来源:监测预报与科技处(应急服务处)\n{LEAD}\n{SECOND}\n")
    assert article.source == "监测预报与科技处(应急服务处)"


def test_the_paper_an_editor_typed_with_its_day_wins_over_the_templates_source() -> None:
    article = parse(f"园区新厂房落成投用\n来源:新华社 2024-09-20 20:38:30 浏览量:\n来源:9月20日《新华每日电讯》\n{LEAD}\n{SECOND}\n")
    assert article.source == "新华每日电讯"


def test_a_sites_name_before_its_own_address_on_the_date_row_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n阳光东坑  http://dk.example.com/   2022-05-25 11:00\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.date.strftime("%Y-%m-%d %H:%M")) == ("阳光东坑", "2022-05-25 11:00")


def test_a_reporters_bracketed_credit_with_a_longer_place_after_the_papers_dateline_is_credited() -> None:
    article = parse(f"园区新厂房落成投用\n2020-07-17 10:00\n【大纪元2020年07月17日讯】(大纪元记者韩珮瑜洛杉矶报导){LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs) == (("韩珮瑜",), (LEAD, SECOND))


# --- round twenty-eight: long field rows, editors among writers, account IDs, slogans, sponsors ----
def test_a_long_row_of_fields_is_read_and_an_editor_without_a_colon_among_the_writers_is_the_editor() -> None:
    row = "发布时间: 2026-01-29 21:09:16 来源: 湘乡经开区网 作者: 记者 许嘉琪 何志远 钱慕白 编辑 林若溪"
    article = parse(f"园区新厂房落成投用\n{row}\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors, article.editor) == (
        "湘乡经开区网", ("许嘉琪", "何志远", "钱慕白"), "林若溪")


def test_the_editor_after_the_writers_in_a_datelines_brackets_wrote_nothing() -> None:
    article = parse(f"园区新厂房落成投用\n2026-01-29 21:09\n某网1月29日讯(记者 许嘉琪 何志远 编辑 林若溪){LEAD}\n{SECOND}\n")
    assert article.authors == ("许嘉琪", "何志远")


def test_a_wechat_accounts_id_after_the_source_is_no_part_of_it() -> None:
    article = parse(f"园区新厂房落成投用\n2019-09-13 23:18:57\n转自:网信军民融合(wxjmrh)\n{LEAD}\n{SECOND}\n")
    assert article.source == "网信军民融合"


def test_a_sites_slogan_above_the_breadcrumb_does_not_pull_the_text_above_the_headline() -> None:
    slogan = "某某名企网立足企业资讯传播,解读企业政策,传递企业相关经济资讯,交流最新商业信息!为所有中国企业服务的专业资讯网站!"
    article = parse(f"{slogan}\n\n当前位置:主页 > 行业 > 警惕C轮死!\n\n警惕C轮死!\n\n"
                    f"来源:某某名企网作者:褚文岚更新时间:2020-08-30 22:20:02阅读:\n\n本篇文章8748字,读完约22分钟\n\n"
                    f"{LEAD}\n\n{SECOND}\n")
    assert (article.title, article.authors, article.paragraphs) == ("警惕C轮死！", ("褚文岚",), (LEAD, SECOND))


def test_a_sites_sponsors_under_its_masthead_are_no_text() -> None:
    sponsors = "江苏省委宣传部 江苏省精神文明建设办公室 主办"
    article = parse(f"园区新厂房落成投用\n2021-11-11 15:09:00  来源:苏州日报\n{LEAD}\n\n{sponsors}\n\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_reporters_pen_name_closing_the_text_is_vouched_for_by_the_role() -> None:
    article = parse(f"园区新厂房落成投用\n2021-11-11 15:09:00\n{LEAD}\n{SECOND[:-1]}。(记者 晨阳)\n")
    assert (article.authors, article.paragraphs) == (("晨阳",), (LEAD, SECOND))


# --- round twenty-nine: uploads' names, comment links, counters' labels, US dates, desks' bylines ---
def test_an_uploads_name_in_place_of_a_caption_is_no_text() -> None:
    upload = "高润田 “《湘乡报》是我写评论的起点(2306790)-20220113073449_副本.jpg"
    article = parse(f"园区新厂房落成投用\n2022-01-13 09:14:06\n{LEAD}\n\n{upload}\n\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_an_outlet_and_writer_beside_the_date_are_read_past_the_sites_address_and_a_comment_link() -> None:
    article = parse(f"园区新厂房落成投用\nhttp://www.example.com 2017-10-29 中国文学网 祁振元 参加讨论\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("中国文学网", ("祁振元",))


def test_a_writer_after_the_source_is_read_past_a_font_size_widget() -> None:
    article = parse(f"园区新厂房落成投用\n2018/9/14 11:41:30 来源:文化遗产 钱佩云 选择字号:\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("文化遗产", ("钱佩云",))


def test_an_outlet_in_the_writers_slot_before_an_empty_counter_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n2022-05-18 09:58 作者:中国出版传媒商报 围观:\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("中国出版传媒商报", ())


def test_a_month_first_date_is_read_when_its_day_cannot_be_a_month() -> None:
    article = parse(f"园区新厂房落成投用\n\n  • 06/29/2023\n  • |\n  • 期数:335\n\n{LEAD}\n{SECOND}\n")
    assert article.date.date().isoformat() == "2023-06-29"


def test_a_desks_bracketed_byline_on_its_own_line_credits_its_reporters() -> None:
    article = parse(f"园区新厂房落成投用\n2023-06-29\n\n【秘书室讯/校园记者程雨晴、邱亭瑄报导】\n\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs) == (("程雨晴", "邱亭瑄"), (LEAD, SECOND))


def test_media_centre_reporters_after_a_dateline_and_before_a_colon_are_credited() -> None:
    article = parse(f"园区新厂房落成投用\n2024-09-25 16:54\n大江网/大江新闻客户端讯 全媒体记者韩立舟、符嘉言报道: {LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs) == (("韩立舟", "符嘉言"), (LEAD, SECOND))


def test_a_closing_credit_in_brackets_gives_the_outlet_the_reporters_and_the_desks_editor() -> None:
    article = parse(f"园区新厂房落成投用\n09-22 06:26\n{LEAD}\n{SECOND}\n\n(鄂州日报全媒体记者龙启明、苏建平、傅晓岚  责任编辑莫青)\n\n相关阅读\n")
    assert (article.source, article.authors, article.editor) == ("鄂州日报", ("龙启明", "苏建平", "傅晓岚"), "莫青")


def test_a_captions_unbracketed_picture_credit_leaves_it() -> None:
    caption = "园区新厂房落成仪式现场。"
    article = parse(f"园区新厂房落成投用\n人间社记者林璟豪彰化报导 |2016.05.26\n字级\n{caption} 图/人间社记者林璟豪\n{LEAD}\n{SECOND}\n")
    assert all("图/" not in b.text for b in article.blocks) and article.authors == ("林璟豪",)


# --- round thirty: glued dates, codes for sources, joint reports, prefixes, notes, badges, units ----
def test_a_date_glued_to_the_leads_day_after_other_fields_is_cut_from_it() -> None:
    article = parse(f"集团要闻\n园区新厂房落成投用\n来源:CNBM 发布时间:2011-03-053月3日,{LEAD}\n{SECOND}\n")
    assert (article.date.date().isoformat(), article.source, article.blocks[0].text[:4]) == (
        "2011-03-05", "CNBM", "3月3日")


def test_a_row_of_two_fields_after_the_date_is_a_byline_however_long() -> None:
    row = "2017年04月28日 08:24 来源:《中国社会科学报》2017年4月28日第1196期 作者:中国社会科学院国际合作局"
    article = parse(f"园区新厂房落成投用\n{row}\n\n{LEAD}\n{SECOND}\n")
    assert (article.date.strftime("%Y-%m-%d %H:%M"), article.source) == ("2017-04-28 08:24", "中国社会科学报")


def test_a_mirrors_code_in_the_source_field_gives_way_to_the_datelines_outlet() -> None:
    article = parse(f"园区新厂房落成投用\n发布时间:2024-11-09 20:17:01 来源: sp20241109\n中新网 南宁1月11日电 (韦承志){LEAD}\n{SECOND}\n")
    assert article.source == "中新网"


def test_a_joint_reports_closing_credit_leaves_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2010-09-26 15:20:00\n{LEAD}\n{SECOND[:-1]}。(中国台湾网、开封市台办联合报道)\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_writers_name_before_the_headline_after_a_semicolon_is_the_author() -> None:
    article = parse(f"周武;新型智库的“七年之痒”\n时间:2019-11-21 来源:湖南智库网 作者:周武\n{LEAD}\n{SECOND}\n")
    assert (article.title, article.authors) == ("新型智库的“七年之痒”", ("周武",))


def test_a_papers_name_glued_before_the_headline_and_a_bookmark_widget_after_the_source_go() -> None:
    article = parse(f"中国青年报|园区新厂房落成投用\n\n作者: 发布时间:2024-01-02 来源:中国青年报+收藏本文\n\n{LEAD}\n{SECOND}\n")
    assert (article.title, article.source) == ("园区新厂房落成投用", "中国青年报")


def test_a_note_on_where_the_piece_first_ran_is_no_text() -> None:
    note = "本文原标题为《园区新厂房》，发表在学术期刊《园区研究》2022年第4期，作者授权某网发布文章精简版。"
    article = parse(f"园区新厂房落成投用\n发布时间:2022-11-28 作者: 韩川\n{LEAD}\n{SECOND}\n\n{note}\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_date_badge_of_digits_alone_is_never_the_headline() -> None:
    with pytest.raises(SeedError, match="no title"):
        parse(f"1 2025-04\n2025-04-01 15:17\n{LEAD}\n{SECOND}\n")


def test_a_writers_unit_and_name_in_brackets_closing_the_page_credit_the_writer() -> None:
    article = parse(f"园区新厂房落成投用\n2023-05-10 10:00\n{LEAD}\n{SECOND}\n\n(省社科联组联中心 梁卫)\n")
    assert (article.authors, article.source) == (("梁卫",), None)


# --- round thirty-one: photo teams, captions before the lead, tags, social credits, stats, co-brands -
def test_a_photo_desks_whole_team_closing_the_page_is_credited() -> None:
    team = "新京报记者 柏长青 卢峰 唐嘉怡 祝少卿 史然 孔骏 实习生 梅婉清 沈思远 摄影报道"
    article = parse(f"园区新厂房落成投用\n2018-06-07 09:56\n{LEAD}\n{SECOND}\n{team}\n")
    assert (article.source, len(article.authors)) == ("新京报", 8)


def test_a_dateline_opening_the_lead_under_many_captions_leaves_it() -> None:
    captions = "\n".join([
        "陈经纶中学考点，一位老师与学生相拥。", "东直门中学考点，家长送孩子到考点。", "北京八中考点，考生依次走进考场。",
        "北京四中考点，考生在门口合影。", "人大附中考点，家长在场外等候。", "十一学校考点，志愿者为考生指路。",
        "北京五中考点，考生走出考场。", "汇文中学考点，交警在路口执勤。"])
    second = "新京报记者分赴多个考点，用镜头记录下今年高考第一天的现场。"
    article = parse(f"园区新厂房落成投用\n2018-06-07 09:56\n订阅\n{captions}\n新京报快讯 {LEAD}\n{second}\n")
    assert LEAD in [b.text for b in article.blocks]


def test_a_follow_button_under_the_byline_is_no_text() -> None:
    article = parse(f"园区新厂房落成投用\n2023-06-08 10:19:06 来源: 驻马店网\n关注河南热线\n{LEAD}\n{SECOND}\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_posts_tags_after_its_headline_are_no_part_of_it() -> None:
    article = parse(f"扫呢页CODE去手机\n2026年1月29日 星期四\n园区新厂房落成投用 #园区 #新厂房 #湘乡\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"


def test_a_picture_taken_from_a_social_post_leaves_its_caption() -> None:
    caption = "园区负责人在新厂房前合影。"
    article = parse(f"园区新厂房落成投用\n2026-01-29 10:00\n{LEAD}\n\n{caption}(ig@example_park)\n\n{SECOND}\n")
    assert caption in [b.text for b in article.blocks] and all("@" not in b.text for b in article.blocks)


def test_a_channels_stats_row_is_no_text() -> None:
    article = parse(f"园区新厂房落成投用\n2025-06-07 10:00\n{LEAD}\n\n体育正文 59 0\n\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_who_cut_the_video_writes_nothing() -> None:
    article = parse(f"园区新厂房落成投用\n2025-08-08 04:20\n{LEAD}\n\n剪辑 罗远\n\n{SECOND}\n")
    assert (article.authors, [b.text for b in article.blocks]) == ((), [LEAD, SECOND])


def test_a_shared_documents_extension_is_no_part_of_the_headline() -> None:
    article = parse(f"园区新厂房采购文件.docx\n上传时间:2023-07-10\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房采购文件"


def test_of_two_brands_credited_together_the_first_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n时间:2025-08-08 04:20\n南方网、粤学习记者 柳丹妍\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("南方网", ("柳丹妍",))


# --- round thirty-two: a university CMS's empty credit row, a repost's original writer --------------
def test_empty_writer_and_picture_labels_name_no_one_and_a_closing_text_and_photo_credit_does() -> None:
    row = "文字作者:图片作者:稿件来源:衢州学院发布时间:2011-04-08浏览量:2785"
    article = parse(f"园区新厂房落成投用\n{row}\n{LEAD}\n{SECOND[:-1]}。(文/应晓丹  摄/柴雨婷)\n审核:编辑:\n")
    assert (article.authors, article.paragraphs) == (("应晓丹", "柴雨婷"), (LEAD, SECOND))


def test_a_reposts_original_writer_is_the_author_without_their_organisation() -> None:
    article = parse(f"园区新厂房落成投用\n2022-01-12 区块律动BlockBeat 来源:区块链网络\n原文标题:《园区新厂房》\n"
                    f"原文作者:Preston,先知实验室\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("Preston",)


# --- round thirty-three: Latin pen names, pictures' addresses, platforms' accounts, magazines' credits
def test_a_pen_name_of_latin_words_is_one_author() -> None:
    article = parse(f"园区新厂房落成投用\n2024-03-01\n作者: Engineer K\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("Engineer K",)


def test_a_pictures_source_given_as_its_address_is_no_text() -> None:
    credit = "(图片来源:https://example.com/s?id=1664818696478762937&wfr=spider&for=pc)"
    article = parse(f"园区新厂房落成投用\n2024-03-01\n{LEAD}\n\n△图 1 园区新厂房\n{credit}\n\n{SECOND}\n")
    assert all("图片来源" not in b.text for b in article.blocks)


def test_a_disclaimer_in_the_name_of_the_platform_is_no_text() -> None:
    note = "▲本文经受访者确认发布，仅代表受访者观点，不代表本平台立场。"
    article = parse(f"园区新厂房落成投用\n2021-09-03 08:06:51\n{LEAD}\n\n{note}\n\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_students_class_after_her_name_is_no_part_of_it() -> None:
    article = parse(f"园区新厂房落成投用\n2017-12-26 17:46:39 阅读() 作者:龙依依(237班)\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("龙依依",)


def test_a_topics_news_column_over_the_headline_names_no_outlet() -> None:
    article = parse(f"教育新闻\n园区新厂房落成投用\n{LEAD}\n{SECOND}\n9月7日下午，园区举行了落成仪式。\n")
    assert article.source is None


def test_an_account_beside_its_views_the_date_and_its_ip_region_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n驾仕派 2234浏览 2024-09-13 IP属地: 四川\n{LEAD}\n{SECOND}\n")
    assert article.source == "驾仕派"


@pytest.mark.parametrize(("credit", "authors"), [
    ("文/天下杂志主笔 叶书帆", ("叶书帆",)),  # the writer's post before the name
    ("文、摄影/施宏哲", ("施宏哲",)),  # roles joined
    ("撰文・摄影/施宏哲", ("施宏哲",)),
    ("文‧孙若梅 图‧邓宜蓁", ("孙若梅", "邓宜蓁")),  # a middle dot for the slash, the photographer after
], ids=["post", "roles", "roles-dot", "middle-dot"])
def test_magazines_credits_name_their_writers(credit: str, authors: tuple[str, ...]) -> None:
    article = parse(f"园区新厂房落成投用\n2020-08-01\n{credit}\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs) == (authors, (LEAD, SECOND))


def test_an_issue_and_column_tag_before_the_headline_is_no_part_of_it() -> None:
    article = parse(f"【人医心传第163期 - 活水堂】园区新厂房落成投用\n2020-08-01\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"


# --- round thirty-four: senders beside the date, portals' columns, placeholders, release clocks ------
def test_a_company_alone_with_the_date_under_the_headline_is_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n\n三一重工 2019-05-17 10:17:22\n\n{LEAD}\n{SECOND}\n")
    assert article.source == "三一重工"


def test_a_portals_column_over_the_headline_is_not_its_kicker() -> None:
    lead = "5月9日，新洲镇政府在河堤上开展防汛实战演练，全镇干部群众参加。"
    article = parse(f"政府信息公开\n\n新洲镇开展防汛实战演练\n\n2018-05-09 00:00 信息来源:市政府办\n{lead}\n{SECOND}\n")
    assert article.title == "新洲镇开展防汛实战演练"


def test_a_scrapers_placeholder_account_edits_nothing() -> None:
    article = parse(f"园区新厂房落成投用\n时间:2014-09-23 00:41 来源:cnblogs.com\n{LEAD}\n{SECOND}\n(责任编辑：IT)\n")
    assert article.editor is None


def test_a_releases_clock_at_its_foot_gives_the_time_its_dated_head_lacks() -> None:
    article = parse(f"园区新厂房落成投用\n二零一五年五月二十六日\n{LEAD}\n{SECOND}\n\n香港时间11时43分\n")
    assert article.date.strftime("%Y-%m-%d %H:%M") == "2015-05-26 11:43"


def test_links_to_earlier_releases_named_by_their_day_do_not_date_the_page() -> None:
    links = "\n".join(f"二零一九年十月{d}日的新闻公报" for d in "八九")
    with pytest.raises(SeedError, match="no date"):
        parse(f"重要公告\n本署提醒市民小心伪冒来电，详情请浏览以下新闻公报:\n{links}\n其他资讯\n"
              f"园区新厂房落成投用\n{LEAD}\n{SECOND}\n")


def test_a_close_button_above_a_sites_motto_does_not_keep_the_text_above_the_byline() -> None:
    motto = "媒体本是中道力量、社会的良知良心，也是公众的守护者，更是地方发展的推动者与记录者。"
    article = parse(f"关闭\n\n{motto}\n\n东方报\n\n关于东方报\n园区新厂房落成投用 列印\n"
                    f"周日, 07 十月 2018 12:45\n\n{LEAD}\n\n{SECOND}\n")
    assert (article.title, article.source) == ("园区新厂房落成投用", None)


def test_a_roundups_compiler_is_its_author_and_a_recommender_names_no_outlet() -> None:
    row = "2011-10-7 17:06| 发布者: lkq| 查看: 5873| 评论: 0|原作者: 东方互动报道和评论一束 齐晚秋辑|来自: 赵大年推荐"
    article = parse(f"园区新厂房落成投用\n{row}\n{LEAD}\n{SECOND}\n")
    assert (article.authors, article.source) == (("齐晚秋",), None)


# --- round thirty-five: flattened pages, upload stamps, portals as editors, follow bars, star rules ---
def test_a_page_copied_as_one_line_keeps_its_spaced_date_and_its_bracketed_credit_whole() -> None:
    third = "园区还计划明年再建四栋标准厂房，吸引更多配套企业入驻，带动周边村民就业。"
    article = parse(f"园区新厂房落成投用 2025 年 10 月 3 日 {LEAD}{SECOND}{third} (记者 韩思远 制作 柯雨桐)")
    assert (article.date.date().isoformat(), article.authors) == ("2025-10-03", ("韩思远",))


def test_an_upload_stamp_glued_after_the_writer_is_a_key_of_its_own() -> None:
    article = parse(f"园区新厂房落成投用\n作者:邵岷上传时间:2026-01-26\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("邵岷",)


def test_a_hotline_portal_in_the_editors_slot_is_no_editor() -> None:
    article = parse(f"园区新厂房落成投用\n2016-11-08 11:03:56 | 成都热线\n{LEAD}\n{SECOND}\n[编辑:成都热线 ]\n")
    assert article.editor is None


def test_a_follow_bar_of_bulleted_buttons_is_no_text() -> None:
    article = parse(f"园区新厂房落成投用\n来源:云南经济日报 2023-05-17 10:46:53\n  • 关注微信\n\n  • 关注微博\n{LEAD}\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_headline_marked_off_with_stars_under_a_keyword_shell_is_the_headline() -> None:
    article = parse("某某app\n您当前的位置 : 某某app>某某app\n某某app|某某app邀请码\n2024-01-26\n888次\n某某app\n"
                    f"园区新厂房落成投用******\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区新厂房落成投用"


# --- round thirty-six: categories beside a day, sites' reporters, bars, English bylines, notices ----
def test_a_posts_day_beside_its_categories_dates_it() -> None:
    article = parse(f"园区新厂房落成投用\n\n2022 年 03 月 16 日 | 某电子报, 新闻专业, 新闻产业, 新闻背后\n\n{LEAD}\n{SECOND}\n")
    assert article.date.date().isoformat() == "2022-03-16"


def test_a_sites_name_and_its_correspondent_opening_the_lead_leave_it() -> None:
    article = parse(f"园区新厂房落成投用\n2016-07-08 15:35:28\n三湘统战网(通讯员 罗晖) {LEAD}\n{SECOND}\n")
    assert (article.authors, article.paragraphs) == (("罗晖",), (LEAD, SECOND))


def test_an_account_a_bar_and_the_day_name_the_source() -> None:
    article = parse(f"园区新厂房落成投用\n青瞳视角| 2023-01-19 08:09:27\n{LEAD}\n{SECOND}\n")
    assert article.source == "青瞳视角"


def test_an_english_byline_of_a_bilingual_outlet_names_its_writer() -> None:
    article = parse(f"园区新厂房落成投用\nBy 风朗 on 20 Sep 2018\n{LEAD}\n{SECOND}\n")
    assert article.authors == ("风朗",)


def test_a_bureau_in_brackets_closing_the_text_sent_it_in() -> None:
    article = parse(f"园区新厂房落成投用\n2023-01-19 08:09:27\n{LEAD}\n{SECOND[:-1]}。(公安部交通管理局)\n")
    assert article.paragraphs == (LEAD, SECOND)


@pytest.mark.parametrize("notice", [
    "文章评论 (评论内容只代表网友观点，与本站立场无关!)",
    "“来源:某晚报或某新闻网”，违者将依法追究法律责任。",
    "点开视频，记者带你实探园区的新厂房",
], ids=["comments", "rights", "video"])
def test_notices_about_the_page_are_no_text(notice: str) -> None:
    article = parse(f"园区新厂房落成投用\n2015/7/3 20:50:36\n{LEAD}\n\n{notice}\n\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_speakers_name_before_a_headline_printed_twice_stays_in_it() -> None:
    headline = "郑晓华:园区新厂房落成投用"
    article = parse(f"{headline}\n{headline}\nBy 风朗 on 20 Sep 2018\n{LEAD}\n{SECOND}\n")
    assert "郑晓华" not in article.authors


def test_an_outlets_promotion_of_its_account_elsewhere_is_no_text() -> None:
    promo = "DW中文有Instagram!欢迎搜寻dw.chinese,看更多深入浅出的图文与影音报道。"
    article = parse(f"园区新厂房落成投用\n2025-05-20 12:56\n{LEAD}\n\n{promo}\n\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


# --- round thirty-seven: co-branded outlets, spaced roles before fields, decks, bulleted meta cells --
def test_a_paper_and_its_site_credited_as_one_brand_keep_their_slash() -> None:
    article = parse(f"园区新厂房落成投用\n发布时间:2022年02月10日\n今日女报/凤网通讯员 韦嘉琳 莫川\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("今日女报/凤网", ("韦嘉琳", "莫川"))


def test_a_reporter_without_a_colon_before_keyed_fields_is_credited() -> None:
    article = parse(f"园区新厂房落成投用\n2017-01-12 01:51:34   转载\n记者 柯定远 来源:商丘网—商丘日报\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("商丘网—商丘日报", ("柯定远",))


def test_a_deck_over_the_byline_is_not_the_headline() -> None:
    article = parse("县委书记的一天(人民观察)\n\n发表日期:2011-02-12 点击\n\n               ——走近县委书记(上)\n\n"
                    f"记者  韩启明  蒋立新        来源:人民网\n{LEAD}\n{SECOND}\n")
    assert article.title == "县委书记的一天（人民观察）"


def test_a_posts_bulleted_meta_cells_are_never_its_headline() -> None:
    article = parse("资讯 · 搜寻\n· · 英文版 · 订阅\n最新\n港闻\n专题\n园区大选|新厂房候选人首尔扫街 退选者转撑声势\n"
                    f"- 2025-06-01\n- 专题\n- 新报人\n- 记者:冯浩霖编辑:郭彦廷\n- 2025-06-01\n{LEAD}\n{SECOND}\n")
    assert article.title == "园区大选|新厂房候选人首尔扫街 退选者转撑声势"


@pytest.mark.parametrize("widget", ["信息发布者:邵立民", "打赏捐赠", "!我要举报这篇文章",
                                    "声明 本文由某网注册会员上传并发布,某网仅提供信息发布平台。"])
def test_a_member_platforms_widgets_and_notice_are_no_text(widget: str) -> None:
    article = parse(f"园区新厂房落成投用\n2017-01-12 01:51:34\n{LEAD}\n\n{widget}\n\n{SECOND}\n")
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


@pytest.mark.parametrize(("row", "source"), [
    ("新京报2024-03-22 20:30:47  54", "新京报"),  # a paper's short name glued to the date
    ("本报记者 柯 岚 邵明川    2026-02-02 09:02:37    人民日报", "人民日报"),  # the paper after the day
], ids=["glued", "after"])
def test_a_paper_beside_the_day_is_the_source(row: str, source: str) -> None:
    assert parse(f"园区新厂房落成投用\n{row}\n{LEAD}\n{SECOND}\n").source == source


def test_the_outlet_named_with_its_reporters_in_the_writers_field_is_the_source() -> None:
    row = "新闻作者:湘乡日报/湘乡网通讯员 王晓明 李红  发布时间:2026年11月26日  查看次数:  放大 缩小 默认"
    article = parse(f"园区新厂房落成投用\n{row}\n{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors) == ("湘乡日报/湘乡网", ("王晓明", "李红"))


# --- round thirty-eight: spans across months, outlets' reporters without a place, empty keys, stamps -
def test_a_span_across_two_months_opening_the_lead_dates_it_by_its_first_day() -> None:
    lead = "3月30日—4月3日，农业部农机化司来园区考察农业机械化工作。"
    article = parse(f"园区新厂房落成投用\n{lead}\n{SECOND}\n")
    assert (article.date.strftime("%m-%d"), article.date_inferred) == ("03-30", True)


def test_an_outlet_and_its_reporter_in_brackets_without_a_place_are_credited() -> None:
    article = parse(f"园区新厂房落成投用\nNews586 冯启明-新竹 2022-01-01\n【News586/记者冯启明报导】{LEAD}\n{SECOND}\n")
    assert (article.source, article.authors, article.paragraphs) == ("News586", ("冯启明",), (LEAD, SECOND))


def test_an_empty_original_link_key_closing_a_row_of_fields_is_no_lead_in() -> None:
    row = "放大字体  缩小字体 时间:2022-03-04 14:43 来源:中国畜牧杂志微信号 作者:  浏览:156 原文:"
    article = parse(f"园区新厂房落成投用\n{row}\n{LEAD}\n{SECOND}\n")
    assert (article.date.strftime("%Y-%m-%d %H:%M"), article.source) == ("2022-03-04 14:43", "中国畜牧杂志微信号")


def test_a_sites_further_reading_block_ends_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n2021-04-09\n{LEAD}\n{SECOND}\n\nexample.com扩展阅读\n\n园区另一篇新闻的标题\n"
                    "另一篇新闻的正文，说的是园区去年的另一件事情。\n")
    assert article.paragraphs == (LEAD, SECOND)


def test_a_dated_stamp_closing_a_paragraph_dates_a_page_that_has_no_other_date() -> None:
    article = parse(f"园区新厂房落成投用\n【韦以翔/埔里报导】{LEAD}\n{SECOND[:-1]}。(2014.01.10)\n")
    assert (article.date.date().isoformat(), article.paragraphs[-1]) == ("2014-01-10", SECOND)


def test_an_archive_pages_next_post_after_the_dated_stamp_is_no_part_of_the_text() -> None:
    article = parse(f"园区新厂房落成投用\n【韦以翔/埔里报导】{LEAD}\n{SECOND[:-1]}。(2014.01.10)\n\n"
                    "从和解到新生 迎接新的时代\n\n园区无车日\n\n这是另一篇文章的第一句话，说的是园区的另一件事情。\n")
    assert article.paragraphs == (LEAD, SECOND)
