"""Search index size per script and query time: ``python -m bench.search_size [--n 1000]``.

Builds a synthetic archive of N articles with ``park-digest build`` (which writes one Pagefind
index that serves every script), reports the index and bundle size, then serves the output on
127.0.0.1 and times queries in headless Chromium on the search page of every site: the time from
the query to the first results shown (conversion of the query, Pagefind, checking candidates),
as the page itself measures it. The first query of a page includes loading Pagefind; the
others are "warm". The index size per 1,000 articles is reported. Bars: every query < 300 ms and at most 1 MB fetched, and on a
page just opened over an emulated slow 4G line, the first results under 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from park_digest.search.index import BUNDLE_DIR, SiteIndex, folder_bytes, index_site, read_result

from . import site as bench_site

BENCH = Path(__file__).resolve().parent
WORK = BENCH / "work" / "search_size"
QUERY_MAX_MS = 300.0
QUERY_MAX_BYTES = 1_000_000
# Chromium's network emulation of a slow 4G line (Lighthouse's): 150 ms round trip, 1.6 Mbit/s
# down, 750 kbit/s up; bar: the first result of a query on a page just opened, under 1.5 s.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8,
           "uploadThroughput": 750_000 / 8}
SLOW_4G_MAX_MS = 1500.0
BUILD_TIMEOUT_S = 1800
QUERY_TIMEOUT_MS = 30_000

# (query, expect a match): Simplified and Traditional forms of words in the synthetic archive,
# one whose conversion needs the phrase list (发), and one that is nowhere.
QUERIES = (
    ("湘君电子", True),
    ("湘君電子", True),
    ("产学研合作", True),
    ("產學研合作", True),
    ("绿色发展", True),
    ("綠色發展", True),
    ("埃普特 湖南大学", True),
    ("火星基地", False),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class QueryTime:
    site: str
    query: str
    ms: float
    found: bool
    warm: bool
    fetched_bytes: int  # what the page fetched for this query (index chunks, page records, …)


def build(n: int, work: Path = WORK) -> Path:
    """Build a synthetic archive of ``n`` articles in ``work``; return its output folder."""
    site = bench_site.make_site(work, n)
    command = [sys.executable, "-m", "park_digest.cli", "build", "--force"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=site.root, capture_output=True, text=True,
                          timeout=BUILD_TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise SystemExit(f"park-digest build failed ({done.returncode}):\n{done.stderr[-3000:]}")
    print(f"built {n} articles in {time.perf_counter() - started:.1f} s", flush=True)
    return site.output


def seed_copies(n: int, work: Path = WORK) -> Path:
    """The project's seed article built once, its page copied ``n`` times per script, indexed.

    The synthetic articles are longer than the seed (about 3,100 characters of text against
    2,000); the copies give the size of an index of ``n`` articles of the seed's length.
    """
    output = work / "seed-copies"
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "park_digest.cli", "build", "--force",
               "--output", str(output)]
    done = subprocess.run(command, cwd=BENCH.parent, capture_output=True, text=True,
                          timeout=BUILD_TIMEOUT_S, check=False)
    if done.returncode != 0:
        raise SystemExit(f"park-digest build failed ({done.returncode}):\n{done.stderr[-3000:]}")
    prefixes = [p for p in site_prefixes(output) if p]
    for site in [output, *(output / p for p in prefixes)]:
        pages = sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))
        html = pages[0].read_text(encoding="utf-8")
        for number in range(1, n):
            copy = site / "copies" / f"{number:05d}" / "index.html"
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(html, encoding="utf-8")
    index_site(output, prefixes)
    return output


def site_prefixes(output: Path) -> list[str]:
    """"" for the root and the prefix of every variant site the index serves."""
    variants = sorted(p.parent.parent.name for p in output.glob("*/pagefind/shards.json"))
    return ["", *variants]


def index_sizes(output: Path) -> dict[str, SiteIndex]:
    """The index (one, at the root, serving every script)."""
    return {"": read_result(output)}


def ask(page: object, query: str) -> tuple[float, str]:
    """Submit ``query`` on the open search page; the page's own time to results, its state."""
    page.evaluate(
        """(q) => { const root = document.querySelector('[data-search]');
                    delete root.dataset.queryMs; root.dataset.state = 'busy';
                    const input = root.querySelector('input[type=search]');
                    input.value = q; root.querySelector('form').requestSubmit(); }""",
        query,
    )
    page.wait_for_selector("[data-search][data-query-ms]", timeout=QUERY_TIMEOUT_MS)
    return page.eval_on_selector("[data-search]",
                                 "e => [Number(e.dataset.queryMs), e.dataset.state]")


def time_queries(page: object, base_url: str, prefix: str) -> list[QueryTime]:
    """Run every query on one site's search page, the first one cold; return the timings."""
    page.goto(f"{base_url}{prefix + '/' if prefix else ''}search/")
    page.wait_for_selector("[data-search][data-ready]")
    fetched: list[int] = []  # response bodies, the search worker's fetches included
    page.on("requestfinished", lambda request: fetched.append(
        max(0, request.sizes().get("responseBodySize", 0))))
    times = []
    for number, (query, _) in enumerate(QUERIES):
        page.wait_for_load_state("networkidle")
        fetched.clear()
        ms, state = ask(page, query)
        page.wait_for_load_state("networkidle")
        times.append(QueryTime(site=prefix or "/", query=query, ms=ms, found=state == "found",
                               warm=number > 0, fetched_bytes=sum(fetched)))
    return times


def slow_4g_times(browser: object, base_url: str, prefix: str) -> list[QueryTime]:
    """Each query on a search page just opened in a fresh browser (nothing cached) over an
    emulated slow 4G line: the time to its first results."""
    times = []
    for query, _ in QUERIES:
        context = browser.new_context()
        try:
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW_4G)
            page.goto(f"{base_url}{prefix + '/' if prefix else ''}search/")
            page.wait_for_selector("[data-search][data-ready]", timeout=QUERY_TIMEOUT_MS)
            ms, state = ask(page, query)
            times.append(QueryTime(site=prefix or "/", query=query, ms=ms,
                                   found=state == "found", warm=False, fetched_bytes=0))
        finally:
            context.close()
    return times


def measure_queries(output: Path) -> list[QueryTime]:
    sys.path.insert(0, str(BENCH.parent / "tests"))
    from support import chromium, chromium_missing, serve_folder

    reason = chromium_missing()
    if reason:
        print(f"query time not measured: {reason}")
        return []
    times: list[QueryTime] = []
    with serve_folder(output) as base_url, chromium() as browser:
        for prefix in site_prefixes(output):
            context = browser.new_context()  # each site as a first visit: nothing cached
            try:
                times += time_queries(context.new_page(), base_url, prefix)
            finally:
                context.close()
    return times


def measure_slow_4g(output: Path) -> list[QueryTime]:
    sys.path.insert(0, str(BENCH.parent / "tests"))
    from support import chromium, chromium_missing, serve_folder

    if chromium_missing():
        return []
    with serve_folder(output) as base_url, chromium() as browser:
        return [t for prefix in site_prefixes(output)
                for t in slow_4g_times(browser, base_url, prefix)]


def report(n: int, sizes: dict[str, SiteIndex], times: list[QueryTime],
           slow: list[QueryTime] = ()) -> dict:
    print(f"\nsearch index, {n} articles, one for every script (reported, not a bar;"
          " index = word index + page records, bundle = that + Pagefind's scripts)")
    for prefix, size in sizes.items():
        mark = f"{size.index_bytes / size.pages * 1000 / 1e6:4.1f} MB per 1,000 articles:" \
            if size.pages else ""
        words = sum(folder_bytes(f) for f in (size.site / BUNDLE_DIR).glob("*/index"))
        records = sum(folder_bytes(f) for f in (size.site / BUNDLE_DIR).glob("*/fragment"))
        print(f"  {mark} {prefix or '/':10} {size.pages:6} pages  index {size.index_bytes / 1e6:5.2f}"
              f" MB (words {words / 1e6:4.2f}, page records {records / 1e6:4.2f})"
              f"  bundle {size.bundle_bytes / 1e6:5.2f} MB")
    expected = dict(QUERIES)
    wrong = [t for t in times if t.found != expected[t.query]]
    warm = [t.ms for t in times if t.warm]
    cold = [t.ms for t in times if not t.warm]
    if times:
        print(f"\nquery time in Chromium (bar: < {QUERY_MAX_MS:.0f} ms)")
        for t in times:
            print(f"  {t.site:10} {t.query:12} {t.ms:6.0f} ms  {t.fetched_bytes / 1000:7.1f} kB"
                  f"  {'found' if t.found else 'none '}"
                  f"{'' if t.warm else '  (first query: loads Pagefind)'}")
        mark = "ok  " if max(warm + cold) < QUERY_MAX_MS else "MISS"
        print(f"  {mark} warm: median {statistics.median(warm):.0f} ms, max {max(warm):.0f} ms;"
              f" first query of a page: max {max(cold):.0f} ms (bar: every query)")
        most = max(t.fetched_bytes for t in times)
        mark = "ok  " if most <= QUERY_MAX_BYTES else "MISS"
        print(f"  {mark} fetched by a query: at most {most / 1000:.0f} kB"
              f" (bar: {QUERY_MAX_BYTES / 1000:.0f} kB)")
    if slow:
        print(f"\nfirst results on a page just opened over slow 4G (bar: < {SLOW_4G_MAX_MS:.0f} ms)")
        for t in slow:
            print(f"  {t.site:10} {t.query:12} {t.ms:6.0f} ms")
        mark = "ok  " if max(t.ms for t in slow) < SLOW_4G_MAX_MS else "MISS"
        print(f"  {mark} slowest {max(t.ms for t in slow):.0f} ms")
        for t in wrong:
            print(f"  MISS {t.site} {t.query}: expected {'a match' if expected[t.query] else 'none'}")
    return {
        "n": n,
        "sites": {prefix or "/": {**asdict(size), "site": str(size.site)}
                  for prefix, size in sizes.items()},
        "queries": [asdict(t) for t in times],
        "slow_4g": [asdict(t) for t in slow],
        "ok": (not wrong and (not times or max(t.ms for t in times) < QUERY_MAX_MS)
               and (not times or max(t.fetched_bytes for t in times) <= QUERY_MAX_BYTES)
               and (not slow or max(t.ms for t in slow) < SLOW_4G_MAX_MS)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_size", description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="articles in the archive")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the last build in bench/work/search_size without rebuilding")
    parser.add_argument("--seed-copies", action="store_true",
                        help="also index N copies of the seed article (articles of real length)")
    args = parser.parse_args(argv)
    output = WORK / "site" / "output"
    if not (args.reuse and output.is_dir()):
        output = build(args.n)
    result = report(args.n, index_sizes(output), measure_queries(output),
                    measure_slow_4g(output))
    if args.seed_copies:
        copies = index_sizes(seed_copies(args.n))
        print(f"\nthe seed article copied {args.n} times (its real length)")
        for prefix, size in copies.items():
            print(f"  {prefix or '/':10} {size.pages:6} pages  index"
                  f" {size.index_bytes / 1e6:5.2f} MB  bundle {size.bundle_bytes / 1e6:5.2f} MB")
        result["seed_copies"] = {prefix or "/": size.index_bytes for prefix, size in copies.items()}
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
