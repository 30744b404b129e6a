"""From the text of a raw article to an :class:`~park_digest.ingest.record.Article`. Knows no Pelican.

Structure before vocabulary, in two passes as jusText reads paragraphs: each line is first
classified by its own features (:func:`classify`: a sentence, a byline, furniture …); then the
article body is found as the densest run of sentence-like lines (:func:`find_body_zone`, the
text-density idea of GeneralNewsExtractor applied to lines). Above the body is the header zone,
below it the footer zone; both are dropped from the body and only mined for facts, but for the
pictures of the header and a deck under the title, which open the body. The title is the
best-scored headline-like line of the header (:func:`find_title`); of a headline and its deck
standing alone above the byline, the upper line is the headline unless it is a kicker.

Each ``extract_<field>`` tries its strategies in order and returns ``None`` when all fail;
:func:`parse_article` fills the record field by field, then normalises.
"""

from __future__ import annotations

import itertools
import logging
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from park_digest.ingest import patterns as p
from park_digest.ingest.punctuation import to_fullwidth
from park_digest.ingest.rawtext import (
    Line,
    SeedError,
    indented_lines,
    join_lines,
    page_marks,
    split_lines,
    wrapped_lines,
)
from park_digest.ingest.record import Article, Block, Figure
from park_digest.ingest.surnames import COMPOUND, SINGLE

logger = logging.getLogger(__name__)

CHINA_TZ = timezone(timedelta(hours=8))
SHORT_WEIGHT = -2.0  # a short line of text: a subheading, a caption, a headline, a menu entry
FURNITURE_WEIGHT = -8.0  # a widget, a navigation row, a credit line: a gap in the body
OPENING_SEARCH = 10  # lines of the body in which a dateline opening the article is looked for

# Line kinds
NAV, FIELDS, REPRINT, SOURCE_URL, BOILER, END, PLACEHOLDER, TEXT, NOTE = (
    "nav", "fields", "reprint", "source_url", "boilerplate", "end", "placeholder", "text", "note",
)
# 【编者按】, 【直新闻按】, 编者按：: the label of an editor's note, alone on its line: the body's
_NOTE_LABEL = re.compile(r"^(?:[【\[〔][^】\]〕\s]{0,8}按[】\]〕][:：]?|(?:编者|编辑|记者|译者)按[:：]?)$")
_NAME_AND_POST = re.compile(rf"(?P<name>[{p.CJK}·]{{2,4}})\s*[(（](?P<post>[^()（）左右中]{{2,20}})[)）]")
_BARE_NAMES = re.compile(rf"[{p.CJK}·]{{2,4}}(?: [{p.CJK}·]{{2,4}}){{0,3}}")
# 湘潭日报 王晓明: an outlet and its reporters on a line of their own
_OUTLET_AND_NAMES = re.compile(rf"(?P<outlet>[{p.CJK}]{{2,10}}) (?P<names>[{p.CJK}·]{{2,4}}(?: [{p.CJK}·]{{2,4}}){{0,2}})")
# ... and the place it reports from: 公视新闻网 王晓明 台北报导
_REPORTED_FROM_PLACE = re.compile(rf" [{p.CJK}]{{2,4}}(?:报导|报道)$")
# 【on.cc东网专讯】 opening the text: the outlet's own dateline (not 本报, this paper's)
_CHANNEL_NEWS = re.compile(r"^(?P<outlet>[^\s，,。“”\d:：]{2,12}?(?:在线|网|报|台|社))[^\s，,。“”\d:：]{0,6}?频道(?:消息|讯)\s*[:：]")
_BRACKET_DATELINE = re.compile(
    r"^[【\[〔《](?P<outlet>(?!本)[^】\]〕》\s\d]{2,16}?)"
    r"(?P<dated>(?:(?:北京|美东|美西|香港|台北|东京)时间)?(?:(?:19|20)\d{2}年)?(?:\d{1,2}月)?\d{1,2}日)?"
    r"\s*(?P<kind>专讯|快讯|讯|消息|(?<=报)文章|综合报[道导])\s*[】\]〕》]")
_PAPER = re.compile(rf"[{p.CJK}]{{1,4}}报")  # 明报, 大公报: a paper's short name
_CJK_WORD = re.compile(rf"[{p.CJK}]{{2,6}}")
# （完） closing the last sentence: the end mark of a wire story
_END_MARK = re.compile(r"(?<=[。！？!?”…])\s*[(（](?:完|全文完|终)[)）]\s*$")
_END_MARKERS = re.compile(
    r"^(?:相关(?:新闻|阅读|推荐|文章|链接)|推荐阅读|热门推荐|热门新闻|延伸阅读|阅读下一篇|阅读上一篇|"
    r"上一篇|下一篇|上一则|下一则|往下看更多文章|其他人(?:也|都)在看|返回.{0,12}首页|网友评论|精彩推荐|猜你喜欢|(?:新闻|图片|热点|编辑|今日|信息|资讯|文章|热文|为你)推荐|"
    r"推荐新闻|更多(?:新闻|阅读|精彩)|文章评论|(?:\S{2,20}?(?:\.(?:com|cn|net))?)?(?:扩展|拓展)阅读|"
    r"(?:发言|留言|评论|回应)(?:应|须|请)遵守|(?:回应|留言|评论|发言)(?:文章)?(?:建议)?(?:规则|须知|守则))"  # a comment box
    r"(?![，。,！？])"
)
_ROLE_LINE = re.compile(r"(?:(?:本[报网台站刊社端]|特约|融媒体|全媒体|见习|实习)?记者|通讯员|文/图|图/文)")
# 文/张三 图/李四, 撰文：张三 摄影：李四
_CREDIT_NAME = rf"(?:[{p.CJK}]{{1,6}}[·・][{p.CJK}·・]{{1,10}}|[{p.CJK}·]{{2,4}})"  # 马修·卡特勒 too
# 文/X, 文、摄影/X, 撰文・摄影/X, 文‧X 图‧Y, 文/天下杂志主笔 X (the writer's post before the name)
_CREDIT_ROLES_JOINED = r"(?:文|图|摄影|摄|撰文)(?:\s*[、・]\s*(?:文|图|摄影|摄|撰文))*"
_WRITERS_POST = rf"[{p.CJK}]{{2,10}}(?:主笔|记者|总编辑|编辑|特约作者|研究员)\s+"
_SLASH_CREDIT = re.compile(
    rf"(?:^|(?<=\s))(?:文/图|图/文|{_CREDIT_ROLES_JOINED})\s*[/／:：|｜‧]\s*(?:{_WRITERS_POST})?"
    rf"(?P<names>{_CREDIT_NAME}(?:[、\s]{_CREDIT_NAME})*)"
)
# 【记者李四／台北报导】 at the start of the first paragraph (after conversion to Simplified)
_BRACKET_BYLINE = re.compile(
    rf"^[【\[〔(（]\s*(?:(?:(?P<outlet>[^】\]〕）)\s记/／]{{2,12}}?)\s*[／/]?\s*)?(?:特派)?记者)?\s*"
    rf"(?P<names>[{p.CJK}·、\s]{{2,20}}?)\s*[／/]\s*"
    rf"(?P<place>[^】\]〕）)/／]{{1,12}}?)\s*(?:报导|报道|专电|电)\s*[】\]〕）)]\s*"
)
# 【News586/记者冯启明报导】, 【秘书室讯/校园记者X、Y报导】: an outlet (or a desk's news tag, 某某讯,
# which names no outlet), a slash, its reporters, no place
_SLASH_BYLINE = re.compile(
    rf"^[【\[〔]\s*(?P<outlet>[^】\]〕/／\s]{{2,12}})\s*[／/]\s*[{p.CJK}]{{0,4}}?记者\s*"
    rf"(?P<names>[{p.CJK}]{{2,3}}(?:、[{p.CJK}]{{2,3}})*)\s*(?:报导|报道)\s*[】\]〕]\s*")
# 【记者许某某台南报导】: no slash between the names and the place (two characters) they file from
_GLUED_BRACKET_BYLINE = re.compile(
    rf"^[【\[〔(（]\s*(?:(?P<outlet>[^】\]〕）)\s记/／]{{2,12}}?))?记者\s*"
    rf"(?P<names>[{p.CJK}]{{2,3}}(?:、[{p.CJK}]{{2,3}})*)(?:{'|'.join(p.REPORTING_PLACES)}|[{p.CJK}]{{2}})"
    rf"(?:报导|报道)\s*[】\]〕）)]\s*")  # (大纪元记者韩珮瑜洛杉矶报导): a longer place the list knows
# 中央社记者王五台北28日电 / 中央社台北28日电
_WIRE_BYLINE = re.compile(
    rf"^[(（]?(?P<outlet>中央社|[{p.CJK}]{{2,6}}?(?:社|网|报))(?:(?:特派|驻\S{{1,4}}?)?记者(?P<who>[{p.CJK}·、]{{2,16}}?))?"
    rf"\s*(?P<place>[{p.CJK}]{{2,4}})?\s*(?:(?P<month>\d{{1,2}})月)?(?P<day>\d{{1,2}})日(?:专)?电[)）]?\s*"
)
# 中央社／ 台北10日电 (a wire credit on its own line)
_WIRE_CREDIT_LINE = re.compile(
    rf"^(?P<outlet>[^\s／/]{{2,12}}?)\s*[／/]\s*(?:[{p.CJK}]{{1,6}}\s*)?(?P<day>\d{{1,2}})日(?:专)?电$"
)
# [Newtalk新闻] / 【中国新闻网】: the provider tag under a repost's title
_DESK_ONLY = re.compile(rf"(?:责任编辑|责编|编辑)\s*[:：]?\s*(?P<name>[{p.CJK}·]{{2,4}})")
_CLOSING_WRITER = re.compile(r"(?<=[。！？”])\s*[(（]\s*作者\s*[:：]\s*(?P<value>[^()（）:：]{2,50})[)）]$")
_WRITER_ROLES = re.compile(r"供稿人|撰稿人|特约记者|记者|通讯员|作者|教授|研究员")
_CLOSING_PAPER = re.compile(r"(?<=[。！？”])\s*《(?P<outlet>[^《》]{2,12}(?:报|刊|杂志|周刊))》$")
_CLOSING_REPORTED = re.compile(rf"(?:(?<=[。！？”])|^)\s*(?:驻\S{{1,6}})?记者\s*"
                               rf"(?P<names>[{p.CJK}·]{{2,4}}(?:、[{p.CJK}·]{{2,4}})*)\s*(?:报道|报导)[。.]?$")
_AGENCY_SENT = re.compile(r"(?<=[。！？”])\s+(?:新华社|中新社|人民图片网?|视觉中国|东方IC)发$")
_FIELD_KEY_AT = re.compile(rf"(?:{p.KEYS_ALT}){p.SEP}")


def glued_fields(text: str) -> tuple[int, str | None, str] | None:
    """A row of fields glued to the last sentence with no break (``…面前。闪电新闻记者 齐然
    报道来源:闪电新闻编辑:齐然责编:邵宇川``): where it starts, the byline before its first key,
    and the row; None unless two keys or more follow the last full stop."""
    end = max(text.rfind(mark) for mark in "。！？”") + 1
    if end <= 0 or end >= len(text) - 4:
        return None
    key = _FIELD_KEY_AT.search(text, end)
    if key is None or len(p.FIELD.findall(text[key.start():])) < 2:
        return None
    credit = text[end:key.start()].strip() or None
    if credit and not credit_names(credit):
        return None
    return end, credit, text[key.start():]


_CONTACT_FOOTER = re.compile(r"(?<=[。！？”])\s*(?:联系)?电话\s*[:：]\s*[\d\-()（）\s]{6,20}?"
                             r"(?:\s*传真\s*[:：]\s*[\d\-()（）\s]{6,20})?$")
_OFFICE_CREDIT = re.compile(rf"(?<=[。！？”])\s*[(（][{p.CJK}]{{1,12}}?(?:办公室|办|科|处|室|中心|学院|大学|学校|"
                            rf"中学|小学|幼儿园|教育局|教育厅|管理局|[^管]局|厅|委员会)[)）]$")  # …。(某职业学院): who sent it in
_CLOSING_JOINT_REPORT = re.compile(
    r"(?<=[。！？”])\s*[(（](?P<who>[^()（）\s、]{2,16}(?:、[^()（）\s、]{2,16})+)联合(?:报道|报导|供稿)[)）]$")
_CLOSING_NEWS_FROM = re.compile(r"(?<=[。！？”])\s*[(（](?P<outlet>[^()（）\s]{2,12}?)(?:消息|讯)[)）]$")
_OUTLET_NAME_GLUED = re.compile(rf"(?P<outlet>[{p.CJK}]{{2,8}}?(?:网|报|社|电台|电视台))(?P<name>[{p.CJK}]{{2,3}})")
# 報導 | by 虛詞編輯部 | 2024-02-26: a magazine's desk credit names its outlet
_DESK_CREDIT = re.compile(rf"(?:^|[\s|｜/／])(?:[Bb]y\s+)?(?P<outlet>[{p.CJK}]{{2,10}}?)编辑部(?=$|[\s|｜/／])")
_DESK_NOT_OUTLET = re.compile(r"(?:新闻|综合|总|部|中心|室|组|本报|本刊|本网|本站)$")
_NEWS_FROM = re.compile(r"^[(（](?P<outlet>[^()（）\s]{2,12}?)(?:消息|讯|报道)[)）]$")
# (星岛日报报道) glued to the first sentence
_OPENING_NEWS_FROM = re.compile(rf"^[(（](?P<outlet>[{p.CJK}]{{2,12}}?(?:报|网|社|台|新闻))(?:报道|报导)?[)）]")
_PROVIDER_TAG = re.compile(r"^[\[【〔](?P<outlet>[^\]】〕]{2,20}?(?:新闻|新聞|报|網|网|社|台|通讯|日报|晚报|时报))[\]】〕]$")
# （聯合報記者…／桃園報導） a byline credit naming the outlet
_OUTLET_CREDIT = re.compile(
    rf"[(（【](?P<outlet>[{p.CJK}A-Za-z]{{2,10}}?(?:报|网|社|台|新闻|电视|时报|日报|晚报))记者"
    rf"(?P<names>[{p.CJK}·、\s]{{2,20}}?)[／/][^)）】]{{1,12}}[)）】]"
)
# 记者 邵明川 文/摄 glued to the end of the last paragraph
_CLOSING_CREDIT = re.compile(
    rf"(?<=[。！？!?”…])\s*(?P<credit>(?:(?:本报|本网|特约)?记者|通讯员|读者|作者|文/图|文/摄|(?:特约)?摄影(?:记者)?)\s*[{p.CJK}·\s、]{{2,24}}?"
    rf"(?:\s*(?:文/摄|文/图|摄影|摄|报道|文))?)$"
)
# A photo credit closing a caption or a paragraph: …现场。新华社记者 X 摄, …全景 通讯员 X 摄,
# …全景（X 摄）, …全景 X／摄, …全景（摄影/X）. Without a role word before the names it must
# stand apart (a space or brackets): 。祁子墨摄 glued to the sentence is left alone.
_CREDIT_NAMES = rf"[{p.CJK}·]{{2,5}}(?:(?:、|\s+)[{p.CJK}·]{{2,5}}){{0,3}}"
_CREDIT_ROLE = r"[^\s(（)）。，]{0,10}?(?:记者|通讯员|摄影师|实习生|特约摄影)"
_CREDIT_ROLE_WORD = re.compile(_CREDIT_ROLE)
_PICTURE_IS = re.compile(r"^(?:图片为|图为)\s*")
_CAPTION_LABEL = re.compile(r"(?:图片|图)\s*[:：]\s*(?=\S{4})")
_CAPTION_CREDIT = re.compile(
    rf"(?:(?<=[。！？!?”…])\s*(?=[(（]?\s*{_CREDIT_ROLE})|\s+|(?=[(（]))"
    rf"(?P<credit>[(（]?\s*(?:(?:{_CREDIT_ROLE}\s*[:：]?)?\s*{_CREDIT_NAMES}\s*[/／]?\s*摄(?:影)?"
    rf"|摄影?\s*[/／:：]\s*{_CREDIT_NAMES})\s*[)）]?)\s*[|｜]?$"
)
# …登场。(图/某新闻), …排队（示意图／X提供）: whence a caption's picture came, closing it
_PICTURE_FROM = re.compile(r"(?<=\S)\s*[(（]\s*(?:示意)?图\s*[/／:：]\s*(?P<who>[^()（）/／]{1,20}?)(?:提供)?\s*[)）]$"
                           r"|(?<=[。！？”])\s*(?:图自|图片来自)\s*[^\s。！？()（）]{2,16}$"  # 。图自某社
                           # …剪彩。 图/人间社记者X: a caption's credit, its brackets left out
                           rf"|(?<=[。！？”])\s*图\s*[/／]\s*(?:[^\s/／。]{{0,6}}记者)?(?P<named>[{p.CJK}]{{2,3}})(?:提供|摄)?$"
                           # …演唱会。(ig@wingchi_yau), (图/翻摄脸书): a picture taken from a social post
                           r"|(?<=[。！？”])\s*[(（]\s*(?:[Ii][Gg]\s*@\s*[\w.]+|图\s*[/／]\s*翻摄[^()（）]{0,16})\s*[)）]$")
_DESK_CODE = re.compile(r"[①-⑳]\d{0,2}$")  # a paper's desk and picture number before a credit
_ROLE_KEY_COLON = re.compile(r"(?<=[者影师员生])\s*[:：]")
_AGENCY_CREDIT = re.compile(r"(?<=[。！？”])\s*摄影?\s*[:：/／]\s*[A-Z][A-Za-z0-9.'&-]*(?: [A-Z][A-Za-z0-9.'&-]*){0,3}$")
_FOREIGN_PHOTO_CREDIT = re.compile(
    r"(?<=[。！？”])\s+[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}\s*(?:for|/|—)\s*"
    r"(?:The New York Times|Getty Images|Reuters|AFP|Associated Press|EPA|Bloomberg)$")
# …需要。   本报记者摄, …现场。 资料图片: a picture credited to the paper, no one named
_STAFF_PHOTO = re.compile(r"(?<=[。！？”])\s*(?:(?:本报|本网)?记者摄(?:影)?|本报摄|资料图片|网上图片)$")
# …会面。 Photo: Office of the Prime Minister, …现场。 Source: SBS: an English credit of the picture
_LATIN_CREDIT = re.compile(r"(?<=[。！？”])\s*(?:Photo|Source|Credit|Image|Picture)s?\s*:\s*[A-Za-z][^。！？]{1,60}$")
_NUMBER_CELL = re.compile(r"(?:19|20)\d{2}|[01]?\d/[0-3]?\d|\d{1,2}:\d{2}")
# 《光明日报》( 2010年04月23日 08版): a print edition's credit
_PRINT_EDITION = re.compile(r"《\s*(?P<outlet>[^》\s]{2,12})\s*》\s*[(（]\s*(?:19|20)\d{2}年.{0,20}版\s*[)）]$")
# 点击量:5510 鹭风报1467期02版: a weekly's name glued to its issue and page
_PAPER_ISSUE = re.compile(rf"(?:^|(?<=\s))(?P<outlet>[{p.CJK}]{{2,8}}(?:报|刊))\s*第?\s*\d{{1,5}}\s*期"
                          rf"\s*(?:第?\s*[A-Z]?\d{{1,3}}\s*版)?(?!\S)")
# 甘肃日报 alone at the top of an e-paper page: the paper's name
_MASTHEAD = re.compile(rf"[{p.CJK}]{{2,10}}(?:日报|晚报|早报|时报|商报|都市报|导报|晨报)")
_PROVIDER_ABOVE = re.compile(rf"(?!(?:图片|新闻|要闻|社会|国内|国际|本地|综合|地方|时政|教育|校园|学校|体育|文化|科技|"
                             rf"经济|财经|娱乐|军事|法治|健康|基层|部门|乡镇|县区|工作|行业|企业|公司|学院|院系|图文|视频)新闻$)"
                             rf"(?!.{{0,4}}(?:公报|简报|通报|快报)$)"  # 新闻公报: a kind of release
                             rf"(?!关于)"  # 关于某报: the site's about-us link
                             rf"[{p.CJK}]{{1,6}}(?:报|网|社|台|新闻|时刻|在线)")  # not 图片新闻: a column
# 国内统一刊号：CN43-0003 湘潭日报社出版: an e-paper's masthead naming its publisher
_PUBLISHED_BY = re.compile(rf"(?:统一刊号|CN\d{{2}}-\d{{4}}).{{0,30}}?(?P<outlet>[{p.CJK}]{{2,10}}?报)社出版")
# 陕西工人报官方网站 | …: a paper's site naming itself in its header
_OFFICIAL_SITE = re.compile(rf"(?P<outlet>[{p.CJK}]{{2,10}}(?:报|网|台|社))(?:官方网站|官网)")


def masthead(header: Sequence[Line], menu: set[int]) -> str | None:
    """The paper's name at the top of the page, above the headline and out of its menu; or a
    provider's short name alone right above the headline (太报 / 标题), as portals print it."""
    if header and len(header) - 1 not in menu and _PROVIDER_ABOVE.fullmatch(header[-1].text) \
            and not is_person_name(header[-1].text):
        return header[-1].text
    for i, line in enumerate(header):
        if i in menu:
            continue
        if _MASTHEAD.fullmatch(line.text):
            return line.text
        if m := _OFFICIAL_SITE.match(line.text) or _PUBLISHED_BY.search(line.text):
            return m.group("outlet")
    return None
_NAME_PREFIX = re.compile(rf"(?P<name>[{p.CJK}·]{{2,4}})[:：;；|｜]\s*(?=\S{{6}})")  # 周武；标题 too
# 【湘潭市】标题, [中国青年网]标题: a portal's section tag, an outlet's name over a reposted story
_TITLE_TAG = re.compile(r"^(?:【[^】]{1,6}】|\[[^\]]{1,10}\])\s*(?=\S.{5})")
_SITE_WORDS = ("手册", "在线", "频道", "官网", "门户", "之窗", "资讯")  # what a site's name ends in
_OUTLET_PREFIX = re.compile(r"^(?P<outlet>[^\s|｜]{2,8})\s*[|｜]\s*(?=\S.{5})")  # 中国青年报|标题 too
_PART_ORDINAL = re.compile(r"^第[一二三四五六七八九十\d]{1,3}(?:单元|集|期|段|篇|部分)\s+(?=\S{4})")
_NOW_PLAYING = re.compile(r"^(?:现正播放|正在播放|Now playing)\s*[:：]\s*")  # an audio page's player
# 9天前 严骁  标题: an aggregator's age of the post and its writer, glued before the headline
_TITLE_AGE = re.compile(rf"^\d{{1,3}}\s*(?:秒|分钟|小时|天|周|个月|年)前\s+(?:[{p.CJK}·]{{2,4}}\s+)?(?=\S.{{5}})")
_TITLE_OUTLET = re.compile(r"\s*[-_｜|│]\s*(?P<outlet>[^\s\-_｜|│]{2,12})$")
# 标题|专访, 标题 列印, 标题[图], 标题（组图）, 标题（只有中文）: a section tag, a print widget or
# a portal's mark that the story has pictures or a video, or is in one language only
_ONE_LANGUAGE = r"只有[中英]文|只有中文及英文|(?:Chinese|English) only"
_TITLE_TAIL = re.compile(r"(?:\s*[|｜]\s*[^|｜\s]{1,4}|\s+(?:列印|打印|分享|收藏|列印本页|打印本页)|"
                         r"\s+#[^#\s][^#]{0,20}(?:#[^#\s][^#]{0,20})*|"  # 标题 #STAR VEIL #TVB: a post's tags
                         r"\s*[\[【(（](?:图|组图|附图|多图|图文|视频|高清组图|图集|附短片|"
                         rf"{_ONE_LANGUAGE})[\]】)）])$")
# (Chinese only)标题, [中文] 标题: the language of the story, before its headline
_STARS_AFTER = re.compile(r"(?<=\S)\*{4,}$")
_ISSUE_TAG = re.compile(r"^【[^】]{0,20}第\s*\d+\s*期[^】]{0,20}】\s*(?=\S.{3})")
_FILE_EXTENSION = re.compile(r"\.(?i:docx?|pdf|wps|xlsx?|pptx?)$")
_TITLE_LANGUAGE = re.compile(rf"^(?:[(（](?:{_ONE_LANGUAGE})[)）]|[\[【](?:中文版?|Chinese)[\]】])\s*")
_SECTION_NUMBER = re.compile(r"(?:[一二三四五六七八九十]{1,3}|[壹贰叁肆伍陆柒捌玖拾]{1,3}|第[一二三四五六七八九十\d]{1,3}[章节条部分])[、．.\s]")
_SEPARATOR = re.compile(r"[:：|｜]")
_SPACED_CJK = re.compile(rf"(?<=[{p.CJK}]) (?=[{p.CJK}])")
_PUBLISHED = re.compile(r"(?:发布|发表|上载|上稿|刊发|刊登|更新|发稿|出版)(?:日期|时间|于)?$")
_QUOTED = re.compile(r"[「“『][^」”』]*[」”』]")
_SENTENCE_END = "。！？!?…"
_QUOTE_END = "”’」』\"')）"


# …站在一起。」1070208: a wire's date stamp (ROC year, month, day) glued to the last sentence
_GLUED_STAMP = re.compile(r"(?<=[。！？!?”」』])1[01]\d(?:0[1-9]|1[0-2])[0-3]\d$")


def _closes_sentence(text: str) -> bool:
    """Ends with a full stop, a question or exclamation mark, maybe inside closing quotes (and
    maybe before a wire's date stamp)."""
    if text[-1:].isdigit() and (stamp := _GLUED_STAMP.search(text)):
        text = text[: stamp.start()]
    if len(text) < 2:
        return text in tuple(_SENTENCE_END)
    last = text[-1]
    return last in _SENTENCE_END if last not in _QUOTE_END else text[-2] in _SENTENCE_END
_REPRINT_HINT = re.compile("转载|授权|许可|版权|免责|凡|原刊|原载|转发|传递|观点|违者|原标题|上传并发布|仅提供")
_SELF_REFERENCE = re.compile(r"本文|本网|本站|本报|本平台|本号|出处|本原创|本作品|版权归|注明.{0,4}来源|来源[:：].{0,20}”|^(?:特别)?声明\s*[:：]")
_NAME_SUFFIX_NOT_PERSON = re.compile(
    r"(?:热线|办|局|委|厅|处|科|部|院|所|会|队|市|县|区|镇|省|村|公司|集团|中心|网|报|社|台|站|版|页|栏|组)$"
)
_CHROME_WORDS = re.compile(
    r"欢迎|登录|注册|首页|天气|星期|上一版|下一版|版面|第\S{1,4}版|[Ss]kip|客户端|下载|APP|App|广告|"
    r"搜索|搜寻|点击|订阅|收藏|设为|网站|频道|导航|English|繁体|简体|无障碍|快讯|热门|排行|推荐|专题|关闭|"
    r"通版|一键分享"
)


# precompiled helpers of the functions below
_CLAUSE = re.compile(r"[，。,；]")
_NAME_OUTLET = re.compile(rf"(?P<name>[{p.CJK}·]{{2,4}})\s+(?P<outlet>\S{{2,24}})\s*")
# what follows the names: 发自香港, 报道; ／彰化报导 (the place a Taiwanese reporter files from)
_REPORTED_FROM = re.compile(
    rf"\s*(?:[／/]\s*[{p.CJK}]{{1,8}}?(?:报导|报道)$|(?:发自|报道|报导|摄影报道|综合报道).*$|(?:文图|图文|文/图|图/文)$)"
)
_SYNDICATION = re.compile(rf"(?P<outlet>[{p.CJK}]{{1,8}}?(?:新闻|报|网|社|台|传媒))\s*[─—–]+\s*"
                          rf"(?P<name>[{p.CJK}·]{{2,4}})\s*[/／]\s*[{p.CJK}]{{2,4}}")
# 记者X/台北报导联合报: the place or the desk's note, then the paper it ran in
_REPORTED_OUTLET = re.compile(rf"[／/]\s*[{p.CJK}]{{1,8}}?(?:报导|报道)\s*[／/]?\s*"
                              rf"(?P<outlet>[{p.CJK}]{{1,8}}(?:报|社|网|台|新闻))$")
_DESK_SLASH = re.compile(rf"[{p.CJK}]{{2,6}}(?:中心|组|部)\s*[／/]\s*")  # 社会中心/
_SLASH_REPORTED = re.compile(rf"[{p.CJK}·]{{2,4}}\s*[／/]\s*[{p.CJK}]{{1,8}}?(?:报导|报道)$")  # 范书瑶/台北报导
_LATIN_OUTLET = re.compile(rf"(?P<outlet>[A-Za-z][A-Za-z0-9&.-]*(?:/[A-Za-z][A-Za-z0-9&.-]*)*)\s+(?=[{p.CJK}])")
_HOME_COUNTRY = re.compile(rf"\s+来自(?P<place>[{p.CJK}]{{2,6}})$")  # an honorary reporter's country
_PLACE_REPORTED = re.compile(rf"\s+(?P<place>[{p.CJK}]{{2,4}})(?:报道|报导)$")
# 记者 蔡明远台北 报导, 记者韩珮瑜洛杉矶报导: a reporter's name with the place they file from glued
# to it (one of the places reporters file from most), then 报导
_GLUED_PLACE_REPORTED = re.compile(
    rf"(?P<name>[{p.CJK}]{{2,3}}?)(?P<place>{'|'.join(p.REPORTING_PLACES)})\s*(?:报道|报导)$")
_PLACE_OUTLET = re.compile(rf"[／/]\s*(?:[{p.CJK}]{{2,3}}?)?(?P<outlet>[{p.CJK}]{{2,8}}(?:报|社|网|台|新闻))$")
_OUTLET_BEFORE_ROLE = re.compile(
    rf"(?P<outlet>[{p.CJK}A-Za-z]{{1,10}}?"
    rf"(?:融媒体中心|新闻中心|电视台|社|报|网|台|新闻|电视|融媒体|融媒|中心|传媒|媒体)"
    rf"(?:·[{p.CJK}]{{2,8}}?(?:客户端|在线|网|号|报))?)"  # 湖南日报·新湖南客户端记者: a paper and its app
                 r"(?=\s?(?!新闻|网|报)\S{0,6}(?:记者|通讯员|摄影))")  # 海报新闻记者: the outlet runs to 新闻
_LATIN_WORDS = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}")
_LIST_SEP = re.compile(r"[、，,/／]+")
_NAME_SEP = re.compile(r"[\s、，,/／]+")
_LATIN_KEY = re.compile(r"[A-Za-z]{2,}\s*[:：]")
_SEPARATORS = re.compile(r"[|｜/\-:：\s]+")
_SENTENCE_PUNCT = re.compile(r"[。！？，,]")
_MARKUP = re.compile(r"<[^>]*>?|\w+=\S*")
_WIDGET = re.compile(
        r"(?:(?:阅读|浏览|点击|访问|文章字数|字数)(?:量|数|次数)?\s*[:：]?\s*\d+|(?:第\s*\d+\s*[页頁]\s*)+|"
        r"(?:上一[页頁]|下一[页頁]|尾[页頁]|首[页頁])(?:\s*\S{0,4})*|.{0,12}二维码.{0,20}|"
        r"分享(?:该|这篇)?文章|精彩图片|图片欣赏|字号\s*[:：]?.{0,12}|\S{1,40}\.(?:jpe?g|png|gif|webp)|"
        # 高某 “…腾飞之(2306790)-20220113073449_副本.jpg: an upload's name in place of its caption
        r"[^。！？!?]{1,100}(?:\d{6,}|_副本|副本)[^。！？!?\s]{0,20}\.(?i:jpe?g|png|gif|webp|bmp)|"
        r"(?:返回首页|版面导航|标题导航|上一版|下一版|上一期|下一期)(?:\s*[|｜]?\s*\S{2,6})*|"
        r"(?:【[^】]{1,8}】\s*)+|(?:广告\s*)+|.{0,20}(?:版|第\S{1,4}版)\s*[:：].{0,20}|"
        r"[Ss]kip to .*|[(（]\s*(?:相关)?资料图(?:片)?(?:仅供参考)?\s*[)）]|(?:#[^#\s]{1,20}#?\s*)+|"
        # a row of topic tags, maybe after its section: 医疗法律 | #劳动权益#ESG, #WSJ#端 x 华尔街日报
        r"(?:[^#|｜]{1,8}\s*[|｜]\s*)?#[^#]{1,20}(?:#[^#]{1,20})+#?|[0-9a-f]{16,}|(?=[a-z]*\d)(?=\d*[a-z])[0-9a-z]{20,}|"
        # a share bar: 分享 Line分享分享 複製連結
        r"(?=.*(?:分享|复制))(?:(?:分享|复制(?:链接|连结|网址)|Line|LINE|Facebook|FB|Twitter|推特|"
        r"微信|微博|QQ空间|QQ|Email|列印|打印|收藏|转发)\s*){2,})")
_MARKUP_CHARS = re.compile(r"[|｜<>=]|\s{2,}")
_LATIN_NAME_STRICT = re.compile(r"[A-Z][A-Za-z'-]+(?:[ .]+[A-Z][A-Za-z'-]*)*")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z'-]+(?: [A-Za-z'-]+)*")
_CJK_NAME = re.compile(f"[{p.CJK}]{{2,5}}")
_DOTTED_NAME = re.compile(rf"[{p.CJK}]{{1,8}}(?:\s?[·・•]\s?[{p.CJK}]{{1,8}})+")
_PADDED = re.compile(rf"(?<![{p.CJK}])([{p.CJK}])\s([{p.CJK}])(?![{p.CJK}])")
_ROLE_COLON = re.compile(r"(?<=\s)[:：]")  # the colon left by a role word taken out
_EMPTY_KEY = re.compile(rf"[{p.CJK}]{{1,5}}[:：]\s*(?=\s|$)")
_NAMES_SEP = re.compile(r"[\s、，,;；/／]+")
_CLOSER = re.compile(r"[)）】\]](?=.)")


# --- line classification -------------------------------------------------------------------------
_IMAGE_ENDINGS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff")


def is_placeholder(text: str) -> bool:
    """``1.jpg``, ``图片1.png``: an image of the seed's folder (a cheap look before the pattern)."""
    return len(text) <= 80 and text.lower().endswith(_IMAGE_ENDINGS) and bool(p.PLACEHOLDER.match(text))


@lru_cache(maxsize=256)  # a byline is asked for its date by several readers in turn
def find_date(text: str) -> re.Match[str] | None:
    for regex in p.DATE_PATTERNS:
        m = regex.search(text)
        if m:
            return m
    return None


def find_dates(text: str) -> list[re.Match[str]]:
    """Every date of the text, in order, none overlapping another."""
    first = find_date(text)
    if first is None:
        return []
    if len(text) - first.end() < 8:
        return [first]  # no room for a second one
    found: list[re.Match[str]] = []
    for regex in p.DATE_PATTERNS:
        for m in regex.finditer(text):
            if all(m.end() <= f.start() or m.start() >= f.end() for f in found):
                found.append(m)
    return sorted(found, key=lambda m: m.start())


# A font-size switch beside a date: 大字, 【大 中 小】, 字号：大 中 小, A+ A-
_FONT_SIZE = re.compile(
    r"(?<!\S)(?:(?:选择)?字[号体]\s*[:：]\s*$|(?:字[号体]\s*[:：]?\s*)?[【\[]?\s*(?:[大中小](?:\s*[大中小]){1,2}|[大小]字(?:体|号)?|"
    r"A\s*[+＋](?:\s*A\s*[-－])?|A\s*[-－](?:\s*A\s*[+＋])?)\s*[】\]]?(?!\S))"
)


_WEEKDAY = re.compile(r"[(（]?(?:星期|周|礼拜)[一二三四五六日天][)）]?[,，]?")
_COUNTER = re.compile(r"(?:全网)?(?:传播量|阅读量?|浏览量?|点击量?|播放量?|阅读数|浏览次数)\s*[:：]?\s*[\d.,]+\s*[万亿]?\+?"
                      # a magazine's reading stats: 4148字, 全文约3000字, 阅读时间约 8 分钟
                      r"|(?<![\d.,])(?:全文|共)?约?\s*[\d,]+\s*字(?![\u4e00-\u9fff])"
                      r"|(?:预计)?阅读(?:时间|时长|需要?)?\s*[:：]?\s*(?:约|大约)?\s*\d+\s*分钟")


def _without_dates(text: str) -> str:
    """The line without its dates, and without the font-size switch and the counters printed
    beside them (全网传播量3.9万, 阅读 1024)."""
    for regex in p.DATE_PATTERNS:
        text = regex.sub(" ", text)
    return _WEEKDAY.sub(" ", _COUNTER.sub(" ", _FONT_SIZE.sub(" ", text)))


_INTRODUCES = re.compile(r"(?:如下|全文|原文)[:：]$|^(?:以下|下面)(?:是|为)[^:：]{6,}[:：]$")


@lru_cache(maxsize=1024)  # asked of each line by the classifier and again by the zone finder
def is_sentence(text: str) -> bool:
    """A line of running text: a closing mark after some words, or several clauses."""
    if len(text) < 6 or not p.CJK_CHAR.search(text):
        return False
    if _is_link_row(text):
        return False
    if len(text) >= 10 and text[-1] in ":：" and _INTRODUCES.search(text) \
            and len(p.FIELD.findall(text)) < 2:  # (时间:… 来源:… 原文:: an empty field's key, no lead-in)
        return True  # 本公司声明如下：, 以下是…发言全文：: a sentence that opens what follows
    if _closes_sentence(text) or "。" in (_QUOTED.sub("", text) if "“" in text or "「" in text
                                                    or "『" in text else text)[4:-1]:
        return True
    unquoted = _QUOTED.sub("", text)
    return len(text) > 30 and unquoted.count("，") + unquoted.count(",") >= 2


def _is_headline_question(text: str) -> bool:
    """世卫溯源调查为何卡关？: a short question or exclamation without clauses, a headline's shape."""
    return len(text) <= 40 and text[-1] in "？！?!" and not _CLAUSE.search(text)


def _is_link_row(text: str) -> bool:
    """加入收藏 | 设为首页 | 会员中心 | …: three separators or more, and no full stop at the end."""
    return text.count("|") + text.count("｜") >= 3 and text[-1] != "。"


def is_furniture_shape(text: str) -> bool:
    """What a pattern may drop: a short line that is not a sentence."""
    if _is_link_row(text):
        return True  # a row of links, however long
    return len(text) <= 60 and not is_sentence(text) and text[-1] not in "。！？!?"


def is_author_first_line(text: str) -> re.Match[str] | None:
    """``<name> <outlet> 2026-01-15 21:40:16``: a reporter, the outlet, then the date."""
    m = find_date(text)
    if not m or m.end() != len(text) or m.start() == 0:
        return None
    found = _NAME_OUTLET.fullmatch(text[: m.start()])
    if found and (found.group("outlet").endswith((":", "：")) or found.group("name") in p.NOT_NAMES):
        return None  # 字号 文章来源: 2025-12-08: a widget and an empty field, no one named
    if found and not is_person_name(found.group("name"), strict=True) \
            and not p.OUTLET_NAME.search(found.group("outlet").strip()):
        return None  # 码头繁忙 外贸兴旺 2024年03月07日: a headline in two parts, then its date
    return found


_BULLETS = "•●◆■□▪☉◎※*·-—> "
_CREDIT_HINT = re.compile(r"记者|通讯员|摄|撰文|实习生|/|[()（）\[\]【】]")
_CREDIT_ROLES = re.compile(
    r"(?:全媒体|融媒体|融媒|首席|特约|特派|见习|实习|名誉|本[报网台站刊社端報網臺]){0,2}"
    r"(?:记者|通讯员|摄影记者|摄影|摄像|实习生)"
    r"|(?:文/图|图/文|文图/|图文/|/文|/图|文/|图/|撰文|摄)"
)


# 杜书维(某律师事务所 律师), 邵品宽（某研究中心主任/某医院主任）: a name, then its affiliation
_AFFILIATION = re.compile(rf"(?<=[{p.CJK}]{{2}})\s*[(（][^()（）]{{2,60}}[)）]")


def without_affiliations(text: str) -> str:
    """The text without the affiliations in brackets after names."""
    return _AFFILIATION.sub("", text) if "(" in text or "（" in text else text


# A print edition's page: 第02版, A3版, 第 5 版
_ROLE_QUALIFIERS = frozenset({"全媒体", "融媒体", "融媒", "首席", "特约", "特派", "见习", "实习", "名誉"})
_UNIT_BEFORE_ROLE = re.compile(
    rf"(?P<unit>[{p.CJK}]{{2,20}}?(?:部|局|委|办|所|院|中心|区|县|市|镇|乡|街道|公司|集团|学校|大学|医院|站|"
    rf"队|会|处|科|室|厅))(?=\s?(?:特约)?(?:通讯员|记者))")
_PRINT_PAGE = re.compile(r"\s*(?:第\s*\d{1,3}\s*版|[A-Z]\d{1,2}\s*版)(?:\s*[:：]?\s*\S{0,6})?$")
# What stands between a date and the outlet or names beside it: 2024-03-05 08:12·湘潭日报
_DATE_SEPARATORS = " |｜·・丨"
# 联合报／ 记者…: the outlet, a slash, then the reporter's credit
_SLASH_BEFORE_REPORTER = re.compile(r"([／/])\s+(?=(?:特派|本报|实习|见习|驻\S{1,4}?)?记者)")


def outlet_and_names(text: str) -> tuple[str, list[str]] | None:
    """``湘潭日报 王晓明`` → (湘潭日报, [王晓明]): a line holding only an outlet and one to three
    reporters (maybe with the place they report from); None for any other line."""
    m = _OUTLET_AND_NAMES.fullmatch(_REPORTED_FROM_PLACE.sub("", text))
    if not m or not _is_outlet(m.group("outlet")):
        return None
    names = m.group("names").split(" ")
    return (m.group("outlet"), names) if all(is_person_name(n, strict=True) for n in names) \
        else None


_PUBLISHED_AT = re.compile(r"^(?:发布于|发表于|更新于|发布时间|发布)\s*[:：]?\s*")


def dated_credit(text: str) -> tuple[str | None, list[str]] | None:
    """:func:`credit_names` of a line beside its date: ``2024-03-05 08:12 联合报／ 记者王小明／台北
    即时报导`` → (联合报, [王小明]); None for a line without a date or without such a credit."""
    if not find_date(text):
        return None
    rest = _without_dates(text).replace("•", " ").strip(_DATE_SEPARATORS)
    rest = _SLASH_BEFORE_REPORTER.sub(r"\1", _PUBLISHED_AT.sub("", rest).strip(_DATE_SEPARATORS))
    if not rest:
        return None
    if (credit := credit_names(rest)) or " " not in rest:
        return credit
    head, _, place = rest.rpartition(" ")  # 钜亨网记者韦静怡 台北 2025-09-17: the place it files from
    return credit_names(head) if len(place) <= 3 and not is_person_name(place, strict=True) else None


_ENGLISH_BYLINE = re.compile(rf"By\s+(?P<name>[{p.CJK}·]{{2,4}})\s+on\s+\d{{1,2}}\s+[A-Z][a-z]{{2,8}}\s+\d{{4}}")
_UNIT_AND_WRITERS = re.compile(
    rf"[(（][{p.CJK}]{{2,20}}(?:部|处|办|办公室|中心|委|科|室|站|组|会|院|所|局)\s+"
    rf"(?P<names>[{p.CJK}]{{2,3}}(?:\s+[{p.CJK}]{{2,3}}){{0,2}})[)）]")
# (鄂州日报全媒体记者X、Y  责任编辑Z), 作者: 记者 A B 编辑 C, (记者 X 制作 Y): the desk's editor, or who
# produced the video, after the writers; neither wrote the story
_DESK_AFTER_WRITERS = re.compile(
    rf"\s+(?P<key>责任编辑|责编|编辑|制作|剪辑)\s*[:：/]?\s*(?P<name>[{p.CJK}]{{2,3}})(?=\s*[)）]?\s*$)")
# 图/新华社发(钟立平 摄), 新华社发 (X Y 摄): the photographers of pictures an agency sent out, on a
# line of their own (the agency sends the picture; it is not the story's source)
_AGENCY_PHOTO = re.compile(rf"(?:图\s*[/／:：]\s*)?(?:新华社|中新社)发\s*[(（]\s*"
                           rf"(?P<names>[{p.CJK}·]{{2,4}}(?:\s+[{p.CJK}·]{{2,4}})*)\s*摄[)）]")


CREDITED_MAX = 10  # names a role word vouches for on one line: a photo desk's team (新京报记者 A B … 摄影报道)


_ROLE_THEN_FIELDS = re.compile(
    rf"(?:记者|通讯员|实习生)\s+(?P<names>[{p.CJK}]{{2,3}}(?:\s+[{p.CJK}]{{2,3}}){{0,3}})\s+(?=(?:{p.KEYS_ALT})\s*[:：])")
# Lines that are one credit, whole: the names they give, none of them an outlet's
_WHOLE_CREDITS = (
    _ENGLISH_BYLINE,  # By 风朗 on 20 Sep 2018: a bilingual outlet's byline (a pen name, vouched by "By")
    _UNIT_AND_WRITERS,  # (省社科联组联中心 梁卫): the writer and their unit
    _SLASH_BYLINE,  # 【秘书室讯/校园记者X、Y报导】 on a line of its own
    _AGENCY_PHOTO,  # 图/新华社发(钟立平 摄): the photographer of a picture the agency sent out
)


def _credited(m: re.Match[str]) -> list[str]:
    """The names of a whole-line credit's match, [] unless every one reads as a name."""
    if "name" in m.groupdict():
        return [m.group("name")] if _vouched_by_key(m.group("name")) else []
    names = re.split(r"[\s、]+", m.group("names").strip())
    return names if all(is_person_name(n, strict=True) for n in names) else []


def credit_names(text: str) -> tuple[str | None, list[str]] | None:
    """``(outlet, names)`` of a line that only credits people: ``新华社记者 聂云帆 摄``,
    ``（绵报融媒记者 贺明轩 摄）``, ``东方今报记者 钟岳林/文``, ``项思远/图``, ``( 郁海平)``,
    ``邵品宽（某中心主任）/ 沈慧蓉（某事务所律师）``; ``None`` for any other line."""
    if (m := _SYNDICATION.fullmatch(text.strip())) and is_person_name(m.group("name"), strict=True):
        return m.group("outlet"), [m.group("name")]  # 波新闻─李至宏/高雄
    if ("编" in text or "制作" in text or "剪辑" in text) and (desk := _DESK_AFTER_WRITERS.search(text)) \
            and desk.start() > 0:
        text = text[: desk.start()] + text[desk.end():]  # (某报记者X、Y  责任编辑Z): Z wrote nothing
    for whole_credit in _WHOLE_CREDITS:
        if (m := whole_credit.fullmatch(text.strip())) and (names := _credited(m)):
            return None, names
    if (m := _ROLE_THEN_FIELDS.match(text.strip())) and (names := _credited(m)):
        return None, names  # 记者 柯定远 来源:商丘网: the reporter, then keyed fields
    bare_text = without_affiliations(text)
    affiliated = bare_text != text and bool(bare_text.strip())  # names with affiliations
    text = bare_text
    if len(text) > 60 or is_sentence(text):
        return None
    if not _CREDIT_HINT.search(text):
        return None  # neither a role word nor brackets: no credit
    bare = text.strip(_BULLETS + "()（）[]【】")
    bracketed = bare != text.strip(_BULLETS)
    desk = _DESK_SLASH.match(bare) if "/" in bare or "／" in bare else None
    if desk and _PLACE_REPORTED.search(bare):
        bare = bare[desk.end():]  # 财经中心/X、Y 台北报导: a TV newsroom's desk, then its reporters
    has_role = bool(desk) or bool(_CREDIT_ROLES.search(bare)) or bool(_SLASH_REPORTED.search(bare))
    if not has_role and not bracketed and not affiliated:
        return None
    if (glued := _GLUED_PLACE_REPORTED.search(bare)) and is_person_name(glued.group("name"), strict=True):
        bare = bare[: glued.start("place")]  # 记者 蔡明远台北 报导: the name, then where they file from
    m = _PLACE_REPORTED.search(bare) or _HOME_COUNTRY.search(bare)
    if m and not is_person_name(m.group("place"), strict=True):
        bare = bare[: m.start()]  # 记者 王小明 日照报道, 某网记者X 来自中国: a place, no name
    outlet = None
    if m := _REPORTED_OUTLET.search(bare):  # 记者X/台北报导联合报, 记者X/综合报导/联合报
        outlet, bare = m.group("outlet"), bare[: m.start()]
    bare = _REPORTED_FROM.sub("", bare)
    m = _PLACE_OUTLET.search(bare)
    if m:  # 记者杜语涵、闵彦廷/台北联合报: the place and the outlet after the names
        outlet, bare = m.group("outlet"), bare[: m.start()]
    m = _OUTLET_BEFORE_ROLE.match(bare)
    if m and not is_person_name(m.group("outlet")) and m.group("outlet") not in _ROLE_QUALIFIERS:
        outlet, bare = m.group("outlet"), bare[m.end():]  # (融媒体记者: a kind of reporter, no outlet)
    elif (m := _UNIT_BEFORE_ROLE.match(bare)) and not is_person_name(m.group("unit")):
        bare = bare[m.end():]  # 湘乡市委宣传部通讯员 X: the unit a correspondent writes for, no outlet
    elif (m := _LATIN_OUTLET.match(bare)) and bracketed:
        outlet, bare = m.group("outlet"), bare[m.end():]  # 【CTIMES/SmartAuto 程立扬 报导】
    rest = _CREDIT_ROLES.sub(" ", bare)
    rest = _join_padded(rest.strip(" :："))
    latin = _LATIN_WORDS.search(rest)
    tokens = [part for t in (_LIST_SEP if latin else _NAME_SEP).split(rest) if t.strip()
              for part in (_unglued(t.strip()) if has_role else [t.strip()])]
    if not tokens or len(tokens) > (CREDITED_MAX if has_role else 6):
        return None
    if outlet and len(tokens) >= 2 and not is_person_name(tokens[0]) \
            and all(is_person_name(t, strict=not has_role) for t in tokens[1:]):
        # 红网|时刻新闻记者 X: the outlet runs on; 南方网、粤学习记者 X: a second brand beside it
        lead = bare.lstrip()[:1]
        # 今日女报/凤网通讯员 X: a paper and its site, one brand, the slash kept
        outlet = outlet if lead in "、，," and lead else outlet + (lead if lead in "/／" else "") + tokens[0]
        tokens = tokens[1:]
    names = [t for t in tokens if is_person_name(t, strict=not has_role)]
    if affiliated and not has_role and not bracketed and len(names) < 2:
        return None  # 张三（左二）: one name and an aside is a portrait's caption, not a byline
    return (outlet, names) if names and len(names) == len(tokens) else None


_ROW_KEY = "|".join(sorted(p.CREDIT_ROW_KEYS, key=len, reverse=True))
_ROW_NAME = rf"[{p.CJK}·]{{2,5}}"
# one pair of a credit row: a key, a colon, a slash or a space, then names (张三、李四 / 张三 李四)
_ROW_PAIR = re.compile(
    rf"(?P<key>{_ROW_KEY})(?:\s*[:：/／]\s*|\s+)(?P<value>{_ROW_NAME}(?:(?:、|\s+)(?!(?:{_ROW_KEY})(?:\s|[:：/／])){_ROW_NAME})*)"
)
_ROW_SEP = re.compile(r"[\s，,;；|｜]*")
_ROW_START = re.compile(rf"\s*[(（]?\s*(?:{_ROW_KEY})")  # a cheap look before the pairs
_ROW_MARK = re.compile(r"[:：/／]")
_ROW_KEY_AS = {"文": "撰文", "图": "图片"}  # the field keys of the one-character ones
# a credit row in brackets closing the last paragraph: …完工。（撰稿：张三 审核：李四）
# (a wire story's trailer may follow: …。（编辑：张三）1130708)
_CLOSING_ROW = re.compile(r"(?<=[。！？!?”…])\s*(?P<row>[(（][^()（）]{3,78}[)）])\s*(?:1[01]\d[01]\d[0-3]\d)?$")


@lru_cache(maxsize=256)  # asked by the classifier and again when the fields are read
def credit_row(text: str) -> str | None:
    """``撰稿：张三 审核：李四`` for a row of credits, keys and names only, in brackets or not,
    with colons, slashes or spaces after the keys and commas between the pairs:
    ``（撰稿 张三，审核 李四）``, ``(文字：张三 责编：李四)``, ``（文/张三 编辑/李四）``; ``None``
    for any other text (a key must stand before every name; one of them must be a name)."""
    if len(text) > 80 or not _ROW_START.match(text):
        return None
    inner = text.strip()
    if inner[:1] in "(（" and inner[-1:] in ")）":
        inner = inner[1:-1].strip()
    pairs: list[str] = []
    at = 0
    while at < len(inner):
        m = _ROW_PAIR.match(inner, at)
        if m is None:
            return None
        key, names = m.group("key"), [n for n in _NAME_SEP.split(m.group("value")) if n]
        if len(key) == 1 and not _ROW_MARK.search(inner, m.start(), m.start("value")):
            return None  # 文 and 图 are keys only before a colon or a slash: 文/张三
        if not all(is_person_name(n) for n in names):
            return None
        pairs.append(f"{_ROW_KEY_AS.get(key, key)}：{' '.join(names)}")
        at = _ROW_SEP.match(inner, m.end()).end()
    return " ".join(pairs) if pairs else None


# 文/叶承豪│2012 进入编委会…: a bar after the credit's writer, then a word about them
_BIO_BAR = re.compile(r"\s*[│┃|｜]\s*\S")


def _credits_only(text: str) -> bool:
    """文‧孙若梅 图‧邓宜蓁: a line made of role credits one after the other, nothing else."""
    at = 0
    for m in _SLASH_CREDIT.finditer(text):
        if text[at:m.start()].strip():
            return False
        at = m.end()
    return at > 0 and not text[at:].strip()


def _credit_with_biography(text: str, m: re.Match[str] | None) -> bool:
    """文/叶承豪│2012 进入编委会…: a line opening with a writer's credit, a bar after the name
    and the writer's biography after it (however long: it is about the writer, not the story)."""
    if m is None or m.start() != 0:
        return False
    first = m.group("names").split()[0]
    return _BIO_BAR.match(text, m.start("names") + len(first)) is not None \
        and is_person_name(first, strict=True)


def _affiliated_writer(text: str, m: re.Match[str]) -> bool:
    """A slash credit's writer followed by their institution (文|宋启航 某研究院 博士后工作站),
    or by a bar and their biography (文/叶承豪│2012 进入编委会…)."""
    if _credit_with_biography(text, m):
        return True
    first = m.group("names").split()[0]
    after = m.start("names") + len(first)
    return (after < len(text) and text[after].isspace() and is_person_name(first, strict=True)
            and len(text) - after <= 40 and not _SENTENCE_PUNCT.search(text, after))


def is_field_line(text: str) -> bool:
    """Byline/footer lines: ``来源:红网 作者:… 2021-07-06 22:13:53``, ``发布时间:…``, a bare date."""
    if len(text) > 160:
        return False
    if credit_names(text.strip("|｜ ")) or _NEWS_FROM.match(text) or credit_row(text):
        return True
    if (edition := _PRINT_EDITION.search(text)) and (edition.start() == 0 or credit_names(text[: edition.start()])):
        return True  # 本报记者 X 《 中国青年报 》( 2013年04月27日 04 版)
    text = text.strip("()（）[]【】|｜" + _BULLETS)
    if not text:
        return False
    fields = list(p.FIELD.finditer(text))
    if len(fields) == 1 and fields[0].start() > 0 and fields[0].group("key") in p.PEOPLE_KEYS \
            and 2 <= len(text[: fields[0].start()].strip()) <= 10 \
            and _is_outlet(text[: fields[0].start()].strip()):
        return True  # 人民网特约撰稿人：X: the writer's role behind the outlet
    if fields and (fields[0].start() == 0 or len(fields) >= 2):
        if fields[0].start() == 0 and fields[0].group("key") in ("时间", "日期", "记者", "摄影"):
            return len(text) <= 60 and (find_date(text) is not None or fields[0].group("key") != "时间")
        return True
    if _WIRE_CREDIT_LINE.match(text) or _PROVIDER_TAG.match(text) or _NEWS_FROM.match(text):
        return True
    if _ROLE_THEN_FIELDS.match(text) and credit_names(text):
        return True  # 记者 柯定远 来源:商丘网—商丘日报
    if (m := _SLASH_CREDIT.match(text)) and (m.end() == len(text) or _affiliated_writer(text, m)
                                               or _credits_only(text)):
        return True  # 文|马修·卡特勒 诺亚·布兰登, 文|宋启航 某研究院 博士后: a writers' credit
    date = find_date(text)
    if date is None:
        if p.WIRE_TRAILER.search(text) and len(text) <= 40 and not is_sentence(text):
            return True
        return False
    rest = _without_dates(p.URL.sub(" ", text))  # http://www.sina.com.cn 2011年05月13日09:13 新华网
    if _LATIN_KEY.search(rest):
        return False  # date: 1999-01-01, a Latin key: not a Chinese byline
    for word in p.WIDGET_WORDS:
        rest = rest.replace(word, " ")
    rest = _SEPARATORS.sub(" ", rest).strip()
    # a date with at most an outlet or a name or two beside it; or a line the date and time open,
    # with the outlet, its app and the reporters after them (2021-06-18 21:49:35 某报 某APP 张三)
    if date.start() == 0 and date.groupdict().get("hour") and len(rest) <= 60 \
            and not re.search("[。！？!?]", rest):
        return True
    if date.start() == 0 and _CATEGORY_LIST.fullmatch(text[date.end():]):
        return True  # 2022 年 03 月 16 日 | 某电子报, 新闻专业, 新闻产业: a post's day and its categories
    return len(rest) <= 24 and not _SENTENCE_PUNCT.search(rest)


_CATEGORY_LIST = re.compile(r"\s*[|｜]\s*[^\s,，。|｜]{2,10}(?:\s*[,，]\s*[^\s,，。|｜]{2,10}){1,6}\s*")
_BRACKETED_ITEM = re.compile(r"[【\[]([^】\]]+)[】\]]")


# What a page says to its reader, not what the article says: a cookie or privacy consent, an
# age gate, advice on the browser. Consent speaks to the reader (您, 我们, 本网站 …).
_CONSENT = re.compile(r"隐私.{0,40}(?:同意|视窗|窗口|关闭)|(?:同意|接受).{0,20}(?:隐私|使用条款|[Cc]ookie)|"
                      r"同意(?:本|下列|上述|以下)(?:声明|条款|规范|协议)|"
                      r"(?:使用|启用|采用)\s*[Cc]ookies?")
_READER = re.compile(r"您|我们|本网站|本站|本网|点这里|点此|点击")
_GATE = re.compile(r"满\s*18\s*岁.{0,8}(?:浏览|进入|观看)|网站分级|分级处理办法|"
                   r"建议(?:您)?使用.{0,50}浏览器|浏览器.{0,12}(?:不支持|版本过低|版本太旧|版本较旧)|"
                   r"更新(?:您的)?浏览器|[Yy]our browser|"
                   # a plug-in's fallback text: 此页面上的内容需要较新版本的 Adobe Flash Player。
                   r"Adobe Flash Player|Flash\s*(?:插件|播放器)|(?:启用|开启|打开).{0,8}JavaScript")


# 中新社北京九月二十七日电 题：…: a wire's dateline on a line of its own, with the story's subject
_WIRE_HEADER = re.compile(r"^[^\s，。]{2,8}?社[^\s，。\d]{0,6}?[一二三四五六七八九十〇零\d]{1,3}月"
                          r"[一二三四五六七八九十〇零\d]{1,4}日电(?:\s+题\s*[:：](?P<title>.{0,60}))?$")


# …长势喜人。[详细]: a teaser of another story, in a rail under the text
# 3 上一篇 下一篇 4, 放大 缩小 默认: an e-paper's toolbar, wherever it stands
_TOOLBAR = re.compile(r"\d*\s*(?:上一[篇版期页]|下一[篇版期页])(?:\s*下一[篇版期页])?\s*\d*|"
                      r"(?:放大|缩小|默认)(?:\s*(?:放大|缩小|默认))+")
_MORE_LINK = re.compile(r"更多(?:内容|阅读|精彩|报道)\s*[:：]")  # 更多内容：another story's headline
_TEASER = re.compile(r"(?<=\S)\s*(?:[\[【](?:详细|详情|全文|更多)[\]】]|更多>>)$")


_LINK_WIDGET = re.compile(r"(?<=\S)\s+[>›»]$")
_BILINGUAL_MASTHEAD = re.compile(
    rf"[{p.CJK}]{{1,10}}(?:新闻|传媒|媒体|日报|时报|晚报|周刊|网|报|台)\s+[A-Za-z .'&-]{{0,30}}"
    r"(?i:news|media|times|daily|post|network|tv|press|weekly|herald|journal|online)")
# 商会动态 commerce, 新闻中心 NEWS CENTER: a column's name over its English gloss
_BILINGUAL_COLUMN = re.compile(
    rf"[{p.CJK}]{{0,6}}(?:动态|新闻|资讯|要闻|中心|公告|通知|快讯|简讯|活动|聚焦|专题|热点|信息|风采)"
    r"\s+[A-Za-z][A-Za-z .&-]{0,30}")
_NOTICE_HINT = re.compile("隐私|ookie|18|分级|浏览器|rowser|同意|Flash|JavaScript")  # one of them is in every notice


# 您好，欢迎访问某商会官方网站！: a site's greeting banner, never a sentence of the text
_GREETING = re.compile(r"(?:您好[,，!！]?\s*)?欢迎(?:您)?(?:访问|光临|来到|进入|浏览)[^。，,]{1,30}"
                       r"(?:网站|官网|网|平台|主页|门户)[!！。.]?"
                       # DW中文有Instagram!欢迎搜寻dw.chinese,看更多…: the outlet's account elsewhere
                       r"|[^。！？]{0,12}(?:有|在)(?:Instagram|Facebook|YouTube|Twitter|脸书|推特|油管)[!！]?\s*"
                       r"欢迎(?:搜寻|搜索|关注|订阅)[^。]{1,50}[。!！]?")


def is_reader_notice(text: str) -> bool:
    """A consent, age-gate or browser notice of the page (``本网站使用相关技术…代表您同意上述规范。``)."""
    if len(text) > 300 or not _NOTICE_HINT.search(text):
        return False  # the common case, decided without the patterns
    return bool(_GATE.search(text) or (_CONSENT.search(text) and _READER.search(text)))


def classify(text: str) -> str:
    """The kind of one line, from its own features. A sentence is never furniture, but a
    notice of the page to its reader is."""
    if len(text) <= 40 and text[-1].isascii() and (
            _BILINGUAL_MASTHEAD.fullmatch(text) or _BILINGUAL_COLUMN.fullmatch(text)
            or _LINK_WIDGET.search(text)):
        return BOILER  # 立场新闻 Stand News, 商会动态 commerce, 该文章已上链 >: names, a widget
    if (len(text) <= 50 and "欢迎" in text and _GREETING.fullmatch(text)) \
            or is_reader_notice(text) or ((text[-1] == "电" or "题" in text) and _WIRE_HEADER.match(text)) \
            or (text[-1] in "]】>" and _TEASER.search(text)) or (len(text) <= 80 and _MORE_LINK.match(text)) \
            or (len(text) <= 30 and _TOOLBAR.fullmatch(text)):
        return BOILER
    if len(text) <= 120 and text[0] in "(（原" and _ORIGINAL_TITLE.match(text):
        return FIELDS  # (原标题:532万件!这项全球第一,意味着什么?): a note, whatever the headline says
    if _RULE_LINE.fullmatch(text):
        return BOILER  # ──────: a rule drawn across the page
    if text[0] in "(（" and "http" in text and _PICTURE_SOURCE_URL.fullmatch(text):
        return BOILER  # (图片来源:https://…): a picture's source, however long its address
    if "一篇" in text[:6] and (pager := _PAGER.match(text)) and (day := find_date(text[pager.end():])) \
            and day.start() == 0:
        return FIELDS  # 下一篇4 2015年4月23日 放大 缩小: an e-paper's pager beside the issue's day
    if " by " in text and _SELF_BYLINE.fullmatch(text):
        return BOILER  # 某社 新闻中心 by 某社 新闻中心: a blog theme's account credit
    if text[:1] in "记问主" and _SPEAKER_TURN.match(text):
        return TEXT  # 记者:(有关…的问题): a transcript's question, summed up, not a byline
    if _HANGUL.search(text) and not find_date(text) and _mostly_hangul(text):
        return BOILER  # 기사등록일, 도구모음: a Korean site's labels around its Chinese edition
    if text[0] in "文图撰摄" and _credit_with_biography(text, _SLASH_CREDIT.match(text)):
        return FIELDS  # 文/叶承豪│2012 进入编委会…: the writer, then their biography
    if len(text) > 160 or (len(text) > 60 and text[-1] in "。！？”"):
        # a sentence too long for a byline, a widget or a navigation row
        return REPRINT if len(text) <= 300 and _is_reprint(text) else TEXT
    if is_placeholder(text):
        return PLACEHOLDER
    if "按" in text and _NOTE_LABEL.match(text):
        return NOTE
    if _NUMBER_CELL.fullmatch(text):
        return FIELDS  # 2020 / 12/29 / 11:52: a date widget split into cells
    if p.SOURCE_URL_LINE.match(text):
        return SOURCE_URL
    if p.URL.fullmatch(text) or outlet_of_url_line(text):
        return SOURCE_URL
    if _is_reprint(text) and not (p.FIELD.search(text) and find_date(text)):
        return REPRINT  # (新闻来源: X 于2020-07-13 … 提示:观点不代表本网立场: the fields count)
    if len(text) > 60 and ("（" in text or "(" in text) and text[-1] not in "。！？" \
            and credit_names(text):
        return FIELDS  # names with their affiliations, longer than any other byline
    if _LIST_ITEM.match(text):
        return TEXT  # 一、时 间：111年3月8日上午11时: a numbered point of the text, its date included
    if len(text) <= 40 and _ISSUED_FOR.match(text):
        return FIELDS  # 下稿代立法会秘书处发出：, a government's release issued for another body
    if len(text) <= 100 and _ISSUE_LINE.search(text) and not is_sentence(text) and find_date(text):
        return FIELDS  # 某学院电子报 E-PAPER 第206期 2014/06/01 出刊/ 半月刊: an issue's masthead
    if not is_furniture_shape(text):
        if len(text) <= 120 and text[-1] not in "。！？!?" and not is_sentence(text) \
                and len(p.FIELD.findall(text)) >= 2 and find_date(text):
            return FIELDS  # 发布时间: … 来源: 某网 作者: 记者 A B C 编辑 D: fields, longer than most
        if (day := find_date(text)) and day.start() == 0 and _CATEGORY_LIST.fullmatch(text[day.end():]):
            return FIELDS  # 2022 年 03 月 16 日 | 某电子报, 新闻专业, 新闻产业: its commas list categories
        return TEXT
    fields = p.FIELD.findall(text) if _SEPARATOR.search(text) else ()
    if len(fields) >= 2 or (fields and find_date(text)):
        return FIELDS  # 字号+作者：… 来源：… 2017-03-30 17:00 收藏: fields amid widgets
    if _END_MARKERS.match(text) and len(text) <= 40:
        return END
    if p.BOILERPLATE_LINES.match(text) or (text[0] in _LIST_MARKS and p.BOILERPLATE_LINES.match(
            text.lstrip(_LIST_MARKS))):  # • 您现在的位置:\支行动态: a template's list item
        # 【纠错】 【责任编辑:李红】: a field among bracketed buttons stays a field
        if any(is_field_line(item) for item in _BRACKETED_ITEM.findall(text)):
            return FIELDS
        return BOILER
    if ("|" in text or "｜" in text) and _clock_row(text):
        return BOILER  # 人才招聘 | 2024年05月05日 | 加入收藏: a site's clock among its links
    if p.LINK_ROW.match(text):
        # 報導 | by 某編輯部 | 2024-02-26: a magazine's byline row, its date a cell of its own
        cells = _CELL_SEPARATOR.split(text.strip(" |｜"))
        if len(cells) <= 4 and any(_is_date_cell(cell) for cell in cells):
            return FIELDS
        return END
    if p.SITE_WORDS.search(text) and len(text) <= 120:
        return END
    if is_field_line(text) or is_author_first_line(text):
        return FIELDS
    words = text.split(" ")
    if len(words) >= 3 and words[0] in p.HOME_WORDS and not p.SENTENCE_MARKS.search(text):
        return BOILER  # a navigation row without separators: 首页 新闻中心 园区动态 通知公告
    if _is_html_fragment(text) or _is_widget(text):
        return BOILER
    return TEXT


_PAGER = re.compile(r"^(?:\d?\s*[上下]一篇\s*\d?\s+)+")  # 上一篇3 下一篇4: arrows copied as digits
_SELF_BYLINE = re.compile(r"(?P<who>.{2,30}?) by (?P=who)")
_SPEAKER_TURN = re.compile(r"(?:记者|问|主持人)\s*[:：]\s*[(（][^()（）]{6,}[)）]$")
_RULE_LINE = re.compile(r"[─━—\-_=＝~～*＊·•]{4,}")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _mostly_hangul(text: str) -> bool:
    """Half or more of the line's letters are Korean."""
    letters = [c for c in text if c.isalpha()]
    return len(_HANGUL.findall(text)) * 2 >= len(letters)


_ORIGINAL_TITLE = re.compile(r"[(（]?\s*(?:原标题|原题|原文标题)\s*[:：]\s*\S.*?(?:[)）]|(?<!。))$")


def _clock_row(text: str) -> bool:
    """A row of cells holding a date and a site's links (收藏, 设为首页, 登录): its clock."""
    cells = _CELL_SEPARATOR.split(text.strip(" |｜"))
    return 2 <= len(cells) <= 6 and any(_is_date_cell(cell) for cell in cells) \
        and any(_CHROME_WORDS.search(cell) for cell in cells)


_LIST_MARKS = "•●◆▪· "
# 第206期 … 出刊, 半月刊: a newsletter's issue number beside the day it came out
_ISSUE_LINE = re.compile(r"第\s*\d{1,5}\s*期.{0,30}(?:出刊|出版|[半双雙]?[周週月旬]刊)")
_CELL_SEPARATOR = re.compile(r"\s*[|｜]\s*")
_LIST_ITEM = re.compile(r"^[一二三四五六七八九十]{1,3}、\S")
# 下稿代立法会秘书处发出：: a government information service issuing a release for another body
_ISSUED_FOR = re.compile(r"^(?:下稿|以下新闻稿|本稿)代(?P<outlet>[^\s:：，,。]{2,30}?)(?:发出|发布)\s*[:：]?$")


def _is_date_cell(cell: str) -> bool:
    """Whether a cell of a row holds a whole date and little else (``2024-02-26``)."""
    date = find_date(cell)
    return date is not None and any(date.groupdict().get(k) for k in ("year", "roc", "cyear")) \
        and len(cell) - len(date.group(0).strip()) <= 4


# 某某论坛报 https://… : an outlet's name and its address on a line of their own
_OUTLET_URL = re.compile(r"^(?P<outlet>[^\s。，,！？:：|｜()（）]{1,12}(?: [^\s。，,！？:：|｜()（）]{1,12})?)\s*"
                         r"[(（]?(?:https?://|www\.)\S+?[)）]?$")


def outlet_of_url_line(text: str) -> str | None:
    """The outlet of a line holding only its name and its address (``udn 论坛报https://…``,
    ``某某网 (www.…)``): where a reposting blog says whence the text came."""
    if len(text) > 200 or ("http" not in text and "www." not in text):
        return None
    m = _OUTLET_URL.match(text)
    if m and p.OUTLET_NAME.search(m.group("outlet")) and p.CJK_CHAR.search(m.group("outlet")):
        return m.group("outlet")
    return None


def _is_reprint(text: str) -> bool:
    """A reprint statement speaks of the page itself (本文, 本网, 出处 …)."""
    if not _REPRINT_HINT.search(text):
        return False  # every reprint statement holds one of these: skip the regex
    m = p.REPRINT.search(text)
    if not m:
        return False
    return m.start() <= 2 or bool(_SELF_REFERENCE.search(text))


def _is_html_fragment(text: str) -> bool:
    """A line of markup debris: tags and attributes with hardly any text."""
    if "<" not in text and "=" not in text:
        return False
    bare = _MARKUP.sub("", text)
    return len(p.CJK_CHAR.findall(bare)) < 4


def _is_widget(text: str) -> bool:
    """Counters, font-size, page-number and QR rows: 阅读：36 / 第1页 第2页 / 扫描二维码…"""
    return bool(_WIDGET.fullmatch(text))


# --- zones ---------------------------------------------------------------------------------------
def _line_weight(text: str, kind: str, after_figure: bool, repeated: bool = False) -> float:
    """How much a line says "article body": positive for sentences, negative for furniture."""
    if kind == PLACEHOLDER:
        return 12.0
    if kind == NOTE:
        return 0.0  # an editor's note's label: it joins the text it opens
    if kind == TEXT:
        if len(text) > 60 and text[-1] in "。！？!?" and not _is_link_row(text):
            return 4.0 + (len(text.encode()) - len(text)) / 2 + 2 * _clause_marks(text)
        if after_figure and len(text) <= 150:
            return 0.0  # the caption of the picture above
        if _is_headline_question(text):
            return -1.0
        if _closes_sentence(text) or is_sentence(text):
            # wide characters (CJK: three bytes in UTF-8, one in str) and clause marks
            return 4.0 + (len(text.encode()) - len(text)) / 2 + 2 * _clause_marks(text)
        if p.PHOTO_CREDIT.search(text.rstrip("）)")) or (repeated and "，" in text):
            return 0.0  # a caption (…供图, …摄; or its alt text and itself): joins the body beside it
        if _SECTION_NUMBER.match(text) and len(text) <= 40:
            return 1.0  # 一、总则 / 壹、…: a numbered heading opens its section
        return SHORT_WEIGHT  # a short line: a subheading inside the run, a headline outside it
    if kind in (REPRINT, SOURCE_URL):
        return -15.0
    if kind == FIELDS and (p.FIELD.search(text) or find_date(text)):
        return -25.0  # a byline or a dated line: the border of the header or the footer
    return FURNITURE_WEIGHT


def _clause_marks(text: str) -> int:
    return (text.count("，") + text.count("。") + text.count("；") + text.count("、")
            + text.count("！") + text.count("？"))


def _headline_first(text: str) -> bool:
    """The first line of a copy shaped as a headline: no full stop, not a sentence's length."""
    return len(text) <= 80 and "。" not in text and _title_like(text)


BODY_LABELS = frozenset({"正文", "正文：", "正文:"})


def body_label(lines: Sequence[Line], kinds: Sequence[str]) -> int | None:
    """The index of a ``正文`` label under the dated byline, which an aggregator prints where
    the text begins; None without one."""
    dated = False
    for i, line in enumerate(lines[:HEADER_LINES + 10]):
        if line.text in BODY_LABELS and dated:
            return i
        dated = dated or (kinds[i] == FIELDS and find_date(line.text) is not None)
    return None


TOP_FIELDS_SEARCH = 8  # lines from the body's start searched for a dated byline above the text


def _below_top_fields(lines: Sequence[Line], kinds: Sequence[str], start: int, end: int) -> int:
    """The body's start, moved below a dated byline near its top when no headline is left
    above it: a site's slogan at the top of the copy (…为所有企业服务的专业资讯网站!) weighs
    as text and pulls the start above the breadcrumb, the headline and their byline."""
    if any(kinds[i] == TEXT and _title_like(lines[i].text) and not _CHROME_WORDS.fullmatch(lines[i].text)
           for i in range(start)):
        return start  # (关闭, a button, is no headline)
    for i in range(start, min(end - 1, start + TOP_FIELDS_SEARCH)):
        if kinds[i] == FIELDS and find_date(lines[i].text):
            return i + 1
    return start


def find_body_zone(lines: Sequence[Line], kinds: Sequence[str]) -> tuple[int, int]:
    """``(start, end)`` of the densest run of sentence-like lines (end exclusive)."""
    best, best_span = float("-inf"), (0, 0)
    run, start, previous, shorts = 0.0, 0, 0.0, 0
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        repeated = (i > 0 and lines[i - 1].text == line.text) or \
            (i + 1 < len(lines) and lines[i + 1].text == line.text)
        after_figure = i > 0 and kinds[i - 1] == PLACEHOLDER
        weight = _line_weight(line.text, kind, after_figure, repeated)
        if weight == FURNITURE_WEIGHT and previous == FURNITURE_WEIGHT:
            weight = -1.0  # a block of widgets is one gap, however many lines it takes
        else:
            previous = weight
        # short lines: one or two are subheadings and captions, a block of them is a menu
        shorts = shorts + 1 if weight == SHORT_WEIGHT else 0
        if shorts:
            weight *= shorts
        if run < 0 or i == 0:
            run, start = weight, i
        else:
            run += weight
        if run > best:
            best, best_span = run, (start, i + 1)
        elif run == best and after_figure and kind == TEXT and best_span == (start, i):
            best_span = (start, i + 1)  # the caption under the picture that closes the run
    start, end = best_span
    if start > 0 and kinds[start - 1] == NOTE:
        start -= 1  # 【编者按】 / the note
    elif end - start > 1 and _headline_first(lines[start].text) and (
            start == 0 or (kinds[start + 1] == FIELDS and find_date(lines[start + 1].text))):
        # a headline that asks and exclaims (…藏着疑案？…找到了！) is weighed as text: first
        # in the copy, or right above its date line, it is the headline all the same
        start += 1
    start = _official_opening(lines, kinds, start)
    while start > 1 and kinds[start - 1] == TEXT and len(lines[start - 1].text) <= p.HEADING_MAX \
            and p.NUMBERED_HEADING.match(lines[start - 1].text) and not _LINK_ROW_SIGNS.search(lines[start - 1].text):
        start -= 1  # 一、… / （一）…: the text opens with its numbered headings, above the first paragraph
    if end < len(lines) and kinds[end - 1] == PLACEHOLDER and kinds[end] == TEXT \
            and _is_caption_shape(lines[end].text):
        end += 1  # the caption under the last picture, weighed down as a short line
    while end < len(lines) and kinds[end] == TEXT and len(lines[end].text) <= 80 \
            and lines[end].text.startswith(("▲", "△")):
        end += 1  # …。 / ▲某某体验馆: the captions of the pictures closing the text
    end = _captions_above_sign_off(lines, kinds, end)
    end = _announced_list(lines, kinds, end)
    for i in range(start + 1, end):  # the body ends at a "related articles" row
        if kinds[i] == END and _END_MARKERS.match(lines[i].text):
            end = i
            break
    return start, end


# …主要讲了以下几个方面：: the text's last sentence announces the short lines that follow
_ANNOUNCES_LIST = re.compile(r"(?:以下|如下|下列|几个方面|几点|分别是|分别为|包括)\S{0,6}[:：]$")
LIST_MAX = 12  # lines of an announced list the body is moved down over


def _announced_list(lines: Sequence[Line], kinds: Sequence[str], end: int) -> int:
    """The body's end, moved down over the short lines of text its last sentence announces
    (…讲了以下几个方面： / 机制是怎样形成的 / 前后用了两年时间 …), up to the first line that is
    not text: a list closing the copy is weighed as a menu, but a colon does not end a story."""
    if not 0 < end < len(lines) or not _ANNOUNCES_LIST.search(lines[end - 1].text) \
            or not is_sentence(lines[end - 1].text.rstrip(":：") + "。"):
        return end
    j = end
    while j < len(lines) and j - end < LIST_MAX and kinds[j] == TEXT and len(lines[j].text) <= 80:
        j += 1
    return j if j == len(lines) or kinds[j] != TEXT else end


# 卫生应急中心 供稿, 撰稿：X, 审核：Y, (展览工作部): a desk's sign-off under the text
_SIGN_OFF = re.compile(rf"^[{p.CJK}]{{2,16}}\s*(?:供稿|供图|撰稿|来稿)$|^(?:撰稿|供稿|审核|初审|责任编辑|责编)\s*[:：]"
                       rf"|^[(（][{p.CJK}]{{2,20}}(?:部|处|办|办公室|中心|委|科|室|站|组|会)(?:\s+[{p.CJK}]{{2,4}})?[)）]$")
CAPTIONS_MAX = 3  # captions of lost pictures between the text and its sign-off


def _captions_above_sign_off(lines: Sequence[Line], kinds: Sequence[str], end: int) -> int:
    """The body's end, moved down over the captions of pictures the copy lost (a blank line
    each) when the desk's sign-off comes right under them: …正文。 / 开幕式 / 合影 / 某中心 供稿."""
    j = end
    while j < len(lines) and j - end < CAPTIONS_MAX and kinds[j] == TEXT \
            and not _SIGN_OFF.search(lines[j].text) and _is_caption_shape(lines[j].text):
        j += 1
    if end < j < len(lines) and len(lines[j].text) <= 40 and _SIGN_OFF.search(lines[j].text):
        return j
    return end


# An official notice (公文) opens with its number and whom it is sent to, above the text:
# 某政办发〔2019〕29号 / 各县（市）、区人民政府，市政府各委、办、局： / 正文
_DOC_NUMBER = re.compile(rf"^[{p.CJK}]{{1,12}}[〔\[［(（]\s*(?:19|20)\d{{2}}\s*[〕\]］)）]\s*\d{{1,4}}\s*号$")
_SALUTATION = re.compile(
    r"^(?:(?:各|尊敬的|亲爱的|致)[^。！？:：]{1,60}|[^。！？:：]{1,60}(?:们|同志|代表|单位|部门|政府|"
    r"委|办|局|厅|处|公司))[:：]$"
)


_LINK_ROW_SIGNS = re.compile(r"[|｜>]|首页|更多")


def _official_opening(lines: Sequence[Line], kinds: Sequence[str], start: int) -> int:
    """The body's start, moved up over the addressee (各…：, 尊敬的…：) and the document number of
    an official notice standing right above its text."""
    if start > 0 and kinds[start - 1] == TEXT and _SALUTATION.match(lines[start - 1].text) \
            and not p.FIELD.match(lines[start - 1].text):
        start -= 1
        if start > 0 and kinds[start - 1] == TEXT and _DOC_NUMBER.match(lines[start - 1].text):
            start -= 1
    return start


_BRACKETED_CAPTION = re.compile(r"[(（][^()（）]{4,40}[)）]")
_NOT_CAPTION = re.compile(r"[:：【】\[\]()（）|｜<>《》]")


def _is_caption_shape(text: str) -> bool:
    """A picture's caption without its picture: a short line of words, with no label, bracket
    or separator (those are widgets, links and labels: 【点击图片进入下一页】, 进入专题：…)."""
    if _BRACKETED_CAPTION.fullmatch(text):
        text = text[1:-1]  # (听取情况介绍): a caption in brackets, as zone and county sites mark them
    return (4 <= len(text) <= 40 and not _NOT_CAPTION.search(text)
            and len(p.CJK_CHAR.findall(text)) >= len(text) / 2)


def header_pictures(lines: Sequence[Line], kinds: Sequence[str], start: int) -> set[int]:
    """The pictures above the body (``1.jpg`` over the headline or the byline: a placeholder is
    the editor's picture wherever it stands) and the line right under each, its caption when a
    short line of text: they open the body, in their order."""
    found: set[int] = set()
    for i in range(start):
        if kinds[i] == PLACEHOLDER:
            found.add(i)
            j = i + 1
            if j < start and kinds[j] == TEXT and len(lines[j].text) <= 150:
                found.add(j)
    return found


def lead_captions(lines: Sequence[Line], kinds: Sequence[str], start: int, title_at: int) -> int:
    """The body's start, moved up over the captions of a lead picture left between the dated
    byline and the text (标题 / 2006年04月10日 08:51 北国网 / "凤之翼"一角 / 正文…): up to three
    short lines of words right under the byline."""
    i = start
    while i - 1 > title_at and start - i < 3 and kinds[i - 1] == TEXT \
            and _is_caption_shape(lines[i - 1].text) and lines[i - 1].text != lines[title_at].text:
        i -= 1
    if i < start and kinds[i - 1] == FIELDS and find_date(lines[i - 1].text):
        return i
    if i == title_at + 1 and start - i >= 2 and start < len(lines) and _LEAD_DATE.match(lines[start].text) \
            and all(len(lines[k].text) <= CAPTION_UNDER_HEADLINE and not lines[k].text.startswith(("—", "--"))
                    and not _BYLINE_SLASH.search(lines[k].text) for k in range(i, start)):
        return i  # 标题 / 工人在移栽花草 / 工人在铺装路沿石 / 6月20日，…: a photo story's captions
    return start


CAPTION_UNDER_HEADLINE = 20  # characters: a caption right under the headline is short
_BYLINE_SLASH = re.compile(r"[/／]")  # 某某／某地: a byline, not a caption


# --- title ---------------------------------------------------------------------------------------
_PICTURE_SOURCE_URL = re.compile(r"[(（]\s*(?:图片来源|图源|来源)\s*[:：]\s*https?://\S+?\s*[)）]")
_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script: 1 2025-04 (a date badge) has none


def _title_like(text: str) -> bool:
    return (2 <= len(text) <= 100 and text[-1] not in "。；;，,：:" and not p.PHOTO_CREDIT.search(text)
            and _LETTER.search(text) is not None
            and "。" not in _QUOTED.sub("", text) and text.count("，") + text.count(",") <= 2
            and not ((")" in text or "）" in text) and _POSITION_MARK.search(text)))


# 某某(前排右)向某某(左二)介绍: where people stand in a picture: a caption, never a headline
_POSITION_MARK = re.compile(r"[(（](?:前排|后排|中排|前|后)?(?:左|右|中)(?:[一二三四五六七八九]|起)?[)）]")


@dataclass(frozen=True, slots=True)
class _Title:
    index: int
    text: str
    date: re.Match[str] | None = None  # a date on the title's own line


_INTERVIEW_LABELS = ("专访", "访谈", "访谈录", "独家对话")
_COLUMN_AND_WRITER = re.compile(rf"(?P<column>[{p.CJK}]{{2,8}})\s+(?P<name>[{p.CJK}]{{2,3}})")


def _title_score(text: str, i: int, start: int, kinds: Sequence[str], field_at: Sequence[int],
                 lead: str) -> float:
    """How much a header line looks like the article's headline (higher is better)."""
    text = _TITLE_TAIL.sub("", _TITLE_LANGUAGE.sub("", text))
    n = len(text)
    score = 3.0 if 6 <= n <= 60 else 1.0 if 4 <= n <= 100 else -2.0
    score += max(0, 3 - (start - i)) * 0.5  # near the body
    if any(i < f <= i + 2 for f in field_at):
        score += 4.0  # right above the byline or the date
    elif any(abs(i - f) <= 2 for f in field_at):
        score += 1.5  # below it (newspapers print the date first)
    if i == 0 or kinds[i - 1] != TEXT:
        score += 1.0  # the first of a block of headlines: the title before its subtitle
    chars = set(p.CJK_CHAR.findall(text))
    if chars:
        score += 5.0 * len(chars & set(lead)) / len(chars)
    if _CHROME_WORDS.search(text):
        score -= 6.0
    if _MARKUP_CHARS.search(text):
        score -= 3.0
    if text.endswith(_INTERVIEW_LABELS):
        score -= 2.0  # 某院长专访: an interview's label over or under its headline
    if text.startswith(("——", "—", "--")):
        score -= 4.0  # ——走近县委书记(上): a deck, under its headline
    if _STARS_AFTER.search(text):
        score += 6.0  # 标题****** under a keyword shell: the copied story's headline, marked off
    if " " in text and (column := _COLUMN_AND_WRITER.fullmatch(text)) \
            and is_person_name(column.group("name"), strict=True) \
            and not is_person_name(column.group("column"), strict=True):
        score -= 3.0  # 自由的国度 温卓恒: a column's name and its writer, over the headline
    cjk = len(p.CJK_CHAR.findall(text))
    if cjk < n / 3:
        score -= 3.0
    elif cjk < n / 2:
        score -= 1.5  # 齐政办发〔2019〕29号: a document number, a code, a date
    return score


# a government page's metadata table: 索 引 号：… / 信息名称：… / 文件编号：… 发布机构：…
_TITLE_KEY = re.compile(r"^(?:信息名称|文件名称|文章标题|新闻标题|标\s?题|名\s?称)\s*[:：]\s*(?P<value>\S.{3,99})$")
_KEY_PAIR = re.compile(rf"(?:^|\s)[{p.CJK}](?: ?[{p.CJK}]){{1,5}}\s*[:：]\s*\S")


# 2020-12-31 2 2 某晚报 content_241261.html 1 3 标题 /enpproperty-->: a Founder e-paper's record of
# the article (date, author, pages, paper, file, headline), its HTML comment copied as text
_E_PAPER_RECORD = re.compile(
    r"(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\s.*?\scontent_\d+\.html?\s+"
    r"(?:\d+\s+)*(?P<title>.*?)\s*/enpproperty-->")


def e_paper_record(lines: Sequence[Line]) -> tuple[re.Match[str], float] | None:
    """The record a Founder e-paper leaves in the copy (its date and headline) and the number
    of its line, if any."""
    for line in reversed(lines):
        if line.text.endswith("/enpproperty-->") and (m := _E_PAPER_RECORD.search(line.text)):
            return m, line.no
    return None


def find_title(lines: Sequence[Line], kinds: Sequence[str], start: int, end: int, lead: str,
               path: str | Path, captions: frozenset[int] = frozenset(),
               e_paper: tuple[re.Match[str], float] | None = None) -> _Title:
    """The best-scored headline-like line of the header zone; a repeated line counts once.
    ``captions``: lines right under the header's pictures: their captions, unless no headline
    is left without them. ``e_paper``: the :func:`e_paper_record` of the lines, if any."""
    field_at = [i for i in range(start) if kinds[i] == FIELDS]
    if e_paper and (heading := e_paper[0].group("title").strip()):
        for i in range(start):  # the e-paper's own record names the headline
            if lines[i].text == heading:
                return _Title(i, heading)
    candidates: dict[str, _Title] = {}
    originals = _original_titles(lines, kinds, start)
    for i in range(start):
        text = lines[i].text
        title = None
        if originals and text[0] in "【[" and text.strip("【】[] ") in originals:
            continue  # (原标题:X) / 【X】: the story's first headline, repeated as a label
        if (i + 1 < len(lines) and _ISSUE_NUMBER.match(lines[i + 1].text)) \
                or (len(text) <= 20 and _ISSUE_NUMBER.match(text)):
            continue  # 某某工作简报 / 2022年第4期: the bulletin's name and its issue
        if text.startswith("- ") and any(0 <= j < len(lines) and j != i and lines[j].text.startswith("- ")
                                         for j in (i - 1, i + 1)):
            continue  # - 2025-06-01 / - 专题 / - 新报人: a post's meta cells, bulleted
        if kinds[i] in (TEXT, FIELDS):
            title = _title_with_date(text, i)  # 标题 2024-01-02 / 标题发布日期:2023-03-12
            if title is not None and title.date is not None and not title.date.groupdict().get("hour") \
                    and text.endswith((")", "）")) and _title_like(text) \
                    and any(j != i and kinds[j] == FIELDS and find_date(lines[j].text) for j in range(start)):
                title = _Title(i, text)  # 发布会辑录(2023-04-26) over its own date row: the day is the headline's
        if title is None and kinds[i] == TEXT and (m := _TITLE_KEY.match(text)):
            title = _Title(i, m.group("value"))  # 信息名称：关于印发…的通知: the title, labelled
        elif title is None and kinds[i] == BOILER and "题" in text and (m := _WIRE_HEADER.match(text)) \
                and m.group("title") and _title_like(m.group("title").strip()):
            title = _Title(i, m.group("title").strip())  # 新华社贵阳2月12日电 题：标题
        elif title is None and kinds[i] == TEXT and _title_like(text) \
                and len(_KEY_PAIR.findall(text)) < 2:  # 文件编号：… 发布机构：…: a metadata row
            title = _Title(i, text)
        if title is not None:
            candidates[title.text] = title  # the later copy: the heading after the breadcrumb
    if not candidates:  # a headline under the text (a photo story): the first one below it
        after = [i for i in range(end, min(end + 4, len(lines)))
                 if kinds[i] == TEXT and _title_like(lines[i].text)]
        if after:
            return _Title(after[0], lines[after[0]].text)
    if not candidates:
        at = lines[field_at[0]].no if field_at else lines[0].no
        where = "above the byline" if field_at else "at the top"
        if not any(find_date(ln.text) for ln in lines):  # neither: say both at once
            raise SeedError(path, at, f"no title and no date found {where}; put the article's "
                            "title on its own line above the text and a line like "
                            "`2021-07-06 22:13` under it")
        raise SeedError(path, at, f"no title found {where}; put the article's title on its own "
                        "line above the text")
    # a headline printed twice (the page's and its share card's) over a column label
    printed = _printed_twice(lines, kinds, start)
    scores = {t.index: _title_score(t.text, t.index, start, kinds, field_at, lead)
              + 6.0 * (t.text != lines[t.index].text and t.date is None)
              + REPEAT_BONUS * (t.text in printed and len(t.text) >= 6)
              for t in candidates.values()}
    best = max(candidates.values(), key=lambda t: (scores[t.index], t.index))
    if best.index in captions:  # the line under a picture: its caption, if a headline is left
        others = {k: t for k, t in candidates.items() if t.index not in captions}
        alt = max(others.values(), key=lambda t: (scores[t.index], t.index), default=None)
        if alt is None or len(alt.text) < 6 or _is_outlet(alt.text) or _CHROME_WORDS.search(alt.text) \
                or scores[alt.index] < scores[best.index] - CAPTION_MARGIN:
            return best  # 1.jpg / 标题 / 2025-05-19: no caption, the title
        best, candidates = alt, others
    return _headline_of_pair(best, candidates, scores, lines, kinds, start, lead)


def _original_titles(lines: Sequence[Line], kinds: Sequence[str], start: int) -> set[str]:
    """The headlines a header says the story first ran under (``(原标题:X)``)."""
    return {m.group("value").strip(" )）") for i in range(start) if kinds[i] == FIELDS
            and "原标题" in lines[i].text for m in p.FIELD.finditer(lines[i].text)
            if m.group("key") == "原标题"}


REPEAT_BONUS = 3.0  # a headline the page prints twice in its header
REPEAT_SPAN = 8  # lines: the two copies of a headline stand this close


def _printed_twice(lines: Sequence[Line], kinds: Sequence[str], start: int) -> set[str]:
    """Lines of text above ``start`` the page prints twice, close together and with the
    byline between: its headline, and again on its share card (标题 / 栏目 / 文 / 日期 / 标题).
    A picture's alt text over its caption has no byline between."""
    seen: dict[str, int] = {}
    twice: set[str] = set()
    for i in range(start):
        if kinds[i] == TEXT:
            text = lines[i].text
            first = seen.get(text)
            if first is not None and i - first <= REPEAT_SPAN \
                    and FIELDS in kinds[first + 1:i]:
                twice.add(text)
            seen[text] = i
    return twice
CAPTION_MARGIN = 6.0  # a caption right above the byline outscores the headline above its picture
_KICKER_MARKS = re.compile(r"[×|｜]| [xX] ")
# “活力湘潭行”系列报道①: a series' label over its headline
_SERIES_LABEL = re.compile(r"系列(?:报道|评论|述评|访谈|调查)(?:之[一二三四五六七八九十\d]+|[①-⑳]|[(（]\d{1,2}[)）])?$"
                           # 政府信息公开, 乡镇动态 over a headline: a portal's column, not a kicker
                           r"|^[\u4e00-\u9fff]{2,6}(?:信息公开|政务公开|动态|要闻|公告|资讯|快讯)$")
_BRACKETED_LABEL = re.compile(r"【[^【】]{2,30}】")
COLUMN_NAME = 4  # characters: a line this short over a longer headline names its column (光明论坛)
PAIR_MARGIN = 5.5  # a deck may share the lead's words where its headline does not
PAIR_LEAD_SHARE = 0.5  # but a headline speaks of the text: half of its characters are the lead's


def _headline_of_pair(best: _Title, candidates: dict[str, _Title], scores: dict[int, float],
                      lines: Sequence[Line], kinds: Sequence[str], start: int, lead: str) -> _Title:
    """Of two headline-like lines alone right above the byline or the body, the upper one is
    the headline and the lower its deck (副题), unless the upper is a kicker (引题: a column or
    series label, half as long as the headline or marked × or |): 标题 / 副题 / 2024-09-20.
    A deck sums up the text and shares its words, so the lead alone would pick it."""
    by_index = {t.index: t for t in candidates.values()}
    if best.text.startswith(("—", "--")) and (above := by_index.get(best.index - 1)) is not None \
            and above.date is None and not above.text.startswith(("—", "--")):
        return above  # 标题 / ——副题 / 分享到: a deck by its dash, whatever stands under it
    for upper in (best.index - 1, best.index):
        lower = upper + 1
        if upper not in by_index or lower not in by_index or upper - 1 in by_index \
                or not (lower + 1 == start or (lower + 1 < start and kinds[lower + 1] == FIELDS)):
            continue
        u, lo = by_index[upper], by_index[lower]
        if u.date is not None or lo.date is not None or u.text != lines[upper].text \
                or lo.text != lines[lower].text:
            return best  # a headline on a dated or labelled line: its own evidence
        if lo.text.startswith(("—", "--")):
            return u  # ——庆祝……侧记: a deck by its dash
        if u.text.endswith(("——", "--")):
            return lo  # 某某来信反映，工资被拖欠—— / 标题: a kicker leading into its headline
        if len(lo.text) <= COLUMN_NAME < len(u.text) // 2:
            return u  # 话题|标题 / 社会 / 发布时间: the section's name under the headline
        if len(u.text) * 2 <= len(lo.text) or _KICKER_MARKS.search(u.text) or _SERIES_LABEL.search(u.text) \
                or _BRACKETED_LABEL.fullmatch(u.text) or len(u.text) <= COLUMN_NAME < len(lo.text):
            return lo  # 【大江奔流——某报道】 over the headline: a series' label
        speaks = _lead_share(u.text, lead) >= PAIR_LEAD_SHARE  # no site slogan above the headline
        return u if speaks and scores[upper] >= scores[lower] - PAIR_MARGIN else best
    return best


def _lead_share(text: str, lead: str) -> float:
    """The share of the text's characters that the lead holds too."""
    chars = set(p.CJK_CHAR.findall(text))
    return len(chars & set(lead)) / len(chars) if chars else 0.0


def is_deck(lines: Sequence[Line], kinds: Sequence[str], title_at: int, start: int) -> bool:
    """The line under the title is its deck (副题, a subtitle): a headline-like line of words
    of its own, right above the byline or the body (标题 / 副题 / 2024-09-20 来源：… / 正文)."""
    i = title_at + 1
    if i >= start or kinds[i] != TEXT:
        return False
    text = lines[i].text
    if text.startswith(("——", "—", "--")):
        return True  # ——庆祝……侧记
    if not (i + 1 == start or kinds[i + 1] == FIELDS) or text == lines[title_at].text:
        return False
    # no office or outlet naming itself (湘乡市发展和改革局), no chrome, no code
    return (6 <= len(text) <= 60 and _title_like(text) and not _is_outlet(text)
            and not _NAME_SUFFIX_NOT_PERSON.search(text) and not _CHROME_WORDS.search(text)
            and not _MARKUP_CHARS.search(text) and len(p.CJK_CHAR.findall(text)) >= len(text) / 2)


_NAME_TAIL = re.compile(rf"\S\s*[|｜]\s*(?P<name>[{p.CJK}]{{2,3}})$")


_TITLE_AGENCY = re.compile(rf"\s*[(（](?P<outlet>[{p.CJK}]{{2,8}}(?:新闻局|新闻处|通讯社|社|报|网|台))[)）]$")


def _agency_after(headline: str) -> str | None:
    """The agency a headline names in brackets at its end (``标题(澳门新闻局)``), if any."""
    m = _TITLE_AGENCY.search(headline)
    return m.group("outlet") if m else None


_ASCII_QUOTED = re.compile(r"""(['"])(?P<inner>[^'"]{4,})\1""")


def clean_title(text: str) -> str:
    """Without a list bullet or a section tag before it or a section tag or print widget after it:
    ``• 标题`` / ``【湘潭市】标题`` / ``标题|专访`` / ``标题 列印`` → ``标题``."""
    cleaned = _TITLE_TAIL.sub("", text.lstrip(_BULLETS.replace("-", "").replace("—", "")))
    cleaned = _TITLE_AGE.sub("", _TITLE_TAG.sub("", _NOW_PLAYING.sub("", _TITLE_LANGUAGE.sub("", cleaned))))
    cleaned = _PART_ORDINAL.sub("", cleaned)  # 第一单元 标题: a programme's part, before its title
    if (m := _OUTLET_PREFIX.match(cleaned)) and _is_outlet(m.group("outlet")):
        cleaned = cleaned[m.end():]  # 湖南日报 | 标题: the paper a channel took the story from
    if (m := _TITLE_OUTLET.search(cleaned)) and (_is_outlet(m.group("outlet")) or m.group("outlet")[-1] in "报网"
                                                  or m.group("outlet").endswith(_SITE_WORDS)):
        # 标题-中国青年报, 标题--中国国情手册: the page's title, the paper's or the site's name after it
        cleaned = cleaned[: m.start()].rstrip("-—_ ")
    if m := _ASCII_QUOTED.fullmatch(cleaned):
        cleaned = m.group("inner")  # '标题': a feed's headline in typewriter quotes
    if m := _TITLE_AGENCY.search(cleaned):
        cleaned = cleaned[: m.start()].rstrip()  # 标题(澳门新闻局): the agency that released it
    cleaned = _FILE_EXTENSION.sub("", cleaned)  # 某某采购文件模板.docx: a shared document's name
    cleaned = _ISSUE_TAG.sub("", cleaned)  # 【人医心传第163期 - 活水堂】标题: the issue and column
    cleaned = _STARS_AFTER.sub("", cleaned)
    return cleaned if len(cleaned) >= 4 else text


_ROLE_TAIL = re.compile(r"\s+(?:编辑|作者|记者|小编)$")  # 标题 编辑 (date): a role with no one named


_ROW_WIDGETS = re.compile(r"网友评论\s*\d*\s*条|点击查看|(?:点击|浏览|阅读)\s*[:：]?\s*\d*\s*次?|评论\s*[(（]?\d*[)）]?")


def _title_with_date(text: str, i: int) -> _Title | None:
    """A headline and the article's date on one line: ``标题 2024-01-02``, ``标题发布日期：…``."""
    m = find_date(text)
    if m is None:
        return None
    key = next((f for f in p.FIELD.finditer(text) if f.start() < m.start()), None)
    if key is not None and key.group("key") not in p.DATE_KEYS:
        return None
    cut = key.start() if key is not None else m.start()
    tail = text[m.end():].strip()
    before = text[:cut].rstrip()
    if key is None and before.endswith(("(", "（", "[", "【")) and tail in (")", "）", "]", "】"):
        cut, tail = len(before) - 1, ""  # 标题 (2025-12-02 20:27:11)
    if tail and key is None and not _ROW_WIDGETS.sub("", p.FIELD.sub("", tail)).strip(" |｜:："):
        tail = ""  # 标题2008-12-3 1:05:32 来源: 某网 网友评论 0 条: a CMS's row of fields after it
    rest = _ROLE_TAIL.sub("", text[:cut].strip(" |｜│-—"))
    if len(rest) < 8 or not _title_like(rest) or is_author_first_line(text) or _is_outlet(rest) \
            or (tail and key is None):
        return None
    return _Title(i, rest, m)


def _is_outlet(text: str) -> bool:
    return bool(p.OUTLET_NAME.search(text.split(" ")[-1]))


# --- names ---------------------------------------------------------------------------------------
def is_person_name(name: str, strict: bool = False) -> bool:
    """A known surname and one to three characters, a name with ·, or a Latin name. ``strict``
    (a name standing alone, without a role or a key before it): one or two characters after the
    surname, Latin names capitalised."""
    if name in p.NOT_NAMES or _NAME_SUFFIX_NOT_PERSON.search(name) or p.OUTLET_NAME.search(name):
        return False
    if "·" in name or "・" in name or "•" in name:  # 马修·卡特勒: characters on both sides of every dot
        return 3 <= len(name) <= 20 and bool(_DOTTED_NAME.fullmatch(name))
    if (_LATIN_NAME_STRICT if strict else _LATIN_NAME).fullmatch(name) and len(name) <= 40:
        return True
    if not _CJK_NAME.fullmatch(name):
        return False
    if not strict and name[0] in "小老阿" and len(name) <= 3:
        return True  # 小禾, 老周, 阿强: a byline's nickname
    longest = 3 if strict else 4
    if name[:2] in COMPOUND and 3 <= len(name) <= longest + 1:
        return True
    return name[0] in SINGLE and 2 <= len(name) <= longest


def _join_padded(value: str) -> str:
    """``彭 宁`` → ``彭宁``: a name padded to the width of three characters."""
    if " " not in value:
        return value
    return _PADDED.sub(lambda m: m.group(1) + m.group(2) if m.group(1) in SINGLE else m.group(), value)


_COMPILED_BY = re.compile(rf"(?:^|\s)(?P<name>[{p.CJK}]{{2,3}})辑$")
_LATIN_PEN_NAME = re.compile(r"[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){1,2}")


def split_names(value: str) -> list[str]:
    if _LATIN_PEN_NAME.fullmatch(value.strip()):
        return [value.strip()]  # 作者: Engineer K: one pen name of Latin words
    if (compiled := _COMPILED_BY.search(value)) and is_person_name(compiled.group("name"), strict=True):
        return [compiled.group("name")]  # 某某报道和评论一束 齐晚秋辑: the roundup's title, its compiler
    value = without_affiliations(_DESK_AFTER_WRITERS.sub("", value))  # 龙依依(237班): her class
    value = _EMPTY_KEY.sub(" ", value)  # 56885 关注度：: the next field's key, its value empty
    value = _join_padded(_ROLE_COLON.sub(" ", p.ROLE_WORDS.sub(" ", value)))  # 记者：A B
    names = [part for n in _NAMES_SEP.split(value) for part in _unglued(n.strip("·・ "))]
    # 作者: admin, 作者：管理员: the site's account, no writer
    return [n for n in names if n and p.NAME.match(n) and n not in p.UNKNOWN_VALUES and is_person_name(n)]


def _unglued(token: str) -> list[str]:
    """``严芳邓春林`` → ``严芳``, ``邓春林``: two names a CMS ran together, when only one cut
    leaves two names proper; any other token as it is."""
    if not 5 <= len(token) <= 6 or not _CJK_NAME.fullmatch(token[:5]) or is_person_name(token):
        return [token]
    cuts = [(token[:k], token[k:]) for k in (2, 3)
            if is_person_name(token[:k], strict=True) and is_person_name(token[k:], strict=True)]
    return list(cuts[0]) if len(cuts) == 1 else [token]


# --- fields ------------------------------------------------------------------------------------
_COUNTER_VALUE = re.compile(r"\s*(?:浏览|点击|阅读|访问)(?:次数|量|数)?\s*[:：]")
_INTERN_KEYED = re.compile(r"实习生\s*[:：]")  # 实习生：X, a credit of its own


_EMPTY_LABEL_AFTER = re.compile(rf"(?<=\S)\s+[{p.CJK}]{{2,4}}[:：]\s*$")
_OPENERS = {")": "(", "）": "（", "]": "[", "】": "【"}


def _unbracketed(value: str) -> str:
    """``value`` without separators and the brackets around it or left unpaired at its ends:
    ``(新华社)`` and ``新华社）`` give 新华社, but a bracketed part closing the value is kept
    (``监测预报与科技处(应急服务处)``: the office's second name)."""
    while True:
        before = value = value.strip(" |｜/").lstrip(")）]】").rstrip("(（[【")
        if len(value) >= 2 and value[-1] in _OPENERS and value[0] == _OPENERS[value[-1]] \
                and not any(c in value[1:-1] for c in "()（）[]【】"):
            value = value[1:-1]  # (新华社): the whole value bracketed
        if value and value[0] in "(（[【" and not any(c in value for c in _OPENERS if
                                                     _OPENERS[c] == value[0]):
            value = value[1:]  # an opening bracket never closed
        if value and value[-1] in _OPENERS and _OPENERS[value[-1]] not in value[:-1]:
            value = value[:-1]  # a closing bracket never opened
        if value == before:
            return value


def field_values(lines: Iterable[Line]) -> dict[str, list[tuple[int, str]]]:
    """All ``key: value`` pairs of the given lines, by key, with line numbers."""
    found: dict[str, list[tuple[int, str]]] = {}
    for line in lines:
        key = None
        if "编" in line.text and (desk := _DESK_AFTER_WRITERS.search(line.text)) \
                and desk.group("key") in p.EDITOR_KEYS \
                and not p.FIELD.search(line.text[: desk.start()]) and credit_names(line.text) \
                and is_person_name(desk.group("name"), strict=True):
            found.setdefault(desk.group("key"), []).append((line.no, desk.group("name")))
        for m in p.FIELD.finditer(credit_row(line.text) or line.text):
            after_editor, key = key in p.EDITOR_KEYS, m.group("key")
            if after_editor and key == "实习生" and not _INTERN_KEYED.search(line.text):
                continue  # 编辑:X 实习生 Y: an intern at the editor's desk writes nothing
            if _COUNTER_VALUE.match(m.group("value")):
                continue  # 来源: 浏览次数:1235次: an empty field, a counter's key after it
            value = _without_dates(m.group("value"))
            for word in p.WIDGET_WORDS:
                value = value.replace(word, " ")
            value = _CLOSER.split(_unbracketed(value))[0]  # 陈六）1121228
            value = " ".join(_EMPTY_LABEL_AFTER.sub("", value).split())  # 某商报 围观:: a counter's label
            if (desk := _DESK_AFTER_WRITERS.search(value)) and key not in p.EDITOR_KEYS \
                    and desk.group("key") in p.EDITOR_KEYS and is_person_name(desk.group("name"), strict=True):
                # 作者: 记者 A B C 编辑 D: the editor's key without its colon, inside the writers'
                found.setdefault(desk.group("key"), []).append((line.no, desk.group("name")))
                value = value[: desk.start()]
            if value:
                found.setdefault(m.group("key"), []).append((line.no, value))
    return found


def _outlet_then_name(text: str) -> tuple[str, str] | None:
    """``北国网颜小棠``: an outlet and its reporter glued together, as some bylines print them."""
    m = _OUTLET_NAME_GLUED.fullmatch(text)
    if m and is_person_name(m.group("name"), strict=True):
        return m.group("outlet"), m.group("name")
    return None


def extract_source(fields: dict, field_lines: Sequence[Line], lead: str,
                   masthead: str | None = None, url_lines: Sequence[Line] = (),
                   reprints: Sequence[Line] = ()) -> str | None:
    """The outlet, by the first strategy that names one; 本报 (this paper) names none."""
    return next((s for s in _source_candidates(fields, field_lines, lead, masthead, url_lines, reprints)
                 if s and s not in p.UNKNOWN_VALUES), None)


# 阳光东坑  http://dk.sun0769.com/  2022-05-25: a site's name before its own address, on its date row
_LABEL_BEFORE_BAR = re.compile(rf"\s*(?P<label>[{p.CJK}A-Za-z]{{2,12}})\s*[|｜]\s*")
_NAME_BEFORE_ADDRESS = re.compile(rf"\s*(?P<name>[{p.CJK}]{{2,12}})\s+(?:https?://|www\.)[\w.-]+/?\s")
_CODE_VALUE = re.compile(r"[A-Za-z_-]*\d{4,}[\w-]*")
_ACCOUNT_ID = re.compile(rf"(?<=[{p.CJK}])\s*[(（]\s*(?:ID\s*[:：]\s*)?[A-Za-z][\w-]{{2,30}}\s*[)）]$")
# 9月20日《新华每日电讯》, 2024年3月5日《甘肃日报》第3版: a paper named with the day it ran
_DATED_PAPER = re.compile(r"(?:(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日\s*)?《(?P<paper>[^《》\s]{2,20})》")


def _source_candidates(fields: dict, field_lines: Sequence[Line], lead: str, masthead: str | None,
                       url_lines: Sequence[Line], reprints: Sequence[Line]) -> Iterable[str | None]:
    printed = [m.group("paper") for key in p.SOURCE_KEYS for _, value in fields.get(key, ())
               if (m := _DATED_PAPER.match(value))]
    if printed and len([v for key in p.SOURCE_KEYS for v in fields.get(key, ())]) > 1:
        # 来源:新华社 … / 来源:9月20日《新华每日电讯》: a template's default, then the paper an
        # editor typed in, with the day it ran: the paper is the source
        yield printed[0]
    for key in p.SOURCE_KEYS:
        for _, value in fields.get(key, ()):
            first = value.split(" ")[0].strip("，,;；+＋")  # 中国青年报+收藏本文: the widget's plus
            if first.endswith((":", "：")):
                continue  # 来源:   分类: …: the value is empty, the next label stands there
            first = _ACCOUNT_ID.sub("", first)  # 网信军民融合(wxjmrh): a WeChat account's ID
            if _CODE_VALUE.fullmatch(first):
                continue  # 来源: sp20241109: a mirror's code, no outlet
            if (note := _SOURCE_NOTE.search(first)) and note.start() >= 2:
                first = first[: note.start()]  # 某网(作者授权发布): a note on the outlet, not its name
            if first.startswith("《") and "》" in first:  # 《某报》8月19日A01版: the paper, not its page
                first = first[1: first.index("》")]
            yield first
    for line in field_lines:  # 时间：… 作者：佚名 来源 某局 点击：: a key among keyed fields, its colon lost
        if (m := _BARE_SOURCE_KEY.search(line.text)) and len(p.FIELD.findall(line.text)) >= 2:
            yield m.group("value")
    for line in reprints:  # 原载于〔某报〕第二十八期: the paper it first ran in
        if (m := _FIRST_PRINTED.match(line.text)) is not None:
            yield m.group("outlet")
    if lead.startswith("据") and (m := _ACCORDING_TO.match(lead)):
        yield m.group("outlet")  # 据温州商报9月18日讯: the paper the story is reprinted from
    for line in field_lines:  # 2012-07-30 | 发布者:X | 来自某网-某报: a cell saying whence
        if "来自" in line.text and (m := _FROM_CELL.search(line.text)) \
                and not m.group("outlet").endswith(("推荐", "转载", "分享")):
            yield m.group("outlet")  # (来自: 赵大年推荐: who recommended it, no outlet)
    for line in url_lines:
        yield outlet_of_url_line(line.text)  # 某某论坛报 https://…
    for line in field_lines:
        m = is_author_first_line(line.text) or _ISSUED_FOR.match(line.text)
        if m:
            yield m.group("outlet")
        m = _WIRE_CREDIT_LINE.match(line.text) or _PROVIDER_TAG.match(line.text) \
            or _NEWS_FROM.match(line.text)
        if m:
            yield m.group("outlet").strip()
        if (m := _DESK_CREDIT.search(line.text)) and not _DESK_NOT_OUTLET.search(m.group("outlet")):
            yield m.group("outlet")
        if outlet := _outlet_before_role_key(line.text):
            yield outlet  # 某某日报记者：X, 人民网特约撰稿人：X
    slashed = _SLASH_BYLINE.match(lead)
    if slashed and slashed.group("outlet").endswith("讯"):
        slashed = None  # 【秘书室讯/…】: a desk's news tag, no outlet
    m = _OUTLET_CREDIT.search(lead) or _BRACKET_BYLINE.match(lead) or slashed or _WIRE_BYLINE.match(lead) \
        or _NEWS_FROM.match(lead.split(" ")[0]) or _OPENING_NEWS_FROM.match(lead)
    if m and m.group("outlet"):
        yield m.group("outlet").strip()
    m = _BRACKET_DATELINE.match(lead)
    if m and (_is_outlet(m.group("outlet")) or _PAPER.fullmatch(m.group("outlet"))
              or ((m.group("dated") or m.group("kind").startswith("综合"))
                  and _CJK_WORD.fullmatch(m.group("outlet")))):
        yield m.group("outlet")  # 【明报专讯】, 【某台2021年06月17日讯】, not 【热点快讯】
    m = _CHANNEL_NEWS.match(lead)
    if m and _is_outlet(m.group("outlet")):
        yield m.group("outlet")  # 国际在线吉林频道消息：…
    for line in field_lines:
        credit = credit_names(line.text) or dated_credit(line.text) \
            or outlet_and_names(line.text.strip(_BULLETS))
        if credit and credit[0]:
            yield credit[0]  # 东方今报记者 钟岳林/文
        m = _PRINT_EDITION.search(line.text) or _PAPER_ISSUE.search(line.text)
        if m:
            yield m.group("outlet")  # 《光明日报》( 2010年04月23日 08版), 某某报1467期02版
        date = find_date(line.text)
        if date and not p.FIELD.search(line.text):
            # 湘潭日报 2024年03月06日 第02版: an e-paper's masthead, its page left out
            rest = _PRINT_PAGE.sub("", _without_dates(p.URL.sub(" ", line.text))).strip(_DATE_SEPARATORS + "/／")
            if rest and " " not in rest and p.OUTLET_NAME.search(rest) and not is_person_name(rest):
                yield _undoubled(rest)  # 2021-11-10 17:54 三元区融媒体中心
            if glued := _outlet_then_name(rest):
                yield glued[0]  # 2006年04月10日 08:51北国网颜小棠
            if outlet := _outlet_before_date(line.text, date):
                yield outlet  # - 某某新闻网 2012-06-25 08:55:39 彭某 向某 阅读:
            if m := _ACCOUNT_KIND.match(line.text):
                yield m.group("account")  # 学习学习再学习 · 公众号 · 学习 · 2017-02-22 11:44
            if (opened := _outlet_and_team(line.text)) is not None:
                yield opened[0]  # 2021-06-18 21:49:35 21世纪经济报道 21财经APP 韩可欣
            if account := _account_beside_date(rest):
                yield account[0]  # 2021-12-01 12:54 · 腾讯新闻一线 韦朔, 36氪·2026-01-04
            after = line.text[date.end():].split()
            if len(after) == 1 and (p.OUTLET_NAME.search(after[0]) or _PAPER.fullmatch(after[0])) \
                    and credit_names(line.text[: date.start()].strip()):
                yield after[0]  # 本报记者 X Y  2026-02-02 09:02:37  人民日报: the paper after the day
            if (label := _LABEL_BEFORE_BAR.fullmatch(line.text[: date.start()])) and not line.text[date.end():].strip() \
                    and not is_person_name(label.group("label"), strict=True):
                yield label.group("label")  # 青瞳视角| 2023-01-19 08:09:27: the account, a bar, its day
            if (site := _NAME_BEFORE_ADDRESS.match(line.text)) and not is_person_name(site.group("name"), strict=True):
                yield site.group("name")  # 阳光东坑  http://dk.sun0769.com/  2022-05-25 11:00
    yield masthead
    for key in ("编辑", "作者"):  # 编辑：湖南政协新闻网: the site named where a person belongs
        for _, value in fields.get(key, ()):
            value = value.strip()
            if 3 <= len(value) <= 12 and " " not in value and p.OUTLET_NAME.search(value) \
                    and value not in p.UNKNOWN_VALUES:
                yield value
            elif key == "作者" and (credit := credit_names(value)) and credit[0]:
                yield credit[0]  # 作者:某日报/某网通讯员 X Y: the outlet its reporters write for


_LEADING_LINK = re.compile(rf"(?:https?://)?www\.[\w.-]+/?\s*[,，]\s*(?=[{p.CJK}\d])")
_FIRST_PRINTED = re.compile(r"^(?:本文)?原(?:载|刊)(?:于)?\s*[〔《「【]\s*(?P<outlet>[^〕》」】]{2,16})\s*[〕》」】]")
_FROM_CELL = re.compile(r"[|｜]\s*来自\s*[:：]?\s*(?P<outlet>[^\s|｜:：]{2,20})\s*(?:[|｜]|$)")
_ACCORDING_TO = re.compile(rf"^据(?P<outlet>[{p.CJK}]{{2,12}}?(?:日报|晚报|商报|时报|报|网|社|台|客户端))"
                           rf"[{p.CJK}]{{0,4}}(?:(?:19|20)\d{{2}}年)?\d{{1,2}}月\d{{1,2}}日(?:讯|电|消息)")
_SOURCE_NOTE = re.compile(r"[(（](?:作者|原标题|有删节|转载|授权|略有删减|经授权)[^()（）]*[)）]?$")
_BARE_SOURCE_KEY = re.compile(r"(?:^|\s)来源\s+(?P<value>[^\s:：]{2,20})(?=\s|$)")
_ACCOUNT_KIND = re.compile(r"(?P<account>[^\s·・|｜]{2,20})\s*[·・|｜]\s*(?:微信)?(?:公众号|头条号|百家号|企鹅号|网易号|搜狐号)")
_ISSUE = re.compile(r"第\s*\S{1,4}\s*[期版卷号]|\d\s*[期版卷号]$")  # 第3期, 04版: an issue, not an account


def _outlet_before_role_key(text: str) -> str | None:
    """The outlet standing right before a people key that opens a line (``人民网特约撰稿人：X``)."""
    m = p.FIELD.search(text)
    if m is None or m.start() == 0 or (m.group("key") not in p.PEOPLE_KEYS
                                       and m.group("key") not in p.DATE_KEYS):
        return None  # 人民网特约撰稿人：X, 中国电力网发布时间：2021-03-24
    outlet = text[: m.start()].strip()
    if 3 <= len(outlet) <= 10 and p.CJK_CHAR.search(outlet) and " " not in outlet \
            and _is_outlet(outlet) and outlet not in p.SELF_OUTLETS:  # not 新闻作者：, a label
        return outlet
    return None


_SENDER = re.compile(r"(?:重工|集团|股份|科技|公司|协会|商会|研究院|研究所)$")


def _outlet_before_date(text: str, date: re.Match[str]) -> str | None:
    """The outlet named right before the date on a row without keys (``- 某某新闻网 2012-06-25
    08:55:39 彭某 向某 阅读:``), as city portals' templates print source, date and writers."""
    tokens = _without_dates(text[: date.start()]).strip(_DATE_SEPARATORS + "-·•").split()
    if not tokens or not 3 <= len(tokens[-1]) <= 12 or not p.CJK_CHAR.search(tokens[-1]) \
            or is_person_name(tokens[-1]):
        return None
    if p.OUTLET_NAME.search(tokens[-1]) or _PAPER.fullmatch(tokens[-1]):
        return tokens[-1]  # (新京报2024-03-22 20:30:47: a paper's short name, glued to the date)
    # 三一重工 2019-05-17 10:17:22, alone with the date: the company that sent the piece in
    alone = len(tokens) == 1 and not _without_dates(text[date.end():]).strip()
    return tokens[-1] if alone and _SENDER.search(tokens[-1]) else None


def _outlet_and_team(text: str) -> tuple[str, list[str]] | None:
    """(outlet, reporters) of a line the date and time open and an outlet follows, then maybe
    its app and the reporters (``2021-06-18 21:49:35 21世纪经济报道 21财经APP 韩可欣 实习生/A,B``)."""
    date = find_date(text)
    if date is None or date.start() != 0 or not date.groupdict().get("hour") or p.FIELD.search(text):
        return None  # keyed fields (来源：…) say it with their keys
    tokens = text[date.end():].split()
    if len(tokens) < 2 or not p.OUTLET_NAME.search(tokens[0]) or is_person_name(tokens[0]):
        return None
    names = [n for t in tokens[1:] if p.CJK_CHAR.search(t) and not re.search(r"[A-Za-z]", t)
             for n in split_names(re.sub(r"[/／,，]", " ", t)) if is_person_name(n, strict=True)]
    return tokens[0], names


def _undoubled(name: str) -> str:
    """派财经派财经 → 派财经: a name printed twice, its logo's text glued to it."""
    half = len(name) // 2
    return name[:half] if len(name) % 2 == 0 and half >= 2 and name[:half] == name[half:] else name


_COUNTERS = re.compile(r"(?:阅读|浏览|点击)(?:量|数)?\s*[(（]?\s*\d+\s*[)）]?|扫描到手机|扫一扫|"
                       r"(?:我要)?评论(?:\s*[(（]\d*[)）])?$|"  # 金鹰网评论: a comment link glued on
                       r"(?:参加|参与)讨论$|(?:发表|参与)评论$|"  # … 祁振元 参加讨论: a comment link
                       r"\d+\s*(?:浏览|阅读)|IP属地\s*[:：]\s*\S+")  # 驾仕派 2234浏览 … IP属地: 四川


def _account_beside_date(rest: str) -> tuple[str, str | None] | None:
    """What a platform prints beside the date, the date taken out: ``(account, writer)`` of
    ``腾讯新闻一线 韦朔`` or ``36氪``, ``派财经派财经`` (the name twice, glued); None otherwise."""
    platform = "IP属地" in rest  # 驾仕派 2234浏览 … IP属地: 四川: an account on a platform's page
    rest = _COUNTERS.sub(" ", rest)  # 中国新闻网阅读 (270392) 扫描到手机: its counter and widget
    tokens = rest.strip(_DATE_SEPARATORS).split()
    if not tokens or len(tokens) > 2 or any(_CHROME_WORDS.search(t) for t in tokens):
        return None
    account, writer = _undoubled(tokens[0]), tokens[1] if len(tokens) == 2 else None
    if not 2 <= len(account) <= 12 or not p.CJK_CHAR.search(account) or is_person_name(account) \
            or _ISSUE.search(account) \
            or p.SENTENCE_MARKS.search(account) or (writer and not is_person_name(writer, strict=True)):
        return None
    if writer is None and len(tokens[0]) == len(account) and not _is_outlet(account) \
            and not platform and not re.search(r"[A-Za-z0-9]", account):
        return None  # a lone word without a sign of a name: 36氪 has one, 园区 has none
    return account, writer


def outlet_beside_date(lines: Sequence[Line], kinds: Sequence[str], title_at: int,
                       start: int) -> str | None:
    """``红网`` alone on a line right above or below the date line, between the title and the
    text: the outlet, as portals and reposting accounts print it (标题 / 2015-01-08 16:40 / 红网)."""
    for i in range(title_at + 1, start):
        text = _FONT_SIZE.sub(" ", lines[i].text).strip()  # 红网时刻 字号：
        if kinds[i] not in (TEXT, BOILER) or not 2 <= len(text) <= 12 or " " in text \
                or p.SENTENCE_MARKS.search(text) or not p.OUTLET_NAME.search(text) \
                or is_person_name(text, strict=True):
            continue
        if any(0 <= j < len(lines) and kinds[j] == FIELDS and find_date(lines[j].text)
               for j in (i - 1, i + 1)):
            return text
    return None


_FENCED_NAME = re.compile(r"\s*[/／|｜]\s*(?P<name>[^\s/／|｜]{2,4})\s*[/／|｜]?\s*$")
_NAME_BEFORE_FIELDS = re.compile(rf"(?P<name>[{p.CJK}·]{{2,4}})\s+(?=(?:{p.KEYS_ALT}){p.SEP})")
_WRITER_KEYS = frozenset({"作者", "记者", "撰文", "撰稿", "采写"})
_KEYED_NAME = re.compile(rf"[{p.CJK}]{{2,4}}")  # 作者：青山听雨, a pen name the key vouches for


def extract_authors(fields: dict, field_lines: Sequence[Line], opening: str | None,
                    closing: str | None) -> list[str]:
    # 任杰  摄影:陆海波  审核:钱磊: the writer signs first, before the keyed credits
    names = [lead.group("name") for line in field_lines
             if (lead := _NAME_BEFORE_FIELDS.match(line.text)) and is_person_name(lead.group("name"), strict=True)]
    for key in p.PEOPLE_KEYS:
        for _, value in fields.get(key, ()):
            found = split_names(value)
            if not found and key in _WRITER_KEYS and _vouched_by_key(value):
                found = [value.strip()]  # 作者|言珊珊: the key vouches for a rarer surname
            names += found
    for key in p.SOURCE_KEYS:  # 来源：某某医院 汤若溪: the outlet, then who wrote for it
        for _, value in fields.get(key, ()):
            after = value.split()[1:]
            if 1 <= len(after) <= 3 and all(is_person_name(t, strict=True) for t in after):
                names += after
    for line in field_lines:
        if (edition := _PRINT_EDITION.search(line.text)) and edition.start() > 0:
            line = Line(line.no, line.text[: edition.start()].strip())  # 本报记者 X 《 中国青年报 》(…版)
        text = line.text.strip("()（）[]【】" + _BULLETS)
        if _DESK_ONLY.fullmatch(text):
            continue  # （编辑 叶翩）: the desk editor, no writer
        if credit := credit_names(line.text):
            names += credit[1]
        elif m := is_author_first_line(text):
            names.append(m.group("name"))
        elif (date := find_date(text)) and (glued := _outlet_then_name(
                _without_dates(text).strip(_DATE_SEPARATORS))):
            names.append(glued[1])
        elif (date := find_date(text)) and not p.FIELD.match(text):
            lead = _without_dates(text[: date.start()]).split()
            if (dated := dated_credit(text)) and dated[1]:
                names += dated[1]  # 2024-03-05 08:12 联合报／ 记者王小明／台北即时报导
            elif (dated := credit_names(" ".join(lead))) and dated[1]:
                names += dated[1]  # 记者王小明／彰化报导 2024-08-14 16:05
            elif 1 <= len(lead) <= 3 and all(is_person_name(t, strict=True) for t in lead):
                names += lead  # 翁以澄 2022/08/17 17:16 点阅 267 次
            elif len(lead) >= 1 and is_person_name(lead[-1], strict=True) \
                    and not (len(lead) >= 2 and _EDITOR_KEY_END.search(lead[-2])):
                names.append(lead[-1])  # not 互联网 | 编辑: 郑某某 2006-11-16: the editor
            if (opened := _outlet_and_team(text)) is not None:
                names += opened[1]  # 2021-06-18 21:49:35 21世纪经济报道 21财经APP 韩可欣 实习生/…
            if (account := _account_beside_date(_without_dates(p.URL.sub(" ", text)).replace("·", " "))) and account[1]:
                names.append(account[1])  # 2021-12-01 12:54 · 腾讯新闻一线 韦朔
            if (fenced := _FENCED_NAME.match(text, date.end())) \
                    and is_person_name(fenced.group("name"), strict=True):
                names.append(fenced.group("name"))  # 2016-07-09 00:15:00 / 柯蓝 /
            after = text[date.end():].split("来源")[0].split()
            if after and is_person_name(after[0], strict=True) and p.FIELD.search(text):
                names.append(after[0])  # www.fjsen.com 2014-10-23 23:54:51 邵景行 来源：东南网
            elif _outlet_before_date(text, date):  # 某某新闻网 2012-06-25 08:55:39 彭某 向某
                names += list(itertools.takewhile(lambda t: is_person_name(t, strict=True), after))
            for m in _SLASH_CREDIT.finditer(without_affiliations(text)):
                names += split_names(m.group("names"))  # 2024-12-02 10:42 文/ 杜书维(律师) 提供
        elif credited := outlet_and_names(text):
            names += credited[1]
        elif _BARE_NAMES.fullmatch(text):
            # also ☉孙启明: the bullets are stripped above
            names += [n for n in split_names(text) if is_person_name(n, strict=True)]
        elif _SLASH_CREDIT.search(text):
            for m in _SLASH_CREDIT.finditer(text):
                names += split_names(m.group("names"))
        elif _ROLE_LINE.match(text) and not p.FIELD.match(text):
            names += split_names(text)
    for credit in (opening, closing):
        if credit:
            names += split_names(credit) or role_vouched(credit)
    return list(dict.fromkeys(names))


_EDITOR_KEY_END = re.compile(r"(?:编辑|责编|编审|审核|校对|主编)\s*[:：]?$")
# (图/文：晓丹), (记者 晨阳): a credit whose role is spelt out vouches for a pen name without a surname
_ROLE_VOUCHED = re.compile(rf"(?:(?:图/文|文/图|图文|文图)\s*[:：]|记者(?:\s+|\s*[:：]))\s*(?P<name>[{p.CJK}]{{2,3}})")


def role_vouched(credit: str) -> list[str]:
    """``[晓丹]`` of a closing credit ``图/文：晓丹`` (``记者 晨阳``) that names its role; []
    otherwise."""
    m = _ROLE_VOUCHED.fullmatch(credit.strip())
    if m is None or m.group("name") in p.NOT_NAMES or _CHROME_WORDS.search(m.group("name")):
        return []
    return [m.group("name")]


# 责任编辑：李红_NN1234: a portal's staff code glued to the editor's name
_STAFF_CODE = re.compile(r"_[A-Za-z]{1,4}\d{2,8}\b")
_DESK_SUFFIX = re.compile(r"\s*[-－—]+\s*[^\s\-－—]{1,8}(?:站|频道|部|中心|组)$")  # 楚淇-湘潭站: a station's desk
_STAFF_ONLY = re.compile(r"[A-Za-z]{1,4}\d{2,8}")


def extract_editor(fields: dict) -> str | None:
    for key in p.EDITOR_KEYS:
        for _, value in fields.get(key, ()):
            names = split_names(_DESK_SUFFIX.sub("", _STAFF_CODE.sub("", value)))
            if names:
                return names[0]
            if _STAFF_ONLY.fullmatch(value.strip()):
                return value.strip()  # 编辑：SN013: a portal that credits its editors by code
            if _vouched_by_key(value):
                return value.strip()  # 编辑：立新: the key vouches for a pen name
    return None


def _vouched_by_key(value: str) -> bool:
    """A lone value of two to four characters that a people key vouches for as a name, though
    its surname is rare or none (作者|言珊珊, 编辑：立新): no outlet, role, placeholder or chrome."""
    value = value.strip()
    return bool(_KEYED_NAME.fullmatch(value)) and value not in p.UNKNOWN_VALUES | p.NOT_NAMES \
        and not _NAME_SUFFIX_NOT_PERSON.search(value) and not p.OUTLET_NAME.search(value) \
        and not p.ROLE_WORDS.search(value) and not _CHROME_WORDS.search(value)


def clock_hour(groups: dict[str, str | None]) -> int:
    """The hour of a date match on a 24-hour clock (下午 3:12 is 15:12; 中午 12:30 stays)."""
    hour = int(groups.get("hour") or 0)
    half = groups.get("half") or groups.get("meridiem")
    if half in p.AFTERNOON and hour < 12:
        hour += 12
    elif half in p.MORNING and hour == 12:
        hour = 0
    return hour


_CHINESE_MONTHS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
# 〇一二…九 and the other ways a document writes a nought
_CHINESE_DIGITS = {**{c: d for d, c in enumerate("〇一二三四五六七八九")}, "零": 0, "○": 0, "Ｏ": 0}


def _chinese_day(text: str) -> int:
    """三十一 → 31, 十五 → 15, 五 → 5."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _CHINESE_DIGITS[text]
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


def moment_of(m: re.Match[str], year: int | None = None) -> datetime | None:
    """The moment a match of a date pattern names, in China time (``year`` for a date without
    one); None for a day no calendar has (2月30日)."""
    groups = m.groupdict()
    try:
        if year is not None:
            y = year
        elif groups.get("roc"):
            y = int(groups["roc"]) + 1911
        elif groups.get("cyear"):
            y = int("".join(str(_CHINESE_DIGITS[c]) for c in groups["cyear"]))
        else:
            y = int(groups["year"])
        if y < 100:
            y += 2000
        if groups.get("cmonth"):
            month = _CHINESE_MONTHS.index(groups["cmonth"]) + 1
        elif groups.get("emonth"):
            month = p.ENGLISH_MONTHS.index(groups["emonth"][:3].lower()) + 1
        else:
            month = int(groups["month"])
        day = _chinese_day(groups["cday"]) if groups.get("cday") else int(groups.get("day") or groups.get("day2"))
        moment = datetime(
            y, month, day,
            clock_hour(groups), int(groups.get("minute") or 0),
            int(groups.get("second") or 0), tzinfo=CHINA_TZ,
        )
        zone = groups.get("zone")
        if zone and zone != "Z" and not groups.get("second"):
            zone = None  # 17:05-18:00: a span of time (a programme's hours), not a zone
        if zone:  # 2025-05-20T12:56:04.930Z: that moment, in China's time
            offset = timedelta(0) if zone == "Z" else \
                (1 if zone[0] == "+" else -1) * timedelta(hours=int(zone[1:3]), minutes=int(zone[-2:]))
            moment = moment.replace(tzinfo=timezone(offset)).astimezone(CHINA_TZ)
        return moment
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class _DateFound:
    date: datetime
    line: int
    inferred: bool = False


def _date_rank(line: Line, m: re.Match[str], fields_at: set[int]) -> float:
    """0: labelled as published (发布, 上载, 刊登 …); 0.5: otherwise labelled (产生日期,
    发文日期 …) or on a byline; 1: unlabelled; 3: a header widget's "today"."""
    before = _SPACED_CJK.sub("", line.text[: m.start()]).rstrip(" :：[【(（")  # 发 布 日 期
    if _PUBLISHED.search(before):
        return 0
    if any(before.endswith(key) for key in p.DATE_KEYS):
        return 0.5
    if p.WIDGET_DAY.search(line.text):
        return 3
    if line.no in fields_at:
        return 0.5
    return 1


LIST_GAP = 2  # lines (a headline, a bullet) a rail may put between its dated lines


def _dated_list(lines: Sequence[Line], fields_at: Sequence[int]) -> set[int]:
    """Of the field lines at ``fields_at`` (sorted), those in a run of three or more dated lines
    without labels, at most ``LIST_GAP`` lines apart: a list of past issues (• 第2018-07-31期 /
    • 第2018-07-30期 / …) or of other articles (- / 标题 / [2025-10-18] -), not the article's date."""
    listed: set[int] = set()
    run: list[int] = []
    for i in fields_at:
        text = lines[i].text
        dated = not p.FIELD.search(text) and not _NUMBER_CELL.fullmatch(text) \
            and find_date(text) is not None
        # a headline or two may stand between a rail's bare dates ([2025-10-18] -), not a byline's
        bare = dated and len(_without_dates(text).strip(" -—[]()（）|｜·•")) <= 4
        if not dated or (run and i > run[-1] + (LIST_GAP + 1 if bare else 1)):
            if len(run) >= 3:
                listed.update(run)
            run = []
        if dated:
            run.append(i)
    if len(run) >= 3:
        listed.update(run)
    return listed


# 第1页最后一篇文章日期：…, 上一篇：标题 2024-01-01 (not a toolbar's 上一篇 beside the issue date)
_OTHER_ITEM = re.compile(r"第\s*\d+\s*页\S*日期|第[一二三四五六七八九十\d]+篇|最后一篇|[上下]一篇\s*[:：]"
                         r"|日的(?:新闻公报|新闻稿|公告|通告)$")  # 二零一九年十月八日的新闻公报: a link to another


def _under_end_marker(i: int, listed: set[int], kinds: Sequence[str]) -> bool:
    """Whether the dated list holding line ``i`` stands right under an end marker (延伸阅读,
    相关新闻): a rail of other stories."""
    while (above := next((i - k for k in range(1, LIST_GAP + 2) if i - k in listed), None)) is not None:
        i = above
    return any(kinds[j] == END for j in range(max(0, i - 2 - LIST_GAP), i))


def _published_rows(lines: Sequence[Line], kinds: Sequence[str], body_from: int) -> set[int]:
    """Header rows of a metadata table that hold a date labelled as published among other
    pairs, keys letter-spaced and without colons: ``文 号 …〔2019〕29号 上 载 日 期 2019-12-02``."""
    rows = set()
    for i, line in enumerate(lines):
        if line.no >= body_from:
            break
        if kinds[i] == TEXT and len(line.text) <= 160 and find_date(line.text) is not None \
                and any(_date_rank(line, d, set()) == 0 for d in find_dates(line.text)):
            rows.add(i)
    return rows


def extract_date(lines: Sequence[Line], kinds: Sequence[str], title_at: int, body: Sequence[Line],
                 url: str | None, reference: Callable[[], datetime],
                 dated_title: bool = False,
                 e_paper: tuple[re.Match[str], float] | None = None) -> _DateFound | None:
    """The article's date, best rank first: labelled and byline dates, unlabelled ones, a
    dateline's month and day (the year from a URL, else the seed's time: inferred), a header's
    "today" widget last. Of equal rank, the date nearest the title wins: a rail of other
    headlines with their dates sits further away than the article's own date line."""
    found: list[tuple[float, int, _DateFound]] = []
    at = sorted({i for i, kind in enumerate(kinds) if kind == FIELDS} | ({title_at} if dated_title
                                                                          else set())
                | _published_rows(lines, kinds, body[0].no if body else 0))
    fields_at = {lines[i].no for i in at if kinds[i] == FIELDS
                 and (p.FIELD.search(lines[i].text) or is_author_first_line(lines[i].text))}
    widget_near = {ln.no for ln in lines if len(ln.text) <= 12 and p.WIDGET_DAY.fullmatch(ln.text)}
    listed = _dated_list(lines, [i for i in at if kinds[i] == FIELDS])
    for i in at:
        line = lines[i]
        if _OTHER_ITEM.search(line.text):
            continue  # 第1页最后一篇文章日期：…, 上一篇：… 2024-01-01: another item's date
        dates = [(m, d) for m in find_dates(line.text) if (d := moment_of(m))]
        for m, d in dates:  # 产生日期：… 发布日期：…: each date ranked by its own label
            if not m.groupdict().get("hour") and i + 1 < len(lines) \
                    and (t := _LONE_TIME.fullmatch(lines[i + 1].text)):
                d = d.replace(hour=int(t.group("hour")), minute=int(t.group("minute")))
            rank = _date_rank(line, m, fields_at)
            if rank == 1 and (line.no + 1 in widget_near or line.no - 1 in widget_near):
                rank = 3  # 2025-10-13 / 星期一: a header's today
            elif rank == 1 and i in listed:
                if _under_end_marker(i, listed, kinds):
                    continue  # 延伸阅读 / 标题2018/04/04 / …: other stories' dates, never this one's
                rank = 3.5  # one of a list of issues or of other articles, each with its date
            found.append((rank, i, _DateFound(d, line.no)))
        if dates:
            continue
        m = p.WIRE_TRAILER.search(line.text)
        if m and (d := moment_of(m)):
            found.append((1, i, _DateFound(d, line.no)))
            continue
        key = next((f for f in p.FIELD.finditer(line.text) if f.group("key") in p.DATE_KEYS), None)
        if key and (md := p.MONTH_DAY.search(key.group("value"))):
            if d := _month_day(md, url, reference):
                found.append((2, i, _DateFound(d[0], line.no, d[1])))
    cells = [(i, lines[i]) for i in at if _NUMBER_CELL.fullmatch(lines[i].text)]
    if len(cells) >= 2:  # a date widget split into cells: join consecutive ones
        joined = " ".join(ln.text for i, ln in cells if i - cells[0][0] < len(cells) + 1)
        m = find_date(joined)
        if m and (d := moment_of(m)):
            found.append((1, cells[0][0], _DateFound(d, cells[0][1].no)))
    for i in at:  # 中央社／ 台北10日电: a wire dateline gives the day only
        line = lines[i]
        m = _WIRE_CREDIT_LINE.match(line.text)
        if m and (d := _day_only(int(m.group("day")), reference)):
            found.append((2, i, _DateFound(d, line.no, True)))
    for i in range(title_at + 1, min(title_at + 4, len(lines))):  # 中广网    01月16日 13:52
        line = lines[i]
        if len(line.text) <= 30 and not find_date(line.text) and not is_sentence(line.text) \
                and (m := p.MONTH_DAY.search(line.text)) and m.group("hour") \
                and (d := _month_day(m, url, reference)):
            found.append((2, i, _DateFound(d[0], line.no, d[1])))
    # the first paragraph, past two or three captions of a photo story's pictures above it
    captions = next((k for k, ln in enumerate(body[:CAPTIONS_MAX + 1]) if not _is_caption_shape(ln.text)
                     or _BYLINE_SLASH.search(ln.text) or _LEAD_DATE.match(ln.text)), 0)
    first = body[captions if captions >= 2 else 0] if body else None
    opening = first.text[opening_byline(first.text)[0]:].lstrip(" ：:，,") if first else ""
    if opening and (m := _LEAD_DATE.match(opening)):  # (南方网讯 )2019年5月7日，…: the text's day
        if m.group("year") and (d := moment_of(m)):
            found.append((4, len(lines), _DateFound(d, first.no)))
        elif (d := _month_day(m, url, reference)):
            found.append((4, len(lines), _DateFound(d[0], first.no, d[1])))
    for line in body[:3]:  # 公视今(6/27)召开…, 某频道消息：8月31日，…: the day the text is dated
        for regex in _LEAD_DAYS:
            if not (m := regex.search(line.text[:60])):
                continue
            if m.groupdict().get("year") and (full := moment_of(m)):
                found.append((2.5, len(lines), _DateFound(full, line.no, True)))
            elif d := _month_day(m, url, reference):
                found.append((2.5, len(lines), _DateFound(d[0], line.no, d[1])))
    url_date = p.URL_DATE.search(url or "")
    for line in body[:OPENING_SEARCH]:
        m = _WIRE_BYLINE.match(line.text)
        if m and m.group("month") and (d := _month_day(m, url, reference)):
            found.append((2, len(lines), _DateFound(d[0], line.no, d[1])))  # 新华社北京9月15日电
            break
        if m and (d := _day_only(int(m.group("day")), reference)):
            found.append((2, len(lines), _DateFound(d, line.no, True)))
            break
        m = p.DATELINE.match(line.text) or p.BRACKETED_DATELINE.match(line.text) \
            or p.DASHED_DATELINE.match(line.text)
        if m:
            if m.group("year"):
                d = moment_of(m)
                if d:
                    found.append((1, len(lines), _DateFound(d, line.no)))
            elif d := _month_day(m, url, reference):
                found.append((2, len(lines), _DateFound(d[0], line.no, d[1])))
            break
    if url_date and (d := moment_of(url_date)):
        found.append((1, len(lines) + 1, _DateFound(d, 0)))
    if e_paper and (d := moment_of(e_paper[0])):
        found.append((2.5, len(lines), _DateFound(d, e_paper[1])))  # the issue's day
    if not found:  # …气氛别具一格。(2014.01.10): a dated stamp closing a paragraph, the only date
        for line in body:
            if line.text.endswith((")", "）")) and (m := _CLOSING_STAMP.search(line.text)) \
                    and (d := moment_of(m)):
                found.append((3, len(lines), _DateFound(d, line.no)))
                break
    if not found:
        return None
    # a byline under the title before a date as near above it
    best = min(found, key=lambda f: (f[0], abs(f[1] - title_at) - 0.5 * (f[1] > title_at), f[1]))
    dated = _with_time_of_same_day(best, found)
    if dated.date.hour or dated.date.minute or dated.inferred:
        return dated
    clocks = [t for ln in lines if ln.text[:2] in _PLACE_CLOCKS and (t := _PLACE_TIME.fullmatch(ln.text))]
    if len(clocks) == 1:
        # 二零一五年五月二十六日 … 香港时间11时43分: a release's clock at its foot, the only one
        hour, minute = int(clocks[0].group("hour")), int(clocks[0].group("minute"))
        if hour < 24:
            dated = replace(dated, date=dated.date.replace(hour=hour, minute=minute))
    return dated


_PLACE_CLOCKS = ("香港", "澳门", "台北", "北京")
_PLACE_TIME = re.compile(r"(?:香港|澳门|台北|北京)时间\s*(?P<hour>[0-2]?\d)\s*[时:：]\s*(?P<minute>[0-5]\d)\s*分?")


_CLOSING_STAMP = re.compile(r"(?<=[。！？”])\s*[(（](?P<year>(?:19|20)\d{2})[./-](?P<month>[01]?\d)[./-](?P<day>[0-3]?\d)[)）]$")
TIME_NEAR = 3  # lines: a dated line this near, on the same day, may give the time a label lacks


def _with_time_of_same_day(best: tuple[float, int, _DateFound],
                           found: Sequence[tuple[float, int, _DateFound]]) -> _DateFound:
    """The chosen date, with the time of another date found near it on the same day when it has
    none itself (时间:2023-11-08 / 某日报客户端 2023-11-08 07:49:18)."""
    chosen = best[2]
    if chosen.inferred or chosen.date.time() != datetime.min.time():
        return chosen
    for rank, at, other in found:
        if rank <= 2 and abs(at - best[1]) <= TIME_NEAR and not other.inferred \
                and other.date.date() == chosen.date.date() and other.date.time() != datetime.min.time():
            return replace(chosen, date=other.date)
    return chosen


_LEAD_DATE = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年)?(?P<month>[01]?\d)月(?P<day>[0-3]?\d)日"
                        # 5月20-22日, 3月30日—4月3日: a span, dated by its first day
                        r"(?:\s*[-—–~至到]\s*(?:[01]?\d月)?[0-3]?\d日)?(?:[上下]午|晚上?|早上?|凌晨|中午)?[，,]")
_LEAD_DAYS = (re.compile(r"今\s*[(（](?P<month>[01]?\d)/(?P<day>[0-3]?\d)[)）]"),
              re.compile(r"^[^，,。“”]{0,24}?(?:讯|消息)\s*[:：]\s*(?:(?P<year>(?:19|20)\d{2})年)?"
                         r"(?P<month>[01]?\d)月(?P<day>[0-3]?\d)日"))


# 2025年7月23日(星期三) / 香港时间18时00分: the time on the line under the date
_LONE_TIME = re.compile(r"(?:(?:香港|澳门|北京|台北)?时间\s*)?(?P<hour>[0-2]?\d)\s*[时:：]\s*(?P<minute>[0-5]\d)\s*分?")


def _month_day(m: re.Match[str], url: str | None, reference: Callable[[], datetime]
               ) -> tuple[datetime, bool] | None:
    """A month and day with the year of the URL (certain) or of ``reference()`` (inferred: the
    latest such date not after the reference)."""
    url_date = p.URL_DATE.search(url or "")
    if url_date:
        d = moment_of(m, int(url_date.group("year")))
        return (d, False) if d else None
    ref = reference()
    d = moment_of(m, ref.year)
    if d and d.date() > ref.date():
        d = moment_of(m, ref.year - 1)
    return (d, True) if d else None


def _day_only(day: int, reference: Callable[[], datetime]) -> datetime | None:
    """The latest date with this day of the month, not after ``reference()``."""
    ref = reference()
    year, month = ref.year, ref.month
    for _ in range(3):
        try:
            d = datetime(year, month, day, tzinfo=CHINA_TZ)
        except ValueError:
            d = None
        if d is not None and d.date() <= ref.date():
            return d
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def extract_source_url(lines: Sequence[Line]) -> str | None:
    for line in lines:
        m = p.SOURCE_URL_LINE.match(line.text)
        url = m.group("url") if m else line.text
        u = p.URL.search(url)
        if u:
            return u.group().rstrip(".,")
    return None


# --- inline bylines ------------------------------------------------------------------------------
_COLUMN_TAG = re.compile(r"^[【\[](?P<inner>[^】\]\s]{2,16}?)专栏[】\]]\s*")
# 本报讯记者孟晓琳 郑波报道: a dateline running on into its reporters, without brackets
_RUN_ON_REPORTERS = re.compile(
    rf"^[^\s，,。“”\d]{{0,14}}?讯\s*记者\s*(?P<names>[{p.CJK}·]{{2,4}}(?:[\s、][{p.CJK}·]{{2,4}}){{0,3}}?)"
    r"\s*(?:报道|报导)\s+")


_MONTHLESS_DATELINE = re.compile(
    r"^[^\s，,。“”\d]{2,24}?\d{3,4}日(?:讯|电)\s*[(（](?P<people>[^()（）]{2,40})[)）]")
_REPORTED_AFTER = re.compile(  # 记者X报道：, 通讯员 X 报道, 记者X上海报道 (the place it files from)
    rf"\s*(?P<names>(?:(?:(?:全媒体|融媒体|融媒|首席|本报|本网)?记者|通讯员|特约记者|见习记者|实习生)\s*[{p.CJK}·]{{2,4}}"
    rf"(?:[\s、][{p.CJK}·]{{2,4}}){{0,3}}?\s*)+?)(?P<place>[{p.CJK}]{{2,3}})?\s*(?:报道|报导)[:：\s]\s*")


def opening_byline(text: str, _nested: bool = False) -> tuple[int, str | None]:
    """``(length, names)`` of what opens the first paragraph before its first sentence: a
    dateline (``红网时刻湘潭11月10日讯（记者 张三）``, ``本报讯``), ``【记者李四／台北报导】``,
    ``中央社记者王五台北28日电``; ``(0, None)`` when there is none."""
    m = _SLASH_BYLINE.match(text)
    if m and all(is_person_name(n, strict=True) for n in m.group("names").split("、")):
        return m.end(), m.group("names")  # 【秘书室讯/校园记者X、Y报导】, 【某网/记者X报导】
    m = _BRACKET_BYLINE.match(text)
    if m:
        return m.end(), m.group("names")
    m = _GLUED_BRACKET_BYLINE.match(text)
    if m and all(is_person_name(n, strict=True) for n in m.group("names").split("、")):
        return m.end(), m.group("names")
    m = _WIRE_BYLINE.match(text)
    if m:
        if not m.group("who"):
            dated = p.OPENING_DATELINE.match(text)  # 中新社瑞丽10月28日电 (岑澜 骆昕): its reporters
            if dated and dated.group("people") and split_names(dated.group("people")):
                return dated.end(), dated.group("people")
            return m.end(), None
        names = (m.group("who") + (m.group("place") or "")).split("、")
        last = names[-1]
        # the place (台北) runs on from the last name: 王五台北 → 王五, 陈家骏台北 → 陈家骏
        names[-1] = last[: 3 if len(last) >= 5 else 2]
        return m.end(), " ".join(names)
    m = _COLUMN_TAG.match(text)
    if m and m.end() < len(text):  # 【爱传媒葛淑珍专栏】: the column's label and its writer
        inner = m.group("inner")
        return m.end(), next((inner[-k:] for k in (3, 2)
                              if len(inner) > k and is_person_name(inner[-k:], strict=True)), None)
    m = _RUN_ON_REPORTERS.match(text)
    if m and m.end() < len(text):
        return m.end(), m.group("names")  # 本报讯记者孟晓琳 郑波报道 昨晚…
    m = _MONTHLESS_DATELINE.match(text)
    if m and m.end() < len(text) and split_names(m.group("people")):
        return m.end(), m.group("people")  # 某客户端519日讯(X Y): a CMS that lost the 月
    m = p.OPENING_DATELINE.match(text)
    if m and m.end() < len(text):
        people = m.group("people")
        if people and not split_names(people):
            bracket = m.start("people") - 1
            glued = _GLUED_BRACKET_BYLINE.match(text[bracket:])
            if glued and bracket + len(glued.group(0).rstrip()) == m.end() \
                    and all(is_person_name(n, strict=True) for n in glued.group("names").split("、")):
                return m.end(), glued.group("names")  # 【某报…讯】(某报记者X洛杉矶报导)
            return 0, None  # (…) after the dateline is not a byline: leave it all
        if not people and not _nested:
            # 【文汇网讯】香港文汇报讯(记者 赵峻 澳门报道): the paper's own credit after the tag
            more, names = opening_byline(text[m.end():], _nested=True)
            if more and names:
                return m.end() + more, names
            # 本报天津4月28日电 记者岳知行报道：28日，…: the reporter after the dateline
            if (after := _REPORTED_AFTER.match(text, m.end())) and split_names(after.group("names")):
                return after.end(), after.group("names")
        return m.end(), people
    return 0, None


# …跳舞。(邓柏宇摄), …设计。(香港中通社 陈启灏 摄): a photographer's credit in brackets closing a
# paragraph of a photo story, maybe behind the agency; 新华社发(苏蔓摄) on a line of its own
_BRACKETED_PHOTO = re.compile(
    rf"(?:(?<=[。！？!?”…])|^)\s*(?:新华社发|中新社发)?[(（](?P<outlet>[^()（）\s]{{2,12}}\s+)?"
    rf"(?P<names>[{p.CJK}·]{{2,4}}(?:\s+[{p.CJK}·]{{2,4}})*)\s*摄(?:影报道|影)?[)）]$")  # (X 摄影报道) too
# …。新华社发(罗川 摄: an agency's credit whose closing bracket the copy lost
_UNCLOSED_AGENCY_PHOTO = re.compile(
    rf"(?<=[。！？!?”…])\s*(?:新华社发|中新社发)[(（](?P<outlet>)(?P<names>[{p.CJK}·]{{2,4}}(?:\s+[{p.CJK}·]{{2,4}})*)"
    rf"\s*摄$")


def photo_credit(text: str, caption: bool = True) -> tuple[int, list[str]]:
    """``(where the credit starts, its names)`` of a photo credit closing a caption or a
    paragraph (``…现场。记者 张三 摄`` → ``(len("…现场。"), ["张三"])``); ``(len(text), [])``
    when there is none. The text before the credit is what stays. In a paragraph (``caption``
    false) only a credit with a role word counts (新华社记者 X 摄, 通讯员 X 摄): ``…施工。郭二 摄``
    may be a photo story's own words."""
    tail = text[-40:]  # the credit is short: look only at the end of the line
    if not caption and (b := _BRACKETED_PHOTO.search(tail) or _UNCLOSED_AGENCY_PHOTO.search(tail)) \
            and not is_person_name((b.group("outlet") or "").strip() or "某") \
            and all(is_person_name(n, strict=True) for n in b.group("names").split()):
        return len(text) - len(tail) + b.start(), b.group("names").split()  # …。(某社 X 摄)
    c = _CAPTION_CREDIT.search(tail) if "摄" in tail else None
    if c is None or len(text) - len(tail) + c.start() == 0:
        return len(text), []
    has_role = bool(_CREDIT_ROLE_WORD.search(c.group("credit")))
    # …骨干力量。 X Y 摄: set apart from the sentence by a space, names proper only (checked below)
    spaced = c.group(0)[:1].isspace() and c.group("credit")[:1] not in "(（" \
        and _DESK_CODE.sub("", tail[: c.start()]).endswith(("。", "！", "？", "”", "…"))  # …。③2 X 摄
    if not caption and not has_role and not spaced:
        return len(text), []
    # 图片为记者 X 摄, (记者 X拍摄), (特约通讯员:X 摄影)
    found = credit_names(_ROLE_KEY_COLON.sub(" ", _PICTURE_IS.sub("", c.group("credit").strip()).replace("拍摄", "摄")))
    if not found or not found[1] or (
            not has_role and not all(is_person_name(n, strict=True) for n in found[1])):
        return len(text), []  # （夏日航拍 摄）: without a role word, only a name proper counts
    start = len(text) - len(tail) + c.start()
    if code := _DESK_CODE.search(text[:start].rstrip()):
        start = code.start()  # …。③2 X 摄: the picture's number goes with its credit
    if c.group("credit").rstrip().endswith((")", "）")):
        # （湘乡市融媒体中心 王晓明 摄）: the bracket opens before the outlet, which goes too
        before = text[:start]
        opened = max(before.rfind("（"), before.rfind("("))
        inner = before[opened + 1:].strip()
        if opened >= 0 and inner and not re.search(r"[)）]", inner) and _is_outlet(inner):
            start = opened
    return start, found[1]


def below_dated_headline(lines: Sequence[Line], kinds: Sequence[str], start: int, end: int) -> int:
    """The body's start, moved under a headline and its dated byline that the body's zone
    took in after a site's blurb (logo / 某某是一个…的网站 / 标题 / 来自：… 时间：… / 正文): what
    stands above a headline is the page's, not the article's."""
    for j in range(start + 1, min(start + 3, end - 2)):
        if kinds[j] == TEXT and _title_like(lines[j].text) and len(lines[j].text) <= 60 \
                and kinds[j + 1] == FIELDS and find_date(lines[j + 1].text) \
                and not any(kinds[i] == PLACEHOLDER for i in range(start, j)) \
                and all(line.text != lines[j].text for line in lines[:j]):  # not a repeat
            k = j + 1
            while k < end and kinds[k] == FIELDS:
                k += 1
            return k if k < end and kinds[k] == TEXT else start
    return start


def opening_section(lines: Sequence[Line], kinds: Sequence[str], start: int) -> int:
    """The body's start, moved up over a section's number alone on the line above it
    (标题 / 日期 / （一） / 正文): the text's first section opens there."""
    if start > 0 and kinds[start - 1] == TEXT and len(lines[start - 1].text) <= 6 \
            and p.NUMBERED_HEADING.match(lines[start - 1].text):
        return start - 1
    return start


def closing_byline(text: str) -> re.Match[str] | None:
    """``（记者 张三）`` or ``记者 邵明川 文/摄`` closing the last paragraph."""
    near_end = max(len(text) - 90, 0)  # a byline is short: look at the end only
    m = p.CLOSING_AUTHORS.search(text, near_end) if text.endswith((")", "）")) else None
    if m and m.start() > 0 and (split_names(m.group("names")) or role_vouched(m.group("names"))):
        return m
    m = _CLOSING_CREDIT.search(text, near_end)
    if m and m.start() > 0 and split_names(m.group("credit")):
        return m
    m = _CLOSING_UNIT_CREDIT.search(text, near_end) if text.endswith((")", "）")) else None
    if m and m.start() > 0 and all(is_person_name(n, strict=True) for n in _NAME_SEP.split(m.group("names"))):
        return m  # …美景。（某市台办通讯员 X）: the correspondent, after the body they write for
    return None


# （湘乡市委宣传部通讯员 X）, （某网某市台办通讯员 X Y）: a unit, its role, its names
_CLOSING_UNIT_CREDIT = re.compile(
    rf"(?<=[。！？!?”…])\s*[(（](?P<unit>[^()（）\s]{{2,24}}?)(?:特约通讯员|通讯员|特约记者|记者)\s*"
    rf"(?P<names>[{p.CJK}·]{{2,4}}(?:[\s、][{p.CJK}·]{{2,4}}){{0,3}})\s*[)）]$")


# 下图为义诊现场。, ▲石台县公安局X在剪辑视频。: the caption of a picture of the gallery closing a page
_GALLERY_CAPTION = re.compile(r"^(?:[下上左右]?图[为是]|图\s*\d{0,2}\s*[:：]|▲|△)")


def _signed_above_captions(body: Sequence[Line]) -> tuple[Line, re.Match[str]] | None:
    """``(paragraph, its closing names)`` of the last paragraph signed in brackets (``…。（X）``)
    when only a gallery's captions and pictures follow it; None otherwise."""
    i = len(body) - 1
    while i > 0 and (is_placeholder(body[i].text) or (
            len(body[i].text) <= 80 and _GALLERY_CAPTION.match(body[i].text))):
        i -= 1
    if i == len(body) - 1 or not body[i].text.endswith((")", "）")):
        return None
    m = p.CLOSING_AUTHORS.search(body[i].text, max(len(body[i].text) - 40, 0))
    return (body[i], m) if m and m.start() > 0 and split_names(m.group("names")) else None


# --- body ----------------------------------------------------------------------------------------
def signature(lines: Sequence[Line], kinds: Sequence[str], end: int) -> list[str]:
    """The names on the line right under the last paragraph, when that line holds names only:
    two or three (``…正文。`` / ``孙某某 刘某某``), or one in brackets (``（孙某某）``). They
    sign the article: its authors when no byline names any. One bare word is not taken (a
    button such as 关注 reads as a name)."""
    if end >= len(lines) or kinds[end] != TEXT:
        return []
    text = lines[end].text.strip(_BULLETS)
    bracketed = text[:1] in "(（" and text[-1:] in ")）"
    bare = text.strip("()（） ")
    tokens = bare.split(" ")
    if not _BARE_NAMES.fullmatch(bare) or not (2 if not bracketed else 1) <= len(tokens) <= 3:
        return []
    return tokens if all(is_person_name(t, strict=True) for t in tokens) else []


def is_heading(text: str) -> bool:
    if len(text) > p.HEADING_MAX or not p.CJK_CHAR.search(text) or is_sentence(text):
        return False
    if text[-1] in p.CLOSING_PUNCT or text[-1] in ":：，,、" or p.PHOTO_CREDIT.search(text):
        return False
    return text[0] not in "▲△↑"  # ▲签约现场: a caption pointing at the picture above


def build_blocks(body: Sequence[Line], next_no: dict[int, int] | None = None,
                 headings: frozenset[int] = frozenset()) -> list[Block]:
    """Paragraphs, subheadings and figures; a figure's caption is the raw line right after its
    placeholder (``next_no``: the number of the raw line after each line). ``headings``: the
    numbers of lines known to be subheadings (a deck)."""
    blocks: list[Block] = []
    i = 0
    while i < len(body):
        line = body[i]
        if is_placeholder(line.text):
            caption = None
            nxt = body[i + 1] if i + 1 < len(body) else None
            adjacent = next_no is None or next_no.get(line.no) == (nxt.no if nxt else None)
            if nxt and adjacent and not is_placeholder(nxt.text) and (
                len(nxt.text) <= 150 or p.PHOTO_CREDIT.search(nxt.text)
            ):
                caption = nxt.text.lstrip("▲△↑⬆ ")  # ▲园区新貌: the mark points at the picture
                i += 1
            fig = Figure(name=line.text.replace(" ", ""), caption=caption, line=line.no)
            blocks.append(Block(kind="figure", figure=fig, line=line.no))
        elif line.no in headings or (blocks and is_heading(line.text) and i + 1 < len(body)):
            blocks.append(Block(kind="heading", text=line.text, line=line.no))
        else:
            blocks.append(Block(kind="paragraph", text=line.text, line=line.no))
        i += 1
    return blocks


_SUMMARY = re.compile(r"(?:导读|导语|摘要|内容概述|内容提要|内容摘要|核心提示|提要)\s*[:：]\s*")


def _drop_summaries(body: list[Line]) -> list[Line]:
    """Without a labelled summary that only repeats the text below it (导读：…, 内容概述：…):
    the page's teaser, not a paragraph. A summary saying something of its own stays."""
    kept = []
    for k, line in enumerate(body):
        m = _SUMMARY.match(line.text)
        head = line.text[m.end(): m.end() + 12] if m else ""
        if len(head) >= 8 and any(head in other.text for other in body[k + 1:]):
            continue
        kept.append(line)
    return kept


TEASER_MIN = 30  # characters of a cut-off copy of the next paragraph (a teaser, not a sentence)


def _dedupe(lines: Sequence[Line]) -> list[Line]:
    """Without a line repeating the one above, and without a teaser: the next paragraph's start,
    cut off mid-sentence (maybe with ``…``), right above it in full."""
    out: list[Line] = []
    for line in lines:
        if out and out[-1].text == line.text and not is_placeholder(line.text):
            continue
        if out and (_is_teaser_of(out[-1].text, line.text) or _is_credited_copy(out[-1].text, line.text)):
            out[-1] = line
            continue
        out.append(line)
    return out


def _without_standfirst(lines: Sequence[Line], opened: Iterable[int]) -> list[Line]:
    """Without a standfirst that the lead repeats once its dateline (``opened``: the numbers of
    lines whose opening was cut) is cut: 标准导语 / 图 / 越通社河内5月19日——标准导语."""
    leads = {ln.text for ln in lines if ln.no in opened and len(ln.text) >= TEASER_MIN}
    first = next((ln for ln in lines if ln.text in leads), None)
    return [ln for ln in lines if ln is not first or ln.no in opened]


def _is_credited_copy(copy: str, lead: str) -> bool:
    """Whether ``copy`` is ``lead`` with a byline glued before it (``社会中心/X 台北报导`` + the
    lead): a syndicating site's summary, the same paragraph again."""
    return len(lead) >= TEASER_MIN and len(copy) > len(lead) and copy.endswith(lead) \
        and credit_names(copy[: -len(lead)].strip()) is not None


def _is_teaser_of(teaser: str, full: str) -> bool:
    """Whether ``teaser`` is ``full`` cut off (its quotation marks maybe dropped)."""
    if teaser.endswith(("。", "！", "？", "”")):
        return False
    cut = _UNQUOTED.sub("", teaser.rstrip(".…。 "))
    whole = _UNQUOTED.sub("", full)
    return len(cut) >= TEASER_MIN and len(whole) > len(cut) and whole.startswith(cut)


_UNQUOTED = re.compile(r"[“”‘’「」『』\"'\s]")


def _reference_time(path: str | Path, seed_mtime: float | None) -> datetime:
    if seed_mtime is None:
        try:
            seed_mtime = Path(path).stat().st_mtime
        except OSError:
            seed_mtime = time.time()
    return datetime.fromtimestamp(seed_mtime, CHINA_TZ)


# --- orchestrator --------------------------------------------------------------------------------
# (编辑：SN013) closing a line under the text, a rail's or a toolbar's: the desk editor's credit
_TRAILING_EDITOR = re.compile(r"[(（](?P<field>(?:责任编辑|责编|编辑)\s*[:：]\s*[^()（）:：\s]{2,20})[)）]$")
_CRUMBS = re.compile(r"(?:[^\s\-»>_/|｜]{1,12}\s*[\-»>_/|｜]+\s*)+")


_SUMMARY_LABEL = re.compile(r"^(?:文章摘要|AI摘要|内容摘要|摘要|新闻提要|内容提要|核心提示|导读)(?:\s|$)|"
                            r"(?:人工智能|AI|大模型|DeepSeek).{0,30}生成.{0,30}仅供参考")
SUMMARY_BOX_MAX = 200  # characters: a platform's gist is short; a longer paragraph is the text
_SUMMARY_BULLET = re.compile(r"^(?:[▷•●◆▶►·\-*]|\W{0,2}🤖)")


_OUTLET_CHANNEL = re.compile(rf"[{p.CJK}]{{2,6}}\s*[•·|｜]\s*[{p.CJK}]{{2,6}}")
_LONE_LABEL = re.compile(r"(?:主持人|主播|作者|记者|编辑|撰稿|摄影|摄像|通讯员|嘉宾)\s*[:：]")
# 撰文者: / |出刊日期: : a field's key alone on its line, its value on the next (a magazine's
# byline block copied one cell a line), wherever the header ends
_ISSUE_NUMBER = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*)?第\s*\d{1,4}\s*期")
_SECTION_LABELS = ("摘要", "导读", "正文", "简介", "全文")  # labels of the text's own parts
_KEY_ALONE = re.compile(rf"[|｜]?\s*(?:{p.KEYS_ALT}|出刊日期|撰文者|作者)\s*[:：]\s*[|｜]?")


def summary_box(lines: Sequence[Line]) -> list[int]:
    """Indices of a platform's summary of the article (文章摘要, an AI's gist) and the bullet
    lines under it: the site's words about the text, not the writer's."""
    found: list[int] = []
    for i, line in enumerate(lines[:HEADER_LINES + 10]):
        if not _SUMMARY_LABEL.search(line.text) or len(line.text) > SUMMARY_BOX_MAX:
            continue  # 摘要 十多年前，我…: a long paragraph under the label is the writer's own
        found.append(i)
        for j in range(i + 1, min(i + 12, len(lines))):
            if _SUMMARY_BULLET.match(lines[j].text) or len(lines[j].text) <= 12:
                found.append(j)
            elif j > i + 2:
                break
        break
    return found


def crumbs_to_headline(lines: Sequence[Line]) -> list[int]:
    """Indices of breadcrumbs that end in the headline on the next line or the one after
    (``新闻中心- 医院新闻- 标题`` above ``标题``), and of a site's slogan glued before the
    headline on the copy's first line, the headline alone a few lines below."""
    found = []
    for i, line in enumerate(lines[:HEADER_LINES]):
        for below in lines[i + 1: i + (6 if i == 0 else 3)]:
            head = line.text[: len(line.text) - len(below.text)]
            if head and line.text.endswith(below.text) and _title_like(below.text) and (
                    _CRUMBS.fullmatch(head) or (i == 0 and len(below.text) >= 8 and head[-1] in ",，|｜ ")):
                found.append(i)
                break
    return found


MENU_RUN = 5  # short lines in a row that make a menu, one entry a line
MENU_ENTRY = 8  # characters of a menu entry at most


def menu_rows(lines: Sequence[Line], upto: int) -> set[int]:
    """Indices of the lines above ``upto`` that stand in a run of at least :data:`MENU_RUN`
    short lines without punctuation: a site's menu copied one entry a line."""
    rows: set[int] = set()
    run: list[int] = []
    for i in range(upto + 1):
        if i < upto and len(lines[i].text) <= MENU_ENTRY and not p.SENTENCE_MARKS.search(lines[i].text):
            run.append(i)
            continue
        if len(run) >= MENU_RUN:
            rows.update(run)
        run = []
    return rows


# 本文来自微信公众号：娱乐资本论（ID：…），作者：青山听雨，题图来自：AI生成: a repost's credits
_REPOST_CREDIT = re.compile(
    r"^(?:本文|文章|原文)(?:来自|转载自|转自|来源于|来源)\s*(?:微信)?(?:公众号|微信公众号)?\s*[:：]?\s*"
    r"(?P<account>[^，,；;：:（(\s]{2,24})\s*(?:[（(][^)）]*[)）])?\s*(?:[，,；;]\s*(?P<rest>.*))?$")
_REPOST_KEYS = ("作者", "责任编辑", "编辑")


def repost_credit(text: str) -> str | None:
    """A repost's credit line as fields (``来源：娱乐资本论 作者：青山听雨``), the picture and
    original-title notes left out; None for any other line."""
    if not text.startswith(("本文", "文章", "原文")) or not (m := _REPOST_CREDIT.match(text)):
        return None
    fields = [f"来源：{m.group('account')}"]
    for part in re.split(r"[，,；;]", m.group("rest") or ""):
        key, _, value = part.replace(":", "：").partition("：")
        if key.strip() in _REPOST_KEYS and value.strip():
            fields.append(f"{key.strip()}：{value.strip()}")
    return " ".join(fields)


# 每经记者 程帆 每经编辑 郑雨婷: each role behind the outlet's short name, the roles side by side
_BRAND_ROLE = r"(?:实习记者|记者|编辑|责编|摄影|实习生|通讯员)"
_BRAND_CREDITS = re.compile(
    rf"(?P<brand>[{p.CJK}]{{2,4}}?){_BRAND_ROLE}\s*[{p.CJK}·]{{2,4}}(?:\s+[{p.CJK}·]{{2,4}})*?"
    rf"(?:\s+(?P=brand){_BRAND_ROLE}\s*[{p.CJK}·]{{2,4}}(?:\s+[{p.CJK}·]{{2,4}})*?)*")
# ⊙记者 X Y ○编辑 Z, ⊙X: a securities paper's byline, its writers behind ⊙, its editor behind ○
_CIRCLED_BYLINE = re.compile(rf"⊙\s*(?:记者\s*)?(?P<names>[{p.CJK}·]{{2,4}}(?:\s+[{p.CJK}·]{{2,4}}){{0,3}})"
                             rf"(?:\s*○\s*编辑\s*(?P<editor>[{p.CJK}·]{{2,4}}))?")


# 【作者】: 记者 X 【编辑】:Y: a template's keys in brackets, each before its value
_BRACKETED_KEY = re.compile(rf"【\s*(?P<key>{p.KEYS_ALT})\s*】\s*[:：]?\s*")


# 编 辑：X / 记 者：Y: a two-character key spaced to the width of a longer one
_SPACED_KEY = re.compile(rf"^(?P<a>[{p.CJK}])[ \u3000](?P<b>[{p.CJK}])\s*(?=[:：])")


_ADDRESS_FIRST = re.compile(r"^(?:https?://)?www\.[\w.-]+/?\s+(?=\S{2,6}\s*[:：])")


def address_first(text: str) -> str | None:
    """``来源: 某网 …`` of ``www.example.com 来源: 某网 …``: a details row after the site's address."""
    m = _ADDRESS_FIRST.match(text) if text.startswith(("www.", "http")) else None
    return text[m.end():] if m else None


def spaced_key(text: str) -> str | None:
    """The line with its spaced key closed up (``编 辑：X`` → ``编辑：X``) when the key is one
    the fields know; None for any other line."""
    m = _SPACED_KEY.match(text)
    if m is None or (key := m.group("a") + m.group("b")) not in p.FIELD_KEYS:
        return None
    return key + text[m.end():]


def bracketed_keys(text: str) -> str | None:
    """A row of keys in brackets as plain fields (``【作者】: 记者 X 【编辑】:Y`` → ``作者：记者 X
    编辑：Y``) when it opens with one; None for any other line."""
    if not text.startswith("【") or (m := _BRACKETED_KEY.match(text)) is None or m.end() == len(text) \
            or len(text) > 80 or p.SENTENCE_MARKS.search(_BRACKETED_KEY.sub(" ", text)):
        return None  # 【图片】栏目每周更新一次，…: a sentence after a label, not fields
    return _BRACKETED_KEY.sub(lambda k: f" {k.group('key')}：", text).strip()


def brand_credits(text: str) -> str | None:
    """A row of credits each behind the outlet's short name, as fields (``每经记者 程帆 每经编辑
    郑雨婷`` → ``记者：程帆 编辑：郑雨婷``), or a securities paper's circled byline (``⊙记者 X
    ○编辑 Y``); None for any other line."""
    if text.startswith("⊙") and (c := _CIRCLED_BYLINE.fullmatch(text.strip())):
        names = c.group("names").split()
        if all(is_person_name(n, strict=True) for n in names):
            return f"记者：{' '.join(names)}" + (f" 编辑：{c.group('editor')}" if c.group("editor") else "")
        return None
    m = _BRAND_CREDITS.fullmatch(text.strip())
    if m is None:
        return None
    pieces = [piece.strip() for piece in text.strip().split(m.group("brand")) if piece.strip()]
    fields = []
    for piece in pieces:
        role = re.match(_BRAND_ROLE, piece)
        names = piece[role.end():].split() if role else []
        if not role or not names or not all(is_person_name(n, strict=True) for n in names):
            return None
        key = "见习记者" if role.group(0) == "实习记者" else role.group(0)  # the key fields know
        fields.append(f"{key}：{' '.join(names)}")
    return " ".join(fields)


# A credit glued to the end of a headline: 标题■特约摄影记者 X 摄, 《标题》全文(作者:X), 标题（文/X）
_NAME_TAIL_BRACKETED = re.compile(rf"\s*[(（](?P<name>[{p.CJK}]{{2,3}})[)）]$")
_HEADLINE_CREDIT = re.compile(
    r"\s*(?:[■●◆▲]\s*(?P<credit>[^■●◆▲]{2,30}?)|\s*[(（](?P<field>(?:作者|文|撰文|记者)\s*[:：/／]"
    r"\s*[^()（）:：]{2,20})[)）])$")
HEADER_LINES = 20  # lines at the top of a page where a headline may carry its credit


_WRITERS_THEN_HEADLINE = re.compile(
    rf"(?P<names>[{p.CJK}]{{2,4}}(?:[，,、][{p.CJK}]{{2,4}}){{0,3}})\s*[|｜]\s*(?P<head>\S.{{5,99}})")


def _headline_credits(lines: list[Line], shown: dict[int, str]) -> tuple[list[Line], dict[int, Line]]:
    """Split a credit glued to a header line off it: the line keeps the headline (in ``shown``
    too), and the credit, keyed by the line's number, is read as a byline."""
    credits: dict[int, Line] = {}
    out = list(lines)
    for i, line in enumerate(lines[:HEADER_LINES]):
        text = line.text
        if (m := _WRITERS_THEN_HEADLINE.fullmatch(text)) and _title_like(m.group("head")) \
                and not _CELL_SEPARATOR.search(m.group("head")) and not _CHROME_WORDS.search(text) \
                and all(is_person_name(n, strict=True) for n in _NAMES_SEP.split(m.group("names"))):
            # (简体|繁体|无障碍浏览: a bar of cells, no writer before a headline)
            out[i] = Line(line.no, m.group("head"))  # 龚某某，柴某 | 标题: the writers, then it
            credits[line.no] = Line(line.no, f"作者：{m.group('names')}")
            if len(shown[line.no]) == len(text):
                shown[line.no] = shown[line.no][m.start("head"):]
            continue
        if not text.endswith(("摄", "文", "报道", ")", "）")) or len(text) > 120:
            continue
        m = _HEADLINE_CREDIT.search(text)
        head = text[: m.start()].strip() if m else ""
        if m is None or len(head) < 6 or not _title_like(head):
            continue
        credit = m.group("credit") or m.group("field")
        if not (credit_names(credit) or is_field_line(credit)):
            continue
        out[i] = Line(line.no, head)
        credits[line.no] = Line(line.no, credit)
        if len(shown[line.no]) == len(text):
            shown[line.no] = shown[line.no][: len(head)]
    return out, credits


FLAT_MIN = 120  # characters of a one-line copy that is a whole page, not a one-line note
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")


def unflat_cuts(text: str) -> list[tuple[int, int]]:
    """Where a whole page copied as one line is cut back into lines, as ``(start, end)``
    spans; [] for a line that is no such page. It is cut at its spaces, but a piece of
    words without punctuation runs on into the next such piece (a headline holds spaces)
    and a time stays with its date."""
    if len(text) < FLAT_MIN or text.count(" ") < 4:
        return []
    spans: list[tuple[int, int]] = []
    dates = [(m.start(), m.end()) for m in find_dates(text)]  # 2025 年 10 月 3 日: one date
    at = 0
    for token in text.split(" "):
        start, at = at, at + len(token) + 1
        last = text[spans[-1][0]:spans[-1][1]] if spans else ""
        inside = any(a < start < b for a, b in dates) \
            or last.count("(") + last.count("（") > last.count(")") + last.count("）")  # (记者 X 制作 Y)
        if spans and (inside or _CLOCK.fullmatch(token) or (
                not p.SENTENCE_MARKS.search(token) and len(token) >= 6 and len(last) >= 6
                and not p.SENTENCE_MARKS.search(last) and not find_date(last))):
            spans[-1] = (spans[-1][0], start + len(token))
        elif token:
            spans.append((start, start + len(token)))
    return spans


def headline_before_dateline(text: str) -> list[tuple[int, int]] | None:
    """The headline and the rest of a line where a headline runs on into a wire's dateline and
    the text (``标题 深入推进… 新华社北京9月15日电 9月16日出版的…``), cut at the space between."""
    if len(text) < 60 or "电" not in text[:90]:
        return None
    for at in (i for i, c in enumerate(text[:70]) if c == " "):
        head, rest = text[:at], text[at + 1:]
        if len(head) >= 8 and _title_like(head) and not p.SENTENCE_MARKS.search(head) \
                and (m := _WIRE_BYLINE.match(rest)) and m.group("month") and m.end() < len(rest):
            return [(0, at), (at + 1, len(text))]
    return None


_LABELLED_DATE = re.compile(r"(?:时间|日期|发布时间|发布日期|发表时间)\s*[:：]\s*")


def date_before_text(text: str) -> list[tuple[int, int]] | None:
    """A labelled date and the first paragraph glued to it (``时间:2020-01-15时光不等人，…``),
    cut apart at the end of the date."""
    # 来源:CNBM 发布时间:…: other fields may come first
    label = _LABELLED_DATE.match(text) or _LABELLED_DATE.match(text, _FIELDS_FIRST.match(text).end())
    if label is None or len(text) < 40:
        return None
    date = _ISO_BEFORE_DAY.match(text, label.end()) or find_date(text[label.end():label.end() + 30])
    if date is None or date.start() not in (0, label.end()):
        return None
    at = label.end() + (date.end() - date.start())  # 2011-03-053月3日: the date glued to the lead's day
    if _FIELD_NEXT.match(text, at):
        return None  # 时间:2025-08-26 23:48:04人气:4563来源: 某网: more fields, no lead
    # 发布日期:… 文章来源:某局11月11日，…: more fields, the last one's value running into the lead
    if (fields := _FIELDS_THEN_LEAD.match(text, at)) is not None:
        at = fields.end("fields")
    if not (p.CJK_CHAR.match(text, at) or (date.start() and _LEAD_DAY.match(text, at))
            or (fields and text[at:at + 1].isdigit())) \
            or not p.SENTENCE_MARKS.search(text, at):
        return None
    return [(0, at), (at, len(text))]


_FIELDS_FIRST = re.compile(rf"(?:\s*(?:{p.KEYS_ALT})\s*[:：]\s*[^\s:：]{{1,20}}\s+)*")
_ISO_BEFORE_DAY = re.compile(r"(?:19|20)\d{2}-[01]\d-[0-3]\d(?=[01]?\d月[0-3]?\d日)")
_LEAD_DAY = re.compile(r"[01]?\d月[0-3]?\d日")


_FIELD_NEXT = re.compile(rf"\s*(?:{p.KEYS_ALT}|人气|点击|浏览|阅读|访问)\s*(?:量|数|次数)?\s*[:：]\s*\S{{0,12}}"
                         rf"(?:\s*(?:{p.KEYS_ALT})\s*[:：]|$)")
_FIELDS_THEN_LEAD = re.compile(
    rf"(?P<fields>(?:\s*(?:{p.KEYS_ALT})\s*[:：]\s*[^\s:：，。]{{2,20}}?)+)"
    r"(?=\d{1,2}月\d{1,2}日|近日|日前|本报讯|今年|昨天|今天|\d{4}年)")


_BRACKETED_HEADLINE = re.compile(r"【(?P<head>[^【】]{4,30})】(?=\S.{19})")


def bracketed_headline(text: str) -> list[tuple[int, int]] | None:
    """The headline in brackets opening a short post (``【骄阳下的汉警】8月13日，…``) and its
    text, apart; None when the brackets hold a dateline, a label or a credit."""
    m = _BRACKETED_HEADLINE.match(text)
    if m is None or not p.SENTENCE_MARKS.search(text, m.end()):
        return None
    head = m.group("head")
    if re.search(r"讯|电|消息|按|报道|报导|记者|专栏|声明|报文章", head) or p.REPRINT.search(text) \
            or not _title_like(head) or credit_names(head):
        return None
    return [(1, m.end() - 1), (m.end(), len(text))]


def cut_lines(lines: list[Line], cuts: dict[int, list[tuple[int, int]]]) -> list[Line]:
    """``lines`` with each line whose number ``cuts`` names cut into its pieces."""
    if not cuts:
        return lines
    return [piece for ln in lines for piece in (unflattened(ln, cuts[ln.no]) if ln.no in cuts else [ln])]


def unflattened(line: Line, cuts: list[tuple[int, int]]) -> list[Line]:
    """The pieces of ``line`` at ``cuts``, each keeping the line's number (1.001, 1.002 …)."""
    return [Line(line.no + k / 1000, line.text[a:b]) for k, (a, b) in enumerate(cuts)]


def parse_article(text: str, path: str | Path = "<text>", *, fullwidth: bool = True,
                  display: str | None = None, seed_mtime: float | None = None) -> Article:
    """Parse the text of one raw article; raise :class:`SeedError` when it is not one.

    ``display``, when given, is the same article in another script, line for line (a Traditional
    raw text, of which ``text`` is the Simplified conversion): the structure is read from
    ``text`` and the record's title, body, captions and statement are taken from ``display``.
    ``seed_mtime`` (default: the file's at ``path``, else now) gives the year of a dateline
    that has only month and day when no URL of the text does.
    """
    lines = split_lines(text)
    flat = len(lines) == 1 and unflat_cuts(lines[0].text)  # a page copied as one line
    if flat:
        lines = unflattened(lines[0], flat)
    # 标题   新华社北京9月15日电 正文…, 【标题】正文…: the headline and the text on one line
    glued = {ln.no: cuts for ln in lines[:HEADER_LINES + 10]
             if (cuts := headline_before_dateline(ln.text) or bracketed_headline(ln.text)
                 or date_before_text(ln.text))}
    lines = cut_lines(lines, glued)
    # a text copied with hard line breaks: paragraphs again, across a PDF's page breaks
    pages, indented = page_marks(lines), indented_lines(text)
    runs_on = wrapped_lines([ln for ln in lines if ln.no not in pages], indented, pages)
    if runs_on:
        lines = join_lines([ln for ln in lines if ln.no not in pages], runs_on)
    shown = {ln.no: ln.text for ln in lines}
    if display is not None:
        other = split_lines(display)
        if flat and len(other) == 1 and len(other[0].text) == len(text.strip()):
            other = unflattened(other[0], flat)
        other = cut_lines(other, glued)
        other = join_lines([ln for ln in other if ln.no not in pages], runs_on) if runs_on else other
        if [ln.no for ln in other] == [ln.no for ln in lines]:
            shown = {ln.no: ln.text for ln in other}
    if not lines:
        raise SeedError(path, 1, "the file is empty; paste the article's text into it")
    lines, glued_credits = _headline_credits(lines, shown)
    lines = [Line(ln.no, fields) if (fields := repost_credit(ln.text) or brand_credits(ln.text)
                                      or bracketed_keys(ln.text) or spaced_key(ln.text)
                                      or address_first(ln.text))
             else ln for ln in lines]
    kinds = [classify(line.text) for line in lines]
    for i in range(len(lines) - 1):
        if _KEY_ALONE.fullmatch(lines[i].text) and len(lines[i + 1].text) <= 20 \
                and not p.SENTENCE_MARKS.search(lines[i + 1].text):
            kinds[i] = kinds[i + 1] = FIELDS  # 撰文者: / 孫立衡: a key, its value below
            if not _KEY_ALONE.fullmatch(lines[i + 1].text) and not lines[i + 1].text.endswith(_SECTION_LABELS):
                # 来源: / X joined; 作者: / 来源: / X and 作者: / 文章摘要: the first is empty
                lines[i] = Line(lines[i].no, lines[i].text.strip("|｜ ") + lines[i + 1].text)
    for i in range(min(len(lines) - 1, HEADER_LINES)):  # 主持人: / 新闻部记者: a label, its value
        if _LONE_LABEL.fullmatch(lines[i].text) and kinds[i + 1] == TEXT and len(lines[i + 1].text) <= 12:
            kinds[i + 1] = FIELDS
        if _OUTLET_CHANNEL.fullmatch(lines[i].text) and find_date(lines[i + 1].text):
            kinds[i] = BOILER  # 新湖南 • 风眼 above the date: the outlet's channel
    summary = set(summary_box(lines))  # a platform's gist of the text, naming its people too
    for i in [*crumbs_to_headline(lines), *summary]:
        kinds[i] = BOILER

    start, end = find_body_zone(lines, kinds)
    start = _below_top_fields(lines, kinds, start, end)
    start = opening_section(lines, kinds, below_dated_headline(lines, kinds, start, end))
    if (label := body_label(lines, kinds)) is not None and label + 1 < end:
        start = label + 1  # 正文: the page says where the text begins; a card in it is text
        kinds[start:end] = [TEXT if kind == FIELDS else kind for kind in kinds[start:end]]
    lead = "".join(lines[i].text for i in range(start, min(start + 2, end)) if kinds[i] == TEXT)
    # a bare name beside the byline is the author: 标题 / 肖某某 / 2012-12-25 09:13:46
    # and so is a line holding only a person's name anywhere in the header (☉孙启明)
    # and so is an outlet's reporter: 标题 / 湘潭日报 王某某 / 2024-03-05 08:12
    menu = menu_rows(lines, start)
    for i in range(start):
        bare = lines[i].text.strip(_BULLETS)
        if kinds[i] != TEXT or i in menu:
            continue  # 东方融资 among 简体 / 即时新闻 / 东方日报: a menu's entry, not a name
        if _BARE_NAMES.fullmatch(bare):
            tokens = bare.split(" ")
            if all(is_person_name(t, strict=True) for t in tokens) and len(tokens) <= 3:
                kinds[i] = FIELDS
        if outlet_and_names(bare):
            kinds[i] = FIELDS
        elif (i + 1 == start or kinds[i + 1] == FIELDS) and (post := _NAME_AND_POST.fullmatch(bare)) \
                and is_person_name(post.group("name"), strict=True):
            # 曾某某(曾任某报总编辑) right above the text or a byline: the writer, and what they are
            lines[i], kinds[i] = Line(lines[i].no, post.group("name")), FIELDS
    for i in range(start, min(end, start + OPENING_SEARCH + 4)):  # □詹林 under a deck: the byline
        if lines[i].text[:1] in "□■" and kinds[i] == TEXT and _BARE_NAMES.fullmatch(bare := lines[i].text[1:].strip()) \
                and len(tokens := bare.split(" ")) <= 3 and all(is_person_name(t, strict=True) for t in tokens):
            kinds[i] = FIELDS
    signed = signature(lines, kinds, end)
    header_figures = header_pictures(lines, kinds, start)
    captions = frozenset(i for i in header_figures if kinds[i] == TEXT)
    e_paper = e_paper_record(lines)
    title = find_title(lines, kinds, start, end, lead, path, captions, e_paper)
    header_figures -= {title.index}
    title_at = title.index
    start = lead_captions(lines, kinds, start, title_at)

    # ——庆祝……侧记, a deck under the title: a subtitle opens the body
    subtitle_at = title_at + 1 if is_deck(lines, kinds, title_at, start) else -1
    deck = frozenset({lines[subtitle_at].no}) if subtitle_at >= 0 \
        and not lines[subtitle_at].text.startswith(("—", "--")) else frozenset()
    body_lines: list[Line] = []
    field_lines: list[Line] = []
    reprints: list[Line] = []
    url_lines: list[Line] = []
    for i, (kind, line) in enumerate(zip(kinds, lines, strict=True)):
        if line.no in glued_credits:
            field_lines.append(glued_credits[line.no])
        if i == title_at:
            if title.date is not None and (rest := line.text[title.date.end():].strip()):
                field_lines.append(Line(line.no, rest))  # 标题2008-12-3 1:05 来源: 某网: its fields
            continue
        if i >= end and kind != FIELDS and (m := _TRAILING_EDITOR.search(line.text)):
            field_lines.append(Line(line.no, m.group("field")))  # …今日热点(编辑：SN013)
        if kind == FIELDS:
            field_lines.append(line)
        elif kind == REPRINT:
            reprints.append(line)
        elif kind == SOURCE_URL:
            url_lines.append(line)
        elif (start <= i < end or i == subtitle_at or i in header_figures) \
                and kind in (TEXT, PLACEHOLDER, NOTE):
            body_lines.append(line)
    body_lines = _drop_summaries(_dedupe(body_lines))
    # the title repeated: above the text, and as the alt text of each picture
    repeats = (lines[title_at].text, title.text, clean_title(title.text))
    body_lines = [ln for ln in body_lines if ln.text not in repeats]
    if not body_lines or all(is_placeholder(ln.text) for ln in body_lines):
        raise SeedError(path, lines[title_at].no, "no body text found under the title")

    fields = field_values(field_lines)
    source_url = extract_source_url(url_lines)
    found = extract_date(lines, kinds, title_at, body_lines, source_url,
                         lambda: _reference_time(path, seed_mtime), dated_title=title.date is not None,
                         e_paper=e_paper)
    if found is None:
        at = lines[title_at].no + 1
        raise SeedError(path, at, "no date found; add a line like `2021-07-06 22:13` under the title")
    stamped = [i for i, ln in enumerate(body_lines) if ln.no == found.line and ln.text.endswith((")", "）"))
               and _CLOSING_STAMP.search(ln.text)]
    if stamped and stamped[0] + 1 < len(body_lines):
        # 标题 / … / …。(2014.01.10) / 下一篇的标题 / …: an archive of posts, this one ends at its stamp
        body_lines = body_lines[: stamped[0] + 1]
    if found.inferred and display is None:  # a build's date check warns of it (site/strict.py)
        logger.info("%s:%s: the date %s has no year in the text; the year was taken from the "
                       "seed file's time and marked date_inferred: check it and remove the flag",
                       path, found.line or lines[title_at].no, found.date.date())

    # Bylines opening the first paragraph or closing the last move to `authors`.
    # line number → [start, end] of what stays of the line
    cuts: dict[int, list[int]] = {body_lines[-1].no: [0, len(body_lines[-1].text)]}
    if len(body_lines) == 1 and (label := _SUMMARY.match(body_lines[0].text)) \
            and label.end() < len(body_lines[0].text):  # 摘要：近日，…, the whole text: the label goes
        cuts[body_lines[0].no][0] = label.end()
    texts = [ln for ln in body_lines[: 2 * OPENING_SEARCH]
             if not is_placeholder(ln.text)][:OPENING_SEARCH]
    first_text, cut, opening = None, 0, None
    for ln in texts:  # the first paragraph, maybe after a picture's caption or a lead
        cut, opening = opening_byline(ln.text)
        if cut:
            first_text = ln
            break
    lead_text = first_text.text if first_text is not None else (texts[0].text if texts else "")
    if cut and first_text is not None:
        rest = lead_text[cut:]
        cuts.setdefault(first_text.no, [0, len(lead_text)])[0] = \
            cut + len(rest) - len(rest.lstrip(" ：:，,"))
    closing = closing_outlet = None
    last_text = body_lines[-1].text
    end_mark = _END_MARK.search(last_text) or _GLUED_STAMP.search(last_text)
    if end_mark and end_mark.start() > 0:  # …公寓。（完）, …。」1070208: a wire story's end mark
        cuts[body_lines[-1].no][1] = end_mark.start()
        last_text = last_text[: end_mark.start()]
    m = _CLOSING_NEWS_FROM.search(last_text, max(len(last_text) - 30, 0)) \
        if last_text.endswith((")", "）")) else None
    if m and m.start() > 0:  # …。(澳门电台消息): the outlet closing the text
        closing_outlet = m.group("outlet")
        cuts[body_lines[-1].no][1] = m.start()
    elif (m := _CLOSING_JOINT_REPORT.search(last_text, max(len(last_text) - 50, 0))) and m.start() > 0:
        cuts[body_lines[-1].no][1] = m.start()  # …。(某网、某市台办联合报道): the bodies that sent it
    elif (m := _CLOSING_PAPER.search(last_text, max(len(last_text) - 20, 0))) and m.start() > 0:
        closing_outlet = m.group("outlet")  # …详见今日3版）。《中国质量报》: the paper it ran in
        cuts[body_lines[-1].no][1] = m.start()
        if lead_text.startswith(tuple(p.SELF_OUTLETS)):  # 本报讯 … 《中国质量报》: "this paper" named
            fields.setdefault("来源", []).insert(0, (body_lines[-1].no, closing_outlet))
        last_text = last_text[: m.start()]
    elif (m := _CLOSING_REPORTED.search(last_text, max(len(last_text) - 30, 0))) \
            and is_person_name(m.group("names").split("、")[0]):
        closing = m.group("names")  # …的地基。记者庞子朗报道。: a broadcast's sign-off
        cuts[body_lines[-1].no][1] = m.start()
        last_text = last_text[: m.start()]
    elif (m := _AGENCY_SENT.search(last_text, max(len(last_text) - 30, 0))) and m.start() > 0:
        cuts[body_lines[-1].no][1] = m.start()  # …一条国际通道。    新华社发: an agency's photo
        last_text = last_text[: m.start()]
    elif (chain := glued_fields(last_text)) is not None:
        at, credit, row = chain  # …面前。闪电新闻记者 齐然 报道来源:闪电新闻编辑:齐然责编:邵宇川
        for key, values in field_values([Line(body_lines[-1].no, row)]).items():
            fields.setdefault(key, []).extend(values)
        if credit:
            field_lines.append(Line(body_lines[-1].no, credit))
        cuts[body_lines[-1].no][1] = at
        last_text = last_text[:at]
    elif (m := _CONTACT_FOOTER.search(last_text, max(len(last_text) - 60, 0))) and m.start() > 0:
        cuts[body_lines[-1].no][1] = m.start()  # …用地。 电话:04-23160106 传真:04-23130523
        last_text = last_text[: m.start()]
    elif (m := _OFFICE_CREDIT.search(last_text, max(len(last_text) - 16, 0))) and m.start() > 0:
        cuts[body_lines[-1].no][1] = m.start()  # …参加座谈。(院办): the office that sent it in
        last_text = last_text[: m.start()]
    last = body_lines[-1]
    kept = last.text[: cuts[last.no][1]]
    row_at = _CLOSING_ROW.search(kept, max(len(kept) - 90, 0)) \
        if kept.endswith((")", "）")) or kept[-1:].isdigit() else None
    row = credit_row(row_at.group("row")) if row_at and row_at.start() > 0 else None
    m = closing_byline(kept) if row is None else None
    if row is not None:  # …完工。（撰稿：张三 审核：李四）: the credits are fields
        for key, values in field_values([Line(last.no, row)]).items():
            fields.setdefault(key, []).extend(values)
        cuts[last.no][1] = row_at.start()
    elif m:
        closing = m.groupdict().get("names") or m.groupdict().get("credit")
        cuts[body_lines[-1].no][1] = m.start()
        if closing and (desk := _DESK_ONLY.fullmatch(closing.strip())):
            fields.setdefault("编辑", []).append((last.no, desk.group("name")))  # （编辑 叶翩）
            closing = None
    elif (m := _CLOSING_WRITER.search(kept, max(len(kept) - 60, 0))) and m.start() > 0:
        # …。(作者:埃及某杂志供稿人娜•哈米德): the writer after what they are
        who = _WRITER_ROLES.split(m.group("value"))[-1].strip()
        closing = who if is_person_name(who) else None
        cuts[last.no][1] = m.start()
    if closing is None and not m and row is None and (signed_above := _signed_above_captions(body_lines)):
        prose, byline = signed_above  # …水平。（邵明轩） / 下图为义诊现场。: the signature before a gallery
        closing = byline.group("names")
        cuts.setdefault(prose.no, [0, len(prose.text)])[1] = byline.start()
    for ln in body_lines:  # …气氛别具一格。(2014.01.10): the day a paragraph was posted, no text
        if ln.text.endswith((")", "）")) and (stamp := _CLOSING_STAMP.search(ln.text)) and stamp.start() > 0:
            cuts.setdefault(ln.no, [0, len(ln.text)])[1] = stamp.start()
    credits: list[str] = []
    after_picture = {lines[i + 1].no for i, kind in enumerate(kinds[:-1]) if kind == PLACEHOLDER}
    # photo credits closing a caption (…全景 通讯员 X 摄) or a paragraph (…。新华社记者 X 摄)
    for ln in body_lines:  # …诺玛德社区。 Paul Hendry for The New York Times: a foreign paper's photo credit
        if ln.text[-1:].isascii() and (foreign := _FOREIGN_PHOTO_CREDIT.search(ln.text)
                                       or _LATIN_CREDIT.search(ln.text)):
            cuts.setdefault(ln.no, [0, len(ln.text)])[1] = foreign.start()
        if ln.text[-1:] in "摄片" and (staff := _STAFF_PHOTO.search(ln.text)):
            cuts.setdefault(ln.no, [0, len(ln.text)])[1] = staff.start()  # …需要。   本报记者摄
        if ("图" in ln.text[-24:] or "@" in ln.text[-32:]) and (shown_by := _PICTURE_FROM.search(ln.text)):
            cuts.setdefault(ln.no, [0, len(ln.text)])[1] = shown_by.start()  # …登场。(图/某新闻)
            if is_person_name(who := (shown_by.group("who") or shown_by.group("named") or "").strip(),
                              strict=True):
                credits.append(who)
    for ln in body_lines[:-1] if m or row is not None else body_lines:
        if "摄" not in ln.text[-40:]:
            continue  # no photo credit: skip the call
        if agency := _AGENCY_CREDIT.search(ln.text):  # …参观。摄：Imagine China: an agency, no author
            cuts.setdefault(ln.no, [0, len(ln.text)])[1] = agency.start()
            continue
        at, names = photo_credit(ln.text, caption=ln.no in after_picture)
        if names:
            credits += names
            cuts.setdefault(ln.no, [0, len(ln.text)])[1] = at
    for ln in body_lines:  # 图片: 某某在现场 (记者X拍摄): a caption's label, the caption kept
        if ln.text.startswith(("图片", "图")) and (label := _CAPTION_LABEL.match(ln.text)):
            cuts.setdefault(ln.no, [0, len(ln.text)])[0] = label.end()
    for ln in body_lines:  # www.example.com,1944年9月，…: a link a mirror glued before the text
        if ln.text.startswith(("www.", "http")) and (link := _LEADING_LINK.match(ln.text)):
            cuts.setdefault(ln.no, [0, len(ln.text)])[0] = link.end()
    if body_lines and len(body_lines[0].text) > SUMMARY_BOX_MAX and (label := _SUMMARY_LABEL.match(body_lines[0].text)):
        cuts.setdefault(body_lines[0].no, [0, len(body_lines[0].text)])[0] = label.end()  # 摘要 正文…
    authors = extract_authors(fields, field_lines, opening, closing) or signed
    authors += [n for n in credits if n not in authors]

    def cut_text(ln: Line) -> str:
        a, b = cuts[ln.no]
        src = shown[ln.no] if len(shown[ln.no]) == len(ln.text) else ln.text
        return src[a:b].strip() if (a, b) != (0, len(ln.text)) else shown[ln.no]

    body_lines = [Line(ln.no, cut_text(ln)) if ln.no in cuts else
                  (Line(ln.no, shown[ln.no]) if display is not None else ln) for ln in body_lines]

    norm = to_fullwidth if fullwidth else (lambda s: s)
    next_no = {a.no: b.no for a, b in pairwise(lines)} \
        if any(is_placeholder(ln.text) for ln in body_lines) else None
    blocks = [
        Block(kind=b.kind, text=norm(b.text), line=int(b.line),
              figure=b.figure and Figure(name=b.figure.name, line=int(b.figure.line),
                                         caption=b.figure.caption and norm(b.figure.caption)))
        for b in build_blocks(_without_standfirst([ln for ln in body_lines if ln.text],
                                                  {no for no, (a, _) in cuts.items() if a > 0}),
                              next_no, deck)
    ]
    title_text = shown[lines[title_at].no]
    if title.date is not None and len(title_text) == len(lines[title_at].text):
        title_text = title_text[: len(title.text)]
    elif title.text != lines[title_at].text and len(title_text) == len(lines[title_at].text):
        title_text = title_text[len(title_text) - len(title.text):]  # the value after its key
    title_text = clean_title(title_text)
    if not authors and (m := _NAME_TAIL.search(lines[title_at].text)) \
            and is_person_name(m.group("name"), strict=True):
        authors.append(m.group("name"))  # 标题|麦子朗: a column's headline and its writer
    if (m := _NAME_TAIL_BRACKETED.search(title_text)) and m.start() > 0 \
            and (name := _NAME_TAIL_BRACKETED.search(lines[title_at].text)) \
            and is_person_name(name := name.group("name"), strict=True) \
            and any(name in ln.text for i, ln in enumerate(lines) if i != title_at):
        # 标题(胡某某), the name credited again on the page: the writer, not a place (标题(武汉))
        title_text = title_text[: m.start()].rstrip()
        authors.append(name)
    m = _NAME_PREFIX.match(title_text)
    if m and is_person_name(m.group("name"), strict=True) and any(
            m.group("name") in ln.text for i, ln in enumerate(lines)
            if i != title_at and i not in summary and (kinds[i] != TEXT or not start <= i < end)
            and ln.text != lines[title_at].text):  # (the headline printed again names no one)
        # 沈立衡：标题, the columnist named again in the header or footer: the author, not a speaker
        title_text = title_text[m.end():]
        authors.append(m.group("name"))

    tag = _TITLE_TAG.match(lines[title_at].text)  # [人民网]标题: the outlet a school's column quotes
    tagged = tag.group().strip(" []【】") if tag and _is_outlet(tag.group().strip(" []【】")) else None
    under = lines[title_at + 1].text if title_at + 1 < len(lines) else ""  # 标题 / 北京晚报 / | 记者 X
    paper_under = under if title_at + 1 < start and _MASTHEAD.fullmatch(under) else None
    source = extract_source(fields, field_lines, lead_text, masthead=closing_outlet or tagged
                            or masthead(lines[:title_at], menu) or paper_under
                            or outlet_beside_date(lines, kinds, title_at, start)
                            or _agency_after(lines[title_at].text), url_lines=url_lines,
                            reprints=reprints)
    return Article(
        title=norm(title_text),
        date=found.date,
        blocks=tuple(blocks),
        source=source,
        # 来源:某号 / 某号|标题: the account a story came from writes nothing of it
        authors=tuple(dict.fromkeys(a for a in authors if a != source)),
        editor=extract_editor(fields),
        source_url=source_url,
        copyright=norm(shown[reprints[0].no]) if reprints else None,
        date_inferred=found.inferred,
    )
