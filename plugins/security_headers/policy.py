"""Build the security headers from the settings and write/read `_headers`."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from urllib.parse import urlsplit

HEADERS_FILE = "_headers"

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


def form_action_sources(backend: dict | None) -> list[str]:
    """Where the contact form may post: only the configured backend."""
    backend = backend or {"mode": "intake"}
    mode = backend.get("mode", "intake")
    if mode == "mailto":
        return ["'self'", "mailto:"]
    url = backend.get("url", "")
    parts = urlsplit(url)
    if mode == "url" and parts.scheme and parts.netloc:
        return ["'self'", f"{parts.scheme}://{parts.netloc}"]
    return ["'self'"]


def content_security_policy(settings: dict) -> str:
    directives = {name: list(sources) for name, sources in BASE_CSP.items()}
    directives["form-action"] = form_action_sources(settings.get("CONTACT_BACKEND"))
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def security_headers(settings: dict) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(settings),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def header_rules(settings: dict) -> list[tuple[str, dict[str, str]]]:
    """(path pattern, headers) rules in the order a host applies them."""
    return [
        ("/*", security_headers(settings)),
        ("/theme/*", {"Cache-Control": "public, max-age=604800"}),
    ]


def render_headers_file(rules: list[tuple[str, dict[str, str]]]) -> str:
    lines = []
    for pattern, headers in rules:
        lines.append(pattern)
        lines.extend(f"  {name}: {value}" for name, value in headers.items())
    return "\n".join(lines) + "\n"


def write_headers_file(pelican) -> None:
    output = Path(pelican.settings["OUTPUT_PATH"]) / HEADERS_FILE
    output.write_text(render_headers_file(header_rules(pelican.settings)), encoding="utf-8")


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
