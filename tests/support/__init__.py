"""Reusable test helpers: build a site, serve it on 127.0.0.1 and drive a real headless Chromium.

Import as ``from support import serve_folder, chromium`` (``tests/`` is on pytest's path).
"""

from .browser import CHROMIUM_ARGS, PageProblems, chromium, chromium_missing, watch_page
from .build import build_site
from .http import first_article_url, serve_folder

__all__ = [
    "CHROMIUM_ARGS",
    "PageProblems",
    "build_site",
    "chromium",
    "chromium_missing",
    "first_article_url",
    "serve_folder",
    "watch_page",
]
