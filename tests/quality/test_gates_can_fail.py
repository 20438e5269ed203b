"""Each gate fails on a page that breaks it, and says which page and why.

The real site passes every gate, so without these a gate that silently
stopped checking (a tool that did not run, a selector that matches nothing)
would look exactly like a healthy site.
"""

from __future__ import annotations

import pytest

from tests.axe import axe_violations, describe
from tests.support import static_server

from . import vnu
from .headers import header_problems
from .visit import first_time_visits, visit
from .weight import budget_problems, weigh

BAD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Broken on purpose</title>
<link rel="stylesheet" href="/missing.css"></head>
<body><main><h1>Broken on purpose</h1>
<p><div>a div inside a paragraph</div></p>
<img src="/pixel.svg">
<img src="http://127.0.0.2:9/tracker.gif" alt="">
<script src="/heavy.js"></script>
</main></body></html>
"""
PIXEL = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>'


@pytest.fixture
def bad_site(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    (tmp_path / "pixel.svg").write_text(PIXEL, encoding="utf-8")
    (tmp_path / "heavy.js").write_text("// padding\n" * 5000, encoding="utf-8")
    return tmp_path


def test_html_validity_gate_names_the_file_and_the_error(bad_site):
    messages = vnu.check_folder(bad_site)
    assert any(m.file == "bad/index.html" and "“p”" in m.message for m in messages), vnu.describe(messages)


@pytest.mark.browser
def test_accessibility_gate_names_the_rule_and_the_element(new_context, bad_site):
    page = new_context(bypass_csp=True).new_page()
    with static_server(bad_site) as url:
        page.goto(url + "/bad/")
        violations = axe_violations(page)
    assert "image-alt" in {violation.rule for violation in violations}
    assert "/bad/" in describe("/bad/", violations) and 'img[src$="pixel.svg"]' in describe("/bad/", violations)


@pytest.mark.browser
def test_load_gates_catch_weight_foreign_hosts_and_missing_files(browser, bad_site):
    with static_server(bad_site) as url:
        result = visit(browser, url, "/bad/")
    assert budget_problems([weigh(result)]) and budget_problems([weigh(result)])[0].startswith("/bad/: HTML + CSS + JS")
    assert result.foreign_requests == ["http://127.0.0.2:9/tracker.gif"]
    assert any("/missing.css: HTTP 404" in failure for failure in result.failed_requests)


# A page that remembers: what it finds in storage and cookies decides which file it asks for next.
REMEMBERING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Remembers</title>
<link rel="stylesheet" href="/assets/style.css"><script src="/assets/remember.js"></script></head>
<body><main><h1>Remembers</h1></main></body></html>
"""
REMEMBERING_SCRIPT = """
const seen = Number(localStorage.getItem("seen") || 0) + Number(sessionStorage.getItem("seen") || 0)
  + (document.cookie.includes("seen=") ? 1 : 0);
localStorage.setItem("seen", "1");
sessionStorage.setItem("seen", "1");
document.cookie = "seen=1; path=/";
fetch("/seen-" + seen + ".txt");
"""


# Cached for a year, as the site's versioned assets are: only a browser that skips its cache
# downloads the file again.
KEPT_A_YEAR = """/assets/*
  Cache-Control: public, max-age=31536000, immutable
"""


@pytest.mark.browser
def test_each_visit_of_a_walk_is_a_first_time_visit(browser, tmp_path):
    (tmp_path / "index.html").write_text(REMEMBERING_PAGE, encoding="utf-8")
    (tmp_path / "_headers").write_text(KEPT_A_YEAR, encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "remember.js").write_text(REMEMBERING_SCRIPT, encoding="utf-8")
    (tmp_path / "seen-0.txt").write_text("first visit", encoding="utf-8")
    visits = []
    with static_server(tmp_path) as url, first_time_visits(browser, url) as visit_page:
        for number in range(1, 4):
            # A new stylesheet each time: a copy cached from the visit before would weigh less.
            (tmp_path / "assets" / "style.css").write_text("h1 { color: #123; }" + " " * number, encoding="utf-8")
            visits.append(visit_page("/"))
    for number, result in enumerate(visits, start=1):
        # Nothing remembered from the visit before: the page asked for seen-0.txt, which exists.
        assert not result.failed_requests, f"visit {number}: {result.failed_requests}"
        assert any(r.url.endswith("/seen-0.txt") for r in result.resources), f"visit {number}: {result.resources}"
        # Nothing cached either: this visit's stylesheet was downloaded.
        assert result.bytes_of("css") == len("h1 { color: #123; }") + number, f"visit {number}: {result.resources}"


@pytest.mark.browser
def test_lighthouse_gate_names_the_page_it_could_not_audit_and_audits_the_next(tmp_path):
    from tests.conftest import chromium_path

    from .lighthouse import run_lighthouse
    from .tools import chrome_binary

    with static_server(tmp_path) as url:
        (tmp_path / "index.html").write_text(
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fine</title>'
            '<meta name="viewport" content="width=device-width"></head><body><main><h1>Fine</h1></main></body></html>',
            encoding="utf-8",
        )
        gone, fine = run_lighthouse(
            [(url + "/gone/", "/gone/"), (url + "/", "/")], chrome_binary(chromium_path()), tmp_path / "reports"
        )
    assert gone.problems() and gone.problems()[0].startswith("/gone/: "), gone
    assert not fine.error and fine.scores["seo"] is not None, fine


def test_header_gate_lists_every_weakness():
    weak = {
        "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; form-action *",
        "Referrer-Policy": "unsafe-url",
    }
    problems = "\n".join(header_problems(weak, {"'self'"}))
    for expected in (
        "script-src allows",
        "frame-ancestors",
        "form-action",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
    ):
        assert expected in problems


def test_visual_gate_names_a_moved_or_changed_page_and_passes_anti_aliasing():
    from PIL import Image, ImageDraw

    from .visual import compare

    page = Image.new("RGB", (390, 600), "white")
    ImageDraw.Draw(page).rectangle((20, 100, 370, 144), outline="black", width=2)  # a styled input
    noisy = page.point(lambda value: max(0, value - 10))  # anti-aliasing-sized differences everywhere
    assert compare("/same/ at 390px", page, noisy).problem() is None
    unstyled = Image.new("RGB", (390, 600), "white")
    ImageDraw.Draw(unstyled).rectangle((20, 100, 120, 118), outline="gray")  # an 18px browser-default box
    assert "pixels" in compare("/contact/ at 390px", page, unstyled).problem()
    taller = Image.new("RGB", (390, 651), "white")
    assert compare("/contact/ at 390px", page, taller).problem() == (
        "/contact/ at 390px: the page is 390x651 px, expected 390x600 px"
    )


DEVELOPMENT_PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8"><title>Our partners</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="canonical" href="http://127.0.0.1:8000/partners/">
  </head>
  <body>
    <main>
      <h1 class="title  large">Our partners</h1>
      <img src="/pixel.svg" alt="Four partners at a table" width="40" height="40">
      <p style="color: rgb(0, 0, 0);  margin: 0">Call <a href="/contact/">your partner</a>.</p>
      <form action="/contact/" method="get"><input type="text" name="zip" aria-label="ZIP code"></form>
    </main>
  </body>
</html>
"""


def _minified(page: str, origin: str) -> str:
    """What minify-html and absolute URLs do to the page (as seen on the real site): the same document."""
    lines = [line.strip() for line in page.splitlines()]
    return (
        "".join(lines)
        .replace('lang="en"', "lang=en")
        .replace('class="title  large"', 'class="title large"')
        .replace('src="/', f'src="{origin}/')
        .replace('href="/', f'href="{origin}/')
        .replace('action="/', f'action="{origin}/')
        .replace("color: rgb(0, 0, 0);  margin: 0", "color:#000;margin:0")
        .replace("http://127.0.0.1:8000/", f"{origin}/")  # the origin each build is made for
        .replace("width=device-width, initial-scale=1", "width=device-width,initial-scale=1")
        .replace(' method="get"', "")  # attributes that repeat the HTML default
        .replace('type="text" ', "")
    )


@pytest.mark.browser
def test_visual_gate_reads_the_document_and_allows_what_minification_changes(browser, tmp_path):
    """A lost text alternative changes no pixel but is a difference; quoting, white space, absolute
    addresses and how an inline style is written are not."""
    from .visual import camera, document_difference

    development, publish = tmp_path / "development", tmp_path / "publish"
    for folder in (development, publish):
        (folder / "partners").mkdir(parents=True)
        (folder / "pixel.svg").write_text(PIXEL, encoding="utf-8")
    (development / "partners" / "index.html").write_text(DEVELOPMENT_PAGE, encoding="utf-8")
    with static_server(development) as development_url, static_server(publish) as publish_url:
        minified = _minified(DEVELOPMENT_PAGE, publish_url)
        assert minified.count(publish_url) == 4 and "\n" not in minified and "text" not in minified
        page = publish / "partners" / "index.html"
        with camera(browser, development_url, 390) as shoot_development, camera(browser, publish_url, 390) as shoot:
            expected = shoot_development("/partners/").document
            page.write_text(minified, encoding="utf-8")
            assert document_difference("/partners/ at 390px", expected, shoot("/partners/").document) is None
            page.write_text(minified.replace('alt="Four partners at a table"', 'alt=""'), encoding="utf-8")
            lost_alt = shoot("/partners/")
    problem = document_difference("/partners/ at 390px", expected, lost_alt.document)
    assert problem.startswith("/partners/ at 390px: the document differs from the development build's:")
    changed = [line.split()[:2] for line in problem.splitlines()[1:] if line.strip()[:1] in "-+"]
    assert changed == [["-", "img"], ["+", "img"]], problem
    assert 'img alt="Four partners at a table"' in problem and 'img alt=""' in problem
