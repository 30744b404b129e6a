"""One part of a cold build, alone, so the harness can show where a build's time goes.

    python -m bench.parts root|variants|search SITE [--output DIR]

``root`` runs Pelican for the Simplified site, ``variants`` makes every variant site from what
``root`` wrote (derived on every core, or with ``PARK_DIGEST_VARIANT_RUNS = "pelican"`` one
Pelican run per variant, one after the other; no import: run after a build has imported the
seeds), ``search`` indexes an output that was built before. Each uses the project's own functions (``build.plan_runs``,
``search.index_site``), so it measures the code in the tree.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
from pathlib import Path

PARTS = ("root", "variants", "search")


def run_part(part: str, site: Path, output: Path) -> None:
    from pelican import Pelican
    from pelican.settings import read_settings

    os.chdir(site)
    settings_file = site / "pelicanconf.py"
    if part == "search":
        from park_digest.search import index as search
        from park_digest.site.scripts import variant_table

        variants = read_settings(str(settings_file)).get("PARK_DIGEST_VARIANTS") or {}
        search.index_site(output, variant_table(variants))
        return
    from park_digest.build.pipeline import plan_runs

    base = {"OUTPUT_PATH": str(output), "PARK_DIGEST_IMPORT_ON_BUILD": False,
            "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    runs = plan_runs(settings_file, base)
    root_settings = read_settings(str(settings_file), override=runs[0][1])
    if part == "variants" and root_settings.get("PARK_DIGEST_VARIANT_RUNS", "derive") == "derive":
        derive_all(root_settings, [v for v, _ in runs], output)
        return
    chosen = runs[:1] if part == "root" else runs[1:]
    for _variant, override in chosen:
        Pelican(read_settings(str(settings_file), override=override)).run()


def derive_all(settings: dict, table: list, output: Path) -> None:
    """Derive every variant from every page and feed of the root site in ``output``."""
    from park_digest.build import pipeline as build
    from park_digest.variants import derive

    skip = [*(v.prefix for v in table if v.prefix), "theme", "pagefind", "sitemap.xml"]
    written = [(str(output / rel), frozenset()) for rel in derive.site_files(output, skip)
               if rel.endswith(derive.PAGE_SUFFIXES + derive.FEED_SUFFIXES)]
    job = derive.plan(settings, table, written)
    derive.run(job, build._cores(), build._pool_context())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=PARTS)
    parser.add_argument("site", type=Path, help="a bench site folder (bench/work/nN/site)")
    parser.add_argument("--output", type=Path, default=None,
                        help="output folder (default: SITE/output-parts; search: SITE/output)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    site = args.site.resolve()
    default = site / ("output" if args.part == "search" else "output-parts")
    output = (args.output or default).resolve()
    if args.part == "root":
        shutil.rmtree(output, ignore_errors=True)
    run_part(args.part, site, output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
