"""A throw-away copy of the project with a synthetic archive as its seeds, where phases run.

Settings files and content (except what the importer writes) are copied; theme and plugins are
linked, so the bench always measures the code in the tree.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from . import generate

PROJECT = Path(__file__).resolve().parent.parent
SETTINGS_FILES = ("pelicanconf.py", "publishconf.py")
LINKED = ("theme", "plugins")
# Folders under content/ that the importer writes; a cold build starts without them.
IMPORTED = ("articles", "images", "originals")
BUILT = ("output", "cache")


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    root: Path
    n: int
    seed: int

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def seed_files(self) -> list[Path]:
        return sorted(self.seeds.glob("*.txt"))

    @property
    def pages(self) -> Path:
        """The same articles saved as web pages (outside ``seeds/``: other phases skip them)."""
        return self.root / "page-seeds"

    @property
    def pages_settings(self) -> Path:
        """Settings for importing ``pages`` into a content folder of their own."""
        return self.root / "pages-settings.py"


def make_site(work: Path, n: int, seed: int = 0) -> Site:
    """Create ``work/site`` afresh: project settings, content, links, and ``n`` raw seeds."""
    root = work / "site"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for name in SETTINGS_FILES:
        if (PROJECT / name).exists():
            shutil.copy2(PROJECT / name, root / name)
    for name in LINKED:
        (root / name).symlink_to(PROJECT / name, target_is_directory=True)
    shutil.copytree(
        PROJECT / "content", root / "content",
        ignore=lambda folder, names: [x for x in names if Path(folder) == PROJECT / "content"
                                      and x in IMPORTED],
    )
    for name in IMPORTED:
        (root / "content" / name).mkdir(exist_ok=True)
    site = Site(root=root, n=n, seed=seed)
    generate.write_seeds(site.seeds, n, seed)
    return site


def clear_built(site: Site) -> None:
    """Remove everything a build writes: imported content, output, caches."""
    for name in IMPORTED:
        folder = site.root / "content" / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
    for name in BUILT:
        shutil.rmtree(site.root / name, ignore_errors=True)


def clear_imported(site: Site) -> None:
    for name in IMPORTED:
        folder = site.root / "content" / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()


EDIT = "园区另讯,本周又有一家企业签约入驻。"


def edit_one_seed(site: Site) -> Path:
    """Change one paragraph of the middle seed, as an editor fixing a sentence would."""
    path = site.seed_files()[site.n // 2]
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += EDIT
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


PAGES_CONTENT = "page-content"


def prepare_pages(site: Site) -> None:
    """Save every raw seed as a web page once (not measured); empty the pages' content."""
    from .html_pages import save_archive

    if not site.pages.is_dir():
        started = time.perf_counter()
        save_archive(site.seed_files(), site.pages)
        print(f"  (saved {site.n} articles as web pages in {time.perf_counter() - started:.1f} s, "
              "not measured)", flush=True)
    # the project's settings, its keywords and categories, with a content folder of its own
    settings = (site.root / "pelicanconf.py").read_text(encoding="utf-8")
    site.pages_settings.write_text(settings + f"\nPATH = {PAGES_CONTENT!r}\n", encoding="utf-8")
    content = site.root / PAGES_CONTENT
    shutil.rmtree(content, ignore_errors=True)
    content.mkdir()
    for name in ("keywords.txt",):
        if (site.root / "content" / name).is_file():
            shutil.copy2(site.root / "content" / name, content / name)
