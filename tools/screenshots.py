"""Full-page screenshots of every page template, for a visual review by a person.

Why this exists: the automated gates (axe, the Nu checker, the weight budget, Lighthouse) prove a
page is valid, light and accessible; none of them says whether it looks like a firm an owner would
call. That judgement needs eyes on the pages, at a phone's width and a desktop's, in light and dark
colours. This tool takes those pictures the same way every time so a reviewer (or a before/after
comparison) looks at the same set.

It builds nothing itself: give it a built output folder (`invoke screenshots` builds one into a
temporary folder and calls `take_screenshots`). The folder is served on loopback by the project's
own static server (intake.server, with the security headers of the build's `_headers` file, so the
pages run under the real Content-Security-Policy), and Debian's Chromium is driven by Playwright
(`playwright install` cannot download browsers on our machines; `executable_path` points at the
system binary).

One PNG per template, width and colour scheme: `reports/screenshots/<name>-<width>-<scheme>.png`.

    python -m tools.screenshots output/ [--out reports/screenshots] [--only home,quiz-result]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from tools.chromium import browser_path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "reports" / "screenshots"
VIEWPORTS = {390: 844, 1280: 800}
SCHEMES = ("light", "dark")
# A complete set of quiz answers (README, "The quiz and analytics"): the address holds the answers,
# so this URL opens the result state without clicking through the questions.
QUIZ_ANSWERS = (
    "team_size=small&revenue=1-15m&leader_situation=owner-led&primary_need=build"
    "&leadership_seat=no&stage=established&commitment=part-time"
)


@dataclass(frozen=True)
class Shot:
    name: str  # file name stem: which template this page stands for
    path: str  # root-relative URL


def _first_page_under(output: Path, folder: str, exclude: tuple[str, ...] = ()) -> str | None:
    """The URL of the first `<folder>/<slug>/index.html` in the build, skipping listing folders."""
    base = output / folder
    if not base.is_dir():
        return None
    for child in sorted(base.iterdir()):
        if child.name in exclude or not (child / "index.html").is_file():
            continue
        return f"/{folder}/{child.name}/"
    return None


def pages_to_shoot(output: Path) -> list[Shot]:
    """One page per template; the article, partner and case study are whichever the build has first."""
    shots = [
        Shot("home", "/"),
        Shot("role", "/roles/part-time-sales-manager/"),
        Shot("compare", "/compare/"),
        Shot("approach", "/approach/"),
        Shot("quiz-start", "/quiz/"),
        Shot("quiz-result", f"/quiz/?{QUIZ_ANSWERS}"),
        Shot("partners", "/partners/"),
        Shot("contact", "/contact/"),
        Shot("thanks", "/contact/thanks/"),
        Shot("faq", "/faq/"),
        Shot("insights", "/insights/"),
        Shot("case-studies", "/case-studies/"),
        Shot("404", "/404.html"),
    ]
    found = {
        "partner": _first_page_under(output, "partners"),
        "article": _first_page_under(output, "insights", exclude=("category", "categories", "tag", "tags", "page")),
        "case-study": _first_page_under(output, "case-studies"),
    }
    shots += [Shot(name, path) for name, path in found.items() if path]
    return [shot for shot in shots if _exists(output, shot.path)]


def _exists(output: Path, path: str) -> bool:
    relative = path.split("?", 1)[0].lstrip("/")
    target = output / relative
    return target.is_file() or (target / "index.html").is_file()


def chromium_path() -> str:
    """$CHROMIUM, else Debian's Chromium binary (not the /usr/bin wrapper, which prints noise)."""
    found = browser_path()
    if not found:
        raise SystemExit("No Chromium found: install Debian's 'chromium' package or set CHROMIUM=/path/to/chrome.")
    return found


def take_screenshots(
    output: Path, out_dir: Path = DEFAULT_OUT, only: set[str] | None = None, widths: tuple[int, ...] = ()
) -> list[Path]:
    """Serve `output` on loopback and write one full-page PNG per page, width and scheme."""
    sys.path[:0] = [p for p in (str(ROOT), str(ROOT / "plugins")) if p not in sys.path]
    from playwright.sync_api import sync_playwright

    from intake.server import RunningServer, StaticSite

    output = Path(output).resolve()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    shots = [shot for shot in pages_to_shoot(output) if not only or shot.name in only]
    sizes = {width: height for width, height in VIEWPORTS.items() if not widths or width in widths}
    written: list[Path] = []
    with RunningServer(StaticSite(output)) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path())
        try:
            for scheme in SCHEMES:
                for width, height in sizes.items():
                    context = browser.new_context(
                        viewport={"width": width, "height": height}, color_scheme=scheme, reduced_motion="reduce"
                    )
                    page = context.new_page()
                    for shot in shots:
                        page.goto(server.url + shot.path, wait_until="networkidle")
                        target = out_dir / f"{shot.name}-{width}-{scheme}.png"
                        page.screenshot(path=str(target), full_page=True)
                        written.append(target)
                    context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("output", type=Path, help="a built site folder (invoke build / preview)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the PNGs go")
    parser.add_argument("--only", default="", help="comma-separated names, e.g. home,quiz-result")
    parser.add_argument("--widths", default="", help="comma-separated viewport widths (390, 1280)")
    args = parser.parse_args(argv)
    only = {name.strip() for name in args.only.split(",") if name.strip()} or None
    widths = tuple(int(width) for width in args.widths.split(",") if width.strip())
    written = take_screenshots(args.output, args.out, only, widths)
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
