"""The static form says what the server checks: every field, constraint and autocomplete token."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from werkzeug.datastructures import MultiDict
from wtforms.validators import Regexp

from sales_leadership.contact.backend import ContactBackend
from sales_leadership.contact.forms import MESSAGE_MAX
from sales_leadership.contact.intake_files import FORM_SLOT, INTAKE_FOLDER
from sales_leadership.contact.render import browser_pattern, render_form
from site_guard.build import BuildFailed
from tests.contact.support import contact_form, shipped_directory
from tests.support import build, copy_content, soup

INTAKE = ContactBackend()
AUTOCOMPLETE = {
    "name": "name",
    "email": "email",
    "phone": "tel",
    "company": "organization",
    "zip_code": "postal-code",
    "state": "address-level1",
    "website": "off",
}
INPUT_TYPES = {"email": "email", "phone": "tel", "name": "text", "company": "text", "zip_code": "text"}


@pytest.fixture(scope="module")
def page(built_site):
    return soup(built_site / "contact" / "index.html")


@pytest.fixture(scope="module")
def form(page):
    return page.find("form", attrs={"data-contact-form": True})


def controls(form, name):
    return form.find_all(attrs={"name": name})


def test_the_intake_gets_the_contact_page_with_a_slot_where_the_form_goes(built_site):
    page = (built_site / "contact" / "index.html").read_text(encoding="utf-8")
    shell = (built_site / INTAKE_FOLDER / "contact.html").read_text(encoding="utf-8")
    assert len(BeautifulSoup(page, "html.parser").find_all("form", attrs={"data-contact-form": True})) == 1
    assert shell.count(FORM_SLOT) == 1 and "data-contact-form" not in shell
    before, after = page.split('<form class="contact-form"', 1)[0], page.rsplit("</form>", 1)[1]
    assert shell.startswith(before) and shell.endswith(after), "the slot must stand exactly where the form was"


def test_the_form_posts_to_the_intake_by_default(form):
    assert form["action"] == "/api/contact"
    assert form["data-token-url"] == "/api/contact/token"


def test_every_wtforms_field_is_in_the_page_with_its_constraints(form, page):
    for field in contact_form():
        found = controls(form, field.name)
        assert found, f"{field.name} is missing from the page"
        for control in found:
            assert control["id"].startswith(field.id), field.name
            assert control.has_attr("required") == bool(field.flags.required), field.name
            if control.name == "input" and control.get("type") != "hidden":
                expected = str(field.flags.maxlength) if field.flags.maxlength else None
                assert control.get("maxlength") == expected, field.name
            patterns = [browser_pattern(v.regex.pattern) for v in field.validators if isinstance(v, Regexp)]
            if control.get("type") == "hidden":
                assert control.get("data-pattern") == (patterns[0] if patterns else None), field.name
            elif control.name == "input" and control.get("type") != "radio":
                assert control.get("pattern") == (patterns[0] if patterns else None), field.name
        label_target = found[0]["id"]
        if found[0].get("type") == "hidden":
            continue
        if found[0].get("type") == "radio":
            legend = found[0].find_parent("fieldset").legend
            assert legend.get_text(strip=True) == str(field.label.text)
            for control in found:
                assert page.find("label", attrs={"for": control["id"]}), field.name
        else:
            label = page.find("label", attrs={"for": label_target})
            assert label is not None, f"{field.name} has no label"


def test_the_message_has_a_count_instead_of_a_maxlength_that_cuts_a_paste(form):
    message = controls(form, "message")[0]
    assert message.name == "textarea" and not message.has_attr("maxlength")
    assert message["data-maxlength"] == str(MESSAGE_MAX) == "4000"
    assert message["data-error-length"] == "Your message must be 4,000 characters or fewer"
    count = form.find(id="contact-message-count")
    assert "contact-message-count" in message["aria-describedby"].split()
    assert count.get_text(strip=True) == "You can enter up to 4,000 characters."
    status = form.find(attrs={"data-count-status": True})
    assert status["aria-live"] == "polite" and status.get_text(strip=True) == ""


def test_each_kind_of_inquiry_has_its_questions_under_a_legend_saying_who_answers(form):
    sections = {section["data-kind"]: section for section in form.find_all("fieldset", attrs={"data-kind": True})}
    assert set(sections) == {"leadership", "partner"}
    assert "partner application" in sections["partner"].legend.get_text()
    assert "sales leadership" in sections["leadership"].legend.get_text()
    names = {kind: {c["name"] for c in section.find_all(attrs={"name": True})} for kind, section in sections.items()}
    assert names == {
        "leadership": {"role", "team_size", "revenue"},
        "partner": {"experience", "territory", "profile_url"},
    }
    for name in ("experience", "territory", "profile_url"):
        control = controls(form, name)[0]
        assert not control.has_attr("required"), f"{name}: required would block a company's inquiry"
        assert control["data-error-required"], name
    assert controls(form, "profile_url")[0]["type"] == "url"
    chosen = controls(form, "partner")[0]
    assert chosen.find_parent(attrs={"data-kind": True})["data-kind"] == "leadership"


def test_send_it_to_offers_every_partner_by_name_and_place(form):
    options = [(o["value"], o.get_text(strip=True)) for o in controls(form, "partner")[0].find_all("option")]
    assert options[0] == ("", "The partner who covers my area")
    assert ("denver", "Dana Whitfield (Denver, CO)") in options
    assert ("head-office", "Jordan Ellis (head office)") in options
    assert len(options) == len(shipped_directory().partners) + 1


def test_input_types_and_autocomplete_tokens(form):
    for name, token in AUTOCOMPLETE.items():
        assert controls(form, name)[0]["autocomplete"] == token, name
    for name, input_type in INPUT_TYPES.items():
        assert controls(form, name)[0]["type"] == input_type, name
    assert controls(form, "zip_code")[0]["inputmode"] == "numeric"
    assert controls(form, "message")[0].name == "textarea"


def test_hints_are_linked_to_their_fields(form, page):
    for field in contact_form():
        if field.description and field.type not in ("RadioField",):
            control = controls(form, field.name)[0]
            hint = page.find(id=f"{field.id}-hint")
            assert hint.get_text(strip=True) == field.description
            assert f"{field.id}-hint" in control["aria-describedby"].split()


def test_choices_are_offered_with_their_labels(form):
    form_definition = contact_form()
    for name in ("enquiry_kind", "role", "team_size", "revenue", "state"):
        field = getattr(form_definition, name)
        offered = [control.get("value") for control in controls(form, name)]
        if controls(form, name)[0].name == "select":
            offered = [option["value"] for option in controls(form, name)[0].find_all("option")]
        assert offered == [choice.value for choice in field.choices], name
    assert form.find("input", attrs={"name": "role", "value": "not-sure"}).has_attr("checked")
    assert form.find("input", attrs={"name": "enquiry_kind", "value": "leadership"}).has_attr("checked")


def test_consent_is_required_and_links_the_privacy_notice(form):
    consent = controls(form, "consent")[0]
    assert consent["type"] == "checkbox" and consent.has_attr("required")
    label = form.find("label", attrs={"for": consent["id"]})
    assert label.find("a", href="/privacy/")


def test_the_honeypot_is_hidden_from_people(form):
    honeypot = controls(form, "website")[0]
    wrapper = honeypot.find_parent("div")
    assert wrapper["aria-hidden"] == "true" and "contact-hp" in wrapper["class"]
    assert honeypot["tabindex"] == "-1" and honeypot["autocomplete"] == "off"
    assert not honeypot.has_attr("required")


def test_the_browser_pattern_means_what_the_server_checks():
    """Each derived pattern, anchored as the browser anchors it, accepts exactly what the validator accepts."""
    samples = {
        "zip_code": ["80202", "80202-1234", "8020", "802021", "80202-", "x0202"],
        "phone": ["(303) 555-0142", "+1 303.555.0142", "555", "call me", "303-555-0142 ext 7"],
        "email": ["a@b.co", "a@b", "a b@c.de", "@c.de", "ann@example.com"],
        "quiz_answers": ["team_size=small", "team_size=small,revenue=1-15m", "team_size=", "a=b;c", ""],
    }
    form = contact_form()
    for name, values in samples.items():
        field = getattr(form, name)
        (validator,) = [v for v in field.validators if isinstance(v, Regexp)]
        browser = re.compile(f"^(?:{browser_pattern(validator.regex.pattern)})$")
        for value in values:
            assert bool(browser.match(value)) == bool(validator.regex.match(value)), (name, value)


def test_a_bound_form_with_errors_shows_a_summary_messages_and_the_values_entered():
    form = contact_form(MultiDict({"name": "Ann <b>", "email": "ann@", "enquiry_kind": "leadership"}))
    assert not form.validate()
    html = BeautifulSoup(render_form(form, INTAKE), "html.parser")
    summary = html.find(attrs={"data-error-summary": True})
    assert summary["role"] == "alert" and summary["tabindex"] == "-1"
    assert summary.find("h2").get_text(strip=True) == "There is a problem"
    links = {a["href"]: a.get_text(strip=True) for a in summary.find_all("a")}
    for href in links:
        assert html.find(id=href[1:]) is not None, f"summary link {href} points nowhere"
    assert links["#contact-email"] == "Enter an email address like name@example.com"
    assert links["#contact-zip_code"] == "Enter your ZIP code, or choose your state"
    assert links["#contact-role-0"].startswith("Choose the kind of sales leadership")
    email = html.find("input", attrs={"name": "email"})
    assert email["value"] == "ann@" and email["aria-invalid"] == "true"
    assert "contact-email-error" in email["aria-describedby"].split()
    assert html.find(id="contact-email-error").get_text(" ", strip=True) == (
        "Error: Enter an email address like name@example.com"
    )
    assert html.find("input", attrs={"name": "name"})["value"] == "Ann <b>"
    assert "aria-invalid" not in html.find("input", attrs={"name": "name"}).attrs
    role_fieldset = html.find("input", attrs={"name": "role"}).find_parent("fieldset")
    assert "contact-role-error" in role_fieldset["aria-describedby"]
    assert html.find("input", attrs={"name": "enquiry_kind", "value": "leadership"}).has_attr("checked")


def test_an_unbound_form_has_no_errors_shown():
    html = BeautifulSoup(render_form(contact_form(), INTAKE), "html.parser")
    assert html.find(attrs={"data-error-summary": True}) is None
    assert not html.find_all(attrs={"aria-invalid": True})


@pytest.mark.parametrize(
    ("backend", "expected"),
    [
        ({"mode": "intake", "url": "/api/contact"}, {"action": "/api/contact", "data-backend": "intake"}),
        ({"mode": "url", "url": "https://forms.example.net/f/abc"}, {"action": "https://forms.example.net/f/abc"}),
        (
            {"mode": "netlify"},
            {"action": "/contact/thanks/", "data-netlify": "true", "netlify-honeypot": "website", "name": "contact"},
        ),
        ({"mode": "mailto"}, {"action": "mailto:hello@example.com?subject=Inquiry%20from%20the%20website"}),
    ],
)
def test_where_the_form_posts_follows_contact_backend(backend, expected):
    settings = {"CONTACT_BACKEND": backend, "ORGANIZATION": {"email": "hello@example.com"}}
    contact_backend = ContactBackend.from_site_settings(settings)
    attributes = contact_backend.form_attributes()
    for name, value in expected.items():
        assert attributes[name] == value
    html = BeautifulSoup(render_form(contact_form(), contact_backend), "html.parser")
    assert html.form["action"] == expected["action"]
    if backend["mode"] == "netlify":
        assert html.find("input", attrs={"name": "form-name"})["value"] == "contact"
    if backend["mode"] == "mailto":
        assert html.form["enctype"] == "text/plain"


def test_a_mailto_build_puts_partner_addresses_in_the_lookup(tmp_path):
    output = tmp_path / "output"
    build(output, CONTACT_BACKEND={"mode": "mailto"})
    page = soup(output / "contact" / "index.html")
    assert page.form["action"].startswith("mailto:")
    assert "dana.whitfield@example.com" in page.find("script", id="partner-lookup").string
    assert "form-action 'self' mailto:" in (output / "_headers").read_text()


def test_an_unknown_backend_mode_fails_the_build_naming_the_setting(tmp_path):
    content = copy_content(tmp_path / "content")
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content, CONTACT_BACKEND={"mode": "carrier-pigeon"})
    assert "pelicanconf.py: CONTACT_BACKEND: unknown mode 'carrier-pigeon'" in str(failure.value)


def test_the_thanks_page_says_who_will_call(built_site):
    page = soup(built_site / "contact" / "thanks" / "index.html")
    text = page.find("main").get_text(" ", strip=True)
    assert "Who will call you" in text and "head office" in text
    assert page.find(attrs={"data-thanks-partner": True}).has_attr("hidden")
