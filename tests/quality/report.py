"""Tables the quality gates print at the end of a test run and keep in reports/.

A gate that measures something (weights, Lighthouse scores, external links)
records its table here, in `reports/<name>.md` (kept as CI artefacts); tests/quality/conftest.py
prints every table written during the run in the terminal summary. The files, not memory, carry
them: under pytest-xdist the gates run in worker processes and the summary is printed by another.
"""

from __future__ import annotations

from .tools import REPORTS


def record(name: str, title: str, text: str) -> None:
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / f"{name}.md").write_text(f"## {title}\n\n{text.rstrip()}\n", encoding="utf-8")


def sections_since(started: float) -> list[str]:
    """The tables recorded since `started` (a time.time()), by name; older runs' files are left out."""
    if not REPORTS.is_dir():
        return []
    files = sorted(path for path in REPORTS.glob("*.md") if path.stat().st_mtime >= started)
    return [path.read_text(encoding="utf-8") for path in files]


def markdown_table(headers: list[str], rows: list[list[str]], align_right_from: int = 1) -> str:
    """A plain Markdown table, columns padded so it also reads well in a terminal."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells):
        padded = [
            str(cell).rjust(width) if index >= align_right_from else str(cell).ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join(
        ("-" * (width + 1) + ":") if index >= align_right_from else ("-" * (width + 2))
        for index, width in enumerate(widths)
    )
    return "\n".join([line(headers), rule + "|", *(line(row) for row in rows)])
