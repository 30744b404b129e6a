"""Search index size per script and query time: ``python -m bench.search_size [--n 1000]``.

Builds a synthetic archive of N articles with ``park-digest build`` (which writes one Pagefind
index that serves every script), reports the index and bundle size, then serves the output on
127.0.0.1 and times queries in headless Chromium on the search page of every site: the time from
the query to the first results shown (conversion of the query, Pagefind, checking candidates),
as the page itself measures it. The first query of a page includes loading Pagefind; the
others are "warm". The index size per 1,000 articles is reported. Bars: every query < 300 ms and at most 1 MB fetched, and on a
page just opened over an emulated slow 4G line, the first results under 1.5 s.

Over slow 4G each query is asked on a search page just opened in a fresh browser: typed as soon
as the page's script runs (the bar: the time from the query to its first result shown), and
opened with ``?q=`` as the header box does (reported: the first result from the page's
navigation, which adds the page and its script). ``--waterfall`` lists every request before the
first result (when it starts, from the navigation, and its bytes on the wire) for a Simplified
and a Traditional query on each site. ``--gzip`` serves text files (HTML, JS, JSON, CSS)
gzip-compressed, as a CDN that compresses does or a sync with ``PARK_DIGEST_SYNC_GZIP``;
without it they go as the build wrote them. Pagefind's own files are compressed by Pagefind.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import http.server
import io
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote

from park_digest.publish.sync.headers import CONTENT_TYPES, TEXT_TYPES
from park_digest.search.index import BUNDLE_DIR, SiteIndex, folder_bytes, index_site, read_result

from . import site as bench_site
from .serving import serve_folder

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
# The waterfall shows the first two (one Simplified, one Traditional).
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
    first_ms: float = 0.0  # to the first result shown (slow 4G: the bar)
    opened_ms: float = 0.0  # slow 4G, the page opened with ?q=: first result from navigation


@dataclass(frozen=True, slots=True, kw_only=True)
class Request:
    start_ms: float  # from the page's navigation
    end_ms: float
    wire_bytes: int  # as sent: compressed when the server compressed it
    body_bytes: int  # as the page reads it
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Waterfall:
    site: str
    query: str
    first_at_ms: float  # the first result shown, from the navigation
    requests: list[Request] = field(default_factory=list)


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


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Files of the served folder; text types gzip-compressed when ``gzip_text`` is set and
    the browser accepts it (as the sync's headers would say, or a compressing CDN)."""

    gzip_text = False

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self) -> io.BytesIO | object | None:
        url_path = self.path.split("?", 1)[0]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and url_path.endswith("/"):
            path = path / "index.html"
        kind = CONTENT_TYPES.get(path.suffix.lower())
        if not (self.gzip_text and kind in TEXT_TYPES and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # as stored (and a folder's redirect to its slash)
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve(root: Path, gzip_text: bool = False) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 (text gzip-compressed when ``gzip_text``); yield its URL."""
    with serve_folder(root, type("Handler", (_Handler,), {"gzip_text": gzip_text})) as url:
        yield url


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


@contextlib.contextmanager
def slow_page(browser: object) -> Iterator[object]:
    """A page in a fresh browser context (nothing cached) over the emulated slow 4G line."""
    context = browser.new_context()
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        yield page
    finally:
        context.close()


def first_result(page: object) -> tuple[float, float, float, str]:
    """Wait for the open search page to settle; (ms from its query to the first result shown,
    to the last of the first page, from its navigation to the first result, its state)."""
    page.wait_for_selector("[data-search][data-query-ms]", timeout=QUERY_TIMEOUT_MS)
    return page.eval_on_selector(
        "[data-search]", """e => [Number(e.dataset.firstMs), Number(e.dataset.queryMs),
                                  Number(e.dataset.firstAt), e.dataset.state]""")


def slow_4g_times(browser: object, base_url: str, prefix: str) -> list[QueryTime]:
    """Each query on a search page just opened in a fresh browser (nothing cached) over an
    emulated slow 4G line: typed as soon as the page's script runs (the time from the query
    to its first result), and opened with ``?q=`` (the first result from the navigation)."""
    times = []
    search_url = f"{base_url}{prefix + '/' if prefix else ''}search/"
    for query, _ in QUERIES:
        with slow_page(browser) as page:
            page.goto(search_url)
            page.wait_for_selector("[data-search][data-ready]", timeout=QUERY_TIMEOUT_MS)
            ask(page, query)
            first_ms, ms, _, state = first_result(page)
        with slow_page(browser) as page:
            page.goto(f"{search_url}?q={quote(query)}")
            _, _, opened_ms, _ = first_result(page)
        times.append(QueryTime(site=prefix or "/", query=query, ms=ms, first_ms=first_ms,
                               opened_ms=opened_ms, found=state == "found", warm=False,
                               fetched_bytes=0))
    return times


def waterfall(browser: object, base_url: str, prefix: str, query: str) -> Waterfall:
    """The requests of a search page opened with ``?q=query`` over slow 4G, up to its first
    result: when each starts and ends (from the navigation) and its bytes."""
    with slow_page(browser) as page:
        done: list[object] = []
        page.on("requestfinished", lambda request: done.append(request))
        page.goto(f"{base_url}{prefix + '/' if prefix else ''}search/?q={quote(query)}")
        _, _, first_at, _ = first_result(page)
        origin = page.evaluate("performance.timeOrigin")
        requests = []
        for request in done:
            timing, sizes = request.timing, request.sizes()
            start = timing["startTime"] - origin
            if start > first_at:
                continue
            requests.append(Request(
                start_ms=start, end_ms=start + max(0.0, timing["responseEnd"]),
                wire_bytes=sizes["responseBodySize"] + sizes["responseHeadersSize"],
                body_bytes=len(request.response().body()) if request.response() else 0,
                url=request.url.removeprefix(base_url)))
    return Waterfall(site=prefix or "/", query=query, first_at_ms=first_at,
                     requests=sorted(requests, key=lambda r: r.start_ms))


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


def measure_slow_4g(output: Path, gzip_text: bool = False) -> list[QueryTime]:
    sys.path.insert(0, str(BENCH.parent / "tests"))
    from support import chromium, chromium_missing

    if chromium_missing():
        return []
    with serve(output, gzip_text) as base_url, chromium() as browser:
        return [t for prefix in site_prefixes(output)
                for t in slow_4g_times(browser, base_url, prefix)]


def measure_waterfalls(output: Path, gzip_text: bool = False) -> list[Waterfall]:
    sys.path.insert(0, str(BENCH.parent / "tests"))
    from support import chromium, chromium_missing

    if chromium_missing():
        return []
    with serve(output, gzip_text) as base_url, chromium() as browser:
        return [waterfall(browser, base_url, prefix, query)
                for prefix in site_prefixes(output) for query, _ in QUERIES[:2]]


def report_waterfalls(falls: list[Waterfall]) -> None:
    print("\nrequests before the first result, the page opened with ?q= over slow 4G"
          " (start and end from the navigation, bytes on the wire)")
    for fall in falls:
        wire = sum(r.wire_bytes for r in fall.requests)
        print(f"  {fall.site} {fall.query}: first result at {fall.first_at_ms:.0f} ms,"
              f" {len(fall.requests)} requests, {wire / 1000:.1f} kB")
        for r in fall.requests:
            print(f"    {r.start_ms:6.0f} → {r.end_ms:6.0f} ms {r.wire_bytes / 1000:7.1f} kB"
                  f" ({r.body_bytes / 1000:6.1f} kB read)  {r.url[:80]}")


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
        print(f"\nfirst results on a page just opened over slow 4G (bar: < {SLOW_4G_MAX_MS:.0f} ms"
              " from the query to its first result; also: to the first page of results, and"
              " the page opened with ?q=, from its navigation)")
        for t in slow:
            print(f"  {t.site:10} {t.query:12} first {t.first_ms:6.0f} ms  page {t.ms:6.0f} ms"
                  f"  opened with ?q= {t.opened_ms:6.0f} ms")
        mark = "ok  " if max(t.first_ms for t in slow) < SLOW_4G_MAX_MS else "MISS"
        print(f"  {mark} slowest first result {max(t.first_ms for t in slow):.0f} ms;"
              f" opened with ?q=: slowest {max(t.opened_ms for t in slow):.0f} ms (reported)")
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
               and (not slow or max(t.first_ms for t in slow) < SLOW_4G_MAX_MS)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_size", description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="articles in the archive")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the last build in bench/work/search_size without rebuilding")
    parser.add_argument("--seed-copies", action="store_true",
                        help="also index N copies of the seed article (articles of real length)")
    parser.add_argument("--gzip", action="store_true",
                        help="serve text files gzip-compressed, as a compressing CDN does")
    parser.add_argument("--waterfall", action="store_true",
                        help="list the requests before the first result over slow 4G")
    parser.add_argument("--slow-only", action="store_true",
                        help="measure over slow 4G only (no loopback query times)")
    parser.add_argument("--loopback-only", action="store_true",
                        help="measure the loopback query times only (not over slow 4G)")
    args = parser.parse_args(argv)
    output = WORK / "site" / "output"
    if not (args.reuse and output.is_dir()):
        output = build(args.n)
    if args.waterfall:
        report_waterfalls(measure_waterfalls(output, args.gzip))
    times = [] if args.slow_only else measure_queries(output)
    slow = [] if args.loopback_only else measure_slow_4g(output, args.gzip)
    result = report(args.n, index_sizes(output), times, slow)
    result["gzip"] = args.gzip
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
