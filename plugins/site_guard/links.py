"""Check that every internal reference in a folder of built HTML resolves.

Used by the build (site_guard fails it) and by the test suite, so "a link to a
page that does not exist" means the same thing in both.

It runs on every build over every page (1,500 pages and 40,000 references for
a 1,000-article site), so it is written to cost little (docs/build-speed.md):

- each page is read once and scanned by one regular expression that finds the
  markup (comments, declarations, start tags) and skips the raw text of
  `<script>` and `<style>`, as an HTML tokenizer does; only start tags that carry
  an attribute we check are taken apart. tests/quality/test_links.py proves the
  scan finds the same ids and references as BeautifulSoup on every built page;
- each distinct reference is classified once, and each distinct target path is
  looked up on disk once (every page repeats the same navigation);
- URL paths are joined and normalised as strings (a browser's rules for `..` and
  `.`), not as pathlib objects.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

# (tag, attribute) pairs whose value a browser follows or fetches; `srcset` on any tag.
REFERENCE_ATTRIBUTES = {
    ("a", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("form", "action"),
    ("use", "href"),
}
SRCSET = "srcset"
NOT_CHECKED_SCHEMES = ("mailto:", "tel:", "data:", "javascript:")

# Attribute names the scan reads; a start tag without any of them is skipped unread.
_CHECKED = r"(?:id|name|href|src|action|srcset)\s*="
# One search finds the next piece of markup the check needs, skipping everything else inside
# the regular expression engine: text, end tags, and start tags that carry no checked
# attribute. It stops at a comment, a declaration (<!doctype>) or processing instruction
# (skipped whole), a <script> or <style> (whose raw text is skipped as a tokenizer does), any
# other start tag with a checked attribute, or the end of the page. Quoted attribute values
# may contain ">" and "<". Possessive quantifiers (*+, ++) keep the search linear.
_NEXT_MARKUP = re.compile(
    rf"""
    (?:
        [^<]++                                        # text
      | </[^>]*+>                                     # an end tag
      | <(?![a-zA-Z/!?])                              # a "<" that starts no markup
      | <(?!(?:script|style)[\s/>])[a-zA-Z][^\t\n\r\f\ />\x00]*+   # a start tag ...
          (?: [^>"'\s/]++
            | [\s/](?!{_CHECKED})                       # ... none of whose attributes
            | "[^"]*+"(?!{_CHECKED})                     #     is one we check
            | '[^']*+'(?!{_CHECKED})
          )*+ >
    )*+
    (?:
        <!--.*?(?:--\s*>|\Z)                           # a comment
      | <!\[CDATA\[.*?(?:\]\s*\]\s*>|\Z)
      | <[!?][^>]*+>?                                 # a declaration, a processing instruction
      | <(?P<raw>script|style)(?=[\s/>])(?P<raw_attributes>(?:[^>"']|"[^"]*+"|'[^']*+')*+)>
          .*?(?:</\s*(?P=raw)\s*>|\Z)                  # its raw text, never markup
      | <(?P<tag>[a-zA-Z][^\t\n\r\f\ />\x00]*+)(?P<attributes>(?:[^>"']|"[^"]*+"|'[^']*+')*+)>
      | \Z
    )
    """,
    re.S | re.I | re.X,
)
# One attribute: name, then an optional value (double-quoted, single-quoted or bare).
_ATTRIBUTE = re.compile(r"""([^\s/>"'=][^\s/>=]*)(?:\s*=+\s*("[^"]*"|'[^']*'|(?!["'])[^>\s]*))?""")


@dataclass(frozen=True)
class BrokenLink:
    page: Path
    target: str
    reason: str


@dataclass
class LinkReport:
    checked: int = 0
    broken: list[BrokenLink] = field(default_factory=list)
    external: set[str] = field(default_factory=set)


@dataclass
class PageScan:
    """The ids a page defines (any element's `id`, an `<a>`'s `name`) and the references it makes."""

    ids: set[str] = field(default_factory=set)
    references: list[str] = field(default_factory=list)


def scan_html(text: str) -> PageScan:
    scan = PageScan()
    # findall gives each stop's groups in order: raw-text tag and its attributes, other tag and its
    # attributes (all empty for a comment, a declaration or the end of the page).
    for raw, raw_attributes, tag, attributes in _NEXT_MARKUP.findall(text):
        if tag:
            ids, references = _read_tag(tag, attributes)
        elif raw:
            ids, references = _read_tag(raw, raw_attributes)
        else:
            continue
        if ids:
            scan.ids.update(ids)
        if references:
            scan.references.extend(references)
    return scan


@functools.lru_cache(maxsize=65536)
def _read_tag(tag: str, attributes: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(ids, references) of one start tag. Cached: pages repeat the same navigation tags."""
    tag = tag.lower()
    ids, references = [], []
    for attribute in _ATTRIBUTE.finditer(attributes):
        value = attribute.group(2)
        if value is None:
            continue
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        if "&" in value:
            value = unescape(value)
        name = attribute.group(1).lower()
        if name == "id" or (name == "name" and tag == "a"):
            ids.append(value)
        if (tag, name) in REFERENCE_ATTRIBUTES:
            references.append(value)
        elif name == SRCSET:
            references.extend(part.strip().split(" ")[0] for part in value.split(",") if part.strip())
    return tuple(ids), tuple(references)


def scan_page(path: Path) -> PageScan:
    with open(path, encoding="utf-8") as handle:
        return scan_html(handle.read())


def _candidates(url_path: str) -> tuple[str, str]:
    """The two files (relative to the output folder) a static host may serve for a URL path:
    the path itself (for a trailing "/", its index.html), then its index.html.

    Dot segments are removed as a browser does before it asks ("/a/../b" is "/b").
    """
    relative = posixpath.normpath("/" + unquote(url_path)).lstrip("/")
    if url_path.endswith("/") or not relative:
        relative = posixpath.join(relative, "index.html")
    return relative, posixpath.join(relative, "index.html")


def _served_file(output: str, url_path: str) -> str | None:
    """Like `resolve_target`, as a path relative to `output`."""
    for candidate in _candidates(url_path):
        if os.path.isfile(os.path.join(output, candidate)):
            return candidate
    return None


def resolve_target(output: Path, url_path: str) -> Path | None:
    """The file a static host serves for a root-relative URL path, or None."""
    served = _served_file(str(output), url_path)
    return None if served is None else Path(output) / served


def _html_pages(output: Path) -> list[str]:
    """Every .html file under `output`, as sorted paths relative to it ("a/index.html")."""
    pages = []
    for folder, _, files in os.walk(output):
        relative_folder = os.path.relpath(folder, output)
        for name in files:
            if name.endswith(".html"):
                pages.append(name if relative_folder == "." else f"{relative_folder}/{name}")
    return sorted(pages)


@dataclass(frozen=True)
class _Reference:
    """A reference as written, classified once: skipped, external, or an internal path and fragment."""

    skip: bool = False
    external: str = ""
    path: str = ""
    fragment: str = ""


def _classify(raw: str, origin: str, ignore_prefixes) -> _Reference:
    reference = raw.strip()
    if not reference or reference.startswith(NOT_CHECKED_SCHEMES):
        return _Reference(skip=True)
    if origin and (reference == origin or reference.startswith(origin + "/")):
        reference = reference[len(origin) :] or "/"
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc:
        return _Reference(external=reference)
    if any(parts.path.startswith(prefix) for prefix in ignore_prefixes):
        return _Reference(skip=True)
    return _Reference(path=parts.path, fragment=unquote(parts.fragment))


def check_output_links(output: Path, origin: str = "", ignore_prefixes=()) -> LinkReport:
    """Check every reference in every HTML file under `output`.

    Internal means root-relative ("/compare/"), page-relative ("../x/"), a bare
    fragment ("#faq-3"), or an absolute URL on the site's own `origin`.
    Absolute URLs elsewhere are collected in `report.external`, never fetched.
    """
    output = Path(output).resolve()
    folder = str(output)
    report = LinkReport()
    pages = _html_pages(output)
    scans = {page: scan_page(output / page) for page in pages}
    origin = origin.rstrip("/")
    ignore_prefixes = tuple(ignore_prefixes)
    classified: dict[str, _Reference] = {}
    # Every page repeats the same navigation links: resolve each distinct path once.
    resolved: dict[str, str | None] = {}
    for page, scan in scans.items():
        page_folder = "/" + posixpath.dirname(page)
        for raw in scan.references:
            reference = classified.get(raw)
            if reference is None:
                reference = classified[raw] = _classify(raw, origin, ignore_prefixes)
            if reference.skip:
                continue
            if reference.external:
                report.external.add(reference.external)
                continue
            report.checked += 1
            path = reference.path
            if path:
                url_path = path if path.startswith("/") else posixpath.join(page_folder, path)
                if url_path not in resolved:
                    resolved[url_path] = _served_file(folder, url_path)
                target = resolved[url_path]
                if target is None:
                    report.broken.append(BrokenLink(output / page, raw, "no such page or file in the built site"))
                    continue
            else:
                target = page
            if reference.fragment and target.endswith(".html"):
                target_scan = scans.get(target)
                if target_scan is None or reference.fragment not in target_scan.ids:
                    report.broken.append(
                        BrokenLink(output / page, raw, f"no element with id {reference.fragment!r} on that page")
                    )
    return report
