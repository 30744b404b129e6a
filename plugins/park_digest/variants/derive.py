"""Derive a script variant from the written Simplified site, one streaming pass per file.

Pelican renders the Simplified site once. Each variant of ``PARK_DIGEST_VARIANTS`` is then made
from the written files, on every core: an HTML page is parsed with lexbor (selectolax), its text
nodes and the attributes a reader sees go through the project dictionary and OpenCC (one call
per page) and the variant's quotation marks (``quotes.py``), internal URLs get the variant's
prefix, ``lang``, ``og:locale``, the JSON-LD language and the script switch are set for the
variant, and the page is serialised again. Feeds (Atom XML, whose entries carry escaped HTML)
keep their bytes outside the converted text and the rewritten URLs. Other files of the site
(images, extra files) are linked into the variant folder.

The same page functions serve a Pelican run of a variant (``PARK_DIGEST_VARIANT_RUNS =
"pelican"``), which converts each page as it is written and rewrites nothing: both ways give the
same bytes (``tests/test_variants_derive.py``).
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from selectolax.lexbor import LexborHTMLParser, LexborNode

from park_digest.site.feeds import DEV_AUTHORITY
from park_digest.site.jinja_filters import json_ld
from park_digest.site.scripts import Variant
from park_digest.variants.convert import (
    PROTECT_CLOSE,
    PROTECT_OPEN,
    ScriptConverter,
    convert_markup,
    keeps_attribute,
)
from park_digest.variants.quotes import MARKS_RE, convert_quotes

logger = logging.getLogger(__name__)

# Elements whose text is never converted: code, scripts and styles (JSON-LD is handled apart).
RAW_TEXT = frozenset({"script", "style", "pre", "code", "kbd", "samp", "var", "textarea",
                      "template"})
# Inline elements: a quotation may open in one and close in the next. Any other element ends
# the run in which quotation marks are paired.
INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "br", "cite", "data", "dfn", "em", "i",
                    "mark", "q", "ruby", "rt", "s", "small", "span", "strong", "sub", "sup",
                    "time", "u", "wbr", "img", "del", "ins"})
# Attributes holding a URL, rewritten to the variant's prefix when internal.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "poster", "formaction", "cite"})
# Class of the script switch (theme/templates/_variants.html): rendered again per variant.
SWITCH_CLASS = "switch"
FEED_SUFFIXES = (".xml",)
PAGE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True, slots=True, kw_only=True)
class Target:
    """Where a page goes: from the root site to ``variant``, with everything a rewrite needs."""

    variant: Variant
    table: tuple[Variant, ...]
    root_siteurl: str
    feed_domain: str = ""
    config: str = ""  # the variant's OpenCC config, as the search page names it
    quotes: bool = False
    # page_url -> the switch's HTML for that page on this variant (the theme's macro)
    switch: Callable[[str], str] | None = None
    # URL prefixes that stay at the root on every variant (the shared theme assets)
    shared: tuple[str, ...] = ()

    @property
    def other_prefixes(self) -> tuple[str, ...]:
        return tuple(f"{v.prefix}/" for v in self.table if v.prefix)


# ---------------------------------------------------------------------------------------------
# URLs


def prefixed(url: str, target: Target, base: str | None = None) -> str:
    """``url`` on the variant when it is an internal URL of the root site; else unchanged."""
    base = target.root_siteurl if base is None else base
    if not url.startswith(f"{base}/") or url.startswith(("//", *target.shared)):
        return url
    rest = url[len(base) + 1 :]
    if rest.startswith(target.other_prefixes):  # already a link to one of the variants
        return url
    return f"{base}/{target.variant.prefix}/{rest}"


def _rewrite_json(value: Any, target: Target) -> Any:
    if isinstance(value, dict):
        return {
            key: target.variant.html_lang if key == "inLanguage" else _rewrite_json(item, target)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_rewrite_json(item, target) for item in value]
    if isinstance(value, str):
        return prefixed(value, target)
    return value


# ---------------------------------------------------------------------------------------------
# HTML pages


Item = tuple[str, LexborNode, int, Any]  # kind, node, quotation run, text or attributes


def _walk(node: LexborNode | None, out: list[Item], block: int) -> int:
    """Collect text nodes (with their text) and elements (with their attributes) in document
    order, with the number of the quotation run each text belongs to (a new run at every
    non-inline element boundary)."""
    while node is not None:
        tag = node.tag
        if tag == "-text":
            out.append(("text", node, block, node.text_content or ""))
        elif tag is None or tag.startswith("-") or tag == "!doctype":
            pass
        else:
            inline = tag in INLINE
            if not inline:
                block += 1
            attributes = node.attributes
            if SWITCH_CLASS in (attributes.get("class") or "").split():
                out.append(("raw", node, block, attributes))  # rendered again, not converted
            elif tag in RAW_TEXT:
                out.append(("element", node, block, attributes))
                out.append(("raw", node, block, attributes))
            else:
                out.append(("element", node, block, attributes))
                block = _walk(node.child, out, block)
            if not inline:
                block += 1
        node = node.next
    return block


def convert_page(
    html: str, converter: ScriptConverter, target: Target | None = None, *,
    quotes: bool = False,
) -> str:
    """The page ``html`` in the converter's script; with a ``target``, moved from the root site
    to that variant (URLs, languages, the switch)."""
    parser = LexborHTMLParser(html)
    items: list[Item] = []
    _walk(parser.root, items, 0)
    quotes = target.quotes if target is not None else quotes
    texts: list[str] = []
    sinks: list[tuple[str, LexborNode, str | None, int]] = []
    json_blocks: list[LexborNode] = []
    switches: list[LexborNode] = []
    for kind, node, block, payload in items:
        if kind == "text":
            if not payload.isascii():
                texts.append(payload)
                sinks.append(("text", node, None, block))
            continue
        attributes = payload
        if kind == "raw":
            if node.tag == "script" and "ld+json" in (attributes.get("type") or ""):
                json_blocks.append(node)
            elif node.tag not in RAW_TEXT and target is not None:
                switches.append(node)
            continue
        for name, value in attributes.items():
            if value is None:
                continue
            if target is not None and (name in URL_ATTRIBUTES or name.endswith("-url")):
                if not (name == "href" and "hreflang" in attributes):  # alternates stay
                    new = prefixed(value, target)
                    if new != value:
                        node.attrs[name] = new
                continue
            if not value.isascii() and not keeps_attribute(name):
                texts.append(value)
                sinks.append(("attr", node, name, -1))
        if target is not None:
            _set_variant_attributes(node, attributes, target)
    converted = converter.convert_many(texts)
    if quotes:
        converted = _quote_runs(converted, [sink[3] for sink in sinks])
    for (kind, node, name, _), text, before in zip(sinks, converted, texts, strict=True):
        text = _unmark(text)
        if text == before:
            continue
        if kind == "text":
            node.replace_with(text)
        else:
            node.attrs[name] = text
    for node in json_blocks:
        _convert_json_ld(node, converter, target, quotes)
    for node in switches:
        _replace_switch(node, parser, target)
    return _serialise(parser)


def page_texts(html: str) -> list[str]:
    """Every text of an HTML fragment a reader sees, in order: text nodes and alt/title."""
    parser = LexborHTMLParser(f"<body>{html}</body>")
    items: list[Item] = []
    _walk(parser.body, items, 0)
    texts = []
    for kind, _, _, payload in items:
        if kind == "text":
            if payload.strip():
                texts.append(payload)
        elif kind == "element":
            texts += [payload[k] or "" for k in ("alt", "title") if payload.get(k)]
    return texts


def _quote_runs(texts: list[str], runs: list[int]) -> list[str]:
    """Quotation marks of every text, paired within each run (attributes: each on its own)."""
    out = list(texts)
    groups: dict[int, list[int]] = {}
    quoted: set[int] = set()
    for index, run in enumerate(runs):
        has_marks = MARKS_RE.search(texts[index]) is not None
        if run < 0:
            if has_marks:
                out[index] = convert_quotes([texts[index]])[0]
            continue
        groups.setdefault(run, []).append(index)
        if has_marks:
            quoted.add(run)
    for run in quoted:
        indices = groups[run]
        for index, text in zip(indices, convert_quotes([texts[i] for i in indices]), strict=True):
            out[index] = text
    return out


def _unmark(text: str) -> str:
    if PROTECT_OPEN in text or PROTECT_CLOSE in text:
        return text.replace(PROTECT_OPEN, "").replace(PROTECT_CLOSE, "")
    return text


def _set_variant_attributes(node: LexborNode, attributes: Mapping[str, str | None],
                            target: Target) -> None:
    tag, variant = node.tag, target.variant
    if tag == "html":
        if "lang" in attributes:
            node.attrs["lang"] = variant.html_lang
        if "data-variant" in attributes:
            node.attrs["data-variant"] = variant.code
    elif tag == "meta" and attributes.get("property") == "og:locale":
        node.attrs["content"] = variant.og_locale
    elif tag == "meta" and attributes.get("property") == "og:url":
        node.attrs["content"] = prefixed(attributes.get("content") or "", target)


def _convert_json_ld(node: LexborNode, converter: ScriptConverter, target: Target | None,
                     quotes: bool) -> None:
    text = node.text(deep=True)
    if target is not None:
        try:
            text = str(json_ld(_rewrite_json(json.loads(text), target)))
        except ValueError:
            logger.warning("JSON-LD that does not parse left as it is: %.60s", text)
    if not text.isascii():
        text = _unmark(converter.convert(text))
        if quotes:
            text = convert_quotes([text])[0]
    child = node.child
    if child is not None and child.text_content != text:
        child.replace_with(text)


def _replace_switch(node: LexborNode, parser: LexborHTMLParser, target: Target | None) -> None:
    if target is None or target.switch is None:
        return
    page_url = node.attributes.get("data-page-url")  # the page's site-relative URL
    if page_url is None:
        page_url = _page_url(parser, target)
    if page_url is None:
        return
    fragment = LexborHTMLParser(f"<body>{target.switch(page_url)}</body>")
    new = fragment.body.child if fragment.body is not None else None
    while new is not None and new.tag != node.tag:
        new = new.next
    if new is not None:
        node.replace_with(new)


def _page_url(parser: LexborHTMLParser, target: Target) -> str | None:
    """The site-relative URL of the page, from its canonical link (root site)."""
    canonical = parser.css_first('link[rel="canonical"]')
    href = canonical.attributes.get("href") if canonical is not None else None
    if href is None:
        return None
    base = f"{target.root_siteurl}/"
    if href.startswith(base):
        rest = href[len(base):]
        prefix = f"{target.variant.prefix}/"
        return rest[len(prefix):] if rest.startswith(prefix) else rest
    return None


def _serialise(parser: LexborHTMLParser) -> str:
    html = parser.html or ""
    return html if html.endswith("\n") else html + "\n"


# ---------------------------------------------------------------------------------------------
# Feeds

FEED_URL_RE = re.compile(r"""(\bhref=|\bsrc=)(&quot;|"|')([^"'&<>\s]*)""")
FEED_ID_RE = re.compile(r"<id>([^<]*)</id>")


def convert_feed(xml: str, converter: ScriptConverter, target: Target | None = None, *,
                 quotes: bool = False) -> str:
    """A feed in the converter's script; with a ``target``, its links moved to that variant."""
    if target is not None:
        quotes = target.quotes
        xml = FEED_URL_RE.sub(
            lambda m: m.group(1) + m.group(2) + _feed_url(m.group(3), target), xml
        )
        xml = FEED_ID_RE.sub(lambda m: f"<id>{_feed_id(m.group(1), target)}</id>", xml)
    xml = convert_markup(xml, converter)
    return convert_feed_quotes(xml) if quotes else xml


def _feed_url(url: str, target: Target) -> str:
    """Entry links start with FEED_DOMAIN, links inside entries with SITEURL."""
    new = prefixed(url, target, target.feed_domain)
    return prefixed(url, target) if new == url else new


def _feed_id(value: str, target: Target) -> str:
    if value.startswith("tag:"):  # tag:domain,date:/path
        head, sep, path = value.rpartition(":")
        if sep and path.startswith("/"):
            return f"{head}:{prefixed(path, target, '')}"
        return value
    dev = f"http://{DEV_AUTHORITY}"  # a build without a site URL names its feeds on it
    site = target.feed_domain or target.root_siteurl
    if value.startswith(f"{dev}/") and not urlparse(site).scheme:
        return dev + prefixed(value[len(dev):], target, "")
    return prefixed(value, target, target.feed_domain)


FEED_MARKUP_RE = re.compile(r"(<[^>]*>|&lt;.*?&gt;)", re.S)


def convert_feed_quotes(xml: str) -> str:
    """Quotation marks of a feed's text: each run between two tags (escaped ones too) on its
    own, so a quotation never runs over into the next paragraph; markup is left alone."""
    parts = FEED_MARKUP_RE.split(xml)
    for i in range(0, len(parts), 2):  # even parts are text
        if parts[i]:
            parts[i] = convert_quotes([parts[i]])[0]
    return "".join(parts)


# ---------------------------------------------------------------------------------------------
# A whole site


def convert_file(source: Path, dest: Path, converter: ScriptConverter,
                 target: Target | None, *, quotes: bool = False) -> None:
    """Write the variant of ``source`` (a page or feed of the root site) at ``dest``; without
    a ``target``, convert a page a variant run wrote (``dest`` may be ``source``)."""
    text = source.read_text(encoding="utf-8")
    if source.suffix in FEED_SUFFIXES:
        out = convert_feed(text, converter, target, quotes=quotes)
    else:
        out = convert_page(text, converter, target, quotes=quotes)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(out, encoding="utf-8")


def site_files(output: Path, skip: Iterable[str]) -> list[str]:
    """Relative paths of the root site's files, outside the folders in ``skip``."""
    skipped = set(skip)
    found: list[str] = []
    stack = [("", str(output))]
    while stack:
        rel, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                name = f"{rel}{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    if name not in skipped:
                        stack.append((f"{name}/", entry.path))
                elif name not in skipped:
                    found.append(name)
    return sorted(found)


def relative_to(path: str, output: Path) -> str:
    """``path``, a file Pelican wrote, relative to the resolved ``output`` folder, with ``/``.

    Pelican names files by joining onto its output path, so a plain prefix test settles
    nearly every one; the file's real path is asked only otherwise (a link on the way)."""
    base = f"{output}{os.sep}"
    absolute = os.path.abspath(path)
    if absolute.startswith(base):
        return absolute[len(base):].replace(os.sep, "/")
    return Path(path).resolve().relative_to(output).as_posix()


def link_or_copy(source: Path, dest: Path) -> None:
    """Make ``dest`` the same file as ``source`` (a hard link where the file system allows)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists() or dest.is_symlink():
        dest.unlink()
    try:
        os.link(source, dest)
    except OSError:
        import shutil

        shutil.copy2(source, dest)


def derive_files(output: Path, files: Sequence[str], target: Target,
                 converter: ScriptConverter,
                 phrases: Mapping[str, frozenset[tuple[str, str]]]) -> int:
    """Write the variant of each of ``files`` (relative to ``output``); return how many."""
    dest_root = output / target.variant.prefix
    for rel in files:
        source, dest = output / rel, dest_root / rel
        if rel.endswith(PAGE_SUFFIXES) or rel.endswith(FEED_SUFFIXES):
            convert_file(source, dest, converter.with_phrases(phrases.get(rel, frozenset())),
                         target)
        else:
            link_or_copy(source, dest)
    return len(files)


# ---------------------------------------------------------------------------------------------
# Every variant of a build, on every core


@dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """What the variants of one build are made from: the root output and, per variant, its
    target and converter; the pages the root run wrote, with their article's phrases."""

    output: Path
    targets: tuple[Target, ...]
    converters: tuple[ScriptConverter, ...]
    pages: tuple[str, ...]
    phrases: Mapping[str, frozenset[tuple[str, str]]]
    others: tuple[str, ...]  # files that are neither pages nor feeds (images, extra files)


# The job of the running build; worker processes are forked with it (converters and the theme's
# Jinja environment are not sent to them).
_JOB: Job | None = None


def switch_renderer(settings: Mapping[str, Any], table: Sequence[Variant], variant: Variant,
                    root_siteurl: str) -> Callable[[str], str]:
    """``page_url -> HTML`` of the theme's script switch on ``variant`` (``_variants.html``)."""
    import jinja2

    from park_digest.site.jinja_filters import FILTERS
    from park_digest.variants.convert import template_globals

    theme = Path(settings["THEME"]) / "templates"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(theme)),
        **settings.get("JINJA_ENVIRONMENT", {}),
    )
    env.filters.update(FILTERS)
    env.globals.update(template_globals(table, variant, root_siteurl))
    module = env.get_template("_variants.html").make_module()
    return lambda url: str(module.switch(url))


def plan(settings: Mapping[str, Any], table: Sequence[Variant],
         written: Sequence[tuple[str, frozenset[tuple[str, str]]]], *,
         with_others: bool = True) -> Job:
    """The job of deriving every variant of ``table`` from what the root run ``written``
    (``with_others``: and the other files it holds, found by walking the output)."""
    from park_digest.settings import resolve
    from park_digest.variants.convert import ORIGINALS_KEY, build_converter, load_corrections

    conf = resolve(settings)
    output = Path(settings["OUTPUT_PATH"])
    root_siteurl = settings.get("SITEURL", "")
    feed_domain = settings.get("FEED_DOMAIN", root_siteurl) or ""
    static_dir = settings.get("THEME_STATIC_DIR", "theme")
    shared = (f"{root_siteurl}/{static_dir}/",)
    corrections = load_corrections(Path(settings["PATH"]) / conf["PARK_DIGEST_DICTIONARY_FILE"])
    quoted = set(conf["PARK_DIGEST_CORNER_QUOTES"])
    targets, converters = [], []
    for variant in table:
        if not variant.prefix:
            continue
        targets.append(Target(
            variant=variant, table=tuple(table), root_siteurl=root_siteurl,
            feed_domain=feed_domain, config=conf["PARK_DIGEST_VARIANTS"][variant.prefix],
            quotes=variant.code in quoted, shared=shared,
            switch=switch_renderer(settings, table, variant, root_siteurl),
        ))
        converter = build_converter(str(variant.config), corrections, variant, table)
        originals = settings.get(ORIGINALS_KEY) or {}
        converters.append(ScriptConverter(converter.engine, {**converter.phrases, **originals})
                          if originals else converter)
    phrases: dict[str, frozenset[tuple[str, str]]] = {}
    pages = []
    for path, extra in written:
        rel = relative_to(path, output.resolve())
        pages.append(rel)
        if extra:
            phrases[rel] = extra
    return Job(output=output, targets=tuple(targets), converters=tuple(converters),
               pages=tuple(dict.fromkeys(pages)), phrases=phrases,
               others=other_files(settings, table) if with_others else ())


def other_files(settings: Mapping[str, Any], table: Sequence[Variant]) -> tuple[str, ...]:
    """The root site's files that every variant holds unconverted (images, extra files)."""
    from park_digest.settings import resolve

    # kept once, at the root: theme files, the search index, the sitemap and robots.txt (a
    # crawler reads it only at the root of a host)
    skip = [*(v.prefix for v in table if v.prefix), settings.get("THEME_STATIC_DIR", "theme"),
            "pagefind", resolve(settings)["PARK_DIGEST_SITEMAP"] or "sitemap.xml",
            "robots.txt"]
    return tuple(rel for rel in site_files(Path(settings["OUTPUT_PATH"]), skip)
                 if not rel.endswith(PAGE_SUFFIXES + FEED_SUFFIXES))


def _share(index: int, files: Sequence[str]) -> int:
    job = _JOB
    assert job is not None  # set by run() before the workers start
    return derive_files(job.output, files, job.targets[index], job.converters[index],
                        job.phrases)


def link_others(job: Job) -> None:
    """Images and extra files of the root site, linked into every variant (no conversion)."""
    for target in job.targets:
        for rel in job.others:
            dest = job.output / target.variant.prefix / rel
            source = job.output / rel
            if not dest.exists() or not os.path.samefile(source, dest):
                link_or_copy(source, dest)


def run(job: Job, cores: int, pool_context: Any) -> int:
    """Write every variant of ``job``, the pages shared out over ``cores`` processes."""
    global _JOB
    from concurrent.futures import ProcessPoolExecutor

    link_others(job)
    shares = max(1, min(cores * 4, len(job.pages) // 50 or 1))
    tasks = [(i, job.pages[k::shares]) for i in range(len(job.targets)) for k in range(shares)]
    tasks = [(i, files) for i, files in tasks if files]
    _JOB = job
    try:
        if cores <= 1 or len(tasks) <= 1 or pool_context.get_start_method() != "fork":
            return sum(_share(i, files) for i, files in tasks)
        with ProcessPoolExecutor(cores, mp_context=pool_context) as pool:
            return sum(pool.map(_share, *zip(*tasks, strict=True)))
    finally:
        _JOB = None


def _batch(index: int, items: Sequence[tuple[str, frozenset[tuple[str, str]]]]) -> int:
    job = _JOB
    assert job is not None  # set by Streamer before the workers start
    return derive_files(job.output, [rel for rel, _ in items], job.targets[index],
                        job.converters[index], dict(items))


class Streamer:
    """Derives the variants while the root run still writes: the root run hands each written
    page to :meth:`append` (in place of a plain list), and every ``batch`` pages go to worker
    processes, so the derivation uses the cores the single-threaded root run leaves idle.

    Without ``fork`` (or with one core), or when the run wrote fewer than ``batch`` pages (a
    rebuild after an edit), the pages are derived at :meth:`finish`, in this process.
    """

    def __init__(self, settings: Mapping[str, Any], table: Sequence[Variant], cores: int,
                 pool_context: Any, batch: int = 40) -> None:
        self.settings, self.table, self.cores, self.context = settings, table, cores, pool_context
        self.batch = batch
        self.written: list[tuple[str, frozenset[tuple[str, str]]]] = []
        self._pending: list[tuple[str, frozenset[tuple[str, str]]]] = []
        self._job: Job | None = None
        self._pool: Any = None
        self._futures: list[Any] = []
        self._streams = cores > 1 and pool_context.get_start_method() == "fork"

    def __iter__(self) -> Any:  # read as the list of written pages (variants.written_pages)
        return iter(self.written)

    def append(self, item: tuple[str, frozenset[tuple[str, str]]]) -> None:
        self.written.append(item)
        self._pending.append(item)
        if self._streams and len(self._pending) >= self.batch:
            self._submit()

    def _start(self) -> Job:
        global _JOB
        if self._job is None:
            # the first page is written after every article was read (originals included);
            # the other files are listed at finish(), once the root run has copied them
            self._job = _JOB = plan(self.settings, self.table, [], with_others=False)
        return self._job

    def _submit(self) -> None:
        from concurrent.futures import ProcessPoolExecutor

        job = self._start()
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.cores, mp_context=self.context)
        output = job.output.resolve()
        items = [(relative_to(path, output), phrases) for path, phrases in self._pending]
        self._pending = []
        for index in range(len(job.targets)):
            self._futures.append(self._pool.submit(_batch, index, items))

    def finish(self) -> int:
        """Derive what is left, link the other files, wait for the workers; return how many
        files were written."""
        global _JOB
        try:
            if self._streams and self._pool is not None:  # a few pages alone: derived here
                if self._pending:
                    self._submit()
                job = self._start()
                count = sum(future.result() for future in self._futures)
            else:
                job = self._start()
                output = job.output.resolve()
                items = [(relative_to(p, output), ph) for p, ph in self._pending]
                count = sum(_batch(i, items) for i in range(len(job.targets)))
            link_others(replace(job, others=other_files(self.settings, self.table)))
            return count
        finally:
            self.close()
            _JOB = None

    def close(self) -> None:
        """Stop the workers (after :meth:`finish`, or when the root run failed)."""
        global _JOB
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        _JOB = None
