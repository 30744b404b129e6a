"""Saved web pages made from article records, as a browser's "Save page as…" writes them.

:func:`save_complete` writes ``name.html`` and ``name_files/`` (a portal page: navigation, logo,
share and QR widgets, a sidebar and a footer around the article, every picture a generated
image); :func:`save_mhtml` writes the same page as one MHTML file. Used by the tests (the seed
article saved as a page) and by the benchmark's HTML import phase. Pictures are drawn with
Pillow from a number, so every run writes the same bytes.
"""

from __future__ import annotations

import base64
import html
import io
import random
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw

from park_digest.ingest.record import Article

PAGE_URL = "https://news.example.cn/content/{date:%Y/%m/%d}/{n}.html"


# --- pictures ------------------------------------------------------------------------------------
@lru_cache(maxsize=64)
def photo(width: int, height: int, seed: int, fmt: str = "JPEG") -> bytes:
    """A picture with a sky, ground and a few shapes in many tones, like a photo."""
    rnd = random.Random(seed)
    im = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(im)
    top = (rnd.randrange(90, 160), rnd.randrange(140, 200), rnd.randrange(190, 250))
    for y in range(height):  # a sky-to-ground gradient
        t = y / max(height - 1, 1)
        draw.line([(0, y), (width, y)], fill=tuple(int(c * (1 - t) + g * t) for c, g in
                                                   zip(top, (90, 120, 60), strict=True)))
    for _ in range(12):
        x, y = rnd.randrange(width), rnd.randrange(height)
        w, h = rnd.randrange(8, width // 3), rnd.randrange(8, height // 3)
        draw.rectangle([x, y, x + w, y + h], fill=tuple(rnd.randrange(40, 230) for _ in range(3)))
    out = io.BytesIO()
    im.save(out, fmt, **({"quality": 80} if fmt == "JPEG" else {}))
    return out.getvalue()


def qr_code(size: int, seed: int) -> bytes:
    """A black and white grid with finder squares: a QR code to the eye and to the filter."""
    rnd = random.Random(seed)
    cells = 25
    im = Image.new("L", (cells, cells), 255)
    for y in range(cells):
        for x in range(cells):
            if rnd.random() < 0.5:
                im.putpixel((x, y), 0)
    for ox, oy in ((0, 0), (cells - 7, 0), (0, cells - 7)):
        for y in range(7):
            for x in range(7):
                edge = x in (0, 6) or y in (0, 6) or (2 <= x <= 4 and 2 <= y <= 4)
                im.putpixel((ox + x, oy + y), 0 if edge else 255)
    out = io.BytesIO()
    im.resize((size, size), Image.NEAREST).save(out, "PNG")
    return out.getvalue()


def flat(width: int, height: int, colour: tuple[int, int, int], fmt: str = "PNG") -> bytes:
    """A flat picture: a logo, an icon, a banner, a 1×1 tracker."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, fmt)
    return out.getvalue()


@lru_cache(maxsize=16)
def _furniture(name: str) -> bytes:
    return FURNITURE[name]()


FURNITURE = {  # name -> bytes: what a portal page around an article holds
    "logo.png": lambda: flat(220, 60, (200, 30, 30)),
    "wx_qrcode.png": lambda: qr_code(150, 7),
    "share_weibo.png": lambda: flat(24, 24, (230, 80, 40)),
    "count.gif": lambda: flat(1, 1, (255, 255, 255), "GIF"),
    "ad_728x90.jpg": lambda: flat(728, 90, (40, 90, 200), "JPEG"),
}


# --- the page -----------------------------------------------------------------------------------
def page_html(article: Article, pictures: dict[str, str], url: str, *, charset: str = "utf-8",
              files: str = "", site: str = "示例新闻网") -> str:
    """A portal's article page for ``article``; ``pictures`` maps each figure name to its
    ``src``, ``files`` is the folder prefix of the furniture pictures."""
    e = html.escape
    byline = " ".join(filter(None, (
        f"来源：{e(article.source)}" if article.source else "",
        f"作者：{e(' '.join(article.authors))}" if article.authors else "",
        f"编辑：{e(article.editor)}" if article.editor else "",
        f"{article.date:%Y-%m-%d %H:%M:%S}",
    )))
    body = []
    for block in article.blocks:
        if block.kind == "heading":
            body.append(f"<p><strong>{e(block.text)}</strong></p>")
        elif block.kind == "figure":
            fig = block.figure
            body.append(f'<p style="text-align: center;"><img src="{e(pictures[fig.name])}" '
                        f'alt="" border="0"></p>')
            if fig.caption:
                body.append(f'<p style="text-align: center;">{e(fig.caption)}</p>')
        else:
            body.append(f"<p>{e(block.text)}</p>")
    footer = []
    if article.copyright:
        footer.append(f"<p>{e(article.copyright)}</p>")
    footer.append(f'<p>本文链接：<a href="{e(url)}">{e(url)}</a></p>')
    nl = "\n"
    return f"""<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html lang="zh-CN"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{e(article.title)}_{site}</title>
<meta property="og:title" content="{e(article.title)}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{article.date.isoformat()}">
<link rel="canonical" href="{e(url)}">
<script>var _hmt = _hmt || [];</script>
<style>.nav a {{ margin: 0 4px; }}</style>
</head><body>
<div class="top"><a href="/"><img src="{files}logo.png" alt="{site}"></a>
<div class="nav"><a href="/">首页</a> | <a href="/news/">新闻</a> | <a href="/local/">地方</a> | <a href="/photo/">图片</a></div></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/local/">地方</a> &gt; 正文</div>
<div class="main"><div class="article">
<h1>{e(article.title)}</h1>
<div class="info">{byline}</div>
<div class="share">分享到：<a href="#"><img src="{files}share_weibo.png" alt="微博"></a></div>
<div class="content" id="content">
{nl.join(body)}
</div>
<div class="foot">{nl.join(footer)}</div>
<div class="qr"><img src="{files}wx_qrcode.png" alt="扫码关注"><p>扫一扫 关注我们</p></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/a/1.html">园区另一条新闻的标题在这里显示</a></li><li><a href="/a/2.html">又一条与本文无关的新闻标题</a></li></ul></div>
</div>
<div class="side"><a href="https://ads.example.com/go"><img src="{files}ad_728x90.jpg" alt=""></a></div></div>
<div class="footer"><p>关于我们 | 联系我们 | 网站地图</p><p>版权所有 © {site} 湘ICP备00000000号</p>
<img src="{files}count.gif" width="1" height="1" alt=""></div>
</body></html>
"""


PICTURE_SIZE = (1000, 625)  # large enough for the theme's resized copies (480w, 960w)


def picture_bytes(article: Article, seed: int, size: tuple[int, int] = PICTURE_SIZE,
                  variety: int | None = None) -> dict[str, bytes]:
    """A picture per figure; ``variety`` limits how many different ones are drawn (a bench
    of many pages copies bytes, it need not draw each)."""
    return {fig.name: photo(*size, (seed * 31 + i) % variety if variety else seed * 31 + i)
            for i, fig in enumerate(article.figures)}


def save_complete(article: Article, folder: Path, stem: str, url: str, seed: int = 0,
                  *, charset: str = "utf-8", size: tuple[int, int] = PICTURE_SIZE,
                  variety: int | None = None) -> Path:
    """``stem.html`` and ``stem_files/`` as a browser's "Webpage, complete" writes them."""
    files = folder / f"{stem}_files"
    files.mkdir(parents=True, exist_ok=True)
    pictures: dict[str, str] = {}
    for i, (name, data) in enumerate(picture_bytes(article, seed, size, variety).items()):
        saved = f"W0{20210000 + seed * 10 + i}{Path(name).suffix}"  # portals' own file names
        (files / saved).write_bytes(data)
        pictures[name] = f"./{stem}_files/{saved}"
    for name in FURNITURE:
        (files / name).write_bytes(_furniture(name))
    page = folder / f"{stem}.html"
    page.write_bytes(page_html(article, pictures, url, charset=charset,
                               files=f"./{stem}_files/").encode(charset))
    return page


def save_mhtml(article: Article, folder: Path, stem: str, url: str, seed: int = 0) -> Path:
    """``stem.mhtml`` as Chromium's "Webpage, single file" writes it."""
    folder.mkdir(parents=True, exist_ok=True)
    base = url.rsplit("/", 1)[0] + "/"
    pictures = {name: f"{base}W0{20210000 + seed * 10 + i}{Path(name).suffix}"
                for i, name in enumerate(f.name for f in article.figures)}
    msg = MIMEMultipart("related", type="text/html")
    msg["Snapshot-Content-Location"] = url
    msg["Subject"] = "=?utf-8?Q?page?="
    part = MIMENonMultipart("text", "html", charset="utf-8")
    part["Content-Transfer-Encoding"] = "quoted-printable"
    part["Content-Location"] = url
    import quopri
    part.set_payload(quopri.encodestring(
        page_html(article, pictures, url, files="https://static.example.cn/img/").encode()).decode())
    msg.attach(part)
    datas = picture_bytes(article, seed)
    resources = {pictures[n]: d for n, d in datas.items()}
    resources |= {f"https://static.example.cn/img/{n}": _furniture(n) for n in FURNITURE}
    for loc, data in resources.items():
        kind = "jpeg" if loc.endswith(".jpg") else loc.rsplit(".", 1)[-1]
        res = MIMENonMultipart("image", kind)
        res["Content-Transfer-Encoding"] = "base64"
        res["Content-Location"] = loc
        res.set_payload(base64.encodebytes(data).decode())
        msg.attach(res)
    path = folder / f"{stem}.mhtml"
    path.write_bytes(msg.as_bytes())
    return path


def save_archive(text_seeds: list[Path], folder: Path, *, size: tuple[int, int] = (480, 300),
                 variety: int = 40) -> list[Path]:
    """Every text seed saved as a complete page in ``folder``: the same articles as pages."""
    from park_digest.ingest.parse import parse_article

    folder.mkdir(parents=True, exist_ok=True)
    pages = []
    for i, seed in enumerate(text_seeds):
        article = parse_article(seed.read_text(encoding="utf-8"), seed.name)
        url = article.source_url or PAGE_URL.format(date=article.date, n=i)
        pages.append(save_complete(article, folder, seed.stem, url, i, size=size, variety=variety))
    return pages
