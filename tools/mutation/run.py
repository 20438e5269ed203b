"""`invoke mutate [MODULE]`: mutation testing of the domain core with cosmic-ray, one module at a time.

cosmic-ray writes each mutant over the module's file and runs the test command, so the runs happen
in a copy of the project (the files git knows, committed or not) in a temporary folder: the work
tree is never touched, even when a run is interrupted. Mutants run one after another (the machine
is shared; one test process at a time). The cosmic-ray session of each module is kept in
reports/mutation/<name>.sqlite (`cr-report` and `cr-html` read it).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from cosmic_ray.commands import init
from cosmic_ray.mutating import mutate_and_test
from cosmic_ray.testing import run_tests
from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkResult

from .plan import ROOT, Equivalent, Mutant, Plan, Target, load_equivalents, load_plan, mutants_of

REPORTS = ROOT / "reports" / "mutation"
# A mutant whose tests run this many times longer than the unmutated tests is stuck (an endless
# loop, a lock never released) and counted as killed: the tests did notice, by never finishing.
TIMEOUT_FACTOR = 10
TIMEOUT_FLOOR_SECONDS = 60.0


@dataclass
class FileScore:
    module: str
    killed: int = 0
    survived: list[Mutant] = field(default_factory=list)
    equivalent: int = 0
    not_equivalent: list[Equivalent] = field(default_factory=list)  # listed, yet the tests noticed
    errors: list[tuple[Mutant, str]] = field(default_factory=list)  # cosmic-ray could not run the mutant

    @property
    def counted(self) -> int:
        return self.killed + len(self.survived)

    @property
    def score(self) -> float:
        return 100.0 * self.killed / self.counted if self.counted else 100.0


@dataclass
class TargetScore:
    target: Target
    files: list[FileScore]
    seconds: float
    skipped_annotations: int

    @property
    def killed(self) -> int:
        return sum(f.killed for f in self.files)

    @property
    def survived(self) -> int:
        return sum(len(f.survived) for f in self.files)

    @property
    def equivalent(self) -> int:
        return sum(f.equivalent for f in self.files)

    @property
    def score(self) -> float:
        counted = self.killed + self.survived
        return 100.0 * self.killed / counted if counted else 100.0


def test_command(target: Target) -> str:
    """The module's own tests, stopping at the first failure; no browser plugin, no cache written."""
    tests = " ".join(shlex.quote(test) for test in target.tests)
    return f"{shlex.quote(sys.executable)} -m pytest -x -q -p no:cacheprovider -p no:playwright -p no:anyio {tests}"


def copy_project(destination: Path) -> Path:
    """The files git knows (tracked, or new and not ignored), as they are in the work tree now."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, (entry.decode() for entry in listed)):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def run_target(
    plan: Plan, target: Target, equivalents: list[Equivalent], out=print, incremental: bool = False
) -> TargetScore:
    """Run every mutant of the target, or with `incremental` only those not killed by the last run of the
    same module sources (its kills stand: tests only added since cannot bring a mutant back to life)."""
    listed = {equivalent.key: equivalent for equivalent in equivalents}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix=f"mutate-{target.name}-") as folder:
        project = copy_project(Path(folder) / "project")
        with contextlib.chdir(project):
            baseline_started = time.monotonic()
            outcome, output = run_tests(test_command(target), timeout=3600)
            baseline = time.monotonic() - baseline_started
            if outcome != TestOutcome.SURVIVED:
                raise RuntimeError(f"{target.name}: the unmutated tests fail, so no mutant can be judged:\n{output}")
            timeout = max(TIMEOUT_FLOOR_SECONDS, TIMEOUT_FACTOR * baseline)
            mutants = {}
            for module in target.files:
                for mutant in mutants_of(project / module, plan, project):
                    mutants[(module, mutant.operator, mutant.occurrence)] = mutant
            REPORTS.mkdir(parents=True, exist_ok=True)
            session = REPORTS / f"{target.name}.sqlite"
            sources = {module: _digest(project / module) for module in target.files}
            killed_before = _previous_kills(target, sources) if incremental else {}
            session.unlink(missing_ok=True)
            session.with_suffix(".json").write_text(json.dumps({"sources": sources}), encoding="utf-8")
            with use_db(str(session), WorkDB.Mode.create) as db:
                init([project / module for module in target.files], db, {})
                work = []
                skipped_annotations = 0
                for item in db.pending_work_items:
                    spec = item.mutations[0]
                    module = Path(spec.module_path).relative_to(project).as_posix()
                    mutant = mutants.get((module, spec.operator_name, spec.occurrence))
                    if mutant is None or mutant.in_annotation:
                        skipped_annotations += mutant is not None
                        db.set_result(item.job_id, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
                        continue
                    work.append((item, mutant))
                scores = {module: FileScore(module) for module in target.files}
                reused = [(item, mutant) for item, mutant in work if _key(mutant) in killed_before]
                for item, mutant in reused:
                    db.set_result(item.job_id, killed_before[_key(mutant)])
                    _count(scores[mutant.module], mutant, killed_before[_key(mutant)], listed.get(mutant.key))
                work = [entry for entry in work if _key(entry[1]) not in killed_before]
                out(
                    f"{target.name}: {len(work)} mutants of {', '.join(target.files)} to run"
                    + (f" ({len(reused)} killed by the last run of the same code)" if incremental else "")
                    + f"; tests: {' '.join(target.tests)} ({baseline:.1f} s unmutated, timeout {timeout:.0f} s)"
                )
                for number, (item, mutant) in enumerate(work, 1):
                    result = mutate_and_test(item.mutations, test_command(target), timeout)
                    db.set_result(item.job_id, result)
                    _count(scores[mutant.module], mutant, result, listed.get(mutant.key))
                    if number % 10 == 0 or number == len(work):
                        out(f"  {number}/{len(work)} run, {time.monotonic() - started:.0f} s")
    return TargetScore(target, list(scores.values()), time.monotonic() - started, skipped_annotations)


def _key(mutant: Mutant) -> tuple[str, str, int]:
    return mutant.module, mutant.operator, mutant.occurrence


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _previous_kills(target: Target, sources: dict[str, str]) -> dict[tuple[str, str, int], WorkResult]:
    """The mutants the last run (even an interrupted one) killed, in modules whose source has not changed."""
    session = REPORTS / f"{target.name}.sqlite"
    recorded = session.with_suffix(".json")
    if not session.exists() or not recorded.exists():
        return {}
    unchanged = {
        m
        for m, digest in json.loads(recorded.read_text(encoding="utf-8"))["sources"].items()
        if sources.get(m) == digest
    }
    found = {}
    with use_db(str(session), WorkDB.Mode.open) as db:
        items = {item.job_id: item.mutations[0] for item in db.work_items}
        for job_id, result in db.results:
            spec = items[job_id]
            module = Path(spec.module_path).as_posix().split("/project/", 1)[-1]
            if module in unchanged and result.test_outcome == TestOutcome.KILLED:
                found[(module, spec.operator_name, spec.occurrence)] = result
    return found


def _count(score: FileScore, mutant: Mutant, result: WorkResult, equivalent: Equivalent | None) -> None:
    if result.worker_outcome != WorkerOutcome.NORMAL or result.test_outcome == TestOutcome.INCOMPETENT:
        score.errors.append((mutant, (result.output or "")[-2000:]))
    elif result.test_outcome == TestOutcome.KILLED:
        score.killed += 1
        if equivalent is not None:
            score.not_equivalent.append(equivalent)
    elif equivalent is not None:
        score.equivalent += 1
    else:
        score.survived.append(mutant)


def stale_equivalents(modules: list[str], plan: Plan, equivalents: list[Equivalent], root: Path = ROOT):
    """Entries of equivalents.toml for these modules that match no mutant of today's code (look again)."""
    keys = {
        mutant.key for module in modules for mutant in mutants_of(root / module, plan, root) if not mutant.in_annotation
    }
    return [equivalent for equivalent in equivalents if equivalent.module in modules and equivalent.key not in keys]


def report(result: TargetScore, out=print) -> None:
    minutes, seconds = divmod(round(result.seconds), 60)
    for file in result.files:
        out(
            f"{file.module}: {file.counted + file.equivalent} mutants, {file.killed} killed, "
            f"{len(file.survived)} survived, {file.equivalent} equivalent: {file.score:.1f}%"
        )
        for mutant in file.survived:
            out(f"  survived  {mutant.module}:{mutant.line_number}  {mutant.operator}")
            for line in mutant.line.splitlines():
                out(f"      - {line}")
            for line in mutant.mutant.splitlines() or ["(removed)"]:
                out(f"      + {line}")
        for equivalent in file.not_equivalent:
            out(f"  listed as equivalent, but the tests noticed it (remove it from equivalents.toml): {equivalent}")
        for mutant, output in file.errors:
            out(f"  NOT RUN  {mutant.module}:{mutant.line_number}  {mutant.operator}: {output.strip()[-300:]}")
    out(
        f"{result.target.name}: {result.score:.1f}% ({result.killed} killed, {result.survived} survived, "
        f"{result.equivalent} equivalent; {result.skipped_annotations} in annotations not counted) "
        f"in {minutes} min {seconds:02d} s"
    )
    survivors = [mutant for file in result.files for mutant in file.survived]
    if survivors:
        path = REPORTS / f"{result.target.name}-survivors.toml"
        path.write_text("\n\n".join(mutant.as_toml() for mutant in survivors) + "\n", encoding="utf-8")
        out(f"  the survivors as equivalents.toml entries (only for the truly equivalent ones): {path}")


def main(names: list[str], out=print, incremental: bool = False) -> int:
    """Run the named modules (all of them when none is named); 1 when one scores below the minimum."""
    plan = load_plan()
    equivalents = load_equivalents()
    unknown = [name for name in names if name not in plan.targets]
    if unknown:
        out(f"No module named {', '.join(unknown)}; the modules are: {', '.join(plan.targets)}")
        return 2
    failed = []
    names = names or list(plan.targets)
    for name in names:
        result = run_target(plan, plan.targets[name], equivalents, out, incremental)
        report(result, out)
        if result.score < plan.minimum_score or any(f.not_equivalent or f.errors for f in result.files):
            failed.append(name)
    stale = stale_equivalents([m for name in names for m in plan.targets[name].files], plan, equivalents)
    for equivalent in stale:
        out(
            f"equivalents.toml: no mutant of today's code matches {equivalent.module}: {equivalent.line!r}; "
            "look at that line again and update or remove the entry"
        )
    if failed or stale:
        out(f"Below {plan.minimum_score:g}% or needing attention: {', '.join(failed) or 'equivalents.toml'}")
        return 1
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the temporary copy is removed
    arguments = sys.argv[1:]
    sys.exit(main([a for a in arguments if a != "--incremental"], incremental="--incremental" in arguments))
