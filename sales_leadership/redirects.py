"""Renamed pages keep their old addresses: `Redirect-from: /old-address/` in a page's header.

The core of it, without Pelican: read and check the header's addresses, find collisions,
and write the rules each host reads. A static host that reads none of them still answers
the old address with a small page (meta refresh and a canonical link: the plugin writes it).

    output/_redirects        Netlify (`/old/ /new/ 301!`: forced, the small page is there too)
    output/_redirects.nginx  entries of the `map` that deploy/nginx.conf includes
    output/_redirects.caddy  `redir` lines that deploy/Caddyfile imports
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem

FIELD = "Redirect-from"
NETLIFY_FILE = "_redirects"
NGINX_FILE = "_redirects.nginx"
CADDY_FILE = "_redirects.caddy"
# What an address may hold, so that every host's file reads it literally (no quoting games).
_ADDRESS = re.compile(r"^/(?:[A-Za-z0-9._~-]+/?)*$")


@dataclass(frozen=True)
class Redirect:
    source: str  # the old address, root-relative: /old-address/ or /old-page.html
    target: str  # the page's address now, root-relative
    file: str  # the content file whose header asks for it

    @property
    def stub_path(self) -> str:
        """Where, inside the output folder, the small redirect page goes."""
        relative = self.source.lstrip("/")
        return relative if relative.endswith(".html") else f"{relative}index.html"

    @property
    def sources(self) -> tuple[str, ...]:
        """The old address as a visitor may type it: with and without its trailing slash."""
        if self.source.endswith("/") and self.source != "/":
            return (self.source, self.source.rstrip("/"))
        return (self.source,)


def parse_redirect_from(value, target: str, file: str) -> tuple[list[Redirect], list[Problem]]:
    """The header's comma-separated old addresses, each checked; an address like /old becomes /old/."""
    redirects, problems = [], []
    for raw in str(value or "").split(","):
        address = raw.strip()
        if not address:
            continue
        if "://" in address or not address.startswith("/"):
            problems.append(
                Problem(file, FIELD, f"{address!r}: write the old address from its first slash, like /old-page/")
            )
            continue
        if not _ADDRESS.match(address) or any(part in (".", "..") for part in address.split("/")):
            problems.append(
                Problem(
                    file,
                    FIELD,
                    f"{address!r}: an address may hold letters, digits, '-', '_', '.', '~' and '/' only "
                    "(no spaces, '?' or '#')",
                )
            )
            continue
        last = address.rsplit("/", 1)[-1]
        if last and "." not in last:
            address += "/"
        if address == "/":
            problems.append(Problem(file, FIELD, "'/' is the home page; it cannot redirect"))
            continue
        redirects.append(Redirect(address, target, file))
    return redirects, problems


def collisions(redirects: list[Redirect], existing_page_file) -> list[Problem]:
    """Two files claiming one old address, or an old address that is a real page now.

    `existing_page_file(redirect)` names the file that wrote a real page at the old address, or None.
    """
    problems = []
    first: dict[str, Redirect] = {}
    for redirect in redirects:
        if redirect.source == redirect.target:
            problems.append(Problem(redirect.file, FIELD, f"{redirect.source} is this page's own address"))
            continue
        earlier = first.setdefault(redirect.source, redirect)
        if earlier is not redirect:
            problems.append(
                Problem(
                    redirect.file,
                    FIELD,
                    f"{redirect.source} is also redirected by {earlier.file} (to {earlier.target}); keep one",
                )
            )
            continue
        page_file = existing_page_file(redirect)
        if page_file:
            problems.append(
                Problem(
                    redirect.file,
                    FIELD,
                    f"{redirect.source} is a page of the site ({page_file}); a redirect would hide it",
                )
            )
    return problems


def netlify_rules(redirects: list[Redirect]) -> str:
    lines = ["# Written by the build from the pages' Redirect-from: lines (plugins/page_redirects)."]
    lines += [f"{redirect.source} {redirect.target} 301!" for redirect in redirects]
    return "\n".join(lines) + "\n"


def nginx_map_entries(redirects: list[Redirect]) -> str:
    lines = ["# Written by the build from the pages' Redirect-from: lines; deploy/nginx.conf includes it in a map."]
    lines += [f"{source} {redirect.target};" for redirect in redirects for source in redirect.sources]
    return "\n".join(lines) + "\n"


def caddy_rules(redirects: list[Redirect]) -> str:
    lines = ["# Written by the build from the pages' Redirect-from: lines; deploy/Caddyfile imports it."]
    lines += [f"redir {source} {redirect.target} 301" for redirect in redirects for source in redirect.sources]
    return "\n".join(lines) + "\n"


def stub_files(output: str | Path) -> set[Path]:
    """The redirect pages in a built site (read back from its `_redirects`): not pages to count or audit."""
    output = Path(output)
    rules = output / NETLIFY_FILE
    if not rules.is_file():
        return set()
    sources = [line.split()[0] for line in rules.read_text(encoding="utf-8").splitlines() if line.startswith("/")]
    return {output / Redirect(source, "", "").stub_path for source in sources}
