"""The sitemap: every HTML page the root site's run wrote, with an hreflang alternate per script
variant (a page put into the output by hand is not listed; see outputs.py).

Variant sites mirror the root's relative paths (``variants.py``), so the root run alone writes
the sitemap, at ``output/sitemap.xml``, listing each page once per site with the same set of
``xhtml:link`` alternates on each (Google's format for localized versions).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from xml.sax.saxutils import quoteattr

from . import outputs
from .settings import resolve
from .variants import Variant, site_url, variant_table

logger = logging.getLogger(__name__)

# Pages a search engine should not list.
EXCLUDED_PAGES = frozenset({"404.html"})


def page_url(rel_path: str) -> str:
    """The site-relative URL of an output file: ``a/b/index.html`` -> ``a/b/``."""
    path = PurePosixPath(rel_path)
    if path.name == "index.html":
        return "" if str(path.parent) == "." else f"{path.parent.as_posix()}/"
    return path.as_posix()


def html_pages(output: Path, skip_dirs: Iterable[str]) -> list[str]:
    """Relative paths of the HTML pages under ``output``, outside ``skip_dirs``, sorted."""
    skip = set(skip_dirs)
    pages = []
    for file in output.rglob("*.html"):
        rel = file.relative_to(output)
        if rel.parts[0] in skip or rel.as_posix() in EXCLUDED_PAGES:
            continue
        pages.append(rel.as_posix())
    return sorted(pages)


def render_sitemap(urls: Sequence[str], table: Sequence[Variant], root_siteurl: str) -> str:
    """The sitemap XML for site-relative ``urls`` on every site of ``table``."""
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
            if with_alternates:
                for lang, href in alternates:
                    lines.append(
                        f'    <xhtml:link rel="alternate" hreflang={quoteattr(lang)}'
                        f" href={quoteattr(href)}/>"
                    )
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_sitemap(pelican: Any) -> None:
    """``finalized``: in the root run, write the sitemap of all sites."""
    settings = pelican.settings
    conf = resolve(settings)
    name = conf["PARK_DIGEST_SITEMAP"]
    if not name or conf["PARK_DIGEST_VARIANT"]:
        return
    table = variant_table(conf["PARK_DIGEST_VARIANTS"])
    output = Path(pelican.output_path)
    skip = [v.prefix for v in table if v.prefix] + [settings.get("THEME_STATIC_DIR", "theme")]
    made = outputs.this_run_files(settings)  # not pages put into the output by hand
    urls = [page_url(rel) for rel in html_pages(output, skip) if made is None or rel in made]
    (output / name).write_text(
        render_sitemap(urls, table, settings.get("SITEURL", "")), encoding="utf-8"
    )
    logger.info("sitemap: %d pages x %d sites in %s", len(urls), len(table), output / name)
