"""The sitemap: every HTML page the root site's run wrote, with an hreflang alternate per script
variant (a page put into the output by hand is not listed; see site/outputs.py).

Variant sites mirror the root's relative paths (``variants/derive.py``), so the root run alone writes
the sitemap, at ``output/sitemap.xml``, listing each page once per site with the same set of
``xhtml:link`` alternates on each (Google's format for localized versions). A page that asks
not to be indexed (``<meta name="robots" content="noindex">``: the search page, the 404 page)
is left out; each entry's ``<lastmod>`` is the newest date the page shows (an article's own
modification date), so it changes only when what the page lists changes. ``robots.txt`` points
at the sitemap (unless the site ships its own).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from park_digest.settings import resolve
from park_digest.site import outputs
from park_digest.site.scripts import Variant, site_url, variant_table
from park_digest.statefile import read_json, write_json

logger = logging.getLogger(__name__)

# Pages a search engine should not list.
EXCLUDED_PAGES = frozenset({"404.html"})

# What the sitemap read in each page last time, beside the output's records.
FACTS_FILE = "sitemap-pages.json"
WRITTEN_FILE = "sitemap-written.json"  # what the sitemap written last was made from

_NOINDEX = re.compile(r"""<meta\s+name=["']robots["']\s+content=["'][^"']*noindex""", re.I)
_MODIFIED = re.compile(r"""<meta\s+property=["']article:modified_time["']\s+content=["']([^"']+)""")
_DATETIME = re.compile(r"""<time\s+datetime=["']([^"']+)["']""")


def page_url(rel_path: str) -> str:
    """The site-relative URL of an output file: ``a/b/index.html`` -> ``a/b/``."""
    if rel_path == "index.html":
        return ""
    if rel_path.endswith("/index.html"):
        return rel_path[: -len("index.html")]
    return rel_path


def html_pages(output: Path, skip_dirs: Iterable[str]) -> list[str]:
    """Relative paths of the HTML pages under ``output``, outside ``skip_dirs``, sorted."""
    skip = set(skip_dirs)
    pages = []
    # the skipped folders are not walked at all: a variant may still be writing its own
    for folder, dirs, files in os.walk(output):
        if folder == str(output):
            dirs[:] = [d for d in dirs if d not in skip]
        base = PurePosixPath(Path(folder).relative_to(output).as_posix())
        for name in files:
            rel = (base / name).as_posix()
            if name.endswith(".html") and rel not in EXCLUDED_PAGES:
                pages.append(rel)
    return sorted(pages)


def page_facts(html: str) -> tuple[bool, str | None]:
    """Whether a page may be indexed, and its last modification: the article's own
    ``article:modified_time``, else the newest ``<time datetime>`` it shows (None: no date)."""
    if _NOINDEX.search(html):
        return False, None
    modified = _MODIFIED.search(html)
    if modified:
        return True, modified.group(1)
    dates = _DATETIME.findall(html)
    return True, max(dates, key=_instant) if dates else None


def _instant(stamp: str) -> float:
    try:
        return datetime.fromisoformat(stamp).timestamp()
    except ValueError:
        return float("-inf")


def render_sitemap(urls: Sequence[str], table: Sequence[Variant], root_siteurl: str,
                   lastmod: Mapping[str, str] | None = None) -> str:
    """The sitemap XML for site-relative ``urls`` on every site of ``table``; ``lastmod`` maps
    a URL to its W3C date-time."""
    lastmod = lastmod or {}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    with_alternates = len(table) > 1
    for url in urls:
        alternates = [
            (v.html_lang, f"{site_url(root_siteurl, v)}/{url}") for v in table
        ] + [("x-default", f"{site_url(root_siteurl, table[0])}/{url}")]
        for variant in table:
            lines.append("  <url>")
            lines.append(f"    <loc>{_escape(f'{site_url(root_siteurl, variant)}/{url}')}</loc>")
            if url in lastmod:
                lines.append(f"    <lastmod>{_escape(lastmod[url])}</lastmod>")
            if with_alternates:
                for lang, href in alternates:
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{_attr(lang)}"'
                                 f' href="{_attr(href)}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    """``text`` for a double-quoted XML attribute."""
    return _escape(text).replace('"', "&quot;")


def render_robots(sitemap_url: str) -> str:
    """``robots.txt``: everything may be crawled; the sitemap's address when it is absolute."""
    lines = ["User-agent: *", "Allow: /"]
    if re.match(r"https?://", sitemap_url):
        lines.append(f"Sitemap: {sitemap_url}")
    return "\n".join(lines) + "\n"


def sitemap_pages(output: Path, made: set[str] | None, skip_dirs: Iterable[str]) -> list[str]:
    """The pages of this run's site, sorted: those its record lists (``made``), else every
    HTML page found under ``output``."""
    if made is None:
        return html_pages(output, skip_dirs)
    skip = tuple(f"{d}/" for d in skip_dirs)
    return sorted(rel for rel in made if rel.endswith(".html") and not rel.startswith(skip)
                  and rel not in EXCLUDED_PAGES)


def known_facts(output: Path, pages: Iterable[str], cache: Path) -> dict[str, list]:
    """``{page: [size, mtime_ns, indexed, lastmod]}``, reading only the pages whose size or
    modification time differ from what ``cache`` (the last build's facts) holds."""
    last = read_json(cache)
    last = last if isinstance(last, dict) else {}
    facts: dict[str, list] = {}
    root = os.path.join(output, "")
    for rel in pages:
        path = root + rel  # a string: thousands of pages, one concatenation each
        try:
            st = os.stat(path)
        except OSError:
            continue
        hit = last.get(rel)
        if isinstance(hit, list) and len(hit) == 4 and hit[:2] == [st.st_size, st.st_mtime_ns]:
            facts[rel] = hit
            continue
        with open(path, encoding="utf-8", errors="replace") as page:
            indexed, modified = page_facts(page.read())
        facts[rel] = [st.st_size, st.st_mtime_ns, indexed, modified]
    return facts


def write_if_changed(path: Path, stamp_file: Path, inputs: Any, render: Callable[[], str]) -> bool:
    """Write ``render()`` at ``path`` unless the file is as the last call with the same
    ``inputs`` left it (its size and time, kept in ``stamp_file``); whether it was written."""
    digest = hashlib.sha256(json.dumps(inputs, ensure_ascii=False).encode()).hexdigest()
    last = read_json(stamp_file)
    try:
        st = path.stat()
        if last == {"inputs": digest, "file": [st.st_size, st.st_mtime_ns]}:
            return False
    except OSError:
        pass
    path.write_text(render(), encoding="utf-8")
    st = path.stat()
    write_json(stamp_file, {"inputs": digest, "file": [st.st_size, st.st_mtime_ns]})
    return True


def write_sitemap(pelican: Any) -> None:
    """``finalized``: in the root run, write the sitemap of all sites and ``robots.txt``."""
    settings = pelican.settings
    conf = resolve(settings)
    name = conf["PARK_DIGEST_SITEMAP"]
    if not name or conf["PARK_DIGEST_VARIANT"]:
        return
    table = variant_table(conf["PARK_DIGEST_VARIANTS"])
    output = Path(pelican.output_path)
    skip = [v.prefix for v in table if v.prefix] + [settings.get("THEME_STATIC_DIR", "theme")]
    made = outputs.this_run_files(settings)  # not pages put into the output by hand
    cache = outputs.records_dir(settings) / FACTS_FILE
    facts = known_facts(output, sitemap_pages(output, made, skip), cache)
    write_json(cache, facts, indent=None)
    urls, lastmod = [], {}
    for rel, (_, _, indexed, modified) in facts.items():
        if not indexed:
            continue
        url = page_url(rel)
        urls.append(url)
        if modified:
            lastmod[url] = modified
    siteurl = settings.get("SITEURL", "")
    write_if_changed(output / name, cache.with_name(WRITTEN_FILE),
                     [urls, lastmod, [(v.prefix, v.html_lang) for v in table], siteurl],
                     lambda: render_sitemap(urls, table, siteurl, lastmod))
    robots = output / "robots.txt"
    if not robots.exists() or robots.read_text(encoding="utf-8").startswith("User-agent: *\nAllow: /\n"):
        robots.write_text(render_robots(f"{siteurl}/{name}"), encoding="utf-8")
    logger.info("sitemap: %d pages x %d sites in %s", len(urls), len(table), output / name)
