"""What content/data/site.yaml holds besides `site`, `organisation` and `menus`: the wording.

Data, not code: one section per place on the site, one entry per piece of text, each with
its kind and the words in braces the template fills in (anything else in braces is a typo).
A template that prints a new fixed sentence adds its entry here and its text to site.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT = "text"  # a sentence or a heading
TEXTS = "texts"  # a list of them
LINK = "link"  # {label, url}
LINKS = "links"  # a list of them (buttons)


@dataclass(frozen=True)
class Entry:
    kind: str
    fills: tuple[str, ...] = ()  # {names} the site fills in, in the label, text or url's query


QUIZ = ("questions",)  # the most questions the quiz asks one owner, in words
ROLE = ("role",)  # a role's id
FIRST_NAME = ("first_name",)

WORDING: dict[str, dict[str, Entry]] = {
    "talk_card": {"heading": Entry(TEXT), "text": Entry(TEXT), "buttons": Entry(LINKS)},
    "home": {
        "hero_buttons": Entry(LINKS),
        "promises": Entry(TEXTS),
        "options_heading": Entry(TEXT),
        "options_link": Entry(LINK),
        "approach_heading": Entry(TEXT),
        "approach_link": Entry(LINK),
        "proof_heading": Entry(TEXT),
        "proof_link": Entry(LINK),
        "case_studies_heading": Entry(TEXT),
        "partners_buttons": Entry(LINKS),
        "places_heading": Entry(TEXT),
        "head_office": Entry(TEXT, ("place",)),
        "closing_heading": Entry(TEXT),
        "closing_text": Entry(TEXT, QUIZ),
        "closing_buttons": Entry(LINKS),
    },
    "role_page": {
        "eyebrow": Entry(TEXT),
        "buttons": Entry(LINKS, ROLE),
        "compare_link": Entry(LINK),
        "talk_buttons": Entry(LINKS, ROLE),
    },
    "compare_page": {
        "eyebrow": Entry(TEXT),
        "scroll_hint": Entry(TEXT),
        "chart_caption": Entry(TEXT),
        "talk_heading": Entry(TEXT),
        "talk_text": Entry(TEXT),
        "basis_heading": Entry(TEXT),
    },
    "approach_page": {"eyebrow": Entry(TEXT), "talk_heading": Entry(TEXT), "talk_text": Entry(TEXT)},
    "faq_page": {"talk_heading": Entry(TEXT), "talk_text": Entry(TEXT)},
    "article_page": {"talk_heading": Entry(TEXT), "talk_text": Entry(TEXT, QUIZ)},
    "insights": {"lead": Entry(TEXT)},
    "case_studies": {
        "lead": Entry(TEXT),
        "closing_heading": Entry(TEXT),
        "closing_text": Entry(TEXT),
        "closing_buttons": Entry(LINKS),
    },
    "case_study": {"heading": Entry(TEXT), "text": Entry(TEXT), "buttons": Entry(LINKS, ROLE)},
    "partners": {
        "eyebrow": Entry(TEXT),
        "heading": Entry(TEXT),
        "intro": Entry(TEXT),
        "locator_heading": Entry(TEXT),
        "locator_hint": Entry(TEXT),
        "head_office_heading": Entry(TEXT),
        "head_office_link": Entry(LINK),
    },
    "partner_page": {
        "message_button": Entry(LINK, FIRST_NAME),
        "booking_button": Entry(TEXT),
        "reply_note": Entry(TEXT),
        "apply_note": Entry(TEXT, ("link",)),
        "apply_link": Entry(LINK),
    },
    "contact_page": {"intro": Entry(TEXT)},
    "thanks_page": {
        "eyebrow": Entry(TEXT),
        "applicant_eyebrow": Entry(TEXT),
        "proof_heading": Entry(TEXT),
        "case_studies_link": Entry(LINK),
    },
    "send_problem_page": {"email_label": Entry(TEXT)},
}
