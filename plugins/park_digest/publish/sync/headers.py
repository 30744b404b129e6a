"""Per-object HTTP headers from a list of pattern rules: Content-Type, Cache-Control, gzip.

A rule is a mapping with a ``pattern`` (a regular expression searched in the object's key,
relative to the prefix) and any of ``cache_control``, ``content_type`` and ``gzip``. For each
header the first rule that matches and sets it wins, so specific rules go first.

``immutable`` is only ever sent for a content-fingerprinted name (a hash of the content in the
name, so that new content gets a new name): a rule saying ``immutable`` is skipped, for its
Cache-Control, on any other name.
"""

from __future__ import annotations

import gzip
import mimetypes
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from park_digest.settings import DEFAULTS

# Our own table, so the result does not depend on the machine's /etc/mime.types.
CONTENT_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
}
# Text types: sent with charset=utf-8 and precompressed when gzip is on.
TEXT_TYPES = frozenset(
    {
        "text/html",
        "application/xml",
        "application/atom+xml",
        "application/rss+xml",
        "text/xml",
        "text/css",
        "text/javascript",
        "application/json",
        "application/manifest+json",
        "image/svg+xml",
        "text/plain",
    }
)
FALLBACK_TYPE = "application/octet-stream"
FALLBACK_CACHE_CONTROL = "public, max-age=300, must-revalidate"
# Default of PARK_DIGEST_SYNC_FINGERPRINT (its meaning is documented there).
FINGERPRINT = re.compile(DEFAULTS["PARK_DIGEST_SYNC_FINGERPRINT"])
RULE_KEYS = frozenset({"pattern", "cache_control", "content_type", "gzip"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    pattern: re.Pattern[str]
    cache_control: str | None = None
    content_type: str | None = None
    gzip: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ObjectHeaders:
    content_type: str
    cache_control: str
    content_encoding: str | None = None

    def as_put_args(self) -> dict[str, str]:
        """The headers as keyword arguments of boto3's ``put_object``."""
        args = {"ContentType": self.content_type, "CacheControl": self.cache_control}
        if self.content_encoding:
            args["ContentEncoding"] = self.content_encoding
        return args


def compile_rules(raw: Sequence[Mapping[str, Any]]) -> tuple[Rule, ...]:
    """Turn the PARK_DIGEST_SYNC_RULES setting into rules; ``ValueError`` names a bad one."""
    rules = []
    for number, item in enumerate(raw, start=1):
        where = f"PARK_DIGEST_SYNC_RULES rule {number}"
        if not isinstance(item, Mapping) or "pattern" not in item:
            raise ValueError(
                f'{where}: write a mapping with a "pattern", e.g. {{"pattern": "\\.html$"}}'
            )
        unknown = set(item) - RULE_KEYS
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}; use {sorted(RULE_KEYS)}")
        try:
            pattern = re.compile(item["pattern"])
        except (re.error, TypeError) as e:
            raise ValueError(
                f"{where}: pattern {item['pattern']!r} is not a regular expression: {e}"
            ) from e
        rules.append(
            Rule(
                pattern=pattern,
                cache_control=item.get("cache_control"),
                content_type=item.get("content_type"),
                gzip=item.get("gzip"),
            )
        )
    return tuple(rules)


def guess_type(key: str) -> str:
    """The media type of ``key`` from its extension, from our table first."""
    suffix = key[key.rfind(".") :].lower() if "." in key.rsplit("/", 1)[-1] else ""
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(key)[0] or FALLBACK_TYPE


def is_immutable(cache_control: str) -> bool:
    return "immutable" in cache_control.lower()


def headers_for(
    key: str,
    rules: Sequence[Rule],
    *,
    gzip_text: bool = False,
    fingerprint: re.Pattern[str] = FINGERPRINT,
) -> ObjectHeaders:
    """The headers of the object at ``key``: first matching rule per header, then defaults.

    ``gzip_text`` precompresses text types unless a matching rule says ``gzip: False``.
    A Cache-Control with ``immutable`` applies only when ``fingerprint`` matches ``key``.
    """
    content_type = cache_control = None
    use_gzip: bool | None = None
    fingerprinted = fingerprint.search(key) is not None
    for rule in rules:
        if not rule.pattern.search(key):
            continue
        content_type = content_type or rule.content_type
        if rule.cache_control and (fingerprinted or not is_immutable(rule.cache_control)):
            cache_control = cache_control or rule.cache_control
        if use_gzip is None:
            use_gzip = rule.gzip
    media = content_type or guess_type(key)
    is_text = media.split(";")[0].strip() in TEXT_TYPES
    if is_text and "charset" not in media:
        media = f"{media}; charset=utf-8"
    if use_gzip is None:
        use_gzip = gzip_text and is_text
    return ObjectHeaders(
        content_type=media,
        cache_control=cache_control or FALLBACK_CACHE_CONTROL,
        content_encoding="gzip" if use_gzip else None,
    )


def encode_body(data: bytes, headers: ObjectHeaders) -> bytes:
    """The bytes to upload: ``data``, gzipped deterministically when the headers say so.

    ``mtime=0`` and no file name keep the same input giving the same bytes, hence the same hash.
    """
    if headers.content_encoding == "gzip":
        return gzip.compress(data, compresslevel=9, mtime=0)
    return data
