"""The shape of the house: the site build and the lead intake are two adapters over one core.

Each check imports in a fresh interpreter (this test process has Pelican loaded
already) and lists what came along.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import sales_leadership
from tests.support import ROOT

PLUGINS = sorted(path.name for path in (ROOT / "plugins").iterdir() if (path / "__init__.py").is_file())


def _loaded_after(statement: str) -> set[str]:
    """Top-level packages imported by `statement` in a fresh Python, the project root on the path only."""
    code = f"import sys, json; {statement}; print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT)},
    )
    return set(json.loads(done.stdout))


def test_importing_the_intake_loads_neither_pelican_nor_a_plugin():
    loaded = _loaded_after("import intake.app, intake.server, intake.admin")
    assert "pelican" not in loaded
    assert not loaded & set(PLUGINS), f"the intake imports plugins: {sorted(loaded & set(PLUGINS))}"
    assert "sales_leadership" in loaded


def test_the_core_imports_neither_pelican_nor_the_intake_nor_a_plugin():
    modules = [info.name for info in pkgutil.walk_packages(sales_leadership.__path__, "sales_leadership.")]
    assert len(modules) > 10
    loaded = _loaded_after("; ".join(f"import {name}" for name in modules))
    assert not loaded & {"pelican", "intake", *PLUGINS}, sorted(loaded & {"pelican", "intake", *PLUGINS})


def test_gunicorn_needs_no_path_tricks():
    config = (ROOT / "deploy" / "gunicorn.conf.py").read_text(encoding="utf-8")
    assert "pythonpath" not in config
