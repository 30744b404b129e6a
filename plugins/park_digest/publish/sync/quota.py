"""The CDN quotas' day: mainland CDNs count purges per day of Asia/Shanghai time (UTC+8)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta, timezone, tzinfo

Clock = Callable[[], datetime]


def shanghai() -> tzinfo:
    """Asia/Shanghai from the time-zone database, else its fixed offset (no DST since 1991)."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Shanghai")
    except (ImportError, KeyError, OSError):
        return timezone(timedelta(hours=8), "Asia/Shanghai")


def utc_now() -> datetime:
    return datetime.now(UTC)


def quota_day(now: datetime) -> str:
    """The ISO date of ``now`` (aware) in Asia/Shanghai: the day the CDN counts a purge in."""
    return now.astimezone(shanghai()).date().isoformat()


def reset_time(now: datetime) -> str:
    """When the next quota day starts, for a person: Shanghai midnight and the UTC time."""
    zone = shanghai()
    local = now.astimezone(zone)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone)
    return (
        f"{midnight:%Y-%m-%d %H:%M} Asia/Shanghai ({midnight.astimezone(UTC):%Y-%m-%d %H:%M} UTC)"
    )
