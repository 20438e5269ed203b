"""The site's colours and logo (content/data/theme.yaml), checked for readable contrast.

Editors change colours here, never in the stylesheets: the build turns the file into a small
stylesheet of CSS custom properties (`stylesheet`) that every page loads before site.css,
which only ever says `var(--text)`, `var(--brand)` ... The role accents become the
`[data-role="<id>"]` rules, one per role of roles.yaml. Every pair of colours that is text
on a background is checked against WCAG 2.2 AA (coloraide computes the ratio); a pair that
fails names the token to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coloraide import Color

from .errors import Problem, raise_if_any
from .files import display_path, load_yaml
from .roles import RoleCatalogue

THEME_FILE = Path("data") / "theme.yaml"  # inside the content folder
SCHEMES = ("light", "dark")
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".webp": "image/webp"}
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")

# The colour tokens, each a CSS custom property of the same name (--bg ...), and what it colours.
TOKENS = {
    "bg": "the page's background",
    "bg-soft": "tinted bands and boxes",
    "surface": "cards and form fields",
    "text": "body text",
    "muted": "secondary text: introductions, captions, dates",
    "brand": "buttons, the header's mark, headings' accents",
    "brand-strong": "buttons under the pointer",
    "on-brand": "text on buttons",
    "link": "links",
    "border": "lines around cards and fields",
    "focus": "the outline around what the keyboard has reached",
    "error": "error messages",
    "success": "confirmations",
    "band": "the home page's closing band",
    "on-band": "text and buttons on that band",
}
TEXT_BACKGROUNDS = ("bg", "bg-soft", "surface")
# (foreground token or "accent", backgrounds, minimum ratio, what it is): WCAG 2.2 AA, 1.4.3 and 1.4.11.
CONTRAST_RULES = (
    *((token, TEXT_BACKGROUNDS, 4.5, "text") for token in ("text", "muted", "link", "error", "success", "brand")),
    ("accent", TEXT_BACKGROUNDS, 4.5, "text (figures, list markers, icons)"),
    ("on-brand", ("brand", "brand-strong"), 4.5, "text"),
    ("on-band", ("band",), 4.5, "text"),
    ("focus", TEXT_BACKGROUNDS, 3.0, "the focus outline"),
)


@dataclass(frozen=True)
class Theme:
    colours: dict[str, dict[str, str]]  # scheme -> token -> "#rrggbb"
    accents: dict[str, dict[str, str]]  # role id -> scheme -> "#rrggbb"
    logo: Path | None  # an image file in the content folder, or None for the drawn mark
    source: str = str(THEME_FILE)

    def stylesheet(self) -> str:
        """The generated CSS: the tokens for light and dark, one accent rule per role."""

        def block(scheme: str) -> str:
            lines = [f"  --{token}: {value};" for token, value in self.colours[scheme].items()]
            lines += [f"  --bar-{role}: {schemes[scheme]};" for role, schemes in self.accents.items()]
            return "\n".join(lines)

        rules = "\n".join(f'[data-role="{role}"] {{ --role-accent: var(--bar-{role}); }}' for role in self.accents)
        return (
            f"/* Generated from {self.source} by plugins/site_theme: change the colours there. */\n"
            f":root {{\n{block('light')}\n}}\n"
            f"@media (prefers-color-scheme: dark) {{\n:root {{\n{block('dark')}\n}}\n}}\n"
            f"{rules}\n"
        )


def contrast(foreground: str, background: str) -> float:
    return Color(foreground).contrast(background, method="wcag21")


def parse_theme(data, file: str, roles: RoleCatalogue, content_path: Path) -> Theme:
    """Check the parsed YAML; raise ContentError listing every problem."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise_if_any([Problem(file, "", "must hold colours, role_accents and logo")])
    for key in data:
        if key not in ("colours", "role_accents", "logo"):
            problems.append(Problem(file, str(key), "unknown entry; the file holds colours, role_accents and logo"))

    def colour(value, field: str) -> str:
        if not isinstance(value, str) or not _HEX.match(value.strip()):
            problems.append(Problem(file, field, f"{value!r} is not a colour: write it as #rrggbb, like #15395b"))
            return ""
        return value.strip().lower()

    colours: dict[str, dict[str, str]] = {}
    raw_colours = data.get("colours") if isinstance(data.get("colours"), dict) else {}
    for scheme in SCHEMES:
        raw = raw_colours.get(scheme)
        if not isinstance(raw, dict):
            problems.append(Problem(file, f"colours.{scheme}", f"missing: the {scheme} colours, {', '.join(TOKENS)}"))
            raw = {}
        for token in raw:
            if token not in TOKENS:
                problems.append(
                    Problem(file, f"colours.{scheme}.{token}", f"unknown colour; they are {', '.join(TOKENS)}")
                )
        colours[scheme] = {}
        for token in TOKENS:
            if token not in raw:
                if isinstance(raw_colours.get(scheme), dict):
                    problems.append(Problem(file, f"colours.{scheme}.{token}", f"missing ({TOKENS[token]})"))
                continue
            colours[scheme][token] = colour(raw[token], f"colours.{scheme}.{token}")

    accents: dict[str, dict[str, str]] = {}
    raw_accents = data.get("role_accents")
    if not isinstance(raw_accents, dict):
        problems.append(Problem(file, "role_accents", f"missing: a light and a dark colour for {', '.join(roles.ids)}"))
        raw_accents = {}
    problems += roles.check_ids([(f"role_accents.{role}", role) for role in raw_accents], file, "role_accents")
    for role, raw in raw_accents.items():
        if roles.get(role) is None:
            continue
        if not isinstance(raw, dict) or set(raw) != set(SCHEMES):
            problems.append(
                Problem(file, f"role_accents.{role}", "needs a light and a dark colour: {light: ..., dark: ...}")
            )
            continue
        accents[role] = {scheme: colour(raw[scheme], f"role_accents.{role}.{scheme}") for scheme in SCHEMES}

    logo = None
    raw_logo = data.get("logo")
    if raw_logo not in (None, ""):
        logo = Path(content_path) / str(raw_logo)
        if logo.suffix.lower() not in LOGO_TYPES:
            problems.append(Problem(file, "logo", f"{raw_logo!r}: use an SVG, PNG or WebP image"))
        elif not logo.is_file():
            problems.append(Problem(file, "logo", f"{raw_logo!r}: no such file in {display_path(content_path)}/"))

    if not problems:
        problems += _contrast_problems(colours, accents, file)
    raise_if_any(problems)
    return Theme(colours, accents, logo, file)


def _contrast_problems(colours, accents, file: str) -> list[Problem]:
    problems = []
    for scheme in SCHEMES:
        palette = colours[scheme]
        for foreground, backgrounds, minimum, what in CONTRAST_RULES:
            pairs = (
                [(f"role_accents.{role}.{scheme}", accents[role][scheme]) for role in accents]
                if foreground == "accent"
                else [(f"colours.{scheme}.{foreground}", palette[foreground])]
            )
            for field, value in pairs:
                for background in backgrounds:
                    ratio = contrast(value, palette[background])
                    if ratio < minimum:
                        problems.append(
                            Problem(
                                file,
                                field,
                                f"{value} on {background} ({palette[background]}) has a contrast of {ratio:.1f}:1; "
                                f"{what} needs at least {minimum:g}:1 (WCAG AA): make one of them darker or lighter",
                            )
                        )
    return problems


def load_theme(content_path: str | Path, roles: RoleCatalogue) -> Theme:
    path = Path(content_path) / THEME_FILE
    return parse_theme(load_yaml(path), display_path(path), roles, Path(content_path))
