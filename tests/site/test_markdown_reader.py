"""plugins/markdown_reader gives exactly what Pelican's reader and python-markdown's smarty give.

The plugin exists only to make reading cheaper (docs/build-speed.md): one Markdown
instance per reader, reset between files, and a smarty pass that skips text it
cannot change. So the test is equality: every file of the real content, and
documents written to trip over state kept from one file to the next (footnotes,
abbreviations, headings' ids, metadata) or over smarty's patterns, read one after
another by one reusing reader, against Pelican's reader with the stock smarty.
"""

from __future__ import annotations

import copy

import markdown
import pytest
from pelican.readers import MarkdownReader as PelicanMarkdownReader

from markdown_reader.reader import MarkdownReader
from markdown_reader.smarty import SmartyExtension
from site_guard.build import load_settings
from tests.support import CONTENT, SETTINGS

STOCK_SMARTY = "markdown.extensions.smarty"

TRICKY_DOCUMENTS = {
    "footnotes.md": (
        "Title: Footnotes\nSummary: A *short* \"summary\" -- with 'quotes'...\n\n"
        "# Heading\n\nText with a note[^1] and *ABBR*.\n\n[^1]: The note.\n\n*[ABBR]: An abbreviation\n"
    ),
    "again.md": (
        "Title: Footnotes again\nDate: 2024-01-02\nTags: a, b\n\n# Heading\n\n"
        "Another note[^1]; ABBR is not defined here.\n\n[^1]: Another note.\n"
    ),
    "quotes.md": (
        "Title: Quotes\n\n## \"Quoted\" 'heading' -- dash --- and ... more\n\n"
        "It's the '90s, \"he said\", 'she said'. Escaped \\\"quote\\\" and \\'single\\'.\n\n"
        '`code with "quotes" -- and ...` and <span title="a \'b\'">html "text"</span>\n\n'
        '> A quote block with "quotes"\n\n| a "b" | c |\n|---|---|\n| \'d\' | e -- f |\n\n'
        '    indented "code"\n\n<<angled>> and plain text without any mark at all\n'
    ),
    "plain.md": "Title: Plain\nSummary: Nothing to educate here\n\n# Plain\n\nJust words and a [link](/compare/).\n",
    "html.md": (
        'Title: HTML\n\n<div markdown="1">\n**bold** "quoted"\n</div>\n\n<p>raw "html" -- here</p>\n\n'
        'Term\n:   Definition with "quotes"\n\n# Heading\n\n# Heading\n'
    ),
}


def _settings(smarty: str) -> dict:
    settings = copy.deepcopy(load_settings(SETTINGS))
    configs = settings["MARKDOWN"]["extension_configs"]
    settings["MARKDOWN"]["extension_configs"] = {
        (smarty if name.endswith(".smarty") else name): value for name, value in configs.items()
    }
    settings["MARKDOWN"]["extensions"] = []
    return settings


def _documents(tmp_path) -> list:
    for name, text in TRICKY_DOCUMENTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    real = sorted(CONTENT.rglob("*.md"))
    assert len(real) > 20
    tricky = [tmp_path / name for name in TRICKY_DOCUMENTS]
    return tricky + real + tricky  # the tricky ones again, after everything else


def test_the_site_names_the_quick_smarty_and_the_reader_plugin():
    settings = load_settings(SETTINGS)
    assert "markdown_reader.smarty" in settings["MARKDOWN"]["extension_configs"]
    assert STOCK_SMARTY not in settings["MARKDOWN"]["extension_configs"]
    assert settings["PLUGINS"].index("markdown_reader") < settings["PLUGINS"].index("faq_page")


def test_one_reusing_reader_reads_every_file_as_pelican_and_stock_smarty_do(tmp_path):
    ours = MarkdownReader(_settings("markdown_reader.smarty"))
    for path in _documents(tmp_path):
        expected = PelicanMarkdownReader(_settings(STOCK_SMARTY)).read(str(path))
        assert ours.read(str(path)) == expected, path


@pytest.mark.parametrize("name", sorted(TRICKY_DOCUMENTS))
def test_the_quick_smarty_changes_exactly_what_smarty_changes(name):
    text = TRICKY_DOCUMENTS[name]
    extensions = ["extra", "toc", "meta"]
    stock = markdown.Markdown(extensions=[*extensions, STOCK_SMARTY], output_format="html5").convert(text)
    quick = markdown.Markdown(extensions=[*extensions, SmartyExtension()], output_format="html5").convert(text)
    assert quick == stock
    if name == "quotes.md":  # the test means something only if smarty had work to do
        assert all(entity in stock for entity in ("&ldquo;", "&rsquo;", "&ndash;", "&mdash;", "&hellip;"))
