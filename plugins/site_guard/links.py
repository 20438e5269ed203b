"""Check that every internal reference in a folder of built HTML resolves.

Used by the build (site_guard fails it) and by the test suite, so "a link to a
page that does not exist" means the same thing in both. The HTML is read with
the standard library's HTMLParser: fast enough to check a thousand pages on
every build, and it never guesses at what a browser would fetch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# (tag, attribute) pairs whose value a browser follows or fetches.
REFERENCE_ATTRIBUTES = {
    ("a", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("form", "action"),
    ("use", "href"),
}


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


class _PageScan(HTMLParser):
    """Collects the ids a page defines and the references it makes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if (tag, name) in REFERENCE_ATTRIBUTES:
                self.references.append(value)
            elif name == "srcset":
                self.references.extend(part.strip().split(" ")[0] for part in value.split(",") if part.strip())

    handle_startendtag = handle_starttag


def scan_page(path: Path) -> _PageScan:
    scan = _PageScan()
    scan.feed(path.read_text(encoding="utf-8"))
    scan.close()
    return scan


def resolve_target(output: Path, url_path: str) -> Path | None:
    """The file a static host serves for a root-relative URL path, or None."""
    relative = unquote(url_path).lstrip("/")
    candidate = output / relative
    if url_path.endswith("/") or relative == "":
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate
    if (candidate / "index.html").is_file():
        return candidate / "index.html"
    return None


def check_output_links(output: Path, origin: str = "", ignore_prefixes=()) -> LinkReport:
    """Check every reference in every HTML file under `output`.

    Internal means root-relative ("/compare/"), page-relative ("../x/"), a bare
    fragment ("#faq-3"), or an absolute URL on the site's own `origin`.
    Absolute URLs elsewhere are collected in `report.external`, never fetched.
    """
    output = output.resolve()
    report = LinkReport()
    scans = {page: scan_page(page) for page in sorted(output.rglob("*.html"))}
    ids_of = {page: scan.ids for page, scan in scans.items()}
    origin = origin.rstrip("/")
    # Every page repeats the same navigation links: resolve each distinct path once.
    resolved: dict[str, Path | None] = {}
    for page, scan in scans.items():
        for raw in scan.references:
            reference = raw.strip()
            if not reference or reference.startswith(("mailto:", "tel:", "data:", "javascript:")):
                continue
            if origin and (reference == origin or reference.startswith(origin + "/")):
                reference = reference[len(origin) :] or "/"
            parts = urlsplit(reference)
            if parts.scheme or parts.netloc:
                report.external.add(reference)
                continue
            if any(parts.path.startswith(prefix) for prefix in ignore_prefixes):
                continue
            report.checked += 1
            if parts.path:
                base = Path("/") / page.relative_to(output).parent
                url_path = (
                    parts.path
                    if parts.path.startswith("/")
                    else str(base / parts.path) + ("/" if parts.path.endswith("/") else "")
                )
                if url_path not in resolved:
                    resolved[url_path] = resolve_target(output, url_path)
                target = resolved[url_path]
                if target is None:
                    report.broken.append(BrokenLink(page, raw, "no such page or file in the built site"))
                    continue
            else:
                target = page
            if parts.fragment and target.suffix == ".html":
                fragment = unquote(parts.fragment)
                if fragment not in ids_of.get(target, set()):
                    report.broken.append(BrokenLink(page, raw, f"no element with id {fragment!r} on that page"))
    return report
