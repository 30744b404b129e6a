"""The sync's configuration: PARK_DIGEST_SYNC_* settings, each overridable by the environment.

An environment variable of the same name wins over the settings file, so CI can point one
build at another bucket without editing ``publishconf.py``. Credentials are not settings: they
come only from each vendor's standard chain. Every setting is checked here, at start, and a
wrong one is a :class:`ConfigError` naming it and saying what to write instead.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from park_digest.publish.sync.errors import ConfigError
from park_digest.publish.sync.headers import Rule, compile_rules
from park_digest.publish.sync.pending import FILE_NAME as PENDING_FILE
from park_digest.publish.sync.plan import Rules
from park_digest.publish.sync.purge import PURGERS
from park_digest.publish.sync.purgeplan import Limits
from park_digest.publish.sync.remote import Target, check_profile, normalise_prefix

ADDRESSING_STYLES = ("auto", "path", "virtual")
FLUSH_TYPES = ("flush", "delete")
TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})
VENDOR_LIMITS = {
    "aliyun": "PARK_DIGEST_SYNC_ALIYUN_LIMITS",
    "tencent": "PARK_DIGEST_SYNC_TENCENT_LIMITS",
}
LIMIT_KEYS = (
    "urls_per_day", "dirs_per_day", "urls_per_request", "dirs_per_request",
    "domains_per_request", "calls_per_second",
)  # fmt: skip


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncConfig:
    target: Target
    output: Path
    site_url: str
    header_rules: tuple[Rule, ...]
    fingerprint: re.Pattern[str]
    gzip_text: bool
    plan_rules: Rules
    max_deletes: int
    max_delete_share: float
    guard_ignore: re.Pattern[str] | None
    workers: int
    retries: int
    backoff: float
    purge: str
    public_urls: tuple[str, ...]  # each ending in "/"
    purge_url: str
    cloudfront_distribution: str
    aliyun_endpoint: str
    tencent_endpoint: str
    tencent_flush_type: str
    purge_limits: Limits
    pending_path: Path


def _typed(name: str, value: Any, kind: type) -> Any:
    """``value`` (from settings, or a string from the environment) as ``kind``."""
    if isinstance(value, str) and kind is not str:
        text = value.strip().lower()
        try:
            if kind is bool:
                if text in TRUE | FALSE:
                    return text in TRUE
                raise ValueError(value)
            return kind(text)
        except ValueError as e:
            raise ConfigError(f"{name}={value!r}: expected a {kind.__name__}") from e
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if value is not None and (not isinstance(value, kind) or (kind is int and value is True)):
        raise ConfigError(f"{name}={value!r}: expected a {kind.__name__}")
    return value


def http_url(name: str, value: str, example: str) -> str:
    """``value`` if it is an http(s) URL with a host, else a :class:`ConfigError`."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        hint = f"https://{value.lstrip('/')}" if value and "://" not in value else example
        raise ConfigError(
            f"{name}={value!r} is not an http(s) URL with a host: write it like {hint!r}"
        )
    return value


def public_bases(value: Any, site_url: str) -> tuple[str, ...]:
    """The public base URLs (each ending in "/") from the setting, else SITEURL."""
    if isinstance(value, str):
        items = [v.strip() for v in value.split(",") if v.strip()]
    elif isinstance(value, list | tuple):
        items = [str(v).strip() for v in value if str(v).strip()]
    else:
        raise ConfigError(f"PARK_DIGEST_SYNC_PUBLIC_URL={value!r}: write a URL or a list of URLs")
    if not items and site_url:
        items = [site_url]
    return tuple(
        http_url("PARK_DIGEST_SYNC_PUBLIC_URL", item, "https://news.example.org").rstrip("/") + "/"
        for item in items
    )


def purge_limits(name: str, raw: Any, defaults: Mapping[str, Any]) -> Limits:
    """The vendor's limits: the setting's keys over the documented defaults, each checked."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError as e:
            raise ConfigError(
                f"{name}: not JSON ({e}); write e.g. '{{\"urls_per_day\": 20000}}'"
            ) from e
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{name}={raw!r}: write a mapping like {dict(defaults)!r}")
    unknown = set(raw) - set(LIMIT_KEYS)
    if unknown:
        raise ConfigError(f"{name}: unknown keys {sorted(unknown)}; use {list(LIMIT_KEYS)}")
    merged = {**defaults, **raw}
    for key in LIMIT_KEYS:
        value = merged.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ConfigError(
                f"{name}[{key!r}]={value!r}: write a number of 0 or more (or None: no limit)"
            )
    return Limits(**{key: merged.get(key) for key in LIMIT_KEYS})


def load(
    settings: Mapping[str, Any],
    environ: Mapping[str, str] | None = None,
    *,
    output: Path | None = None,
    force: bool = False,
) -> SyncConfig:
    """Build the configuration from merged settings, with environment overrides."""
    from park_digest.settings import DEFAULTS, STATE_DIR

    env = os.environ if environ is None else environ

    def raw(name: str) -> Any:
        return env[name] if name in env else settings.get(name, DEFAULTS[name])

    def get(name: str, kind: type) -> Any:
        return _typed(name, raw(name), kind)

    def at_least(name: str, kind: type, low: float, what: str) -> Any:
        value = get(name, kind)
        if value is None or value < low:
            raise ConfigError(f"{name}={value!r}: {what}")
        return value

    bucket = get("PARK_DIGEST_SYNC_BUCKET", str) or ""
    if not bucket:
        raise ConfigError(
            "PARK_DIGEST_SYNC_BUCKET is empty: set it in publishconf.py or the environment"
        )
    endpoint = get("PARK_DIGEST_SYNC_ENDPOINT", str) or None
    if endpoint is not None:
        http_url("PARK_DIGEST_SYNC_ENDPOINT", endpoint, "https://oss-cn-hangzhou.aliyuncs.com")
    style = get("PARK_DIGEST_SYNC_ADDRESSING_STYLE", str)
    if style not in ADDRESSING_STYLES:
        raise ConfigError(
            f"PARK_DIGEST_SYNC_ADDRESSING_STYLE={style!r}: "
            f"use one of {', '.join(ADDRESSING_STYLES)}"
        )
    purge = get("PARK_DIGEST_SYNC_PURGE", str)
    if purge not in PURGERS:
        raise ConfigError(f"PARK_DIGEST_SYNC_PURGE={purge!r}: use one of {', '.join(PURGERS)}")
    try:
        header_rules = compile_rules(
            settings.get("PARK_DIGEST_SYNC_RULES", DEFAULTS["PARK_DIGEST_SYNC_RULES"])
        )
    except ValueError as e:
        raise ConfigError(str(e)) from e

    def regex(name: str) -> re.Pattern[str] | None:
        text = get(name, str)
        try:
            return re.compile(text) if text else None
        except re.error as e:
            raise ConfigError(f"{name}={text!r} is not a regular expression: {e}") from e

    article_pages = regex("PARK_DIGEST_SYNC_ARTICLE_PAGES")
    if article_pages is None:
        raise ConfigError("PARK_DIGEST_SYNC_ARTICLE_PAGES is empty: set a regex of article pages")
    fingerprint = regex("PARK_DIGEST_SYNC_FINGERPRINT") or re.compile(r"(?!)")
    guard_ignore = regex("PARK_DIGEST_SYNC_GUARD_IGNORE")
    workers = at_least("PARK_DIGEST_SYNC_WORKERS", int, 1, "write 1 or more parallel uploads")
    share = get("PARK_DIGEST_SYNC_MAX_DELETE_SHARE", float)
    if share is None or not 0 <= share <= 1:
        raise ConfigError(
            f"PARK_DIGEST_SYNC_MAX_DELETE_SHARE={share!r}: write a share between 0 and 1, e.g. 0.2"
        )
    max_deletes = at_least(
        "PARK_DIGEST_SYNC_MAX_DELETES", int, 0, "write 0 or more (0: no delete without "
        "--allow-deletes)"
    )  # fmt: skip
    retries = at_least(
        "PARK_DIGEST_SYNC_RETRIES", int, 0, "write 0 or more retries (0: try each file once)"
    )
    backoff = at_least("PARK_DIGEST_SYNC_BACKOFF", float, 0, "write 0 or more seconds")
    site_url = settings.get("SITEURL", "") or ""
    public = public_bases(raw("PARK_DIGEST_SYNC_PUBLIC_URL") or "", site_url)
    if purge != "none" and not public:
        raise ConfigError(
            f"the {purge} purger needs the site's public URL to name what to purge, and "
            "SITEURL is empty: set SITEURL in publishconf.py (e.g. "
            'SITEURL = "https://news.example.org"), or PARK_DIGEST_SYNC_PUBLIC_URL'
        )
    purge_url = get("PARK_DIGEST_SYNC_PURGE_URL", str) or ""
    if purge == "webhook":
        http_url("PARK_DIGEST_SYNC_PURGE_URL", purge_url, "https://purge.example.org/hook")
    distribution = get("PARK_DIGEST_SYNC_CLOUDFRONT_DISTRIBUTION", str) or ""
    if purge == "cloudfront" and not distribution:
        raise ConfigError(
            "PARK_DIGEST_SYNC_CLOUDFRONT_DISTRIBUTION is empty: set the distribution id "
            "for the cloudfront purger"
        )
    aliyun_endpoint = http_url(
        "PARK_DIGEST_SYNC_ALIYUN_ENDPOINT",
        get("PARK_DIGEST_SYNC_ALIYUN_ENDPOINT", str) or "",
        DEFAULTS["PARK_DIGEST_SYNC_ALIYUN_ENDPOINT"],
    )
    tencent_endpoint = http_url(
        "PARK_DIGEST_SYNC_TENCENT_ENDPOINT",
        get("PARK_DIGEST_SYNC_TENCENT_ENDPOINT", str) or "",
        DEFAULTS["PARK_DIGEST_SYNC_TENCENT_ENDPOINT"],
    )
    flush_type = get("PARK_DIGEST_SYNC_TENCENT_FLUSH_TYPE", str)
    if flush_type not in FLUSH_TYPES:
        raise ConfigError(
            f"PARK_DIGEST_SYNC_TENCENT_FLUSH_TYPE={flush_type!r}: use one of "
            f"{', '.join(FLUSH_TYPES)}"
        )
    url_reserve = at_least("PARK_DIGEST_SYNC_PURGE_URL_RESERVE", int, 0, "write 0 or more URLs")
    dir_reserve = at_least(
        "PARK_DIGEST_SYNC_PURGE_DIR_RESERVE", int, 0, "write 0 or more directories"
    )
    vendor_limits = {
        vendor: purge_limits(name, raw(name), DEFAULTS[name])
        for vendor, name in VENDOR_LIMITS.items()
    }
    if purge in vendor_limits:
        limits = replace(vendor_limits[purge], url_reserve=url_reserve, dir_reserve=dir_reserve)
    elif purge == "cloudfront":
        limits = Limits(urls_per_request=3000)
    else:
        limits = Limits()
    check_profile(env)
    cache = Path(settings.get("CACHE_PATH", "cache") or "cache")
    return SyncConfig(
        target=Target(
            bucket=bucket,
            prefix=normalise_prefix(get("PARK_DIGEST_SYNC_PREFIX", str) or ""),
            endpoint_url=endpoint,
            region=get("PARK_DIGEST_SYNC_REGION", str) or None,
            addressing_style=style,
        ),
        output=Path(output or settings.get("OUTPUT_PATH", "output")),
        site_url=site_url,
        header_rules=header_rules,
        fingerprint=fingerprint,
        gzip_text=get("PARK_DIGEST_SYNC_GZIP", bool),
        plan_rules=Rules(article_pages=article_pages, force=force),
        max_deletes=max_deletes,
        max_delete_share=share,
        guard_ignore=guard_ignore,
        workers=workers,
        retries=retries,
        backoff=backoff,
        purge=purge,
        public_urls=public,
        purge_url=purge_url,
        cloudfront_distribution=distribution,
        aliyun_endpoint=aliyun_endpoint,
        tencent_endpoint=tencent_endpoint,
        tencent_flush_type=flush_type,
        purge_limits=limits,
        pending_path=cache / STATE_DIR / PENDING_FILE,
    )
