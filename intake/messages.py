"""The e-mails the intake sends for a lead: to its partner, the receipt to the visitor, the reminder to
the partner and the escalation to the head office.

Built at each attempt (so `Date` is when it is sent) from the stored lead, its
history and the site's facts the worker holds (MailContext). Plain text first,
HTML second. The status links in the partner's, the reminder's and the
escalation's e-mails are signed for that lead and status (intake/status_links.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage

from markupsafe import Markup, escape

from sales_leadership.contact.forms import FormChoices
from sales_leadership.partners.model import Directory, Partner
from sales_leadership.quiz.model import Quiz

from .lifecycle import PARTNER_STATUSES, STATUS_LABELS, when
from .mail import displayed_fields, html_table, message_id, new_message, reply_to, text_block
from .promise import promise, who
from .quiz_view import quiz_answers_described
from .status_links import StatusLinks
from .storage import Event, StoredLead

KIND_SUBJECTS = {
    "partner": "New inquiry from someone who wants to become a partner",
    "leadership": "New inquiry about sales leadership",
}
LINK_LABELS = {
    "contacted": "Contacted",
    "meeting": "Meeting booked",
    "not-a-fit": "Not a fit",
    "won": "Won",
    "lost": "Lost",
}


@dataclass(frozen=True)
class MailContext:
    """What the messages need besides the lead: the sender, the form's labels, the quiz, the partners,
    and the signer of the status links (None: no links, as in a test of the bare message)."""

    sender: str
    choices: FormChoices
    quiz: Quiz | None = None
    directory: Directory | None = None
    links: StatusLinks | None = None

    def partner(self, lead: StoredLead) -> Partner | None:
        if self.directory is None:
            return None
        return self.directory.by_slug(lead.partner_slug) or self.directory.head_office


@dataclass(frozen=True)
class Letter:
    """A message's text, as paragraphs of plain text and their HTML."""

    text: list[str]
    html: list[str]

    def add(self, text: str, html: Markup | str | None = None) -> None:
        self.text.append(text)
        self.html.append(str(html) if html is not None else f"<p>{escape(text)}</p>")

    def fill(self, message: EmailMessage) -> EmailMessage:
        message.set_content("\n\n".join(self.text) + "\n")
        message.add_alternative(
            "<!doctype html>\n<html><body>\n" + "\n".join(self.html) + "\n</body></html>\n", subtype="html"
        )
        return message


def _lead_details(letter: Letter, lead: StoredLead, context: MailContext) -> None:
    fields = displayed_fields(lead.fields, context.choices)
    letter.add("\n".join(text_block(fields)), html_table(fields))
    quiz = quiz_answers_described(context.quiz, lead.fields)
    if quiz:
        letter.add(
            "Their answers to the quiz:\n" + "\n".join(text_block(quiz)),
            f"<h2>Their answers to the quiz</h2>\n{html_table(quiz)}",
        )


def _status_links(letter: Letter, lead: StoredLead, context: MailContext, actor: str) -> None:
    if context.links is None:
        return
    urls = [
        (LINK_LABELS[status], context.links.status_url(lead.public_id, status, actor)) for status in PARTNER_STATUSES
    ]
    intro = "Record what happened (each link opens a page with a button; nothing changes until you press it):"
    letter.add(
        intro + "\n" + "\n".join(f"  {label}: {url}" for label, url in urls),
        Markup("<p>{}</p>\n<ul>\n{}\n</ul>").format(
            intro, Markup("\n").join(Markup('<li><a href="{}">{}</a></li>').format(url, label) for label, url in urls)
        ),
    )


def _deadlines(lead: StoredLead, partner: Partner | None, since: float | None = None) -> tuple[str, str] | None:
    """The two deadlines in words, the day named from `since` (default: when the lead was accepted)."""
    if partner is None or lead.remind_at is None or lead.accepted_at is None or lead.escalate_at is None:
        return None
    hours, since = partner.hours, lead.accepted_at if since is None else since
    return when(lead.remind_at, since, hours), when(lead.escalate_at, since, hours)


def partner_message(lead: StoredLead, recipient: str, context: MailContext, sent_at: float, history=()) -> EmailMessage:
    """The lead, for the partner it was routed to: Reply-To the visitor."""
    subject = KIND_SUBJECTS.get(lead.fields.get("enquiry_kind", ""), KIND_SUBJECTS["leadership"])
    message = new_message(
        subject, context.sender, recipient, message_id(lead, "partner", context.sender), sent_at, reply_to(lead.email)
    )
    letter = Letter([], [])
    letter.add("A new inquiry came in through the website's contact form.")
    letter.add(f"Routed to {lead.partner_name}: {lead.route_reason}")
    deadlines = _deadlines(lead, context.partner(lead))
    if deadlines:
        letter.add(
            f"They were promised a call or an e-mail by {deadlines[0]}. If the lead is not marked contacted by "
            f"then, you will get one reminder; at {deadlines[1]} it goes to the head office."
        )
    _lead_details(letter, lead, context)
    _status_links(letter, lead, context, "partner")
    letter.add(f"Reply to this e-mail to answer them directly. Lead reference: {lead.reference}")
    return letter.fill(message)


def acknowledgement_message(
    lead: StoredLead, recipient: str, context: MailContext, sent_at: float, history=()
) -> EmailMessage:
    """The visitor's receipt: their reference, who gets in touch and by when, what to do if nobody does.

    Replies go to the partner. It repeats nothing the visitor typed: otherwise anyone could make
    the site send their text to any address they put in the form.
    """
    message = new_message(
        f"We received your message (reference {lead.reference})",
        context.sender,
        recipient,
        message_id(lead, "acknowledgement", context.sender),
        sent_at,
        reply_to(lead.partner_email),
    )
    partner = context.partner(lead)
    letter = Letter([], [])
    letter.add(f"Thank you for getting in touch. Your reference is {lead.reference}.")
    promised = promise(lead, partner) if partner is not None else None
    letter.add(promised or f"Your message has been passed to {lead.partner_name}, who will be in touch shortly.")
    head_office = context.directory.head_office if context.directory is not None else None
    if head_office is not None and partner is not None and not partner.is_head_office:
        letter.add(
            f"If nobody has been in touch by then, reply to this e-mail (it goes to {partner.first_name}), or "
            f"contact our head office at {head_office.email} or {head_office.phone}, quoting {lead.reference}."
        )
    elif head_office is not None:
        letter.add(
            f"If nobody has been in touch by then, reply to this e-mail or call {head_office.phone}, "
            f"quoting {lead.reference}."
        )
    letter.add("If you did not use the contact form on our website, you can ignore this e-mail.")
    return letter.fill(message)


def reminder_message(
    lead: StoredLead, recipient: str, context: MailContext, sent_at: float, history=()
) -> EmailMessage:
    """One reminder to the partner: the first-response deadline has passed and the lead is still new."""
    message = new_message(
        f"Reminder: lead {lead.reference} is waiting for a first contact",
        context.sender,
        recipient,
        message_id(lead, "reminder", context.sender),
        sent_at,
        reply_to(lead.email),
    )
    letter = Letter([], [])
    deadlines = _deadlines(lead, context.partner(lead), sent_at)
    if deadlines:
        letter.add(
            f"The inquiry below was promised a call or an e-mail by {deadlines[0]}, and it has not been marked "
            f"contacted yet. If it is not marked contacted by {deadlines[1]}, it goes to the head office."
        )
    else:
        letter.add("The inquiry below has not been marked contacted yet.")
    letter.add("Already in touch? Use the Contacted link below, so nobody chases you.")
    _lead_details(letter, lead, context)
    _status_links(letter, lead, context, "partner")
    letter.add(f"Reply to this e-mail to answer them directly. Lead reference: {lead.reference}")
    return letter.fill(message)


def escalation_message(
    lead: StoredLead, recipient: str, context: MailContext, sent_at: float, history: list[Event] = ()
) -> EmailMessage:
    """To the head office: a lead nobody marked contacted in time, with its history and the partner's details."""
    message = new_message(
        f"Escalated: lead {lead.reference} was not contacted in time ({lead.partner_name})",
        context.sender,
        recipient,
        message_id(lead, "escalation", context.sender),
        sent_at,
        reply_to(lead.email),
    )
    partner = context.partner(lead)
    letter = Letter([], [])
    deadlines = _deadlines(lead, partner, sent_at)
    promised = f" They were promised a call or an e-mail by {deadlines[0]}." if deadlines else ""
    letter.add(f"Nobody has marked lead {lead.reference} as contacted.{promised} Please make sure someone calls them.")
    if partner is not None:
        letter.add(f"Routed to {who(partner)}: {partner.email}, {partner.phone}. {lead.route_reason}")
    _lead_details(letter, lead, context)
    if history:
        lines = [f"  {_local(event.at, partner)}  {event.kind} ({STATUS_LABELS.get(event.status, event.status)})"
                 + (f": {event.note}" if event.note else "") for event in history]  # fmt: skip
        letter.add(
            "History:\n" + "\n".join(lines),
            Markup("<h2>History</h2>\n<ul>\n{}\n</ul>").format(
                Markup("\n").join(Markup("<li>{}</li>").format(line.strip()) for line in lines)
            ),
        )
    _status_links(letter, lead, context, "head-office")
    letter.add(f"Reply to this e-mail to answer the visitor directly. Lead reference: {lead.reference}")
    return letter.fill(message)


def _local(moment: float, partner: Partner | None) -> str:
    import datetime

    zone = partner.hours.zone if partner is not None else datetime.UTC
    return datetime.datetime.fromtimestamp(moment, zone).strftime("%a %d %b %H:%M %Z")


BUILDERS = {
    "partner": partner_message,
    "acknowledgement": acknowledgement_message,
    "reminder": reminder_message,
    "escalation": escalation_message,
}


def build_message(
    kind: str, lead: StoredLead, recipient: str, context: MailContext, sent_at: float, history: list[Event] = ()
) -> EmailMessage:
    return BUILDERS[kind](lead, recipient, context, sent_at, history)
