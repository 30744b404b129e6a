"""``park-digest review`` asks a second converter (zhconv-rs, MediaWiki's tables) and lists first
the places where it and OpenCC disagree: the short list an editor reads for every article."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import opencc
import pytest
import zhconv_rs

from bench import site as bench_site
from park_digest.build.buildlog import Summary, summary_line
from park_digest.settings import STATE_DIR
from park_digest.variants.review import review
from support import build_site

PROJECT = Path(__file__).resolve().parents[1]

# Ten wrong-prone phrases in one sentence each: (Simplified, the right Hong Kong form).
PLANTED = [
    ("头发", "頭髮"), ("发展", "發展"),  # 发: 髮 of hair, 發 of everything else
    ("干部", "幹部"), ("干燥", "乾燥"),  # 干: 幹 of work, 乾 of dry
    ("皇后", "皇后"), ("后来", "後來"),  # 后: the queen keeps 后
    ("批回", "批回"),  # 回 stays 回 in 批回 (sent back), not 迴
    ("回复", "回覆"),  # a reply is 回覆, not 回復 (restore)
    ("面包", "麵包"),  # bread: 麵 (OpenCC writes the variant 麪)
    ("树干", "樹幹"),  # a trunk is 幹
]
ARTICLE = "---\ntitle: 十个词\ndate: 2021-07-06T22:13:53+08:00\nslug: planted\n---\n\n" + "\n\n".join(
    f"园区第{i}句提到{s}。" for i, (s, _) in enumerate(PLANTED, start=1)
) + "\n"


def short_list(tmp_path: Path, text: str) -> str:
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "planted.md").write_text(text, encoding="utf-8")
    out = io.StringIO()
    review(content, {"PARK_DIGEST_VARIANTS": {"zh-hant": "s2hk"}}, out=out, short=True)
    return out.getvalue()


def test_short_list_shows_every_phrase_either_converter_gets_wrong(tmp_path: Path) -> None:
    listed = short_list(tmp_path, ARTICLE)
    s2hk = opencc.OpenCC("s2hk")
    wrong = []
    for simplified, right in PLANTED:
        by_opencc = s2hk.convert(simplified)
        by_zhconv = zhconv_rs.zhconv(simplified, "zh-hk", False)
        if by_opencc != right or by_zhconv != right:
            wrong.append(simplified)
            assert f"提到{simplified}" in listed.replace("【", "").replace("】", ""), simplified
    assert len(wrong) >= 3  # the planted set really holds converter mistakes
    for simplified in ("头发", "发展", "干部", "干燥", "皇后", "后来"):  # both right: not listed
        assert f"提到{simplified}" not in listed.replace("【", "").replace("】", "")


def test_each_listed_place_names_both_choices(tmp_path: Path) -> None:
    listed = short_list(tmp_path, ARTICLE)
    assert "回 -> 迴  (or 回)  [opencc]  zhconv: 回" in listed


def test_a_correction_settles_a_disagreement(tmp_path: Path) -> None:
    text = ARTICLE.replace("slug: planted\n", "slug: planted\nopencc: {批回: 批回}\n")
    listed = short_list(tmp_path, text)
    assert "回 -> 迴" not in listed


RISKY = "---\ntitle: 闻讯\nslug: risky\n---\n\n工作人员闻讯后赶到，之后解决了问题。\n"


def test_a_risky_character_no_phrase_decided_is_listed_even_where_both_converters_agree(
    tmp_path: Path,
) -> None:
    listed = short_list(tmp_path, RISKY)
    # 闻讯后: no phrase of OpenCC covers 后, which gets its usual form 後 (right here, but a guess)
    assert "闻讯【后】赶到" in listed and "后 -> 後  (or 后)  [opencc]  no phrase decided it" in listed
    assert "之【后】" not in listed  # OpenCC's phrase 之后 decided it
    assert "zhconv" not in listed  # the second converter agrees with both


def test_a_correction_decides_a_risky_character(tmp_path: Path) -> None:
    text = RISKY.replace("slug: risky\n", "slug: risky\nopencc: {闻讯后: 聞訊後}\n")
    assert "【后】" not in short_list(tmp_path, text)


def test_the_seed_short_list_holds_at_most_five_places(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    out = io.StringIO()
    count = review(root / "content", {"PARK_DIGEST_VARIANTS": {"zh-hant": "s2hk"}}, out=out,
                   short=True)
    assert count <= 5, out.getvalue()


# --- the count `park-digest build` prints

REVIEW_LINE = re.compile(r"review: (\d+) places? on zh-hant — park-digest review")
BROKEN = "---\ntitle: 坏的\ntags: [发展, 头发\nslug: broken\n---\n\n园区批回了申请。\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The project's seed and dictionary, with the planted article beside the seed's."""
    root = bench_site.make_site(tmp_path, 0).root
    for seed in (PROJECT / "seeds").glob("*.txt"):
        shutil.copy2(seed, root / "seeds" / seed.name)
    (root / "content" / "articles" / "planted.md").write_text(ARTICLE, encoding="utf-8")
    return root


def built_count(log: str) -> int | None:
    """The places the build's summary says await review; None when it says nothing of them."""
    found = REVIEW_LINE.findall(log)
    assert len(found) <= 1, log
    return int(found[0]) if found else None


def listed_count(project: Path) -> int:
    """Places that ``park-digest review`` lists in the project."""
    done = subprocess.run([sys.executable, "-m", "park_digest.cli", "review"], cwd=project,
                          capture_output=True, text=True, timeout=120, check=False)
    return sum(1 for line in done.stdout.splitlines() if line.startswith("  "))


def cached_places(project: Path) -> dict[str, list[str]]:
    """Article -> the places its cached short list holds on zh-hant."""
    (path,) = (project / "cache" / STATE_DIR).glob("review-*.json")
    articles = json.loads(path.read_text(encoding="utf-8"))["articles"]
    return {rel: entry["zh-hant"]["places"] for rel, entry in articles.items()}


def test_the_build_prints_how_many_places_await_review(project: Path) -> None:
    log = build_site(project)

    count = built_count(log)
    assert count is not None and count == listed_count(project), log
    places = cached_places(project)
    assert len(places["planted.md"]) >= 3  # the planted mistakes are among them
    assert count == sum(len(p) for p in places.values())


def test_a_build_with_nothing_changed_takes_the_count_from_the_cache(project: Path) -> None:
    count = built_count(build_site(project))
    assert count is not None
    unchanged = build_site(project, "-v")
    assert "nothing changed since the last build" in unchanged
    assert built_count(unchanged) == count
    assert "0 article(s) x variant reviewed, 2 from the cache" in unchanged
    # a place only the cache knows of: a build that reviewed again would not count it
    path = next((project / "cache" / STATE_DIR).glob("review-*.json"))
    cache = json.loads(path.read_text(encoding="utf-8"))
    cache["articles"]["planted.md"]["zh-hant"]["places"].append("99:1 发 發 髮")
    path.write_text(json.dumps(cache), encoding="utf-8")

    again = build_site(project, "-v")

    assert again.count("nothing changed since the last build") >= 1
    assert built_count(again) == count + 1
    assert "0 article(s) x variant reviewed, 2 from the cache" in again


def test_changing_one_article_reviews_only_that_one(project: Path) -> None:
    build_site(project)
    before = cached_places(project)
    seed_article = next(rel for rel in before if rel != "planted.md")
    planted = project / "content" / "articles" / "planted.md"
    planted.write_text(ARTICLE + "\n园区又批回了一份申请。\n", encoding="utf-8")

    log = build_site(project, "-v")

    assert "1 article(s) x variant reviewed, 1 from the cache" in log
    after = cached_places(project)
    assert after[seed_article] == before[seed_article]
    assert len(after["planted.md"]) == len(before["planted.md"]) + 1  # the new 批回
    assert built_count(log) == listed_count(project)


def test_an_article_the_review_cannot_read_is_left_out_of_the_count(project: Path) -> None:
    (project / "content" / "articles" / "broken.md").write_text(BROKEN, encoding="utf-8")

    log = build_site(project)

    # the build's own check names the file and line
    assert re.search(r"broken\.md:\d+: the front matter .* is not valid YAML", log), log
    count = built_count(log)
    assert count is not None and count == listed_count(project)
    assert "broken.md" not in cached_places(project)


def test_the_count_can_be_turned_off(project: Path) -> None:
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write("\nPARK_DIGEST_REVIEW_COUNT = False\n")

    log = build_site(project)

    assert "built 2 articles" in log and "review:" not in log
    assert not list((project / "cache" / STATE_DIR).glob("review-*.json"))


@pytest.mark.parametrize(("places", "part"), [
    ({"zh-hant": 3, "zh-tw": 2}, "review: 3 places on zh-hant, 2 on zh-tw — park-digest review"),
    ({"zh-hant": 1}, "review: 1 place on zh-hant — park-digest review"),
    ({"zh-hant": 0, "zh-tw": 4}, "review: 4 places on zh-tw — park-digest review"),
    ({"zh-hant": 0}, None),  # nothing to review: nothing said
])
def test_the_summary_names_the_places_per_variant_and_the_command(places, part) -> None:
    line = summary_line(Summary(articles=1, pages={"zh-hans": 9}, seconds=1.0, review=places))
    assert (part in line) if part else ("review" not in line)
    skipped = summary_line(Summary(articles=0, pages={}, seconds=0.1, skipped=True,
                                   review=places))
    assert (part in skipped) if part else ("review" not in skipped)
