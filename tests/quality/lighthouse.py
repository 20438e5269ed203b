"""Lighthouse 12.2.3 (pinned in package.json; 13 needs Node 22) with its mobile defaults.

The pages run one after another in one Node process and one headless Chromium
(`CHROME_PATH`; as root it needs `--no-sandbox`): lighthouse_pages.mjs, about 7 s
a page where the CLI took 13 s, most of it starting and stopping Node and Chromium.
The JSON and HTML reports are kept in reports/lighthouse/ for a closer look when
a score drops.

Scores from one run vary with the machine's load (simulated throttling scales
the CPU time it observes). A page that passes on its first run is done; one
that does not is run twice more and judged by its representative run, the
median by performance score, as Lighthouse CI picks it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .report import markdown_table
from .tools import LIGHTHOUSE_PAGES

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM_SCORE = 0.95
TIMEOUT_SECONDS = 180
RUNS_WHEN_BELOW = 3


@dataclass
class LighthouseResult:
    path: str
    scores: dict[str, float | None] = field(default_factory=dict)
    failed_audits: list[str] = field(default_factory=list)
    error: str = ""
    runs: int = 1

    def problems(self) -> list[str]:
        if self.error:
            return [f"{self.path}: Lighthouse did not finish: {self.error}"]
        low = [
            f"{name} {self.scores.get(name)}"
            for name in CATEGORIES
            if self.scores.get(name) is None or self.scores[name] < MINIMUM_SCORE
        ]
        if not low:
            return []
        audits = "; ".join(self.failed_audits[:12])
        return [f"{self.path}: {', '.join(low)} (minimum {MINIMUM_SCORE}); audits losing points: {audits}"]


def audit_pages(pages: list[tuple[str, str]], chrome: str, report_dir: Path) -> dict[str, LighthouseResult]:
    """Each (url, path) once; a page that falls short is judged by the representative of
    RUNS_WHEN_BELOW runs. Returns the results by path, in the order given."""
    results = {result.path: result for result in run_lighthouse(pages, chrome, report_dir)}
    short = [(url, path) for url, path in pages if results[path].problems()]
    runs = {path: [results[path]] for _, path in short}
    for attempt in range(2, RUNS_WHEN_BELOW + 1):
        if not short:
            break
        for result in run_lighthouse(short, chrome, report_dir, attempt):
            runs[result.path].append(result)
    for path, page_runs in runs.items():
        finished = sorted(
            (run for run in page_runs if not run.error), key=lambda run: run.scores.get("performance") or 0
        )
        if finished:
            results[path] = finished[len(finished) // 2]
        results[path].runs = len(page_runs)
    return results


def run_lighthouse(
    pages: list[tuple[str, str]], chrome: str, report_dir: Path, attempt: int = 1
) -> list[LighthouseResult]:
    """Audit each (url, path) once, one after another in one Chromium (lighthouse_pages.mjs);
    never raises for a failed run, each result says what went wrong."""
    report_dir.mkdir(parents=True, exist_ok=True)
    bases = {path: _report_base(report_dir, path, attempt) for _, path in pages}
    for base in bases.values():
        for stale in base.parent.glob(f"{base.name}.*"):
            stale.unlink()
    command = [shutil.which("node") or "node", str(LIGHTHOUSE_PAGES), ",".join(CATEGORIES)]
    for url, path in pages:
        command += [url, str(bases[path])]
    environment = {**os.environ, "CHROME_PATH": chrome}
    timeout = TIMEOUT_SECONDS * len(pages)
    try:
        finished = subprocess.run(
            command, capture_output=True, text=True, env=environment, timeout=timeout, check=False
        )
        batch_error = (finished.stderr or finished.stdout or f"exit {finished.returncode}").strip()[-1500:]
    except subprocess.TimeoutExpired:
        batch_error = f"no result after {timeout} s"
    return [_read_report(path, bases[path], batch_error) for _, path in pages]


def _report_base(report_dir: Path, path: str, attempt: int) -> Path:
    slug = path.strip("/").replace("/", "-") or "home"
    return report_dir / (slug if attempt == 1 else f"{slug}-run{attempt}")


def _read_report(path: str, base: Path, batch_error: str) -> LighthouseResult:
    result = LighthouseResult(path)
    report_file, error_file = Path(f"{base}.report.json"), Path(f"{base}.error.txt")
    if not report_file.is_file():
        result.error = (error_file.read_text(encoding="utf-8") if error_file.is_file() else batch_error)[-1500:]
        return result
    report = json.loads(report_file.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        result.error = report["runtimeError"].get("message", "runtime error")
    for name in CATEGORIES:
        category = report["categories"].get(name, {})
        result.scores[name] = category.get("score")
        for reference in category.get("auditRefs", []):
            audit = report["audits"][reference["id"]]
            if reference.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or audit.get("score")
                result.failed_audits.append(f"{name}/{reference['id']} ({shown})")
    return result


def scores_table(results: list[LighthouseResult]) -> str:
    rows = []
    for result in results:
        cells = [_score(result.scores.get(name)) if not result.error else "error" for name in CATEGORIES]
        rows.append([result.path, *cells, str(result.runs)])
    minimum = round(MINIMUM_SCORE * 100)
    note = (
        f"Lighthouse 12.2.3, mobile defaults (simulated throttling). Minimum per category: {minimum}. "
        "runs > 1: the first run fell short, and the median of 3 runs counts."
    )
    return markdown_table(["page", *CATEGORIES, "runs"], rows) + "\n\n" + note


def _score(score: float | None) -> str:
    return "n/a" if score is None else str(round(score * 100))
