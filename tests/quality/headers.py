"""What "strict security headers" means, checked the same way for every place that sends them:
the local server, Netlify's `_headers` file and the nginx snippet in deploy/.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping

SAFE_REFERRER_POLICIES = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}
# Powerful features no page of this site uses; the policy must switch them off.
DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")
UNSAFE_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:", "blob:"}


def parse_csp(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        tokens = part.split()
        if tokens:
            directives.setdefault(tokens[0].lower(), tokens[1:])
    return directives


def expected_form_action(backend: Mapping | None) -> set[str]:
    """Where the contact form may post, by CONTACT_BACKEND (pelicanconf.py): its own backend, nothing else."""
    backend = backend or {"mode": "intake"}
    mode = backend.get("mode", "intake")
    if mode == "mailto":
        return {"'self'", "mailto:"}
    url = str(backend.get("url", ""))
    if mode == "url" and "://" in url:
        scheme, rest = url.split("://", 1)
        return {"'self'", f"{scheme}://{rest.split('/', 1)[0]}"}
    return {"'self'"}


def header_problems(headers: Mapping[str, str], form_action: set[str]) -> list[str]:
    """Every way `headers` falls short of the site's policy (empty when strict)."""
    found = {name.lower(): value for name, value in headers.items()}
    problems = []
    policy = found.get("content-security-policy")
    if not policy:
        problems.append("no Content-Security-Policy header")
    else:
        csp = parse_csp(policy)
        if csp.get("default-src") != ["'self'"]:
            problems.append(f"CSP default-src is {csp.get('default-src')}, expected exactly 'self'")
        for directive in ("script-src", "style-src", "connect-src", "default-src"):
            unsafe = UNSAFE_SOURCES & set(csp.get(directive, []))
            if unsafe:
                problems.append(f"CSP {directive} allows {sorted(unsafe)}")
        if csp.get("frame-ancestors") != ["'none'"]:
            problems.append(f"CSP frame-ancestors is {csp.get('frame-ancestors')}, expected 'none'")
        if csp.get("object-src") != ["'none'"]:
            problems.append(f"CSP object-src is {csp.get('object-src')}, expected 'none'")
        if set(csp.get("form-action", ["(missing)"])) != form_action:
            problems.append(f"CSP form-action is {csp.get('form-action')}, expected only {sorted(form_action)}")
    if found.get("x-content-type-options", "").lower() != "nosniff":
        problems.append("X-Content-Type-Options is not 'nosniff'")
    if found.get("referrer-policy", "").lower() not in SAFE_REFERRER_POLICIES:
        problems.append(f"Referrer-Policy {found.get('referrer-policy')!r} may leak full URLs to other sites")
    permissions = found.get("permissions-policy", "").replace(" ", "")
    for feature in DENIED_FEATURES:
        if f"{feature}=()" not in permissions.split(","):
            problems.append(f"Permissions-Policy does not switch off {feature} (expected '{feature}=()')")
    return problems


def parse_nginx_snippet(text: str) -> list[tuple[str, dict[str, str]]]:
    """(location prefix, headers) from our generated snippet: server-level headers under "/".

    Only what the generator writes is understood (`add_header` lines and
    `location ^~ /prefix/ { ... }` blocks); anything else is an error, so a hand
    edit the tests cannot read fails loudly instead of being ignored.
    """
    blocks: list[tuple[str, dict[str, str]]] = [("/", {})]
    current = blocks[0][1]
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        tokens = shlex.split(line)
        if tokens[:2] == ["location", "^~"] and tokens[-1] == "{" and len(tokens) == 4:
            blocks.append((tokens[2], {}))
            current = blocks[-1][1]
        elif tokens == ["}"]:
            current = blocks[0][1]
        elif tokens[0] == "add_header" and len(tokens) == 4 and tokens[3] == "always;":
            current[tokens[1]] = tokens[2]
        else:
            raise ValueError(f"line {number}: not understood: {raw!r}")
    return blocks


def nginx_headers_for(blocks: list[tuple[str, dict[str, str]]], url_path: str) -> dict[str, str]:
    """What nginx sends for `url_path`: the longest matching location's headers, else the server's."""
    matches = [(prefix, headers) for prefix, headers in blocks if url_path.startswith(prefix)]
    prefix, headers = max(matches, key=lambda match: len(match[0]))
    if headers or prefix == "/":
        return dict(headers)
    return dict(blocks[0][1])  # a location without add_header inherits the server's
