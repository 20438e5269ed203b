"""The site's own words in content/data/site.yaml, edited as an editor would, seen as a visitor would."""

from __future__ import annotations

import pytest

from site_guard.build import BuildFailed
from tests.support import SETTINGS, build, copy_content, soup


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def edit_site_yaml(content, *replacements: tuple[str, str]) -> None:
    path = content / "data" / "site.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def build_error(content, tmp_path) -> str:
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content)
    return str(failure.value)


def test_a_typo_in_a_menu_address_is_one_line_naming_the_file_and_the_entry(content, tmp_path):
    edit_site_yaml(content, ("{label: Partners, url: /partners/}", "{label: Partners, url: /partnrs/}"))
    message = build_error(content, tmp_path)
    [line] = message.splitlines()[1:]  # not one line per page that prints the menu
    assert line.endswith(
        "content/data/site.yaml: menus.main 'Partners': '/partnrs/': no such page or file in the built site"
    )  # noqa: E501


def test_what_the_editor_changes_is_what_visitors_read(content, tmp_path):
    edit_site_yaml(
        content,
        ("  name: Sales Leadership Partners", "  name: Northwind Sales Partners"),
        ("    - {label: FAQ, url: /faq/}", "    - {label: FAQ, url: /faq/}\n    - {label: About us, url: /about/}"),
        ("{label: Take the quiz, url: /quiz/}", "{label: Start the quiz, url: /quiz/}"),
        (
            "hero_buttons:\n    - {label: Take the 2-minute quiz, url: /quiz/}",
            "hero_buttons:\n    - {label: Go, url: /faq/}",
        ),  # noqa: E501
        ("Send {first_name} a message", "Write to {first_name} & team"),
        ("Tell us a little about your company", "Tell us <about> your company"),
        ("  email: hello@example.com", "  email: office@northwind.example"),
    )
    output = tmp_path / "output"
    build(output, content)

    home = soup(output / "index.html")
    assert home.select_one(".brand span").get_text() == "Northwind Sales Partners"
    assert home.find("meta", property="og:site_name")["content"] == "Northwind Sales Partners"
    nav = [link.get_text() for link in home.select(".site-nav .nav-list > li > a")]
    assert nav[-4:] == ["FAQ", "About us", "Contact", "Start the quiz"]
    first_button = home.select_one(".hero .actions .button")
    assert (first_button.get_text(), first_button["href"]) == ("Go", "/faq/")
    assert "Northwind Sales Partners" in soup(output / "compare" / "index.html").title.get_text()

    profile = soup(output / "partners" / "denver" / "index.html")
    assert profile.select_one(".partner-contact .button").get_text() == "Write to Dana & team"
    contact = soup(output / "contact" / "index.html")
    assert contact.select_one(".page-head .lead").get_text().startswith("Tell us <about> your company")
    problem_page = soup(output / "contact" / "not-sent" / "index.html")
    assert problem_page.select_one(".notice a")["href"] == "mailto:office@northwind.example"


def test_a_broken_site_yaml_stops_the_build_with_the_line(content, tmp_path):
    path = content / "data" / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  main:\n", "  main\n", 1), encoding="utf-8")
    message = build_error(content, tmp_path)
    # The line where YAML noticed, and what to check there in plain words (sales_leadership/files.py).
    assert "content/data/site.yaml: line 29: the indentation does not line up with the lines above" in message
    assert "Traceback" not in message


def test_a_placeholder_typo_names_the_entry_and_the_words_that_fit(content, tmp_path):
    edit_site_yaml(content, ("Answer up to {questions} short", "Answer up to {question} short"))
    message = build_error(content, tmp_path)
    assert (
        "content/data/site.yaml: home.closing_text: {question} is not filled in by the site (here only {questions})"
        in message
    )


def test_pelicanconf_holds_no_site_text():
    text = SETTINGS.read_text(encoding="utf-8")
    for name in ("SITENAME =", "SITE_TAGLINE", "SITE_DESCRIPTION =", "MAIN_NAV", "FOOTER_NAV", "hello@example.com"):
        assert name not in text, name
