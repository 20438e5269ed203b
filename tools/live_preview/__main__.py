"""`python -m tools.live_preview [--content content] [--output output] [--host H] [--port P]`.

What `invoke livereload` runs, with the folders as options (the tests preview a copy of the content).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .builder import ROOT
from .session import run_preview

WATCHED_CODE = ("theme", "plugins", "sales_leadership", "pelicanconf.py")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.live_preview", description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    options = parser.parse_args()
    content = options.content.resolve()
    watched = [content, *(ROOT / name for name in WATCHED_CODE)]
    run_preview(options.settings, content, options.output.resolve(), options.host, options.port, watched)


if __name__ == "__main__":
    main()
