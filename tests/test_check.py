"""`park-digest check` on a small two-script site written by hand, then broken on purpose."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest

from park_digest.publish import check


def _page(
    lang: str, title: str, canonical: str | None, head: str = "", body: str = "", u: str = ""
) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f'{link}<link rel="stylesheet" href="{u}/theme/css/site.css">{head}</head>'
        f'<body>{body}<script src="{u}/theme/js/switch.js"></script></body></html>'
    )


def _alternates(simplified: str, traditional: str) -> str:
    return (
        f'<link rel="alternate" hreflang="zh-Hans" href="{simplified}">'
        f'<link rel="alternate" hreflang="zh-Hant" href="{traditional}">'
    )


def write_site(root: Path, site_url: str = "") -> Path:
    """A home page and one article in both scripts, a stylesheet, a script, an image, a 404."""
    u = site_url.rstrip("/")
    files = {
        "index.html": _page(
            "zh-hans", "湘乡经开区新闻摘编", f"{u}/", _alternates(f"{u}/", f"{u}/zh-hant/"),
            f'<a href="{u}/2021/07/a1/">三项赋能</a>'
            f'<a class="lang-switch" hreflang="zh-Hant" href="{u}/zh-hant/">繁</a>'
            '<a href="https://www.xiangxiang.gov.cn/">湘乡市政府</a><a href="#top">顶部</a>'
            '<a href="mailto:news@example.org">来信</a>', u,
        ),
        "2021/07/a1/index.html": _page(
            "zh-hans", "三项赋能", f"{u}/2021/07/a1/",
            _alternates(f"{u}/2021/07/a1/", f"{u}/zh-hant/2021/07/a1/"),
            '<figure><img src="../../../images/a1/1.jpg" '
            f'srcset="{u}/images/a1/1.jpg 800w" alt="签约"></figure><a href="../../../">首页</a>', u,
        ),
        "zh-hant/index.html": _page(
            "zh-hant", "湘鄉經開區新聞摘編", f"{u}/zh-hant/", _alternates(f"{u}/", f"{u}/zh-hant/"),
            f'<a href="{u}/zh-hant/2021/07/a1/">三項賦能</a>', u,
        ),
        "zh-hant/2021/07/a1/index.html": _page(
            "zh-hant", "三項賦能", f"{u}/zh-hant/2021/07/a1/",
            _alternates(f"{u}/2021/07/a1/", f"{u}/zh-hant/2021/07/a1/"),
            f'<img src="{u}/images/a1/1.jpg" alt="簽約">', u,
        ),
        "404.html": _page("zh-hans", "页面不存在", None, u=u),
        "theme/css/site.css": "body{}",
        "theme/js/switch.js": "",
        "images/a1/1.jpg": "jpeg",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _remove(name: str) -> Callable[[Path], None]:
    return lambda root: (root / name).unlink()


# (what is broken, how, the page that must be named, words the report must hold)
BREAKAGES = [
    # a figure's image file is gone: both scripts' article pages point at it
    ("image removed", _remove("images/a1/1.jpg"), "2021/07/a1/index.html", "image"),
    # the stylesheet every page links
    ("stylesheet removed", _remove("theme/css/site.css"), "index.html", "stylesheet"),
    # the switch script
    ("script removed", _remove("theme/js/switch.js"), "zh-hant/index.html", "script"),
    # the Traditional article is missing: its Simplified page's hreflang and the link fail
    ("variant page removed", _remove("zh-hant/2021/07/a1/index.html"),
     "2021/07/a1/index.html", "hreflang /zh-hant/2021/07/a1/ -> not found"),
    # hreflang pointing at a page that never existed
    ("hreflang to nowhere",
     _edit("index.html", 'hreflang="zh-Hant" href="/zh-hant/"', 'hreflang="zh-Hant" href="/zh-tw/"'),
     "index.html", "hreflang /zh-tw/ -> not found"),
    # the script switch link goes to a missing page
    ("switch to nowhere", _edit("index.html", 'class="lang-switch" hreflang="zh-Hant" href="/zh-hant/"',
                                'class="lang-switch" hreflang="zh-Hant" href="/zh-hant/gone/"'),
     "index.html", "switch /zh-hant/gone/ -> not found"),
    # the Traditional home stops listing the Simplified one: not reciprocal
    ("one-way hreflang", _edit("zh-hant/index.html", 'hreflang="zh-Hans" href="/"',
                               'hreflang="zh-Hans" href="/2021/07/a1/"'),
     "index.html", "does not link back"),
    ("no title", _edit("zh-hant/index.html", "<title>湘鄉經開區新聞摘編</title>", ""),
     "zh-hant/index.html", "no <title>"),
    ("no lang", _edit("2021/07/a1/index.html", '<html lang="zh-hans">', "<html>"),
     "2021/07/a1/index.html", "no lang"),
    ("no canonical", _edit("2021/07/a1/index.html", '<link rel="canonical" href="/2021/07/a1/">', ""),
     "2021/07/a1/index.html", "canonical"),
]


def test_an_intact_site_has_no_problems(tmp_path: Path) -> None:
    problems, pages = check.check_site(write_site(tmp_path))
    assert problems == []
    assert pages == 5


@pytest.mark.parametrize(
    ("broken", "page", "words"),
    [pytest.param(b[1], b[2], b[3], id=b[0]) for b in BREAKAGES],
)
def test_each_breakage_is_reported_on_the_page_that_has_it(
    tmp_path: Path, broken: Callable[[Path], None], page: str, words: str
) -> None:
    root = write_site(tmp_path)
    broken(root)
    problems, _pages = check.check_site(root)
    reports = [str(p) for p in problems]
    assert any(r.startswith(f"{page}: ") and words in r for r in reports), reports


def test_404_page_needs_no_canonical_but_needs_title_and_lang(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    _edit("404.html", '<html lang="zh-hans">', "<html>")(root)
    assert [str(p) for p in check.check_site(root)[0]] == [
        '404.html: no lang on <html> (add lang="zh-hans")'
    ]


def test_absolute_urls_are_checked_against_the_site_url_from_the_home_page(tmp_path: Path) -> None:
    root = write_site(tmp_path, "https://news.example.org/digest")
    assert check.infer_site_url(root) == "https://news.example.org/digest/"
    assert check.check_site(root)[0] == []
    _remove("images/a1/1.jpg")(root)
    _edit("index.html", '<a href="https://news.example.org/digest/2021/07/a1/">',
          '<a href="https://news.example.org/elsewhere/">')(root)
    reports = [str(p) for p in check.check_site(root)[0]]
    assert "index.html: link https://news.example.org/elsewhere/ points outside the site" in reports
    assert any(r.startswith("zh-hant/2021/07/a1/index.html: image") for r in reports)


def test_command_prints_problems_and_exits_non_zero(tmp_path: Path, capsys) -> None:
    root = write_site(tmp_path)
    args = argparse.Namespace(output=root, site_url=None)
    assert check.run(args) == 0
    _remove("theme/js/switch.js")(root)
    assert check.run(args) == 1
    out = capsys.readouterr().out
    assert "index.html: script /theme/js/switch.js -> not found" in out
    assert "5 pages" in out


def test_command_on_a_folder_without_a_site_says_to_build_first(tmp_path: Path, capsys) -> None:
    assert check.run(argparse.Namespace(output=tmp_path, site_url=None)) == 2
    assert "build the site first" in capsys.readouterr().err


def test_comments_and_inline_scripts_are_not_links_and_entities_are_decoded() -> None:
    facts = check.parse_page(
        '<html lang="zh-hans"><head><title>湘乡 &amp; 经开区</title>'
        '<script>var t = \'<a href="/in-a-script/">\';</script>'
        '<script src="/theme/js/a.js?v=1&amp;x=2"></script></head><body>'
        '<!-- <a href="/commented-out/"> --><a href=/unquoted/ class=x>x</a>'
        "<IMG SRC='/images/a.jpg' srcset='/images/a-480.jpg 480w, /images/a-960.jpg 960w'>"
        "</body></html>"
    )
    assert facts.title == "湘乡 & 经开区"
    assert facts.lang == "zh-hans"
    assert facts.refs == [
        ("script", "/theme/js/a.js?v=1&x=2"),
        ("link", "/unquoted/"),
        ("image", "/images/a.jpg"),
        ("image", "/images/a-480.jpg"),
        ("image", "/images/a-960.jpg"),
    ]
