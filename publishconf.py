"""Production settings: everything from pelicanconf.py, with absolute URLs, feeds and strict mode."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

# The public address of the site, without a trailing slash: from the environment
# (SITEURL=https://… make publish) or written here. Feeds, canonical links, the sitemap and
# shared links need it, so a publish build without it stops here.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL:
    raise SystemExit(
        "publishconf.py: SITEURL is not set. Publish with the site's address, e.g. "
        "SITEURL=https://news.example.cn make publish, or set SITEURL in publishconf.py."
    )
RELATIVE_URLS = False

CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"

DELETE_OUTPUT_DIRECTORY = True

# Any import error, missing required field or template error fails the build.
PARK_DIGEST_STRICT = True
