"""Write the saved-page fixtures of this folder: ``python tests/fidelity/html/make_fixtures.py``.

Twelve invented articles, each saved in the shape of a kind of site that editors save pages
from: mainland news portals, government portals, newspaper e-paper editions, Hong Kong and
Taiwan news sites; in UTF-8, GBK and Big5 (declared, or left for detection); as a complete save
(``name.html`` + ``name_files/``), as HTML only, and as MHTML. Pictures are drawn by Pillow
(``bench/html_pages.py``), furniture among them (logos, QR codes, share icons, trackers,
avatars, banners). The expected facts beside each page (``name.json``) are written by hand in
the ``EXPECTED`` table at the end, not read back from the importer.

Running the script again writes the same bytes.
"""

from __future__ import annotations

import base64
import json
import quopri
import shutil
import sys
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.html_pages import flat, photo, qr_code  # noqa: E402

PHOTO = (320, 200)


def pic(seed: int) -> bytes:
    return photo(*PHOTO, seed)


FURNITURE = {
    "logo.png": lambda: flat(220, 60, (200, 30, 30)),
    "qrcode.png": lambda: qr_code(129, 3),
    "ico_share.png": lambda: flat(24, 24, (230, 80, 40)),
    "stat.gif": lambda: flat(1, 1, (255, 255, 255), "GIF"),
    "top_banner.jpg": lambda: flat(960, 90, (40, 90, 200), "JPEG"),
}


def write_complete(stem: str, html: str, files: dict[str, bytes], charset: str) -> None:
    folder = HERE / f"{stem}_files"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (HERE / f"{stem}.html").write_bytes(html.encode(charset))


def write_html_only(stem: str, html: str, charset: str) -> None:
    (HERE / f"{stem}.html").write_bytes(html.encode(charset))


def write_mhtml(stem: str, html: str, url: str, parts: dict[str, bytes], charset: str) -> None:
    msg = MIMEMultipart("related", type="text/html", boundary="----MultipartBoundary--fixture--")
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = url
    msg["Subject"] = "=?utf-8?Q?saved?="
    page = MIMENonMultipart("text", "html", charset=charset)
    page["Content-Transfer-Encoding"] = "quoted-printable"
    page["Content-Location"] = url
    page.set_payload(quopri.encodestring(html.encode(charset)).decode("ascii"))
    msg.attach(page)
    for loc, data in parts.items():
        kind = {"jpg": "jpeg"}.get(loc.rsplit(".", 1)[-1], loc.rsplit(".", 1)[-1])
        res = MIMENonMultipart("image", kind)
        res["Content-Transfer-Encoding"] = "base64"
        res["Content-Location"] = loc
        res.set_payload(base64.encodebytes(data).decode("ascii"))
        msg.attach(res)
    (HERE / f"{stem}.mhtml").write_bytes(msg.as_bytes())


def furniture(prefix: str) -> dict[str, bytes]:
    return {prefix + name: make() for name, make in FURNITURE.items()}


# --- 1. mainland portal, UTF-8, complete, lazy-loaded pictures ----------------------------------
def portal_utf8() -> None:
    stem = "portal-utf8-complete"
    f = f"./{stem}_files/"
    html = f"""<!DOCTYPE html>
<!-- saved from url=(0054)https://hn.example-news.cn/content/2024/03/08/1001.html -->
<html><head><meta charset="utf-8">
<title>湘乡经开区新能源电池项目一期投产_湖南频道_示例新闻网</title>
<meta name="keywords" content="湘乡,经开区,电池">
<meta name="author" content="示例新闻网">
<script src="{f}jquery.min.js"></script>
</head><body>
<div class="header"><a href="/"><img src="{f}logo.png" alt="示例新闻网"></a>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/hn/">湖南</a></li><li><a href="/xt/">湘潭</a></li><li><a href="/v/">视频</a></li></ul></div>
<div class="banner"><a href="https://promo.example.org/"><img src="{f}top_banner.jpg"></a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/hn/">湖南频道</a> &gt; 正文</div>
<div class="article">
<h1 class="title">湘乡经开区新能源电池项目一期投产</h1>
<div class="info"><span>来源：湘潭日报</span><span>作者：胡晓明 邓雨桐</span><span>编辑：欧阳静</span><span>2024-03-08 17:42:05</span></div>
<div class="tools">字号：大 中 小 <a href="#"><img src="{f}ico_share.png" alt="分享">分享</a></div>
<div class="content">
<p>　　3月8日上午，湘乡经开区新能源电池项目一期正式投产，首条生产线当天下线第一批电芯产品。</p>
<p style="text-align:center"><img src="{f}loading.gif" data-src="{f}W020240308512.jpg" alt=""></p>
<p style="text-align:center">投产仪式现场。记者 胡晓明 摄</p>
<p>　　该项目总投资约十二亿元，一期建设两条自动化生产线，达产后年产值预计超过八亿元，可提供就业岗位六百余个。</p>
<p><strong>从签约到投产用时十一个月</strong></p>
<p>　　项目去年四月签约落地，园区组建专班全程代办审批手续，施工高峰期每周召开一次调度会，协调解决用电、用水和道路配套问题。</p>
<p style="text-align:center"><img src="{f}loading.gif" data-src="{f}W020240308513.jpg" alt=""></p>
<p style="text-align:center">工人在生产线上检查电芯。</p>
<p>　　企业负责人介绍，二期项目计划年内开工，届时将新增储能电池模组生产能力。（胡晓明 邓雨桐）</p>
</div>
<div class="statement">本文为示例新闻网原创稿件，未经授权不得转载。</div>
<div class="qr"><img src="{f}qrcode.png" alt="扫码关注"><span>扫一扫 手机看新闻</span></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/c/1.html">湘潭市召开全市园区工作推进会议</a></li><li><a href="/c/2.html">又一批重点项目集中开工建设</a></li></ul></div>
</div>
<div class="footer"><p>关于我们 | 广告服务 | 联系我们</p><p>Copyright © 示例新闻网 版权所有 湘ICP备12345678号</p><img src="{f}stat.gif" width="1" height="1"></div>
</body></html>
"""
    files = {"W020240308512.jpg": pic(101), "W020240308513.jpg": pic(102),
             "loading.gif": flat(16, 16, (220, 220, 220), "GIF"), "jquery.min.js": b"/* js */\n",
             **furniture("")}
    write_complete(stem, html, files, "utf-8")


# --- 2. mainland portal, GBK declared (gb2312), complete -----------------------------------------
def portal_gbk() -> None:
    stem = "portal-gbk-complete"
    f = f"{stem}_files/"
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>园区举办春季招聘会 三千余个岗位虚位以待--湘潭频道--示例在线</title>
<meta name="description" content="园区举办春季招聘会">
<link rel="canonical" href="http://xt.example-online.cn/n2/2024/0312/c1001-2001.html">
</head><body>
<div id="top"><img src="{f}logo.png" alt="示例在线" /><a href="/">首页</a>|<a href="/n/">新闻</a>|<a href="/z/">专题</a></div>
<div class="clearfix w1000">
<div class="text_title">
<h1>园区举办春季招聘会 三千余个岗位虚位以待</h1>
<div class="box01"><div class="fl">2024年03月12日09:30&nbsp;&nbsp;来源：<a href="http://xt.example-online.cn/">示例在线－湘潭频道</a></div>
<div class="fr"><a href="#"><img src="{f}ico_share.png" /></a> 分享到：</div></div>
</div>
<div class="box_con" id="rwb_zw">
<p>　　示例在线湘潭3月12日电 （记者 唐文博、通讯员 曾思远）3月12日，湘乡经开区2024年春季招聘会在园区人力资源市场举行，四十八家企业提供就业岗位三千余个。</p>
<p style="text-align: center;"><img src="{f}2001_1.jpg" width="320" height="200" /></p>
<p class="pictext" style="text-align: center;">求职者在招聘会现场咨询。</p>
<p>　　招聘会设置电子信息、装备制造、食品加工等专区，企业现场面试、当场签约，另有二十余家企业通过直播间介绍岗位。</p>
<p>　　园区人力资源部门负责人说，今年将继续开展送岗下乡活动，帮助企业解决用工难题。</p>
<p style="text-align: right;">(责编：孔祥瑞、韩梦琪)</p>
</div>
<div class="edit clearfix">分享让更多人看到</div>
<div class="box_pic"><img src="{f}qrcode.png" /> 示例在线客户端</div>
</div>
<div id="copyright">示例在线版权所有，未经书面授权禁止使用<br />Copyright &copy; 1997-2024 by example-online.cn. all rights reserved</div>
<img src="{f}stat.gif" width="1" height="1" />
</body></html>
"""
    files = {"2001_1.jpg": pic(201), **furniture("")}
    write_complete(stem, html, files, "gbk")


# --- 3. mainland portal, GBK without a declaration, HTML only ------------------------------------
def portal_gbk_detect() -> None:
    stem = "portal-gbk-undeclared-htmlonly"
    html = """<html><head>
<title>湘潭在线 - 园区企业获评省级专精特新“小巨人”</title>
</head><body>
<div class="logo"><img src="https://www.example-xt.cn/images/logo.png"></div>
<div class="nav"><a href="/">网站首页</a> <a href="/news/">新闻中心</a> <a href="/yq/">园区动态</a></div>
<div class="position">您现在的位置：首页 &gt;&gt; 园区动态</div>
<table width="960"><tr><td>
<div class="title">园区企业获评省级专精特新“小巨人”</div>
<div class="time"><span id="pubtime">2024年03月15日 10:20</span> 浏览次数：<span>1024</span> 【打印本页】【关闭窗口】</div>
<div id="article_content">
<p>湘潭在线3月15日讯（记者 刘思琪 通讯员 周振华）日前，省工业和信息化厅公布新一批专精特新“小巨人”企业名单，湘乡经开区三家企业榜上有名。</p>
<p align="center"><img src="https://www.example-xt.cn/upload/2024/03/15/a1.jpg" alt="企业研发中心的实验室。"></p>
<p>这三家企业分别从事精密铸造、电子元件和新型建材的研发生产，近三年研发投入年均增长百分之二十以上。</p>
<p align="center"><img src="https://www.example-xt.cn/upload/2024/03/15/a2.jpg"></p>
<p align="center">企业生产车间一角。</p>
<p>截至目前，园区已累计培育省级专精特新企业二十一家。</p>
</div>
<div class="editor">责任编辑：彭佳怡</div>
</td></tr></table>
<div class="foot">主办单位：湘潭在线 技术支持：示例科技 湘ICP备00000001号</div>
</body></html>
"""
    write_html_only(stem, html, "gbk")


# --- 4. government portal, UTF-8, complete -------------------------------------------------------
def gov_utf8() -> None:
    stem = "gov-portal-utf8-complete"
    f = f"./{stem}_files/"
    html = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="SiteName" content="湘乡市人民政府">
<meta name="ColumnName" content="园区动态">
<meta name="ArticleTitle" content="湘乡经济开发区召开安全生产工作部署会">
<meta name="PubDate" content="2024-04-02 16:45">
<meta name="ContentSource" content="湘乡经济开发区管委会">
<meta name="Author" content="湘乡市人民政府">
<title>湘乡经济开发区召开安全生产工作部署会 - 湘乡市人民政府</title>
</head><body>
<div class="gov-head"><img src="{f}gh_logo.png" alt="国徽"><img src="{f}logo.png" alt="湘乡市人民政府"></div>
<div class="gov-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/bsfw/">办事服务</a><a href="/hdjl/">互动交流</a></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 园区动态</div>
<table class="article" width="100%"><tr><td class="title"><h2>湘乡经济开发区召开安全生产工作部署会</h2></td></tr>
<tr><td class="property">发布时间：2024-04-02 16:45　来源：湘乡经济开发区管委会　浏览次数：<span id="hits">386</span>　【字体：<a>大</a> <a>中</a> <a>小</a>】</td></tr>
<tr><td><div class="TRS_Editor">
<p>　　4月2日下午，湘乡经济开发区召开安全生产工作部署会，传达学习上级安全生产会议精神，部署当前重点工作。园区各企业安全负责人共八十余人参加会议。</p>
<p align="center"><img src="{f}W020240402345678901234.jpg" width="320" height="200" oldsrc="W020240402345678901234.jpg"></p>
<p align="center">会议现场</p>
<p>　　会议要求，各企业要压紧压实主体责任，开展为期三个月的隐患排查整治，重点检查危险化学品储存、有限空间作业和消防通道。</p>
<p>　　一、全面排查风险隐患</p>
<p>　　园区安监部门将组织专家逐企检查，对发现的问题建立台账，限期整改到位。</p>
<p>　　二、强化应急演练</p>
<p>　　各企业每季度至少组织一次应急演练，提高员工自救互救能力。</p>
</div></td></tr>
<tr><td class="fj">附件：<a href="/files/2024/ap.docx">1.安全生产隐患排查表.docx</a></td></tr>
<tr><td class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
<div class="share"><img src="{f}qrcode.png" alt="">扫一扫在手机打开当前页</div>
<div class="gov-foot"><p>主办单位：湘乡市人民政府办公室 承办单位：湘乡市政务服务中心</p><p>网站标识码：4303810001 湘ICP备00000002号 湘公网安备 43038102000001号</p><img src="{f}jiucuo.png" alt="政府网站找错"></div>
</body></html>
"""
    files = {"W020240402345678901234.jpg": pic(401), "gh_logo.png": flat(64, 64, (200, 0, 0)),
             "jiucuo.png": flat(110, 55, (200, 0, 0)), **furniture("")}
    write_complete(stem, html, files, "utf-8")


# --- 5. government portal, GB18030, MHTML --------------------------------------------------------
def gov_mhtml() -> None:
    stem = "gov-portal-gb18030-mhtml"
    url = "http://www.example-gov.cn/xxgk/yqdt/202405/t20240510_1234567.html"
    base = "http://www.example-gov.cn/xxgk/yqdt/202405/"
    html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb18030">
<meta name="ArticleTitle" content="园区五月份重点项目建设观摩活动举行">
<meta name="PubDate" content="2024-05-10 11:08">
<meta name="ContentSource" content="湘乡市发展和改革局">
<title>园区五月份重点项目建设观摩活动举行_湘乡市人民政府</title></head><body>
<div class="head"><img src="../../images/logo.png"></div>
<div class="nav"><a href="/">网站首页</a> <a href="/xxgk/">信息公开</a> <a href="/ztzl/">专题专栏</a></div>
<div class="main">
<h1 class="xl-title">园区五月份重点项目建设观摩活动举行</h1>
<div class="xl-info">信息来源：湘乡市发展和改革局 发布日期：2024-05-10 11:08 【字体：大 中 小】</div>
<div class="xl-text">
<p>5月10日，湘乡经开区组织开展五月份重点项目建设观摩活动，观摩组先后走进六个在建项目现场。</p>
<p style="text-align:center"><img src="./W020240510111.jpg" title="观摩组在项目工地听取情况介绍。"></p>
<p>观摩中，各项目负责人介绍了工程进度、投资完成情况和下一步计划。</p>
<p style="text-align:center"><img src="./W020240510112.jpg"></p>
<p style="text-align:center">▲在建的标准化厂房。</p>
<p>据统计，园区今年以来已完成固定资产投资十八亿元，同比增长百分之十二。</p>
<p>（撰稿：何文静 审核：蒋立新）</p>
</div></div>
<div class="foot">湘乡市人民政府 版权所有 网站标识码：4303810002</div>
<img src="http://count.example-gov.cn/c.gif?id=1" width="1" height="1">
</body></html>
"""
    parts = {base + "W020240510111.jpg": pic(501), base + "W020240510112.jpg": pic(502),
             "http://www.example-gov.cn/images/logo.png": FURNITURE["logo.png"](),
             "http://count.example-gov.cn/c.gif?id=1": FURNITURE["stat.gif"]()}
    write_mhtml(stem, html, url, parts, "gb18030")


# --- 6. newspaper e-paper edition (Founder layout), UTF-8, complete ------------------------------
def epaper_utf8() -> None:
    stem = "epaper-utf8-complete"
    f = f"./{stem}_files/"
    html = f"""<!DOCTYPE html><html><head><meta charset="UTF-8">
<title>湘潭日报数字报-湘乡经开区：“链长制”织密产业网</title>
<link rel="canonical" href="https://epaper.example-daily.cn/html/2024-05/20/content_20240520_3_5.htm">
</head><body>
<div class="paper-head"><img src="{f}paper_logo.png"> 2024年05月20日 星期一 <a href="node_1.htm">第01版：要闻</a> <a href="node_3.htm">第03版：园区经济</a></div>
<table><tr><td class="bm-nav"><ul><li><a href="node_1.htm">01：要闻</a></li><li><a href="node_2.htm">02：时政</a></li><li><a href="node_3.htm">03：园区经济</a></li></ul>
<ul class="list"><li><a href="content_20240520_3_4.htm">园区新增两家规上工业企业</a></li><li><a href="content_20240520_3_6.htm">一季度外贸进出口稳中有升</a></li></ul></td>
<td class="content">
<h3>引题：抓项目 强产业</h3>
<h1>湘乡经开区：“链长制”织密产业网</h1>
<h2>全年计划引进产业链项目三十个</h2>
<div class="author">□ 本报记者 陈嘉禾 通讯员 赵一鸣</div>
<founder-content>
<p>　　今年以来，湘乡经开区推行产业链“链长制”，由区领导分别牵头电子信息、先进装备制造和新材料三条产业链，逐链制定招商图谱。</p>
<table class="pic" align="center"><tr><td><img src="{f}b3_1.jpg" width="320"></td></tr><tr><td class="picnote">园区电子信息产业园内，工人在组装显示模组。 通讯员 赵一鸣 摄</td></tr></table>
<p>　　园区梳理出上下游配套企业名单二百余家，组织小分队赴珠三角、长三角开展精准招商。</p>
<p>　　“一条链就是一张网，补上一个环节，就能带动一片。”园区招商部门负责人说。</p>
</founder-content>
</td></tr></table>
<div class="paper-foot">湘潭日报社版权所有 未经授权禁止复制或建立镜像</div>
</body></html>
"""
    files = {"b3_1.jpg": pic(601), "paper_logo.png": flat(300, 50, (180, 20, 20)),
             **furniture("")}
    write_complete(stem, html, files, "utf-8")


# --- 7. e-paper, UTF-8, MHTML --------------------------------------------------------------------
def epaper_mhtml() -> None:
    stem = "epaper-utf8-mhtml"
    url = "https://epaper.example-daily.cn/html/2024-06/11/content_20240611_2_3.htm"
    base = "https://epaper.example-daily.cn/html/2024-06/11/"
    html = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>湘潭日报数字报-园区夜校开课 职工学技能</title></head><body>
<div class="paper-head">湘潭日报 2024年06月11日 <a href="node_2.htm">第02版：综合新闻</a></div>
<div class="article">
<h1>园区夜校开课 职工学技能</h1>
<div class="author">本报记者 黎雅文</div>
<div class="date">发布时间：2024-06-11 08:00</div>
<founder-content>
<p>　　6月10日晚，湘乡经开区职工夜校第一期开课，八十名企业职工走进课堂学习电工和焊接技能。</p>
<p>　　夜校课程由园区联合职业院校开设，每周授课三次，学员结业后可参加职业技能等级认定。</p>
<p>　　“白天上班，晚上学习，离家近，还不花钱。”一家电子企业的职工说。</p>
</founder-content>
<div class="pic"><img src="../../../pic/202406/11/e1.jpg"><p class="pic-desc">职工在夜校课堂上实操练习。</p></div>
</div>
<div class="paper-foot">版权所有 湘潭日报社</div>
</body></html>
"""
    parts = {"https://epaper.example-daily.cn/pic/202406/11/e1.jpg": pic(701)}
    assert base
    write_mhtml(stem, html, url, parts, "utf-8")


# --- 8. Hong Kong news site, UTF-8, complete, JSON-LD, <figure> -----------------------------------
def hk_utf8() -> None:
    stem = "hk-news-utf8-complete"
    f = f"./{stem}_files/"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "湘鄉經開區港資企業擴產 新廠房下月啟用",
          "datePublished": "2024-06-03T14:25:00+08:00",
          "author": [{"@type": "Person", "name": "陳家明"}],
          "publisher": {"@type": "Organization", "name": "示例香港新聞"},
          "mainEntityOfPage": {"@id": "https://www.example-hk.com/news/20240603/1234.html"}}
    html = f"""<!DOCTYPE html><html lang="zh-HK"><head><meta charset="utf-8">
<title>湘鄉經開區港資企業擴產 新廠房下月啟用 | 示例香港新聞</title>
<meta property="og:title" content="湘鄉經開區港資企業擴產 新廠房下月啟用">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body>
<header><img src="{f}logo.png" alt="示例香港新聞"><nav><a href="/">首頁</a> <a href="/china/">中國</a> <a href="/finance/">財經</a></nav></header>
<main><article>
<div class="category">中國新聞</div>
<h1>湘鄉經開區港資企業擴產 新廠房下月啟用</h1>
<div class="byline"><img class="author-avatar" src="{f}reporter_80.png" alt=""><span>撰文：陳家明</span> <time datetime="2024-06-03T14:25:00+08:00">2024年6月3日 14:25</time></div>
<div class="share-bar"><img src="{f}ico_share.png" alt="分享"></div>
<div class="article-body">
<p>一家在湖南湘鄉經開區設廠的港資電子企業宣布擴大產能，新建廠房預計下月啟用，屆時員工人數將增至一千二百人。</p>
<figure><img src="{f}hk_1.jpg" alt="湘鄉經開區港資企業的新廠房"><figcaption>湘鄉經開區港資企業的新廠房。</figcaption></figure>
<p>企業負責人表示，內地園區審批效率高、配套完善，是決定擴產的主要原因。</p>
<h2>供應鏈就近配套</h2>
<p>據介紹，企業百分之七十的原材料可在湖南省內採購，物流成本明顯下降。</p>
<figure><img src="{f}hk_2.jpg"><figcaption>生產線上的員工。</figcaption></figure>
<p>當地官員表示，園區將繼續為港資企業提供專人跟進服務。</p>
</div>
<div class="ad-box"><img src="{f}top_banner.jpg" alt="廣告"></div>
<div class="related"><h3>相關新聞</h3><ul><li><a href="/a/1.html">另一則與本文無關的新聞標題</a></li></ul></div>
</article></main>
<footer>© 示例香港新聞 版權所有 不得轉載</footer>
</body></html>
"""
    files = {"hk_1.jpg": pic(801), "hk_2.jpg": pic(802), "reporter_80.png": pic_small(80),
             **furniture("")}
    write_complete(stem, html, files, "utf-8")


def pic_small(side: int) -> bytes:
    return photo(side, side, side)


# --- 9. Hong Kong news site, Big5 declared, HTML only ---------------------------------------------
def hk_big5() -> None:
    stem = "hk-news-big5-htmlonly"
    html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">
<title>示例日報 - 港商考察湘鄉園區 洽談物流合作</title></head><body>
<div class="top"><img src="https://static.example-daily.hk/logo.gif"> <a href="/">首頁</a> | <a href="/news/">要聞</a> | <a href="/china/">中國</a></div>
<div id="content">
<h1>港商考察湘鄉園區 洽談物流合作</h1>
<div class="date">2024年6月5日 星期三</div>
<div class="body">
<p>【示例日報專訊】一個由香港物流商會組成的考察團日前到訪湖南湘鄉經濟開發區，與園區管理部門洽談冷鏈物流合作。</p>
<p><img src="https://static.example-daily.hk/news/20240605/p1.jpg" alt="考察團參觀園區的物流倉庫。"></p>
<p>考察團成員表示，園區位於高速公路出口附近，適合設立區域分撥中心。</p>
<p>雙方同意年內再舉行一次對接會，商討具體投資方案。</p>
<p>記者　李詠詩</p>
</div>
</div>
<div class="footer">版權所有 不得轉載 Copyright 示例日報</div>
</body></html>
"""
    write_html_only(stem, html, "big5")


# --- 10. Taiwan news site, UTF-8, MHTML, og: and article:published_time ---------------------------
def tw_mhtml() -> None:
    stem = "tw-news-utf8-mhtml"
    url = "https://www.example-tw.com.tw/news/202407080123.aspx"
    html = """<!DOCTYPE html><html lang="zh-Hant-TW"><head><meta charset="utf-8">
<title>台商赴湖南湘鄉園區參訪 看好電子零組件聚落 | 國際兩岸 | 示例通訊社</title>
<meta property="og:title" content="台商赴湖南湘鄉園區參訪 看好電子零組件聚落">
<meta property="og:url" content="https://www.example-tw.com.tw/news/202407080123.aspx">
<meta property="article:published_time" content="2024-07-08T10:32:00+08:00">
<meta name="author" content="示例通訊社">
</head><body>
<header><img src="https://img.example-tw.com.tw/logo.svg"><a href="/">首頁</a> <a href="/list/">即時</a> <a href="/cn/">兩岸</a></header>
<div class="centralContent">
<h1><span>台商赴湖南湘鄉園區參訪 看好電子零組件聚落</span></h1>
<div class="updatetime"><span>2024/07/08 10:32</span></div>
<div class="paragraph">
<figure class="floatImg center"><img src="https://img.example-tw.com.tw/photos/20240708/tw1.jpg" alt="台商參訪團"><figcaption>台商參訪團在湘鄉經開區了解電子零組件產業。（示例通訊社）</figcaption></figure>
<p>（示例通訊社記者林怡君台北8日電）一個由台灣電子業者組成的參訪團近日前往湖南湘鄉經濟開發區，考察當地電子零組件產業聚落。</p>
<p>參訪團成員指出，當地在顯示面板與電源模組方面已有一定規模，具備發展潛力。</p>
<p>業者也關注當地人力供應與物流條件，表示將評估在當地設立據點的可能性。（編輯：張惠雯）1130708</p>
</div>
<div class="shareBar"><img src="https://img.example-tw.com.tw/icons/line.png" width="32" height="32"></div>
<div class="moreNews"><h2>延伸閱讀</h2><ul><li><a href="/n1.aspx">另一則即時新聞的標題</a></li></ul></div>
</div>
<footer>本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。</footer>
</body></html>
"""
    parts = {"https://img.example-tw.com.tw/photos/20240708/tw1.jpg": pic(1001),
             "https://img.example-tw.com.tw/icons/line.png": flat(32, 32, (0, 180, 0))}
    write_mhtml(stem, html, url, parts, "utf-8")


# --- 11. Taiwan local news site, Big5 without a declaration, complete ------------------------------
def tw_big5_detect() -> None:
    stem = "tw-news-big5-undeclared-complete"
    f = f"{stem}_files/"
    html = f"""<html><head>
<title>地方新聞網 - 彰化工業區與湖南湘鄉園區交流 分享招商經驗</title></head><body>
<div class="logo"><img src="{f}logo.png"></div>
<div class="menu"><a href="/">首頁</a>｜<a href="/local/">地方</a>｜<a href="/life/">生活</a></div>
<div class="news">
<h1>彰化工業區與湖南湘鄉園區交流 分享招商經驗</h1>
<div class="info">記者王小明／彰化報導　2024-08-14 16:05</div>
<div class="story">
<p>彰化一處工業區管理單位日前與來訪的湖南湘鄉經濟開發區代表團座談，雙方就招商服務與環保管理交換意見。</p>
<div class="photo"><img src="{f}story_0814.jpg"><div class="photo_txt">雙方代表在座談會上交換意見。</div></div>
<p>工業區主任表示，園區提供單一窗口服務，廠商從申請到取得建照平均只需三個月。</p>
<p>湖南代表團則介紹了當地電子資訊產業的發展情形，並邀請業者前往參訪。</p>
</div>
<div class="fb"><img src="{f}fb_like.png" width="90" height="20"></div>
</div>
<div class="copyright">地方新聞網 版權所有 轉載請註明出處</div>
</body></html>
"""
    files = {"story_0814.jpg": pic(1101), "fb_like.png": flat(90, 20, (60, 90, 160)),
             **furniture("")}
    write_complete(stem, html, files, "big5")


# --- 12. portal with captions only in alt, a picture the save lacks, an advert, a repeat ----------
def portal_alt_missing() -> None:
    stem = "portal-utf8-alt-and-missing"
    f = f"./{stem}_files/"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "园区首届职工运动会开幕", "datePublished": "2024-09-20T15:10:00+08:00",
          "author": {"@type": "Organization", "name": "示例湘潭网"}}
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>园区首届职工运动会开幕-示例湘潭网</title>
<link rel="canonical" href="https://www.example-xtw.cn/yq/2024/0920/88.html">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body>
<div class="head"><img src="{f}logo.png"><span>示例湘潭网</span></div>
<div class="wrap"><div class="left">
<h1>园区首届职工运动会开幕</h1>
<p class="meta">时间：2024-09-20 15:10 来源：示例湘潭网 作者：谭一帆</p>
<div class="txt">
<p>9月20日，湘乡经开区首届职工运动会开幕，来自园区三十六家企业的一千余名职工参加。</p>
<p><a href="{f}yd_big.jpg"><img src="{f}yd_1.jpg" alt="运动员代表入场。"></a></p>
<p>本届运动会设置拔河、跳绳、趣味接力等八个项目，赛期两天。</p>
<p><img src="{f}yd_2.jpg"></p>
<p>比赛当天阳光明媚。</p>
<p><img src="{f}yd_1.jpg" alt="运动员代表入场。"></p>
<p style="text-align:center"><img src="{f}yd_3.jpg" alt=""></p>
<p style="text-align:center">拔河比赛现场。</p>
<p><a href="https://shop.example.net/sale"><img src="{f}promo_sale.jpg" alt=""></a></p>
<p>园区工会负责人表示，运动会将每年举办一次。</p>
</div>
<p class="zrbj">责任编辑：龙晓雪</p>
</div></div>
<div class="foot">版权所有 示例湘潭网</div>
</body></html>
"""
    files = {"yd_1.jpg": pic(1201), "yd_big.jpg": pic(1201), "yd_2.jpg": pic(1202),
             "promo_sale.jpg": pic(1203), **furniture("")}  # yd_3.jpg is not saved
    write_complete(stem, html, files, "utf-8")


MAKERS = (portal_utf8, portal_gbk, portal_gbk_detect, gov_utf8, gov_mhtml, epaper_utf8,
          epaper_mhtml, hk_utf8, hk_big5, tw_mhtml, tw_big5_detect, portal_alt_missing)


def main() -> None:
    for make in MAKERS:
        make()


if __name__ == "__main__":
    main()
