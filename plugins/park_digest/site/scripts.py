"""The sites of a build: the Simplified root and each script variant of ``PARK_DIGEST_VARIANTS``,
with the URL prefix, languages and switch label of each. Every stage asks this table (the
sitemap, the templates' switch, the derivation of the variants, the search index)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# OpenCC config -> (html lang, og:locale, label of the switch). Unknown configs read as s2t.
REGIONS: dict[str, tuple[str, str, str]] = {
    "s2t": ("zh-Hant", "zh_TW", "繁體"),
    "s2hk": ("zh-Hant", "zh_HK", "繁體"),
    "s2hkp": ("zh-Hant", "zh_HK", "繁體"),
    "s2tw": ("zh-TW", "zh_TW", "臺灣正體"),
    "s2twp": ("zh-TW", "zh_TW", "臺灣正體"),
}


class VariantsError(ValueError):
    """A variant setting, dictionary line or front-matter override the build cannot use."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Variant:
    """One site of the build: the Simplified root or a converted variant."""

    code: str
    prefix: str
    config: str | None
    html_lang: str
    og_locale: str
    label: str

    def as_context(self) -> dict[str, str]:
        """The dict templates get as ``variant`` (and in the ``variants`` list)."""
        return {
            "code": self.code,
            "prefix": self.prefix,
            "html_lang": self.html_lang,
            "og_locale": self.og_locale,
            "label": self.label,
        }


ROOT = Variant(
    code="zh-hans", prefix="", config=None, html_lang="zh-Hans", og_locale="zh_CN", label="简体"
)


def variant_table(variants: Mapping[str, str]) -> list[Variant]:
    """All sites of the build, root first, from ``PARK_DIGEST_VARIANTS`` (prefix -> config)."""
    table = [ROOT]
    for prefix, config in variants.items():
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", prefix) or prefix == ROOT.code:
            raise VariantsError(
                f"PARK_DIGEST_VARIANTS: {prefix!r} cannot be a URL prefix; "
                'use lower-case letters, digits and "-", e.g. "zh-hant"'
            )
        name = config.removesuffix(".json")
        html_lang, og_locale, label = REGIONS.get(name, REGIONS["s2t"])
        table.append(
            Variant(
                code=prefix, prefix=prefix, config=name,
                html_lang=html_lang, og_locale=og_locale, label=label,
            )
        )
    return table


def find_variant(table: Sequence[Variant], code: str) -> Variant:
    """The variant whose code or prefix is ``code`` (``""`` is the root)."""
    for variant in table:
        if code in (variant.code, variant.prefix):
            return variant
    known = ", ".join(repr(v.code) for v in table)
    raise VariantsError(f"unknown variant {code!r}; the configured variants are {known}")


def site_url(root_siteurl: str, variant: Variant) -> str:
    """SITEURL of ``variant`` when the root site is at ``root_siteurl``."""
    root = root_siteurl.rstrip("/")
    return f"{root}/{variant.prefix}" if variant.prefix else root


def variant_url(table: Sequence[Variant], root_siteurl: str, code: str, url: str = "") -> str:
    """URL of the page at site-relative ``url`` on the variant ``code`` (``""`` is home)."""
    return f"{site_url(root_siteurl, find_variant(table, code))}/{url.lstrip('/')}"
