"""Every park-digest setting, its default and its meaning, in one place.

Settings live in ``pelicanconf.py`` under these names; :func:`resolve` merges them over the
defaults once and validates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Folder of raw articles, relative to the project. Never written to.
    "SEEDS_PATH": "seeds",
    # Where imported Markdown goes, relative to PATH (the content folder).
    "PARK_DIGEST_ARTICLES_DIR": "articles",
    # Where copied article images go, relative to PATH; one sub-folder per slug.
    "PARK_DIGEST_IMAGES_DIR": "images",
    # Import seeds at the start of every Pelican build.
    "PARK_DIGEST_IMPORT_ON_BUILD": True,
    # Turn ASCII , : ; ? ! ( ) between CJK characters into their full-width forms.
    "PARK_DIGEST_FULLWIDTH_PUNCTUATION": True,
    # Keyword list (one per line, `keyword` or `keyword = tag`) that editors keep in content/.
    "PARK_DIGEST_KEYWORDS_FILE": "keywords.txt",
    # Time zone written into front-matter dates.
    "PARK_DIGEST_UTC_OFFSET": "+08:00",
    # Any import error, missing field or template error fails the build (publishconf sets it).
    "PARK_DIGEST_STRICT": False,
    # Traditional variants: URL prefix -> OpenCC config. Simplified stays at the root.
    "PARK_DIGEST_VARIANTS": {"zh-hant": "s2hk"},
    # Editors' phrase corrections on top of OpenCC, in content/.
    "PARK_DIGEST_DICTIONARY_FILE": "opencc-corrections.txt",
}


def resolve(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Return the park-digest settings: the user's values over :data:`DEFAULTS`, validated."""
    merged = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    variants = merged["PARK_DIGEST_VARIANTS"]
    if not isinstance(variants, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in variants.items()
    ):
        raise ValueError(
            "PARK_DIGEST_VARIANTS must map a URL prefix to an OpenCC config, "
            'e.g. {"zh-hant": "s2hk", "zh-tw": "s2twp"}'
        )
    return merged
