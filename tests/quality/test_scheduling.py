"""The first test pass shares whole test files between workers (tests/scheduling.py): a file's
module-scoped builds and browser visits are made once, on one worker. xdist's own grouping once
stopped working without a word (pytest-xdist issue #1386), so this runs a real parallel pytest and
reads which worker ran each test."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict

from tests.scheduling import LONGEST_FIRST, REPOSITORY_OUTPUT, order_longest_first, work_unit
from tests.support import ROOT

FILES = ("tests/quiz/test_scoring.py", "tests/partners/test_routing.py", "tests/intake/test_tokens.py")


def test_each_file_runs_whole_on_one_worker():
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadfile", "-v", *FILES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert "scheduling tests via OneWorkerPerTestFile" in run.stdout
    workers = defaultdict(set)
    for worker, nodeid in re.findall(r"^\[(gw\d+)\] \[\s*\d+%\] PASSED (\S+)", run.stdout, re.M):
        workers[nodeid.split("::")[0]].add(worker)
    assert set(workers) == set(FILES)
    assert all(len(used) == 1 for used in workers.values()), dict(workers)
    assert len(set().union(*workers.values())) == 2, "both workers had work"


def test_files_that_build_into_output_share_one_unit_and_the_longest_start_first():
    assert work_unit("tests/quality/test_security_headers.py::test_x") == REPOSITORY_OUTPUT
    assert work_unit("tests/quality/test_interactive_states.py::test_y[a]") == REPOSITORY_OUTPUT
    assert work_unit("tests/quiz/test_scoring.py::test_z") == "tests/quiz/test_scoring.py"

    class Item:
        def __init__(self, nodeid):
            self.nodeid = nodeid

    nodeids = ("tests/a/test_one.py::t1", "tests/quality/test_visual.py::t", "tests/a/test_one.py::t2")
    collected = [Item(nodeid) for nodeid in nodeids]
    order_longest_first(collected)
    assert [item.nodeid for item in collected] == [
        "tests/quality/test_visual.py::t",
        "tests/a/test_one.py::t1",
        "tests/a/test_one.py::t2",
    ]


def test_every_file_named_longest_first_exists():
    """A renamed file would silently drop to the back of the queue and leave a worker alone at the end."""
    from tests.scheduling import REPOSITORY_OUTPUT_FILES

    named = [unit for unit in LONGEST_FIRST if unit != REPOSITORY_OUTPUT] + sorted(REPOSITORY_OUTPUT_FILES)
    assert [path for path in named if not (ROOT / path).is_file()] == []
