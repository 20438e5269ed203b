"""content/data/theme.yaml, read by the core: colours, role accents, logo, contrast."""

from __future__ import annotations

import pytest
import yaml

from sales_leadership.errors import ContentError
from sales_leadership.roles import load_roles
from sales_leadership.theme import load_theme, parse_theme
from tests.support import CONTENT

FILE = "content/data/theme.yaml"
ROLES = load_roles(CONTENT)


def shipped() -> dict:
    return yaml.safe_load((CONTENT / "data" / "theme.yaml").read_text(encoding="utf-8"))


def problems_of(data) -> list[str]:
    with pytest.raises(ContentError) as error:
        parse_theme(data, FILE, ROLES, CONTENT)
    return [str(problem) for problem in error.value.problems]


def test_the_shipped_colours_become_one_stylesheet_with_a_rule_per_role():
    css = load_theme(CONTENT, ROLES).stylesheet()
    assert "--brand: #15395b;" in css and "--brand: #a9cdf0;" in css
    assert css.index("--brand: #15395b;") < css.index("prefers-color-scheme: dark") < css.index("--brand: #a9cdf0;")
    for role in ROLES.ids:
        assert f'[data-role="{role}"] {{ --role-accent: var(--bar-{role}); }}' in css


def test_colours_and_accents_are_checked_all_at_once():
    data = shipped()
    data["colours"]["light"]["brand"] = "navy"
    del data["colours"]["dark"]["link"]
    data["colours"]["dark"]["linkk"] = "#9fcbf5"
    del data["role_accents"]["fractional-cso"]
    data["role_accents"]["fractional-cxo"] = {"light": "#000000", "dark": "#ffffff"}
    data["role_accents"]["interim"] = {"light": "#9a4f08"}
    data["logo"] = "extra/no-such-logo.svg"
    assert sorted(problems_of(data)) == sorted(
        [
            f"{FILE}: colours.light.brand: 'navy' is not a colour: write it as #rrggbb, like #15395b",
            f"{FILE}: colours.dark.link: missing (links)",
            f"{FILE}: colours.dark.linkk: unknown colour; they are bg, bg-soft, surface, text, muted, brand, "
            "brand-strong, on-brand, link, border, focus, error, success, band, on-band",
            f"{FILE}: role_accents.fractional-cxo: unknown role 'fractional-cxo'; the roles in content/data/roles.yaml "
            "are interim, part-time, fractional-cro, fractional-cso",
            f"{FILE}: role_accents: no entry for the role 'fractional-cso' (listed in content/data/roles.yaml)",
            f"{FILE}: role_accents.interim: needs a light and a dark colour: {{light: ..., dark: ...}}",
            f"{FILE}: logo: 'extra/no-such-logo.svg': no such file in content/",
        ]
    )


def test_text_that_would_be_hard_to_read_names_the_colour_and_its_background():
    data = shipped()
    data["colours"]["light"]["muted"] = "#9aa5b1"  # pale grey on white
    data["role_accents"]["part-time"]["dark"] = "#0c6b5f"  # the light accent on the dark background
    problems = problems_of(data)
    muted = f"{FILE}: colours.light.muted: #9aa5b1 on bg (#ffffff) has a contrast of 2.5:1; text needs at least 4.5:1"
    assert any(problem.startswith(muted) for problem in problems), problems
    accent = f"{FILE}: role_accents.part-time.dark: #0c6b5f on bg (#0e151c)"
    assert any(problem.startswith(accent) for problem in problems), problems
    assert all("make one of them darker or lighter" in problem for problem in problems)
