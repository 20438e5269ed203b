"""The site's colours for pictures drawn at build time: the light colours of content/data/theme.yaml.

Read through the core (sales_leadership.theme, which site_theme loads once per build), so a
card follows the colours an editor sets, and the contrast the core checks holds on the cards too.
"""

from __future__ import annotations

from dataclasses import dataclass

from sales_leadership.theme import Theme


@dataclass(frozen=True)
class Palette:
    colours: dict[str, str]
    role_accents: dict[str, str]

    def __getitem__(self, name: str) -> str:
        return self.colours[name]

    def accent(self, role: str) -> str:
        return self.role_accents.get(role, self.colours["brand"])


def read_palette(theme: Theme) -> Palette:
    return Palette(dict(theme.colours["light"]), {role: schemes["light"] for role, schemes in theme.accents.items()})
