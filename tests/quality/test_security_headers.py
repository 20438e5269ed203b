"""Strict security headers from the local server (the README's `invoke serve`) and from
the shipped deployment configuration (Netlify `_headers`, deploy/nginx-security-headers.conf).
Real nginx and Caddy running deploy/'s files are tested in tests/deploy/."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from sales_leadership.contact.backend import ContactBackend
from sales_leadership.headers.policy import header_rules, headers_for, load_rules
from site_guard.build import load_settings
from tests.support import ROOT, SETTINGS, asset_src, url_of

from .headers import expected_form_action, header_problems, nginx_headers_for, parse_nginx_snippet

NGINX_SNIPPET = ROOT / "deploy" / "nginx-security-headers.conf"
FILES = ["/favicon.svg", "/sitemap.xml", "/robots.txt", "/feeds/all.atom.xml"]
ASSETS = ["theme/static/css/site.css", "plugins/contact_form/static/contact-form.mjs"]


def _served_paths(output) -> list[str]:
    """Every file a visitor can fetch from a build, as URL paths (pages as their clean URLs)."""
    return sorted(
        url_of(output, path)
        for path in output.rglob("*")
        if path.is_file() and not any(part.startswith("_") for part in path.relative_to(output).parts)
    )


def _fetch_headers(url: str) -> tuple[int, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers)


def test_local_server_sends_strict_headers_on_every_page_and_asset(live_server, site_pages, built_site):
    form_action = expected_form_action(load_settings(SETTINGS).get("CONTACT_BACKEND"))
    problems = []
    assets = [asset_src(built_site, source) for source in ASSETS]
    for path in [*site_pages, *FILES, *assets, "/no-such-page/"]:
        status, headers = _fetch_headers(live_server + path)
        expected_status = 404 if path == "/no-such-page/" else 200
        if status != expected_status:
            problems.append(f"{path}: HTTP {status}, expected {expected_status}")
        problems += [f"{path}: {problem}" for problem in header_problems(headers, form_action)]
    assert not problems, "`invoke serve` headers:\n  " + "\n  ".join(problems)


def test_netlify_headers_file_is_strict_for_every_file(published):
    output, settings = published
    rules = load_rules(output)
    assert rules, "the publish build has no _headers file"
    form_action = expected_form_action(settings.get("CONTACT_BACKEND"))
    problems = [
        f"{path}: {problem}"
        for path in _served_paths(output)
        for problem in header_problems(headers_for(rules, path), form_action)
    ]
    assert not problems, "_headers (Netlify):\n  " + "\n  ".join(problems)


def test_nginx_snippet_sends_the_same_strict_headers_as_netlify(published):
    output, settings = published
    rules = load_rules(output)
    blocks = parse_nginx_snippet(NGINX_SNIPPET.read_text(encoding="utf-8"))
    form_action = expected_form_action(settings.get("CONTACT_BACKEND"))
    problems = []
    for path in _served_paths(output):
        nginx = nginx_headers_for(blocks, path)
        if nginx != headers_for(rules, path):
            problems.append(f"{path}: nginx sends {nginx}, _headers sends {headers_for(rules, path)}")
        problems += [f"{path}: {problem}" for problem in header_problems(nginx, form_action)]
    assert not problems, "deploy/nginx-security-headers.conf:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize(
    ("backend", "allowed"),
    [
        ({"mode": "intake", "url": "/api/contact"}, {"'self'"}),
        ({"mode": "url", "url": "https://forms.example.net/f/abc"}, {"'self'", "https://forms.example.net"}),
        ({"mode": "netlify"}, {"'self'"}),
        ({"mode": "mailto"}, {"'self'", "mailto:"}),
    ],
    ids=["intake", "url", "netlify", "mailto"],
)
def test_form_action_allows_the_configured_backend_only(backend, allowed):
    headers = headers_for(header_rules(ContactBackend.from_setting(backend, "hello@example.com")), "/contact/")
    assert expected_form_action(backend) == allowed
    assert header_problems(headers, allowed) == []
