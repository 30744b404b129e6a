"""Pure parts behind the theme: article links, image tags, JSON-LD and switch-label filters."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

from park_digest.site.article_links import neighbours, related_by_tags, remembered_related
from park_digest.site.feeds import feed_id, site_relative, tag_uri
from park_digest.site.images import ImageIndex, complete_img_tags, site_path, target_widths
from park_digest.site.jinja_filters import add_filters, char_refs, http_url, json_ld
from park_digest.site.tag_rank import page_text, rank_tags

T0 = datetime(2021, 7, 6, 22, 13)


def article(slug: str, days: int, tags: list[str]) -> SimpleNamespace:
    return SimpleNamespace(slug=slug, date=T0 + timedelta(days=days), tags=tags)


def test_neighbours_follow_dates_not_input_order() -> None:
    a, b, c = article("a", 0, []), article("b", 5, []), article("c", 2, [])
    links = neighbours([a, b, c])
    assert links[id(a)] == (None, c)
    assert links[id(c)] == (a, b)
    assert links[id(b)] == (c, None)


def test_related_ranks_by_shared_tags_then_nearest_in_time_and_skips_itself() -> None:
    main = article("main", 0, ["埃普特", "湖南大学"])
    both = article("both", 10, ["埃普特", "湖南大学"])
    near = article("near", -2, ["埃普特"])
    far = article("far", 9, ["湖南大学"])
    none = article("none", 3, ["其他"])
    related = related_by_tags([main, both, near, far, none])
    assert related[id(main)] == [both, near, far]
    assert related[id(none)] == []


def test_related_articles_are_kept_until_a_slug_date_or_tag_changes(tmp_path: Path) -> None:
    articles = [article("main", 0, ["埃普特"]), article("near", -2, ["埃普特"]),
                article("far", 9, ["埃普特"]), article("none", 3, ["其他"])]
    main, near, far, _ = articles
    state = tmp_path / "related.json"

    first = remembered_related(articles, state)

    assert first == related_by_tags(articles) and first[id(main)] == [near, far]
    kept = json.loads(state.read_text(encoding="utf-8"))
    kept["related"]["main"] = ["far"]  # marked, to tell what is read from what is worked out
    state.write_text(json.dumps(kept), encoding="utf-8")
    assert remembered_related(articles, state)[id(main)] == [far]  # nothing changed: kept
    main.tags = ["其他"]
    again = remembered_related(articles, state)
    assert again == related_by_tags(articles) and again[id(main)] == [articles[3]]


def test_related_on_a_common_tag_looks_only_near_in_time() -> None:
    items = [article(f"d{i}", i, ["园区"]) for i in range(500)]
    related = related_by_tags(items, limit=4, window=3)
    assert [a.slug for a in related[id(items[250])]] == ["d249", "d251", "d248", "d252"]
    assert [a.slug for a in related[id(items[0])]] == ["d1", "d2", "d3"]


def test_related_is_capped() -> None:
    items = [article(str(i), i, ["同一标签"]) for i in range(9)]
    assert len(related_by_tags(items, limit=3)[id(items[0])]) == 3


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (2000, [480, 960]),  # large photo: both smaller copies
        (700, [480]),  # medium: only the copy narrower than itself
        (480, []),  # exactly the smallest width: nothing to gain
    ],
)
def test_target_widths_only_shrink(width: int, expected: list[int]) -> None:
    assert target_widths(width) == expected


@pytest.mark.parametrize(
    ("src", "siteurl", "page", "expected"),
    [
        ("/images/a/1.jpg", "", "2021/07/a/index.html", "images/a/1.jpg"),  # root-absolute
        ("https://x.org/zh-hant/images/a/1.jpg", "https://x.org/zh-hant", "i.html",
         "images/a/1.jpg"),  # absolute under SITEURL
        ("../../../images/a/1.jpg", "", "2021/07/a/index.html", "images/a/1.jpg"),  # relative
        ("https://elsewhere.cn/1.jpg", "", "index.html", None),  # another site
        ("data:image/svg+xml,%3Csvg%3E", "", "index.html", None),  # placeholder
    ],
)
def test_site_path_of_img_src(src: str, siteurl: str, page: str, expected: str | None) -> None:
    assert site_path(src, siteurl, page) == expected


def test_real_image_gets_size_srcset_and_resized_files(tmp_path: Path) -> None:
    content, output = tmp_path / "content", tmp_path / "out"
    (content / "images/a").mkdir(parents=True)
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(content / "images/a/1.jpg")
    index = ImageIndex(content, output)

    html = '<p><img alt="签约" src="/images/a/1.jpg" loading="lazy"><img src="/images/a/9.jpg"></p>'
    out = complete_img_tags(html, lambda src: index.get(site_path(src, "", "x.html")))

    assert 'width="1200" height="800"' in out
    srcset = "/images/a/1-480w.jpg 480w, /images/a/1-960w.jpg 960w, /images/a/1.jpg 1200w"
    assert f'srcset="{srcset}"' in out
    assert '<img src="/images/a/9.jpg">' in out  # missing file: left alone
    with Image.open(output / "images/a/1-480w.jpg") as small:
        assert small.size == (480, 320)
    assert (output / "images/a/1-960w.jpg").is_file()


def test_img_with_known_size_or_srcset_is_not_doubled(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    Image.new("RGB", (300, 200)).save(tmp_path / "images/s.png")
    index = ImageIndex(tmp_path, tmp_path / "out")
    html = '<img src="/images/s.png" width="300" height="200"><img src="/images/s.png" srcset="x">'
    assert complete_img_tags(html, lambda src: index.get(src)) == html


def test_json_ld_keeps_chinese_readable_and_cannot_close_the_script() -> None:
    text = str(json_ld({"headline": "园区</script><b>&"}))
    assert "园区" in text
    assert "</script>" not in text and "<b>" not in text
    assert json.loads(text) == {"headline": "园区</script><b>&"}


def test_char_refs_write_every_cjk_character_as_a_reference() -> None:
    assert str(char_refs("简体")) == "&#31616;&#20307;"
    assert str(char_refs("<繁>")) == "&lt;&#32321;&gt;"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://xt.rednet.cn/a.html", "https://xt.rednet.cn/a.html"),
        ("http://x.cn/?a=1&b=2", "http://x.cn/?a=1&b=2"),  # escaped where it is written
        ("javascript:alert(1)", ""),  # never a link that runs script
        (" JavaScript:alert(1)", ""),
        ("data:text/html,<b>", ""),
        ("红网", ""),  # not a URL: shown as text, not linked
        (None, ""),
    ],
)
def test_http_url_links_only_web_addresses(url: str | None, expected: str) -> None:
    assert http_url(url) == expected


def test_feed_ids_are_tag_uris_with_a_host_even_without_siteurl() -> None:
    day = datetime(2021, 7, 6, 22, 13)
    assert tag_uri("https://x.org/2021/07/a/", day) == "tag:x.org,2021-07-06:/2021/07/a/"
    assert tag_uri("/2021/07/a/", day) == "tag:localhost,2021-07-06:/2021/07/a/"
    assert feed_id("/feeds/all.atom.xml", "") != feed_id("/feeds/x.atom.xml", "")
    assert feed_id("feeds/all.atom.xml", "https://x.org/zh-hant") == (
        "https://x.org/zh-hant/feeds/all.atom.xml")
    assert site_relative("https://x.org/zh-hant/2021/07/a/", "https://x.org/zh-hant") == (
        "2021/07/a/")
    assert site_relative("/2021/07/a/", "") == "2021/07/a/"


def test_tags_rank_title_first_then_mentions_then_front_matter_order() -> None:
    tags = ["专利", "埃普特", "湖南大学", "港洽周", "宜春学院"]
    title = "“港洽周”签约项目"
    text = "埃普特与湖南大学合作。湖南大学……埃普特、湖南大学。"
    assert rank_tags(tags, title, text) == ["港洽周", "湖南大学", "埃普特", "专利", "宜春学院"]
    assert rank_tags(tags, title, text, limit=2) == ["港洽周", "湖南大学"]


def test_page_text_reads_entities_and_drops_tags() -> None:
    assert page_text('<p>A&amp;B <a href="x">湖南大学</a></p>') == " A&B  湖南大学  "


def test_templates_autoescape_and_never_reuse_bytecode_compiled_without_it(tmp_path: Path) -> None:
    import jinja2

    env = jinja2.Environment(bytecode_cache=jinja2.FileSystemBytecodeCache(str(tmp_path)))
    add_filters(SimpleNamespace(env=env))
    assert env.from_string("<h1>{{ t }}</h1>").render(t="<img onerror=x>") == (
        "<h1>&lt;img onerror=x&gt;</h1>")
    assert "autoescape" in env.bytecode_cache.pattern
    add_filters(SimpleNamespace(env=env))  # a second generator on the same environment
    assert env.bytecode_cache.pattern.count("autoescape") == 1


def test_outlets_without_a_sluggable_name_get_pages_of_their_own() -> None:
    from park_digest.site.sources import Source

    settings = {"SOURCE_URL": "source/{slug}/", "SOURCE_SAVE_AS": "source/{slug}/index.html"}
    first, second, named = (Source(name, settings) for name in ("“”", "《》", "红网"))
    assert first.slug and second.slug and first.slug != second.slug
    assert first.save_as != "source/index.html"
    assert named.slug.startswith("hong") and not named.slug.startswith("outlet-")
