"""Markdown converted on every core while Pelican reads the front matter gives the same site."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_theme_build import ARTICLES, build_theme_site

from park_digest.site import prerender


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_bodies_converted_by_workers_make_the_same_site(tmp_path, monkeypatch):
    monkeypatch.setattr(prerender, "MIN_FILES", 1)  # the three test articles are enough
    before = prerender.taken
    parallel = build_theme_site(tmp_path / "parallel", PARK_DIGEST_PARALLEL_MARKDOWN=True)
    assert prerender.taken - before == len(ARTICLES)  # every body came from a worker
    alone = build_theme_site(tmp_path / "alone", PARK_DIGEST_PARALLEL_MARKDOWN=False)
    assert prerender.taken - before == len(ARTICLES)

    assert tree(parallel) == tree(alone)


def test_a_body_changed_since_the_worker_read_it_is_converted_again(tmp_path, monkeypatch):
    page = tmp_path / "a.md"
    page.write_text("---\ntitle: 甲\n---\n旧的一段。\n", encoding="utf-8")
    monkeypatch.setattr(prerender, "_markdown_settings", {"output_format": "html5"})
    done = prerender.convert_files([str(page)])
    monkeypatch.setattr(prerender, "_ready", dict(done))

    assert prerender.take(str(page), "新的一段。\n") is None
    monkeypatch.setattr(prerender, "_ready", dict(done))
    assert prerender.take(str(page), "\n旧的一段。\n") == "<p>旧的一段。</p>"


@pytest.mark.parametrize("extensions", [["markdown.extensions.meta", "markdown.extensions.extra"]])
def test_workers_convert_without_the_meta_extension(extensions):
    settings = {"MARKDOWN": {"extensions": extensions}}
    assert prerender.markdown_settings(settings)["extensions"] == ["markdown.extensions.extra"]
    assert settings["MARKDOWN"]["extensions"] == extensions  # the settings stay as they were
