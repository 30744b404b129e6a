"""The local side: every file under ``output/``, its headers and the hash of the bytes we upload.

Symlinks are never followed out of the folder: a symlinked file is synced only when its target
lies inside the folder; a symlinked folder is not entered.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from park_digest.publish.sync.errors import SyncError
from park_digest.publish.sync.headers import (
    FINGERPRINT,
    ObjectHeaders,
    Rule,
    encode_body,
    headers_for,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class LocalFile:
    key: str  # path below the output folder, "/"-separated, relative to the bucket prefix
    path: Path
    size: int  # bytes uploaded (after gzip when the headers ask for it)
    md5: str  # hex MD5 of the bytes uploaded
    mtime: float
    headers: ObjectHeaders


def walk(root: Path) -> Iterator[tuple[str, Path]]:
    """Yield ``(key, path)`` for each regular file under ``root``, sorted, symlinks kept inside."""
    root_real = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root_real, followlinks=False):
        folder = Path(dirpath)
        for name in sorted(dirnames):
            if (folder / name).is_symlink():
                logger.warning("%s: symlinked folder not followed", folder / name)
        dirnames.sort()
        for name in sorted(filenames):
            path = folder / name
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root_real) or not target.is_file():
                    logger.warning(
                        "%s: symlink to %s outside the output folder, skipped", path, target
                    )
                    continue
            elif not path.is_file():
                continue
            yield path.relative_to(root_real).as_posix(), path


def read_body(path: Path, headers: ObjectHeaders) -> bytes:
    """The bytes uploaded for the file at ``path`` with ``headers``."""
    return encode_body(path.read_bytes(), headers)


def scan(
    root: Path,
    rules: Sequence[Rule],
    *,
    gzip_text: bool = False,
    fingerprint: re.Pattern[str] = FINGERPRINT,
) -> dict[str, LocalFile]:
    """Describe every file under ``root`` by key; raise :class:`SyncError` if ``root`` is absent."""
    if not root.is_dir():
        raise SyncError(f"{root}: no such folder; build the site first (make publish)")
    files = {}
    for key, path in walk(root):
        headers = headers_for(key, rules, gzip_text=gzip_text, fingerprint=fingerprint)
        body = read_body(path, headers)
        files[key] = LocalFile(
            key=key,
            path=path,
            size=len(body),
            md5=hashlib.md5(body, usedforsecurity=False).hexdigest(),
            mtime=path.stat().st_mtime,
            headers=headers,
        )
    return files
