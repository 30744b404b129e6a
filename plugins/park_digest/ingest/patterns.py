"""Data of the importer: the patterns and vocabularies that tell a raw article's parts apart.

Portals differ in layout but share a small vocabulary: byline keys (来源, 作者, 编辑 …), reprint
statements, navigation rows and share widgets. Everything is precompiled here; ``parse.py``
holds the logic.
"""

from __future__ import annotations

import re

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"  # Extension B on: 𠮶, 𨋢
CJK_CHAR = re.compile(f"[{CJK}]")
# CJK ideographs and the CJK punctuation and quotes that sit beside them.
CJK_LIKE = re.compile(f"[{CJK}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026《》]")

# --- dates -----------------------------------------------------------------------------------
# the time, maybe after the weekday, the zone or the half of the day (2024-03-05 HKT 08:12,
# 2024年3月5日 星期二 08:12, 2024/3/5 下午 3:12, 2024-03-05T08:12:00)
_TIME = (r"(?:(?:T|(?:\s*[—–]{1,2})?\s*(?:[(（]?(?:星期|礼拜|禮拜|周|週)[一二三四五六日天][)）]?\s*)?"
         r"(?:(?:HKT|CST|GMT\s?\+\s?0?8(?::?00)?|UTC\s?\+\s?0?8(?::?00)?)\s*)?"
         r"(?P<half>上午|下午|早上|晚上|中午|凌晨|傍晚|[AaPp][Mm](?=\s))?\s*)"
         # 22:13, 22:13:53, 22时13分 (and 22时13分53秒), 03:20 PM
         r"(?P<hour>\d{1,2})(?:[:：] ?|时)(?P<minute>\d{2})(?:(?:[:：]|分)(?P<second>\d{2})秒?|分)?"
         r"(?:\s?(?P<meridiem>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?)?")
# Halves of the day whose hours a twelve-hour clock counts from noon
AFTERNOON = frozenset({"下午", "晚上", "傍晚", "PM", "pm", "Pm", "pM", "P.M.", "p.m."})
MORNING = frozenset({"AM", "am", "Am", "aM", "A.M.", "a.m."})  # 12:30 AM is half past midnight
# Months by name, as bilingual and overseas pages print them (Mar 05, 2024; 5 March 2024)
ENGLISH_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EMONTH = (r"(?P<emonth>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP"
           r"|OCT|NOV|DEC)[a-zA-Z]{0,6}\.?)")
# 二〇二四年三月五日: a date in Chinese numerals, as an official document closes
_CDIGITS = "〇零○Ｏ一二三四五六七八九"
DATE_PATTERNS = (
    # 2021-07-06 22:13:53, 2021/7/6 22:13, 2021.07.06; 2020- 09- 23 16: 09 as a CMS spaces it
    re.compile(r"(?P<year>(?:19|20)\d{2})(?:[-/] ?|\.)(?P<month>\d{1,2})(?:[-/] ?|\.)(?P<day>\d{1,2})" + _TIME
               + r"(?:(?<=\d)(?:\.\d{1,6})?(?P<zone>Z|[+-](?:0\d|1[0-4]):?[0-5]\d)(?![\w:]))?"),  # ISO's zone
    # 2021年07月06日20:09, 2021年7月6日 22:13, 2021年7月6号
    re.compile(r"(?P<year>(?:19|20)\d{2})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*(?:日|号(?![楼线院馆室]))"
               + _TIME),
    # 23-09-15 17:07 (two-digit year, time required to tell it from other numbers)
    re.compile(r"(?<![\d-])(?P<year>\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
               r"\s+(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"),
    # 08.06.2015 17:25 (day first, as Macau and Hong Kong pages print it)
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d{2})(?![\d.])"
               + _TIME),
    # 2020 / 12/29 / 11:52: a date widget's cells, joined by the parser
    re.compile(r"^(?P<year>(?:19|20)\d{2})\s+(?P<month>[01]?\d)/(?P<day>[0-3]?\d)" + _TIME),
    # 110-01-15 11:30, 113/03/05, 113.03.05 (ROC year of three digits)
    re.compile(r"(?<![\d./-])(?P<roc>1[01]\d)(?P<sep>[-/.])(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?![\d./-])"
               + _TIME),
    # Mar 05, 2024 10:20; March 5, 2024; 5 March 2024
    re.compile(rf"(?<![A-Za-z]){_EMONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{{2}})(?!\d)"
               + _TIME),
    re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\s+{_EMONTH}\s+(?P<year>(?:19|20)\d{{2}})(?!\d)" + _TIME),
    # 二〇二四年三月五日
    re.compile(rf"(?P<cyear>[{_CDIGITS}]{{4}})\s*年\s*(?P<cmonth>十[一二]?|[一二三四五六七八九])\s*月"
               rf"\s*(?P<cday>[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"),
    # 6:29 24/12/2025, 2:56pm 21/03/2025: the time before a day-first date (New Zealand, Malaysia)
    re.compile(r"(?<![\d:])(?P<hour>\d{1,2})[:：](?P<minute>\d{2})\s?(?P<meridiem>[AaPp][Mm])?\s+"
               r"(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)\d{2})(?![\d/])"),
    # 02/03/2026 09:10: day first with the year last, as Hong Kong and Macau pages print it
    re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)\d{2})(?![\d/])" + _TIME),
    # 06/29/2023: month first, as American templates print it, when the day cannot be a month
    re.compile(r"(?<![\d/])(?P<month>0?[1-9]|1[0-2])/(?P<day>1[3-9]|2\d|3[01])/(?P<year>(?:19|20)\d{2})(?![\d/])"
               + _TIME),
    # 标题│某新闻 20190814: a TV station's video title, its air date closing it
    re.compile(r"(?<=[│|｜])\s*[^\s│|｜]{2,8}\s+(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)$"),
    # 20231208范书瑶/台北报导: eight digits glued to the credit, as e-paper share pages print it
    re.compile(r"^(?P<year>(?:19|20)\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?=[^\d\s])"),
    # 2024.0412: a date badge alone on its line, month and day run together
    re.compile(r"^(?P<year>(?:19|20)\d{2})[./](?P<month>[01]\d)(?P<day>[0-3]\d)$"),
    # 02月04日,2022年: a company template's date badge, the year last
    re.compile(r"(?<!\d)(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日\s*[,，]?\s*(?P<year>(?:19|20)\d{2})\s*年"
               + _TIME),
    # 更新时间:09年11月18日: a two-digit year after a label's colon (an old CMS's; ROC years
    # 0–39 fall before any web page)
    re.compile(r"(?<=[:：])\s*(?P<year>[0-3]\d)\s*年\s*(?P<month>[01]?\d)\s*月\s*(?P<day>[0-3]?\d)\s*日"
               + _TIME),
    # 发稿日期:112年9月15日: an ROC year right after a label's colon, or a line of its own
    # (114年01月21日 over a Taiwan government's headline)
    re.compile(r"(?:(?<=[:：])|^)\s*(?P<roc>1[0-2]\d|[4-9]\d)\s*年\s*(?P<month>[01]?\d)\s*月"
               r"\s*(?P<day>[0-3]?\d)\s*日" + _TIME),
    # 周日, 07 十月 2018 12:45: a CMS's date with the month in words
    re.compile(r"(?<!\d)(?P<day>[0-3]?\d)\s+(?P<cmonth>十[一二]?|[一二三四五六七八九])月\s+(?P<year>(?:19|20)\d{2})" + _TIME),
    # 民國112年12月28日 (ROC calendar: year + 1911); 民国 after conversion to Simplified
    re.compile(r"民[國国]\s*(?P<roc>\d{2,3})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
               + _TIME),
)
# A wire story's trailer: 1121228 (ROC year, month, day) closing the text, often after (編輯：…)
WIRE_TRAILER = re.compile(r"(?:^|[)）\s。！？”」』])(?P<roc>1[01]\d)(?P<month>0[1-9]|1[0-2])(?P<day>[0-3]\d)$")
# A date with month and day only: 12月25日讯 is a dateline; 日期：12-04 a labelled one
MONTH_DAY = re.compile(r"(?<![\d年])(?P<month>[01]?\d)(?:月(?P<day>[0-3]?\d)日|-(?P<day2>[0-3]\d))(?![\d-])"
                       r"(?:\s*(?P<hour>[0-2]?\d)[:：](?P<minute>[0-5]\d))?")  # 02-13 09:33
# Words of a "today" widget in a site header: a date there is the day of the copy, not the article's
WIDGET_DAY = re.compile(r"星期[一二三四五六日天]|礼拜[一二三四五六日天]|周[一二三四五六日]\b|农历|晴|多云|阴|小雨|气温|℃")
# Dates inside a portal URL: /content/2021/07/06/…, /2021-07/06/, /n2/2021/0603/
URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[-/]?(?P<month>[01]\d)[-/]?(?P<day>[0-3]\d)(?:/|\b)"
)
# 红网时刻岳阳12月18日讯(记者 X 通讯员 Y Z) … / 人民网株洲6月3日电 (彭应兵 实习生 胡子逸)
DATELINE = re.compile(
    r"^(?P<place>[^\s，,。]{0,24}?)(?:(?P<year>(?:19|20)\d{2})年)?(?P<month>\d{1,2})月"
    r"(?P<day>\d{1,2})日(?:(?P<hour>\d{1,2})时(?P<minute>\d{1,2})分)?(?:讯|电|消息)\s*"
    r"(?:[(（](?P<people>[^()（）]{1,80})[)）])?"
)
# The parentheses after 讯/电 even without a date: 荆楚网(湖北日报网)讯(记者 X 通讯员 Y)
DATELINE_PEOPLE = re.compile(
    r"^[^\s，,。]{0,30}?(?:讯|电|消息)\s*[(（](?P<people>[^()（）]{1,80})[)）]"
)
# (香港.2026年3月12日)…, （2026年3月12日，香港）…: a release opening with its place and full date
_BRACKETED_DAY = (r"[(（](?:[^()（）\s\d]{{2,8}}[.．·,，、 ]\s*)?{year}年{month}月{day}日"
                  r"(?:[.．·,，、 ]\s*[^()（）\s\d]{{2,8}})?[)）]")
BRACKETED_DATELINE = re.compile("^" + _BRACKETED_DAY.format(
    year=r"(?P<year>(?:19|20)\d{2})", month=r"(?P<month>\d{1,2})", day=r"(?P<day>\d{1,2})"))
# 越通社河内5月19日——…: an agency, its place and the day, set off by a dash
_DASHED_DAY = (r"[^\s，,。“”\d]{{1,12}}?(?:社|报|网|台|新闻)[^\s，,。“”\d]{{2,6}}?(?:{year}年)?{month}月{day}日"
               r"\s*(?:——|—|--)")
DASHED_DATELINE = re.compile("^" + _DASHED_DAY.format(
    year=r"(?P<year>(?:19|20)\d{2})", month=r"(?P<month>\d{1,2})", day=r"(?P<day>\d{1,2})"))
# What opens a first paragraph before its first sentence, removed from the text (its facts kept):
# 红网时刻湘潭11月10日讯（记者 X）, 中国台湾网4月25日讯, 浙江园林网4月10日消息：, 红网平江站1月8日报道,
# 本报讯（记者 X 通讯员 Y）, 金山网讯, 【on.cc东网专讯】, 【本报消息】, (澳门电台消息)
OPENING_DATELINE = re.compile(
    r"^(?:[【\[〔《][^】\]〕》\s]{2,26}?\s*(?:专讯|讯|快讯|消息|(?<=报)文章|综合报[道导])\s*(?:[，,]\s*发自[^】\]〕》]{1,10})?[】\]〕》]|[(（]\s*[^()（）\s]{2,12}?(?:消息|讯)\s*[)）](?=\s)|"
    + _BRACKETED_DAY.format(year=r"(?:19|20)\d{2}", month=r"\d{1,2}", day=r"\d{1,2}") + r"|"
    + _DASHED_DAY.format(year=r"(?:19|20)\d{2}", month=r"\d{1,2}", day=r"\d{1,2}") + r"|"
    r"[(（][^()（）\s]{2,12}?(?:报道|报导)[)）]|"  # (星岛日报报道) glued to the first sentence
    r"[(（][^()（）\s]{2,12}?(?:中文网|网|社|台)[)）](?=\S)|"  # (德国之声中文网) opening the text
    r"[^，,。“”]{0,24}?(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日(?:\d{1,2}时\d{1,2}分)?[^\s，,。“”\d]{0,6}?"
    r"(?:讯|电|消息|报道|专电)(?=[\s(（:：【，,])|"  # a separator follows: not 12月1日电价…
    r"(?:本报|本网|本台|[^\s，,。“”\d]{1,12}?(?:报|网|台|社|站|端|中心|新闻|时刻|频道))"
    r"[^\s，,。“”\d]{0,6}?(?:(?:讯|消息)(?=[\s(（:：])|电(?=\s*[(（]))|"  # 本报讯 without a date: a separator
    # must follow; 某报长沙电（记者 X）, undated: its reporters in brackets
    # 云上恩施报道(融媒体记者 X): an app's name without an outlet's ending, a role in the brackets
    # 三湘统战网(通讯员 X) too: the site's name alone before its reporter
    r"[^\s，,。“”\d(（]{2,12}?(?:报道|讯|消息|网)(?=\s*[(（][^()（）]{0,8}?(?:记者|通讯员|摄像)))"
    r"\s*(?:[(（](?P<people>[^()（）]{1,80})[)）])?[：:]?\s*"
)
# Outlets that stand among the names: 湘潭日报记者 李新辉 → not a person
OUTLET_NAME = re.compile(r"(?:日报|晚报|早报|商报|时报|今报|报社|电视台|电台|广播|网|站|社|中心|客户端|频道|新闻|融媒|传媒|论坛报|在线|周刊|周报|卫视|杂志|联播|时刻|证券报|财经|经济报道|"
                         # papers of a trade or a readership: 中国青年报, 法治报, 每日电讯
                         r"青年报|法制报|法治报|工人报|农民报|科技报|教育报|文化报|妇女报|导报|都市报|参考报|健康报|电讯)$")
# Roles that stand before names in a dateline's parentheses.
# Multi-character roles may be glued to the name that follows (记者杨卓玉); one-character
# roles (文, 图, 摄) only count standing alone (文/图 张三), since names hold them too (宋文博).
ROLE_WORDS = re.compile(
    r"(?:(?:[^\s、，,]{0,6}?日报)?(?:全媒体记者|融媒体记者|首席记者|特约记者|见习记者|"
    r"实习记者|本报记者|本网记者|记者|特约通讯员|通讯员|实习生|摄影报道|摄影|摄像|视频|报道|编辑|整理)"
    r"|(?<![^\s、，,/:：])[文图摄](?![^\s、，,/:：]))"
)

# --- byline and footer fields -----------------------------------------------------------------
# key: value, or key | value as reposted WeChat articles print it (作者 | 张三 责编 | 李四)
SEP = r"\s*(?:[:：]|[|｜](?=\s*[^\s|｜]))\s*"
FIELD_KEYS = (
    "来源", "作者", "编辑", "责编", "责任编辑", "一审", "二审", "三审", "终审", "原标题",
    "发布时间", "发稿时间", "时间", "日期", "记者", "通讯员", "摄影", "校对", "审核", "监制",
    "出品", "统筹", "本文链接", "原文链接", "原文地址", "文章来源", "稿件来源", "编审", "主编",
    "稿源", "转自", "转载自", "发表日期", "发表时间", "发布日期", "更新时间", "更新日期", "上稿时间",
    "出版日期", "刊发时间", "撰文", "信息来源", "新闻来源", "作者来源", "责任编辑", "文字", "图片",
    "采写", "摄像", "见习记者", "实习生", "本文来源", "消息来源", "撰稿", "审校",
    # a county media centre's credit block: 融媒体记者：X / 一审：… ; a portal's 初审编辑：
    "融媒体记者", "全媒体记者", "融媒记者", "首席记者", "特约记者", "本报记者", "初审编辑", "复审编辑",
    "终审编辑", "初审", "复审",
    # a university CMS's credit row: 文字作者：… 图片作者：…; a repost's 原文作者：
    "文字作者", "图片作者", "视频作者", "原文作者",
    # a gallery's or an old CMS's upload stamp: 作者:X上传时间:2026-01-26
    "上传时间", "上传日期", "录入时间", "添加时间",
    # a Taiwan government release: 发稿单位：文化局 / 发稿日期：112年9月15日 / 发稿人：…
    "发稿单位", "发布单位", "发布机关", "发稿人", "发稿日期", "资料来源",
    # a CMS's uploader, an account and not a writer: 发布人：宣传部2, 发布者：管理员
    "发布人", "发布者", "信息发布者", "信息发布人",
    # a portal's closing credits: 文字报道：X / 摄影报道：Y Z
    "文字报道", "图文报道", "摄影报道",
    # desk roles that are not the editor of record: (版面编辑：X 责任编辑：Y)
    "版面编辑", "值班编辑", "网络编辑", "本版编辑", "美术编辑", "新媒体编辑", "美编", "签发",
    # a school's or a company's sign-off: (图文：X 初审：Y …), 供稿：X / 编辑：… / 终审：…
    "图文", "文图", "供稿",
    # a broadcast's credits: 编导：X / 摄像：Y; a contributor or commentator: 某网特约撰稿人：X
    "编导", "特约撰稿人", "撰稿人", "特约评论员", "评论员",
)
# Keys whose date is the article's date (labelled dates rank before unlabelled ones)
DATE_KEYS = frozenset({"发布时间", "发稿时间", "时间", "日期", "发表日期", "发表时间", "发布日期",
                       "更新时间", "更新日期", "上稿时间", "出版日期", "刊发时间", "发稿日期"})
# Keys of people: their values are names
PEOPLE_KEYS = ("作者", "记者", "融媒体记者", "全媒体记者", "融媒记者", "首席记者", "特约记者", "本报记者",
               "文", "撰文", "撰稿", "特约撰稿人", "撰稿人", "特约评论员", "评论员", "文字", "采写", "图文", "文图", "通讯员", "供稿", "见习记者", "实习生", "编导", "摄影", "图片", "摄像",
               "发稿人", "文字报道", "图文报道", "摄影报道", "文字作者", "原文作者", "图片作者", "视频作者")
# (writers first, then photographers)
# Keys of the outlet; "未知" (unknown) is no source
SOURCE_KEYS = ("来源", "文章来源", "稿件来源", "稿源", "转自", "转载自", "信息来源", "新闻来源",
               "本文来源", "消息来源", "发稿单位", "发布单位", "发布机关", "资料来源")
# What a byline calls the outlet it belongs to (本报讯, 本报记者 X, 来源：本站): "this paper/site",
# no outlet's name. Simplified and Traditional forms.
SELF_OUTLETS = frozenset({"本报", "本网", "本台", "本站", "本刊", "本社", "本平台", "本号", "本端",
                          "本频道", "本報", "本網", "本臺", "本號", "本頻道"})
UNKNOWN_VALUES = frozenset({"未知", "不详", "暂无", "无", "网络", "互联网", "佚名", "原创", "本站原创",
                            "综合报道", "综合外电", "网上资料", "综合",  # 资料来源: 综合报道: no outlet
                            "未知来源", "来源未知", "网络来源", "暂无来源", "来源不详",
                            # a site's own accounts, named where an outlet or a writer belongs
                            "管理员", "网站管理员", "系统管理员", "超级管理员", "系统管理", "网站管理",
                            "IT",  # a scraper's placeholder account: (责任编辑：IT)
                            # a kind of paper, not its name: 时报记者 X after 本报讯, this paper's
                            "日报", "时报", "晚报", "早报", "商报", "晨报", "今报", "都市报",
                            "admin", "Admin",
                            "administrator", "Administrator",
                            # a CMS's default account, the same on many outlets' pages (红网's)
                            "redcloud"}) | SELF_OUTLETS
KEYS_ALT = "|".join(sorted(FIELD_KEYS, key=len, reverse=True))
# One "key: value" pair, the value running to the next key or the end.
FIELD = re.compile(
    rf"(?P<key>{KEYS_ALT}){SEP}(?P<value>.*?)(?=\s*(?:{KEYS_ALT}){SEP}|\s*[|｜】]|$)"
)
# A line made only of fields, dates, separators and share widgets.
WIDGET_WORDS = ("我要评论", "字号", "大中小", "打印", "关闭窗口", "分享到", "点击", "浏览次数",
                "阅读数", "收藏", "纠错", "扫一扫", "用手持设备访问", "手机看", "放大", "缩小", "默认",
                "【", "】")
EDITOR_KEYS = ("责任编辑", "责编", "编辑", "一审", "初审编辑", "初审", "编审", "二审", "复审编辑", "复审",
               "三审", "终审编辑", "终审", "审核", "审校")
# Keys of a credit row closing an article, also without colons: (撰稿 张三，审核 李四), (文/张三 编辑/李四)
CREDIT_ROW_KEYS = ("责任编辑", "撰稿", "撰文", "文字", "作者", "记者", "通讯员", "实习生", "采写", "摄影", "摄", "摄像",
                   "图片", "审核", "审校", "校对", "责编", "编辑", "一审", "二审", "三审", "终审", "监制",
                   "统筹", "文", "图", "版面编辑", "值班编辑", "网络编辑", "本版编辑", "美术编辑", "新媒体编辑",
                   "美编", "签发")

# --- boilerplate --------------------------------------------------------------------------------
BOILERPLATE_LINES = re.compile(
    r"^(?:当前位置\s*[:：]?.*|(?:本页|所在|您所在的?)?位置\s*[:：].*|您(?:当前|现在)的位置\s*[:：]?.*|"
    # an advert's read-on prompt, a view counter that copied without its count, an app's push promo
    r"广告(?:\s*(?:更多内容)?请?继续(?:往下)?(?:阅读|浏览).*)?|(?:更多内容)?请继续往下(?:阅读|看).*|"
    r"(?:[\d,.]+万?|\?)\s*(?:人气|人次|次浏览|次阅读|次点阅)|(?:人气|点阅|浏览|阅读)\s*[:：]?\s*(?:[\d,.]+万?|\?)|"
    r"\[?启动LINE推播\]?.*|加入LINE好友.*|\[[A-Z]{1,3}\]|"
    # a picture's zoom button or its caption's lone label (图说明); a follow-us promo of the outlet's accounts
    r"(?:点击)?(?:放大图片|查看大图|图片放大)|图片?(?:说明|说|注)|"
    # a picture's source alone on its line, no one named: 图/翻摄自某微博, 图片来源：网络
    r"图\s*[/／]\s*(?:翻摄|截图|截自|取自|资料|撷取|摘自|网络|网路|示意)\S{0,30}|翻摄自\S{1,30}|"
    r"图片来源\s*[:：]\s*\S{1,30}|图片|照片|image|img|photo|"
    # a detail page's tab label: 详情描述, 新闻详情
    r"(?:详情描述|详细内容|内容详情|新闻详情|文章详情|详情)|欢迎关注.{0,30}(?:微信|公众号|官方微博|客户端|抖音|视频号).{0,20}|"
    r"[-—–\s]*(?:Advertisement|ADVERTISEMENT)[-—–\s]*|.{0,20}(?:欢迎搜寻|欢迎搜索).{0,40}|"
    r"[•·]?\s*参与互动\s*\d*|分享该报道至.{0,20}|"
    # an accessibility skip link: 跳至主要内容, 跳到主要内容区块, 跳过导航
    r"跳(?:至|到|过)(?:主要|主)?(?:内容|导航|导览)(?:区块|区)?|"
    # an e-mail newsletter's notice: ★ 无法正常浏览内容，请按这里线上阅读
    r"[★☆]?\s*无法正常(?:浏览|显示|阅读).{0,60}|"
    # a reading-time widget, a licence in the masthead, a camera's file name left as alt text
    r"本?(?:篇|文)?(?:文章)?共?\s*\d+\s*字\s*[,，]?\s*(?:预计)?(?:读完|阅读)(?:约|需|时间)?\s*\d+\s*分钟|"
    r"(?:预计)?阅读(?:时间|时长)?(?:约|需)?\s*\d+\s*分钟|"
    r"\S{0,12}许可证(?:编号|号)?\s*[:：]\s*[\dA-Za-z-]{6,}|(?=[0-9A-Z]*[A-Z])[0-9A-Z]{4}\d{4}|"
    r"(?:IMG|DSC|DSCF|DJI|MVIMG)_?\d{3,}(?:_\d+)?|"
    # a portal's call for stories and tips: 投稿与新闻线索：X 微信/手机：…
    r"(?:我要)?投稿(?:与新闻线索|热线|邮箱|信箱|电话)?\s*[:：].{0,80}|(?:新闻线索|报料(?:热线|电话)?)\s*[:：].{0,80}|"
    # a row of print and close buttons: 打印本页  关闭窗口
    # a tip jar and a report link: 打赏捐赠, !我要举报这篇文章
    r"(?:打赏|赞赏)(?:捐赠|作者|一下)?|[!！]?\s*我要举报(?:这篇文章|本文)?|"
    # a channel's stats row: 体育正文 59 0
    rf"[{CJK}]{{1,6}}正文(?:\s+\d+){{1,3}}|"
    # who cut, drew or planned it, on a line of its own: 剪辑 罗远 (no writer)
    rf"(?:剪辑|视频剪辑|海报|设计|制图|统筹|策划|配音|后期)\s*[:：/／]?\s*[{CJK}]{{2,3}}(?:[\s、][{CJK}]{{2,3}}){{0,3}}|"
    # a video's prompt: 点开视频，记者带你实探…
    r"(?:点开|点击|打开)(?:上方|下方)?视频[，,：:].{0,40}|"
    # a follow button: 关注河南热线, +关注我们
    rf"[•·]?\s*[+＋]?\s*关注\s*(?:我们|微信|微博|[{CJK}]{{2,10}}(?:网|热线|号|公众号|客户端|频道))|"
    # a site's sponsors under its masthead: 江苏省委宣传部 江苏省精神文明建设办公室 主办
    rf"(?:[{CJK}]{{2,20}}\s+){{1,5}}(?:联合)?(?:主办|承办|协办)|"
    # an advertisement's break in the text: -----广告，请继续往下阅读-----
    r"[-—–=\s]*广告\s*(?:[,，]?\s*请?继续(?:往下|向下)?(?:阅读|浏览))?[-—–=\s]*|"
    # an author card's counts: 249 篇文章 ・ 594 位粉丝
    r"(?:\d[\d,.]*\s*[万kK]?\s*(?:篇文章|篇|位粉丝|粉丝|关注者?|获赞|赞)\s*[・·|｜,，]?\s*){2,}|"
    # (« 返回前页 列印: a print view's back and print links)
    r"[«‹<]?\s*(?:【?(?:打印本页|关闭窗口|打印|列印(?:本页)?|关闭|返回(?:前页|上页)?|加入收藏|收藏本页)】?\s*){2,}|"
    r"时刻新闻|[—\-–]*\s*分享\s*[—\-–]*|分享到\s*[:：]?.*|立即下载|下载客户端|打开APP|打开客户端|"
    r"阅读下一篇|阅读上一篇|上一篇\s*[:：].*|下一篇\s*[:：].*|返回.{0,12}首页(?:\s+返回.{0,12}首页)*|"
    r"【?查看原图】?|【?打印本页】?|【?关闭窗口】?|\[?复制链接\]?|扫一扫.*|点击(?:查看|进入|阅读).*|"
    r"相关(?:新闻|阅读|推荐|文章)\s*[:：]?|热门(?:推荐|新闻)\s*[:：]?|推荐阅读\s*[:：]?|"
    r"(?:【[^】]{1,10}】\s*)+|我要评论|登录\s*评论一下|评论一下|发表评论|参与评论|分享让更多人看到|[大中小]?字号\s*[:：]?.*|[大中小]\s*[大中小]\s*[大中小]|举报|网友评论.*|已有\d+人.*|"
    r"(?:编辑)?推荐|视频加载中[.。…]*|正在加载[.。…]*|[\[【〔(（](?:图片|组图|图|视频)\s*\d{0,2}[\]】〕)）]|"
    r"[(（]?图片来源于?网络[，,、]?\s*(?:侵删|侵权(?:请联系)?删除)?[)）]?|/\s*\S{1,8}|[^\s<]{1,6}\s*>>?\s*.*|首页\s*(?:>|>>|/|\|).*|\[(?:责任编辑|编辑)[:：].*\])$"
)
# Rows of site links: 首页|新闻|图片|… or 关于我们 | 联系我们 | …
LINK_ROW = re.compile(r"^(?:[^|｜]{1,12}[|｜]){2,}[^|｜]{0,12}$|^(?:[^|｜]{1,12}[|｜]){3,}")
# Words typical of navigation and copyright rows of a portal page.
SITE_WORDS = re.compile(
    r"关于我们|联系我们|网站地图|广告服务|版权所有|Copyright|copyright|©|ICP[备证]|"
    r"违法和不良信息|举报电话|网络传播视听|公网安备|增值电信|主办单位\s*[:：]|承办单位\s*[:：]|技术支持\s*[:：]|网站标识码|"
    r"统一刊号|CN\d{2}-\d{4}|订阅热线|广告热线"
)
# Reprint statements, kept as the `copyright` fact and never in the body.
REPRINT = re.compile(
    r"(?:本文为.{0,30}(?:原创|独家).{0,40}转载|转载请|未经.{0,12}(?:授权|许可).{0,12}(?:转载|使用)|"
    r"严禁转载|禁止转载|版权作品|免责声明|版权声明|版权说明|版权归原作者所有|凡本网注明|本网转载|凡(?:标注|注明)来源|获授权转载|原刊于|原载于|"
    r"经.{0,12}授权.{0,30}(?:代理|转载|复制|使用|发布)|郑重声明|"
    # 本文原标题为《…》，发表在…，作者授权某网发布: where the piece first ran, and by whose leave
    r"本文原标题为|作者授权.{0,20}(?:发布|刊发|转载)|违者(?:将)?依法追究.{0,4}责任|"
    # 本文由某网注册会员上传并发布，某网仅提供信息发布平台: a member's post, the platform's notice
    r"本文由.{0,20}上传并发布|仅提供信息(?:发布|存储)(?:平台|空间|服务)|"
    # an aggregator's repost disclaimer: 声明：本网转发此文章，旨在为读者提供更多信息资讯
    r"本(?:网|站)转发|传递更多信息|不代表本(?:网|站|平台|号|公众号|刊|报)的?(?:观点|立场)|文章观点非本(?:网|站)观点|"
    r"与本(?:网|站)立场无关)"  # 评论内容只代表网友观点，与本站立场无关: a comment box's notice
)
# an address ends at a space, at full-width punctuation and at the Chinese text glued after it
URL = re.compile(rf"https?://[^\s，。；）)\]{CJK}]+|www\.[^\s，。；）)\]{CJK}]+")
# "原文链接：URL", alone or after a short footer note ("版权所有：湘潭日报社 原文链接：…").
SOURCE_URL_LINE = re.compile(
    r"^(?:[^。！？\s]{1,40}\s+)?(?:本文链接|原文链接|原文地址|文章链接|原文网址|链接)\s*[:：]\s*"
    r"(?P<url>(?:https?://|www\.)\S+)$"
)

# --- body structure -----------------------------------------------------------------------------
PLACEHOLDER = re.compile(
    r"^(?:图片|图|图像|photo|image|img)?[\s_\-]*[\w\-]*?\d+\s*\.(?:jpe?g|png|gif|webp|bmp|tiff?)$",
    re.IGNORECASE,
)
HOME_WORDS = frozenset({"首页", "网站首页", "主页", "首頁"})
SENTENCE_MARKS = re.compile(r"[，。、；：！？“”,.;:!?]")
CLOSING_PUNCT = "。！？!?…；;”\"’」』)）"
# Photo credits end a caption, not a heading: 记者 李一 摄 / 图片来源：…
PHOTO_CREDIT = re.compile(r"(?:摄|摄影|供图|图片来源.*|图源.*|资料图(?:片)?|视频截图)$")
HEADING_MAX = 40
# 一、… / 1. … / （一）… / 第一部分 …
NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、]\s*\S)")
# Authors in parentheses closing the last paragraph: (张立 何兴安)
# Places reporters of Chinese-language media file from most (after conversion to Simplified):
# Taiwan's cities and counties, Hong Kong and Macau, capitals and cities of the diaspora.
REPORTING_PLACES = (
    "台北", "新北", "桃园", "台中", "台南", "高雄", "基隆", "新竹", "嘉义", "苗栗", "彰化", "南投",
    "云林", "屏东", "宜兰", "花莲", "台东", "澎湖", "金门", "马祖", "香港", "澳门", "北京", "上海",
    "东京", "首尔", "纽约", "华盛顿", "洛杉矶", "旧金山", "芝加哥", "休斯敦", "伦敦", "巴黎", "柏林",
    "多伦多", "温哥华", "悉尼", "墨尔本", "新加坡", "吉隆坡", "曼谷",
)
CLOSING_AUTHORS = re.compile(
    rf"(?<=[。！？!?”…])\s*[(（]?\s*(?P<names>(?:(?:记者|通讯员|实习生|编辑|图/文|文/图|图文|文图)\s*[:：]?\s*)?[{CJK}·]{{2,4}}(?:[\s、，,]+(?:(?:记者|通讯员|实习生)\s*)?[{CJK}·]{{2,4}})*)(?<!摄)[)）]$"
)
NOT_NAMES = frozenset({"完", "图", "文", "记者", "通讯员", "正文", "待续", "全文完", "图文", "上", "下", "中",
                       # a page's buttons and widgets, which read as a surname and a name
                       "关注", "关闭", "关于", "分享", "收藏", "点赞", "举报", "评论", "转发", "订阅",
                       "打印", "返回", "登录", "注册", "下载", "投稿", "推荐", "置顶", "热门", "更多",
                       "全文", "展开", "收起", "阅读", "原文", "纠错", "首页", "顶部", "扫码", "在看",
                       "字号", "字体",
                       # parts of the day, as a schedule's note reads them: (凌晨)
                       "凌晨", "上午", "下午", "中午", "晚上", "早上", "傍晚", "深夜", "午夜", "清晨"})
NAME = re.compile(rf"^[{CJK}·]{{2,5}}$|^[{CJK}]{{1,8}}[·・•][{CJK}·・•]{{1,10}}$|^[A-Za-z][A-Za-z .'-]{{1,40}}$")

# --- mis-decoded text ---------------------------------------------------------------------------
# UTF-8 read as GBK turns common punctuation into these characters (，→锛 。→銆 “→鈥).
GBK_MOJIBAKE = re.compile(r"[锛銆鈥]|锟斤拷|烫烫烫|屯屯屯")
# A broken converter's pinyin after characters (rawtext checks a CJK character stands before): 个(gè) 产(chǎn)
PINYIN_ANNOTATION = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")
# UTF-8 read as Latin-1 / cp1252: Ã¥, Ã¦, â€œ …
LATIN1_MOJIBAKE = re.compile(r"[ÃÂâåæçèéä][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u203a\u20ac\u2122¡-¿]")
