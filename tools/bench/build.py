"""`invoke bench`: build-time benchmark and page-weight table (figures, not a timed test).

1. A synthetic site of 1,000 articles (synthetic.py) is built three times with
   our theme and plugins and three times with plain Pelican (its default theme,
   no plugins), runs interleaved (ours, plain, ours, plain ...) so machine noise
   hits both alike. Printed per run: wall-clock seconds and CPU seconds (user +
   system, the operating system's account of the finished process, which a busy
   machine disturbs less than the wall clock); then the medians, the ratio of the
   medians and the median of the run-by-run ratios.
2. The real site is built three times; the median is printed.
3. The real site's publish build (built for, and served at, a loopback origin,
   as the weight gate does) and its development build are loaded in Chromium;
   a page-weight table for each. (`invoke bench --builds-only` stops after 2.)
4. The lead intake's throughput and latency (intake.py).

Every build runs in a fresh Python process, cold (no content cache), with the
same log level, so the figures compare like with like. docs/build-speed.md says
what the build spends its time on and how to profile it.
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.quality.report import markdown_table
from tests.quality.tools import REPORTS, ROOT

from .synthetic import write_articles

PLAIN_SETTINGS = """\
AUTHOR = "Bench"
SITENAME = "Plain Pelican"
PATH = {path!r}
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = []
STATIC_PATHS = []
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
PLUGINS = []
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
"""

OUR_BUILD = (
    "import sys; from site_guard.build import build_site; "
    "build_site(sys.argv[1], quiet=True, PATH=sys.argv[2], OUTPUT_PATH=sys.argv[3], "
    "CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)"
)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = [
            line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")
        ]
        cpu = names[0] if names else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        total_kb = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        memory = f", {total_kb / 1024 / 1024:.0f} GB RAM"
    from pelican import __version__ as pelican_version

    load = f", load average at the start {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Pelican {pelican_version}{load}"
    )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds) of one build in a fresh process."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), str(ROOT)])}
    cpu_before = _children_cpu()
    start = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - cpu_before
    if finished.returncode != 0:
        raise RuntimeError(f"build failed: {' '.join(command)}\n{finished.stderr[-3000:]}")
    return elapsed, cpu


def our_build(content: Path, output: Path) -> list[str]:
    return [sys.executable, "-c", OUR_BUILD, str(ROOT / "pelicanconf.py"), str(content), str(output)]


def plain_build(settings: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "pelican", "-q", "-s", str(settings), "-o", str(output)]


def synthetic_content(folder: Path, articles: int) -> Path:
    """The real content (our nav, plugins and the quiz link to its pages and articles) plus synthetic articles."""
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    write_articles(content / "articles", count=articles)
    return content


def _row(label: str, times: list[float]) -> list[str]:
    return [label, *(f"{t:.2f}" for t in times), f"{statistics.median(times):.2f}"]


def _load() -> str:
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "unknown"


def _ratios(ours: list[float], plain: list[float]) -> str:
    """The ratio of the medians, and the median of the run-by-run ratios (each pair ran back to back)."""
    of_medians = statistics.median(ours) / statistics.median(plain)
    by_pair = statistics.median(a / b for a, b in zip(ours, plain, strict=True))
    return f"{of_medians:.2f}x (median of the run-by-run ratios {by_pair:.2f}x)"


def run_bench(chromium: str | None, articles: int = 1000, runs: int = 3, echo=print, builds_only: bool = False) -> str:
    """Run everything (only the builds when `builds_only`), print as it goes, return the report as Markdown."""
    lines: list[str] = []

    def say(text: str = "") -> None:
        lines.append(text)
        echo(text)

    say(f"Machine: {machine()}")
    say()
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        scratch = Path(scratch)
        content = synthetic_content(scratch, articles)
        plain_settings = scratch / "plainconf.py"
        plain_settings.write_text(PLAIN_SETTINGS.format(path=str(content)), encoding="utf-8")
        ours, plain, loads = [], [], []
        for run in range(1, runs + 1):
            echo(f"  synthetic site, run {run}/{runs} (load average {_load()}) ...")
            loads.append(_load())
            ours.append(_timed(our_build(content, scratch / f"ours-{run}")))
            plain.append(_timed(plain_build(plain_settings, scratch / f"plain-{run}")))
            shutil.rmtree(scratch / f"ours-{run}")
            shutil.rmtree(scratch / f"plain-{run}")
        headers = ["build (seconds)", *(f"run {n}" for n in range(1, runs + 1)), "median"]
        say(f"## Build time: synthetic site, {articles:,} articles of ~450 words, 8 categories, 24 tags")
        say()
        say(
            markdown_table(
                headers,
                [
                    _row("our theme + plugins, wall clock", [wall for wall, _ in ours]),
                    _row("plain Pelican, default theme, wall clock", [wall for wall, _ in plain]),
                    _row("our theme + plugins, CPU (user + system)", [cpu for _, cpu in ours]),
                    _row("plain Pelican, default theme, CPU (user + system)", [cpu for _, cpu in plain]),
                ],
            )
        )
        say()
        say(f"Ratio (ours / plain Pelican), wall clock: {_ratios([w for w, _ in ours], [w for w, _ in plain])}")
        say(f"Ratio (ours / plain Pelican), CPU: {_ratios([c for _, c in ours], [c for _, c in plain])}")
        say(f"Load average before each pair: {', '.join(loads)} (the machine has {os.cpu_count()} cores)")
        say()

        real = []
        for run in range(1, runs + 1):
            echo(f"  real site, run {run}/{runs} ...")
            real.append(_timed(our_build(ROOT / "content", scratch / "real")))
        pages = sorted((scratch / "real").rglob("*.html"))
        say(f"## Build time: the real site ({len(pages)} pages)")
        say()
        say(
            markdown_table(
                headers,
                [
                    _row("invoke build (pelicanconf.py), wall clock", [wall for wall, _ in real]),
                    _row("invoke build (pelicanconf.py), CPU (user + system)", [cpu for _, cpu in real]),
                ],
            )
        )
        say()
        if builds_only:
            return _finish(lines, say, intake=False)

        from tests.quality.visit import visit_all
        from tests.quality.weight import weigh, weight_table

        echo("  measuring page weight in Chromium ...")
        for build, visits in _visit_real_site(scratch, chromium, visit_all):
            say(f"## Page weight: the real site, {build} build")
            say()
            say(weight_table([weigh(v) for v in visits]))
            say()

    return _finish(lines, say, intake=True)


def _finish(lines: list[str], say, intake: bool) -> str:
    say(f"Load average at the end: {_load()} (figures from a busy machine vary more)")
    say()
    intake_lines = _intake_bench() if intake else []
    if intake_lines:
        say("## Lead intake")
        say()
        for line in intake_lines:
            say(line)
    text = "\n".join(lines) + "\n"
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "bench.md").write_text(text, encoding="utf-8")
    return text


def _visit_real_site(scratch: Path, chromium: str, visit_all) -> list[tuple[str, list]]:
    """Load every page of the publish build and of the development build (scratch/"real"), each
    served with the intake as the weight gate serves them (tests/quality/conftest.py)."""
    from playwright.sync_api import sync_playwright

    from tests.intake.support import free_port, intake_env, running_intake
    from tests.support import build_published, html_files, url_of

    port = free_port()
    builds = [("publish", scratch / "published", port), ("development", scratch / "real", None)]
    build_published(builds[0][1], f"http://127.0.0.1:{port}")
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        try:
            for name, output, build_port in builds:
                paths = [url_of(output, page) for page in html_files(output)]
                with running_intake(intake_env(scratch / f"intake-{name}"), output, port=build_port) as site:
                    results.append((name, visit_all(browser, site.url, paths)))
        finally:
            browser.close()
    return results


def _intake_bench() -> list[str]:
    """The intake's own figures (tools/bench/intake.py)."""
    from .intake import run_intake_bench

    return list(run_intake_bench())
