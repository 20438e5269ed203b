"""Publish builds are minified (minify-html) and precompressed, without changing what a
visitor reads, follows or what search engines parse."""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess

import brotli
import pytest

from sales_leadership.contact.intake_files import INTAKE_FOLDER
from tests.support import ROOT, asset_file, build, html_files, soup

COMPRESSED_KINDS = (".html", ".css", ".js", ".svg", ".xml", ".txt", ".json")


@pytest.fixture(scope="module")
def minified_site(tmp_path_factory):
    """The development build with MINIFY_OUTPUT on: same URLs as `built_site`, so pages compare 1:1."""
    output = tmp_path_factory.mktemp("minified") / "output"
    build(output, MINIFY_OUTPUT=True)
    return output


def _reading(page) -> dict:
    """What a visitor and a search engine get from a page."""
    return {
        "title": page.title.get_text(),
        "text": " ".join(page.body.get_text(" ").split()),
        "links": [a.get("href") for a in page.find_all("a")],
        "ids": sorted(tag["id"] for tag in page.find_all(id=True)),
        "json": [
            json.loads(block.string)
            for block in page.find_all("script", type=["application/ld+json", "application/json"])
        ],
        # minify-html writes the viewport as "width=device-width,initial-scale=1": the same to a browser.
        "meta": sorted(
            (m.get("name") or m.get("property") or "", (m.get("content") or "").replace(", ", ","))
            for m in page.find_all("meta")
        ),
    }


def test_minified_pages_read_exactly_as_the_originals(built_site, minified_site):
    differences = []
    for original in html_files(built_site):
        relative = original.relative_to(built_site)
        before, after = _reading(soup(original)), _reading(soup(minified_site / relative))
        differences += [
            f"{relative}: {key} differs: {before[key]!r:.300} became {after[key]!r:.300}"
            for key in before
            if before[key] != after[key]
        ]
    assert not differences, "\n".join(differences)


def test_minification_makes_html_css_and_js_smaller(built_site, minified_site):
    for suffix in (".html", ".css", ".js"):
        originals = sorted(built_site.rglob(f"*{suffix}"))
        before = sum(path.stat().st_size for path in originals)
        after = sum((minified_site / path.relative_to(built_site)).stat().st_size for path in originals)
        assert after <= before, f"{suffix}: minified {after} bytes > original {before}"
        if originals:
            assert after < before * 0.97, f"{suffix}: minification saved less than 3% ({before} -> {after} bytes)"


def test_publish_build_has_matching_precompressed_copies(published_site):
    checked = 0
    for path in sorted(published_site.rglob("*")):
        if path.suffix not in COMPRESSED_KINDS or not path.is_file() or INTAKE_FOLDER in path.parts:
            continue  # (the intake's page shells are read by the intake, never sent by a host)
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) > 1000:
            assert gz.is_file() and br.is_file(), f"{path.relative_to(published_site)} has no .gz/.br copy"
        if gz.is_file():
            assert gzip.decompress(gz.read_bytes()) == data, f"{gz.name} does not match {path.name}"
            checked += 1
        if br.is_file():
            assert brotli.decompress(br.read_bytes()) == data, f"{br.name} does not match {path.name}"
    assert checked > 10


def test_development_builds_are_neither_minified_nor_precompressed(built_site):
    assert not list(built_site.rglob("*.gz")) and not list(built_site.rglob("*.br"))
    assert "\n" in asset_file(built_site, "theme/static/css/site.css").read_text(encoding="utf-8")


def test_minified_scripts_pass_the_javascript_unit_tests(published_site, tmp_path):
    """tests/js run against the publish build's minified modules instead of the sources: the
    minifier must not change what the code does (the browser tests drive the readable build)."""
    tree = tmp_path / "minified"
    shutil.copytree(ROOT / "tests" / "js", tree / "tests" / "js")
    sources = sorted((ROOT / "plugins").glob("*/static/*.mjs"))
    assert sources
    for source in sources:
        repository_path = source.relative_to(ROOT).as_posix()
        minified = asset_file(published_site, repository_path)
        assert len(minified.read_bytes()) < len(source.read_bytes()), f"{repository_path} is not minified"
        target = tree / repository_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(minified, target)
    result = subprocess.run(["node", "--test", str(tree / "tests" / "js")], capture_output=True, text=True)
    assert result.returncode == 0, f"the JS tests fail on the minified modules:\n{result.stdout[-4000:]}"
