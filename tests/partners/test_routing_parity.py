"""The browser's routing.mjs and the Python route() agree for every ZIP code and prefix.

The build writes `build_lookup(directory)` into the page; Node runs routing.mjs
over that table for every listed ZIP code, an unlisted ZIP code in each of the
1,000 prefixes, every state alone and a few malformed inputs; Python routes the
same inputs. Any disagreement is listed.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from sales_leadership.partners.model import load_directory
from sales_leadership.partners.routing import build_lookup, route
from sales_leadership.partners.zip_data import us_states, zip_places
from tests.support import CONTENT, ROOT

ROUTING_MODULE = ROOT / "plugins" / "partner_directory" / "static" / "routing.mjs"

NODE_SCRIPT = """
import { readFileSync, writeFileSync } from "node:fs";
import { createRouter, route } from %(module)s;
const lookup = JSON.parse(readFileSync(process.argv[2], "utf8"));
const inputs = JSON.parse(readFileSync(process.argv[3], "utf8"));
const router = createRouter(lookup);
const answers = inputs.map(([zipCode, state, country]) => {
  const found = route(router, { zipCode, state, country });
  return [found.slug, found.rule];
});
writeFileSync(process.argv[4], JSON.stringify(answers));
"""


def all_inputs() -> list[tuple[str, str, str]]:
    listed = zip_places()
    inputs = [(zip_code, "", "US") for zip_code in sorted(listed)]
    for number in range(1000):
        prefix = f"{number:03d}"
        unlisted = next((f"{prefix}{n:02d}" for n in range(100) if f"{prefix}{n:02d}" not in listed), None)
        if unlisted:
            inputs.append((unlisted, "", "US"))
            inputs.append((unlisted, "CO", "US"))
    inputs += [("", code, "US") for code in us_states()]
    inputs += [("", "ZZ", "US"), ("abcde", "TX", "US"), ("8020", "", "US"), (" 80202-1234 ", "", "US")]
    inputs += [("80202", "", "CA"), ("80202", "", "usa"), ("", "", "US")]
    return inputs


def node_routes(tmp_path: Path, lookup: dict, inputs: list) -> list[list[str]]:
    script = tmp_path / "route-all.mjs"
    script.write_text(NODE_SCRIPT % {"module": json.dumps(ROUTING_MODULE.as_uri())}, encoding="utf-8")
    (tmp_path / "lookup.json").write_text(json.dumps(lookup), encoding="utf-8")
    (tmp_path / "inputs.json").write_text(json.dumps(inputs), encoding="utf-8")
    subprocess.run(
        ["node", str(script), str(tmp_path / "lookup.json"), str(tmp_path / "inputs.json"), str(tmp_path / "out.json")],
        check=True,
    )
    return json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("which", ["sample partners", "small directory"])
def test_python_and_javascript_route_every_input_alike(tmp_path, which, request):
    directory = load_directory(CONTENT) if which == "sample partners" else request.getfixturevalue("small_directory")
    inputs = all_inputs()
    assert len(inputs) > 42_000
    browser = node_routes(tmp_path, build_lookup(directory), inputs)
    python = []
    for zip_code, state, country in inputs:
        found = route(directory, zip_code, state, country)
        python.append([found.partner.slug, found.rule])
    disagreements = [(inputs[i], python[i], browser[i]) for i in range(len(inputs)) if python[i] != browser[i]]
    assert disagreements == [], f"{len(disagreements)} disagreements, e.g. {disagreements[:5]}"
    rules = {rule for _, rule in python}
    assert rules == {"zip-prefix", "state", "nearest", "head-office"}, "the inputs should exercise every rule"
