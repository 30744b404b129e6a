"""The sync's configuration: PARK_DIGEST_SYNC_* settings, each overridable by the environment.

An environment variable of the same name wins over the settings file, so CI can point one
build at another bucket without editing ``publishconf.py``. Credentials are not settings: they
come only from boto3's standard chain.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .headers import Rule, compile_rules
from .plan import Rules
from .purge import PURGERS
from .remote import Target, normalise_prefix

ADDRESSING_STYLES = ("auto", "path", "virtual")
TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})


@dataclass(frozen=True, slots=True, kw_only=True)
class SyncConfig:
    target: Target
    output: Path
    site_url: str
    header_rules: tuple[Rule, ...]
    gzip_text: bool
    plan_rules: Rules
    max_deletes: int
    max_delete_share: float
    guard_ignore: re.Pattern[str] | None
    workers: int
    retries: int
    backoff: float
    purge: str
    purge_url: str
    cloudfront_distribution: str


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
    if value is not None and not isinstance(value, kind):
        raise ConfigError(f"{name}={value!r}: expected a {kind.__name__}")
    return value


def load(
    settings: Mapping[str, Any],
    environ: Mapping[str, str] | None = None,
    *,
    output: Path | None = None,
    force: bool = False,
) -> SyncConfig:
    """Build the configuration from merged settings, with environment overrides."""
    from ..settings import DEFAULTS

    env = os.environ if environ is None else environ

    def get(name: str, kind: type) -> Any:
        value = env[name] if name in env else settings.get(name, DEFAULTS[name])
        return _typed(name, value, kind)

    bucket = get("PARK_DIGEST_SYNC_BUCKET", str) or ""
    if not bucket:
        raise ConfigError(
            "PARK_DIGEST_SYNC_BUCKET is empty: set it in publishconf.py or the environment"
        )
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
    guard_ignore = regex("PARK_DIGEST_SYNC_GUARD_IGNORE")
    workers = get("PARK_DIGEST_SYNC_WORKERS", int)
    share = get("PARK_DIGEST_SYNC_MAX_DELETE_SHARE", float)
    if workers < 1 or not 0 <= share <= 1:
        raise ConfigError(
            "PARK_DIGEST_SYNC_WORKERS must be at least 1 and "
            "PARK_DIGEST_SYNC_MAX_DELETE_SHARE between 0 and 1"
        )
    return SyncConfig(
        target=Target(
            bucket=bucket,
            prefix=normalise_prefix(get("PARK_DIGEST_SYNC_PREFIX", str) or ""),
            endpoint_url=get("PARK_DIGEST_SYNC_ENDPOINT", str) or None,
            region=get("PARK_DIGEST_SYNC_REGION", str) or None,
            addressing_style=style,
        ),
        output=Path(output or settings.get("OUTPUT_PATH", "output")),
        site_url=settings.get("SITEURL", "") or "",
        header_rules=header_rules,
        gzip_text=get("PARK_DIGEST_SYNC_GZIP", bool),
        plan_rules=Rules(article_pages=article_pages, force=force),
        max_deletes=get("PARK_DIGEST_SYNC_MAX_DELETES", int),
        max_delete_share=share,
        guard_ignore=guard_ignore,
        workers=workers,
        retries=get("PARK_DIGEST_SYNC_RETRIES", int),
        backoff=get("PARK_DIGEST_SYNC_BACKOFF", float),
        purge=purge,
        purge_url=get("PARK_DIGEST_SYNC_PURGE_URL", str) or "",
        cloudfront_distribution=get("PARK_DIGEST_SYNC_CLOUDFRONT_DISTRIBUTION", str) or "",
    )
