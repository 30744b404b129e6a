"""The purges still owed to the CDN, and the day's use of its quota, kept on disk.

A sync writes the URLs it is about to change here before its first upload, and an entry leaves
only when a purge that covers it succeeded; every sync (and ``park-digest sync --purge-only``)
sends what is pending first. So a killed sync, a Ctrl-C or a CDN that failed loses no purge.

The file (``purge-pending.json`` beside the build cache) is written whole to a temporary file
and renamed over the old one, so a kill never leaves half of it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from park_digest.publish.sync.errors import SyncError

logger = logging.getLogger(__name__)

FILE_NAME = "purge-pending.json"
VERSION = 1


@dataclass(slots=True, kw_only=True)
class Usage:
    """What one purger used of its daily quota on ``day`` (an ISO date in the quota's zone)."""

    day: str = ""
    urls: int = 0
    dirs: int = 0


@dataclass(slots=True, kw_only=True)
class PendingPurges:
    """Absolute URLs waiting for a purge, and the quota used per purger and day."""

    path: Path
    urls: set[str] = field(default_factory=set)
    usage: dict[str, Usage] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> PendingPurges:
        """Read ``path``; an absent file is an empty list. :class:`SyncError` if unreadable."""
        if not path.is_file():
            return cls(path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            urls = {str(u) for u in data.get("urls", [])}
            usage = {
                name: Usage(day=str(u["day"]), urls=int(u["urls"]), dirs=int(u["dirs"]))
                for name, u in data.get("usage", {}).items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            raise SyncError(
                f"{path}: the list of pending purges cannot be read ({e}); fix or remove it "
                "(then purge the CDN by hand for what the last sync changed)"
            ) from e
        return cls(path=path, urls=urls, usage=usage)

    def save(self) -> None:
        """Write the file atomically (temporary file, then rename)."""
        data = {
            "version": VERSION,
            "urls": sorted(self.urls),
            "usage": {
                name: {"day": u.day, "urls": u.urls, "dirs": u.dirs}
                for name, u in sorted(self.usage.items())
            },
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=0)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)

    def add(self, urls: Iterable[str]) -> None:
        self.urls.update(urls)
        self.save()

    def done(self, urls: Iterable[str] = (), dirs: Iterable[str] = ()) -> None:
        """Clear the URLs purged and every URL below a directory purged, then save."""
        self.urls.difference_update(urls)
        prefixes = tuple(dirs)
        if prefixes:
            self.urls = {u for u in self.urls if not u.startswith(prefixes)}
        self.save()

    def used(self, purger: str, day: str) -> Usage:
        """The quota ``purger`` used on ``day`` (a fresh record when the day changed)."""
        current = self.usage.get(purger)
        if current is None or current.day != day:
            current = self.usage[purger] = Usage(day=day)
        return current
