"""A build with nothing changed is skipped; any change to an input or to the output is not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from park_digest.build import buildcache


def _touch_later(path: Path, text: str) -> None:
    """Rewrite ``path`` and move its mtime forward, as an editor's save a moment later would."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


@pytest.fixture
def project(tmp_path: Path) -> dict:
    """A minimal project tree and its settings, with one finished build remembered."""
    for folder, name, text in [
        ("seeds", "001_a.txt", "标题\n\n发布时间:2021-07-06 22:13\n\n正文。\n"),
        ("content/articles", "a.md", "---\ntitle: 标题\n---\n正文。\n"),
        ("content/pages", "about.md", "---\ntitle: 关于\n---\n园区。\n"),
        ("theme/templates", "base.html", "<html>{% block content %}{% endblock %}</html>\n"),
        ("output", "index.html", "<html></html>\n"),
    ]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / name).write_text(text, encoding="utf-8")
    settings = {
        "PATH": str(tmp_path / "content"),
        "THEME": str(tmp_path / "theme"),
        "OUTPUT_PATH": str(tmp_path / "output"),
        "CACHE_PATH": str(tmp_path / "cache"),
        "PLUGIN_PATHS": [],
        "SITEURL": "",
        "SEEDS_PATH": "seeds",
    }
    buildcache.remember(settings)
    return settings


def test_nothing_changed_since_the_last_build_is_unchanged(project: dict) -> None:
    assert buildcache.unchanged(project)


def test_without_a_remembered_build_nothing_is_unchanged(project: dict) -> None:
    buildcache.forget(project)
    assert not buildcache.unchanged(project)


@pytest.mark.parametrize(
    "relative",
    [
        "seeds/001_a.txt",  # an editor fixes a raw article
        "content/articles/a.md",  # or edits the imported Markdown
        "content/pages/about.md",  # a page
        "theme/templates/base.html",  # a template
    ],
)
def test_an_edited_input_file_means_rebuild(project: dict, relative: str) -> None:
    root = Path(project["PATH"]).parent
    _touch_later(root / relative, "改过了。\n")
    assert not buildcache.unchanged(project)


def test_a_new_seed_means_rebuild(project: dict) -> None:
    root = Path(project["PATH"]).parent
    (root / "seeds" / "002_b.txt").write_text("另一篇\n", encoding="utf-8")
    assert not buildcache.unchanged(project)


def test_a_deleted_page_means_rebuild(project: dict) -> None:
    (Path(project["PATH"]) / "pages" / "about.md").unlink()
    assert not buildcache.unchanged(project)


def test_a_changed_setting_means_rebuild(project: dict) -> None:
    assert not buildcache.unchanged({**project, "SITEURL": "https://news.example.org"})


def test_output_edited_or_removed_by_hand_means_rebuild(project: dict) -> None:
    output = Path(project["OUTPUT_PATH"])
    _touch_later(output / "index.html", "<html>broken</html>\n")
    assert not buildcache.unchanged(project)
    buildcache.remember(project)
    assert buildcache.unchanged(project)
    (output / "index.html").unlink()
    assert not buildcache.unchanged(project)


def test_bytecode_and_cache_files_do_not_count(project: dict) -> None:
    theme = Path(project["THEME"])
    (theme / "__pycache__").mkdir()
    (theme / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    (Path(project["CACHE_PATH"]) / "ArticlesGenerator-Readers").write_bytes(b"\0")
    assert buildcache.unchanged(project)


def test_each_output_folder_has_its_own_fingerprints(project: dict, tmp_path: Path) -> None:
    other = {**project, "OUTPUT_PATH": str(tmp_path / "output-other")}
    assert buildcache.state_path(other) != buildcache.state_path(project)
    assert not buildcache.unchanged(other)


def test_settings_fingerprint_is_the_same_in_another_process(project: dict) -> None:
    code = (
        "import sys; from pelican.settings import read_settings\n"
        "from park_digest.build.buildcache import settings_digest\n"
        "print(settings_digest(read_settings(None, override={'PATH': sys.argv[1]})))\n"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", code, project["PATH"]], capture_output=True, text=True,
            check=True, timeout=60,
        ).stdout.strip()
        for _ in range(2)
    }
    assert len(runs) == 1 and len(runs.pop()) == 64


def test_only_content_changed_lets_pelican_reuse_what_it_read(project: dict) -> None:
    root = Path(project["PATH"]).parent
    _touch_later(root / "seeds" / "001_a.txt", "改过了。\n")
    plan = buildcache.plan(project)
    assert plan.changed == ("seeds",) and not plan.skip
    assert plan.overrides() == {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


def test_a_template_change_reads_every_source_again(project: dict) -> None:
    _touch_later(Path(project["THEME"]) / "templates" / "base.html", "<html></html>\n")
    plan = buildcache.plan(project)
    assert plan.changed == ("theme",)
    assert plan.overrides()["LOAD_CONTENT_CACHE"] is False


def test_a_first_build_writes_the_content_cache_without_reading_one(project: dict) -> None:
    buildcache.forget(project)
    plan = buildcache.plan(project)
    assert plan.overrides() == {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": False}


def test_force_builds_even_when_nothing_changed(project: dict) -> None:
    assert buildcache.plan(project).skip
    assert not buildcache.plan(project, force=True).skip
    assert not buildcache.plan({**project, "PARK_DIGEST_SKIP_UNCHANGED": False}).skip


def test_a_content_cache_that_does_not_load_is_removed(project: dict) -> None:
    import gzip
    import pickle

    cache = Path(project["CACHE_PATH"])
    (cache / "zh-hant").mkdir(parents=True)
    good, broken = cache / "ArticlesGenerator-Readers", cache / "zh-hant" / "ArticlesGenerator-Readers"
    with gzip.open(good, "wb") as handle:
        pickle.dump({"a.md": ("<p>正文。</p>", {})}, handle)
    with gzip.open(broken, "wb"):
        pass  # what Pelican leaves when pickling fails early: no pickle at all
    whole = pickle.dumps({f"{i}.md": ("<p>正文。</p>" * 50, {}) for i in range(200)})
    half = cache / "zh-hant" / "PagesGenerator-Readers"
    with gzip.open(half, "wb") as handle:
        handle.write(whole[: len(whole) // 2])  # pickling failed half-way
    cut = cache / "ArticlesGenerator"
    cut.write_bytes(gzip.compress(whole)[:-40])  # the gzip stream itself cut short
    other = cache / "importer-stats.json"  # not Pelican's: left alone
    other.write_text("{}", encoding="utf-8")
    assert sorted(buildcache.drop_unreadable_caches(project)) == sorted([broken, half, cut])
    assert good.exists() and other.exists() and not broken.exists()


def test_a_content_cache_written_with_other_settings_is_not_reused(
    project: dict, tmp_path: Path
) -> None:
    publish = {**project, "OUTPUT_PATH": str(tmp_path / "output-publish"),
               "SITEURL": "https://news.example.org"}
    Path(publish["OUTPUT_PATH"]).mkdir()
    buildcache.remember(publish)  # another build, other settings, same content cache folder
    _touch_later(Path(project["PATH"]).parent / "seeds" / "001_a.txt", "改过了。\n")
    plan = buildcache.plan(project)
    assert plan.changed == ("seeds",) and not plan.reuse_content_cache


def test_a_content_cache_rewritten_by_another_process_is_not_reused(project: dict) -> None:
    import gzip
    import pickle

    cache = Path(project["CACHE_PATH"]) / "ArticlesGenerator-Readers"
    with gzip.open(cache, "wb") as handle:
        pickle.dump({"a.md": ("<p>正文。</p>", {})}, handle)
    buildcache.remember(project)
    assert cache.exists()
    _touch_later(Path(project["PATH"]).parent / "seeds" / "001_a.txt", "改过了。\n")
    assert buildcache.plan(project).reuse_content_cache
    (cache.parent / "importer-stats.json").write_text("{}", encoding="utf-8")  # not Pelican's
    assert buildcache.plan(project).reuse_content_cache
    with gzip.open(cache, "wb") as handle:  # a preview server's build writes it again
        pickle.dump({"a.md": ("<p>另一个。</p>", {})}, handle)
    assert not buildcache.plan(project).reuse_content_cache
