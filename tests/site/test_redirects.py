"""Renamed pages keep their links: `Redirect-from:` in a page's header, as an editor writes it."""

from __future__ import annotations

import pytest

from site_guard.build import BuildFailed
from tests.support import build, copy_content, html_files, soup


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def add_header(content, page: str, line: str) -> None:
    path = content / "pages" / page
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n\n", f"\n{line}\n\n", 1), encoding="utf-8")


def build_error(content, tmp_path) -> str:
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content)
    return str(failure.value)


def test_the_old_address_gets_a_redirect_page_and_a_rule_for_every_host(content, tmp_path):
    add_header(content, "approach.md", "Redirect-from: /how-we-work/, /method, /method.html")
    output = tmp_path / "output"
    settings = build(output, content)

    stub = soup(output / "how-we-work" / "index.html")
    assert stub.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=/approach/"
    assert stub.find("link", rel="canonical")["href"] == settings["SITE_ORIGIN"] + "/approach/"
    assert stub.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    link = stub.find("a")
    assert link["href"] == "/approach/" and link.get_text() == "Our approach: Assess, Develop, Transform"
    assert (output / "method" / "index.html").is_file() and (output / "method.html").is_file()
    assert output / "how-we-work" / "index.html" not in html_files(output), "a redirect is not a page to audit"

    assert "/how-we-work/ /approach/ 301!" in (output / "_redirects").read_text().splitlines()
    nginx = (output / "_redirects.nginx").read_text().splitlines()
    assert {"/how-we-work/ /approach/;", "/how-we-work /approach/;", "/method/ /approach/;"} <= set(nginx)
    caddy = (output / "_redirects.caddy").read_text().splitlines()
    assert "redir /how-we-work/ /approach/ 301" in caddy and "redir /method.html /approach/ 301" in caddy


def test_no_renamed_page_still_writes_empty_rule_files_for_the_hosts_to_include(built_site):
    for name in ("_redirects", "_redirects.nginx", "_redirects.caddy"):
        lines = (built_site / name).read_text().splitlines()
        assert all(line.startswith("#") for line in lines), name


def test_an_old_address_that_is_a_real_page_names_both_files(content, tmp_path):
    add_header(content, "about.md", "Redirect-from: /faq/")
    message = build_error(content, tmp_path)
    assert "content/pages/about.md: Redirect-from: /faq/ is a page of the site (" in message
    assert "pages/faq.md); a redirect would hide it" in message
    assert message.count("\n  ") == 1, message


def test_two_pages_claiming_one_old_address_names_both_files(content, tmp_path):
    add_header(content, "about.md", "Redirect-from: /who-we-are/")
    add_header(content, "approach.md", "Redirect-from: /who-we-are")
    message = build_error(content, tmp_path)
    assert "/who-we-are/ is also redirected by" in message
    assert "pages/about.md" in message and "pages/approach.md" in message


def test_an_address_that_is_not_one_says_how_to_write_it(content, tmp_path):
    add_header(content, "about.md", "Redirect-from: https://old.example.com/about/, /about us/, /a/../b/")
    message = build_error(content, tmp_path)
    assert "about.md: Redirect-from: 'https://old.example.com/about/': write the old address from its first" in message
    assert "pages/about.md: Redirect-from: '/about us/': an address may hold letters" in message
    assert "'/a/../b/'" in message
