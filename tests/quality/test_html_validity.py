"""The Nu Html Checker finds no error in any page, stylesheet or SVG of the output:
in the development build and in the minified publish build that is deployed."""

from __future__ import annotations

from . import vnu


def _assert_valid(folder, which: str) -> None:
    problems = vnu.tool_problems()
    assert not problems, "; ".join(problems)
    messages = vnu.check_folder(folder)
    assert not messages, f"{which}: " + vnu.describe(messages)


def test_development_build_is_valid_html(built_site):
    _assert_valid(built_site, "development build")


def test_minified_publish_build_is_valid_html(published_site):
    _assert_valid(published_site, "publish build (minified)")
