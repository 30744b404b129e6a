"""Production settings: everything from pelicanconf.py, with absolute URLs, feeds and strict mode."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = os.environ.get("SITEURL", "https://news.example.org")
RELATIVE_URLS = False

CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"

DELETE_OUTPUT_DIRECTORY = True

# Any import error, missing required field or template error fails the build.
PARK_DIGEST_STRICT = True
