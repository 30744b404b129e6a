"""Keep Python's cyclic garbage collector off the articles while a run renders them.

Once the articles generator has read the archive, the heap holds every article, its metadata
and its rendered text (millions of objects at 10,000 articles), and most of it lives until the
build ends. The collector would walk it all again at each full collection that rendering, the
signal handlers, the search index and the build's bookkeeping trigger: about a sixth of a
one-article rebuild's time at that size. Freezing it (``gc.freeze``) leaves it out of every
collection. ``park-digest build`` ends its process soon after; a preview server, which builds
again and again in one process, gives it back to the collector when its next run starts.
"""

from __future__ import annotations

import gc
from typing import Any


def unfreeze(sender: Any = None) -> None:
    """``initialized``: the collector looks at every object again (a preview server's last
    run is over)."""
    gc.unfreeze()


def freeze_read_articles(generator: Any) -> None:
    """``article_generator_finalized``: what the run has read so far stays out of collections."""
    gc.freeze()
