"""Keep Pelican's reader cache on disk as it is when a run read only a few sources again.

Pelican pickles its whole reader cache (every source's HTML and metadata) at the end of every
run. With 10,000 articles that file is over 100 MB and the save takes about a second, most of a
one-article rebuild's own work. A run that loaded the cache and read at most
:data:`FEW_READS` sources again therefore leaves the file as the last save wrote it: each
entry carries its file's stamp, so the next run sees those few sources changed and reads them
again, which costs a few milliseconds each. A run that read more, or that did not load the cache
(every entry is this run's), saves as Pelican does.
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)

FEW_READS = 50  # sources read again, at most, for a run to leave the saved cache as it is


def defer_small_saves(readers: Any) -> None:
    """``readers_init`` signal handler: count what the run caches, save only when it is many."""
    cache_data, save_cache = readers.cache_data, readers.save_cache
    cached: set[str] = set()

    def counting_cache_data(filename: str, data: Any) -> None:
        cached.add(filename)
        cache_data(filename, data)

    def saving_when_worth_it() -> None:
        held = len(getattr(readers, "_cache", ()))
        if cached and len(cached) <= FEW_READS and held > len(cached):
            logger.debug("content cache: %d source(s) read again, the saved cache kept",
                         len(cached))
            return
        if not cached and held:
            return  # nothing read again: the file on disk is already this cache
        save_cache()

    readers.cache_data = counting_cache_data
    readers.save_cache = saving_when_worth_it
