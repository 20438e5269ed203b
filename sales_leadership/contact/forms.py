"""The contact form's fields: defined once, here, for the static page and the intake service.

The build renders this class into /contact/ (render.py derives `required`,
`maxlength`, `type`, `pattern` and `autocomplete` from the fields and their
validators), and the intake service validates every post with the same class,
so the page and the server cannot disagree about what is acceptable.

The choices that name the site's content come from the content, not from here:
the roles from the role catalogue, the team sizes and revenue bands from the
quiz's own questions (so a quiz answer can be handed to the form as it is), the
partners a visitor may choose from the partner directory.
`FormChoices.from_content(roles, quiz, directory)` gathers them once.

Some questions belong to one kind of inquiry (`enquiry_kind`): a company's
(role, salespeople, revenue, the partner chosen) or a partner applicant's
(experience, territory, profile link). Each says so with a `ForKind` validator:
it is validated, stored and shown only for that kind, and the page shows it
only for that kind (render.py groups them; the page's script switches).

Validate a post with `ContactForm(MultiDict(...), choices=...)` (anything with a
`getlist` method), then `.validate()`, `.errors`, `.data`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup
from wtforms import (
    BooleanField,
    EmailField,
    Form,
    HiddenField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TelField,
    URLField,
)
from wtforms.fields import TextAreaField
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    InputRequired,
    Length,
    Optional,
    Regexp,
    StopValidation,
    ValidationError,
)

from ..errors import Problem
from ..partners.model import Directory, Partner
from ..partners.zip_data import us_states
from ..quiz.model import Quiz
from ..roles import RoleCatalogue

# Visitor-facing words of the form's choices and sections, together here (US spelling: "inquiry").
ENQUIRY_KINDS = [
    ("leadership", "I want sales leadership for my company"),
    ("partner", "I'm a sales leader interested in becoming a partner"),
]
# The legend of each kind's own questions: it must say which visitor fills them in, since without
# JavaScript both sets show.
KIND_LEGENDS = {
    "leadership": "For sales leadership: about your company",
    "partner": "For a partner application: about you",
}
NOT_SURE = ("not-sure", "Not sure yet")
NOT_SAID = ("", "Prefer not to say")
ANY_PARTNER = ("", "The partner who covers my area")
EXPERIENCE_BANDS = [
    ("", "Choose"),
    ("under-3", "Fewer than 3 years"),
    ("3-5", "3 to 5 years"),
    ("6-10", "6 to 10 years"),
    ("over-10", "More than 10 years"),
]
# The quiz questions whose options the form offers too (their ids are the form's field names).
QUIZ_FIELDS = ("team_size", "revenue")


@dataclass(frozen=True)
class FormChoices:
    """The choices of the fields that name content: (value, label) pairs.

    `quiz` is the vocabulary of the hidden `quiz_answers` field: the page learns from it
    which address parameters are quiz answers, and whoever reads a lead turns the ids
    into the words the owner clicked (`sales_leadership.quiz.answers.described`).
    """

    roles: tuple[tuple[str, str], ...]
    team_size: tuple[tuple[str, str], ...]
    revenue: tuple[tuple[str, str], ...]
    quiz: Quiz | None = field(default=None, compare=False, repr=False)
    partners: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_content(cls, roles: RoleCatalogue, quiz: Quiz, directory: Directory | None = None) -> FormChoices:
        """Raises ContentError (naming the quiz file) when the quiz lacks a question the form offers."""
        bands = {}
        for question_id in QUIZ_FIELDS:
            question = quiz.question(question_id)
            bands[question_id] = tuple((option.id, option.label) for option in question.options) if question else ()
        partners = tuple((partner.slug, partner_label(partner)) for partner in directory.partners) if directory else ()
        return cls(tuple((role.id, role.name) for role in roles), bands["team_size"], bands["revenue"], quiz, partners)

    @property
    def quiz_questions(self) -> tuple[str, ...]:
        """The quiz's question ids: the address parameters the quiz hands to the form."""
        return tuple(question.id for question in self.quiz.questions) if self.quiz else ()

    def problems(self, quiz_file: str) -> list[Problem]:
        return [
            Problem(quiz_file, "questions", f"the contact form offers the quiz's question {question_id!r}; keep it")
            for question_id in QUIZ_FIELDS
            if not getattr(self, question_id)
        ]


def partner_label(partner: Partner) -> str:
    """How the form's "Send it to" names a partner: "Dana Whitfield (Denver, CO)"."""
    where = "head office" if partner.is_head_office else f"{partner.city}, {partner.state}"
    return f"{partner.name} ({where})"


QUIZ_ANSWERS_MAX = 500
MESSAGE_MAX = 4000
# "team_size=small,revenue=1-15m,...": ids only, so nothing else can ride along.
QUIZ_ANSWERS_PATTERN = r"[a-z0-9_]+=[a-z0-9_\-]+(,[a-z0-9_]+=[a-z0-9_\-]+)*"
# Patterns are written so that Python's `re` and the browser's `pattern` attribute
# (a JavaScript regular expression with the `v` flag) read them the same way.
ZIP_PATTERN = r"[0-9]{5}(-[0-9]{4})?"  # [0-9], not \d: Python's \d also matches Arabic-Indic and other digits
PHONE_PATTERN = r"[0-9 +\(\)\.\-]{7,25}"
EMAIL_SHAPE_PATTERN = r"[^@\s]+@[^@\s]+\.[^@\s]+"
# A partner's slug (the partner file's name): only its shape is checked here; the intake checks the directory.
SLUG_PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"
# A web link: http(s), a host with a dot, then anything without spaces (URL() checks the rest on the server).
# "/" is escaped inside classes: browsers compile `pattern` with the `v` flag, which refuses it bare.
LINK_PATTERN = r"https?://[^\s\/?#@]+\.[^\s\/?#@]+([\/?#]\S*)?"
ID_PREFIX = "contact-"


class ShapeRegexp(Regexp):
    """A Regexp that stops the field's later validators when it fails: one message per problem."""

    def __call__(self, form, field, message=None):
        try:
            super().__call__(form, field, message)
        except ValidationError as error:
            raise StopValidation(str(error)) from None


class ForKind:
    """The field belongs to one kind of inquiry (`enquiry_kind`): for any other kind it is not
    validated (errors cleared, like Optional) and neither stored nor shown; for its own kind,
    `message` makes it required (on the page: data-error-required, enforced by the script only
    while the question shows, never the `required` attribute, which would block the other kind)."""

    field_flags: dict = {}

    def __init__(self, kind: str, message: str | None = None):
        self.kind = kind
        self.message = message

    def __call__(self, form, field):
        if form.enquiry_kind.data != self.kind:
            field.errors[:] = []
            raise StopValidation()
        raw = field.raw_data[0] if field.raw_data else ""
        if self.message and not (raw.strip() if isinstance(raw, str) else raw):
            field.errors[:] = []
            raise StopValidation(self.message)


def kind_of(form_field) -> str | None:
    """The inquiry kind a field belongs to (its ForKind), or None for a field every inquiry has."""
    return next((validator.kind for validator in form_field.validators if isinstance(validator, ForKind)), None)


def asked(form_field, enquiry_kind: str) -> bool:
    """Whether an inquiry of this kind asks the field (what the intake stores and the e-mail shows)."""
    kind = kind_of(form_field)
    return kind is None or kind == enquiry_kind


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _choices(pairs: list[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def _state_choices() -> list[SelectChoice]:
    """Called when a form is made, so importing this module does not load the ZIP data."""
    return _choices([("", "Choose a state"), *us_states().items()])


def _anchored(pattern: str) -> str:
    # The browser anchors `pattern` on its own; Python's Regexp needs the anchors.
    return f"^(?:{pattern})$"


class ContactForm(Form):
    """One inquiry: who, where, what about. Field names are a contract with the intake service."""

    class Meta:
        def bind_field(self, form, unbound_field, options):
            # Ids are "contact-<name>" so they cannot clash with ids elsewhere on the page;
            # the submitted names stay the field names.
            return unbound_field.bind(form=form, id=f"{ID_PREFIX}{options['name']}", **options)

    name = StringField(
        "Your name",
        validators=[
            DataRequired("Enter your name"),
            Length(max=100, message="Your name must be 100 characters or fewer"),
        ],
        filters=[_strip],
        render_kw={"autocomplete": "name"},
    )
    email = EmailField(
        "Email address",
        description="We only use it to reply to you.",
        validators=[
            DataRequired("Enter your email address"),
            Length(max=254, message="Your email address must be 254 characters or fewer"),
            ShapeRegexp(_anchored(EMAIL_SHAPE_PATTERN), message="Enter an email address like name@example.com"),
            Email("Enter an email address like name@example.com", check_deliverability=False),
        ],
        filters=[_strip],
        render_kw={"autocomplete": "email", "spellcheck": "false"},
    )
    phone = TelField(
        "Phone (optional)",
        description="If you would rather talk than write.",
        validators=[
            Optional(),
            Length(max=25, message="Your phone number must be 25 characters or fewer"),
            Regexp(_anchored(PHONE_PATTERN), message="Enter a phone number, like (303) 555-0142"),
        ],
        filters=[_strip],
        render_kw={"autocomplete": "tel"},
    )
    company = StringField(
        "Company",
        description="If you are applying to become a partner, your own practice or current employer.",
        validators=[
            DataRequired("Enter your company's name"),
            Length(max=150, message="The company name must be 150 characters or fewer"),
        ],
        filters=[_strip],
        render_kw={"autocomplete": "organization"},
    )
    zip_code = StringField(
        "ZIP code",
        description="For example, 80202.",
        validators=[
            Optional(),
            Length(max=10, message="Enter a 5-digit ZIP code, like 80202"),
            Regexp(_anchored(ZIP_PATTERN), message="Enter a 5-digit ZIP code, like 80202"),
        ],
        filters=[_strip],
        render_kw={"autocomplete": "postal-code", "inputmode": "numeric", "size": "10"},
    )
    state = SelectField(
        "Or your state",
        description="If you prefer not to give a ZIP code.",
        choices=_state_choices,
        validators=[Optional()],
        default="",
        render_kw={"autocomplete": "address-level1"},
    )
    partner = SelectField(
        "Send it to",
        choices=[],  # the partners, from FormChoices
        default="",
        validate_choice=False,  # a partner gone since the page was built is not the visitor's error (routing.py)
        validators=[
            ForKind("leadership"),
            Optional(),
            Length(max=64, message="Choose a partner from the list"),
            Regexp(_anchored(SLUG_PATTERN), message="Choose a partner from the list"),
        ],
        filters=[_strip],
    )
    enquiry_kind = RadioField(
        "What would you like to talk about?",
        choices=_choices(ENQUIRY_KINDS),
        default="leadership",
        validators=[InputRequired("Choose what you would like to talk about")],
    )
    role = RadioField(
        "Which kind of sales leadership interests you?",
        description="Not sure? Our partners help you choose; the quiz can give you a first idea.",
        choices=[],  # the roles, from FormChoices
        default="not-sure",
        validators=[ForKind("leadership", "Choose the kind of sales leadership that interests you, or 'Not sure yet'")],
    )
    team_size = SelectField(
        "How many salespeople do you have? (optional)",
        choices=[],  # the quiz's options, from FormChoices
        default="",
        validators=[ForKind("leadership"), Optional()],
    )
    revenue = SelectField(
        "Annual revenue (optional)",
        choices=[],  # the quiz's options, from FormChoices
        default="",
        validators=[ForKind("leadership"), Optional()],
    )
    experience = SelectField(
        "How many years have you led sales teams?",
        choices=_choices(EXPERIENCE_BANDS),
        default="",
        validators=[ForKind("partner", "Choose how many years you have led sales teams")],
    )
    territory = StringField(
        "Which area would you like to cover?",
        description="A metro area, a state, or ZIP codes.",
        validators=[
            ForKind("partner", "Enter the area you would like to cover"),
            Length(max=200, message="The area must be 200 characters or fewer"),
        ],
        filters=[_strip],
    )
    profile_url = URLField(
        "Your LinkedIn profile or CV (a link)",
        description="For example, https://www.linkedin.com/in/your-name",
        validators=[
            ForKind("partner", "Enter a link to your LinkedIn profile or CV"),
            Length(max=300, message="The link must be 300 characters or fewer"),
            ShapeRegexp(
                _anchored(LINK_PATTERN),
                message="Enter the whole link, starting https://",
            ),
            URL(message="Enter the whole link, starting https://"),
        ],
        filters=[_strip],
        render_kw={"autocomplete": "url"},
    )
    message = TextAreaField(
        "Your message",
        description="What is working, what is not, and what you would like help with.",
        validators=[
            DataRequired("Enter your message"),
            Length(max=MESSAGE_MAX, message=f"Your message must be {MESSAGE_MAX:,} characters or fewer"),
        ],
        filters=[_strip],
        render_kw={"rows": "6"},
    )
    consent = BooleanField(
        Markup(
            "I agree to be contacted about my inquiry by the partner for my area or the head office, "
            'as described in the <a href="/privacy/">privacy notice</a>.'
        ),
        validators=[DataRequired("Tick the box to agree to be contacted, so we can reply")],
    )
    # The honeypot: hidden from people (see render.py), left empty by them, often
    # filled by bots. The form accepts any value; the intake decides what to do.
    website = StringField(
        "Leave this field empty",
        render_kw={"autocomplete": "off", "tabindex": "-1"},
    )
    quiz_answers = HiddenField(
        "Quiz answers",  # read by people in the e-mail and the exports (a line must not start "From ": mbox)
        validators=[
            Optional(),
            Length(max=QUIZ_ANSWERS_MAX),
            Regexp(_anchored(QUIZ_ANSWERS_PATTERN), message="The quiz answers were not in the expected format"),
        ],
        filters=[_strip],
    )
    started = HiddenField(validators=[Optional(), Length(max=200)], filters=[_strip])

    def __init__(self, formdata=None, *, choices: FormChoices, **kwargs):
        super().__init__(formdata, **kwargs)
        self.choices = choices
        self.role.choices = _choices([*choices.roles, NOT_SURE])
        self.team_size.choices = _choices([NOT_SAID, *choices.team_size])
        self.revenue.choices = _choices([NOT_SAID, *choices.revenue])
        self.partner.choices = _choices([ANY_PARTNER, *choices.partners])

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not self.zip_code.data and not self.state.data:
            self.zip_code.errors = [*self.zip_code.errors, self.LOCATION_REQUIRED]
            valid = False
        return valid

    LOCATION_REQUIRED = "Enter your ZIP code, or choose your state"
