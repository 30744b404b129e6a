"""Index the built site for search: one Pagefind index for every script, after the sites are written.

Only the Simplified site at the root of the output folder is indexed, into ``output/pagefind/``;
the variant sites (``output/zh-hant/``…) are the same articles in another script, so they share
that index. The search page converts a reader's query into Simplified before it asks, and shows
each hit in the reader's script: the title and outlet of the variant page are stored with the
hit (read from the variant site when the index is made), and the excerpt is converted in the
browser. Each variant site gets only a small ``pagefind/shards.json`` that points at the root's
bundles and names the variant (its prefix and OpenCC config).

The index is split into shards of consecutive months (``pagefind/2021-07/``…, one Pagefind
bundle each, listed in ``pagefind/shards.json``; the search page merges them), and no Pagefind
run holds more than one shard in memory. Those month shards are the base. A page that is new
or edited since the base was made goes to a small overlay shard (``pagefind/overlay/``)
instead, so a build after an edit indexes that one shard of a few pages; the shard list names
the pages whose record in the base is older (``current``: each page's version), and the search
page leaves such records out (every record carries its version, meta ``v``). When the overlay
would pass ``overlay_pages`` pages, or a page of the base is gone, the base is planned again:
then only the month shards whose pages changed are indexed again.

Pagefind cuts Chinese into words with a dictionary when it indexes, and with the browser's
segmenter when it searches; the two often disagree, and a page that holds the query is then not
found. So Pagefind is not given the pages as they are but a copy of each article page in which
every run of Chinese characters is written as its overlapping pairs (``园区产值`` → ``园区 区产
产值``), each a word, in a language Pagefind does not segment (:data:`INDEX_LANG`); the search
page asks for the query's pairs as a phrase, so a page is found exactly when it holds the query.
A pair is far rarer than a character, so what one query fetches stays small as the archive
grows: the search page asks only for the query's rarer pairs (the build lists the common ones
with their page counts) and checks the whole query on the pages found. The served pages are not
changed; the copies live in a temporary folder and the URLs Pagefind records are the same.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import importlib.metadata
import json
import logging
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from selectolax.lexbor import LexborHTMLParser

from park_digest.settings import DEFAULTS
from park_digest.statefile import read_json, write_json

logger = logging.getLogger(__name__)

BUNDLE_DIR = "pagefind"
# The list of the site's bundles (one per shard) that the search page reads first.
LISTING = "shards.json"
# The common pairs with their page counts, beside the list: the search page needs them only to
# word a query, so the list it waits for before anything else stays small.
COMMON = "common.json"
# Pages per shard, and at most in the overlay, unless the settings say otherwise (settings.py).
SHARD_PAGES = DEFAULTS["PARK_DIGEST_SEARCH_SHARD_PAGES"]
OVERLAY_PAGES = DEFAULTS["PARK_DIGEST_SEARCH_OVERLAY_PAGES"]
OVERLAY = "overlay"
# Raised when the staging rules change, so every shard is indexed again.
STAGING_VERSION = 6
PAGEFIND_VERSION = importlib.metadata.version("pagefind")
# A pair of characters on at least this share of the pages is "common": the search page leaves
# it out of what it asks Pagefind when the query has rarer pairs (its positions are the bulk of
# what a query would fetch), and checks the whole query on the pages found.
COMMON_SHARE = 0.02
# What each shard keeps of its pair counts between builds: pairs on at least this share of its
# pages (a pair rarer in every shard cannot be common overall by much).
KEPT_SHARE = 0.01
DATED = re.compile(r"^\d{4}$")
DATED_MONTH = re.compile(r"^\d{2}$")
# Files of the bundle that hold the index itself (the rest is Pagefind's script and UI).
INDEX_PARTS = ("fragment", "index", "filter")
INDEX_TIMEOUT_S = 600
# Pagefind's ready-made interfaces; the theme's search page uses its API (pagefind.js) alone.
UNUSED_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
)
# Only pages the theme marks are indexed (articles); Pagefind ignores the others anyway.
BODY_MARK = "data-pagefind-body"
# Han characters: the unified blocks, extension A, compatibility ideographs, extensions B-F.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
SEPARATOR = " "  # between the pairs of a run, and around the run: a word boundary for Pagefind
HAN_RUN = re.compile(f"[{HAN}]+")
# The language of the copies: no Pagefind dictionary or stemmer applies, words are split at
# white space only. The search page loads the bundle's only language whatever its own.
INDEX_LANG = "x-pairs"
# Inline markup inside the text, left out of the copies so a run of characters is not cut in
# two (a pair across the cut would be lost); elements that carry Pagefind attributes stay.
INLINE_TAG = re.compile(
    r"<(/?)(a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|"
    r"strong|sub|sup|time|u|var)\b([^>]*)>", re.I)
# Inline images (the theme's placeholder for a missing picture) would be stored with every page
# as Pagefind's "image" field; the copies drop them.
TAG_NAME = re.compile(r"[a-zA-Z][a-zA-Z0-9-]*")
HTML_TAG = re.compile(r"<html\b[^>]*>", re.I)
DATA_URI = re.compile(r'\s(?:src|srcset)="data:[^"]*"')
# Markup whose text is not page text: tags, comments, scripts and styles.
NOT_TEXT = re.compile(
    r"(<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>)", re.S | re.I
)


class SearchIndexError(RuntimeError):
    """Pagefind could not index a site; the message says which and what to do."""


class VariantLike(Protocol):
    """What the index needs of a script variant (``site.scripts.Variant`` has it)."""

    code: str
    prefix: str
    config: str | None


@dataclass(frozen=True, slots=True)
class VariantSite:
    """A variant site the root index serves: its code, folder under the root, OpenCC config."""

    code: str
    prefix: str
    config: str | None = None

    @property
    def key(self) -> str:
        """The suffix of its meta fields in the index: ``title_zh_hant``."""
        return self.code.replace("-", "_")


def variant_sites(variants: Iterable[VariantLike | str]) -> list[VariantSite]:
    """The variant sites among ``variants`` (objects with code, prefix and config, or bare
    prefixes), the root left out."""
    sites = []
    for variant in variants:
        if isinstance(variant, str):
            variant = VariantSite(variant.strip("/"), variant.strip("/"))
        prefix = variant.prefix.strip("/")
        if prefix:
            sites.append(VariantSite(variant.code, prefix, variant.config))
    return sites


def page_meta(part: str) -> dict[str, str]:
    """``{"title": …, "source": …, "date": …}`` of a page's marked part, as its reader sees
    them: the text of the first ``<h1>`` and of every Pagefind meta field (or the value a
    ``data-pagefind-meta="key:value"`` attribute gives), the first of each name."""
    tree = LexborHTMLParser(part)
    found: dict[str, str] = {}
    heading = tree.css_first("h1")
    if heading is not None:
        found["title"] = heading.text(deep=True, separator="")
    for node in tree.css("[data-pagefind-meta]"):
        name, _, value = (node.attributes.get("data-pagefind-meta") or "").partition(":")
        name = name.strip()
        if name and name not in found:
            found[name] = value if value else node.text(deep=True, separator="")
    return {name: " ".join(text.split()) for name, text in found.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteIndex:
    """What one Pagefind run produced."""

    site: Path
    pages: int  # pages indexed, over all languages of the site
    bundle_bytes: int  # the whole pagefind/ folder a reader's browser may fetch from
    index_bytes: int  # the index and fragments alone, without Pagefind's scripts


def without_inline_tags(html: str) -> str:
    """``html`` without inline markup that carries no Pagefind attribute (the element's text
    stays, joined to its neighbours)."""
    kept: dict[str, list[bool]] = {}

    def tag(m: re.Match[str]) -> str:
        name = m.group(2).lower()
        if m.group(1):  # a closing tag: kept when its opening tag was
            stack = kept.get(name)
            return m.group(0) if stack and stack.pop() else ""
        keep = "data-pagefind" in m.group(3)
        if not m.group(3).rstrip().endswith("/"):
            kept.setdefault(name, []).append(keep)
        return m.group(0) if keep else ""

    return INLINE_TAG.sub(tag, html)


def paired_text(html: str) -> tuple[str, set[str]]:
    """``html`` with every run of Han characters of its text written as its overlapping pairs,
    set apart by :data:`SEPARATOR` (a run of one character stays one word), and the set of
    those pairs: one pass for both.

    Inline markup is dropped first (:func:`without_inline_tags`); other tags, attribute values,
    comments, scripts and styles are left as they are.
    """
    pairs: set[str] = set()

    def as_pairs(match: re.Match[str]) -> str:
        run = match.group(0)
        words = [run[i:i + 2] for i in range(len(run) - 1)] or [run]
        if len(run) > 1:
            pairs.update(words)
        return SEPARATOR + SEPARATOR.join(words) + SEPARATOR

    pieces = NOT_TEXT.split(without_inline_tags(html))  # text, markup, text, ...
    text = "".join(piece if i % 2 else HAN_RUN.sub(as_pairs, piece)
                   for i, piece in enumerate(pieces))
    return text, pairs


def pair_characters(html: str) -> str:
    """``html`` with its text's Han runs written as pairs (see :func:`paired_text`)."""
    return paired_text(html)[0]


def site_pages(site: Path, excluded: Iterable[str] = ()) -> Iterator[Path]:
    """HTML files of ``site``, leaving out the top-level folders named in ``excluded`` (which
    are not walked at all), in path order."""
    skip = set(excluded)
    found: list[str] = []
    for folder, dirs, files in os.walk(site):
        if folder == str(site):
            dirs[:] = [d for d in dirs if d not in skip]
        found += [os.path.join(folder, name) for name in files if name.endswith(".html")]
    base = len(os.path.join(str(site), ""))
    # in path order: a separator sorts before any character of a name, as "\0" does
    for path in sorted(found, key=lambda p: p[base:].replace(os.sep, "\0")):
        yield Path(path)


@dataclass(frozen=True, slots=True)
class Page:
    """A page Pagefind is given."""

    path: Path
    digest: str  # of the part of it Pagefind reads (see indexed_part), and of its meta
    # That part, when this run has read the page already (else it is read when staged).
    part: str | None = field(default=None, compare=False, repr=False)
    # Meta fields the index stores with the page beside its own: the title and outlet of its
    # variant pages ("title_zh_hant").
    meta: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)
    # Its path in the site with "/" ("2021/07/a/index.html"), when known as it was found.
    rel: str = field(default="", compare=False, repr=False)

    def indexed_part(self) -> str:
        if self.part is not None:
            return self.part
        return indexed_part(self.path.read_text(encoding="utf-8", errors="replace"))


def with_meta(part: str, meta: Sequence[tuple[str, str]]) -> str:
    """``part`` with each (name, value) of ``meta`` as a Pagefind meta field inside its marked
    element: stored with the hit as it is, not indexed as text."""
    mark = part.find(BODY_MARK)
    end = part.find(">", mark)
    if not meta or mark < 0 or end < 0:
        return part
    fields = "".join(
        f'<span hidden data-pagefind-ignore data-pagefind-meta="{name}">'
        f"{htmllib.escape(value, quote=False)}</span>"
        for name, value in meta
    )
    return part[: end + 1] + fields + part[end + 1:]


@dataclass(frozen=True, slots=True)
class Shard:
    """Pages of consecutive months that one Pagefind bundle indexes."""

    name: str  # its folder in the site's bundle: the first month, "2021-07" ("pages": undated)
    pages: tuple[Page, ...]

    def digest(self, site: Path) -> str:
        """What the bundle is made from: the pages, the staging rules, Pagefind's version."""
        h = hashlib.sha256(f"{STAGING_VERSION} {PAGEFIND_VERSION}".encode())
        for page in self.pages:
            h.update(f"{rel_of(site, page)}\0{page.digest}\n".encode())
        return h.hexdigest()[:20]


def month_of(rel: str) -> str:
    """``2021-07`` for a page at ``2021/07/…``; ``pages`` for any other."""
    parts = rel.split("/")
    if len(parts) > 2 and DATED.match(parts[0]) and DATED_MONTH.match(parts[1]):
        return f"{parts[0]}-{parts[1]}"
    return "pages"


def plan_shards(site: Path, pages: Sequence[Page], shard_pages: int) -> list[Shard]:
    """Indexed pages grouped by month, consecutive months packed up to ``shard_pages`` a shard.

    Packing runs from the oldest month, so new articles change the newest shard alone and an
    edited article its own. A month larger than ``shard_pages`` is a shard of its own.
    """
    months: dict[str, list[Page]] = {}
    for page in pages:
        months.setdefault(month_of(rel_of(site, page)), []).append(page)
    shards: list[Shard] = []
    name, current = "", []
    for month in sorted(months, key=lambda m: (m != "pages", m)):
        if current and len(current) + len(months[month]) > shard_pages:
            shards.append(Shard(name, tuple(current)))
            current = []
        if not current:
            name = month
        current += months[month]
    if current:
        shards.append(Shard(name, tuple(current)))
    return shards


def rel_of(site: Path, page: Page) -> str:
    return page.rel or page.path.relative_to(site).as_posix()


def url_of(rel: str) -> str:
    """The site-relative URL Pagefind records for the page at ``rel``: ``2021/07/a/``."""
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def _bundle_ok(bundle: Path, path: str, known: Mapping[str, str]) -> bool:
    return path in known and (bundle / path / "pagefind-entry.json").is_file()


def overlay_pages(
    site: Path, pages: Sequence[Page], base: Mapping[str, Mapping[str, str]], most: int,
    missing: Sequence[str] = (),
) -> list[Page] | None:
    """The pages the overlay holds: those the ``base`` shards (each with the versions of its
    pages) do not hold as they are now, in page order; None when the base must be planned
    again: there is none, a shard of it is ``missing``, a page of it is gone, or the overlay
    would hold more than ``most`` pages."""
    if not base or missing:
        return None
    now = {rel_of(site, page): page for page in pages}
    held = {rel: version for versions in base.values() for rel, version in versions.items()}
    if any(rel not in now for rel in held):
        return None
    fresh = [page for rel, page in now.items() if held.get(rel) != page.digest]
    return fresh if len(fresh) <= most else None


# What is known of a page from an earlier run: [size, mtime_ns, marked, digest].
PageState = list


def read_page(path: Path) -> tuple[bool, str, str]:
    """Whether the page carries the body mark, the digest of the part Pagefind reads, and it."""
    text = path.read_text(encoding="utf-8", errors="replace")
    part = indexed_part(text)
    return BODY_MARK in text, hashlib.sha256(part.encode("utf-8")).hexdigest()[:20], part


def _known(known: Mapping[str, PageState], rel: str, path: Path | str
           ) -> tuple[PageState | None, int, int]:
    """What ``known`` holds of the file at ``rel`` when its size and time are unchanged."""
    st = os.stat(path)
    state = known.get(rel)
    if isinstance(state, list) and len(state) == 4 and state[:2] == [st.st_size, st.st_mtime_ns]:
        return state, st.st_size, st.st_mtime_ns
    return None, st.st_size, st.st_mtime_ns


def variant_meta(
    site: Path, rel: str, variants: Sequence[VariantSite], known: Mapping[str, PageState],
    seen: dict[str, PageState],
) -> tuple[tuple[str, str], ...]:
    """The title and outlet of the page at ``rel`` on each variant site, as meta fields; a
    variant page whose size and time ``known`` holds is not read again."""
    meta: list[tuple[str, str]] = []
    for variant in variants:
        vrel = f"{variant.prefix}/{rel}"
        path = f"{site}{os.sep}{vrel}"  # a string: thousands of pages, one join each
        try:
            state, size, mtime = _known(known, vrel, path)
        except OSError:
            continue  # the variant has no such page (an original kept out of it)
        if state is None:
            with open(path, encoding="utf-8", errors="replace") as handle:
                heading = page_meta(indexed_part(handle.read()))
            state = [size, mtime, True, heading]
        seen[vrel] = state
        heading = state[3] if isinstance(state[3], dict) else {}
        meta += [(f"{name}_{variant.key}", heading[name])
                 for name in ("title", "source") if heading.get(name)]
    return tuple(meta)


def indexed_pages(
    site: Path, excluded: Iterable[str], known: dict[str, PageState] | None = None,
    variants: Sequence[VariantSite] = (),
) -> tuple[list[Page], dict[str, PageState]]:
    """The pages Pagefind is given: those the theme marks, else every page, each with the
    title and outlet of its ``variants`` pages; and what is now known of every page read. A
    page whose size and time ``known`` holds is not read again."""
    known = known or {}
    seen: dict[str, PageState] = {}
    marked: list[Page] = []
    every: list[Page] = []
    base = len(os.path.join(str(site), ""))
    for path in site_pages(site, excluded):
        rel = str(path)[base:].replace(os.sep, "/")
        state, size, mtime = _known(known, rel, path)
        part = None
        if state is None:
            marks, digest, part = read_page(path)
            state = [size, mtime, marks, digest]
        seen[rel] = state
        meta = variant_meta(site, rel, variants, known, seen) if state[2] else ()
        digest = state[3]
        if meta:
            digest = hashlib.sha256(f"{digest}\0{meta!r}".encode()).hexdigest()[:20]
        page = Page(path, digest, part, meta, rel)
        every.append(page)
        if state[2]:
            marked.append(page)
    return marked or every, seen


def indexed_part(html: str) -> str:
    """What Pagefind needs of a page: its ``<html>`` tag (the language) and the marked element.

    Pagefind reads only the element marked with :data:`BODY_MARK` (its text, title and meta),
    so the rest of the page (head, navigation, footer, scripts) is left out of the copy, which
    halves the text Pagefind parses. A page without the mark is kept whole.
    """
    mark = html.find(BODY_MARK)
    opening = html.rfind("<", 0, mark)
    tag = TAG_NAME.match(html, opening + 1) if mark >= 0 and opening >= 0 else None
    root = HTML_TAG.search(html)
    if not tag or not root:
        return html
    depth, end = 0, None
    for match in re.finditer(rf"<(/?){re.escape(tag.group(0))}\b[^>]*>", html[opening:], re.I):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            end = opening + match.end()
            break
    if end is None:
        return html
    return f"{root.group(0)}<body>{html[opening:end]}</body></html>\n"


def stage_shard(site: Path, shard: Shard, staging: Path | None) -> dict[str, int]:
    """Write the copies Pagefind indexes for ``shard`` into ``staging`` (None: write nothing);
    return on how many of its pages each pair of characters is, for the pairs on at least
    :data:`KEPT_SHARE` of them."""
    return stage_shards(site, [(shard, staging)])[0]


# The pages of the staging going on, read by the worker processes it forks.
_STAGED: list[tuple[Page, Path | None]] = []
STAGE_CHUNK = 50  # pages a task
PARALLEL_STAGING_FROM = 200  # pages; below this a pool costs more than it saves


def _stage_pages(shard: int, indices: Sequence[int]) -> tuple[int, Counter[str]]:
    """Stage the pages of :data:`_STAGED` at ``indices`` (all of one shard); their pairs."""
    frequencies: Counter[str] = Counter()
    for index in indices:
        page, copy = _STAGED[index]
        part = without_missing_labels(DATA_URI.sub("", page.indexed_part()))
        text, pairs = staged_page(part, (*page.meta, ("v", page.digest)))
        frequencies.update(pairs)
        if copy is not None:
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(text, encoding="utf-8")
    return shard, frequencies


def stage_shards(site: Path, jobs: Sequence[tuple[Shard, Path | None]],
                 processes: int = 1) -> list[dict[str, int]]:
    """:func:`stage_shard` for each (shard, staging folder) of ``jobs``, the pages shared out
    over ``processes`` forked workers when there are many; the kept frequencies of each."""
    global _STAGED
    tasks: list[tuple[int, list[int]]] = []
    staged: list[tuple[Page, Path | None]] = []
    for number, (shard, staging) in enumerate(jobs):
        first = len(staged)
        staged += [(page, staging / rel_of(site, page) if staging else None)
                   for page in shard.pages]
        tasks += [(number, list(range(i, min(i + STAGE_CHUNK, len(staged)))))
                  for i in range(first, len(staged), STAGE_CHUNK)]
    totals: list[Counter[str]] = [Counter() for _ in jobs]
    _STAGED = staged
    try:
        if processes > 1 and len(staged) >= PARALLEL_STAGING_FROM \
                and "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(processes, mp_context=context) as pool:
                done = list(pool.map(_stage_pages, *zip(*tasks, strict=True)))
        else:
            done = [_stage_pages(number, indices) for number, indices in tasks]
    finally:
        _STAGED = []
    for number, frequencies in done:
        totals[number].update(frequencies)
    kept = []
    for (shard, _), frequencies in zip(jobs, totals, strict=True):
        floor = max(2, KEPT_SHARE * len(shard.pages))
        kept.append({pair: count for pair, count in frequencies.items() if count >= floor})
    return kept


META_ATTRIBUTE = re.compile(r'\sdata-pagefind-meta="[^"]*"')
# The label that opens the caption card of a missing picture (site/figures.py: a figure marked
# data-missing whose caption starts with a <span>, 〔图略〕): words about the page, not of it.
MISSING_LABEL = re.compile(
    r'(<figure\b[^>]*\sdata-missing="[^"]*"[^>]*>\s*<figcaption\b[^>]*>\s*)'
    r'<span\b[^>]*>[^<]*</span>', re.I)


def without_missing_labels(part: str) -> str:
    """``part`` without the label of each missing picture's caption card (its caption stays),
    so that no search finds a page by it and no excerpt quotes it."""
    return MISSING_LABEL.sub(r"\1", part)


def staged_page(part: str, meta: Sequence[tuple[str, str]] = ()) -> tuple[str, set[str]]:
    """What Pagefind is given of a page's indexed ``part`` (its text as pairs, in
    :data:`INDEX_LANG`; its title and meta fields stored as the page shows them, not as pairs,
    and ``meta`` beside them), and the pairs of its text."""
    own = tuple((name, value) for name, value in page_meta(part).items() if value)
    text, pairs = paired_text(part)
    staged = META_ATTRIBUTE.sub("", text)
    staged = HTML_TAG.sub(f'<html lang="{INDEX_LANG}">', staged, 1)
    return with_meta(staged, own + tuple(meta)), pairs


def common_pairs(shards: Sequence[tuple[int, Mapping[str, int]]]) -> dict[str, int]:
    """The pairs on at least :data:`COMMON_SHARE` of the pages of the given shards, each given
    as (its page count, its pair frequencies), with the pages each is on."""
    pages = sum(count for count, _ in shards)
    totals: Counter[str] = Counter()
    for _, frequencies in shards:
        totals.update(frequencies)
    floor = max(2, COMMON_SHARE * pages)
    return {pair: count for pair, count in sorted(totals.items()) if count >= floor}


def index_command(staging: Path, bundle: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(staging),
            "--output-path", str(bundle), "--quiet"]


def folder_bytes(folder: Path) -> int:
    """The size of every file under ``folder`` (one ``stat`` a file, no Path objects)."""
    return sum(os.stat(os.path.join(root, name)).st_size
               for root, _, names in os.walk(folder) for name in names)


def read_listing(site: Path) -> dict:
    """The site's shard list as the last run wrote it, or an empty one."""
    try:
        listing = json.loads((site / BUNDLE_DIR / LISTING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"bundles": []}
    return listing if isinstance(listing.get("bundles"), list) else {"bundles": []}


def read_result(site: Path) -> SiteIndex:
    """Read the bundles Pagefind wrote into ``site``."""
    bundle = site / BUNDLE_DIR
    pages = index_bytes = 0
    for shard in read_listing(site)["bundles"]:
        folder = bundle / shard["path"]
        entry_file = folder / "pagefind-entry.json"
        try:
            entry = json.loads(entry_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise SearchIndexError(
                f"{entry_file}: Pagefind wrote no readable index entry; "
                "rebuild with -v to see its log"
            ) from e
        pages += sum(int(lang.get("page_count", 0)) for lang in entry.get("languages", {}).values())
        index_bytes += sum(
            folder_bytes(folder / part) for part in INDEX_PARTS if (folder / part).is_dir()
        ) + sum(path.stat().st_size for path in folder.glob("*.pf_meta"))
    if not (bundle / LISTING).is_file():
        raise SearchIndexError(f"{bundle / LISTING}: no search index here; rebuild the site")
    return SiteIndex(
        site=site, pages=pages, bundle_bytes=folder_bytes(bundle), index_bytes=index_bytes
    )


def check_sites(output_dir: Path, variants: Sequence[VariantSite]) -> None:
    """Raise :class:`SearchIndexError` unless the root site and every variant site are built."""
    if not output_dir.is_dir():
        raise SearchIndexError(f"{output_dir}: no built site here; run `park-digest build` first")
    for variant in variants:
        site = output_dir / variant.prefix
        if not site.is_dir():
            raise SearchIndexError(
                f"{site}: the {variant.prefix!r} site was not built; check PARK_DIGEST_VARIANTS "
                "and the build log above"
            )


def variant_listing(listing: dict, variant: VariantSite) -> dict:
    """The shard list of a variant site: the root's bundles, reached from the variant's
    ``pagefind/`` folder, and the variant the search page is on."""
    up = "../" * (len(variant.prefix.split("/")) + 1)
    return {
        "bundles": [{**entry, "path": f"{up}{BUNDLE_DIR}/{entry['path']}"}
                    for entry in listing["bundles"]],
        "common": COMMON,
        "lang": listing.get("lang", INDEX_LANG),
        "current": listing.get("current", {}),
        "root": up,
        "variant": {"code": variant.code, "prefix": f"{variant.prefix}/",
                    "config": variant.config},
    }


@dataclass(slots=True)
class _Job:
    site: Path
    shard: str
    command: list[str]
    process: subprocess.Popen | None = None


class Indexer:
    """Index sites as they are built: a site's shards go to Pagefind as soon as it is added.

    Shards whose pages did not change since the last run keep their bundle. At most
    ``processes`` Pagefind runs at a time (each holds its shard's index in memory). Use as a
    context manager: leaving it early stops the runs still going.
    """

    def __init__(
        self, shard_pages: int = SHARD_PAGES, processes: int | None = None,
        state_dir: Path | None = None, overlay_pages: int = OVERLAY_PAGES,
    ) -> None:
        if shard_pages < 1:
            raise SearchIndexError(
                f"PARK_DIGEST_SEARCH_SHARD_PAGES is {shard_pages}; set it to 1 or more")
        if overlay_pages < 0:
            raise SearchIndexError(
                f"PARK_DIGEST_SEARCH_OVERLAY_PAGES is {overlay_pages}; set it to 0 or more")
        self.shard_pages = shard_pages
        self.overlay_pages = overlay_pages
        # Per site: the base shards this run keeps or makes, each with its pages' versions.
        self.bases: dict[Path, dict[str, dict[str, str]]] = {}
        # What the last run learnt of each page (size, time, mark, digest), so that pages a
        # build did not rewrite are not read again; None: read every page.
        self.state_dir = state_dir
        self.processes = processes or max(1, len(os.sched_getaffinity(0))
                                           if hasattr(os, "sched_getaffinity") else 1)
        self.temp = Path(tempfile.mkdtemp(prefix="park-digest-search-"))
        # Each site with its new listing and the variant sites it serves.
        self.sites: list[tuple[Path, list[dict], list[VariantSite], dict[str, str]]] = []
        self.page_states: dict[Path, dict[str, PageState]] = {}
        # Per site: shard digest -> on how many of its pages each (frequent) pair is.
        self.frequencies: dict[Path, dict[str, dict[str, int]]] = {}
        self.waiting: list[_Job] = []
        self.running: list[_Job] = []
        self.failures: list[str] = []

    def __enter__(self) -> Indexer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for job in self.running:
            if job.process and job.process.poll() is None:
                job.process.kill()
                job.process.communicate()
        self.running.clear()
        self.waiting.clear()
        # The copies are thousands of small files: they are deleted while the build finishes
        # (the process waits for this thread before it exits).
        threading.Thread(target=shutil.rmtree, args=(self.temp,), kwargs={"ignore_errors": True},
                         name="remove-search-staging").start()

    def add(
        self, site: Path, excluded: Iterable[str] = (),
        variants: Iterable[VariantLike | str] = (),
    ) -> None:
        """Stage the changed shards of ``site`` and start Pagefind on them. The ``variants``
        (built under ``site``, not indexed themselves) get their title and outlet stored with
        each hit and a shard list pointing at this index."""
        site = Path(site)
        served = variant_sites(variants)
        check_sites(site, served)
        excluded = [*excluded, *(v.prefix.split("/")[0] for v in served), BUNDLE_DIR]
        bundle = site / BUNDLE_DIR
        entries = {entry.get("path"): entry for entry in read_listing(site)["bundles"]}
        known = {path: entry.get("digest") for path, entry in entries.items()}
        pages, self.page_states[site] = indexed_pages(
            site, excluded, self._state(site, "pages"), served)
        counted = self._state(site, "pairs")
        frequencies = self.frequencies[site] = {}
        base = self._state(site, "base")
        overlay = overlay_pages(site, pages, base, self.overlay_pages,
                                [p for p in base if not _bundle_ok(bundle, p, known)])
        if overlay is None:  # the base is planned again
            shards = plan_shards(site, pages, self.shard_pages)
            base = {f"{shard.name}/": {rel_of(site, page): page.digest for page in shard.pages}
                    for shard in shards}
            overlay, current = [], {}
        else:
            shards = []
            held = {rel: version for versions in base.values() for rel, version in versions.items()}
            current = {url_of(rel_of(site, page)): page.digest
                       for page in overlay if rel_of(site, page) in held}
        self.bases[site] = base
        listing = []
        for path in base if not shards else ():
            listing.append(entries[path])
            frequencies[entries[path]["digest"]] = counted.get(entries[path]["digest"], {})
        if overlay:
            shards.append(Shard(OVERLAY, tuple(overlay)))
        to_stage: list[tuple[Shard, Path, str, Path]] = []
        for shard in shards:
            path, digest = f"{shard.name}/", shard.digest(site)
            listing.append({"path": path, "digest": digest, "pages": len(shard.pages)})
            folder = bundle / shard.name
            if known.get(path) == digest and (folder / "pagefind-entry.json").is_file():
                if not isinstance(counted.get(digest), dict):
                    counted[digest] = stage_shard(site, shard, None)
                frequencies[digest] = counted[digest]
                continue
            shutil.rmtree(folder, ignore_errors=True)  # no fragments of older builds
            staging = self.temp / str(len(self.sites)) / shard.name
            staging.mkdir(parents=True)
            to_stage.append((shard, staging, digest, folder))
        kept_pairs = stage_shards(site, [(shard, staging) for shard, staging, _, _ in to_stage],
                                  self.processes)
        for (shard, staging, digest, folder), pairs in zip(to_stage, kept_pairs, strict=True):
            frequencies[digest] = pairs
            self.waiting.append(_Job(site, shard.name, index_command(staging, folder)))
        kept = {entry["path"].rstrip("/") for entry in listing}
        if bundle.is_dir():
            for old in bundle.iterdir():
                if old.name not in kept and old.name not in (LISTING, COMMON):
                    _remove(old)
        for variant in served:  # bundles of their own, from builds before one index
            folder = site / variant.prefix / BUNDLE_DIR
            if folder.is_dir():
                for old in folder.iterdir():
                    if old.name not in (LISTING, COMMON):
                        _remove(old)
        self.sites.append((site, listing, served, current))
        self._start()

    def _start(self) -> None:
        while self.waiting and len(self.running) < self.processes:
            job = self.waiting.pop(0)
            logger.debug("indexing %s, shard %s: %s", job.site, job.shard, " ".join(job.command))
            job.process = subprocess.Popen(
                job.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
            )
            self.running.append(job)

    def finish(self) -> list[SiteIndex]:
        """Wait for every run, write each site's shard list; one :class:`SiteIndex` per site."""
        while self.running:
            job = self.running.pop(0)
            if failure := _wait(job):
                self.failures.append(failure)
            self._start()
        if self.failures:
            raise SearchIndexError(
                "search index failed; fix the pages named below and rebuild:\n"
                + "\n".join(self.failures)
            )
        results = []
        for site, listing, served, current in self.sites:
            for entry in listing:
                for name in UNUSED_FILES:
                    (site / BUNDLE_DIR / entry["path"] / name).unlink(missing_ok=True)
                entry["meta"] = bundle_meta(site / BUNDLE_DIR / entry["path"])
            frequencies = self.frequencies.get(site, {})
            common = common_pairs(
                [(entry["pages"], frequencies.get(entry["digest"], {})) for entry in listing])
            variants = {v.code: {"prefix": f"{v.prefix}/", "config": v.config} for v in served}
            full = {"bundles": listing, "common": COMMON, "lang": INDEX_LANG, "root": "../",
                    "current": current, "variants": variants}
            write_listing(site / BUNDLE_DIR, full, common)
            for variant in served:
                write_listing(site / variant.prefix / BUNDLE_DIR, variant_listing(full, variant),
                              common)
            self._keep_state(site, "pages", self.page_states.get(site, {}))
            self._keep_state(site, "pairs", frequencies)
            self._keep_state(site, "base", self.bases.get(site, {}))
            result = read_result(site)
            logger.info(
                "search index %s: %s pages in %s shard(s), %.1f kB (bundle %.1f kB)",
                result.site, result.pages, len(listing), result.index_bytes / 1000,
                result.bundle_bytes / 1000,
            )
            results.append(result)
        return results

    def _state_file(self, site: Path, kind: str) -> Path | None:
        if self.state_dir is None:
            return None
        key = hashlib.sha256(str(site.resolve()).encode("utf-8", "surrogateescape"))
        return self.state_dir / f"search-{kind}-{key.hexdigest()[:16]}.json"

    def _state(self, site: Path, kind: str) -> dict:
        """What the last run kept of ``site``: "pages" (size, time, mark and digest of each
        page) or "pairs" (pair frequencies of each shard); {} when nothing is kept."""
        path = self._state_file(site, kind)
        state = read_json(path) if path else {}
        return state if isinstance(state, dict) else {}

    def _keep_state(self, site: Path, kind: str, state: dict) -> None:
        path = self._state_file(site, kind)
        if path is None:
            return
        write_json(path, state, indent=None)


def bundle_meta(bundle: Path) -> str:
    """The name of a bundle's metadata file (``x-pairs_<hash>``, from its pagefind-entry.json),
    which changes whenever the bundle does. The search page fetches the bundle's entry, metadata
    and wasm as soon as it has the shard list instead of one after the other, and gives Pagefind
    the name as the cache tag of the entry (which it would otherwise fetch with the time)."""
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        return entry["languages"][INDEX_LANG]["hash"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise SearchIndexError(
            f"{bundle}: Pagefind wrote no index of language {INDEX_LANG} ({e}); rebuild the site"
        ) from e


def write_listing(folder: Path, listing: dict, common: Mapping[str, int] | None = None) -> None:
    """Write a site's shard list into its ``pagefind/`` ``folder``, and the common pairs beside
    it (:data:`COMMON`, which the list names) when given."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / LISTING).write_text(
        json.dumps(listing, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if common is not None:
        (folder / COMMON).write_text(
            json.dumps(common, ensure_ascii=False, separators=(",", ":")) + "\n",
            encoding="utf-8")


def index_site(
    output_dir: Path, variants: Iterable[VariantLike | str] = (), shard_pages: int = SHARD_PAGES
) -> list[SiteIndex]:
    """Write the Pagefind bundles of the root site, serving every variant site too.

    ``variants`` are objects with code, prefix and config (``site.scripts.Variant``) or bare
    prefixes. Returns one :class:`SiteIndex` (the root's). Raises :class:`SearchIndexError`
    naming the site when Pagefind fails.
    """
    with Indexer(shard_pages) as indexer:
        indexer.add(Path(output_dir), variants=variants)
        return indexer.finish()


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _wait(job: _Job) -> str | None:
    """Wait for one Pagefind run; what went wrong, or None."""
    try:
        log, _ = job.process.communicate(timeout=INDEX_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        job.process.kill()
        job.process.communicate()
        return f"{job.site}, shard {job.shard}: Pagefind ran over {INDEX_TIMEOUT_S} s"
    if job.process.returncode != 0:
        return (f"{job.site}, shard {job.shard}: Pagefind exited with "
                f"{job.process.returncode}: {log.strip()}")
    return None
