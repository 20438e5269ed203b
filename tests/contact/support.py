"""The contact form as the site and the intake make it: with the shipped content's choices."""

from __future__ import annotations

from functools import cache

from werkzeug.datastructures import MultiDict

from sales_leadership.contact.forms import ContactForm, FormChoices
from sales_leadership.partners.model import load_directory
from tests.quiz.support import shipped_quiz, shipped_roles
from tests.support import CONTENT


@cache
def shipped_directory():
    return load_directory(CONTENT)


@cache
def shipped_choices() -> FormChoices:
    return FormChoices.from_content(shipped_roles(), shipped_quiz(), shipped_directory())


def contact_form(formdata: dict | MultiDict | None = None) -> ContactForm:
    """A ContactForm bound to `formdata` (a dict is made a MultiDict, as a post arrives)."""
    if isinstance(formdata, dict):
        formdata = MultiDict(formdata)
    return ContactForm(formdata, choices=shipped_choices())
