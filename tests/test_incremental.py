"""Which rebuild a change needs, and which pages a fast rebuild writes."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from park_digest.build.incremental import ALWAYS_WRITE, Selection, plan


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("content/articles/a1.md", "content/articles/a2.md", "content/images/a1/1.jpg",
                 "content/pages/about.md", "seeds/001.txt", "theme/templates/article.html"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    return tmp_path


# (changed files, fast?) — a fast rebuild only when every change is Markdown or a seed
PLANS = [
    (["content/articles/a1.md"], True),  # one article saved
    (["content/articles/a1.md", "content/articles/a2.md"], True),  # two saved at once
    (["content/pages/about.md"], True),  # a page is Markdown too
    (["seeds/001.txt"], True),  # a seed: its import rewrites the article during the build
    (["content/images/a1/1.jpg"], False),  # images are copied by a full build
    (["theme/templates/article.html"], False),  # every page may change
    (["content/articles/gone.md"], False),  # deleted: listings must drop it
    (["content/articles/a1.md", "theme/templates/article.html"], False),  # any slow one wins
]


@pytest.mark.parametrize(("changed", "fast"), PLANS)
def test_plan_is_fast_only_for_markdown_and_seeds(
    project: Path, changed: list[str], fast: bool
) -> None:
    selection = plan([project / c for c in changed], project / "content", project / "seeds", 7)
    assert (selection is not None) == fast
    if selection is not None:
        assert selection.since_ns == 7
        assert selection.outputs == ALWAYS_WRITE
        markdown = {str((project / c).resolve()) for c in changed if c.endswith(".md")}
        assert selection.sources == markdown


def _page(source: Path | None, output_file: str) -> dict:
    article = SimpleNamespace(source_path=str(source)) if source else None
    return {"article": article, "output_file": output_file}


def test_selection_wants_changed_sources_recent_files_and_fixed_outputs(project: Path) -> None:
    a1, a2 = project / "content/articles/a1.md", project / "content/articles/a2.md"
    os.utime(a2, ns=(1_000, 1_000))
    os.utime(a1, ns=(5_000, 5_000))
    by_source = Selection(sources=frozenset({str(a2.resolve())}))
    assert by_source.wants(_page(a2, "2021/07/a2/index.html"))
    assert not by_source.wants(_page(a1, "2021/07/a1/index.html"))
    assert by_source.wants(_page(None, "index.html"))  # the home page, always
    assert not by_source.wants(_page(None, "index2.html"))  # its later pages, not
    assert not by_source.wants(_page(None, "tag/x/index.html"))
    by_time = Selection(since_ns=4_000)  # a seed's import rewrote a1 during the build
    assert by_time.wants(_page(a1, "2021/07/a1/index.html"))
    assert not by_time.wants(_page(a2, "2021/07/a2/index.html"))
