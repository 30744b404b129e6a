"""bench/variants_cost.py runs end to end on a tiny archive and reports consistent numbers."""

from __future__ import annotations

from pathlib import Path

from bench.variants_cost import measure


def test_cost_bench_builds_both_ways_and_reports_the_ratio(tmp_path: Path) -> None:
    result = measure(n=3, rounds=1, work=tmp_path)
    assert result["articles"] == 3
    assert result["simplified_s"] > 0 and result["bilingual_s"] > 0
    assert abs(result["ratio"] - result["bilingual_s"] / result["simplified_s"]) < 0.02
    # the ratio is reported (its size is measured by `python -m bench.variants_cost` at a real
    # archive's size: on three articles, process start-up noise outweighs the variant's work)
    assert result["cpu_ratio"] > 0
    assert len(result["site_cpu_s"]) == 1  # the root alone: zh-hant is derived from it
    assert result["critical_path_ratio"] > 0
    assert result["variant_pages"] > 10  # every page of the root was derived once more
    assert (tmp_path / "out-both" / "zh-hant" / "index.html").is_file()
    assert not (tmp_path / "out-hans" / "zh-hant").exists()
