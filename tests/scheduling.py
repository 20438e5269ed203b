"""How the test files are shared out between pytest-xdist workers (docs/test-speed.md).

One test file runs whole on one worker, so its module-scoped builds, servers and browser visits are
made once; the files that build into the repository's own output/ share one worker, so two builds
never write that folder at once; the longest files start first, so no worker is left running one
alone at the end.

xdist's `--dist loadgroup` would do the grouping from `xdist_group` marks, but since pytest 9.2 it
silently does nothing (pytest-xdist issue #1386: it renames test ids through a field pytest no
longer reads), and every test was scheduled on its own: a file's module fixtures were made on both
workers, and a browser gate visited all 59 pages twice. This scheduler reads the test's file from
its id instead, through xdist's documented `pytest_xdist_make_scheduler` hook.
"""

from __future__ import annotations

from xdist.scheduler import LoadScopeScheduling

# Test files that use the repository's own output/ (`invoke serve` builds there).
REPOSITORY_OUTPUT_FILES = frozenset(
    {
        "tests/quality/test_security_headers.py",
        "tests/quality/test_interactive_states.py",
    }
)
REPOSITORY_OUTPUT = "repository-output"

# The files that take longest (`pytest --durations=0`, 2026-12-02, headless shell), longest first:
# started at once, they overlap with everything else. Any other file follows in collection order.
LONGEST_FIRST = (
    "tests/quality/test_visual.py",
    "tests/quality/test_page_loads.py",
    "tests/quality/test_accessibility.py",
    "tests/deploy/test_proxies.py",
    "tests/quiz/test_browser.py",
    REPOSITORY_OUTPUT,
    "tests/contact/test_browser.py",
)


def file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def work_unit(nodeid: str) -> str:
    """The unit one worker runs whole: the test's file, or the group of files sharing output/."""
    path = file_of(nodeid)
    return REPOSITORY_OUTPUT if path in REPOSITORY_OUTPUT_FILES else path


def start_order(nodeid: str) -> int:
    unit = work_unit(nodeid)
    return LONGEST_FIRST.index(unit) if unit in LONGEST_FIRST else len(LONGEST_FIRST)


class OneWorkerPerTestFile(LoadScopeScheduling):
    """xdist's scope scheduling, with our work units, in the order the items were collected
    (`order_longest_first` sorts them on every worker, so the order is the same everywhere)."""

    def __init__(self, config, log=None):
        super().__init__(config, log)
        config.option.loadscopereorder = False  # xdist's default: most tests first, not longest first

    def _split_scope(self, nodeid: str) -> str:
        return work_unit(nodeid)


def order_longest_first(items: list) -> None:
    """Sort the collected items so the longest work units come first (a stable sort: pytest's order
    within a file, and its fixture-minded order of parameters, are kept)."""
    items.sort(key=lambda item: start_order(item.nodeid))
