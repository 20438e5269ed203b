"""What every e-mail of the intake shares: addresses, headers, and a lead's fields as people read them.

Everything the visitor wrote is data, never markup: the HTML part escapes it,
the plain-text part carries it as typed (normalised), and none of it goes into a
header (subjects name only the kind of inquiry; Reply-To is the validated address).
Labels come from the ContactForm itself, the one definition of the fields. The
messages themselves are in intake/messages.py.
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

from sales_leadership.contact.forms import ContactForm, FormChoices, asked
from sales_leadership.quiz.answers import lead_lines

from .normalise import normalise_field
from .storage import StoredLead

# Machinery, not something the partner needs to read; quiz_answers is shown apart, by its labels.
MACHINERY_FIELDS = ("website", "started", "csrf_token", "submit", "quiz_answers")

NOT_GIVEN = "(not given)"


def displayed_fields(fields: dict[str, str], choices: FormChoices) -> list[tuple[str, str]]:
    """(label, value) pairs in the form's own order, choices shown by their labels, all plain text.

    Only the questions of the lead's kind of inquiry (an application shows the applicant's, not a
    company's). Labels may carry markup on the page (the consent's privacy link); an e-mail gets their text.
    """
    form = ContactForm(choices=choices)
    kind = fields.get("enquiry_kind", "")
    shown = []
    for field in form:
        if field.name in MACHINERY_FIELDS or field.type == "SubmitField" or not asked(field, kind):
            continue
        raw = normalise_field(field.name, fields.get(field.name, ""))
        if isinstance(field, BooleanField):
            value = "yes" if raw else "no"
        elif not raw.strip():
            value = NOT_GIVEN
        elif field.name == "quiz_answers":
            value = quiz_answers_text(raw, choices)
        else:
            value = _choice_labels(field).get(raw, raw)
        shown.append((Markup(field.label.text).striptags(), value))
    return shown


def quiz_answers_text(raw: str, choices: FormChoices) -> str:
    """The quiz's recommendation and each answer in the words the owner clicked, one per line (ids if unknown)."""
    return "\n".join(lead_lines(choices.quiz, raw) if choices.quiz else []) or raw


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


def new_message(
    subject: str, sender: str, recipient: str, message_id: str, sent_at: float, reply_to: Address | None = None
) -> EmailMessage:
    """The headers every e-mail of the intake has.

    `Date` is the moment this attempt is sent, not when the lead came in (a retried message dated
    hours back is what spam filters score, DATE_IN_PAST_*). Every message is written by a program:
    `Auto-Submitted: auto-generated` (RFC 3834) keeps vacation responders from answering it.
    """
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ascii_address(recipient)
    if reply_to is not None:
        message["Reply-To"] = reply_to
    message["Message-ID"] = message_id
    message["Date"] = format_datetime(datetime.datetime.fromtimestamp(sent_at, datetime.UTC))
    message["Auto-Submitted"] = "auto-generated"
    return message


def message_id(lead: StoredLead, kind: str, sender: str) -> str:
    """Stable per lead and kind: a resend after a crash is recognisable as the same message."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "intake.invalid"
    return f"<{lead.public_id}.{kind}@{domain}>"


def reply_to(address: str) -> Address | None:
    return _reply_to(address)


def text_block(pairs: list[tuple[str, str]]) -> list[str]:
    """(label, value) pairs as plain-text lines: "Label: value", a multi-line value indented below."""
    lines = []
    for question, value in pairs:
        label = question.rstrip(".:") + ("" if question.endswith("?") else ":")
        if "\n" in value:
            lines.append(label)
            lines.extend(f"    {line}" for line in value.splitlines())
        else:
            lines.append(f"{label} {value}")
    return lines


def html_table(pairs: list[tuple[str, str]]) -> str:
    rows = "\n".join(
        f'<tr><th scope="row" align="left" valign="top">{escape(label)}</th>'
        f'<td style="white-space: pre-wrap">{escape(value)}</td></tr>'
        for label, value in pairs
    )
    return f"<table>\n{rows}\n</table>"
