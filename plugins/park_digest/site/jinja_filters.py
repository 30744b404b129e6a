"""The theme's Jinja environment: autoescaping on, and the filters the templates use.

Every value a template writes is text and is escaped where it is written (element text or
attribute), whatever its origin: front matter, settings, names of tags, authors and outlets.
Only HTML Pelican made itself (an article's ``content``) is written as is, marked ``|safe`` in
the template. Escaping once at output, in every context, is what keeps a title holding
``<img onerror=…>`` as text; escaping values when they are read would put entities into text
that is also used as text (slugs made from titles, JSON-LD, feeds, the Traditional originals
read again) and would miss every value that does not come through the reader.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from park_digest.settings import STATE_DIR
from park_digest.site.tag_rank import page_text, rank_tags


def json_ld(data: Any) -> Markup:
    """Serialise ``data`` for a ``<script type="application/ld+json">`` block.

    Unlike ``tojson`` the text stays readable (no ``\\uXXXX``), so a page's script conversion
    also converts its structured data; ``<``, ``>`` and ``&`` are escaped so no tag can close the
    script early.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def char_refs(text: str) -> Markup:
    """Write non-ASCII characters as numeric references (``&#31616;``).

    Script names in the variant switch (简体 / 繁體) must read the same on every variant, so
    they are kept out of reach of the page's script conversion.
    """
    escaped = str(Markup.escape(text))
    return Markup("".join(c if ord(c) < 128 else f"&#{ord(c)};" for c in escaped))


def http_url(url: Any) -> str:
    """``url`` when it is an ``http(s)`` URL, else ``""``: a link the theme writes from front
    matter (the original article) never runs script (``javascript:…``)."""
    text = str(url or "").strip()
    return text if urlsplit(text).scheme.lower() in {"http", "https"} else ""


def top_tags(article: Any, limit: int = 8) -> list[Any]:
    """The ``limit`` tags ``article`` is most about (:func:`tag_rank.rank_tags`)."""
    tags = list(getattr(article, "tags", None) or ())
    if len(tags) <= 1:
        return tags
    text = page_text(str(getattr(article, "content", "") or ""))
    return rank_tags(tags, str(getattr(article, "title", "")), text, limit)


FILTERS = {"json_ld": json_ld, "char_refs": char_refs, "http_url": http_url,
           "top_tags": top_tags}


def add_filters(generator: Any) -> None:
    """``generator_init``: autoescape every template, make :data:`FILTERS` available, and keep
    compiled templates between builds (in the build-state folder, unless the settings give the
    environment a cache of their own): compiling the theme costs more than rendering a page."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.autoescape = True
        env.filters.update(FILTERS)
        if getattr(env, "bytecode_cache", None) is None:
            settings = getattr(generator, "settings", {}) or {}
            folder = Path(settings.get("CACHE_PATH", "cache")) / STATE_DIR / "templates"
            with contextlib.suppress(OSError):  # a read-only cache folder: compile each time
                folder.mkdir(parents=True, exist_ok=True)
                env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder.resolve()))
        # Autoescaping is compiled into a template: never reuse bytecode compiled without it
        # (a preview's template cache from before), keyed only by the template's source.
        cache = getattr(env, "bytecode_cache", None)
        pattern = getattr(cache, "pattern", None)
        if isinstance(pattern, str) and "autoescape" not in pattern:
            cache.pattern = pattern.replace("%s", "autoescape_%s", 1)
