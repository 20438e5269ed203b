"""Colours and logo in content/data/theme.yaml, changed as an editor would, seen in the built site."""

from __future__ import annotations

import pytest

from site_guard.build import BuildFailed
from tests.support import build, copy_content, soup


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def edit_theme(content, old: str, new: str) -> None:
    path = content / "data" / "theme.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def stylesheets(output, page: str = "index.html") -> list[str]:
    links = soup(output / page).find_all("link", rel="stylesheet")
    return [(output / link["href"].lstrip("/")).read_text(encoding="utf-8") for link in links]


def test_a_new_brand_colour_and_logo_reach_every_page_under_a_new_address(content, tmp_path, built_site):
    edit_theme(content, 'brand: "#15395b"', 'brand: "#0b5e3a"')
    (content / "extra" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="16"/></svg>',
        encoding="utf-8",
    )
    edit_theme(content, "\nlogo:", "\nlogo: extra/logo.svg")
    output = tmp_path / "output"
    build(output, content)

    tokens = stylesheets(output)[0]
    assert tokens.startswith("/* Generated from") and "--brand: #0b5e3a;" in tokens
    page = soup(output / "compare" / "index.html")
    assert page.find("meta", attrs={"name": "theme-color"})["content"] == "#0b5e3a"
    logo = page.select_one(".brand img.brand-mark")
    assert logo["alt"] == "" and (output / logo["src"].lstrip("/")).read_bytes().startswith(b"<svg")
    # A colour change is a new version of the front end: no browser keeps the old colours.
    old = soup(built_site / "index.html").find("link", rel="stylesheet")["href"]
    assert soup(output / "index.html").find("link", rel="stylesheet")["href"] != old
    assert "--brand:" not in stylesheets(output)[1], "site.css defines no colour of its own"


def test_a_colour_too_pale_for_its_text_stops_the_build_naming_it(content, tmp_path):
    edit_theme(content, 'link: "#0f4f86"', 'link: "#7fb2e5"')
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content)
    message = str(failure.value)
    assert "content/data/theme.yaml: colours.light.link: #7fb2e5 on bg (#ffffff) has a contrast of 2.2:1" in message
    assert "Traceback" not in message
