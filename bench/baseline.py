"""The baseline: plain Pelican, no plugin, default theme, the same articles in both scripts.

``prepare`` writes the synthetic articles as Markdown, Simplified and (through OpenCC, untimed)
Traditional, each with the same URL settings as the project; ``build`` runs one Pelican build per
script, one after the other in one process, the way a plain Pelican setup builds two sites:
Simplified at the output root, Traditional under ``zh-hant/``.

    python -m bench.baseline prepare WORK --n 1000
    python -m bench.baseline build WORK
"""

from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path
from typing import Any

from . import generate

SCRIPTS = {"zh-hans": "", "zh-hant": "zh-hant"}  # lang -> output sub-folder
OPENCC_CONFIG = "s2hk"

# The project's URL layout (pelicanconf.py), so the two sites write the same pages.
URL_SETTINGS: dict[str, Any] = {
    "ARTICLE_URL": "{date:%Y}/{date:%m}/{slug}/",
    "ARTICLE_SAVE_AS": "{date:%Y}/{date:%m}/{slug}/index.html",
    "PAGE_URL": "{slug}/",
    "PAGE_SAVE_AS": "{slug}/index.html",
    "CATEGORY_URL": "category/{slug}/",
    "CATEGORY_SAVE_AS": "category/{slug}/index.html",
    "TAG_URL": "tag/{slug}/",
    "TAG_SAVE_AS": "tag/{slug}/index.html",
    "AUTHOR_URL": "author/{slug}/",
    "AUTHOR_SAVE_AS": "author/{slug}/index.html",
    "ARCHIVES_SAVE_AS": "archives/index.html",
    "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html",
    "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
    "YEAR_ARCHIVE_URL": "{date:%Y}/",
    "MONTH_ARCHIVE_URL": "{date:%Y}/{date:%m}/",
    "DEFAULT_PAGINATION": 10,
    "FEED_ALL_ATOM": "feeds/all.atom.xml",
    "CATEGORY_FEED_ATOM": None,
    "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    "TIMEZONE": "Asia/Shanghai",
}


def content_dir(work: Path, lang: str) -> Path:
    return work / "baseline" / "content" / lang


def output_dir(work: Path) -> Path:
    return work / "baseline" / "output"


def prepare(work: Path, n: int, seed: int = 0) -> None:
    """Write the ``n`` synthetic articles as Markdown in both scripts under ``work/baseline``."""
    import opencc  # only the untimed preparation needs it

    converter = opencc.OpenCC(OPENCC_CONFIG)
    for lang in SCRIPTS:
        folder = content_dir(work, lang)
        shutil.rmtree(folder, ignore_errors=True)
        convert = converter.convert if lang != "zh-hans" else str
        generate.write_markdown(folder, n, seed, convert=convert, lang=lang)


def site_settings(work: Path, lang: str) -> dict[str, Any]:
    output = output_dir(work) / SCRIPTS[lang]
    return {
        **URL_SETTINGS,
        "PATH": str(content_dir(work, lang)),
        "OUTPUT_PATH": str(output),
        "DEFAULT_LANG": lang,
        "SITENAME": "湘乡经开区新闻摘编",
        "SITEURL": "",
        "PLUGINS": [],  # no plugin at all (unset would load every installed one)
        "DELETE_OUTPUT_DIRECTORY": False,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
    }


def build(work: Path) -> None:
    """Build both scripts' sites with plain Pelican, one after the other."""
    from pelican import Pelican
    from pelican.settings import read_settings

    shutil.rmtree(output_dir(work), ignore_errors=True)
    for lang in SCRIPTS:
        Pelican(read_settings(None, override=site_settings(work, lang))).run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("prepare", "build"))
    parser.add_argument("work", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    if args.action == "prepare":
        prepare(args.work, args.n, args.seed)
    else:
        build(args.work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
