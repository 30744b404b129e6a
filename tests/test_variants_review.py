"""``park-digest review`` asks a second converter (zhconv-rs, MediaWiki's tables) and lists first
the places where it and OpenCC disagree: the short list an editor reads for every article."""

from __future__ import annotations

import io
from pathlib import Path

import opencc
import zhconv_rs

from park_digest.variants.review import review

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


def test_the_seed_short_list_holds_at_most_five_places(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    out = io.StringIO()
    count = review(root / "content", {"PARK_DIGEST_VARIANTS": {"zh-hant": "s2hk"}}, out=out,
                   short=True)
    assert count <= 5, out.getvalue()
