"""The benchmark's synthetic archive: realistic, deterministic, and read cleanly by the importer."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from bench import generate
from park_digest.ingest.importer import Options, import_seeds
from park_digest.ingest.parse import parse_article
from park_digest.ingest.punctuation import to_fullwidth

SAMPLE = 300


@pytest.fixture(scope="module")
def sample() -> list[generate.SyntheticArticle]:
    return list(generate.articles(SAMPLE, seed=7))


def test_same_seed_same_archive_other_seed_other_archive() -> None:
    first = [generate.render_raw(a) for a in generate.articles(20, seed=3)]
    again = [generate.render_raw(a) for a in generate.articles(20, seed=3)]
    other = [generate.render_raw(a) for a in generate.articles(20, seed=4)]
    assert first == again
    assert all(x != y for x, y in zip(first, other, strict=True))


def test_a_larger_archive_starts_with_the_smaller_one() -> None:
    small = [generate.render_raw(a) for a in generate.articles(10)]
    large = [generate.render_raw(a) for a in generate.articles(40)]
    assert large[:10] == small


def test_lengths_figures_layouts_and_dates_vary_within_bounds(sample: list) -> None:
    low, high = generate.BODY_CHARS
    assert all(low <= a.body_chars <= high for a in sample)
    assert {a.figures for a in sample} == set(range(generate.MAX_FIGURES + 1))
    assert set(Counter(a.layout for a in sample)) == set(generate.LAYOUTS)
    assert len({a.source for a in sample}) >= 4
    assert len({a.date.year for a in sample}) >= 10
    assert len({tag for a in sample for tag in a.tags}) >= 20
    assert any(b.kind == "heading" for a in sample for b in a.blocks)


def test_raw_layouts_carry_the_portal_lines(sample: list) -> None:
    by_layout = {a.layout: generate.render_raw(a) for a in sample}
    assert "来源:" in by_layout["rednet"] and "编辑:" in by_layout["rednet"]
    assert "本文链接:https://" in by_layout["rednet"]
    assert "红网时刻湘潭" in by_layout["dateline"] and "发布时间:" in by_layout["dateline"]
    assert "原标题:" in by_layout["published"] and "责任编辑:" in by_layout["published"]
    figured = next(a for a in sample if a.figures)
    assert "\n\n1.jpg\n\n" in generate.render_raw(figured)


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def test_every_generated_article_imports_cleanly(tmp_path: Path) -> None:
    records = list(generate.articles(60, seed=11))
    seeds = generate.write_seeds(tmp_path / "seeds", 60, seed=11)
    opts = Options(project=tmp_path, out_dir=tmp_path / "content" / "articles",
                   images_dir=tmp_path / "content" / "images",
                   originals_dir=tmp_path / "content" / "originals")
    results = import_seeds([tmp_path / "seeds"], opts)
    assert [r.status for r in results] == ["written"] * 60, [r.message for r in results]
    assert len({r.slug for r in results}) == 60
    by_seed = {r.seed.name: r for r in results}
    for record, seed in zip(records, seeds, strict=True):
        meta = _front_matter(by_seed[seed.name].output)
        assert meta["title"] == to_fullwidth(record.title)
        assert str(meta["date"]).startswith(f"{record.date:%Y-%m-%dT%H:%M}")
        assert meta["source"] == record.source
        assert len(meta.get("images") or []) == record.figures
        body = by_seed[seed.name].output.read_text(encoding="utf-8").split("---\n", 2)[2]
        headings = sum(1 for b in record.blocks if b.kind == "heading")
        assert body.count("\n## ") + body.startswith("## ") == headings


def test_baseline_markdown_reads_in_plain_pelican(tmp_path: Path) -> None:
    record = generate.make_article(5)
    path = generate.write_markdown(tmp_path, 6)[5]
    settings = read_settings(None, override={"PATH": str(tmp_path), "PLUGINS": []})
    content, meta = MarkdownReader(settings).read(str(path))
    assert meta["title"] == record.title
    assert meta["date"].strftime("%Y-%m-%d %H:%M:%S") == f"{record.date:%Y-%m-%d %H:%M:%S}"
    assert content.count("<p>") >= sum(1 for b in record.blocks if b.kind == "paragraph")


def test_every_name_of_byline_and_editor_is_kept(tmp_path: Path) -> None:
    for record in generate.articles(60, seed=11):
        parsed = parse_article(generate.render_raw(record), f"seeds/{record.index}.txt")
        assert list(parsed.authors) == list(record.authors)
        assert parsed.editor == record.editor
