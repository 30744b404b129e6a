"""Ingest: a seed becomes an article's Markdown. Knows no Pelican.

In: a raw article from ``seeds/`` (copied text, or a saved web page with its pictures). Out:
``content/articles/<slug>.md`` with YAML front matter (every fact of the page), the body without
the portal's furniture, the pictures in ``content/images/<slug>/``, and, for a Traditional seed,
its original in ``content/originals/``. ``rawtext`` reads the bytes, ``htmlpage``/``htmlseed``
read a saved page, ``parse`` (with the data of ``patterns`` and ``surnames``) makes the
``record``, ``markdown_out`` writes it, ``importer`` handles files, state and the report.
"""
