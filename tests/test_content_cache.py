"""Pelican's reader cache is saved again only when a run read many sources again."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pelican import signals
from pelican.readers import Readers
from pelican.settings import DEFAULT_CONFIG

from park_digest.site import content_cache

CACHE_NAME = "ArticlesGenerator-Readers"


@pytest.fixture
def readers_of(tmp_path: Path) -> Iterator:
    signals.readers_init.connect(content_cache.defer_small_saves)

    def make(load: bool = True) -> Readers:
        settings = {**DEFAULT_CONFIG, "CACHE_PATH": str(tmp_path / "cache"), "CACHE_CONTENT": True,
                    "LOAD_CONTENT_CACHE": load, "CONTENT_CACHING_LAYER": "reader",
                    "GZIP_CACHE": False, "CHECK_MODIFIED_METHOD": "mtime"}
        return Readers(settings, CACHE_NAME)

    yield make
    signals.readers_init.disconnect(content_cache.defer_small_saves)


def _sources(folder: Path, n: int) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"a{i}.md"
        path.write_text(f"article {i}", encoding="utf-8")
        paths.append(str(path))
    return paths


def _run(readers: Readers, sources: list[str], data: str = "read {}") -> Readers:
    """One run that reads ``sources`` (caching ``data`` for each) and saves."""
    for path in sources:
        readers.cache_data(path, data.format(path))
    readers.save_cache()
    return readers


def test_a_run_that_read_few_sources_again_keeps_the_saved_cache(readers_of, tmp_path: Path) -> None:
    sources = _sources(tmp_path / "content", 120)
    _run(readers_of(load=False), sources)  # every entry is this run's: saved
    saved = tmp_path / "cache" / CACHE_NAME
    before = saved.read_bytes()

    edited = sources[7]
    Path(edited).write_text("article 7, edited", encoding="utf-8")
    os.utime(edited, ns=(1, 1))  # a stamp unlike the cached one
    second = readers_of()
    assert second.get_cached_data(edited) is None  # the edited source is read again
    second.cache_data(edited, "read again")
    second.save_cache()
    assert saved.read_bytes() == before

    third = readers_of()  # the next run sees the edit again, and the others as cached
    assert third.get_cached_data(edited) is None
    assert third.get_cached_data(sources[8]) == f"read {sources[8]}"


def test_a_run_that_read_many_sources_again_saves(readers_of, tmp_path: Path) -> None:
    sources = _sources(tmp_path / "content", 120)
    _run(readers_of(load=False), sources, "old")
    _run(readers_of(), sources[: content_cache.FEW_READS + 1], "new")
    assert readers_of().get_cached_data(sources[0]) == "new"


def test_a_run_that_did_not_load_the_cache_saves_even_a_few(readers_of, tmp_path: Path) -> None:
    sources = _sources(tmp_path / "content", 3)
    _run(readers_of(load=False), sources, "read")
    assert readers_of().get_cached_data(sources[2]) == "read"
