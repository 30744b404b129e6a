"""Site settings for development builds; publishconf.py overrides them for production."""

# No AUTHOR setting: Pelican would give it to every article without a byline, as if a person.
SITENAME = "湘乡经开区新闻摘编"
SITESUBTITLE = "湘乡经济开发区新闻摘编"
SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "extra"]
SEEDS_PATH = "seeds"

# Dates come from the front matter; not parsing them out of file names saves time per article.
FILENAME_METADATA = ""

TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-hans"
DEFAULT_DATE_FORMAT = "%Y年%-m月%-d日 %H:%M"
DEFAULT_CATEGORY = "园区动态"

THEME = "theme"

# Name the plugins: Pelican otherwise loads every installed namespace plugin.
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["yaml_metadata", "park_digest"]

ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
CATEGORIES_URL = "category/"
CATEGORIES_SAVE_AS = "category/index.html"
TAGS_URL = "tag/"
TAGS_SAVE_AS = "tag/index.html"
AUTHORS_URL = "author/"
AUTHORS_SAVE_AS = "author/index.html"
# Search page (theme/templates/search.html); park_digest/search/index.py writes each site's index.
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "search"]
SEARCH_URL = "search/"
SEARCH_SAVE_AS = "search/index.html"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
DEFAULT_PAGINATION = 10
# Paginated lists; "source" is the page per news outlet (park_digest/site/sources.py).
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None, "source": None}

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_MAX_ITEMS = 50  # the latest articles; the archives hold the rest
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Articles and pages are Markdown; without the reStructuredText reader, docutils is not set up
# (it warned on every build that it has no messages in Chinese).
READERS = {"rst": None}

# Pelican's content cache (what it read from each source, kept between builds) is stored
# uncompressed: compressing it cost a rebuild more time than reading the larger file saves.
GZIP_CACHE = False

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "park_digest.site.figures": {},
    },
    "output_format": "html5",
}

# Site identity (theme footer); each is shown only when set, e.g.
# ICP_RECORD = "湘ICP备12345678号-1" (links to beian.miit.gov.cn),
# POLICE_RECORD = "湘公网安备43038102000123号" (links to its beian.mps.gov.cn record),
# CONTACT_EMAIL = "news@…".
ICP_RECORD = ""
POLICE_RECORD = ""
CONTACT_EMAIL = ""
# Picture shared with a page that has none of its own (og:image, JSON-LD image), a path on the
# site; empty: the theme's own (theme/static/images/share.png). Articles share their first.
SHARE_IMAGE = ""
# How many of an article's tags its page shows (the ones it is most about).
TAGS_SHOWN = 8

# park-digest settings; defaults and their meaning: plugins/park_digest/settings.py
PARK_DIGEST_VARIANTS = {"zh-hant": "s2hk"}
