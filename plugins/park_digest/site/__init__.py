"""Site: the Pelican side. Signals are wired here and nowhere else (``plugin``).

In: the Markdown of ``content/`` and the theme. Out: the Simplified site in ``output/``:
pages with figures (``figures``) and responsive images (``images``), outlet pages
(``sources``), related articles (``article_links``), feeds (``feeds``), the sitemap and
robots.txt (``sitemap``), the theme's files once under fingerprinted names (``assets``), the
record of what the run wrote, removing what an earlier build wrote and this one did not
(``outputs``), and the strict checks that fail a publish build (``strict``).
"""
