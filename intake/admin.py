"""What the operator's tasks show and do (`invoke leads`, `outbox`, `leads-purge`, `lead-export`, `lead-erase`).

Kept apart from tasks.py so the tests call the same functions the tasks do.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import time

from sales_leadership.quiz.answers import for_lead, lead_lines
from sales_leadership.quiz.model import Quiz

from .storage import Delivery, LeadStore, StoredLead

LEAD_COLUMNS = ["reference", "created_at", "partner", "route_rule", "spam_reason", "delivery"]


def _delivery_state(store: LeadStore) -> dict[int, str]:
    """lead id -> 'sent' / 'pending' (partner e-mail); spam leads have none."""
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


def _quiz_answers(lead: StoredLead, quiz: Quiz | None) -> list[tuple[str, str]]:
    """The lead's quiz answers as the owner read them (the recommendation first), if it has any."""
    return for_lead(quiz, lead.fields.get("quiz_answers", "")) if quiz else []


def _quiz_line(lead: StoredLead, quiz: Quiz | None) -> str:
    return "; ".join(lead_lines(quiz, lead.fields.get("quiz_answers", ""))) if quiz else ""


def leads_table(store: LeadStore, include_spam: bool = False, limit: int = 50, quiz: Quiz | None = None) -> str:
    """The latest leads, newest first, one line each (and, given the quiz, a line with the lead's answers)."""
    leads = store.leads(include_spam=include_spam, limit=limit)
    if not leads:
        return "No leads stored yet."
    state = _delivery_state(store)
    rows = [["created (UTC)", "name", "email", "partner", "rule", "delivery"]]
    for lead in leads:
        delivery = "spam: " + lead.spam_reason if lead.spam else state.get(lead.id, "-")
        rows.append(
            [lead.created_at[:19].replace("T", " "), lead.fields.get("name", ""), lead.email, lead.partner_slug,
             lead.route_rule, delivery]
        )  # fmt: skip
    table = _table(rows).split("\n")
    lines = table[:2]
    for lead, line in zip(leads, table[2:], strict=True):
        lines.append(line)
        if quiz_line := _quiz_line(lead, quiz):
            lines.append(f"    quiz: {quiz_line}")
    return "\n".join(lines)


def leads_csv(store: LeadStore, include_spam: bool = False, quiz: Quiz | None = None) -> str:
    """Every stored lead with every form field, oldest first, for a spreadsheet or a CRM import.

    Given the quiz, a last column `quiz` holds the answers in the owner's words.
    """
    leads = list(reversed(store.leads(include_spam=include_spam)))
    state = _delivery_state(store)
    field_names = _form_field_names(leads)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(LEAD_COLUMNS + field_names + (["quiz"] if quiz else []))
    for lead in leads:
        writer.writerow(
            [lead.public_id, lead.created_at, lead.partner_slug, lead.route_rule, lead.spam_reason,
             state.get(lead.id, "")] + [_csv_safe(lead.fields.get(name, "")) for name in field_names]
            + ([_csv_safe(_quiz_line(lead, quiz))] if quiz else [])
        )  # fmt: skip
    return out.getvalue()


def _csv_safe(value: str) -> str:
    """Keep a visitor's "=HYPERLINK(...)" from becoming a formula when the export is opened in a spreadsheet."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def outbox_table(store: LeadStore, include_sent: bool = False) -> str:
    deliveries = store.deliveries(include_sent=include_sent)
    if not deliveries:
        return "The outbox is empty: every lead has been delivered." if not include_sent else "The outbox is empty."
    now = time.time()
    rows = [["id", "lead", "kind", "to", "status", "attempts", "next attempt", "last error"]]
    for delivery in deliveries:
        rows.append(
            [str(delivery.id), str(delivery.lead_id), delivery.kind, delivery.recipient, delivery.status,
             str(delivery.attempts), _when(delivery, now), delivery.last_error[:60]]
        )  # fmt: skip
    return _table(rows)


def _when(delivery: Delivery, now: float) -> str:
    if delivery.status == "sent":
        return f"sent {delivery.sent_at[:19].replace('T', ' ')}" if delivery.sent_at else "sent"
    wait = delivery.next_attempt_at - now
    if wait <= 0:
        return "due now"
    return f"in {datetime.timedelta(seconds=round(wait))}"


def export_person(store: LeadStore, email: str, quiz: Quiz | None = None) -> str:
    """Everything stored about one person, as JSON (a subject access request); given the quiz, their
    answers in the words they clicked as well as the stored ids."""
    found = store.leads_for_email(email)
    return json.dumps(
        {
            "email": email,
            "leads": [
                {
                    "reference": lead.public_id,
                    "created_at": lead.created_at,
                    "fields": lead.fields,
                    "quiz_answers": [
                        {"question": label, "answer": value} for label, value in _quiz_answers(lead, quiz)
                    ],
                    "routed_to": {"partner": lead.partner_name, "rule": lead.route_rule, "reason": lead.route_reason},
                    "spam": lead.spam_reason or None,
                    "deliveries": [
                        {"kind": d.kind, "to": d.recipient, "status": d.status, "sent_at": d.sent_at}
                        for d in deliveries
                    ],
                }
                for lead, deliveries in found
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
