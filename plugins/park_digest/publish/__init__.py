"""Publish: check the built site and put it online.

In: a built ``output/``. Out: a report of every broken link, asset or alternate (``check``);
the bucket in step with the output and the CDN purged (``sync``).
"""
