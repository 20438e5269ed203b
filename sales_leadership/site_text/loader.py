"""Read and check content/data/site.yaml: every problem at once, each naming its entry."""

from __future__ import annotations

import string
from pathlib import Path

from email_validator import EmailNotValidError, validate_email

from ..errors import Problem, raise_if_any
from ..files import display_path, load_yaml
from .model import Identity, Link, MenuGroup, Menus, Organisation, SiteText
from .schema import LINK, LINKS, TEXT, TEXTS, WORDING, Entry

SITE_TEXT_FILE = Path("data") / "site.yaml"  # inside the content folder
IDENTITY_KEYS = ("name", "tagline", "description", "footer")
ORGANISATION_KEYS = ("email", "phone")
MENU_KEYS = ("main", "button", "footer_heading", "footer")
OTHER_SITES = ("https://", "mailto:", "tel:")


class _Reader:
    """Turns the parsed YAML into the model, collecting problems instead of stopping at the first."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.links: list[tuple[str, str]] = []

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, field, message))

    def mapping(self, raw, field: str, keys) -> dict:
        if not isinstance(raw, dict):
            self.problem(field, f"must be a group of entries: {', '.join(keys)}")
            return {}
        for key in raw:
            if key not in keys:
                self.problem(f"{field}.{key}", f"unknown entry; {field} has {', '.join(keys)}")
        for key in keys:
            if key not in raw:
                self.problem(f"{field}.{key}", "missing")
        return raw

    def text(self, raw, field: str, fills=()) -> str:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str) or not raw.strip():
            if raw is not None:  # a missing entry is reported once, by mapping()
                self.problem(field, "must be text")
            return ""
        self._check_fills(raw, field, fills)
        return " ".join(raw.split())

    def _check_fills(self, text: str, field: str, fills) -> None:
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
        except ValueError:
            self.problem(field, "a '{' or '}' without its pair; braces only go around the words the site fills in")
            return
        for name in names:
            if name not in fills:
                allowed = f"here only {', '.join('{' + fill + '}' for fill in fills)}" if fills else "none here"
                self.problem(field, f"{{{name}}} is not filled in by the site ({allowed})")

    def link(self, raw, field: str, fills=(), number: int | None = None) -> Link:
        """A {label, url} entry; in a list it is named by its label (or its place, without one)."""
        where = f"{field} entry {number}" if number else field
        if not isinstance(raw, dict):
            self.problem(where, "must be a link: {label: ..., url: ...}")
            return Link("", "")
        for key in raw:
            if key not in ("label", "url"):
                self.problem(f"{where}.{key}", "unknown entry; a link has label and url")
        label = self.text(raw.get("label"), f"{where}.label", fills)
        if "label" not in raw:
            self.problem(f"{where}.label", "missing")
        url = raw.get("url")
        named = f"{field} {label!r}" if label and number else where
        if not isinstance(url, str) or not url.strip():
            self.problem(f"{named}.url", "missing: an address on this site, like /compare/")
            return Link(label, "")
        url = url.strip()
        if url.startswith(OTHER_SITES):
            self._check_fills(url, f"{named}.url", ())
        elif not url.startswith("/") or any(character.isspace() for character in url):
            self.problem(f"{named}.url", f"{url!r}: an address on this site starts with '/', like /compare/")
        else:
            path, _, query = url.partition("?")
            self._check_fills(path, f"{named}.url", ())
            self._check_fills(query, f"{named}.url", fills)
            self.links.append((path.split("#")[0] or "/", named))
        return Link(label, url)

    def links_list(self, raw, field: str, fills=()) -> tuple[Link, ...]:
        if not isinstance(raw, list) or not raw:
            if raw is not None:
                self.problem(field, "must be a list of links, each {label: ..., url: ...}")
            return ()
        return tuple(self.link(item, field, fills, number) for number, item in enumerate(raw, 1))

    def texts(self, raw, field: str, fills=()) -> tuple[str, ...]:
        if not isinstance(raw, list) or not raw:
            if raw is not None:
                self.problem(field, "must be a list of sentences, one per line starting with '- '")
            return ()
        return tuple(self.text(item, f"{field}[{number}]", fills) for number, item in enumerate(raw, 1))

    # --- the sections ------------------------------------------------------------------

    def identity(self, raw) -> Identity:
        raw = self.mapping(raw, "site", IDENTITY_KEYS)
        return Identity(*(self.text(raw.get(key), f"site.{key}") for key in IDENTITY_KEYS))

    def organisation(self, raw) -> Organisation:
        raw = self.mapping(raw, "organisation", ORGANISATION_KEYS)
        email = self.text(raw.get("email"), "organisation.email")
        if email:
            try:
                email = validate_email(email, check_deliverability=False).normalized
            except EmailNotValidError as error:
                self.problem("organisation.email", f"{email!r} is not a valid email address: {error}")
        phone = self.text(raw.get("phone"), "organisation.phone")
        if phone and sum(character.isdigit() for character in phone) < 7:
            self.problem("organisation.phone", f"{phone!r} is not a phone number (at least 7 digits)")
        return Organisation(email, phone)

    def menus(self, raw) -> Menus:
        raw = self.mapping(raw, "menus", MENU_KEYS)
        main = []
        entries = raw.get("main")
        if not isinstance(entries, list) or not entries:
            if entries is not None:
                self.problem("menus.main", "must be a list of menu entries, each {label: ..., url: ...}")
            entries = []
        for entry in entries:
            if isinstance(entry, dict) and "items" in entry:
                label = self.text(entry.get("label"), "menus.main.label")
                for key in entry:
                    if key not in ("label", "items"):
                        self.problem(f"menus.main {label!r}.{key}", "unknown entry; a group has label and items")
                main.append(MenuGroup(label, self.links_list(entry["items"], f"menus.main {label!r} >")))
            else:
                main.append(self.link(entry, "menus.main", number=len(main) + 1))
        return Menus(
            tuple(main),
            self.link(raw.get("button"), "menus.button") if "button" in raw else Link("", ""),
            self.text(raw.get("footer_heading"), "menus.footer_heading"),
            self.links_list(raw.get("footer"), "menus.footer"),
        )

    def wording(self, data: dict) -> dict[str, dict[str, object]]:
        readers = {TEXT: self.text, TEXTS: self.texts, LINK: self.link, LINKS: self.links_list}
        wording = {}
        for section, entries in WORDING.items():
            raw = self.mapping(data.get(section), section, list(entries)) if section in data else None
            if raw is None:
                self.problem(section, f"missing; it holds {', '.join(entries)}")
                continue
            wording[section] = {
                name: readers[entry.kind](raw.get(name), f"{section}.{name}", entry.fills)
                for name, entry in entries.items()
                if isinstance(entry, Entry)
            }
        return wording


def parse_site_text(data, file: str) -> SiteText:
    """Check the parsed YAML; raise ContentError listing every problem."""
    sections = ("site", "organisation", "menus", *WORDING)
    if not isinstance(data, dict):
        raise_if_any([Problem(file, "", f"must be groups of entries: {', '.join(sections)}")])
    reader = _Reader(file)
    for key in data:
        if key not in sections:
            reader.problem(str(key), f"unknown group; the groups are {', '.join(sections)}")
    identity = reader.identity(data.get("site"))
    organisation = reader.organisation(data.get("organisation"))
    menus = reader.menus(data.get("menus"))
    wording = reader.wording(data)
    raise_if_any(reader.problems)
    return SiteText(identity, organisation, menus, wording, file, tuple(reader.links))


def load_site_text(content_path: str | Path) -> SiteText:
    path = Path(content_path) / SITE_TEXT_FILE
    return parse_site_text(load_yaml(path), display_path(path))
