"""Python-Markdown's `smarty` extension, with its inline pass skipping text it cannot change.

`smarty` turns straight quotes, `--`, `---` and `...` into typographic ones in a
second inline pass that tries each of its 18 patterns on every run of text. Every
one of those patterns needs a quote, `--`, `...`, `<<` or `>>` in the text, so
text without any of them is left exactly as smarty would leave it, without the 18
tries: on the benchmark's 1,000 articles that pass was half of all Markdown time
(docs/build-speed.md). Output is identical (tests/site/test_markdown_reader.py).
"""

from __future__ import annotations

import re

from markdown.extensions.smarty import SmartyExtension as StandardSmartyExtension
from markdown.treeprocessors import InlineProcessor

# What any smarty pattern needs to match: a quote, dashes, an ellipsis, angled quotes.
CAN_CHANGE = re.compile(r"['\"]|--|\.\.\.|<<|>>")
# The priority python-markdown's smarty gives its pass (markdown/extensions/smarty.py).
SMARTY_PASS_PRIORITY = 6


class _SmartyPass(InlineProcessor):
    """smarty's own inline pass, except that a run of text it cannot change is returned at once."""

    # InlineProcessor calls this (name-mangled) method for every text and tail in the tree and
    # for the text around every match; it returns the text with the patterns applied.
    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if not CAN_CHANGE.search(data):
            return data
        return super()._InlineProcessor__handleInline(data, patternIndex)


class SmartyExtension(StandardSmartyExtension):
    def extendMarkdown(self, md):
        super().extendMarkdown(md)
        quick = _SmartyPass(md)
        quick.inlinePatterns = md.treeprocessors["smarty"].inlinePatterns
        md.treeprocessors.register(quick, "smarty", SMARTY_PASS_PRIORITY)


def makeExtension(**kwargs):  # noqa: N802 (python-markdown's name)
    return SmartyExtension(**kwargs)
