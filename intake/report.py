"""The head office's report (`invoke report`): how the network answers its leads, per partner and overall.

For the leads sent to partners in the period (held and spam ones are not leads):
how many came in; the share contacted in time (marked contacted, or further, by
the first-response deadline, among those whose deadline has passed or that were
contacted); the median time to first contact in the partner's business hours;
the statuses (meeting, won, lost, not a fit); escalations; and the leads by the
role they asked about and by the quiz's recommendation for the answers they sent.

Three forms: text for the terminal, CSV for a spreadsheet, and one self-contained
HTML page (inline style and SVG bar charts, no request to anywhere) that prints well.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from sales_leadership.partners.model import Directory, Partner
from sales_leadership.quiz.model import Quiz
from sales_leadership.quiz.scoring import score
from sales_leadership.roles import RoleCatalogue

from .storage import LeadStore, StoredLead

OUTCOME_STATUSES = ("meeting", "won", "lost", "not-a-fit")
NO_QUIZ = "No quiz answers"


def parse_since(text: str, now: float) -> float:
    """`90d`, `12w` or a date (`2026-03-01`, midnight UTC) as unix time; ValueError naming --since."""
    value = text.strip().lower()
    match = re.fullmatch(r"(\d+)\s*([dw])", value)
    if match:
        days = int(match[1]) * (7 if match[2] == "w" else 1)
        return now - days * 86400
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"--since {text!r}: give a number of days (90d), of weeks (12w) or a date (2026-03-01)"
        ) from None
    return datetime.datetime.combine(day, datetime.time(0), tzinfo=datetime.UTC).timestamp()


@dataclass
class Row:
    """One partner's figures (or the network's)."""

    name: str
    slug: str
    received: int = 0
    due: int = 0
    in_time: int = 0
    hours_to_contact: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    escalations: int = 0

    @property
    def share_in_time(self) -> float | None:
        return self.in_time / self.due if self.due else None

    @property
    def median_hours(self) -> float | None:
        return statistics.median(self.hours_to_contact) if self.hours_to_contact else None

    def count(self, lead: StoredLead, partner: Partner, now: float) -> None:
        self.received += 1
        self.statuses[lead.status] += 1
        if lead.escalated_at is not None:
            self.escalations += 1
        if lead.remind_at is not None and (lead.first_contact_at is not None or lead.remind_at <= now):
            self.due += 1
            if lead.first_contact_at is not None and lead.first_contact_at <= lead.remind_at:
                self.in_time += 1
        if lead.first_contact_at is not None and lead.accepted_at is not None:
            self.hours_to_contact.append(partner.hours.between(lead.accepted_at, lead.first_contact_at))


@dataclass
class Report:
    since: float
    until: float
    network: Row
    partners: list[Row]
    by_role: list[tuple[str, int]]
    by_outcome: list[tuple[str, int]]


def build_report(
    store: LeadStore, directory: Directory, quiz: Quiz, roles: RoleCatalogue, since: float, now: float | None = None
) -> Report:
    now = store.clock() if now is None else now
    role_names = {role.id: role.name for role in roles}
    network = Row("Network", "")
    rows: dict[str, Row] = {}
    by_role: Counter = Counter()
    by_outcome: Counter = Counter()
    for lead in store.report_leads(since):
        partner = directory.by_slug(lead.partner_slug) or directory.head_office
        row = rows.setdefault(lead.partner_slug, Row(lead.partner_name, lead.partner_slug))
        row.count(lead, partner, now)
        network.count(lead, partner, now)
        role = lead.fields.get("role", "")
        by_role[role_names.get(role, "Not sure yet" if role == "not-sure" else role or "Not said")] += 1
        by_outcome[_outcome(quiz, lead, role_names)] += 1
    partners = sorted(rows.values(), key=lambda row: (-row.received, row.name))
    return Report(since, now, network, partners, by_role.most_common(), by_outcome.most_common())


def _outcome(quiz: Quiz, lead: StoredLead, role_names: dict[str, str]) -> str:
    raw = lead.fields.get("quiz_answers", "")
    answers = dict(pair.split("=", 1) for pair in raw.split(",") if "=" in pair)
    if not answers:
        return NO_QUIZ
    outcome = score(quiz, answers).outcome
    return role_names.get(outcome, outcome)


# --- forms ---------------------------------------------------------------------------------------

COLUMNS = [
    "partner", "received", "deadline passed or contacted", "contacted in time", "share in time",
    "median business hours to first contact", "meeting", "won", "lost", "not a fit", "escalations",
]  # fmt: skip


def _values(row: Row) -> list[str]:
    share = f"{row.share_in_time:.0%}" if row.share_in_time is not None else "-"
    median = f"{row.median_hours:.1f}" if row.median_hours is not None else "-"
    return [row.name, str(row.received), str(row.due), str(row.in_time), share, median,
            *(str(row.statuses[status]) for status in OUTCOME_STATUSES), str(row.escalations)]  # fmt: skip


def _period(report: Report) -> str:
    def day(moment: float) -> str:
        return datetime.datetime.fromtimestamp(moment, datetime.UTC).strftime("%Y-%m-%d")

    return f"{day(report.since)} to {day(report.until)}"


def report_text(report: Report) -> str:
    rows = [COLUMNS, *(_values(row) for row in report.partners), _values(report.network)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(COLUMNS))]
    lines = [f"Leads {_period(report)}", ""]
    for number, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
        if number in (0, len(rows) - 2):
            lines.append("  ".join("-" * width for width in widths))
    lines += ["", "By role asked about: " + _counts(report.by_role), "By quiz outcome: " + _counts(report.by_outcome)]
    return "\n".join(lines)


def _counts(pairs: list[tuple[str, int]]) -> str:
    return ", ".join(f"{name} {count}" for name, count in pairs) or "none"


def report_csv(report: Report) -> str:
    """One row per partner and one for the network; the role and quiz-outcome counts as further rows."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["scope", *COLUMNS])
    for row in report.partners:
        writer.writerow(["partner", *_values(row)])
    writer.writerow(["network", *_values(report.network)])
    for name, count in report.by_role:
        writer.writerow(["role", name, count])
    for name, count in report.by_outcome:
        writer.writerow(["quiz outcome", name, count])
    return out.getvalue()


STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #17202a; margin: 2rem auto;
  max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #c9d1d9; padding: 0.35rem 0.5rem; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; } tfoot td { font-weight: 700; border-top: 2px solid #17202a; }
figure { margin: 1.5rem 0; break-inside: avoid; } figcaption { font-weight: 700; margin-bottom: 0.5rem; }
svg text { font: 13px system-ui, sans-serif; fill: #17202a; } .bar { fill: #0b5560; }
.note { color: #4a5560; font-size: 0.9rem; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; }
  table, figure { break-inside: avoid; } .bar { fill: #333; } }
"""


def bar_chart(title: str, items: list[tuple[str, float]], fmt=lambda value: str(value), top: float | None = None):
    """A horizontal bar chart as inline SVG: one labelled bar per item, the value at its end."""
    if not items:
        return Markup('<p class="note">{}: no leads.</p>').format(title)
    top = top or max(value for _, value in items) or 1
    label_width, bar_width, row = 230, 360, 26
    height = row * len(items) + 6
    bars = []
    for index, (label, value) in enumerate(items):
        y = index * row + 4
        width = max(bar_width * value / top, 1 if value else 0)
        bars.append(
            Markup(
                '<text x="{}" y="{}" text-anchor="end">{}</text>'
                '<rect class="bar" x="{}" y="{}" width="{:.1f}" height="{}"></rect>'
                '<text x="{:.1f}" y="{}">{}</text>'
            ).format(
                label_width - 8,
                y + 15,
                label,
                label_width,
                y,
                width,
                row - 8,
                label_width + width + 6,
                y + 15,
                fmt(value),
            )  # fmt: skip
        )
    summary = "; ".join(f"{label}: {fmt(value)}" for label, value in items)
    return Markup(
        '<figure><figcaption>{}</figcaption><svg role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%" '
        'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">{}</svg></figure>'
    ).format(title, f"{title}: {summary}", label_width + bar_width + 60, height, Markup("").join(bars))


def report_html(report: Report, site_name: str = "Sales Leadership Partners") -> str:
    body_rows = Markup("\n").join(
        Markup("<tr>{}</tr>").format(Markup("").join(Markup("<td>{}</td>").format(cell) for cell in _values(row)))
        for row in report.partners
    )
    network = Markup("").join(Markup("<td>{}</td>").format(cell) for cell in _values(report.network))
    header = Markup("").join(Markup('<th scope="col">{}</th>').format(column) for column in COLUMNS)
    shares = [(row.name, round(100 * row.share_in_time)) for row in report.partners if row.share_in_time is not None]
    statuses = [(label, report.network.statuses[status]) for label, status in
                (("Meeting booked", "meeting"), ("Won", "won"), ("Lost", "lost"), ("Not a fit", "not-a-fit"),
                 ("Contacted", "contacted"), ("Escalated, not contacted", "escalated"), ("New", "new"))]  # fmt: skip
    charts = Markup("\n").join(
        [
            bar_chart("Leads received, by partner", [(row.name, row.received) for row in report.partners]),
            bar_chart("Share contacted in time, by partner", shares, fmt=lambda value: f"{value}%", top=100),
            bar_chart("Where the network's leads stand now", [item for item in statuses if item[1]]),
            bar_chart("Leads by the role they asked about", report.by_role),
            bar_chart("Leads by the quiz's recommendation", report.by_outcome),
        ]
    )
    generated = datetime.datetime.fromtimestamp(report.until, datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        Markup(
            '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<title>Lead report {} | {}</title>\n<style>{}</style>\n</head>\n<body>\n"
            '<h1>Lead report</h1>\n<p class="note">{}: leads {}, made {}. In time: marked contacted (or '
            "further) by the first-response deadline, among the leads whose deadline has passed or that were "
            "contacted. Hours to first contact count the partner's business hours.</p>\n"
            "<h2>By partner</h2>\n<table>\n<thead><tr>{}</tr></thead>\n<tbody>\n{}\n</tbody>\n"
            "<tfoot><tr>{}</tr></tfoot>\n</table>\n<h2>Charts</h2>\n{}\n</body>\n</html>\n"
        )
        .format(
            _period(report),
            site_name,
            Markup(STYLE),
            site_name,
            _period(report),
            generated,
            header,
            body_rows,
            network,
            charts,
        )  # fmt: skip
        .__str__()
    )
