"""The site's colours as the theme's stylesheet defines them, for pictures drawn at build time.

Read from theme/static/css/site.css (the first, light-colour `:root` block and the
`[data-role="<id>"]` accents), so a card follows the theme when the designer changes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

STYLESHEET = "static/css/site.css"
_ROOT_BLOCK = re.compile(r":root\s*\{(?P<body>[^}]*)\}")
_PROPERTY = re.compile(r"--(?P<name>[\w-]+)\s*:\s*(?P<value>[^;]+);")
_ROLE_ACCENT = re.compile(r'\[data-role="(?P<role>[\w-]+)"\]\s*\{\s*--role-accent\s*:\s*var\(--(?P<name>[\w-]+)\)')
NEEDED = ("bg", "bg-soft", "text", "muted", "brand", "on-brand")


class PaletteError(ValueError):
    """The stylesheet lacks a colour the cards need; str() names the file and the property."""


@dataclass(frozen=True)
class Palette:
    colours: dict[str, str]
    role_accents: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.colours[name]

    def accent(self, role: str) -> str:
        return self.role_accents.get(role, self.colours["brand"])


def read_palette(theme: Path) -> Palette:
    path = Path(theme) / STYLESHEET
    css = path.read_text(encoding="utf-8")
    root = _ROOT_BLOCK.search(css)
    colours = {m["name"]: m["value"].strip() for m in _PROPERTY.finditer(root["body"])} if root else {}
    missing = [name for name in NEEDED if not colours.get(name, "").startswith("#")]
    if missing:
        raise PaletteError(f"{path}: :root: no colour for {', '.join('--' + name for name in missing)}")
    accents = {m["role"]: colours[m["name"]] for m in _ROLE_ACCENT.finditer(css) if m["name"] in colours}
    return Palette(colours, accents)
