"""ContactForm validates posts the way the intake service will: with a werkzeug MultiDict."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from sales_leadership.contact.forms import ContactForm, asked
from tests.contact.support import contact_form, shipped_choices
from tests.quiz.support import shipped_quiz, shipped_roles

VALID = {
    "name": "Ann Owner",
    "email": "ann@example.com",
    "phone": "(303) 555-0199",
    "company": "Owner & Co",
    "zip_code": "80202",
    "state": "",
    "enquiry_kind": "leadership",
    "role": "part-time",
    "team_size": "small",
    "revenue": "1-15m",
    "message": "We have six salespeople and no sales manager.",
    "consent": "y",
    "website": "",
    "quiz_answers": "team_size=small,revenue=1-15m,stage=established",
    "started": "",
}


def post(**changes) -> ContactForm:
    data = {**VALID, **changes}
    return contact_form({key: value for key, value in data.items() if value is not None})


def test_a_complete_enquiry_is_valid_and_its_data_is_clean():
    form = post(name="  Ann Owner  ")
    assert form.validate(), form.errors
    assert form.data["name"] == "Ann Owner"
    assert form.data["consent"] is True
    assert form.data["quiz_answers"] == "team_size=small,revenue=1-15m,stage=established"


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("name", "Enter your name"),
        ("email", "Enter your email address"),
        ("company", "Enter your company's name"),
        ("message", "Enter your message"),
        ("consent", "Tick the box to agree to be contacted, so we can reply"),
        ("enquiry_kind", "Choose what you would like to talk about"),
        ("role", "Choose the kind of sales leadership that interests you, or 'Not sure yet'"),
    ],
)
def test_required_fields_say_what_to_do(field, message):
    form = post(**{field: None})
    assert not form.validate()
    assert form.errors[field] == [message]


def test_optional_fields_may_be_left_out():
    form = post(phone=None, team_size=None, revenue=None, quiz_answers=None, started=None, website=None)
    assert form.validate(), form.errors


def test_a_zip_code_or_a_state_is_required_and_the_message_is_on_the_zip_code():
    form = post(zip_code="", state="")
    assert not form.validate()
    assert form.errors == {"zip_code": ["Enter your ZIP code, or choose your state"]}
    assert post(zip_code="", state="CO").validate()
    assert post(zip_code="80202-1234").validate()


@pytest.mark.parametrize("zip_code", ["8020", "802021", "80202-12", "abcde", "80 202"])
def test_a_malformed_zip_code_is_refused(zip_code):
    form = post(zip_code=zip_code)
    assert not form.validate()
    assert form.errors["zip_code"][0] == "Enter a 5-digit ZIP code, like 80202"


@pytest.mark.parametrize("email", ["ann", "ann@", "ann@example", "ann@@example.com", "ann example@example.com"])
def test_a_malformed_email_gets_one_clear_message(email):
    form = post(email=email)
    assert not form.validate()
    assert form.errors["email"] == ["Enter an email address like name@example.com"]


def test_unknown_choices_are_refused():
    for field, value in [("state", "ZZ"), ("role", "ceo"), ("enquiry_kind", "job"), ("team_size", "huge")]:
        form = post(**{field: value})
        assert not form.validate(), field
        assert field in form.errors


def test_choices_come_from_the_role_catalogue_and_the_quiz():
    form = contact_form()
    assert [choice.value for choice in form.enquiry_kind.choices] == ["leadership", "partner"]
    assert [choice.value for choice in form.role.choices] == [*shipped_roles().ids, "not-sure"]
    assert [choice.label for choice in form.role.choices][:-1] == [role.name for role in shipped_roles()]
    for name in ("team_size", "revenue"):
        offered = [(choice.value, choice.label) for choice in getattr(form, name).choices if choice.value]
        assert offered == [(option.id, option.label) for option in shipped_quiz().question(name).options], name


def test_the_honeypot_is_not_rejected_by_the_form_itself():
    assert post(website="http://spam.example.net").validate()


@pytest.mark.parametrize("answers", ["team_size=small;drop table", "a" * 501, "team_size=<b>", "=x"])
def test_quiz_answers_must_be_ids_and_short(answers):
    form = post(quiz_answers=answers)
    assert not form.validate()
    assert "quiz_answers" in form.errors


def test_the_started_token_is_length_limited():
    assert post(started="t" * 200).validate()
    assert not post(started="t" * 201).validate()


def test_values_longer_than_the_limits_are_refused():
    assert post(message="x" * 4000).validate()
    assert not post(message="x" * 4001).validate()
    assert not post(name="x" * 101).validate()


APPLICATION = {
    **VALID,
    "enquiry_kind": "partner",
    "experience": "6-10",
    "territory": "Denver metro and northern Colorado",
    "profile_url": "https://www.linkedin.com/in/sam-leader",
}


def apply(**changes) -> ContactForm:
    data = {**APPLICATION, **changes}
    return contact_form({key: value for key, value in data.items() if value is not None})


def test_a_partner_application_needs_the_applicants_questions_not_the_companys():
    form = apply(role=None, team_size=None, revenue=None)
    assert form.validate(), form.errors
    form = apply(experience="", territory="  ", profile_url=None)
    assert not form.validate()
    assert form.errors == {
        "experience": ["Choose how many years you have led sales teams"],
        "territory": ["Enter the area you would like to cover"],
        "profile_url": ["Enter a link to your LinkedIn profile or CV"],
    }


def test_a_company_inquiry_ignores_the_applicants_questions_even_when_filled_badly():
    form = post(experience="forever", territory="x" * 999, profile_url="javascript:alert(1)")
    assert form.validate(), form.errors
    form = apply(role="ceo", team_size="huge", partner="<script>")
    assert form.validate(), form.errors


@pytest.mark.parametrize(
    ("link", "valid"),
    [
        ("https://www.linkedin.com/in/sam-leader", True),
        ("http://example.com/cv.pdf", True),
        ("https://drive.example.org/file?id=7#page=2", True),
        ("www.linkedin.com/in/sam", False),
        ("javascript:alert(1)", False),
        ("ftp://example.com/cv.pdf", False),
        ("https://user:pw@example.com/", False),
        ("https://localhost/cv", False),
        ("https://example.com/" + "x" * 300, False),
    ],
)
def test_the_profile_link_is_a_web_address(link, valid):
    form = apply(profile_url=link)
    assert form.validate() == valid, form.errors
    if not valid:
        assert form.errors["profile_url"][0] in (
            "Enter the whole link, starting https://",
            "The link must be 300 characters or fewer",
        )


def test_a_chosen_partner_is_a_slug_and_need_not_be_offered():
    """The intake checks the directory (a partner gone since the build falls back to routing): only the shape here."""
    assert post(partner="denver").validate()
    assert post(partner="left-last-year").validate()
    assert post(partner="").validate()
    for bad in ("Denver", "dana@example.com", "../denver", "x" * 65):
        form = post(partner=bad)
        assert not form.validate(), bad
        assert form.errors["partner"] == ["Choose a partner from the list"], bad


def test_a_message_over_the_limit_gets_an_error_naming_the_limit_not_a_cut():
    form = post(message="x" * 5000)
    assert not form.validate()
    assert form.errors["message"] == ["Your message must be 4,000 characters or fewer"]
    assert form.message.data == "x" * 5000
    assert post(message="😀" * 4000).validate(), "characters are counted, not bytes"


def test_each_kind_of_inquiry_asks_its_own_questions_and_everyone_the_common_ones():
    """What the intake stores and the partner's e-mail shows for each kind (`asked`)."""
    form = contact_form()
    assert [name for name in ("territory", "role", "email") if asked(form[name], "partner")] == ["territory", "email"]
    assert [name for name in ("territory", "role", "email") if asked(form[name], "leadership")] == ["role", "email"]


def test_send_it_to_names_each_partner_by_their_city_and_the_head_office_as_such():
    labels = dict(shipped_choices().partners)
    assert labels["denver"] == "Dana Whitfield (Denver, CO)"
    assert labels["head-office"] == "Jordan Ellis (head office)"


def test_a_field_posted_twice_is_judged_by_its_first_value_the_one_stored():
    """A crafted post can repeat a field; the form keeps the first value, so it must check that one."""
    others = [(key, value) for key, value in APPLICATION.items() if key != "territory" and value is not None]
    form = contact_form(MultiDict([*others, ("territory", ""), ("territory", "Denver")]))
    assert not form.validate()
    assert form.errors["territory"] == ["Enter the area you would like to cover"]
    assert form.territory.data == ""
