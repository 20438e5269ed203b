"""axe-core in Chromium (the pinned npm copy, node_modules/axe-core): WCAG 2.0/2.1/2.2 A and AA rules
plus best practices. Every browser test that checks accessibility uses this one module.

Use from any browser test, for a page or for a state a script has driven it to:

    from tests.axe import assert_no_axe_violations

    @pytest.mark.browser_context_args(bypass_csp=True)
    def test_quiz_step_is_accessible(page, site_url):
        page.goto(site_url + "/quiz/")
        assert_no_axe_violations(page, "quiz, step 1")

axe is injected as a <script> element, which the site's strict CSP refuses;
the page's browser context must be created with `bypass_csp=True` (the marker
above, or `new_context(bypass_csp=True)`). The CSP itself is checked by other
tests in a context that enforces it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.quality.tools import AXE_SCRIPT, missing_tools

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")

_RUN_AXE = """
async (tags) => {
  const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact || "",
    help: v.help,
    url: v.helpUrl,
    targets: v.nodes.map((node) => node.target.join(" ")),
    summary: (v.nodes[0] && v.nodes[0].failureSummary) || "",
  }));
}
"""


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    url: str
    targets: tuple[str, ...]
    summary: str

    def __str__(self) -> str:
        where = ", ".join(self.targets[:4]) + (f" and {len(self.targets) - 4} more" if len(self.targets) > 4 else "")
        detail = " ".join(self.summary.split())
        return f"{self.rule} ({self.impact}): {self.help}; at {where}. {detail} See {self.url}"


def _require_axe() -> None:
    problems = missing_tools(AXE_SCRIPT)
    if problems:
        raise AssertionError("; ".join(problems))


def _inject(page) -> None:
    _require_axe()
    if page.evaluate("() => typeof window.axe === 'object'"):
        return
    try:
        page.add_script_tag(path=str(AXE_SCRIPT))
    except Exception as error:
        raise AssertionError(
            "could not inject axe-core into the page; create its browser context with bypass_csp=True "
            f"(e.g. @pytest.mark.browser_context_args(bypass_csp=True)): {error}"
        ) from error
    if not page.evaluate("() => typeof window.axe === 'object'"):
        raise AssertionError(
            "axe-core did not load: the page's Content-Security-Policy blocked it; "
            "create the browser context with bypass_csp=True"
        )


def preload_axe(context) -> None:
    """Have axe in every page `context` opens from now on (a context made with bypass_csp=True).

    For a test that audits page after page: injecting axe into each loaded page sends and compiles
    its 500 KB again every time, about 0.2 s a page; an init script is sent once."""
    _require_axe()
    context.add_init_script(path=str(AXE_SCRIPT))


def axe_violations(page) -> list[Violation]:
    """Run axe on the page as it is now (after any clicks a test made)."""
    _inject(page)
    raw = page.evaluate(_RUN_AXE, list(AXE_TAGS))
    return [
        Violation(item["rule"], item["impact"], item["help"], item["url"], tuple(item["targets"]), item["summary"])
        for item in raw
    ]


def describe(label: str, violations: list[Violation]) -> str:
    lines = [f"{label}: {len(violations)} accessibility violation(s)"]
    lines.extend(f"  - {violation}" for violation in violations)
    return "\n".join(lines)


def assert_no_axe_violations(page, label: str) -> None:
    """Fail with `label` (which page, which state) and every violation axe found."""
    violations = axe_violations(page)
    assert not violations, describe(label, violations)
