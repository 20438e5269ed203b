"""The e-mails the intake sends for a lead: to its partner, and the receipt to the visitor.

Built at each attempt (so `Date` is when it is sent) from the stored lead and
the site's facts the worker holds (MailContext).
"""

from __future__ import annotations

from dataclasses import dataclass
from email.message import EmailMessage

from markupsafe import escape

from sales_leadership.contact.forms import FormChoices
from sales_leadership.quiz.model import Quiz

from .mail import displayed_fields, html_table, message_id, new_message, reply_to, text_block
from .quiz_view import quiz_answers_described
from .storage import StoredLead

KIND_SUBJECTS = {
    "partner": "New enquiry from someone who wants to become a partner",
    "leadership": "New enquiry about sales leadership",
}


@dataclass(frozen=True)
class MailContext:
    """What the messages need besides the lead: the sender, the form's labels, the quiz."""

    sender: str
    choices: FormChoices
    quiz: Quiz | None = None


def partner_message(lead: StoredLead, recipient: str, context: MailContext, sent_at: float) -> EmailMessage:
    """The lead, for the partner it was routed to: plain text first, HTML second, Reply-To the visitor."""
    fields = displayed_fields(lead.fields, context.choices)
    quiz = quiz_answers_described(context.quiz, lead.fields)
    subject = KIND_SUBJECTS.get(lead.fields.get("enquiry_kind", ""), KIND_SUBJECTS["leadership"])
    message = new_message(
        subject, context.sender, recipient, message_id(lead, "partner", context.sender), sent_at, reply_to(lead.email)
    )
    routed = f"Routed to {lead.partner_name}: {lead.route_reason}"
    text = ["A new enquiry came in through the website's contact form.", routed, "", *text_block(fields)]
    if quiz:
        text += ["", "Their answers to the quiz:", *text_block(quiz)]
    text += ["", f"Reply to this e-mail to answer them directly. Lead reference: {lead.reference}"]
    message.set_content("\n".join(text) + "\n")
    quiz_html = f"<h2>Their answers to the quiz</h2>\n{html_table(quiz)}\n" if quiz else ""
    html = (
        "<!doctype html>\n<html><body>\n"
        "<p>A new enquiry came in through the website's contact form.</p>\n"
        f"<p>{escape(routed)}</p>\n{html_table(fields)}\n{quiz_html}"
        f"<p>Reply to this e-mail to answer them directly. Lead reference: {escape(lead.reference)}</p>\n"
        "</body></html>\n"
    )
    message.add_alternative(html, subtype="html")
    return message


def acknowledgement_message(lead: StoredLead, recipient: str, context: MailContext, sent_at: float) -> EmailMessage:
    """A short receipt for the visitor; replies go to the partner.

    It repeats nothing the visitor typed: otherwise anyone could make the site
    send their text to any address they put in the form.
    """
    message = new_message(
        "We received your message",
        context.sender,
        recipient,
        message_id(lead, "acknowledgement", context.sender),
        sent_at,
        reply_to(lead.partner_email),
    )
    message.set_content(
        "Thank you for getting in touch.\n\n"
        f"Your message has been passed to {lead.partner_name}, who will reply within one business day.\n"
        f"Your reference: {lead.reference}\n\n"
        "If you did not use the contact form on our website, you can ignore this e-mail.\n"
    )
    return message


BUILDERS = {"partner": partner_message, "acknowledgement": acknowledgement_message}


def build_message(kind: str, lead: StoredLead, recipient: str, context: MailContext, sent_at: float) -> EmailMessage:
    return BUILDERS[kind](lead, recipient, context, sent_at)
