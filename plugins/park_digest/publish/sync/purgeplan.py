"""The purge plan: which URLs and directories to purge today, within the CDN's daily quota.

Pure functions, no network. The URLs that changed are purged exactly when they fit the day's
remaining URL budget (less a reserve). When they do not, the plan purges the fewest directories
that cover them all: the deepest common directory of the changes on each domain, which for a
rebuild that changed everything is the site root, once per domain. When the day's directory
budget cannot cover them, the plan purges the directories it can and as many URLs as fit, and
leaves the rest pending for the next day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

EXACT = "exact"
DIRECTORIES = "directories"
PARTIAL = "partial"
NOTHING = "nothing"


@dataclass(frozen=True, slots=True, kw_only=True)
class Limits:
    """A CDN's purge limits; ``None`` means no limit."""

    urls_per_day: int | None = None
    dirs_per_day: int | None = 0
    url_reserve: int = 0  # URLs of the day's quota the sync leaves for purges by hand
    dir_reserve: int = 0
    urls_per_request: int | None = None
    dirs_per_request: int | None = None
    domains_per_request: int | None = None
    calls_per_second: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PurgePlan:
    mode: str  # EXACT, DIRECTORIES, PARTIAL or NOTHING
    urls: tuple[str, ...]  # purged one by one
    dirs: tuple[str, ...]  # directory URLs (ending in "/"), each covering what lies below it
    deferred: tuple[str, ...]  # left pending: they do not fit today's quota
    url_batches: tuple[tuple[str, ...], ...]
    dir_batches: tuple[tuple[str, ...], ...]
    url_budget: int | None  # before the plan; None: unlimited
    dir_budget: int | None

    @property
    def requests(self) -> int:
        return len(self.url_batches) + len(self.dir_batches)

    @property
    def url_budget_after(self) -> int | None:
        return None if self.url_budget is None else self.url_budget - len(self.urls)

    @property
    def dir_budget_after(self) -> int | None:
        return None if self.dir_budget is None else self.dir_budget - len(self.dirs)

    def summary(self) -> str:
        """One line for a person: what is purged, in how many requests, and the budget."""

        def budget(before: int | None, after: int | None) -> str:
            return "unlimited" if before is None else f"{before} → {after}"

        line = (
            f"purge plan ({self.mode}): {len(self.urls)} URLs, {len(self.dirs)} directories "
            f"in {self.requests} requests; URL budget {budget(self.url_budget, self.url_budget_after)}"
        )
        if self.dir_budget is None or self.dir_budget > 0 or self.dirs:
            line += f", directory budget {budget(self.dir_budget, self.dir_budget_after)}"
        if self.deferred:
            line += f"; {len(self.deferred)} URLs stay pending"
        return line


def remaining(limit: int | None, used: int, reserve: int) -> int | None:
    """What is left of a daily ``limit`` after ``used`` and the ``reserve``; None: unlimited."""
    return None if limit is None else max(0, limit - used - reserve)


def parent_dirs(url: str, roots: Sequence[str]) -> Iterator[str]:
    """The directories above ``url``, deepest first, down to its site root (included).

    ``roots`` are the site's public base URLs (ending in "/"); a URL below none of them
    stops at its domain's root. ``https://x.org/a/b/c.html`` gives ``…/a/b/``, ``…/a/``, ``…/``.
    """
    root = next((r for r in roots if url.startswith(r)), None)
    if root is None:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}/"
    cut = url.rstrip("/").rfind("/")
    while cut >= len(root) - 1:
        yield url[: cut + 1]
        cut = url.rfind("/", 0, cut)


def count_below(urls: Iterable[str], roots: Sequence[str]) -> Counter[str]:
    """For each directory, how many of ``urls`` lie below it."""
    counts: Counter[str] = Counter()
    for url in urls:
        counts.update(parent_dirs(url, roots))
    return counts


def choose_dirs(
    urls: Collection[str],
    *,
    roots: Sequence[str],
    site: Collection[str],
    url_budget: int,
    dir_budget: int,
) -> tuple[list[str], set[str]]:
    """Directories covering ``urls`` until the rest fit ``url_budget``; return them and the rest.

    Each step takes, among the directories that make the rest fit, the one that covers the
    fewest URLs of ``site`` that did not change (then the deepest); when none is enough alone,
    the one covering the most changed URLs. Stops when the rest fit or ``dir_budget`` is spent.
    """
    chosen: list[str] = []
    rest = set(urls)
    site_counts = count_below(site, roots) if site else Counter()
    while len(rest) > url_budget and len(chosen) < dir_budget:
        counts = count_below(rest, roots)
        if not counts:
            break
        needed = len(rest) - url_budget

        def waste(d: str, counts: Counter[str] = counts) -> int:
            return max(0, site_counts[d] - counts[d])

        enough = [d for d, n in counts.items() if n >= needed]
        if enough:
            best = min(enough, key=lambda d: (waste(d), -d.count("/"), d))
        else:
            best = max(counts, key=lambda d: (counts[d], -waste(d), d.count("/"), d))
        chosen.append(best)
        rest = {u for u in rest if not u.startswith(best)}
    return chosen, rest


def batches(
    items: Iterable[str], *, size: int | None, domains: int | None
) -> tuple[tuple[str, ...], ...]:
    """``items`` (sorted) in requests of at most ``size`` items and ``domains`` domains."""
    result: list[tuple[str, ...]] = []
    current: list[str] = []
    hosts: set[str] = set()
    for item in sorted(items):
        host = urlsplit(item).netloc
        full = size is not None and len(current) >= size
        too_many_hosts = domains is not None and host not in hosts and len(hosts) >= domains
        if current and (full or too_many_hosts):
            result.append(tuple(current))
            current, hosts = [], set()
        current.append(item)
        hosts.add(host)
    if current:
        result.append(tuple(current))
    return tuple(result)


def plan_purge(
    urls: Collection[str],
    limits: Limits,
    *,
    used_urls: int = 0,
    used_dirs: int = 0,
    roots: Sequence[str] = (),
    site: Collection[str] = (),
) -> PurgePlan:
    """Plan the purge of ``urls`` (absolute) within what is left of today's quota.

    ``roots`` are the site's public base URLs (a directory purge never goes above them);
    ``site`` every URL the site serves, to prefer directories that hold few unchanged URLs.
    """
    url_budget = remaining(limits.urls_per_day, used_urls, limits.url_reserve)
    dir_budget = remaining(limits.dirs_per_day, used_dirs, limits.dir_reserve)
    ordered = sorted(urls)
    if not ordered:
        mode, exact, dirs, deferred = NOTHING, [], [], []
    elif url_budget is None or len(ordered) <= url_budget:
        mode, exact, dirs, deferred = EXACT, ordered, [], []
    else:
        dirs, rest = choose_dirs(
            ordered,
            roots=roots,
            site=site,
            url_budget=0,  # directories cover every changed URL, sparing the URL budget
            dir_budget=len(ordered) if dir_budget is None else dir_budget,
        )
        left = sorted(rest)
        if len(left) <= url_budget:
            mode, exact, deferred = DIRECTORIES, left, []
        else:
            mode, exact, deferred = PARTIAL, left[:url_budget], left[url_budget:]
    return PurgePlan(
        mode=mode,
        urls=tuple(exact),
        dirs=tuple(sorted(dirs)),
        deferred=tuple(deferred),
        url_batches=batches(
            exact, size=limits.urls_per_request, domains=limits.domains_per_request
        ),
        dir_batches=batches(dirs, size=limits.dirs_per_request, domains=limits.domains_per_request),
        url_budget=url_budget,
        dir_budget=dir_budget,
    )


def plan_lines(result: PurgePlan) -> list[str]:
    """The plan as lines for ``--dry-run``: every directory and URL, then the summary."""
    lines = [f"{'directory':>12}  {d}" for d in result.dirs]
    lines += [f"{'url':>12}  {u}" for u in result.urls]
    lines += [f"{'pending':>12}  {u}" for u in result.deferred]
    lines.append(result.summary())
    return lines
