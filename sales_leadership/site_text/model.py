"""What content/data/site.yaml becomes once checked (loader.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    label: str
    url: str  # root-relative on this site (/compare/), or https:// / mailto: elsewhere


@dataclass(frozen=True)
class MenuGroup:
    """A menu entry with no page of its own: it opens as a list of links."""

    label: str
    items: tuple[Link, ...]


@dataclass(frozen=True)
class Menus:
    main: tuple[Link | MenuGroup, ...]
    button: Link  # the header's call to action, after the menu
    footer_heading: str
    footer: tuple[Link, ...]


@dataclass(frozen=True)
class Identity:
    name: str
    tagline: str
    description: str
    footer: str


@dataclass(frozen=True)
class Organisation:
    email: str
    phone: str


@dataclass(frozen=True)
class SiteText:
    identity: Identity
    organisation: Organisation
    menus: Menus
    # section -> entry -> str | Link | tuple[str, ...] | tuple[Link, ...] (schema.WORDING says which)
    wording: Mapping[str, Mapping[str, object]]
    source: str = "content/data/site.yaml"
    # (url, field) for every link on this site the file declares, for the build's link check
    links: tuple[tuple[str, str], ...] = field(default=())
