"""Fixtures for the browser tests: the real seed site built once, served on 127.0.0.1, and one
headless Chromium for the whole session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import build_site, chromium, chromium_missing, first_article_url, serve_folder

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "tests/browser/node_modules/axe-core/axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own seeds and content, built with ``park-digest build --output <tmp>``.

    The build runs in a copy of the project (content, seeds, settings; theme and plugins
    linked), so the import it starts writes nothing into the work tree.
    """
    project = tmp_path_factory.mktemp("seed-project")
    for name in ("content", "seeds"):
        shutil.copytree(ROOT / name, project / name)
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(ROOT / name, project / name)
    for name in ("theme", "plugins"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
    output = project / "output"
    build_site(project, "--output", str(output))
    return output


@pytest.fixture(scope="session")
def seed_article(seed_site: Path) -> str:
    """Site-relative URL of the seed article (the only article of ``seeds/``)."""
    return first_article_url(seed_site)


@pytest.fixture(scope="session")
def base_url(seed_site: Path) -> Iterator[str]:
    with serve_folder(seed_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    reason = chromium_missing()
    if reason:
        pytest.skip(reason)
    with chromium() as running:
        yield running


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed; run: bash .ci/install-system-deps")
    return AXE


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots people can look at after a run (ignored by git)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
