"""The spam defence against a corpus: real-looking enquiries and spam of the kinds contact forms receive.

Every post goes through HTTP to the intake, as the page or a program would send it, on a clock the
test moves (so "sent after two minutes" and "sent within a second" are what they say). The figures
are asserted, written to reports/intake-corpus.md and recorded in docs/intake.md.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from intake.lifecycle import ALL_STATUSES
from tests.intake.support import ManualClock

CORPUS = Path(__file__).parent / "corpus"
ROOT = Path(__file__).resolve().parents[2]
DEFAULTS = {"enquiry_kind": "leadership", "role": "not-sure", "consent": "y", "website": "", "quiz_answers": ""}


@dataclass
class Result:
    id: str
    kind: str  # real or spam
    status: int
    outcome: str  # deliver, hold, drop; merged:<outcome> for a resubmission merged into an earlier post
    signals: tuple[str, ...]


def load(name: str) -> list[dict]:
    return yaml.safe_load((CORPUS / name).read_text(encoding="utf-8"))


def run_corpus(intake, clock: ManualClock) -> list[Result]:
    sent: dict[str, tuple[dict, str]] = {}  # id -> (fields, token) as posted
    tokens: dict[str, str] = {}
    results = []
    for kind, entries in (("real", load("real.yaml")), ("spam", load("spam.yaml"))):
        for number, entry in enumerate(entries):
            clock.advance(entry.get("wait", 300))
            if "replay" in entry:
                fields = dict(sent[entry["replay"]])
            else:
                fields = {**DEFAULTS, **{key: str(value).strip() for key, value in entry["fields"].items()}}
                fields["started"] = _token(intake, clock, entry.get("token", "human"), entry, tokens)
            tokens[entry["id"]] = fields["started"]
            sent[entry["id"]] = fields
            client = entry.get("client", f"203.0.113.{number + 1 if kind == 'real' else 100 + number}")
            before = intake.store.count_leads()
            reply = intake.post(fields, headers={"X-Forwarded-For": client})
            assert reply.status == 201, (entry["id"], reply.status, reply.body[:300])
            lead = intake.store.lead(reply.json()["reference"])
            merged = intake.store.count_leads() == before
            outcome = lead.verdict if lead.status != "held" else "hold"
            results.append(
                Result(entry["id"], kind, reply.status, f"merged:{outcome}" if merged else outcome, lead.spam_signals)
            )
    return results


def _token(intake, clock: ManualClock, how: str, entry: dict, tokens: dict[str, str]) -> str:
    if how == "none":
        return ""
    if how == "forged":
        return "eyJ0IjoxNzAwMDAwMDAwLCJuIjoiYWJjIiwibyI6IiJ9.ZmFrZQ.c2lnbmF0dXJlLW1hZGUtdXA"
    if how.startswith("from:"):
        return tokens[how.removeprefix("from:")]
    token = intake.request("GET", "/api/contact/token", headers={"Referer": intake.url + "/contact/"}).json()["token"]
    clock.advance({"fast": 0.6, "stale": 3 * 3600}.get(how, entry.get("think", 120)))
    return token


def summary(results: list[Result]) -> dict[str, Counter]:
    table = {"real": Counter(), "spam": Counter()}
    for result in results:
        table[result.kind][result.outcome.removeprefix("merged:")] += 1
        table[result.kind]["merged" if result.outcome.startswith("merged:") else "stored"] += 1
        table[result.kind]["posts"] += 1
    return table


def report(results: list[Result]) -> str:
    table = summary(results)
    lines = [
        "# Spam defence on the test corpus (tests/intake/corpus/)",
        "",
        "| posts | count | delivered | held for review | dropped | of which resubmissions merged |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind in ("real", "spam"):
        row = table[kind]
        lines.append(
            f"| {kind} | {row['posts']} | {row['deliver']} | {row['hold']} | {row['drop']} | {row['merged']} |"
        )
    lines += ["", "| post | outcome | signals |", "|---|---|---|"]
    lines += [f"| {r.id} | {r.outcome} | {', '.join(r.signals) or '-'} |" for r in results]
    return "\n".join(lines) + "\n"


@pytest.fixture
def corpus_intake(make_intake):
    clock = ManualClock(time.time())
    return make_intake(clock=clock, INTAKE_TRUSTED_PROXIES="1", INTAKE_RATE_LIMIT_POSTS="10"), clock


def test_the_spam_defence_delivers_or_holds_every_real_enquiry_and_lets_through_at_most_1_spam_in_30(corpus_intake):
    intake, clock = corpus_intake
    results = run_corpus(intake, clock)
    text = report(results)
    (ROOT / "reports").mkdir(exist_ok=True)
    (ROOT / "reports" / "intake-corpus.md").write_text(text, encoding="utf-8")
    print("\n" + text)
    table = summary(results)
    assert table["real"]["posts"] >= 30 and table["spam"]["posts"] >= 30
    assert table["real"]["drop"] == 0, [r for r in results if r.kind == "real" and r.outcome.endswith("drop")]
    assert table["real"]["deliver"] + table["real"]["hold"] == table["real"]["posts"]
    delivered_spam = [r for r in results if r.kind == "spam" and r.outcome == "deliver"]
    assert len(delivered_spam) * 30 <= table["spam"]["posts"], delivered_spam
    # Nothing a person might have sent is lost silently: every dropped post is stored and listed.
    assert {lead.status for lead in intake.store.leads()} <= set(ALL_STATUSES)
    assert len(intake.store.leads()) == sum(row["stored"] for row in table.values())
