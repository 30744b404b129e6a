"""The importer reads the layouts real portals use. Each case: raw text in, facts out."""

from __future__ import annotations

import logging
from datetime import datetime

import pytest

from park_digest.ingest.importer import script_of
from park_digest.ingest.markdown_out import article_markdown
from park_digest.ingest.parse import is_person_name, parse_article, split_names
from park_digest.ingest.rawtext import SeedError

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
         "authors": ("马一", "李二", "李三"), "first": "电子信息产业园加快建设。",
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
    (
        # site chrome above the headline: site name and slogan, a welcome line, a "today"
        # widget with 星期, skip links, a long row of links ending in "!"; the byline holds the
        # article's date
        "site-chrome-above-title",
        """加入收藏 | 设为首页 | 会员中心 | 我要投稿 某某园区网 (http://www.example.cn/)- 智能制造、工业软件、园区服务!
某某园区网——园区企业服务官方网站
您好，欢迎来到某某园区网！ 登录 注册
2024年04月26日 星期五 晴转多云
Skip to Content
园区首家独角兽企业挂牌
发布时间：2024-03-02 10:15 来源：园区发布
3月2日上午，园区首家估值超过十亿美元的企业举行挂牌仪式，二十多家投资机构到场。
该企业主营工业软件，去年营收同比增长四成。
""",
        {"title": "园区首家独角兽企业挂牌", "date": "2024-03-02T10:15:00+08:00", "source": "园区发布",
         "first": "3月2日上午，园区首家估值超过十亿美元的企业举行挂牌仪式，二十多家投资机构到场。"},
    ),
    (
        # a date beside 星期 in a header widget is the day of the copy: an unlabelled date on
        # the byline line wins over it
        "today-widget-ranks-last",
        """2025-10-13
星期一
园区九莲塘公园二期完工
2025-09-28 某某晚报
九月二十八日，园区九莲塘公园二期的桥梁、廊架和停车场全部完工，正在补种绿化。
公园建成后将和一期连成一片。
""",
        {"title": "园区九莲塘公园二期完工", "date": "2025-09-28T00:00:00+08:00"},
    ),
    (
        # Macau day-first date with time; a padded name and a (X消息) source line
        "day-first-date",
        """澳門半島新增兩座公共停車場
08.06.2015 17:25
(澳門電台消息)
交通事務局今日表示，兩座新停車場下月啟用，共提供四百多個車位。
停車場設有電動車充電位。
(彭 宁 馮志昌)
""",
        {"title": "澳門半島新增兩座公共停車場", "date": "2015-06-08T17:25:00+08:00",
         "source": "澳门电台", "authors": ("彭宁", "冯志昌"),
         "last": "停車場設有電動車充電位。"},
    ),
    (
        # Taiwan: ROC calendar with a Traditional label, an inline byline glued to the first
        # sentence, the outlet named by the byline credit, a wire trailer at the end
        "roc-calendar-inline-byline",
        """園區廠商擴大投資 新廠明年量產
發佈時間：民國112年12月28日 14:05
【記者李四／台北報導】園區一家半導體廠商今天宣布擴大投資，新廠預計明年量產。
廠商表示，新廠將創造六百個工作機會。（編輯：王小明）1121228
""",
        {"title": "園區廠商擴大投資 新廠明年量產", "date": "2023-12-28T14:05:00+08:00",
         "authors": ("李四",), "first": "園區一家半導體廠商今天宣布擴大投資，新廠預計明年量產。"},
    ),
    (
        # a wire story: 中央社記者王五台北28日電 opens the text; its date is the wire trailer
        "wire-byline",
        """園區推出新創補助方案
中央社記者王五台北28日電 園區管理局今天公布新創補助方案，每家最高補助五百萬元。
申請期限到明年三月底。
（編輯：陳六）1121228
""",
        {"title": "園區推出新創補助方案", "date": "2023-12-28T00:00:00+08:00",
         "source": "中央社", "authors": ("王五",), "editor": "陈六",
         "first": "園區管理局今天公布新創補助方案，每家最高補助五百萬元。"},
    ),
    (
        # 本报讯（记者 … 通讯员 …） opening the first paragraph; 稿源 names the source
        "benbao-byline",
        """园区新建污水处理厂通水
2024-05-06 08:00 稿源：湘乡日报
本报讯（记者 张三 通讯员 李四）5月5日，园区新建的污水处理厂正式通水运行。
该厂日处理能力两万吨。
""",
        {"title": "园区新建污水处理厂通水", "source": "湘乡日报", "authors": ("张三", "李四"),
         "first": "5月5日，园区新建的污水处理厂正式通水运行。"},
    ),
    (
        # 来源：未知 is no source; junk words in the author field are never names; 文/ 图/ credits
        "unknown-source-and-junk-names",
        """园区举办职工运动会
来源：未知 作者：驻郑办 发表日期：2020年09月10日 更新
文/张三 图/李四
9月9日，园区举办第三届职工运动会，三十家企业的八百多名职工参赛。
运动会设十个项目。
""",
        {"title": "园区举办职工运动会", "date": "2020-09-10T00:00:00+08:00", "source": None,
         "authors": ("张三", "李四")},
    ),
    (
        # 【記者…／…報導】 credits naming the outlet: （联合报记者…／桃园报导）
        "outlet-in-byline-credit",
        """園區物流中心啟用
2023-11-02 09:00
（聯合報記者趙七／桃園報導）園區物流中心今天啟用，每天可處理十萬件包裹。
物流中心採用自動分揀設備。
""",
        {"title": "園區物流中心啟用", "source": "联合报", "authors": ("赵七",)},
    ),
    (
        # furniture inside the text: print widgets, page numbers, QR prompts, view counters,
        # share rows, hashtags, a bare file name; all short and not sentences
        "furniture-in-body",
        """园区举办科技成果对接会
2024-06-18 09:30 来源：园区发布
6月18日，园区举办科技成果对接会，十二所高校带来八十多项成果。
【打印】【关闭】
字号：放大 缩小 默认
阅读：36
扫描二维码访问手机版
分享该文章
第1页 第2页
IMG_20240618.jpg
#科技成果#园区
现场签约项目十五个，合同金额两亿元。
精彩图片
""",
        {"title": "园区举办科技成果对接会", "first": "6月18日，园区举办科技成果对接会，十二所高校带来八十多项成果。",
         "last": "现场签约项目十五个，合同金额两亿元。"},
    ),
    (
        # a caption credited to its source stands before the first paragraph: it joins the body;
        # a numbered heading opens the text of a regulation
        "caption-and-numbered-heading-open-the-body",
        """园区服务企业办法公布
发布时间：2024-07-01 09:00
企业代表在政务大厅办理登记（园区管委会供图）
一、总则
为优化营商环境，园区制定本办法，自发布之日起施行。
二、服务内容
园区为入驻企业提供登记、用工和融资等服务。
""",
        {"title": "园区服务企业办法公布", "first": "企业代表在政务大厅办理登记（园区管委会供图）",
         "headings": ["一、总则", "二、服务内容"], "last": "园区为入驻企业提供登记、用工和融资等服务。"},
    ),
]
FURNITURE = ("【打印】", "字号", "阅读：36", "二维码", "分享该文章", "第1页", "IMG_20240618", "#科技成果",
             "精彩图片")

def _headings(article):
    return [b.text for b in article.blocks if b.kind == "heading"]


def parse(raw: str):
    """As the importer reads a seed: a Traditional text is read in Simplified, shown as it is
    (title and body in Traditional; bylines, names and outlets in Simplified)."""
    script, simplified = script_of(raw)
    if script == "zh-hant":
        return parse_article(simplified, "seeds/case.txt", display=raw)
    return parse_article(raw, "seeds/case.txt")


@pytest.mark.parametrize(("raw", "expected"), [c[1:] for c in LAYOUTS], ids=[c[0] for c in LAYOUTS])
def test_layout_facts(raw: str, expected: dict) -> None:
    article = parse(raw)
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
    article = parse(raw)
    body = "\n".join(b.text for b in article.blocks)
    for word in (*FURNITURE, "来源", "编辑", "责编", "一审", "分享", "阅读下一篇", "返回", "关于我们", "转载",
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


DATELINE_ONLY = "园区新建厂房投用\n红网时刻12月25日讯（记者 张三）今天，园区新建厂房投用。\n厂房共六栋。\n"


def test_dateline_without_year_takes_the_year_of_a_url_in_the_text() -> None:
    raw = DATELINE_ONLY + "原文链接：https://www.example.cn/content/2023/12/25/1.html\n"
    article = parse_article(raw, "seeds/x.txt", seed_mtime=datetime(2026, 1, 5).timestamp())
    assert article.date.date().isoformat() == "2023-12-25"
    assert not article.date_inferred


def test_dateline_without_year_takes_the_seed_files_year_and_says_so(caplog) -> None:
    # saved on 2026-01-05: 12月25日 is the 25th of December before it, not a date ahead
    with caplog.at_level(logging.INFO):
        article = parse_article(DATELINE_ONLY, "seeds/x.txt",
                                seed_mtime=datetime(2026, 1, 5, 12).timestamp())
    assert article.date.date().isoformat() == "2025-12-25"
    assert article.date_inferred
    assert "seeds/x.txt:2:" in caplog.text and "date_inferred" in caplog.text
    md = article_markdown(article, slug="s", category=None, tags=[], raw="seeds/x.txt",
                          raw_sha256="0" * 64, images={})
    assert "\ndate_inferred: true\n" in md


def test_a_date_read_from_the_text_is_not_marked_inferred() -> None:
    article = parse_article("标题一则\n2022-01-01 08:00\n第一段文字。\n", "seeds/x.txt")
    md = article_markdown(article, slug="s", category=None, tags=[], raw="seeds/x.txt",
                          raw_sha256="0" * 64, images={})
    assert not article.date_inferred and "date_inferred" not in md


@pytest.mark.parametrize("word", ["发表", "更新", "图片欣赏", "驻郑办", "星期一", "全文", "支持沃草"])
def test_junk_is_never_a_name(word: str) -> None:
    assert not is_person_name(word, strict=True)
    assert word not in split_names(f"作者：{word}")


@pytest.mark.parametrize("name", ["张三", "欧阳娜娜", "司马相如", "陳倩彤", "阿依古丽·买买提", "Owen Marsh"])
def test_a_known_surname_and_one_to_three_characters_is_a_name(name: str) -> None:
    assert is_person_name(name)


def test_a_nickname_counts_only_after_a_key() -> None:
    assert split_names("小禾") == ["小禾"]  # the value of 责任编辑：小禾
    assert not is_person_name("小禾", strict=True)


def test_an_outlet_closing_the_text_is_the_source_and_leaves_it() -> None:
    raw = "澳门新增两座停车场\n08.06.2015 17:25\n交通事务局表示，两座新停车场下月启用。(澳门电台消息)\n"
    article = parse_article(raw, "seeds/x.txt")
    assert article.source == "澳门电台"
    assert article.paragraphs == ("交通事务局表示，两座新停车场下月启用。",)


def test_an_outlet_opening_the_text_is_the_source_and_leaves_it() -> None:
    raw = "澳门新增两座停车场\n08.06.2015 17:25\n(澳门电台消息) 交通事务局表示，两座新停车场下月启用。\n"
    article = parse_article(raw, "seeds/x.txt")
    assert article.source == "澳门电台"
    assert article.paragraphs == ("交通事务局表示，两座新停车场下月启用。",)


def test_a_columnists_name_before_the_title_is_the_author_when_the_page_names_him_again() -> None:
    raw = ("沈立衡：园区治理的三个难题\n沈立衡 (进入专栏)\n2021-03-02 10:00\n"
           "园区治理有三个难题，第一个是用地，第二个是用工，第三个是用能。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert article.title == "园区治理的三个难题"
    assert article.authors == ("沈立衡",)


def test_a_speakers_name_before_the_title_stays_in_it() -> None:
    raw = "王立：园区今年新增就业岗位三千个\n2021-03-02 10:00\n王立在会上说，园区今年新增就业岗位三千个。\n"
    article = parse_article(raw, "seeds/x.txt")
    assert article.title == "王立：园区今年新增就业岗位三千个"
    assert article.authors == ()


def test_a_section_tag_before_the_title_and_an_outlet_glued_to_its_reporter() -> None:
    raw = ("【湘潭市】园区十个产业项目竣工投产\n2020年12月29日 11:52北国网颜小棠\n"
           "12月25日，园区十个重大产业项目集中竣工投产，总投资二十一亿元。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert article.title == "园区十个产业项目竣工投产"
    assert (article.source, article.authors) == ("北国网", ("颜小棠",))


def test_writer_and_photographer_keys_of_a_traditional_page() -> None:
    raw = ("園區新廠房落成\n更新時間：2023-05-02 09:00\n撰文：林小明 攝影：張大同\n"
           "園區新建的廠房今天落成，共有六棟。\n")
    article = parse(raw)
    assert article.date.isoformat() == "2023-05-02T09:00:00+08:00"
    assert article.authors == ("林小明", "张大同")


def test_a_headline_right_above_the_writers_name_beats_a_rail_of_other_headlines() -> None:
    raw = ("今日新闻 社论 评论 专题报导 回首页\n中华民国91年3月19日星期二\n园区拼招商却放走龙头企业？\n"
           "对偷跑的企业要拿出魄力处罚！\n国营事业西进就能活吗？\n园区拼招商却放走龙头企业？\n☉孙启明\n"
           "拿自己的矛去刺自己的盾，这个寓言人人都听过，园区的招商政策却正在上演。\n"
           "自相矛盾也好，互相矛盾也罢，说到底都是政策的矛盾。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert article.title == "园区拼招商却放走龙头企业？"
    assert article.authors == ("孙启明",)
    assert article.date.date().isoformat() == "2002-03-19"


def test_the_published_date_beats_other_labelled_dates_on_one_line() -> None:
    raw = ("园区管委会关于印发安全生产规定的通知\n产生日期： 2009-09-20 发 布 日 期： 2009-09-30 失效日期： 2025-02-13\n"
           "各企业：现将安全生产规定印发给你们，请认真贯彻执行。\n")
    assert parse_article(raw, "seeds/x.txt").date.date().isoformat() == "2009-09-30"


def test_key_bar_value_bylines_of_reposted_wechat_articles() -> None:
    raw = ("程序员的三十年\n2021-10-13 10:14\n作者 | 覃启明 责编 | 汤晓音\n"
           "首页 | 资讯 | 专题 | 关于\n三十年前，他第一次在学校的机房里见到了计算机。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert (article.authors, article.editor) == (("覃启明",), "汤晓音")
    assert article.paragraphs == ("三十年前，他第一次在学校的机房里见到了计算机。",)


def test_a_row_of_topic_tags_is_chrome_neither_title_nor_body() -> None:
    # tags may follow their section and hold spaces: 医疗法律 | #劳动权益#ESG, #WSJ#端 x 华尔街日报
    raw = ("园区动态 | #园区企业#值守\n2024/07/05\n\n夜班制度的几点思考\n\n"
           "园区企业的值守安排各有不同，本文只谈制造企业的做法。\n#ESG#园区企业#湘乡 x 经开区\n"
           "值守人员的轮换周期，各企业大多定为一周。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert article.title == "夜班制度的几点思考"
    assert article.paragraphs == ("园区企业的值守安排各有不同，本文只谈制造企业的做法。",
                                  "值守人员的轮换周期，各企业大多定为一周。")
    # a sentence holding tags stays
    raw = raw.replace("#ESG#园区企业#湘乡 x 经开区", "#园区#记者从#湘乡经开区获悉，今年新签约项目十二个。")
    assert "#园区#记者从#湘乡经开区获悉，今年新签约项目十二个。" in parse_article(raw, "x").paragraphs


@pytest.mark.parametrize(("header", "outlet"), [
    ("园区新厂房落成\n2015-01-08 16:40:04\n\n湘乡网\n", "湘乡网"),  # a portal: title, date, outlet
    ("园区新厂房落成\nOriginal\n李明\n园区新闻\n2021-06-26\n", "园区新闻"),  # an account's repost
])
def test_an_outlet_alone_beside_the_date_line_is_the_source(header: str, outlet: str) -> None:
    raw = header + "园区新建的六栋厂房今天落成，首批三家企业搬入。\n厂房配套的道路也已完工。\n"
    assert parse_article(raw, "seeds/x.txt").source == outlet


def test_a_name_alone_beside_the_date_line_is_no_source() -> None:
    raw = "园区新厂房落成\n2015-01-08 16:40:04\n李明\n园区新建的六栋厂房今天落成，首批三家企业搬入。\n"
    assert parse_article(raw, "seeds/x.txt").source is None


def test_the_date_under_the_title_beats_the_dates_of_a_rail_of_other_headlines() -> None:
    raw = ("2024年12月3日 星期二\n园区招商的新思路\n◆ 园区道路改造完工\n◆ 新厂房首批企业入驻 2019-09-18 18:22\n"
           "◆ 园区夜校开课 2019-09-18 18:32\n园区招商的新思路\n2024-12-02 10:42 文/ 杜书维 提供\n"
           "最近，园区招商工作有了新的思路，管委会把重点放在了产业链的补齐上。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert article.date.isoformat() == "2024-12-02T10:42:00+08:00"


def test_captions_of_a_lead_picture_between_the_byline_and_the_text_are_kept() -> None:
    raw = ("园区新厂房落成投用\n2006年04月10日 08:51 湘乡网\n\n新厂房一角\n\n参观的企业代表\n\n"
           "园区新建的六栋厂房今天落成，首批三家企业搬入，企业代表参观了新车间。\n"
           "厂房配套的道路和绿化也已同步完工，企业可以直接入驻。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert [b.text for b in article.blocks[:2]] == ["新厂房一角", "参观的企业代表"]
    # a widget or a label there is no caption
    raw = raw.replace("新厂房一角", "【点击图片进入下一页】").replace("参观的企业代表", "进入专题： 园区")
    assert parse_article(raw, "seeds/x.txt").paragraphs[0].startswith("园区新建的六栋厂房")


def test_the_caption_under_the_last_picture_is_kept() -> None:
    raw = ("园区新厂房落成投用\n2025-05-19 10:33:42\n园区新建的六栋厂房今天落成，首批三家企业搬入，"
           "企业代表参观了新车间。\n图片1.png\n园区新厂房全景\n")
    figure = parse_article(raw, "seeds/x.txt").blocks[-1].figure
    assert (figure.name, figure.caption) == ("图片1.png", "园区新厂房全景")


@pytest.mark.parametrize(("byline", "authors"), [
    # names with their affiliations in brackets, on a line of their own however long
    ("邵品宽（湘乡经开区企业服务中心主任/某医学中心外科加护病房主任）/ 沈慧蓉（某综合法律事务所资深律师）",
     ("邵品宽", "沈慧蓉")),
    ("2024-12-02 10:42 文/ 杜书维(某公益法律事务所 律师) 提供", ("杜书维",)),  # on the dated line
    ("作者|言珊珊", ("言珊珊",)),  # a rarer surname: the key vouches for the name
    ("作者：网站编辑部", ()),  # but not for an office
])
def test_bylines_with_affiliations_and_keyed_names(byline: str, authors: tuple) -> None:
    raw = (f"园区招商的新思路\n2024-12-02 10:42\n{byline}\n"
           "最近，园区招商工作有了新的思路，管委会把重点放在了产业链的补齐上。\n")
    assert parse_article(raw, "seeds/x.txt").authors == authors


def test_a_sentence_with_a_bracketed_aside_stays_in_the_body() -> None:
    raw = ("园区招商的新思路\n2024-12-02 10:42\n"
           "最近，园区招商工作有了新的思路（管委会称之为补链），重点放在了产业链的补齐上。\n"
           "张三（园区招商局局长）\n厂房配套的道路和绿化也已同步完工，企业可以直接入驻。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert article.paragraphs[0].startswith("最近，园区招商工作")
    # one name with an aside is a portrait's caption: it stays, and is no author
    assert "张三（园区招商局局长）" in [b.text for b in article.blocks] and article.authors == ()


def test_a_list_of_past_issues_gives_no_date_and_the_dateline_year_is_inferred() -> None:
    raw = ("园区新厂房落成投用\n本报湘乡7月31日讯（记者 张三）7月28日，园区新建的六栋厂房落成投用。\n"
           "分享到：\n过往期刊\n• 第2018-07-31期\n• 第2018-07-30期\n• 第2018-07-29期\n")
    article = parse_article(raw, "seeds/x.txt", seed_mtime=datetime(2026, 8, 5).timestamp())
    assert article.date.date().isoformat() == "2026-07-31" and article.date_inferred


def test_a_labelled_summary_repeating_the_text_is_dropped_one_of_its_own_stays() -> None:
    text = "园区新建的六栋厂房今天落成，首批三家企业搬入，企业代表参观了新车间。"
    raw = f"园区新厂房落成投用\n2024-03-12 09:30\n导读：{text}\n{text}\n厂房配套的道路也已完工。\n"
    assert parse_article(raw, "seeds/x.txt").paragraphs == (text, "厂房配套的道路也已完工。")
    raw = f"园区新厂房落成投用\n2024-03-12 09:30\n摘要：园区今年的第一批新厂房交付。\n{text}\n"
    assert parse_article(raw, "seeds/x.txt").paragraphs[0] == "摘要：园区今年的第一批新厂房交付。"


def test_the_labelled_title_of_a_government_metadata_table() -> None:
    raw = ("• 网站首页\n• 政府信息公开\n信息名称：湘乡经开区管委会关于印发安全生产规定的通知\n"
           "索 引 号：014119467/2009-00004\n组配分类：管委会文件\n公开方式：主动公开\n"
           "文件编号：湘经开发〔2009〕10号 发布机构：管委会办公室\n"
           "产生日期： 2009-09-20 发布日期： 2009-09-30\n"
           "各企业：现将安全生产规定印发给你们，请结合本单位实际认真贯彻执行。\n")
    article = parse_article(raw, "seeds/x.txt")
    assert article.title == "湘乡经开区管委会关于印发安全生产规定的通知"
    assert article.date.date().isoformat() == "2009-09-30"


def test_the_upload_date_of_a_letter_spaced_metadata_table_is_the_date() -> None:
    raw = ("索 引 号 20191202-189769 分 类 其他; 管委会办公室\n"
           "发 布 机 构 管委会办公室 发 文 日 期 2019-11-29\n"
           "名 称 湘乡经开区管委会办公室关于印发园区安全生产规定的通知\n"
           "文 号 湘经开办发〔2019〕29号 上 载 日 期 2019-12-02\n"
           "湘乡经开区管委会办公室关于印发园区安全生产规定的通知\n"
           "管委会已经同意《园区安全生产规定》，现印发给你们，请结合实际认真贯彻执行。\n"
           "湘乡经开区管委会办公室\n2019年11月29日\n")
    assert parse_article(raw, "seeds/x.txt").date.date().isoformat() == "2019-12-02"
