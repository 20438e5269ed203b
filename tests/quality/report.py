"""Tables the quality gates print at the end of a test run and keep in reports/.

A gate that measures something (weights, Lighthouse scores, external links)
records its table here; tests/quality/conftest.py prints every table in the
terminal summary and writes each to `reports/<name>.md` for CI artefacts.
"""

from __future__ import annotations

from .tools import REPORTS

_sections: dict[str, str] = {}


def record(name: str, title: str, text: str) -> None:
    _sections[name] = f"## {title}\n\n{text.rstrip()}\n"
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / f"{name}.md").write_text(_sections[name], encoding="utf-8")


def sections() -> list[str]:
    return list(_sections.values())


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
