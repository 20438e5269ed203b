"""Each Atom feed is identified by its own address.

Pelican gives every feed the site's address as its `<id>`, so the all-articles feed and
each category's feed claim to be one feed, and a reader subscribed to two of them may
merge or drop entries. A feed's own address is unique and stable: its `rel="self"` link.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

ATOM = "http://www.w3.org/2005/Atom"


def give_each_feed_its_own_id(pelican) -> None:
    """`finalized` receiver: every `*.atom.xml` in the output gets its self link as `<id>`."""
    for feed in sorted(Path(pelican.settings["OUTPUT_PATH"]).rglob("*.atom.xml")):
        set_feed_id_to_self_link(feed)


def set_feed_id_to_self_link(path: Path) -> None:
    ElementTree.register_namespace("", ATOM)
    tree = ElementTree.parse(path)
    root = tree.getroot()
    self_link = next((link for link in root.findall(f"{{{ATOM}}}link") if link.get("rel") == "self"), None)
    feed_id = root.find(f"{{{ATOM}}}id")
    if self_link is None or feed_id is None:
        return
    feed_id.text = self_link.get("href")
    tree.write(path, encoding="utf-8", xml_declaration=True)
