"""Render ContactForm into the static page's <form>, with constraints derived from its validators.

Everything the browser checks comes from the WTForms definition in forms.py:
`required`, `maxlength` (WTForms' own field flags), `type` (the field class),
`pattern` (from each Regexp), `autocomplete` and `inputmode` (the field's
render_kw), and the messages the script shows (`data-error-*`, the same text
the server answers with; `maxlength` stops typing past a Length, so Length
needs no message in the page). The message box is the exception: it has no
`maxlength`, which would cut a long paste silently; it carries its limit in
`data-maxlength` with the Length message, and the script counts.

A question of one kind of inquiry (forms.ForKind) is never `required` in the
HTML (that would block the other kind): it carries `data-error-required`, and
the script requires it while its kind is chosen. Such questions are grouped
in a fieldset with `data-kind` (the template).

A bound form with errors gets a GOV.UK-style error summary at the top and a
message beside each field, with the entered values kept: the intake service
re-renders the page that way when a post without JavaScript fails validation,
and, with a `Notice` instead of errors, when it refuses a post (too many, busy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from wtforms import Field
from wtforms.fields import BooleanField, HiddenField, RadioField, SelectField
from wtforms.validators import DataRequired, Email, InputRequired, Length, Regexp

from .backend import HONEYPOT, NETLIFY_FORM_NAME, ContactBackend
from .forms import ID_PREFIX, KIND_LEGENDS, ContactForm, ForKind, kind_of

TEMPLATES = Path(__file__).resolve().parent / "templates"
LOCATION_FIELDS = ("zip_code", "state")

_environment = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def browser_pattern(regex: str) -> str:
    """The HTML `pattern` for a Python Regexp: the browser adds ^(?: )$ itself."""
    match = re.fullmatch(r"\^\(\?:(.*)\)\$", regex)
    if match:
        return match.group(1)
    return regex.removeprefix("^").removesuffix("$")


def derived_attributes(form_field: Field) -> dict[str, str | bool]:
    """HTML attributes (beyond WTForms' own required/maxlength) and the script's error messages."""
    attributes: dict[str, str | bool] = {}
    patterns = []
    for validator in form_field.validators:
        if isinstance(validator, (DataRequired, InputRequired, ForKind)) and validator.message:
            attributes["data-error-required"] = str(validator.message)
        elif isinstance(validator, Length) and _kind(form_field) == "textarea" and validator.message:
            attributes["data-maxlength"] = str(validator.max)
            attributes["maxlength"] = False  # WTForms would print it from the Length: no silent cut
            attributes["data-error-length"] = str(validator.message)
        elif isinstance(validator, Regexp) and _kind(form_field) != "select":
            patterns.append(browser_pattern(validator.regex.pattern))
            if validator.message:
                attributes.setdefault("data-error-pattern", str(validator.message))
        elif isinstance(validator, Email) and validator.message:
            attributes["data-error-type"] = str(validator.message)
    if "data-error-type" in attributes and attributes["data-error-type"] == attributes.get("data-error-pattern"):
        del attributes["data-error-type"]  # the script falls back to the pattern's message
    if patterns:
        # Several Regexps must all match: a lookahead per extra pattern keeps it one attribute.
        attributes["pattern"] = "".join(f"(?={p}$)" for p in patterns[1:]) + patterns[0]
    return attributes


@dataclass
class FieldView:
    """What the template needs to lay out one field."""

    name: str
    id: str
    kind: str  # text | select | radios | checkbox | textarea | honeypot | hidden
    label: Markup
    hint: str
    error: str | None
    widget: Markup = Markup("")
    options: list[tuple[Markup, Markup]] = field(default_factory=list)  # radios: (input, label)
    first_id: str = ""
    inquiry: str | None = None  # the enquiry_kind the question belongs to (None: every inquiry)
    limit: int | None = None  # a textarea's most characters (the count under it)

    @property
    def hint_id(self) -> str:
        return f"{self.id}-hint"

    @property
    def count_id(self) -> str:
        return f"{self.id}-count"

    @property
    def error_id(self) -> str:
        return f"{self.id}-error"


def _kind(form_field: Field) -> str:
    if form_field.name == HONEYPOT:
        return "honeypot"
    if isinstance(form_field, HiddenField):
        return "hidden"
    if isinstance(form_field, RadioField):
        return "radios"
    if isinstance(form_field, SelectField):
        return "select"
    if isinstance(form_field, BooleanField):
        return "checkbox"
    if form_field.type == "TextAreaField":
        return "textarea"
    return "text"


def _field_view(form_field: Field, error: str | None) -> FieldView:
    kind = _kind(form_field)
    hint = str(form_field.description or "")
    view = FieldView(
        name=form_field.name,
        id=form_field.id,
        kind=kind,
        label=Markup(form_field.label.text),
        hint=hint,
        error=error,
        first_id=form_field.id,
        inquiry=kind_of(form_field),
    )
    attributes = derived_attributes(form_field)
    if "data-maxlength" in attributes:
        view.limit = int(attributes["data-maxlength"])
    if kind == "hidden":
        # Hidden inputs take no constraints; the script checks what it puts in them against these.
        hidden_attributes = {}
        if "pattern" in attributes:
            hidden_attributes["data-pattern"] = attributes["pattern"]
        if form_field.flags.maxlength:
            hidden_attributes["data-maxlength"] = str(form_field.flags.maxlength)
        view.widget = form_field(**hidden_attributes)
        return view
    described_by = [view.hint_id] if hint else []
    if view.limit:
        described_by.append(view.count_id)
    if error:
        described_by.append(view.error_id)
        attributes["aria-invalid"] = "true"
    if kind == "radios":
        options = list(form_field)
        view.first_id = options[0].id
        # The messages once, on the first radio: the script reads the group's first control.
        messages = {name: value for name, value in attributes.items() if name.startswith("data-error-")}
        shared = {name: value for name, value in attributes.items() if name not in messages}
        for index, option in enumerate(options):
            view.options.append((option(**(attributes if index == 0 else shared)), option.label()))
        return view
    if described_by:
        attributes["aria-describedby"] = " ".join(described_by)
    view.widget = form_field(**attributes)
    return view


def field_views(form: ContactForm) -> list[FieldView]:
    errors = form.errors
    return [_field_view(form_field, (errors.get(form_field.name) or [None])[0]) for form_field in form]


@dataclass(frozen=True)
class Notice:
    """Why a post was not taken, shown where the error summary goes: a title and a safe paragraph."""

    title: str
    body: Markup


def render_form(form: ContactForm, backend: ContactBackend, notice: Notice | None = None) -> Markup:
    """The whole <form>: labels, hints, constraints, errors (or a notice) and entered values."""
    views = field_views(form)
    errors = [(view, view.error) for view in views if view.error]
    template = _environment.get_template("contact_form/form.html")
    return Markup(
        template.render(
            fields={view.name: view for view in views},
            errors=errors,
            notice=notice,
            kind_legends=KIND_LEGENDS,
            attributes=backend.form_attributes(),
            location_required=ContactForm.LOCATION_REQUIRED,
            id_prefix=ID_PREFIX,
            quiz_questions=form.choices.quiz_questions,
            netlify_form_name=NETLIFY_FORM_NAME,
        )
    )
