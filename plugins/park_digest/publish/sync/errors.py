"""Errors a user of ``park-digest sync`` can cause, each with a message saying what to do."""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True, slots=True, kw_only=True)
class CdnErrors:
    """How one CDN's error codes read (codes, or their prefixes) and what to tell the user."""

    name: str
    quota: frozenset[str]
    throttle: tuple[str, ...]
    domain: tuple[str, ...]
    credential: tuple[str, ...]
    credential_hint: str  # which settings or variables to check
    permission: tuple[str, ...]
    permission_hint: str  # which rights the key needs
    network: frozenset[str] = frozenset()  # codes of a call that reached no server

    def failure(self, endpoint: str, code: str, message: str, kind: str) -> PurgeError:
        """One line for the user about a failed call of kind "urls" or "dirs"."""
        where = f"{self.name} ({endpoint})"
        message = message.splitlines()[0][:200] if message else ""
        if code in self.quota:
            return QuotaError(f"{where}: the day's purge quota is used up ({code})", kind=kind)
        if code.startswith(self.throttle):
            return ThrottleError(f"{where}: too many calls ({code})")
        if code.startswith(self.domain):
            return PurgeError(
                f"{where}: {code}: the domain is not a CDN domain of this account; check "
                "SITEURL / PARK_DIGEST_SYNC_PUBLIC_URL against the CDN console"
            )
        if code.startswith(self.credential):
            return PurgeError(f"{where}: {code}: {self.credential_hint}")
        if code.startswith(self.permission):
            return PurgeError(f"{where}: {code}: {self.permission_hint}")
        if not code or code in self.network:
            return PurgeError(f"{where} unreachable: {message}")
        return PurgeError(f"{where}: {code}: {message}")
