"""The purge plan after a theme change, against the Aliyun and Tencent daily quotas.

``python bench/purge_plan.py [--n 1000] [--source build|synthetic]`` (or
``python -m bench.purge_plan``) makes a site of N articles, changes its theme (a line added to
``base.html``, so every page is rewritten), finds the files whose bytes changed by comparing
the two builds, and plans their purge with :func:`park_digest.publish.sync.purgeplan.plan_purge` and
each vendor's default limits, in three states of the day's quota: unused, after an earlier
rebuild used most of the URLs, and with the directories spent too. It reports the URLs, the
directories and the requests of each plan and the budgets before and after.

Bar of issue 17: each plan names at most the day's remaining directories and no more URLs than
the remaining URL budget, and the changed URLs are all either purged or left pending.

``--source build`` (default) builds with ``park-digest build`` in a throw-away project
(``bench/site.py``), the theme change a real edit of the copied theme; ``--source synthetic``
writes the Pelican-shaped output of ``bench/sync_bytes.py`` and rewrites every page. Results
are printed and written to ``bench/results/purge_plan.json``. Importable: :func:`measure`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:  # run as a script: make `bench` importable
    sys.path.insert(0, str(PROJECT))

from bench.sync_bytes import _build, real_site, write_synthetic_site  # noqa: E402
from park_digest.publish.sync.purge import public_urls  # noqa: E402
from park_digest.publish.sync.purgeplan import Limits, PurgePlan, plan_purge  # noqa: E402
from park_digest.settings import DEFAULTS  # noqa: E402

RESULTS = PROJECT / "bench" / "results"
SITE = "https://news.example.org/"
THEME_LINE = "<!-- theme: a new look -->\n"


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def built_site(work: Path, n: int, source: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Both builds of the site: before and after a theme change."""
    if source == "synthetic":
        out = work / "output"
        write_synthetic_site(out, n)
        before = snapshot(out)
        for key in before:
            if key.endswith(".html"):
                path = out / key
                path.write_bytes(
                    path.read_bytes().replace(b"</head>", THEME_LINE.encode() + b"</head>")
                )
        return before, snapshot(out)
    out, build, _ = real_site(work, n)
    build()
    before = snapshot(out)
    base = out.parent / "theme" / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</head>", THEME_LINE + "</head>"))
    _build(out.parent)
    return before, snapshot(out)


def describe(result: PurgePlan) -> dict[str, Any]:
    return {
        "mode": result.mode,
        "urls": len(result.urls),
        "dirs": list(result.dirs),
        "deferred": len(result.deferred),
        "requests": result.requests,
        "url_budget": [result.url_budget, result.url_budget_after],
        "dir_budget": [result.dir_budget, result.dir_budget_after],
    }


def within_bar(result: PurgePlan) -> bool:
    """At most the remaining directories, no more URLs than the remaining URL budget."""
    dirs_ok = result.dir_budget is None or len(result.dirs) <= result.dir_budget
    urls_ok = result.url_budget is None or len(result.urls) <= result.url_budget
    return dirs_ok and urls_ok


def accounted(result: PurgePlan, changed: list[str]) -> bool:
    """Every changed URL is purged, lies below a purged directory, or stays pending."""
    purged, pending = set(result.urls), set(result.deferred)
    return all(u in purged or u in pending or u.startswith(result.dirs) for u in changed)


def measure(n: int, source: str, work: Path) -> dict[str, Any]:
    before, after = built_site(work, n, source)
    changed_keys = sorted(k for k, v in after.items() if before.get(k) != v)
    changed_keys += sorted(k for k in before if k not in after)
    changed = public_urls(changed_keys, [SITE])
    site = set(public_urls(after, [SITE]))
    results: dict[str, Any] = {
        "n": n,
        "source": source,
        "files": len(after),
        "changed_files": len(changed_keys),
        "changed_urls": len(changed),
        "plans": {},
    }
    meets = True
    for vendor in ("aliyun", "tencent"):
        limits = Limits(
            **DEFAULTS[f"PARK_DIGEST_SYNC_{vendor.upper()}_LIMITS"],
            url_reserve=DEFAULTS["PARK_DIGEST_SYNC_PURGE_URL_RESERVE"],
            dir_reserve=DEFAULTS["PARK_DIGEST_SYNC_PURGE_DIR_RESERVE"],
        )
        states = {
            "quota unused": (0, 0),
            "after an earlier rebuild today": (max(0, limits.urls_per_day - len(changed) // 2), 0),
            "URLs and directories spent": (limits.urls_per_day, limits.dirs_per_day),
        }
        for state, (used_urls, used_dirs) in states.items():
            started = time.perf_counter()
            result = plan_purge(
                changed, limits, used_urls=used_urls, used_dirs=used_dirs, roots=[SITE], site=site
            )
            seconds = time.perf_counter() - started
            ok = within_bar(result) and accounted(result, changed)
            meets &= ok
            results["plans"][f"{vendor}: {state}"] = {
                **describe(result),
                "plan_seconds": round(seconds, 3),
                "within_bar": ok,
            }
    results["meets_bar"] = meets
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--source", choices=("build", "synthetic"), default="build")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="purge-plan-"))
    try:
        results = measure(args.n, args.source, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"{results['n']} articles ({results['source']}): theme change rewrote "
        f"{results['changed_files']} of {results['files']} files, {results['changed_urls']} URLs"
    )
    for name, plan in results["plans"].items():
        print(
            f"  {name:<42} {plan['mode']:<12} urls {plan['urls']:>6}  dirs {len(plan['dirs']):>3}"
            f"  pending {plan['deferred']:>6}  requests {plan['requests']:>3}"
            f"  URL budget {plan['url_budget'][0]} → {plan['url_budget'][1]}"
            f"  dir budget {plan['dir_budget'][0]} → {plan['dir_budget'][1]}"
            f"  {'ok' if plan['within_bar'] else 'OVER'}"
        )
    print(f"bar (within the quota, nothing lost): {'met' if results['meets_bar'] else 'NOT met'}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "purge_plan.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0 if results["meets_bar"] else 1


if __name__ == "__main__":
    sys.exit(main())
