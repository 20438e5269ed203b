"""The site's own words (content/data/site.yaml): name, menus, calls to action, fixed sentences.

schema.py says what the file holds, model.py what it becomes, loader.py checks it and
reports every problem as a `Problem(file, field, message)`. plugins/site_text puts it in
the templates' context and the settings Pelican and the other plugins read.
"""

from .loader import SITE_TEXT_FILE, load_site_text, parse_site_text
from .model import Identity, Link, MenuGroup, Menus, Organisation, SiteText

__all__ = [
    "SITE_TEXT_FILE",
    "Identity",
    "Link",
    "MenuGroup",
    "Menus",
    "Organisation",
    "SiteText",
    "load_site_text",
    "parse_site_text",
]
