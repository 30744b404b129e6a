"""Errors a user of ``park-digest sync`` can cause, each with a message saying what to do."""

from __future__ import annotations


class SyncError(Exception):
    """The sync cannot go on; the message says why and what to do."""


class ConfigError(SyncError, ValueError):
    """A PARK_DIGEST_SYNC_* setting (or its environment override) is missing or wrong."""


class DeleteGuardError(SyncError):
    """The plan deletes more remote files than the guard allows."""


class PurgeError(SyncError):
    """The CDN purge failed; the files themselves are already synced."""


class QuotaError(PurgeError):
    """The CDN refused a purge: the day's quota of ``kind`` ("urls" or "dirs") is spent."""

    def __init__(self, message: str, *, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class ThrottleError(PurgeError):
    """The CDN refused a purge for too many calls; it may be retried after a pause."""


class Interrupted(SyncError):
    """The user stopped the sync (Ctrl-C)."""
