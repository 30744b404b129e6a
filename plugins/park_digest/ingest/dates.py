"""Dates an editor must look at before they are published. Pure: no files, no Pelican.

A mistyped year (2031 for 2021) puts an article at the top of every listing for years; a date
whose year the parser had to infer (a dateline with month and day only) may be a year off.
The importer warns about the first; a strict build fails on both until an editor fixes the
date or says it is meant (``future: true``) or checked (removes ``date_inferred: true``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

# Ahead of now by more than this is "in the future": a day covers every time zone.
FUTURE_MARGIN = timedelta(days=1)
# Front-matter keys: the date is meant to be ahead / the year of the date was inferred.
FUTURE_KEY = "future"
INFERRED_KEY = "date_inferred"


def is_ahead(date: datetime, now: datetime | None = None) -> bool:
    """Whether ``date`` is more than :data:`FUTURE_MARGIN` after ``now`` (default: now)."""
    if now is None:
        now = datetime.now(date.tzinfo) if date.tzinfo else datetime.now()
    elif (date.tzinfo is None) != (now.tzinfo is None):  # compare like with like
        now = now.replace(tzinfo=date.tzinfo) if date.tzinfo else now.replace(tzinfo=None)
    return date - now > FUTURE_MARGIN


def is_set(value: object) -> bool:
    """A front-matter flag: YAML ``true``, or the words an editor may type for it."""
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"true", "yes", "on", "1"}
