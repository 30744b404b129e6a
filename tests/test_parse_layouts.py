"""The importer reads the layouts real portals use. Each case: raw text in, facts out."""

from __future__ import annotations

import pytest

from park_digest.parse import parse_article
from park_digest.rawtext import SeedError

# (case id, raw text, expected facts; "first"/"last" are the first and last body paragraphs)
LAYOUTS = [
    (
        # red-net sub-site: breadcrumb, byline with date, share widgets, footer, reprint, link
        "rednet",
        """当前位置:

园区企业扩产忙 新车间投产

来源:红网 作者:张三 李四 编辑:王五 2022-03-04 09:15:00
时刻新闻
—分享—

3月4日,园区内一家电子企业的新车间正式投产。

1.jpg

新车间生产线。

扩产之后

企业负责人说:“今年订单饱满。”

来源:红网

作者:张三 李四

编辑:王五

本文为湘潭站原创文章,转载请附上原文出处链接和本声明。

本文链接:https://xt.rednet.cn/content/2022/03/04/1.html

阅读下一篇

返回红网首页 返回湘潭站首页
""",
        {"title": "园区企业扩产忙 新车间投产", "date": "2022-03-04T09:15:00+08:00",
         "source": "红网", "authors": ("张三", "李四"), "editor": "王五",
         "source_url": "https://xt.rednet.cn/content/2022/03/04/1.html",
         "copyright": "本文为湘潭站原创文章，转载请附上原文出处链接和本声明。",
         "first": "3月4日，园区内一家电子企业的新车间正式投产。",
         "last": "企业负责人说：“今年订单饱满。”",
         "figures": [("1.jpg", "新车间生产线。")], "headings": ["扩产之后"]},
    ),
    (
        # dateline opening the first paragraph: its reporters and photographers are authors, and
        # it leaves the text (the date and the names are facts, not a sentence)
        "dateline",
        """岳阳经开区签约五个项目

发布时间:2023-12-18 20:01:02

红网时刻岳阳12月18日讯(记者 刘一 通讯员 陈二 赵三)今天,岳阳经开区集中签约五个项目。

项目总投资约三十亿元。

责任编辑:孙六
""",
        {"title": "岳阳经开区签约五个项目", "date": "2023-12-18T20:01:02+08:00",
         "authors": ("刘一", "陈二", "赵三"), "editor": "孙六",
         "first": "今天，岳阳经开区集中签约五个项目。",
         "last": "项目总投资约三十亿元。"},
    ),
    (
        # client dateline with a photographer, no byline date: the year comes from the URL
        "dateline-photographer",
        """新材料产业园开园

新湖南客户端1月15日讯(记者 周七 通讯员 吴八 摄影 郑九)1月15日,新材料产业园开园。

园区首批入驻企业12家。

原文链接:https://www.example.cn/content/2026/01/15/abc.html
""",
        {"title": "新材料产业园开园", "date": "2026-01-15T00:00:00+08:00",
         "authors": ("周七", "吴八", "郑九"),
         "source_url": "https://www.example.cn/content/2026/01/15/abc.html",
         "last": "园区首批入驻企业12家。"},
    ),
    (
        # newspaper site: copyright owner and the original link on one footer line
        "copyright-and-link-footer",
        """首页 > 新闻中心 > 园区动态
湘乡经开区举办春季招聘会
发布时间：2024-03-12 09:30:00 来源：湘潭日报 作者：李明 编辑：王芳
3月11日，湘乡经开区举办春季招聘会，提供岗位1200余个。
园区将持续做好稳岗就业服务。
版权所有：湘潭日报社 原文链接：https://www.example.cn/news/2024/0312/123.html
""",
        {"title": "湘乡经开区举办春季招聘会", "source": "湘潭日报", "authors": ("李明",),
         "source_url": "https://www.example.cn/news/2024/0312/123.html",
         "last": "园区将持续做好稳岗就业服务。"},
    ),
    (
        # author-first byline: <name> <outlet> <date>
        "author-first",
        """湘江新区智能制造项目集中开工
冯十 湖南日报 2026-01-15 21:40:16
1月15日上午,湘江新区举行智能制造项目集中开工仪式。
此次开工项目共18个。
""",
        {"title": "湘江新区智能制造项目集中开工", "date": "2026-01-15T21:40:16+08:00",
         "source": "湖南日报", "authors": ("冯十",),
         "first": "1月15日上午，湘江新区举行智能制造项目集中开工仪式。"},
    ),
    (
        # 发稿时间 … 来源: … 我要评论 ; footer with 责编 and closing authors in parentheses
        "people-daily",
        """新能源汽车零部件产业链加速集聚

发稿时间:2025-03-06 03:11:27 来源: 人民网 中国青年网 我要评论

  今年以来,产业园新引进零部件企业9家。

  下一步,园区将继续完善配套。(张立 何兴安)

责编:钱一
""",
        {"title": "新能源汽车零部件产业链加速集聚", "date": "2025-03-06T03:11:27+08:00",
         "source": "人民网", "authors": ("张立", "何兴安"), "editor": "钱一",
         "first": "今年以来，产业园新引进零部件企业9家。",
         "last": "下一步，园区将继续完善配套。"},
    ),
    (
        # date with 字号 widget; 一审/二审/三审 footer; 原标题; disclaimer and site link rows
        "review-footer",
        """首页|新闻|图片|视频|专题
位置 : 当前位置:首页 >> 企业先锋
园区获评省级绿色园区
2025-05-19 10:33:42 字号:
原标题:园区获评绿色园区
图片1.png
园区一角。
5月19日,省工信厅公布绿色园区名单,园区入选。
IMG_2.jpeg
企业光伏屋顶。
园区将持续推进节能改造。
一审:李一
二审:张二
三审:王三
免责声明:本网转载的文章仅供参考,转载请注明出处。
关于我们|联系我们|网站地图|版权声明
""",
        {"title": "园区获评省级绿色园区", "date": "2025-05-19T10:33:42+08:00",
         "editor": "李一", "first": "5月19日，省工信厅公布绿色园区名单，园区入选。",
         "last": "园区将持续推进节能改造。",
         "figures": [("图片1.png", "园区一角。"), ("IMG_2.jpeg", "企业光伏屋顶。")]},
    ),
    (
        # Chinese-form date with source prefix; two-digit-year date line
        "chinese-date",
        """/ 新闻
立即下载
产业招商推介会在长沙举行
23-09-15 17:07 来源:荆楚网 编辑:邵江
9月15日,产业招商推介会在长沙举行。
版权作品,未经授权严禁转载。
""",
        {"title": "产业招商推介会在长沙举行", "date": "2023-09-15T17:07:00+08:00",
         "source": "荆楚网", "editor": "邵江", "first": "9月15日，产业招商推介会在长沙举行。",
         "copyright": "版权作品，未经授权严禁转载。"},
    ),
    (
        # CRLF, BOM-less, full-width indentation, caption standing before the dateline
        "crlf-fullwidth",
        "园区举办招聘会\r\n来源:人民网-湖南频道  2021年06月03日20:09\r\n\r\n1.jpg\r\n"
        "招聘会现场。\r\n\u3000\u3000人民网湘潭6月3日电 (彭一 实习生 胡二)今天上午,招聘会举行。\r\n"
        "\u3000\u3000共有50家企业参加。\r\n",
        {"title": "园区举办招聘会", "date": "2021-06-03T20:09:00+08:00",
         "source": "人民网-湖南频道", "authors": ("彭一", "胡二"),
         "figures": [("1.jpg", "招聘会现场。")], "last": "共有50家企业参加。"},
    ),
    (
        # outlet dateline without a date; names glued to their roles; an outlet among the names
        "outlet-dateline",
        """您当前的位置 : 中国某网 >> 评论 >> 媒体观点
园区启动第二届网络评论大赛
23-09-15 17:07 来源:荆楚网 编辑:邵江
荆楚网(湖北日报网)讯(湖北日报记者杨一、舒二 见习记者张三 通讯员宓四)金秋九月,大赛启动。
活动现场。杨一 摄
首衡城项目公司负责人介绍了平台体系。
""",
        {"title": "园区启动第二届网络评论大赛", "source": "荆楚网",
         "authors": ("杨一", "舒二", "张三", "宓四"), "editor": "邵江",
         "headings": [], "last": "首衡城项目公司负责人介绍了平台体系。"},
    ),
    (
        # government portal: site name and address before 时间/来源; closing (记者 X); 扫一扫
        "gov-portal",
        """开封菊花文化节签约项目102个
某省人民政府门户网站 www.example.gov.cn 时间:2019-10-19 07:43 来源:河南日报
在10月18日举行的推介签约仪式上,共签约项目102个。
这些项目已成为助推经济发展的强大动力。(记者 童一)
责任编辑:陈二
扫一扫在手机打开当前页
相关阅读:
""",
        {"title": "开封菊花文化节签约项目102个", "date": "2019-10-19T07:43:00+08:00",
         "source": "河南日报", "authors": ("童一",), "editor": "陈二",
         "last": "这些项目已成为助推经济发展的强大动力。"},
    ),
    (
        # county media client: 立即下载, date + 字号, picture placeholder and an unpunctuated
        # caption before the dateline, subheadings
        "county-client",
        """立即下载
何以莲乡|产业新 某县激活发展引擎
2025-05-19 10:33:42 字号:
图片1.png
某县天易经开区自主创新产业园
某县融媒体中心5月19日讯(记者 潘一)在都市圈的核心地带,某县正书写高质量发展篇章。
创新协同 强链补链筑高地
日前,省里公布园区创建综合评价情况。
图片2.png
某县县域交通路网
交通动脉见证着融合。
""",
        {"title": "何以莲乡|产业新 某县激活发展引擎", "date": "2025-05-19T10:33:42+08:00",
         "authors": ("潘一",),
         "figures": [("图片1.png", "某县天易经开区自主创新产业园"), ("图片2.png", "某县县域交通路网")],
         "headings": ["创新协同 强链补链筑高地"],
         "first": "在都市圈的核心地带，某县正书写高质量发展篇章。",
         "last": "交通动脉见证着融合。"},
    ),
    (
        # newspaper page: masthead, the date before the title, 本报记者 line, credit caption
        "newspaper",
        """国内统一刊号:CN43-0000 某日报社出版 订阅热线:0731-00000000
2021年05月14日
湘乡经开区特色产业强势崛起
本报记者 马一 通讯员 李二
电子信息产业园加快建设。(李三 摄)
在生产车间,一片片液晶显示屏从生产线上鱼贯而出。
今年一季度,园区产业项目建设交出了漂亮的成绩单。
""",
        {"title": "湘乡经开区特色产业强势崛起", "date": "2021-05-14T00:00:00+08:00",
         "authors": ("马一", "李二"), "first": "电子信息产业园加快建设。（李三 摄）",
         "last": "今年一季度，园区产业项目建设交出了漂亮的成绩单。"},
    ),
    (
        # the author's name alone between the title and the date; comment widget at the end
        "bare-name-byline",
        """回归园一期建设加速度

肖一

2012-12-25 09:13:46

投资区以回归创业园为载体,加快推进园区经济跨越发展。图为工人在创业园里紧张施工。郭二 摄

登录 评论一下
""",
        {"title": "回归园一期建设加速度", "date": "2012-12-25T09:13:46+08:00",
         "authors": ("肖一",),
         "first": "投资区以回归创业园为载体，加快推进园区经济跨越发展。图为工人在创业园里紧张施工。郭二 摄",
         "last": "投资区以回归创业园为载体，加快推进园区经济跨越发展。图为工人在创业园里紧张施工。郭二 摄"},
    ),
    (
        # national daily: 小字号 widget, 本报…电 dateline, print-edition line, (责编：…) footer
        "national-daily",
        """辽宁某市开工24个重点项目 总投资838.6亿元
2023年01月30日08:19 | 来源:人民网-《人民日报》
小字号
本报大连1月29日电 (记者胡一)某市28日举行重点项目开工活动,新开工项目共24个。
在开工的重点项目中,既有产业项目,也有社会民生事业项目。
《 人民日报 》( 2023年01月30日 10 版)
(责编:孝二、汤三)
分享让更多人看到
""",
        {"title": "辽宁某市开工24个重点项目 总投资838.6亿元", "date": "2023-01-30T08:19:00+08:00",
         "source": "人民网-《人民日报》", "authors": ("胡一",), "editor": "孝二",
         "last": "在开工的重点项目中，既有产业项目，也有社会民生事业项目。"},
    ),
    (
        # industry portal: site name with the date, 转自 as the source, bracketed disclaimer
        "reprinted-from",
        """多地重大项目抓紧开工建设
某产业经济信息网   时间:2024-02-22
  新春伊始,多地重大项目抓紧时间开工建设。
  19日,一批重点项目开工。
  转自:央视网
  【版权及免责声明】凡本网所属版权作品,转载时须获得授权并注明来源,违者本网将保留追究其相关法律责任的权力。
延伸阅读
版权所有:某产业经济信息网京ICP备00000000号-2
""",
        {"title": "多地重大项目抓紧开工建设", "date": "2024-02-22T00:00:00+08:00",
         "source": "央视网", "last": "19日，一批重点项目开工。",
         "copyright": "【版权及免责声明】凡本网所属版权作品，转载时须获得授权并注明来源，违者本网将保留追究其相关法律责任的权力。"},
    ),
    (
        # breadcrumb with >, 发布时间 glued to 来源
        "glued-fields",
        """某网 > 即时新闻 > 国内
商务部公布国家级经济技术开发区考核评价结果
发布时间:2023-12-28 15:38:00来源: 中国新闻网
  中新网12月28日电 据商务部网站消息,近日,商务部完成考核评价工作。
  一是经济发展质量提升。
""",
        {"title": "商务部公布国家级经济技术开发区考核评价结果", "date": "2023-12-28T15:38:00+08:00",
         "source": "中国新闻网", "authors": (),
         "first": "据商务部网站消息，近日，商务部完成考核评价工作。"},
    ),
    (
        # county government portal: 信息来源 and 浏览次数 widgets, bracketed print links,
        # 主办单位 footer
        "government-portal",
        """首页 > 政务动态 > 部门动态
某经开区召开安全生产工作会议
信息来源：某经开区  发布时间：2021-07-07 09:30  浏览次数：123  【字体：大 中 小】【打印】【关闭】
7月6日,某经开区召开安全生产工作会议,部署近期安全生产工作。
会议要求,各企业要压实主体责任。
【打印本页】【关闭窗口】
主办单位：某市人民政府办公室  承办单位：某市信息中心
湘ICP备00000000号
""",
        {"title": "某经开区召开安全生产工作会议", "date": "2021-07-07T09:30:00+08:00",
         "source": "某经开区", "headings": [], "last": "会议要求，各企业要压实主体责任。"},
    ),
]


def _headings(article):
    return [b.text for b in article.blocks if b.kind == "heading"]


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in LAYOUTS], ids=[c[0] for c in LAYOUTS])
def test_layout_facts(raw: str, expected: dict) -> None:
    article = parse_article(raw, "seeds/case.txt")
    facts = {
        "title": article.title, "date": article.date.isoformat(), "source": article.source,
        "authors": article.authors, "editor": article.editor, "source_url": article.source_url,
        "copyright": article.copyright, "first": article.paragraphs[0],
        "last": article.paragraphs[-1],
        "figures": [(f.name, f.caption) for f in article.figures], "headings": _headings(article),
    }
    for key, value in expected.items():
        assert facts[key] == value, key


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in LAYOUTS], ids=[c[0] for c in LAYOUTS])
def test_no_boilerplate_reaches_the_body(raw: str, expected: dict) -> None:
    article = parse_article(raw, "seeds/case.txt")
    body = "\n".join(b.text for b in article.blocks)
    for word in ("来源", "编辑", "责编", "一审", "分享", "阅读下一篇", "返回", "关于我们", "转载",
                 "本文链接", "原文链接", "当前位置", "首页", "字号", "我要评论", "立即下载", "原标题"):
        assert word not in body


def test_subheading_is_short_line_without_closing_punctuation() -> None:
    raw = "标题一则\n2022-01-01 08:00\n第一段文字。\n多层次出实招,解决企业用工需求\n第二段文字。\n"
    article = parse_article(raw)
    assert _headings(article) == ["多层次出实招，解决企业用工需求"]


def test_caption_pointer_line_is_not_a_heading() -> None:
    raw = "标题一则\n2022-01-01 08:00\n第一段文字。\n▲签约仪式现场\n第二段文字。\n"
    assert _headings(parse_article(raw)) == []


def test_navigation_row_without_separators_and_repeated_title_are_dropped() -> None:
    raw = ("首页 新闻中心 园区动态 通知公告 招商引资\n园区新闻标题\n2022-01-01 08:00\n"
           "园区新闻标题\n第一段文字。\n第二段文字。\n")
    article = parse_article(raw)
    assert article.title == "园区新闻标题"
    assert article.paragraphs == ("第一段文字。", "第二段文字。")


def test_sentences_with_footer_words_stay_in_the_body() -> None:
    raw = ("标题一则\n2022-01-01 08:00\n第一段文字。\n专家为企业提供技术支持。\n"
           "本次活动主办单位为市商务局。\n最后一段。\n")
    assert parse_article(raw).paragraphs == (
        "第一段文字。", "专家为企业提供技术支持。", "本次活动主办单位为市商务局。", "最后一段。")


def test_photo_credit_line_is_not_a_heading() -> None:
    raw = "标题一则\n2022-01-01 08:00\n第一段文字。\n活动现场。杨卓玉 摄\n第二段文字。\n"
    assert _headings(parse_article(raw)) == []


@pytest.mark.parametrize(
    ("raw", "line", "words"),
    [
        ("\n\n", 1, "empty"),
        ("只有一行正文而没有日期的文章。\n", 1, "no title"),
        ("一个标题\n\n正文第一段。\n正文第二段。\n", 2, "no date"),
    ],
)
def test_bad_input_names_line_and_what_to_do(raw: str, line: int, words: str) -> None:
    with pytest.raises(SeedError) as err:
        parse_article(raw, "seeds/bad.txt")
    assert str(err.value).startswith(f"seeds/bad.txt:{line}: ")
    assert words in str(err.value)
