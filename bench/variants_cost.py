"""Cost of the Traditional variant: bilingual build time over Simplified-only, in one run.

``python bench/variants_cost.py [--n 300] [--rounds 2]`` (or ``python -m bench.variants_cost``)
writes N synthetic articles, then builds the same content with ``park_digest.build.pipeline.build_all``
as a Simplified-only site (``PARK_DIGEST_VARIANTS = {}``) and as the default bilingual site,
alternating, each build in a fresh process; the best time of each counts. It also times the
derivation itself (every root page and feed made into the variant once more, ``derive.py``) to
show its share: the root site's CPU plus the derivation shared over the cores, over the
Simplified-only build, is the ratio on a machine with nothing else to do, which the wall ratio
approaches when the machine is quiet.
Bar of the issue: bilingual <= 1.6 x Simplified-only.

Importable: :func:`measure` returns the numbers as a dict.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:  # run as a script: make `bench` importable
    sys.path.insert(0, str(PROJECT))

from bench import generate  # noqa: E402

RATIO_MAX = 1.6
BUILD_TIMEOUT_S = 1800
# One build in a fresh process: what `park-digest build` does, without the search index.
BUILD_SNIPPET = (
    "import json, sys\n"
    "from pathlib import Path\n"
    "from park_digest.build.pipeline import build_all\n"
    "build_all(Path(sys.argv[1]), json.loads(sys.argv[2]))\n"
)
# One site of a bilingual build alone (the overrides of park_digest.build.pipeline.plan_runs).
SITE_SNIPPET = BUILD_SNIPPET.replace("build_all", "build_site")


def write_content(work: Path, n: int, seed: int = 0) -> Path:
    """N synthetic articles and the project's pages under ``work/content``; return it."""
    content = work / "content"
    generate.write_markdown(content / "articles", n, seed)
    (content / "pages").mkdir(parents=True, exist_ok=True)
    for page in (PROJECT / "content" / "pages").glob("*.md"):
        shutil.copy(page, content / "pages" / page.name)
    dictionary = PROJECT / "content" / "opencc-corrections.txt"
    if dictionary.is_file():
        shutil.copy(dictionary, content / dictionary.name)
    return content


def build_override(work: Path, content: Path, name: str, variants: dict | None) -> dict:
    override: dict[str, Any] = {
        "PATH": str(content),
        "OUTPUT_PATH": str(work / name),
        "CACHE_PATH": str(work / f"cache-{name}"),
        "THEME": str(PROJECT / "theme"),
        "PLUGIN_PATHS": [str(PROJECT / "plugins")],
        "PARK_DIGEST_IMPORT_ON_BUILD": False,
        "DELETE_OUTPUT_DIRECTORY": True,
    }
    if variants is not None:
        override["PARK_DIGEST_VARIANTS"] = variants
    return override


def timed_build(override: dict, snippet: str = BUILD_SNIPPET) -> tuple[float, float]:
    """Wall and CPU seconds of one build in a fresh process (fails loudly if it fails)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    settings = str(PROJECT / "pelicanconf.py")
    subprocess.run(
        [sys.executable, "-c", snippet, settings, json.dumps(override)],
        check=True, cwd=PROJECT, timeout=BUILD_TIMEOUT_S,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def conversion_seconds(output: Path, prefix: str, config: str) -> tuple[float, int]:
    """CPU time to derive one variant's pages and feeds from the root's once more, and how
    many files."""
    from park_digest.site.scripts import variant_table
    from park_digest.variants.convert import ScriptConverter, opencc_converter
    from park_digest.variants.derive import (
        FEED_SUFFIXES,
        Target,
        convert_feed,
        convert_page,
        site_files,
    )

    table = variant_table({prefix: config})
    target = Target(variant=table[1], table=tuple(table), root_siteurl="", config=config,
                    quotes=True, shared=("/theme/",))
    converter = ScriptConverter(opencc_converter(config))
    rels = [r for r in site_files(output, [prefix, "theme", "pagefind", "sitemap.xml"])
            if r.endswith((".html", ".xml"))]
    texts = [(r, (output / r).read_text(encoding="utf-8")) for r in rels]
    started = time.process_time()
    for rel, text in texts:
        if rel.endswith(FEED_SUFFIXES):
            convert_feed(text, converter, target)
        else:
            convert_page(text, converter, target)
    return time.process_time() - started, len(texts)


def site_cpu(work: Path, content: Path) -> list[float]:
    """CPU seconds of the root site of the bilingual build run alone (the variants are
    derived from it, not built)."""
    from park_digest.build.pipeline import plan_runs

    runs = plan_runs(PROJECT / "pelicanconf.py", build_override(work, content, "out-one", None))
    return [timed_build(override, SITE_SNIPPET)[1] for v, override in runs if not v.prefix]


def measure(n: int = 300, rounds: int = 2, work: Path | None = None) -> dict[str, Any]:
    """Build N articles Simplified-only and bilingual ``rounds`` times each; return the numbers."""
    from park_digest.settings import DEFAULTS

    own = work is None
    work = Path(tempfile.mkdtemp(prefix="variants-cost-")) if work is None else work
    try:
        content = write_content(work, n)
        simplified = build_override(work, content, "out-hans", {})
        bilingual = build_override(work, content, "out-both", None)
        times: dict[str, list[float]] = {"simplified": [], "bilingual": []}
        cpu: dict[str, list[float]] = {"simplified": [], "bilingual": []}
        load = os.getloadavg()[0]
        for i in range(rounds):  # alternate the order so neither always runs on a warm cache
            order = [("simplified", simplified), ("bilingual", bilingual)]
            for name, override in order if i % 2 == 0 else order[::-1]:
                wall, used = timed_build(override)
                times[name].append(wall)
                cpu[name].append(used)
        variants = DEFAULTS["PARK_DIGEST_VARIANTS"]
        prefix, config = next(iter(variants.items()))
        convert_s, pages = conversion_seconds(work / "out-both", prefix, config)
        best_s, best_b = min(times["simplified"]), min(times["bilingual"])
        sites = site_cpu(work, content)
        result_cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
        return {
            "articles": n,
            "cores": result_cores,
            "simplified_s": round(best_s, 2),
            "bilingual_s": round(best_b, 2),
            "ratio": round(best_b / best_s, 2),
            "ratio_max": RATIO_MAX,
            "variant_pages": pages,
            "conversion_cpu_s": round(convert_s, 2),
            "conversion_share": round(convert_s / min(cpu["bilingual"]), 3),
            # CPU of all build processes: the work the variant adds, whatever the parallelism
            "cpu_ratio": round(min(cpu["bilingual"]) / min(cpu["simplified"]), 2),
            # the root site alone plus the derivation shared out over the cores, over the
            # Simplified-only build, in CPU: the wall ratio of a machine with nothing else to do
            "site_cpu_s": [round(t, 2) for t in sites],
            "critical_path_ratio": round(
                (max(sites) + convert_s / (result_cores or 1)) / min(cpu["simplified"]), 2
            ),
            # other work on the machine while measuring (wall ratios suffer when it is > cores)
            "load_average": round(load, 1),
            "all_times_s": {k: [round(t, 2) for t in v] for k, v in times.items()},
        }
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="articles (default 300)")
    parser.add_argument("--rounds", type=int, default=2, help="builds of each kind (default 2)")
    args = parser.parse_args(argv)
    result = measure(args.n, args.rounds)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    ok = result["ratio"] <= RATIO_MAX
    print(f"bilingual / Simplified-only = {result['ratio']} (bar <= {RATIO_MAX}): "
          f"{'ok' if ok else 'over'} at load {result['load_average']} on {result['cores']} cores; "
          f"with a free core per site: {result['critical_path_ratio']}; "
          f"conversion is {result['conversion_share']:.1%} of the build's CPU")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
