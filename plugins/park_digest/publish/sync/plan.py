"""The plan: a pure comparison of local files with remote objects, by content hash.

Uploads carry a reason and a phase; the phases order the work so that a reader never gets a
page before its images: assets and images, then article pages, then index pages, feeds and the
sitemap, and deletes last.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Protocol

from park_digest.publish.sync.errors import DeleteGuardError


class Phase(IntEnum):
    ASSETS = 0  # images, CSS, JS, fonts: anything a page refers to
    ARTICLES = 1  # one page per article
    INDEXES = 2  # home, category, tag, author, archive pages, feeds, sitemap, search index


PHASE_NAMES = {
    Phase.ASSETS: "assets and images",
    Phase.ARTICLES: "article pages",
    Phase.INDEXES: "index pages, feeds and sitemap",
}

# Files that list other pages (feeds, sitemap, the search index's entry point): uploaded with the
# index pages. Anything else that is not HTML is an asset, including the search index's chunks,
# which the entry point names.
INDEX_FILES = re.compile(r"\.(xml|atom|rss|txt|json)$")
DEFAULT_ARTICLE_PAGES = r"(^|/)\d{4}/\d{2}/[^/]+/index\.html$"


class LocalSide(Protocol):
    @property
    def size(self) -> int: ...
    @property
    def md5(self) -> str: ...


class RemoteSide(Protocol):
    @property
    def size(self) -> int: ...
    @property
    def md5(self) -> str | None: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Rules:
    article_pages: re.Pattern[str] = re.compile(DEFAULT_ARTICLE_PAGES)
    force: bool = False  # upload every file whatever the remote holds


@dataclass(frozen=True, slots=True, kw_only=True)
class Upload:
    key: str
    reason: str  # "new", "changed", "hash unknown", "forced"
    size: int
    phase: Phase


@dataclass(frozen=True, slots=True, kw_only=True)
class Delete:
    key: str
    size: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    uploads: tuple[Upload, ...]  # in the order they must be done
    deletes: tuple[Delete, ...]
    unchanged: int
    remote_count: int

    @property
    def upload_bytes(self) -> int:
        return sum(u.size for u in self.uploads)

    @property
    def empty(self) -> bool:
        return not self.uploads and not self.deletes


def phase_of(key: str, rules: Rules) -> Phase:
    """The phase in which ``key`` is uploaded."""
    if rules.article_pages.search(key):
        return Phase.ARTICLES
    if key.endswith((".html", ".htm")) or INDEX_FILES.search(key):
        return Phase.INDEXES
    return Phase.ASSETS


def upload_reason(local: LocalSide, remote: RemoteSide | None, rules: Rules) -> str | None:
    """Why the file must be uploaded, or None when the remote already holds its bytes."""
    if remote is None:
        return "new"
    if rules.force:
        return "forced"
    if remote.md5 is None:
        return "hash unknown"
    if remote.size != local.size or remote.md5 != local.md5:
        return "changed"
    return None


def plan(
    local: Mapping[str, LocalSide], remote: Mapping[str, RemoteSide], rules: Rules | None = None
) -> Plan:
    """Compare both sides: what to upload (each with a reason, in phase order) and delete."""
    rules = rules or Rules()
    uploads = []
    unchanged = 0
    for key, file in local.items():
        reason = upload_reason(file, remote.get(key), rules)
        if reason is None:
            unchanged += 1
        else:
            uploads.append(
                Upload(key=key, reason=reason, size=file.size, phase=phase_of(key, rules))
            )
    uploads.sort(key=lambda u: (u.phase, u.key))
    deletes = tuple(
        Delete(key=key, size=obj.size) for key, obj in sorted(remote.items()) if key not in local
    )
    return Plan(
        uploads=tuple(uploads), deletes=deletes, unchanged=unchanged, remote_count=len(remote)
    )


def check_deletes(
    result: Plan, *, max_count: int, max_share: float, ignore: re.Pattern[str] | None = None
) -> None:
    """Raise :class:`DeleteGuardError` when the plan deletes too many remote files.

    Deletes of keys matching ``ignore`` (files every rebuild renames) are not counted, neither
    among the deletes nor among the remote files.
    """
    ignored = sum(1 for d in result.deletes if ignore is not None and ignore.search(d.key))
    count = len(result.deletes) - ignored
    if not count:
        return
    remote_count = result.remote_count - ignored
    share = count / remote_count
    if count > max_count or share > max_share:
        raise DeleteGuardError(
            f"the sync would delete {count} of {remote_count} remote files ({share:.0%}), "
            f"more than the guard allows (PARK_DIGEST_SYNC_MAX_DELETES={max_count}, "
            f"PARK_DIGEST_SYNC_MAX_DELETE_SHARE={max_share:.0%}); is output/ empty or half "
            "built? Check it, then run again with --allow-deletes if the deletes are wanted"
        )
