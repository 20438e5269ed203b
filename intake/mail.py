"""The e-mails the intake sends, built from a stored lead.

Everything the visitor wrote is data, never markup: the HTML part escapes it,
the plain-text part carries it as typed, and none of it goes into a header
(the subject names only the enquiry kind; Reply-To is the validated address).
Labels come from the ContactForm itself, the one definition of the fields.
"""

from __future__ import annotations

import datetime
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, parseaddr

from email_validator import EmailNotValidError, validate_email
from markupsafe import Markup, escape
from wtforms import BooleanField

from sales_leadership.contact.forms import ContactForm, FormChoices

from .normalise import normalise_field
from .storage import StoredLead

# Machinery, not something the partner needs to read (quiz_answers, also hidden, is kept).
MACHINERY_FIELDS = ("website", "started", "csrf_token", "submit")

NOT_GIVEN = "(not given)"

KIND_SUBJECTS = {
    "partner": "New enquiry from someone who wants to become a partner",
    "leadership": "New enquiry about sales leadership",
}


def displayed_fields(fields: dict[str, str], choices: FormChoices) -> list[tuple[str, str]]:
    """(label, value) pairs in the form's own order, choices shown by their labels, all plain text.

    Labels may carry markup on the page (the consent's privacy link); an e-mail gets their text.
    """
    form = ContactForm(choices=choices)
    shown = []
    for field in form:
        if field.name in MACHINERY_FIELDS or field.type == "SubmitField":
            continue
        raw = normalise_field(field.name, fields.get(field.name, ""))
        if isinstance(field, BooleanField):
            value = "yes" if raw else "no"
        elif not raw.strip():
            value = NOT_GIVEN
        else:
            value = _choice_labels(field).get(raw, raw)
        shown.append((Markup(field.label.text).striptags(), value))
    return shown


def _choice_labels(field) -> dict[str, str]:
    """{value: label} for a field with choices (WTForms gives tuples or SelectChoice objects)."""
    choices = getattr(field, "choices", None) or []
    if callable(choices):
        choices = choices()
    if isinstance(choices, dict):  # {group: [choice, ...]}
        choices = [choice for group in choices.values() for choice in group]
    labels = {}
    for choice in choices:
        if hasattr(choice, "value"):
            labels[str(choice.value)] = str(choice.label)
        elif isinstance(choice, (tuple, list)):
            labels[str(choice[0])] = str(choice[1])
        else:
            labels[str(choice)] = str(choice)
    return labels


def _message_id(lead: StoredLead, kind: str, sender: str) -> str:
    """Stable per lead and kind: a resend after a crash is recognisable as the same message."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "intake.invalid"
    return f"<{lead.public_id}.{kind}@{domain}>"


def ascii_address(address: str) -> str:
    """The address with an internationalised domain in its ASCII (IDNA) form, which every server accepts.

    pat@bücher.example -> pat@xn--bcher-kva.example. A non-ASCII local part (päť@example.com) has no
    ASCII form: it is returned as it is, and only a server offering SMTPUTF8 can take it.
    """
    try:
        valid = validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return address
    return f"{valid.local_part}@{valid.ascii_domain}"


def envelope_address(header_value: str) -> str:
    """The bare address in a From/To header ("Name <a@b>" -> "a@b"), in its ASCII form when it has one."""
    parsed = getaddresses([header_value])
    return ascii_address(parsed[0][1] if parsed and parsed[0][1] else header_value.strip())


def _reply_to(address: str) -> Address | None:
    """A Reply-To for this address, when a plain header can carry it (the form validated it).

    An internationalised domain is written in its ASCII form; a non-ASCII local part cannot be
    written in a header without SMTPUTF8, so there is no Reply-To (the address is in the text).
    """
    address = ascii_address(address)
    if not address.isascii():
        return None
    try:
        return Address(display_name="", addr_spec=address)
    except (ValueError, IndexError, MessageError):
        return None


def partner_message(lead: StoredLead, recipient: str, sender: str, choices: FormChoices) -> EmailMessage:
    """The lead, for the partner it was routed to."""
    fields = displayed_fields(lead.fields, choices)
    message = EmailMessage()
    message["Subject"] = KIND_SUBJECTS.get(lead.fields.get("enquiry_kind", ""), KIND_SUBJECTS["leadership"])
    message["From"] = sender
    message["To"] = ascii_address(recipient)
    reply_to = _reply_to(lead.email)
    if reply_to is not None:
        message["Reply-To"] = reply_to
    message["Message-ID"] = _message_id(lead, "partner", sender)
    message["Date"] = _date_header(lead.created_at)
    routed = f"Routed to {lead.partner_name}: {lead.route_reason}"
    text_lines = [
        "A new enquiry came in through the website's contact form.",
        routed,
        "",
    ]
    for question, value in fields:
        label = question.rstrip(".:") + ("" if question.endswith("?") else ":")
        if "\n" in value:
            text_lines.append(label)
            text_lines.extend(f"    {line}" for line in value.splitlines())
        else:
            text_lines.append(f"{label} {value}")
    text_lines += ["", f"Reply to this e-mail to answer them directly. Lead reference: {lead.reference}"]
    message.set_content("\n".join(text_lines) + "\n")
    rows = "\n".join(
        f'<tr><th scope="row" align="left" valign="top">{escape(label)}</th>'
        f'<td style="white-space: pre-wrap">{escape(value)}</td></tr>'
        for label, value in fields
    )
    html = (
        "<!doctype html>\n<html><body>\n"
        "<p>A new enquiry came in through the website's contact form.</p>\n"
        f"<p>{escape(routed)}</p>\n<table>\n{rows}\n</table>\n"
        f"<p>Reply to this e-mail to answer them directly. Lead reference: {escape(lead.reference)}</p>\n"
        "</body></html>\n"
    )
    message.add_alternative(html, subtype="html")
    return message


def acknowledgement_message(lead: StoredLead, recipient: str, sender: str) -> EmailMessage:
    """A short receipt for the visitor.

    It repeats nothing the visitor typed: otherwise anyone could make the site
    send their text to any address they put in the form.
    """
    message = EmailMessage()
    message["Subject"] = "We received your message"
    message["From"] = sender
    message["To"] = ascii_address(recipient)
    message["Message-ID"] = _message_id(lead, "acknowledgement", sender)
    message["Date"] = _date_header(lead.created_at)
    message.set_content(
        "Thank you for getting in touch.\n\n"
        f"Your message has been passed to {lead.partner_name}, who will reply within one business day.\n\n"
        "If you did not use the contact form on our website, you can ignore this e-mail.\n"
    )
    return message


def build_message(kind: str, lead: StoredLead, recipient: str, sender: str, choices: FormChoices) -> EmailMessage:
    if kind == "acknowledgement":
        return acknowledgement_message(lead, recipient, sender)
    return partner_message(lead, recipient, sender, choices)


def _date_header(iso_utc: str) -> str:
    return format_datetime(datetime.datetime.fromisoformat(iso_utc.replace("Z", "+00:00")))
