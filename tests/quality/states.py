"""Interactive states to audit, driven through the page as a visitor would.

Each walk is a generator: it drives the page to a state and yields a label
("quiz step 2 (annual revenue)") while the page shows that state, so one walk
serves several checks (axe in a CSP-bypassing context, the real CSP in
another). Walks rely only on the contracts in docs/design.md: quiz questions are
fieldsets of radios named by question id in one <form>, the result carries
`data-quiz-result` and `data-outcome`; the contact form carries `autocomplete`
tokens (`postal-code`), errors are announced (role="alert", an error summary,
or aria-invalid fields) and the located partner appears in a live region.

A feature is *expected* when its plugin is listed in PLUGINS, its content
exists, or its markup is on the page. An expected feature whose walk cannot
find its states fails the test; one with no trace at all is skipped by name.
To cover a new state, add a walk here and an entry to WALKS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

from sales_leadership.files import load_yaml
from site_guard.build import load_settings
from tests.support import CONTENT, SETTINGS, soup

# The quiz's outcome ids (docs/design.md): the four roles and the honest answers that are none of them.
OUTCOMES = {outcome["id"] for outcome in load_yaml(CONTENT / "quiz" / "role-selector.yaml")["outcomes"]}
MAX_QUIZ_STEPS = 30
STEP_TIMEOUT_MS = 5_000
LOCATOR_ZIP = "80202"  # Denver: every US ZIP routes to some partner (nearest, else head office)

ERROR_SHOWN = """() => !!document.querySelector('[aria-invalid="true"]') ||
  [...document.querySelectorAll('[role="alert"], .error-summary, [data-error-summary]')]
    .some((el) => el.getClientRects().length > 0 && el.textContent.trim() !== "")"""

# After "Next": the answered question has gone, or the result is on screen.
STEP_DONE = """(answered) => {
  const shown = (el) => el && el.isConnected && el.getClientRects().length > 0;
  const result = document.querySelector('[data-quiz-result]');
  return !shown(answered) || (shown(result) && !!result.dataset.outcome);
}"""

LIVE_REGION_TEXTS = """() => [...document.querySelectorAll('[aria-live], [role="status"], output')]
  .map((el) => el.textContent.trim()).filter(Boolean)"""

NEW_LIVE_TEXT = """(before) => [...document.querySelectorAll('[aria-live], [role="status"], output')]
  .some((el) => el.getClientRects().length > 0 && el.textContent.trim() !== "" &&
               !before.includes(el.textContent.trim()))"""


@dataclass(frozen=True)
class Feature:
    name: str
    page: str  # root-relative URL of the page holding the states
    plugin: str
    content_glob: str | None
    markup: str  # CSS selector: the feature's markup is on the built page

    def evidence(self, output: Path) -> list[str]:
        """Why this site is expected to have the feature (empty: it has none yet)."""
        found = []
        plugins = load_settings(SETTINGS).get("PLUGINS") or []
        if self.plugin in plugins:
            found.append(f"plugin {self.plugin!r} is in PLUGINS")
        if self.content_glob:
            found.extend(
                f"{path.relative_to(CONTENT.parent)} exists" for path in sorted(CONTENT.glob(self.content_glob))
            )
        built = output / self.page.lstrip("/") / "index.html"
        if built.is_file() and soup(built).select_one(self.markup):
            found.append(f"{self.page} has {self.markup}")
        return found


QUIZ = Feature("quiz", "/quiz/", "role_quiz", "quiz/*.yaml", "main form fieldset input[type=radio]")
# The contact form is the form that asks for an email address; the locator may sit in it or beside it.
CONTACT_FORM_SELECTOR = "main form:has(input[type=email], input[autocomplete=email])"
POSTAL_CODE_SELECTOR = "main input[autocomplete=postal-code]"
CONTACT_FORM = Feature("contact form", "/contact/", "contact_form", None, CONTACT_FORM_SELECTOR)
LOCATOR = Feature("partner locator", "/contact/", "partner_directory", "partners/*.md", POSTAL_CODE_SELECTOR)


def _wait_for(page, script: str, failure: str, arg=None) -> None:
    """Wait until `script` is true in the page, or fail saying what the visitor did not get."""
    try:
        page.wait_for_function(script, arg=arg, timeout=STEP_TIMEOUT_MS)
    except PlaywrightError as error:
        raise AssertionError(f"{failure} (waited {STEP_TIMEOUT_MS / 1000:.0f} s)") from error


def _visible(locator) -> list:
    return [item for item in locator.all() if item.is_visible()]


def _submit(form) -> None:
    buttons = _visible(form.locator("button[type=submit], button:not([type]), input[type=submit]"))
    assert buttons, "no visible submit button in the form"
    buttons[0].click()


def _choose_first(fieldset) -> None:
    radio = fieldset.locator("input[type=radio]").first
    radio.check(force=not radio.is_visible())


def walk_quiz(page, base_url: str) -> Iterator[str]:
    """Each question, the error for a step sent without an answer, and the result."""
    page.goto(base_url + QUIZ.page)
    page.wait_for_load_state("networkidle")
    forms = page.locator("main form:has(fieldset input[type=radio])")
    assert forms.count() >= 1, "/quiz/: no <form> with fieldsets of radio inputs (docs/design.md quiz contract)"
    form = forms.first
    result = page.locator("[data-quiz-result]")
    for step in range(1, MAX_QUIZ_STEPS + 1):
        questions = _visible(form.locator("fieldset:has(input[type=radio])"))
        assert questions, f"/quiz/ step {step}: no visible question and no result"
        legend = questions[0].locator("legend").first
        yield f"/quiz/ step {step} ({' '.join(legend.inner_text().split()) if legend.count() else 'no legend'})"
        if step == 1:
            _submit(form)
            _wait_for(
                page,
                ERROR_SHOWN,
                "/quiz/: sending step 1 without an answer showed no error (role=alert, "
                "an error summary or aria-invalid)",
            )
            yield "/quiz/ error: step 1 sent without an answer"
        for question in questions:
            _choose_first(question)
        answered = questions[0].element_handle()
        _submit(form)
        _wait_for(page, STEP_DONE, f"/quiz/ step {step}: after answering and sending, the question stayed", answered)
        if result.count() and result.first.is_visible() and result.first.get_attribute("data-outcome"):
            break
    else:
        raise AssertionError(f"/quiz/: no result after {MAX_QUIZ_STEPS} steps")
    outcome = result.first.get_attribute("data-outcome")
    assert outcome in OUTCOMES, f"/quiz/: result data-outcome={outcome!r} is not one of {sorted(OUTCOMES)}"
    yield f"/quiz/ result ({outcome})"


def _open_contact_page(page, base_url: str) -> None:
    page.goto(base_url + CONTACT_FORM.page)
    page.wait_for_load_state("networkidle")


def walk_contact_error(page, base_url: str) -> Iterator[str]:
    """The contact form sent empty: its errors, summarised and tied to the fields."""
    _open_contact_page(page, base_url)
    forms = page.locator(CONTACT_FORM_SELECTOR)
    assert forms.count() >= 1, f"{CONTACT_FORM.page}: no form asking for an email address in <main>"
    _submit(forms.first)
    page.wait_for_load_state("networkidle")
    _wait_for(
        page,
        ERROR_SHOWN,
        f"{CONTACT_FORM.page}: sending the empty form showed no error summary, role=alert or aria-invalid field "
        "(the browser's own validation bubbles cannot be audited or read out reliably)",
    )
    yield f"{CONTACT_FORM.page} error state (form sent empty)"


def walk_locator(page, base_url: str) -> Iterator[str]:
    """A ZIP typed into the contact form: the local partner appears in a live region."""
    _open_contact_page(page, base_url)
    field = page.locator(POSTAL_CODE_SELECTOR)
    assert field.count() >= 1, f'{LOCATOR.page}: no input with autocomplete="postal-code" in <main>'
    before = page.evaluate(LIVE_REGION_TEXTS)
    field.first.fill(LOCATOR_ZIP)
    field.first.press("Tab")
    _wait_for(
        page,
        NEW_LIVE_TEXT,
        f"{LOCATOR.page}: after typing ZIP {LOCATOR_ZIP} no live region (aria-live, role=status or <output>) "
        "showed the local partner",
        before,
    )
    yield f"{LOCATOR.page} partner found for ZIP {LOCATOR_ZIP}"


Walk = Callable[[object, str], Iterator[str]]
WALKS: dict[str, tuple[Feature, Walk]] = {
    "quiz steps, error and result": (QUIZ, walk_quiz),
    "contact form error state": (CONTACT_FORM, walk_contact_error),
    "partner found in the locator": (LOCATOR, walk_locator),
}
