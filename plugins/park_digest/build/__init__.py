"""Build: ``park-digest build`` runs the stages in order.

In: the settings, ``seeds/`` and ``content/``. Out: ``output/`` made by the import, the root's
Pelican run, the derivation of the variants and the search index (``pipeline``); skipped when
nothing changed (``buildcache``), or writing only the pages an edit of article text changes
(``incremental``); what it prints, a bar per stage and one summary line (``buildlog``).
"""
