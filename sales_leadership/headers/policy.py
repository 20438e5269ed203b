"""The security (and cache) headers every response carries, as rules a host can apply.

One policy for every place a response comes from: the `_headers` file the
build writes (Netlify's format, also what our local server applies), the nginx
and Caddy files in deploy/ (nginx.py, caddy.py), and the lead intake, which takes
its headers from here directly, never from a file that might be missing.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from ..assets import ASSETS_FOLDER
from ..contact.backend import ContactBackend

HEADERS_FILE = "_headers"
# Front-end files live under a folder named by their content's hash (sales_leadership.assets):
# an address never changes meaning, so browsers may keep them for a year without asking.
IMMUTABLE = "public, max-age=31536000, immutable"
# Everything else (pages, feeds, the sitemap) changes with each deploy under the same address:
# browsers may keep a copy but ask again every time (a cheap 304 when nothing changed).
REVALIDATE = "no-cache"
# HTTPS only from now on, for a year. Browsers ignore it on plain http (the local server), and
# it names no subdomains: those may be served by someone else.
STRICT_TRANSPORT_SECURITY = "max-age=31536000"
# The lead intake answers under this prefix with these same headers of its own (and
# Cache-Control: no-store); hosts proxy it and add nothing there (deploy/).
INTAKE_PREFIX = "/api/"

BASE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def content_security_policy(backend: ContactBackend) -> str:
    directives = {name: list(sources) for name, sources in BASE_CSP.items()}
    directives["form-action"] = backend.form_action_sources()
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def security_headers(backend: ContactBackend) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(backend),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY,
    }


def header_rules(backend: ContactBackend) -> list[tuple[str, dict[str, str]]]:
    """(path pattern, headers) rules in the order a host applies them."""
    return [
        ("/*", {**security_headers(backend), "Cache-Control": REVALIDATE}),
        (f"/{ASSETS_FOLDER}/*", {"Cache-Control": IMMUTABLE}),
    ]


def render_headers_file(rules: list[tuple[str, dict[str, str]]]) -> str:
    lines = []
    for pattern, headers in rules:
        lines.append(pattern)
        lines.extend(f"  {name}: {value}" for name, value in headers.items())
    return "\n".join(lines) + "\n"


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """Read Netlify's `_headers` format: a path line, then indented `Name: value` lines."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), {}))
        elif rules:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def rule_prefix(pattern: str) -> str:
    """`/assets/*` -> `/assets/`: hosts' path prefixes. Our rules only use such patterns."""
    if not pattern.endswith("/*") or "*" in pattern[:-1]:
        raise ValueError(f"security_headers: cannot express header rule path {pattern!r} as a path prefix")
    return pattern[:-1]


def headers_for(rules: list[tuple[str, dict[str, str]]], url_path: str) -> dict[str, str]:
    """All headers whose pattern matches `url_path`, later rules adding to earlier ones."""
    combined: dict[str, str] = {}
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(url_path, pattern):
            combined.update(headers)
    return combined


def load_rules(output_dir: str | Path) -> list[tuple[str, dict[str, str]]]:
    path = Path(output_dir) / HEADERS_FILE
    return parse_headers_file(path.read_text(encoding="utf-8")) if path.is_file() else []
