"""Jinja filters the theme uses, added to every generator's environment."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup


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


FILTERS = {"json_ld": json_ld, "char_refs": char_refs}


def add_filters(generator: Any) -> None:
    """``generator_init``: make :data:`FILTERS` available to the theme's templates."""
    env = getattr(generator, "env", None)
    if env is not None:
        env.filters.update(FILTERS)
