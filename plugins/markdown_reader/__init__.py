"""markdown_reader: Pelican's Markdown reading, made cheaper without changing a byte it produces.

- reader.py: one `markdown.Markdown` per reader, reset between files, instead of
  a new one per file (Pelican's own reader);
- smarty.py: the `smarty` extension whose typographic pass skips text it cannot
  change (pelicanconf.py names it in MARKDOWN).

Why and how much: docs/build-speed.md. tests/site/test_markdown_reader.py proves
both give exactly what Pelican and python-markdown give on their own.
"""

from pelican import signals

from .reader import MarkdownReader


def use_reusing_reader(readers) -> None:
    for extension in MarkdownReader.file_extensions:
        if extension in readers.reader_classes:
            readers.reader_classes[extension] = MarkdownReader


def register():
    signals.readers_init.connect(use_reusing_reader)
