"""Every park-digest setting, its default and its meaning, in one place.

Settings live in ``pelicanconf.py`` under these names; :func:`resolve` merges them over the
defaults once and validates them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Our state between builds and syncs, a folder of Pelican's cache (CACHE_PATH).
STATE_DIR = "park-digest"

DEFAULTS: dict[str, Any] = {
    # Folder of raw articles, relative to the project. Never written to.
    "SEEDS_PATH": "seeds",
    # Where imported Markdown goes, relative to PATH (the content folder).
    "PARK_DIGEST_ARTICLES_DIR": "articles",
    # Originals of raw articles that came in Traditional characters, relative to PATH.
    "PARK_DIGEST_ORIGINALS_DIR": "originals",
    # Where copied article images go, relative to PATH; one sub-folder per slug.
    "PARK_DIGEST_IMAGES_DIR": "images",
    # `park-digest build` skips the build when no input changed since the last one into the
    # same output folder and that output is untouched (fingerprints in CACHE_PATH).
    "PARK_DIGEST_SKIP_UNCHANGED": True,
    # When a build reads every article afresh, convert their Markdown bodies in worker
    # processes (one per core) while Pelican reads the front matter (site/prerender.py).
    "PARK_DIGEST_PARALLEL_MARKDOWN": True,
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
    # Set by the preview server only: an incremental.Selection of the pages a fast rebuild
    # writes (None: write everything). Not for pelicanconf.py.
    "PARK_DIGEST_WRITE_ONLY": None,
    # Traditional variants: URL prefix -> OpenCC config. Simplified stays at the root.
    "PARK_DIGEST_VARIANTS": {"zh-hant": "s2hk"},
    # How the variants are made: "derive" (Pelican renders the Simplified site once and every
    # variant is derived from its written pages, on every core: variants/derive.py) or "pelican" (one
    # full Pelican run per variant, each page converted as written; slower, and the reference
    # the derivation is tested against).
    "PARK_DIGEST_VARIANT_RUNS": "derive",
    # Variants whose quotation marks are “” ‘’ -> 「」 『』 (Hong Kong and Taiwan usage); the
    # Simplified site keeps “”. Variant codes, i.e. the prefixes of PARK_DIGEST_VARIANTS.
    "PARK_DIGEST_CORNER_QUOTES": ["zh-hant", "zh-tw"],
    # Editors' phrase corrections on top of OpenCC, in content/.
    "PARK_DIGEST_DICTIONARY_FILE": "opencc-corrections.txt",
    # Set per run by `park-digest build`: the prefix of the variant this Pelican run builds
    # ("" is the Simplified root). Not for pelicanconf.py.
    "PARK_DIGEST_VARIANT": "",
    # Set per run by `park-digest build`: the root site's SITEURL, seen from a variant run
    # (None: this run's SITEURL). Not for pelicanconf.py.
    "PARK_DIGEST_ROOT_SITEURL": None,
    # Set per run by `park-digest build`: a variant run lists what it writes instead of
    # converting it, and the build converts it all at the end on every core. Not for
    # pelicanconf.py (a plain Pelican run converts each file as it is written).
    "PARK_DIGEST_DEFER_CONVERSION": False,
    # Sitemap with hreflang alternates, written at the root of the output (None: no sitemap).
    "PARK_DIGEST_SITEMAP": "sitemap.xml",
    # Search: articles per Pagefind bundle. The index is split into bundles of consecutive
    # months up to this many pages, and one Pagefind run holds one bundle in memory (about
    # 0.6 GB per 1,000 pages). The search page merges every bundle, and each word a query asks
    # is fetched once per bundle: fewer, larger shards answer it with less.
    "PARK_DIGEST_SEARCH_SHARD_PAGES": 1000,
    # Search: pages new or edited since the month shards were made go to a small overlay
    # shard, indexed alone (a build after an edit of one article indexes a few pages); past
    # this many, the month shards are planned again. 0: always plan them again.
    "PARK_DIGEST_SEARCH_OVERLAY_PAGES": 200,
    # Page per news outlet (the `source` front-matter key): its URL and file, like CATEGORY_URL.
    "PARK_DIGEST_SOURCE_URL": "source/{slug}/",
    "PARK_DIGEST_SOURCE_SAVE_AS": "source/{slug}/index.html",
    # --- park-digest sync (plugins/park_digest/publish/sync/). An environment variable of the same name
    # overrides each of these. Credentials come only from the standard AWS chain.
    # S3 API endpoint URL (None: AWS itself), e.g. "https://oss-cn-hangzhou.aliyuncs.com".
    "PARK_DIGEST_SYNC_ENDPOINT": None,
    # Bucket to publish to; required by `park-digest sync`.
    "PARK_DIGEST_SYNC_BUCKET": "",
    # Key prefix inside the bucket ("" for the bucket root). Nothing outside it is touched.
    "PARK_DIGEST_SYNC_PREFIX": "",
    # Region name (None: from the AWS chain).
    "PARK_DIGEST_SYNC_REGION": None,
    # "auto", "path" (most self-hosted servers) or "virtual" (Aliyun OSS requires it).
    "PARK_DIGEST_SYNC_ADDRESSING_STYLE": "auto",
    # Header rules, first match per header wins: "pattern" (regex searched in the key) and any
    # of "cache_control", "content_type", "gzip". Text types get charset=utf-8 automatically.
    "PARK_DIGEST_SYNC_RULES": [
        # content-fingerprinted names (style.3f2a9c1e.css, search index chunks): a year.
        # Only names matching PARK_DIGEST_SYNC_FINGERPRINT are ever sent immutable.
        {"pattern": r".", "cache_control": "public, max-age=31536000, immutable"},
        # images without a hash in their name: a replaced picture must reach browsers
        {"pattern": r"\.(jpe?g|png|gif|webp|avif|svg|ico)$",
         "cache_control": "public, max-age=3600, must-revalidate"},
        # pages, feeds, sitemap: short and revalidating
        {"pattern": r"\.(html|xml|json|txt)$", "cache_control": "public, max-age=60, must-revalidate"},
        {"pattern": r"\.(css|js)$", "cache_control": "public, max-age=3600, must-revalidate"},
    ],
    # Upload text types gzip-compressed (Content-Encoding: gzip); a rule's "gzip" overrides.
    "PARK_DIGEST_SYNC_GZIP": False,
    # Regex of article page keys, uploaded after assets and before index pages and feeds.
    "PARK_DIGEST_SYNC_ARTICLE_PAGES": r"(^|/)\d{4}/\d{2}/[^/]+/index\.html$",
    # Delete guard: stop when a sync would delete more than this many remote files…
    "PARK_DIGEST_SYNC_MAX_DELETES": 200,
    # …or more than this share of them, unless run with --allow-deletes.
    "PARK_DIGEST_SYNC_MAX_DELETE_SHARE": 0.2,
    # Deletes the guard does not count: search index chunks, renamed when their shard is indexed again.
    "PARK_DIGEST_SYNC_GUARD_IGNORE": r"(^|/)pagefind/.*_[0-9a-f]{7,}\.pf_(fragment|index|meta)$",
    # Parallel uploads.
    "PARK_DIGEST_SYNC_WORKERS": 8,
    # Retries of one upload after the first try, with exponential backoff from this many seconds.
    "PARK_DIGEST_SYNC_RETRIES": 4,
    "PARK_DIGEST_SYNC_BACKOFF": 0.5,
    # Names that carry a hash of their content (8+ hex digits holding a letter and a digit
    # before the extension, or a Pagefind chunk): the only ones a rule may make "immutable";
    # any other name gets the next matching rule's Cache-Control.
    "PARK_DIGEST_SYNC_FINGERPRINT": (
        r"[._-](?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}\.[A-Za-z0-9]+$"
        r"|(^|/)pagefind/.*_[0-9a-f]{7,}\.pf_(fragment|index|meta)$"
    ),
    # CDN purge after a sync: "none", "cloudfront", "webhook", "aliyun" or "tencent".
    "PARK_DIGEST_SYNC_PURGE": "none",
    # Public base URL(s) the CDN serves the site at (a list, or comma-separated in the
    # environment; empty: SITEURL). Purges name absolute URLs below each.
    "PARK_DIGEST_SYNC_PUBLIC_URL": "",
    # Webhook purger: URL that receives a POST of a JSON array of the changed absolute URLs.
    "PARK_DIGEST_SYNC_PURGE_URL": "",
    # CloudFront purger: distribution id.
    "PARK_DIGEST_SYNC_CLOUDFRONT_DISTRIBUTION": "",
    # Aliyun and Tencent purgers: API endpoints (credentials: README, "Publishing on Aliyun /
    # Tencent").
    "PARK_DIGEST_SYNC_ALIYUN_ENDPOINT": "https://cdn.aliyuncs.com",
    "PARK_DIGEST_SYNC_TENCENT_ENDPOINT": "https://cdn.tencentcloudapi.com",
    # Tencent PurgePathCache: "flush" (changed resources) or "delete" (everything below).
    "PARK_DIGEST_SYNC_TENCENT_FLUSH_TYPE": "flush",
    # Purge limits per vendor, documented defaults (raise them when the account's were
    # raised): per day (Asia/Shanghai days), per request, per second; a directory purge
    # covers its subdirectories. Keys missing here keep their default.
    "PARK_DIGEST_SYNC_ALIYUN_LIMITS": {
        "urls_per_day": 10000, "dirs_per_day": 100,
        "urls_per_request": 1000, "dirs_per_request": 100, "domains_per_request": 10,
        "calls_per_second": 50,
    },
    "PARK_DIGEST_SYNC_TENCENT_LIMITS": {
        "urls_per_day": 10000, "dirs_per_day": 100,
        "urls_per_request": 1000, "dirs_per_request": 20, "domains_per_request": None,
        "calls_per_second": 20,
    },
    # Of each day's quota, the sync leaves this many URLs and directories unused, for a
    # purge by hand; beyond the rest it purges directories, then waits for the next day.
    "PARK_DIGEST_SYNC_PURGE_URL_RESERVE": 500,
    "PARK_DIGEST_SYNC_PURGE_DIR_RESERVE": 5,
    # `park-digest build` says in its summary how many places await review per variant (the
    # short list of `park-digest review`), e.g. "review: 3 places on zh-hant — park-digest
    # review". Each article's short list is cached in CACHE_PATH and reviewed again only when
    # the article, the dictionary, the converters or the review code change. False: no count.
    "PARK_DIGEST_REVIEW_COUNT": True,
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
    quotes = merged["PARK_DIGEST_CORNER_QUOTES"]
    if isinstance(quotes, str) or not all(isinstance(code, str) for code in quotes):
        raise ValueError(
            "PARK_DIGEST_CORNER_QUOTES must list variant codes, e.g. [\"zh-hant\", \"zh-tw\"]"
        )
    if merged["PARK_DIGEST_VARIANT_RUNS"] not in ("derive", "pelican"):
        raise ValueError(
            f"PARK_DIGEST_VARIANT_RUNS is {merged['PARK_DIGEST_VARIANT_RUNS']!r}; "
            'use "derive" (the default) or "pelican"'
        )
    return merged


class SettingsFileError(Exception):
    """The settings file is missing: the command was run outside the project folder."""


def read_project(settings_path: Path | str, override: Mapping[str, Any] | None = None) -> dict:
    """Pelican's settings from ``settings_path`` (with ``override``), as every command reads them.

    Two first-run situations that Pelican reports with a traceback get a plain answer here: a
    missing settings file raises :class:`SettingsFileError` saying where to run from, and a
    content folder (PATH) that is not there yet is made, empty: the importer fills it from the
    seeds, so a fresh project (or one whose ``content/`` was deleted) builds.
    """
    from pelican.settings import get_settings_from_file, read_settings

    path = Path(settings_path)
    if not path.is_file():
        raise SettingsFileError(
            f"{path}: no such settings file in {Path.cwd()}; run park-digest from the project "
            "folder (where pelicanconf.py is), or name the file with --settings"
        )
    override = dict(override or {})
    content = override.get("PATH") or get_settings_from_file(str(path)).get("PATH")
    if content:
        folder = Path(content) if os.path.isabs(content) else path.resolve().parent / content
        if not folder.exists():
            folder.mkdir(parents=True)
            logger.info("made the content folder %s (the importer writes into it)", content)
    return read_settings(str(path), override=override)
