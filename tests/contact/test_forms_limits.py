"""ContactForm at the edges of what it accepts: every length limit, the patterns, what an empty field stores.

The visitor sees the first message of a field (render.py), so that is what these tests read.
"""

from __future__ import annotations

import pytest

from sales_leadership.contact.forms import FormChoices
from tests.contact.support import contact_form
from tests.contact.test_forms import post
from tests.quiz.support import shipped_quiz, shipped_roles

# An address of exactly 254 characters that is otherwise valid: 64-character local part, 63-character labels.
LONGEST_EMAIL = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 57 + ".com"


def first_error(form, field: str) -> str | None:
    form.validate()
    return (form.errors.get(field) or [None])[0]


@pytest.mark.parametrize(
    ("field", "longest", "too_long", "message"),
    [
        ("name", "n" * 100, "n" * 101, "Your name must be 100 characters or fewer"),
        ("email", LONGEST_EMAIL, "a" + LONGEST_EMAIL, "Your email address must be 254 characters or fewer"),
        ("phone", "1" * 25, "1" * 26, "Your phone number must be 25 characters or fewer"),
        ("company", "c" * 150, "c" * 151, "The company name must be 150 characters or fewer"),
        ("message", "m" * 4000, "m" * 4001, "Your message must be 4,000 characters or fewer"),
        ("quiz_answers", "a=" + "b" * 498, "a=" + "b" * 499, "Field cannot be longer than 500 characters."),
        ("zip_code", "80202-1234", "80202-12345", "Enter a 5-digit ZIP code, like 80202"),
    ],
)
def test_each_length_limit_takes_the_longest_value_and_refuses_one_character_more(field, longest, too_long, message):
    assert len(LONGEST_EMAIL) == 254
    assert first_error(post(**{field: longest}), field) is None
    assert first_error(post(**{field: too_long}), field) == message


APPLICATION = {"enquiry_kind": "partner", "experience": "10-plus", "territory": "Denver", "role": None}
LONGEST_LINK = "https://example.com/" + "p" * 280


@pytest.mark.parametrize(
    ("field", "longest", "too_long", "message", "kind"),
    [
        ("territory", "t" * 200, "t" * 201, "The area must be 200 characters or fewer", APPLICATION),
        ("profile_url", LONGEST_LINK, LONGEST_LINK + "p", "The link must be 300 characters or fewer", APPLICATION),
        ("partner", "a" * 64, "a" * 65, "Choose a partner from the list", {}),
    ],
)
def test_the_applicants_and_the_chosen_partners_limits_too(field, longest, too_long, message, kind):
    assert len(LONGEST_LINK) == 300
    assert first_error(post(**{**kind, field: longest}), field) is None
    assert first_error(post(**{**kind, field: too_long}), field) == message


@pytest.mark.parametrize(
    ("field", "limit"),
    [("name", 100), ("email", 254), ("phone", 25), ("company", 150), ("zip_code", 10), ("partner", 64)]
    + [("territory", 200), ("profile_url", 300), ("message", 4000), ("quiz_answers", 500)],
)
def test_the_browser_is_told_each_limit(field, limit):
    """The page's maxlength comes from the same limit, so a browser stops typing where the server would refuse."""
    assert getattr(contact_form()[field].flags, "maxlength", None) == limit


@pytest.mark.parametrize("phone", ["5550142", "+1 (303) 555-0142", "303.555.0142", "(303)555-0142"])
def test_a_phone_number_is_digits_spaces_and_the_usual_signs_seven_or_more(phone):
    assert first_error(post(phone=phone), "phone") is None


@pytest.mark.parametrize("phone", ["555014", "555-CALL-NOW", "303/555/0142", "+1 303 555 0142 ext 7", "٣٠٣٥٥٥٠١٤٢"])
def test_anything_else_is_not_a_phone_number(phone):
    assert first_error(post(phone=phone), "phone") == "Enter a phone number, like (303) 555-0142"


@pytest.mark.parametrize("answers", ["a=b", "team_size=small", "team_size=1-15m,stage=scale_up", "q1=o-2,q_2=3"])
def test_quiz_answers_are_question_option_pairs_of_ids(answers):
    form = post(quiz_answers=f" {answers} ")
    assert form.validate(), form.errors
    assert form.data["quiz_answers"] == answers


@pytest.mark.parametrize(
    "answers", ["team_size=small,", ",a=b", "Team_size=small", "team-size=small", "a=b,,c=d", "a=b c=d", "a=B"]
)
def test_anything_else_in_the_quiz_answers_is_refused(answers):
    assert first_error(post(quiz_answers=answers), "quiz_answers") == "The quiz answers were not in the expected format"


def test_the_state_list_starts_with_an_empty_choose_a_state_and_that_is_no_state():
    form = contact_form()
    first = form.state.choices[0]
    assert (first.value, first.label) == ("", "Choose a state")
    assert len(form.state.choices) > 50 and ("CO", "Colorado") in [(c.value, c.label) for c in form.state.choices]
    assert first_error(post(zip_code="", state=""), "zip_code") == "Enter your ZIP code, or choose your state"
    assert first_error(post(zip_code="", state="Choose a state"), "state") == "Not a valid choice."


def test_optional_fields_left_out_are_stored_empty_never_a_made_up_value():
    form = post(team_size=None, revenue=None, phone=None, state=None, quiz_answers=None)
    assert form.validate(), form.errors
    assert {name: form.data[name] for name in ("team_size", "revenue", "state")} == {
        "team_size": "",
        "revenue": "",
        "state": "",
    }
    assert (form.data["phone"], form.data["quiz_answers"]) == (None, None)


def test_a_new_form_starts_at_leadership_not_sure_and_nothing_chosen():
    form = contact_form()
    assert (form.enquiry_kind.data, form.role.data, form.team_size.data, form.revenue.data, form.state.data) == (
        "leadership",
        "not-sure",
        "",
        "",
        "",
    )
    assert [(c.value, c.label) for c in form.team_size.choices][0] == ("", "Prefer not to say")
    assert [(c.value, c.label) for c in form.role.choices][-1] == ("not-sure", "Not sure yet")


def test_field_ids_are_prefixed_and_the_posted_names_are_not():
    form = contact_form()
    assert [(field.id, field.name) for field in (form.name, form.zip_code)] == [
        ("contact-name", "name"),
        ("contact-zip_code", "zip_code"),
    ]


def test_spaces_around_a_value_are_not_part_of_it():
    form = post(email=" ann@example.com ", zip_code=" 80202 ", phone=" 5550142 ", company=" Owner & Co ")
    assert form.validate(), form.errors
    assert [form.data[name] for name in ("email", "zip_code", "phone", "company")] == [
        "ann@example.com",
        "80202",
        "5550142",
        "Owner & Co",
    ]


def test_a_quiz_without_the_questions_the_form_offers_is_reported_on_the_quiz_file():
    choices = FormChoices.from_content(shipped_roles(), shipped_quiz())
    assert choices.problems("content/quiz/role-selector.yaml") == []
    assert choices.quiz_questions == tuple(question.id for question in shipped_quiz().questions)
    bare = FormChoices(choices.roles, (), choices.revenue)
    assert [str(problem) for problem in bare.problems("content/quiz/role-selector.yaml")] == [
        "content/quiz/role-selector.yaml: questions: the contact form offers the quiz's question 'team_size'; keep it"
    ]
    assert bare.quiz_questions == ()
