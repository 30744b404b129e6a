"""The importer reads the committed corpus of real layouts right: at least 97 % of its facts.

The harness itself is checked on a small folder written here: a fact it gets wrong is a miss,
a null it must not fill is a fact, a refused seed loses its facts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import fidelity

FACTS_MIN = 0.97

FIXTURE = """首页 > 园区动态
园区新建标准厂房投用
来源：湘乡日报 作者：李明 编辑：王芳 2024-03-12 09:30
3月11日，园区新建的六栋标准厂房交付使用，首批三家企业搬入。
厂房配套的道路和绿化同步完工。
扫一扫在手机打开当前页
"""
FACTS = {
    "title": "园区新建标准厂房投用", "date": "2024-03-12", "time": "09:30", "source": "湘乡日报",
    "authors": ["李明"], "editor": "王芳",
    "first_sentence": "3月11日，园区新建的六栋标准厂房交付使用，首批三家企业搬入。",
    "last_sentence": "厂房配套的道路和绿化同步完工。",
    "body_must_keep": ["首批三家企业搬入"], "must_drop": ["扫一扫在手机打开当前页", "首页 > 园区动态"],
    "notes": "invented",
}


def _write(folder: Path, name: str, text: str, facts: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")


def test_harness_counts_every_fact_right_on_a_page_read_right(tmp_path: Path) -> None:
    _write(tmp_path, "a", FIXTURE, FACTS)
    score = fidelity.score(tmp_path)
    assert score.misses == []
    assert (score.facts, score.facts_right, score.articles_right) == (10, 10, 1)


def test_harness_reports_a_wrong_fact_and_an_invented_value(tmp_path: Path) -> None:
    _write(tmp_path, "a", FIXTURE, {**FACTS, "title": "别的标题", "editor": None})
    score = fidelity.score(tmp_path)
    assert sorted((m.fixture, m.field) for m in score.misses) == [("a", "editor"), ("a", "title")]
    assert score.articles_right == 0


def test_harness_reads_a_name_spaced_out_on_the_page_as_the_same_name(tmp_path: Path) -> None:
    spaced = FIXTURE.replace("编辑：王芳", "编辑：王 芳")  # 责 编:王 芳, lined up with longer names
    _write(tmp_path, "a", spaced, {**FACTS, "editor": "王 芳"})
    _write(tmp_path, "b", FIXTURE, {**FACTS, "editor": "王 菲"})
    score = fidelity.score(tmp_path)
    assert [(m.fixture, m.field) for m in score.misses] == [("b", "editor")]


def test_harness_counts_a_refused_seed_as_all_facts_wrong(tmp_path: Path) -> None:
    _write(tmp_path, "a", "只有一行文字而没有标题和日期。\n", FACTS)
    score = fidelity.score(tmp_path)
    assert score.facts_right == 0
    assert "refused" in str(score.misses[0].got)


def test_harness_counts_a_dateless_page_refused_for_its_date_as_rightly_refused(tmp_path: Path) -> None:
    dateless = FIXTURE.replace(" 2024-03-12 09:30", "").replace("3月11日，", "")  # no day at all
    _write(tmp_path, "a", dateless, {**FACTS, "date": None, "time": None})
    score = fidelity.score(tmp_path)
    assert score.refused_rightly == ["a"] and score.refused == []
    assert (score.articles_right, score.facts, score.misses) == (1, 0, [])
    assert "rightly refused" in fidelity.report(score, tmp_path)


def test_harness_counts_a_refused_page_that_has_a_date_as_all_facts_wrong(tmp_path: Path) -> None:
    # the text has a date: a refusal for any cause loses the article, and each of its facts
    _write(tmp_path, "a", "只有一行文字而没有标题。2024-03-12\n", FACTS)
    _write(tmp_path, "b", "园区新建标准厂房投用\n来源：湘乡日报 2024-03-12 09:30\n", FACTS)  # no text
    score = fidelity.score(tmp_path)
    assert (score.facts_right, score.articles_right, score.refused_rightly) == (0, 0, [])
    assert sorted(score.refused) == ["a", "b"]


def test_harness_compares_traditional_text_in_simplified(tmp_path: Path) -> None:
    traditional = FIXTURE.replace("园区新建标准厂房投用", "園區新建標準廠房投用").replace(
        "厂房配套的道路和绿化同步完工。", "廠房配套的道路和綠化同步完工。").replace(
        "3月11日，园区新建的六栋标准厂房交付使用，首批三家企业搬入。",
        "3月11日，園區新建的六棟標準廠房交付使用，首批三家企業搬入。")
    _write(tmp_path, "a", traditional, {
        **FACTS, "title": "園區新建標準廠房投用",
        "first_sentence": "3月11日，園區新建的六棟標準廠房交付使用，首批三家企業搬入。",
        "last_sentence": "廠房配套的道路和綠化同步完工。", "body_must_keep": ["首批三家企業搬入"]})
    assert fidelity.score(tmp_path).misses == []


def test_committed_corpus_reaches_the_bar() -> None:
    folder = fidelity.DEFAULT_FOLDER
    if not fidelity.fixtures(folder):
        pytest.skip(f"no fixtures (X.txt with X.json) in {folder} yet: the corpus is merged apart")
    score = fidelity.score(folder)
    assert score.share >= FACTS_MIN, fidelity.report(score, folder)
