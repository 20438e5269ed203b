"""Bad content fails the build with the file and field named, never silently."""

from __future__ import annotations

import pytest

from site_guard.build import BuildFailed
from tests.support import build, copy_content


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def build_error(content, tmp_path, **overrides) -> str:
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content, **overrides)
    return str(failure.value)


def test_broken_metadata_header_names_the_file(content, tmp_path):
    page = content / "pages" / "about.md"
    page.write_text(page.read_text().replace("Title:", "Title ", 1))
    message = build_error(content, tmp_path)
    assert "pages/about.md" in message
    assert "Title" in message


def test_missing_description_names_the_file_and_field(content, tmp_path):
    page = content / "pages" / "privacy.md"
    lines = [line for line in page.read_text().splitlines() if not line.startswith("Description:")]
    page.write_text("\n".join(lines) + "\n")
    message = build_error(content, tmp_path)
    assert "pages/privacy.md: Description: missing" in message


def test_link_to_a_missing_page_names_the_source_file(content, tmp_path):
    page = content / "pages" / "about.md"
    page.write_text(page.read_text() + "\nSee [our team](/our-team/) and [the tenth FAQ](/faq/#no-such-question).\n")
    message = build_error(content, tmp_path)
    assert "pages/about.md: link '/our-team/': no such page" in message
    assert "pages/about.md: link '/faq/#no-such-question': no element with id 'no-such-question'" in message


def test_a_plugin_that_fails_to_load_fails_the_build(content, tmp_path):
    from site_guard.build import load_settings
    from tests.support import SETTINGS

    plugins = load_settings(SETTINGS)["PLUGINS"] + ["no_such_plugin"]
    message = build_error(content, tmp_path, PLUGINS=plugins, REQUIRED_PLUGINS=plugins)
    assert "no_such_plugin" in message


def test_faq_heading_that_is_not_a_question_is_reported(content, tmp_path):
    faq = content / "pages" / "faq.md"
    faq.write_text(faq.read_text() + "\n## Contract terms\n\nMonth to month.\n")
    message = build_error(content, tmp_path)
    assert "pages/faq.md: heading 'Contract terms': an FAQ heading must be a question" in message


def test_comparison_data_problems_are_all_reported_with_their_path(content, tmp_path):
    data = content / "data" / "comparison.yaml"
    text = data.read_text()
    text = text.replace("fractional-cso:", "fractional-cxo:", 1)  # the first values row now misses a role
    text = text.replace("scope: cross-functional", "scope: everything")
    data.write_text(text)
    message = build_error(content, tmp_path)
    assert "data/comparison.yaml: rows[0].values.fractional-cxo: unknown role 'fractional-cxo'; the roles in" in message
    assert "data/comparison.yaml: rows[0].values: no entry for the role 'fractional-cso'" in message
    assert "data/comparison.yaml: chart.fractional-cro.scope: must be one of" in message


def test_malformed_yaml_names_the_line(content, tmp_path):
    data = content / "data" / "comparison.yaml"
    data.write_text("caption: ok\nrows: [unclosed\n")
    message = build_error(content, tmp_path)
    assert (
        "data/comparison.yaml: line 2: a list opened with '[' is not closed with ']' "
        "(or a ',' is missing between its items)"
    ) in message


def test_a_failed_build_does_not_cost_the_next_build_its_sitemap(content, tmp_path):
    page = content / "pages" / "about.md"
    original = page.read_text()
    page.write_text(original + "\nSee [our team](/our-team/).\n")
    build_error(content, tmp_path)
    page.write_text(original)
    build(tmp_path / "fixed", content)
    sitemap = (tmp_path / "fixed" / "sitemap.xml").read_text()
    assert "/about/</loc>" in sitemap and "/our-team/" not in sitemap


def test_a_role_page_naming_an_unknown_role_names_the_page_and_the_catalogue(content, tmp_path):
    page = content / "pages" / "roles" / "fractional-cso.md"
    page.write_text(page.read_text().replace("Role: fractional-cso", "Role: fractional-cs0"))
    message = build_error(content, tmp_path)
    assert "pages/roles/fractional-cso.md: Role: unknown role 'fractional-cs0'; the roles in" in message
    assert "data/roles.yaml: fractional-cso.url: no page says 'Role: fractional-cso'" in message


def test_a_role_without_its_colour_names_the_theme_file(content, tmp_path):
    roles = content / "data" / "roles.yaml"
    roles.write_text(roles.read_text() + "  - id: sales-coach\n    name: Sales coach\n    url: /roles/sales-coach/\n")
    message = build_error(content, tmp_path)
    assert "data/theme.yaml: role_accents: no entry for the role 'sales-coach' (listed in" in message
