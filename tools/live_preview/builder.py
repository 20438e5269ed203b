"""One build of the site, quiet, with its outcome as data: the problems, the warnings, a count.

Pelican logs a line per file it writes (about 150) and prints a summary of its own; editors
need one line when the build worked and the `file: field: problem` lines when it did not.
`build_quietly` runs a build in this process with Pelican's console silenced and its log
collected; `build_in_subprocess` runs the same in a fresh Python, so the preview picks up
edited plugins and never carries one build's module state into the next.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INTAKE_FOLDER = "_intake"


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    seconds: float
    pages: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self, where: str = "") -> str:
        """One line for the terminal: `Built in 2.4 s: 57 pages<where>.` or `Not built: 2 problems`."""
        if self.ok:
            return f"Built in {self.seconds:.1f} s: {self.pages} pages{where}."
        return f"Not built: {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"


class _Collector(logging.Handler):
    """Keeps the first line of every warning and error; prints nothing."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.warnings: list[str] = []

    def emit(self, record):
        if record.levelno < logging.ERROR:  # errors reach the result through BuildFailed
            line = record.getMessage().splitlines()[0] if record.getMessage() else ""
            if line and line not in self.warnings:
                self.warnings.append(line)


def count_pages(output: Path) -> int:
    """Pages a visitor can open (not the intake's page shells, not redirect pages)."""
    from sales_leadership.redirects import stub_files

    stubs = stub_files(output)
    pages = [page for page in output.rglob("*.html") if INTAKE_FOLDER not in page.relative_to(output).parts]
    return len([page for page in pages if page not in stubs])


def build_quietly(settings_file: str | Path, output: str | Path, **overrides) -> BuildResult:
    """Build into `output` in this process; never raises for bad content (see `BuildResult.problems`)."""
    from pelican.log import console

    from site_guard.build import BuildFailed, build_site

    root = logging.getLogger()
    collector = _Collector()
    saved = (root.level, list(root.handlers), console.quiet)
    # A handler of our own on the root logger: build_site then leaves Pelican's (noisy) one out.
    root.handlers = [collector]
    root.setLevel(logging.WARNING)
    console.quiet = True  # Pelican's own "Done: Processed ..." line
    started = time.monotonic()
    try:
        build_site(settings_file, OUTPUT_PATH=str(output), **overrides)
    except BuildFailed as failure:
        problems = [line.strip() for line in str(failure).splitlines()[1:] if line.strip()]
        return BuildResult(False, time.monotonic() - started, problems=problems, warnings=collector.warnings)
    finally:
        root.handlers, console.quiet = saved[1], saved[2]
        root.setLevel(saved[0])
    return BuildResult(True, time.monotonic() - started, count_pages(Path(output)), warnings=collector.warnings)


def build_in_subprocess(
    settings_file: str | Path, output: str | Path, content: str | Path | None = None, env: dict[str, str] | None = None
) -> BuildResult:
    """The same build in a fresh Python (edited plugins and settings are read anew)."""
    started = time.monotonic()
    environment = dict(os.environ if env is None else env)
    environment["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "plugins")])
    done = subprocess.run(
        [sys.executable, "-m", "tools.live_preview.builder", str(settings_file), str(output)]
        + ([str(content)] if content else []),
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    last_line = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    try:
        return BuildResult(**json.loads(last_line))
    except (ValueError, TypeError):
        # Not a content problem: the build itself crashed (a bug in a plugin or the settings).
        error = next((line for line in reversed(done.stderr.splitlines()) if line.strip()), "no output")
        return BuildResult(
            False,
            time.monotonic() - started,
            problems=[f"the build crashed ({error.strip()}); run `invoke build` to see where"],
        )


def main(argv: list[str]) -> int:
    """`python -m tools.live_preview.builder SETTINGS OUTPUT [CONTENT]`: build, print the result as one JSON line."""
    settings_file, output, *content = argv
    overrides = {"PATH": str(Path(content[0]).resolve())} if content else {}
    result = build_quietly(settings_file, Path(output).resolve(), **overrides)
    print(json.dumps(asdict(result)))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
