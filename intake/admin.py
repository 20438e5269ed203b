"""What the operator's tasks show and do (`invoke leads`, `outbox`, `leads-purge`, `lead-export`,
`lead-erase`, `lead-release`, `lead-reject`).

Kept apart from tasks.py so the tests call the same functions the tasks do.
Everything a visitor typed passes `for_terminal` before it is printed and
`csv_cell` before it is exported (intake/safe_text.py).
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from collections.abc import Callable

from sales_leadership.contact.forms import FormChoices
from sales_leadership.quiz.model import Quiz

from .lifecycle import WAITING_FOR_CONTACT, Deadlines
from .mail import displayed_fields
from .quiz_view import quiz_answers_described, quiz_answers_line
from .safe_text import csv_cell, for_terminal
from .storage import Delivery, LeadStore, StoredLead, unix_time

LEAD_COLUMNS = ["reference", "created_at", "status", "partner", "route_rule", "verdict", "spam_score", "spam_reasons"]


class NotFound(LookupError):
    """No lead with that reference (str() says so)."""


def _delivery_state(store: LeadStore) -> dict[int, str]:
    """lead id -> 'sent' / 'pending' / 'failed' (the partner's e-mail); held and dropped leads have none."""
    return {
        delivery.lead_id: delivery.status
        for delivery in store.deliveries(include_sent=True)
        if delivery.kind == "partner"
    }


def _form_field_names(leads: list[StoredLead]) -> list[str]:
    names: list[str] = []
    for lead in leads:
        names.extend(name for name in lead.fields if name not in names)
    return names


def duration(seconds: float) -> str:
    """45 min, 3 h, 2 d: the age or the wait, roughly, as an operator glances at it."""
    seconds = max(seconds, 0)
    if seconds < 3600:
        return f"{int(seconds // 60)} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.0f} h"
    return f"{seconds / 86400:.0f} d"


def is_overdue(lead: StoredLead, now: float) -> bool:
    """Not marked at least contacted, and its first-response deadline has passed."""
    return lead.status in WAITING_FOR_CONTACT and lead.remind_at is not None and lead.remind_at <= now


def deadline_state(lead: StoredLead, now: float) -> str:
    if lead.status in ("held", "spam"):
        return f"{lead.verdict} (score {lead.spam_score}): {lead.spam_reason}"
    if lead.status == "escalated":
        return f"escalated {duration(now - (lead.escalated_at or now))} ago, not contacted"
    if lead.status == "new":
        if lead.remind_at is None:
            return "-"
        if now < lead.remind_at:
            return f"first contact due in {duration(lead.remind_at - now)}"
        escalation = f", escalation in {duration(lead.escalate_at - now)}" if lead.escalate_at > now else ""
        return f"OVERDUE by {duration(now - lead.remind_at)}{escalation}"
    if lead.first_contact_at is not None and lead.remind_at is not None:
        return "contacted in time" if lead.first_contact_at <= lead.remind_at else "contacted late"
    return "-"


def leads_table(
    store: LeadStore,
    include_spam: bool = False,
    limit: int = 50,
    held: bool = False,
    statuses: tuple[str, ...] = (),
    partner: str | None = None,
    overdue: bool = False,
) -> str:
    """The latest leads, newest first, one line each: status, partner, age and deadline state.

    `held`: only those waiting for review; `statuses`, `partner`, `overdue` filter further.
    """
    wanted = ("held",) if held else statuses
    if overdue:
        wanted = tuple(status for status in WAITING_FOR_CONTACT if not wanted or status in wanted)
    now = store.clock()
    leads = store.leads(include_spam=include_spam or "spam" in wanted, statuses=wanted, partner=partner or None)
    if overdue:
        leads = [lead for lead in leads if is_overdue(lead, now)]
    leads = leads[:limit]
    if not leads:
        if held:
            return "No leads are held for review."
        return "No leads match." if (statuses or partner or overdue) else "No leads stored yet."
    state = _delivery_state(store)
    rows = [["reference", "age", "name", "email", "partner", "status", "e-mail", "deadline"]]
    for lead in leads:
        age = duration(now - unix_time(lead.created_at))
        rows.append(
            [lead.reference, age, lead.fields.get("name", ""), lead.email, lead.partner_slug, lead.status,
             state.get(lead.id, "-"), deadline_state(lead, now)]
        )  # fmt: skip
    table = _table([[for_terminal(cell) for cell in row] for row in rows])
    if held:
        table += "\n\nRelease one with `invoke lead-release REFERENCE`; reject it with `invoke lead-reject REFERENCE`."
    return table


def leads_csv(store: LeadStore, include_spam: bool = False, quiz: Quiz | None = None) -> str:
    """Every stored lead with every form field, oldest first, for a spreadsheet or a CRM import.

    The quiz answers come twice: as posted (ids, for a machine) and as the owner read them.
    """
    leads = list(reversed(store.leads(include_spam=include_spam)))
    state = _delivery_state(store)
    field_names = _form_field_names(leads)
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow([*LEAD_COLUMNS, "delivery", *field_names, "quiz answers (as answered)"])
    for lead in leads:
        row = [lead.reference, lead.created_at, lead.status, lead.partner_slug, lead.route_rule, lead.verdict,
               str(lead.spam_score), lead.spam_reason, state.get(lead.id, "")]  # fmt: skip
        row += [lead.fields.get(name, "") for name in field_names]
        row.append(quiz_answers_line(quiz, lead.fields))
        writer.writerow([csv_cell(cell) for cell in row])
    return out.getvalue()


def lead_details(store: LeadStore, reference: str, choices: FormChoices, quiz: Quiz | None) -> str:
    """One lead in full, for the terminal: its fields and quiz answers by label, verdict, history, deliveries."""
    lead = find_lead(store, reference)
    lines = [
        f"{lead.reference}  received {lead.created_at[:16].replace('T', ' ')} UTC  status {lead.status}",
        f"Routed to {lead.partner_name} ({lead.partner_slug}, {lead.route_rule}): {lead.route_reason}",
        f"Spam check: {lead.verdict}, score {lead.spam_score}" + (f" ({lead.spam_reason})" if lead.spam_reason else ""),
        "",
        *_pairs(displayed_fields(lead.fields, choices)),
    ]
    quiz_lines = quiz_answers_described(quiz, lead.fields)
    if quiz_lines:
        lines += ["", "Quiz answers:", *_pairs(quiz_lines, indent="  ")]
    lines += ["", "History:"]
    for event in store.events(lead.id):
        note = f": {event.note}" if event.note else ""
        lines.append(f"  {_iso(event.at)[:16].replace('T', ' ')}  {event.kind} ({event.status}) by {event.actor}{note}")
    deliveries = store.deliveries(include_sent=True, lead_id=lead.id)
    if deliveries:
        lines += ["", "E-mails:"]
        now = store.clock()
        lines += [f"  {d.kind} to {d.recipient}: {_when(d, now)}" for d in deliveries]
    return "\n".join(for_terminal(line) for line in lines)


def _pairs(pairs: list[tuple[str, str]], indent: str = "") -> list[str]:
    lines = []
    for label, value in pairs:
        label = label.rstrip(".:") + ("" if label.endswith("?") else ":")
        first, *rest = value.split("\n") or [""]
        lines.append(f"{indent}{label} {first}")
        lines.extend(f"{indent}    {line}" for line in rest)
    return lines


def find_lead(store: LeadStore, reference: str) -> StoredLead:
    from .references import as_typed

    lead = store.lead(reference.strip()) or store.lead(as_typed(reference))
    if lead is None:
        raise NotFound(f"no lead with the reference {reference!r} (see `invoke leads`)")
    return lead


def release(
    store: LeadStore, reference: str, acknowledge: bool, schedule: Callable[[StoredLead], Deadlines] | None = None
) -> StoredLead:
    """A held lead goes to its partner (and the visitor gets the receipt) as if it had just arrived:
    its deadlines start now (`schedule` computes them from its partner's hours)."""
    lead = find_lead(store, reference)
    if lead.status != "held":
        raise ValueError(f"{lead.reference} is not held for review (its status is {lead.status})")
    deliveries = [("partner", lead.partner_email)]
    if acknowledge:
        deliveries.append(("acknowledgement", lead.email))
    return store.release(lead.id, deliveries, schedule(lead) if schedule else None)


def reject(store: LeadStore, reference: str) -> StoredLead:
    lead = find_lead(store, reference)
    if lead.status != "held":
        raise ValueError(f"{lead.reference} is not held for review (its status is {lead.status})")
    return store.reject(lead.id)


def outbox_table(store: LeadStore, include_sent: bool = False) -> str:
    deliveries = store.deliveries(include_sent=include_sent)
    if not deliveries:
        return "The outbox is empty: every lead has been delivered." if not include_sent else "The outbox is empty."
    now = store.clock()
    rows = [["id", "lead", "kind", "to", "status", "attempts", "next attempt", "last error"]]
    for delivery in deliveries:
        rows.append(
            [str(delivery.id), str(delivery.lead_id), delivery.kind, delivery.recipient, delivery.status,
             str(delivery.attempts), _when(delivery, now), delivery.last_error[:60]]
        )  # fmt: skip
    return _table([[for_terminal(cell) for cell in row] for row in rows])


def _when(delivery: Delivery, now: float) -> str:
    if delivery.status in ("sent", "failed", "cancelled"):
        done = f" {delivery.sent_at[:19].replace('T', ' ')}" if delivery.sent_at else ""
        return {"sent": f"sent{done}", "failed": "given up", "cancelled": "not needed"}[delivery.status]
    wait = delivery.next_attempt_at - now
    if wait <= 0:
        return "due now"
    return f"in {datetime.timedelta(seconds=round(wait))}"


def export_person(store: LeadStore, email: str, quiz: Quiz | None = None) -> str:
    """Everything stored about one person, as JSON (a subject access request)."""
    found = store.leads_for_email(email)
    return json.dumps(
        {
            "email": email,
            "leads": [
                {
                    "reference": lead.reference,
                    "created_at": lead.created_at,
                    "status": lead.status,
                    "fields": lead.fields,
                    "quiz_answers_as_answered": [
                        {"question": question, "answer": answer}
                        for question, answer in quiz_answers_described(quiz, lead.fields)
                    ],
                    "routed_to": {"partner": lead.partner_name, "rule": lead.route_rule, "reason": lead.route_reason},
                    "spam_check": {"verdict": lead.verdict, "score": lead.spam_score, "reasons": lead.spam_reason},
                    "sent_again_and_merged": lead.duplicates,
                    "history": [
                        {"at": _iso(event.at), "event": event.kind, "status": event.status, "by": event.actor}
                        for event in events
                    ],
                    "deliveries": [
                        {"kind": d.kind, "to": d.recipient, "status": d.status, "sent_at": d.sent_at}
                        for d in deliveries
                    ],
                }
                for lead, deliveries, events in found
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def _iso(moment: float) -> str:
    return datetime.datetime.fromtimestamp(moment, datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
