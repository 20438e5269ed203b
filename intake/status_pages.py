"""The small page a partner's status link opens, in the site's layout (the build's page shell).

It shows the lead (reference, name, company, when it came in), its status and
history, and a button for the status the link is for; the other statuses are
buttons too. Every button POSTs to its own signed link: opening the page (GET)
changes nothing, so a mail scanner that follows links records nothing.
"""

from __future__ import annotations

import datetime

from markupsafe import Markup

from sales_leadership.partners.model import Partner

from .lifecycle import PARTNER_STATUSES, STATUS_LABELS, WAITING_FOR_CONTACT, when
from .messages import LINK_LABELS
from .status_links import StatusLinks
from .storage import Event, StoredLead


def local_time(moment: float, partner: Partner) -> str:
    stamp = datetime.datetime.fromtimestamp(moment, partner.hours.zone)
    hour = stamp.hour % 12 or 12
    return f"{stamp:%a} {stamp.day} {stamp:%b}, {hour}:{stamp.minute:02d} {'am' if stamp.hour < 12 else 'pm'}"


def _button(links: StatusLinks, lead: StoredLead, status: str, actor: str, primary: bool) -> Markup:
    css = "button" if primary else "button button-secondary"
    return Markup('<form method="post" action="{}"><button class="{}" type="submit">{}</button></form>').format(
        links.status_path(lead.public_id, status, actor), css, f"Mark as {LINK_LABELS[status].lower()}"
    )


def status_page(
    lead: StoredLead,
    events: list[Event],
    partner: Partner,
    links: StatusLinks,
    status: str,
    actor: str,
    recorded: bool,
) -> tuple[str, Markup]:
    """(title, main HTML) for the lead's page opened by the link for `status`."""
    label = LINK_LABELS[status].lower()
    done = lead.status == status
    title = f"Lead {lead.reference}: " + (f"marked {label}" if done else f"mark as {label}?")
    parts = []
    if recorded and done:
        parts.append(Markup('<p class="notice" role="status">Recorded: {}. Thank you.</p>').format(label))
    elif done:
        parts.append(Markup('<p class="notice">This lead is already marked {}.</p>').format(label))
    who = lead.fields.get("name", "").strip() or "Someone"
    company = lead.fields.get("company", "").strip()
    parts.append(
        Markup("<p>{}{}, received {}, routed to {}.</p>").format(
            who, f" of {company}" if company else "", local_time(lead.accepted_at or _created(lead), partner),
            lead.partner_name,
        )
    )  # fmt: skip
    now_label = STATUS_LABELS.get(lead.status, lead.status)
    promise = ""
    if lead.status in WAITING_FOR_CONTACT and lead.remind_at and lead.accepted_at:
        promise = f" First contact promised by {when(lead.remind_at, lead.accepted_at, partner.hours)}."
    parts.append(Markup("<p>Status now: <strong>{}</strong>.{}</p>").format(now_label, promise))
    if not done:
        parts.append(Markup("<p>Nothing changes until you press the button.</p>"))
        parts.append(_button(links, lead, status, actor, primary=True))
    others = [other for other in PARTNER_STATUSES if other not in (status, lead.status)]
    parts.append(Markup("<h2>Record something else</h2>"))
    parts.append(
        Markup('<ul class="actions">\n{}\n</ul>').format(
            Markup("\n").join(
                Markup("<li>{}</li>").format(_button(links, lead, other, actor, False)) for other in others
            )
        )
    )
    parts.append(Markup("<h2>History</h2>"))
    parts.append(
        Markup("<ol>\n{}\n</ol>").format(
            Markup("\n").join(
                Markup("<li>{}: {} ({}){}</li>").format(
                    local_time(event.at, partner), event.kind, STATUS_LABELS.get(event.status, event.status),
                    f", by the {event.actor.replace('-', ' ')}" if event.actor in ("partner", "head-office") else "",
                )
                for event in events
            )
        )
    )  # fmt: skip
    return title, Markup('<div class="prose">\n{}\n</div>').format(Markup("\n").join(parts))


def _created(lead: StoredLead) -> float:
    return datetime.datetime.fromisoformat(lead.created_at.replace("Z", "+00:00")).timestamp()


def link_problem_page(expired: bool) -> tuple[str, Markup, int]:
    if expired:
        return (
            "This link has expired",
            Markup(
                "<p>Status links work for a limited time. Please record what happened by replying to the "
                "head office, or use a link from a more recent e-mail about this lead.</p>"
            ),
            410,
        )
    return (
        "This link does not work",
        Markup("<p>The address is not complete, or this lead is no longer stored. Please check the link.</p>"),
        404,
    )
