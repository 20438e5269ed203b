"""The Nu Html Checker (npm `vnu-jar`, run with the machine's Java) over a built folder.

It checks every HTML page, the stylesheet(s) and the SVG files in one run and
reports errors only (warnings are advice, not failures).
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .tools import VNU_JAR, java, missing_tools


@dataclass(frozen=True)
class VnuMessage:
    file: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        extract = " ".join(self.extract.split())
        return f"{where}: {self.message}" + (f" [{extract}]" if extract else "")


def tool_problems() -> list[str]:
    problems = missing_tools(VNU_JAR)
    if not java():
        problems.append("no `java` on PATH: the Nu Html Checker needs Java 11+ (Debian: default-jre-headless)")
    return problems


def check_folder(folder: Path) -> list[VnuMessage]:
    """Every error the checker finds in the HTML, CSS and SVG files under `folder`."""
    folder = folder.resolve()
    command = [
        java() or "java",
        "-jar",
        str(VNU_JAR),
        "--errors-only",
        "--skip-non-html",
        "--also-check-css",
        "--also-check-svg",
        "--format",
        "json",
        str(folder),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError:
        raise AssertionError(
            f"the Nu Html Checker did not run (exit {result.returncode}): {result.stderr[-2000:]}"
        ) from None
    messages = [_message(folder, item) for item in report.get("messages", []) if item.get("type") != "info"]
    if result.returncode != 0 and not messages:
        raise AssertionError(f"the Nu Html Checker failed (exit {result.returncode}) without messages")
    return messages


def _message(folder: Path, item: dict) -> VnuMessage:
    path = Path(unquote(urlsplit(item.get("url", "")).path))
    try:
        shown = path.resolve().relative_to(folder).as_posix()
    except ValueError:
        shown = str(path)
    return VnuMessage(shown, item.get("lastLine"), item.get("message", ""), item.get("extract", ""))


def describe(messages: list[VnuMessage], limit: int = 60) -> str:
    files = sorted({message.file for message in messages})
    lines = [f"{len(messages)} HTML/CSS/SVG error(s) in {len(files)} file(s):"]
    lines.extend(f"  {message}" for message in messages[:limit])
    if len(messages) > limit:
        lines.append(f"  ... and {len(messages) - limit} more")
    return "\n".join(lines)
