"""`invoke profile-build`: where a build of the benchmark's synthetic site spends its time.

Builds the same 1,000-article site as `invoke bench` (our theme and plugins, no
content cache) in this process under pyinstrument, a sampling profiler whose
overhead is small enough to keep the proportions true, and writes the call tree
and the functions that take the most time themselves to reports/build-profile.txt.
The build is a fresh one apart from what this process has imported; the report
starts at the import of the site's build code. docs/build-speed.md reads such a
profile and keeps the before/after of the last speed work.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from pyinstrument import Profiler

from tests.quality.tools import REPORTS, ROOT

from .build import synthetic_content


def profile_build(articles: int = 1000, echo=print) -> Path:
    with tempfile.TemporaryDirectory(prefix="profile-") as scratch:
        content = synthetic_content(Path(scratch), articles)
        profiler = Profiler(interval=0.001)
        profiler.start()
        from site_guard.build import build_site

        build_site(
            ROOT / "pelicanconf.py",
            quiet=True,
            PATH=str(content),
            OUTPUT_PATH=str(Path(scratch) / "output"),
            CACHE_CONTENT=False,
            LOAD_CONTENT_CACHE=False,
        )
        profiler.stop()
    tree = profiler.output_text(show_all=False, short_mode=False)
    flat = profiler.output_text(flat=True, flat_time="self")
    REPORTS.mkdir(exist_ok=True)
    report = REPORTS / "build-profile.txt"
    report.write_text(f"{tree}\n\nFunctions by their own time:\n{flat}", encoding="utf-8")
    echo(tree)
    echo(f"Written to {report.relative_to(ROOT)} (with the functions by their own time).")
    return report
