"""The theme's static files, once for every script, under content-fingerprinted names.

Every stylesheet, script and data file of the theme (``THEME_STATIC_PATHS``) is written once, in
the root site's ``THEME_STATIC_DIR``, named by its content: ``css/style.css`` becomes
``theme/css/style.3f2a9c1e.css``. Every script variant links the same files, so switching
script downloads nothing again, and each file can be cached as immutable (the sync's first
rule). Templates link them through ``asset_url('css/style.css')``; scripts that import other
modules by their plain names (the search page's) get an import map from ``asset_import_map()``
that sends each plain URL to its fingerprinted one. Files that are not CSS, JS or fonts
(licences, a version note) keep their names.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup

logger = logging.getLogger(__name__)

FINGERPRINTED = frozenset({".css", ".js", ".mjs", ".woff", ".woff2", ".svg", ".png", ".webp"})
DIGEST_CHARS = 8
# Key under which the run keeps its manifest in the Pelican settings.
MANIFEST_KEY = "PARK_DIGEST_ASSETS"


class AssetError(ValueError):
    """A template asks for an asset the theme does not have."""


def fingerprinted_name(rel: str, data: bytes) -> str:
    """``css/style.css`` -> ``css/style.3f2a9c1e.css`` for ``data``; other kinds keep theirs."""
    path = PurePosixPath(rel)
    if path.suffix not in FINGERPRINTED:
        return rel
    digest = hashlib.sha256(data).hexdigest()[:DIGEST_CHARS]
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Manifest:
    """The theme's assets of one build: plain name -> written name, and where each comes from."""

    base_url: str  # root SITEURL + "/" + THEME_STATIC_DIR
    folder: str  # THEME_STATIC_DIR
    names: Mapping[str, str]
    sources: Mapping[str, Path]

    def url(self, rel: str) -> str:
        """The URL of the asset ``rel`` (``css/style.css``); a folder (``js/vendor/x/``) stays
        as it is, for scripts that load files from it by their plain names."""
        rel = rel.lstrip("/")
        if rel.endswith("/") or not rel:
            return f"{self.base_url}/{rel}"
        try:
            return f"{self.base_url}/{self.names[rel]}"
        except KeyError:
            raise AssetError(
                f"asset_url({rel!r}): the theme has no static file {rel!r}; "
                "name a file under the theme's static folder, e.g. 'css/style.css'"
            ) from None

    def import_map(self, prefix: str = "js/") -> Markup:
        """An import map sending every module under ``prefix`` to its fingerprinted URL."""
        imports = {
            f"{self.base_url}/{rel}": f"{self.base_url}/{name}"
            for rel, name in sorted(self.names.items())
            if rel.startswith(prefix) and rel.endswith((".js", ".mjs")) and rel != name
        }
        text = json.dumps({"imports": imports}, separators=(",", ":")).replace("</", "<\\/")
        return Markup(f'<script type="importmap">{text}</script>')

    def write(self, output: Path) -> int:
        """Write every asset under ``output/<folder>``, skipping files already there; return
        how many were written."""
        count = 0
        for rel, name in self.names.items():
            dest = output / self.folder / name
            if name != rel and dest.is_file():  # same name, same content
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.sources[rel], dest)
            count += 1
        return count


def scan(folders: Iterable[Path]) -> dict[str, Path]:
    """``rel -> file`` of every file under ``folders`` (a later folder overrides)."""
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_file():
            found[folder.name] = folder
            continue
        for dirpath, _, filenames in os.walk(folder):
            for filename in filenames:
                path = Path(dirpath) / filename
                found[path.relative_to(folder).as_posix()] = path
    return found


def build_manifest(theme: Path, static_paths: Iterable[str], folder: str,
                   root_siteurl: str) -> Manifest:
    """Fingerprint every static file of the theme at ``theme``."""
    sources = scan(theme / p for p in static_paths)
    names = {rel: fingerprinted_name(rel, path.read_bytes()) for rel, path in sources.items()}
    return Manifest(base_url=f"{root_siteurl.rstrip('/')}/{folder}", folder=folder,
                    names=names, sources=sources)


# ---------------------------------------------------------------------------------------------
# Pelican edge


def on_initialized(pelican: Any) -> None:
    """Fingerprint the theme's files and give templates ``asset_url`` and ``asset_import_map``.

    Pelican's own copy of the theme's files is turned off; the root run writes the
    fingerprinted ones when it finishes (:func:`on_finalized`), variant runs link the root's.
    """
    from park_digest.settings import resolve

    settings = pelican.settings
    conf = resolve(settings)
    root_siteurl = conf["PARK_DIGEST_ROOT_SITEURL"]
    if root_siteurl is None:
        root_siteurl = settings.get("SITEURL", "")
    manifest = build_manifest(
        Path(settings["THEME"]), settings.get("THEME_STATIC_PATHS", ["static"]),
        settings.get("THEME_STATIC_DIR", "theme"), root_siteurl,
    )
    settings[MANIFEST_KEY] = manifest
    settings["THEME_STATIC_PATHS"] = []
    settings["JINJA_GLOBALS"] = {
        **settings.get("JINJA_GLOBALS", {}),
        "asset_url": manifest.url,
        "asset_import_map": manifest.import_map,
    }
    logger.debug("theme assets: %d files", len(manifest.names))


def on_finalized(pelican: Any) -> None:
    """``finalized``: the root run writes the theme's files into its output."""
    from park_digest.settings import resolve

    settings = pelican.settings
    manifest = settings.get(MANIFEST_KEY)
    if manifest is None or resolve(settings)["PARK_DIGEST_VARIANT"]:
        return
    written = manifest.write(Path(pelican.output_path))
    logger.debug("theme assets: %d of %d files written", written, len(manifest.names))
