"""Pelican settings for local development (`invoke build`, `invoke serve`).

Production settings live in publishconf.py, which imports these and overrides
the few that differ (absolute URLs, minification, feeds' domain).
"""

import datetime
import os
import sys

# The domain core (sales_leadership/) sits beside this file; plugins import it.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

AUTHOR = "Sales Leadership Partners"
SITENAME = "Sales Leadership Partners"
SITE_TAGLINE = "Part-time and fractional sales leadership for growing companies"
SITE_DESCRIPTION = (
    "Interim, part-time and fractional sales leadership for companies with 2-12 "
    "salespeople: compare the options, take the quiz, meet your local partner."
)
# Links inside the site are root-relative ("/compare/"), so SITEURL stays empty
# for local work. SITE_ORIGIN is the absolute origin used where a full URL is
# required: canonical links, Open Graph, JSON-LD, the sitemap and robots.txt.
SITEURL = ""
SITE_ORIGIN = os.environ.get("SITE_ORIGIN", "http://127.0.0.1:8000").rstrip("/")
RELATIVE_URLS = False

PATH = "content"
THEME = "theme"
TIMEZONE = "America/New_York"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%B %-d, %Y"
DELETE_OUTPUT_DIRECTORY = True
BUILD_YEAR = datetime.date.today().year

# --- Plugins -----------------------------------------------------------------
# Local plugins live in plugins/. Pelican only logs an error when one fails to
# import, so the `site_guard` plugin fails the build unless every name in
# REQUIRED_PLUGINS actually registered.
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "site_guard",
    # Before any content is read: the Markdown reader and its smarty (MARKDOWN, below).
    "markdown_reader",
    "site_assets",
    "pelican.plugins.sitemap",
    "site_meta",
    # Draws each page type's share card (og:image) that site_meta chooses.
    "share_cards",
    "role_catalogue",
    # Fills [[name]] (figures from content/data/comparison.yaml, the routing rules' text).
    "figures",
    "faq_page",
    "role_quiz",
    "security_headers",
    # Pictures in pages and articles as small AVIF/WebP/JPEG copies; partner photos go through it too.
    "responsive_images",
    "partner_directory",
    "contact_form",
    "proof_content",
    # Last, so it minifies what the other plugins wrote and checked (publish builds only).
    "minify_output",
]
REQUIRED_PLUGINS = list(PLUGINS)

# --- Content layout ------------------------------------------------------------
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["extra"]
EXTRA_PATH_METADATA = {
    "extra/robots.txt": {"path": "robots.txt"},
    "extra/favicon.svg": {"path": "favicon.svg"},
}
# content/data, content/partners and content/quiz are read by plugins, not by
# Pelican's page and article readers.
IGNORE_FILES = [".#*", "__pycache__", "*.yaml", "*.yml"]

# Clean URLs: /compare/ rather than /pages/compare.html.
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_URL = "insights/{slug}/"
ARTICLE_SAVE_AS = "insights/{slug}/index.html"
INDEX_SAVE_AS = "insights/index.html"
INDEX_URL = "insights/"
CATEGORY_URL = "insights/category/{slug}/"
CATEGORY_SAVE_AS = "insights/category/{slug}/index.html"
CATEGORIES_URL = "insights/categories/"
CATEGORIES_SAVE_AS = "insights/categories/index.html"
TAG_URL = "insights/tag/{slug}/"
TAG_SAVE_AS = "insights/tag/{slug}/index.html"
TAGS_URL = "insights/tags/"
TAGS_SAVE_AS = "insights/tags/index.html"
DIRECT_TEMPLATES = ["index", "categories", "tags"]
# One author (the network), so no author pages; no date archives either.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# --- Feeds -----------------------------------------------------------------------
FEED_DOMAIN = SITE_ORIGIN
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/{slug}.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# --- Markdown --------------------------------------------------------------------
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.toc": {},
        # python-markdown's smarty, quicker on text without quotes or dashes (plugins/markdown_reader).
        "markdown_reader.smarty": {},
    },
    "output_format": "html5",
}
TYPOGRIFY = False

# --- Navigation ------------------------------------------------------------------
# Each entry is (label, root-relative URL) or, for a group, (label, "", [entries]): a group has
# no page of its own; it opens as a menu. The theme marks the current entry with aria-current,
# and shows the LAST entry as the header's call to action (a button on wide screens).
MAIN_NAV = [
    (
        "Roles",
        "",
        [
            ("Compare all four", "/compare/"),
            ("Interim Sales Manager", "/roles/interim-sales-manager/"),
            ("Part-time Sales Manager", "/roles/part-time-sales-manager/"),
            ("Fractional CRO", "/roles/fractional-cro/"),
            ("Fractional CSO", "/roles/fractional-cso/"),
            ("How pricing works", "/pricing/"),
        ],
    ),
    ("Our approach", "/approach/"),
    ("Case studies", "/case-studies/"),
    ("Partners", "/partners/"),
    ("Insights", "/insights/"),
    ("FAQ", "/faq/"),
    ("Contact", "/contact/"),
    ("Take the quiz", "/quiz/"),
]
FOOTER_NAV = [
    ("About", "/about/"),
    ("Become a partner", "/become-a-partner/"),
    ("Privacy", "/privacy/"),
    ("Insights feed (Atom)", "/feeds/all.atom.xml"),
]
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False

# --- Sitemap (pelican-sitemap) ---------------------------------------------------
SITEMAP = {
    "format": "xml",
    "exclude": ["404.html", "insights/tag/", "insights/tags/", "contact/thanks/"],
    "priorities": {"articles": 0.6, "indexes": 0.5, "pages": 0.8},
    "changefreqs": {"articles": "monthly", "indexes": "weekly", "pages": "monthly"},
}

# --- Organisation facts used in structured data -------------------------------------
ORGANIZATION = {
    "name": SITENAME,
    "email": "hello@example.com",
    "logo": "/favicon.svg",
}

# --- Contact form backend ----------------------------------------------------------
# Where the contact form posts: "intake" (the bundled service at /api/contact on
# the same origin), "url" (any form endpoint, e.g. {"mode": "url", "url":
# "https://forms.example.net/f/abc"}), "netlify" (Netlify Forms) or "mailto"
# (no server: the visitor's mail program, addressed to the routed partner).
# The Content-Security-Policy's form-action follows this setting.
CONTACT_BACKEND = {"mode": "intake", "url": "/api/contact"}

# Publish builds minify HTML, CSS and JS (see publishconf.py).
MINIFY_OUTPUT = False

# --- Partners and the contact form (plugins partner_directory, contact_form) --------
# Partners are content/partners/*.md; the contact form's fields are
# plugins/contact_form/forms.py. The form posts to CONTACT_BACKEND (above);
# links under /api/ are served by the intake service, not by the static site.
LINK_CHECK_IGNORE = ["/api/"]
