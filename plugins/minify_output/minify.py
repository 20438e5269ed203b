"""Minify the written site and write precompressed copies beside each text file."""

from __future__ import annotations

import gzip
import logging
from dataclasses import dataclass
from pathlib import Path

import brotli
import minify as tdewolff_minify  # the `tdewolff-minify` package: Go's tdewolff/minify
import minify_html

from sales_leadership.contact.intake_files import INTAKE_FOLDER

logger = logging.getLogger(__name__)

# Text files a host may send precompressed. `.atom.xml` feeds and sitemap.xml are `.xml`.
COMPRESSIBLE_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt"}

# minify-html only minifies whole HTML documents, so CSS files are wrapped in the element that
# holds them in a page, minified with its bundled CSS minifier (lightningcss), and unwrapped.
_WRAPPERS = {".css": ("<style>", "</style>")}
# JavaScript files (our ES modules) go to tdewolff/minify instead: minify-html's JS minifier keeps
# every comment (wilsonzlin/minify-html#285) and local names; this one drops comments and
# shortens local names, about 40% fewer bytes for the same code.
_SCRIPTS = {".js", ".mjs"}


@dataclass
class MinifyReport:
    files: int = 0
    bytes_before: int = 0
    bytes_after: int = 0
    compressed: int = 0


def minify_html_document(text: str) -> str:
    # Keep <html lang> and <head>: they are optional in HTML, but validators and readers expect them.
    return minify_html.minify(text, minify_css=True, minify_js=True, keep_html_and_head_opening_tags=True)


def minify_asset(text: str, suffix: str) -> str:
    """Minify a CSS or JS file; the original comes back if the minifier could not read it."""
    if suffix in _SCRIPTS:
        try:
            return tdewolff_minify.string("application/javascript", text)
        except tdewolff_minify.MinifyError as error:
            logger.warning("minify_output: could not minify a %s file (%s); it is kept as written", suffix, error)
            return text
    opening, closing = _WRAPPERS[suffix]
    wrapped = minify_html.minify(f"{opening}{text}{closing}", minify_css=True, minify_js=True)
    start = wrapped.find(">") + 1
    if not wrapped.endswith(closing) or start <= 0:
        logger.warning("minify_output: could not minify a %s file; it is kept as written", suffix)
        return text
    return wrapped[start : -len(closing)]


def minify_file(path: Path) -> tuple[int, int]:
    text = path.read_text(encoding="utf-8")
    minified = minify_html_document(text) if path.suffix == ".html" else minify_asset(text, path.suffix)
    if len(minified) < len(text):
        path.write_text(minified, encoding="utf-8")
    return len(text.encode()), path.stat().st_size


def write_precompressed(path: Path) -> int:
    """Write `<file>.gz` and `<file>.br` when they are smaller than the file; returns how many."""
    data = path.read_bytes()
    written = 0
    for suffix, compressed in (
        (".gz", gzip.compress(data, compresslevel=9, mtime=0)),
        (".br", brotli.compress(data, quality=11)),
    ):
        if len(compressed) < len(data):
            path.with_name(path.name + suffix).write_bytes(compressed)
            written += 1
    return written


def minify_folder(output: Path) -> MinifyReport:
    report = MinifyReport()
    for path in sorted(output.rglob("*")):
        if not path.is_file():
            continue
        if INTAKE_FOLDER in path.relative_to(output).parts:
            continue  # the intake's page shells keep their slots as written (plugins/contact_form)
        if path.suffix == ".html" or path.suffix in _WRAPPERS or path.suffix in _SCRIPTS:
            before, after = minify_file(path)
            report.files += 1
            report.bytes_before += before
            report.bytes_after += after
        if path.suffix in COMPRESSIBLE_SUFFIXES:
            report.compressed += write_precompressed(path)
    return report


def minify_output_folder(pelican) -> None:
    """`finalized` receiver: minify and precompress when MINIFY_OUTPUT is on."""
    if not pelican.settings.get("MINIFY_OUTPUT", False):
        return
    report = minify_folder(Path(pelican.settings["OUTPUT_PATH"]))
    logger.info(
        "minify_output: %d files minified, %d KB -> %d KB; %d precompressed copies written",
        report.files,
        report.bytes_before // 1024,
        report.bytes_after // 1024,
        report.compressed,
    )
