"""Search: one Pagefind index of the Simplified site, for every script.

In: the written root site and its variant sites. Out: ``output/pagefind/`` (month shards, an
overlay of new and edited articles, ``shards.json``) and, per variant, a ``shards.json``
pointing at the root's bundles (``index``).
"""
