"""A pattern never drops a sentence of the body (issue 13): furniture is short and not a sentence.

Every line-dropping pattern of ``patterns.py`` (and of ``parse.py``) is fed real sentences that
hold its trigger words, at the start, in the middle and at the end of the body; each sentence
must come out whole. A new pattern of ``patterns.py`` must be listed here with its sentences,
or among the patterns that never decide a line's fate.
"""

from __future__ import annotations

import re

import pytest

from park_digest.ingest import patterns
from park_digest.ingest.parse import parse_article
from park_digest.ingest.punctuation import to_fullwidth

# pattern name → sentences that hold its trigger (all invented)
SENTENCES: dict[str, list[str]] = {
    "BOILERPLATE_LINES": [
        "园区共发布广告招聘启事12篇，吸引粉丝3000位关注。",
        "返回前页可以查看园区打印的通知原文。",
        "关注湘乡经开区网的读者越来越多，园区为此开通了新栏目。",
        "当前位置优越的新厂区吸引了十多家配套企业入驻。",
        "位置：园区东侧的新地块已经完成平整，下月开工。",
        "您现在的位置决定了通勤时间，园区为此开通了三条公交专线。",
        "分享经验时，企业代表说最难的是招到熟练工人。",
        "分享到这里，他停了停，又补充了几个数字。",
        "立即下载园区服务指南的企业超过两百家，反响不错。",
        "阅读下一篇报告之前，委员们先讨论了资金安排。",
        "上一篇：园区去年的报告里已经提到过这个问题。",
        "返回园区首页后，企业可以在服务栏目里查询审批进度。",
        "【打印】这个词出现在旧系统的按钮上，新系统已经改掉了。",
        "扫一扫门口的二维码，访客就能预约参观展厅。",
        "点击查看详情的人数在发布会后翻了一番。",
        "相关新闻报道引起了省里的关注，调研组随后到来。",
        "热门推荐岗位集中在电子信息和新材料两个行业。",
        "推荐阅读书目由园区图书室每月更新一次，职工可以免费借阅。",
        "我要评论这件事，就得先把数据弄清楚，他说。",
        "发表评论的网民大多支持延长公交运营时间。",
        "字号招牌统一更换后，园区主干道的街景整洁了许多。",
        "举报电话开通一个月，共收到有效线索十二条。",
        "网友评论说，这条路修得又快又好。",
        "已有30家企业报名参加下周的供需对接会。",
        "推荐，是这次评选中最受争议的环节，评委会为此开了三次会。",
        "首页 > 新闻这种导航在旧网站上很常见，新版网站改成了顶部菜单。",
        "园区 > 去年的产值目标，这个说法在会上被多次提到。",
        "<p>这是园区网站旧版留下的<strong>HTML</strong>段落。</p>",
        "视频加载中途卡顿的问题，技术人员已经排查完毕。",
        "正在加载货物的卡车排成一列，等着驶出园区大门。",
        "图片来源于网络的宣传素材，园区要求一律核实版权后再用。",
        "【图片】栏目每周更新一次，展示园区企业的新车间和新产品。",
    ],
    "LINK_ROW": ["企业|高校|科研院所三方合作的模式，在园区已经推广到五家企业。"],
    "SITE_WORDS": [
        "关于我们这个团队，园区负责人只说了一句话：能打硬仗。",
        "本次活动主办单位：市商务局，承办单位为园区管委会。",
        "企业负责人介绍，新产品的版权所有人是公司的研发中心。",
    ],
    "REPRINT": [
        "园区企业的软件产品附有版权说明，用户安装前需要逐条确认。",
        "这篇报道原载于园区的内部通讯，后来被多家媒体转发，引起不少关注。",
        "检查组发现，个别企业未经授权擅自转载使用他人的设计图纸，已经责令整改。",
        "他提醒创业者，严禁转载盗用他人作品，这既是法律要求也是行业底线。",
        "质检员说，凡标注来源的原料都要抽检，未标注的一律退回。",
        "这家出版社去年获授权转载了三部园区题材的报告文学，反响很好。",
        "这组照片原刊于上世纪八十年代的厂报，如今被收进了园区展览馆。",
    ],
    "SOURCE_URL_LINE": ["原文链接：这种说法在培训课上被反复纠正，讲师建议写全网址。"],
    "URL": ["企业可登录 www.example.cn 查询补贴政策，办理时间为工作日。"],
    "PLACEHOLDER": ["园区今年新建的2号厂房面积达到一万平方米，已经全部租出。"],
    "FIELD": [
        "来源：据园区统计，今年一季度新签约项目的投资总额同比增长三成。",
        "作者：这是他第一次在省级刊物上以作者身份发表论文，他很激动。",
        "编辑：这个岗位园区今年新招了两名，都来自本地高校。",
        "时间：今年一季度，园区规上工业增加值同比增长百分之十一。",
    ],
    "WIDGET_WORDS": ["打印车间的工人正在调试新到的设备，计划下周投产。"],
    "DATE_PATTERNS": [
        "2024年3月12日，园区举办春季招聘会，提供岗位一千二百多个。",
        "08.06.2015这个日期被刻在了园区第一块奠基石上。",
    ],
    "WIRE_TRAILER": ["园区今年新增市场主体1121228户这个数字被证实是录入错误。"],
    "OPENING_DATELINE": [
        "本报讯这个栏目开办十年，刊发了园区的三百多篇稿件。",
        "12月1日电价调整后，园区企业每月的用电成本下降了约百分之五。",
        "园区的公告（2026年3月12日，湘乡）写明了新厂房的交付时间。",
        "园区把开工定在了5月19日——那天正好是企业成立十周年。",
    ],
    "MONTH_DAY": ["12月25日，园区举办年终总结会，表彰了二十家优秀企业。"],
    "WIDGET_DAY": ["星期一上午，园区召开安全生产调度会，部署节前检查。"],
    "TITLE_PREFIXES": [
        "文化产业园区的建设明显提速，三个项目同时开工。",
        "图说园区变化的展览在市民中心开展，吸引了不少市民。",
        "记者走进园区的几家企业，看到生产线都在满负荷运转。",
        "通讯员发来的照片显示，新厂房的钢结构已经封顶。",
    ],
    "END_MARKERS": [
        "相关阅读材料已经发给每一位参会代表，供会后学习。",
        "上一篇论文发表后，他又带着团队攻关了两年。",
        "猜你喜欢的产品，是这家企业用大数据做出的新功能。",
    ],
}
# compiled patterns of patterns.py that never decide whether a line is dropped
NOT_LINE_DROPPING = {
    "CJK_CHAR", "CJK_LIKE", "URL_DATE", "DATELINE", "BRACKETED_DATELINE", "DASHED_DATELINE", "DATELINE_PEOPLE", "OUTLET_NAME",
    "ROLE_WORDS", "SENTENCE_MARKS", "PHOTO_CREDIT", "NUMBERED_HEADING", "CLOSING_AUTHORS", "NAME",
    "GBK_MOJIBAKE", "PINYIN_ANNOTATION", "LATIN1_MOJIBAKE",
}


def _pattern_names() -> set[str]:
    return {name for name, value in vars(patterns).items()
            if name.isupper() and isinstance(value, re.Pattern | tuple)
            and (isinstance(value, re.Pattern) or all(isinstance(v, re.Pattern) for v in value))}


def test_every_pattern_of_patterns_py_has_sentences_here() -> None:
    missing = _pattern_names() - set(SENTENCES) - NOT_LINE_DROPPING
    assert not missing, f"add real sentences holding the triggers of {sorted(missing)}"


CASES = [(name, s) for name, sentences in SENTENCES.items() for s in sentences]


def _body(raw: str) -> str:
    return "\n".join(b.text or (b.figure.caption or "") if b.figure else b.text
                     for b in parse_article(raw, "seeds/x.txt").blocks)


@pytest.mark.parametrize("where", ["first", "middle", "last"])
@pytest.mark.parametrize(("pattern", "sentence"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_a_sentence_holding_a_trigger_survives(pattern: str, sentence: str, where: str) -> None:
    paragraphs = ["园区今年的工作重点是稳增长和抓项目，各部门都在加紧推进。",
                  "管委会要求各企业在月底前报送生产计划，做好用工和用电保障。"]
    at = {"first": 0, "middle": 1, "last": 2}[where]
    paragraphs.insert(at, sentence)
    raw = "园区工作会议召开\n来源：湘乡日报 2024-03-12 09:30\n" + "\n".join(paragraphs) + "\n"
    assert to_fullwidth(sentence) in _body(raw)


def test_a_body_line_opening_with_a_short_html_tag_is_kept() -> None:
    raw = ("标题一则\n2022-01-01 08:00\n第一段文字。\n<p>这是……<strong>HTML</strong>段落。</p>\n"
           "最后一段。\n")
    assert "<p>这是……<strong>HTML</strong>段落。</p>" in _body(raw)


def test_a_date_line_in_the_body_is_kept() -> None:
    raw = "标题一则\n2022-01-01 08:00\n第一段文字。\ndate: 1999-01-01\n最后一段。\n"
    article = parse_article(raw, "seeds/x.txt")
    assert "date: 1999-01-01" in article.paragraphs
    assert article.date.year == 2022


@pytest.mark.parametrize("title", ["文化产业园区建设提速", "图说湘乡经开区新变化", "记者走基层看园区发展",
                                   "通讯员眼中的园区十年"])
@pytest.mark.parametrize("after_byline", ["", "园区动态\n"])
def test_a_title_opening_with_a_credit_word_is_a_title(title: str, after_byline: str) -> None:
    raw = (f"{title}\n来源：湘乡日报 2022-01-01 08:00\n{after_byline}"
           "第一段文字，园区发展很快。\n第二段文字。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert article.title == title
    assert article.authors == ()
