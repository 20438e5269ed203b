"""The quiz definition: what loads, and every kind of bad definition the build must refuse."""

from __future__ import annotations

import logging

import pytest
import yaml

from sales_leadership.files import display_path
from sales_leadership.quiz import contract
from sales_leadership.quiz.loader import parse_quiz
from site_guard.build import BuildFailed
from tests.quiz.support import DISPLAY, OUTCOMES, QUIZ_FILE, problems_of, shipped_data, shipped_quiz, shipped_roles
from tests.support import build, copy_content

# The shipped quiz's outcomes, as a message about an unknown one lists them.
OUTCOME_IDS = "fractional-cro, fractional-cso, interim, not-yet, part-time, permanent-hire"


def test_the_shipped_quiz_keeps_the_contract_ids():
    """The ids links and stored leads use (sales_leadership/quiz/contract.py, docs/design.md)."""
    quiz = shipped_quiz()
    assert {q.id: tuple(o.id for o in q.options) for q in quiz.questions} == contract.QUESTIONS
    assert [o.id for o in quiz.outcomes] == OUTCOMES
    assert sorted(quiz.tie_break) == sorted(OUTCOMES)


def test_the_shipped_quiz_has_the_text_an_owner_reads():
    quiz = shipped_quiz()
    assert quiz.title and quiz.intro and 110 <= len(quiz.description) <= 160
    for question in quiz.questions:
        assert question.text.endswith("?"), question.id
        assert question.error, f"{question.id}: no error message for 'nothing chosen'"
        for option in question.options:
            assert option.label
            if option.weights:
                assert option.reason, f"{question.id}={option.id} scores but gives no reason"
    for outcome in quiz.outcomes:
        assert outcome.summary and outcome.cta and outcome.url.startswith("/")
    roles = shipped_roles()
    assert [(o.id, o.title, o.url) for o in quiz.outcomes if o.is_role] == [(r.id, r.name, r.url) for r in roles]
    assert [o.id for o in quiz.outcomes if not o.is_role] == ["not-yet", "permanent-hire"]


def test_the_most_questions_one_owner_is_asked_is_counted_and_written_in_words():
    quiz = shipped_quiz()
    assert quiz.most_questions == 8  # every question, when the company has salespeople and wants the seat
    assert quiz.most_questions_in_words == "eight"
    assert "{questions}" in shipped_data()["intro"]
    assert quiz.intro.startswith("Up to eight quick questions") and "up to eight" in quiz.description
    data = shipped_data()
    data["questions"][5]["show_if"] = {"leadership_seat": ["yes"], "team_size": ["large"]}
    data["questions"].append(
        {
            "id": "extra",
            "text": "Only for large teams?",
            "show_if": {"team_size": ["large"]},
            "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
        }
    )
    assert parse_quiz(data, DISPLAY, shipped_roles()).most_questions == 9


def test_the_example_from_the_issue_unknown_outcome_in_weights():
    data = shipped_data()
    data["questions"][2]["options"][1]["weights"]["cro"] = 2
    assert problems_of(data) == [
        f"{DISPLAY}: question 3 (leader_situation), option 2 (owner-led), weights: unknown outcome 'cro'; "
        f"write one of {OUTCOME_IDS}"
    ]


def test_the_description_fits_search_results_once_the_number_of_questions_is_in_words():
    data = shipped_data()
    data["description"] = "Answer up to {questions} quick questions."
    assert problems_of(data) == [
        f"{DISPLAY}: description: 35 characters; write 110-160, as much as search results show"
    ]  # "Answer up to eight quick questions.": "eight" counted, not "{questions}"


# --- outcomes that are none of the roles ---------------------------------------------------


def outcome_of(data, outcome_id) -> dict:
    return next(outcome for outcome in data["outcomes"] if outcome["id"] == outcome_id)


def test_an_outcome_that_is_no_role_must_declare_its_title_and_page():
    data = shipped_data()
    not_yet = outcome_of(data, "not-yet")
    del not_yet["title"], not_yet["url"]
    assert problems_of(data) == [
        f"{DISPLAY}: outcome 5 (not-yet), id: unknown role 'not-yet'; the roles in content/data/roles.yaml are "
        "interim, part-time, fractional-cro, fractional-cso; an outcome that is none of the roles declares its own "
        "title and url"
    ]
    data = shipped_data()
    del outcome_of(data, "not-yet")["url"]
    assert problems_of(data) == [f"{DISPLAY}: outcome 5 (not-yet), url: missing text"]


def test_an_outcome_page_must_be_on_this_site():
    data = shipped_data()
    outcome_of(data, "permanent-hire")["url"] = "https://example.com/hiring"
    assert problems_of(data) == [
        f"{DISPLAY}: outcome 6 (permanent-hire), url: 'https://example.com/hiring' must be a page of this site, "
        "like /compare/"
    ]


def test_a_role_keeps_its_name_and_page_from_the_catalogue_even_beside_other_outcomes():
    data = shipped_data()
    outcome_of(data, "part-time")["title"] = "Part-timer"
    assert problems_of(data) == [
        f"{DISPLAY}: outcome 2 (part-time), title: comes from content/data/roles.yaml; remove it here"
    ]


def test_every_role_must_still_be_an_outcome():
    data = shipped_data()
    data["outcomes"] = [o for o in data["outcomes"] if o["id"] != "fractional-cso"]
    for question in data["questions"]:
        for option in question["options"]:
            option["weights"].pop("fractional-cso", None)
    data["tie_break"].remove("fractional-cso")
    assert problems_of(data) == [
        f"{DISPLAY}: outcomes: no entry for the role 'fractional-cso' (listed in content/data/roles.yaml)"
    ]


def test_a_misspelt_role_with_a_title_is_not_taken_for_a_new_outcome():
    data = shipped_data()
    cso = outcome_of(data, "fractional-cso")
    cso.update({"id": "fractional-cs0", "title": "Fractional CSO", "url": "/roles/fractional-cso/"})
    assert f"{DISPLAY}: outcomes: no entry for the role 'fractional-cso' (listed in content/data/roles.yaml)" in (
        problems_of(data)
    )


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("question", f"{DISPLAY}: question 2 (team_size), id: duplicate question id 'team_size'"),
        ("option", f"{DISPLAY}: question 1 (team_size), option 3 (solo), id: duplicate option id 'solo'"),
        ("outcome", f"{DISPLAY}: outcome 2 (interim), id: duplicate outcome id 'interim'"),
    ],
)
def test_duplicate_ids(where, expected):
    data = shipped_data()
    if where == "question":
        data["questions"][1]["id"] = "team_size"
    elif where == "option":
        data["questions"][0]["options"][2]["id"] = "solo"
    else:
        data["outcomes"][1]["id"] = "interim"
    assert expected in problems_of(data)


def test_unknown_outcome_in_tie_break_and_a_missing_one():
    data = shipped_data()
    data["tie_break"] = ["not-yet", "part-time", "fractional-cso", "fractional-cro", "permanent-hire", "interm"]
    problems = problems_of(data)
    assert f"{DISPLAY}: tie_break, entry 6: unknown outcome 'interm'; write one of {OUTCOME_IDS}" in problems
    assert f"{DISPLAY}: tie_break: missing outcome 'interim'" in problems


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("questions", 3, "text"), "question 4 (primary_need), text: missing text"),
        (("questions", 0, "options", 2, "label"), "question 1 (team_size), option 3 (small), label: missing text"),
        (("outcomes", 2, "summary"), "outcome 3 (fractional-cro), summary: missing text"),
        (("title",), "title: missing text"),
    ],
)
def test_missing_text(path, expected):
    data = shipped_data()
    container = data
    for key in path[:-1]:
        container = container[key]
    del container[path[-1]]
    assert f"{DISPLAY}: {expected}" in problems_of(data)


def test_an_outcome_no_answer_can_reach():
    data = shipped_data()
    for question in data["questions"]:
        for option in question["options"]:
            option["weights"].pop("fractional-cso", None)
    assert problems_of(data) == [
        f"{DISPLAY}: outcome 4 (fractional-cso): no combination of answers recommends 'fractional-cso'; "
        "give it more weight in some options"
    ]


def test_an_outcome_that_only_ever_ties_and_loses_the_tie_break_is_unreachable():
    data = shipped_data()
    # Give the Fractional CSO exactly the Fractional CRO's points: it ties every time, and
    # the CRO is declared before it in this tie-break order.
    for question in data["questions"]:
        for option in question["options"]:
            option["weights"].pop("fractional-cso", None)
            if "fractional-cro" in option["weights"]:
                option["weights"]["fractional-cso"] = option["weights"]["fractional-cro"]
    others = ["not-yet", "part-time", "permanent-hire", "interim"]
    data["tie_break"] = ["fractional-cro", "fractional-cso", *others]
    assert any("recommends 'fractional-cso'" in p for p in problems_of(data))
    data["tie_break"] = ["fractional-cso", "fractional-cro", *others]
    assert any("recommends 'fractional-cro'" in p for p in problems_of(data))


def test_a_condition_naming_an_unknown_question():
    data = shipped_data()
    data["questions"][5]["show_if"] = {"leadership_set": ["yes"]}
    assert problems_of(data) == [
        f"{DISPLAY}: question 6 (marketing), show_if.leadership_set: unknown question 'leadership_set'"
    ]


def test_a_condition_naming_a_later_question_or_an_unknown_option():
    data = shipped_data()
    data["questions"][1]["show_if"] = {"commitment": ["full-time"]}
    data["questions"][5]["show_if"] = {"leadership_seat": ["maybe"]}
    problems = problems_of(data)
    assert (
        f"{DISPLAY}: question 2 (revenue), show_if.commitment: question 'commitment' comes later; "
        "a condition can only name an earlier question"
    ) in problems
    assert (
        f"{DISPLAY}: question 6 (marketing), show_if.leadership_seat: unknown option 'maybe' "
        "of question 'leadership_seat'" in (problems)
    )


def test_a_question_with_fewer_than_two_options():
    data = shipped_data()
    del data["questions"][7]["options"][1]
    assert f"{DISPLAY}: question 8 (commitment), options: needs at least 2 entries, has 1" in problems_of(data)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["questions"][0]["options"][0]["weights"].update({"part-time": "2"}),
            "question 1 (team_size), option 1 (none), weights.part-time: must be a whole number 0 or more, not '2'",
        ),
        (
            lambda d: d["questions"][0]["options"][0]["weights"].update({"part-time": -1}),
            "question 1 (team_size), option 1 (none), weights.part-time: must be a whole number 0 or more, not -1",
        ),
        (
            lambda d: d["questions"][0].update({"options": "solo, small"}),
            "question 1 (team_size), options: must be a list, not text",
        ),
        (lambda d: d["questions"][0].update({"text": 12}), "question 1 (team_size), text: must be text, not a number"),
        (lambda d: d.update({"outcomes": {"interim": {}}}), "outcomes: must be a list, not a mapping"),
        (
            lambda d: d["questions"][4]["options"][0].update({"id": True}),
            "question 5 (leadership_seat), option 1, id: must be text, not true/false "
            "(YAML reads yes/no/on/off as true/false: put the id in quotes, e.g. 'yes')",
        ),
        (
            lambda d: d["questions"][2]["options"][0].update({"id": "Vacancy!"}),
            "question 3 (leader_situation), option 1, id: 'Vacancy!' is not a valid id "
            "(lower-case letters, digits, '-' and '_' only)",
        ),
        (
            lambda d: d["questions"][5].update({"show_iff": {"leadership_seat": ["yes"]}}),
            "question 6 (marketing), show_iff: unknown key; expected one of error, help, id, options, show_if, text",
        ),
        (
            lambda d: d["outcomes"][0].update({"url": "/roles/interim/"}),
            "outcome 1 (interim), url: comes from content/data/roles.yaml; remove it here",
        ),
        (
            lambda d: d["outcomes"][3].update({"id": "cso"}),
            "outcome 4 (cso), id: unknown role 'cso'; the roles in content/data/roles.yaml are interim, part-time, "
            "fractional-cro, fractional-cso; an outcome that is none of the roles declares its own title and url",
        ),
        (
            lambda d: d["outcomes"].pop(3),
            "outcomes: no entry for the role 'fractional-cso' (listed in content/data/roles.yaml)",
        ),
    ],
)
def test_wrong_types(change, expected):
    data = shipped_data()
    change(data)
    assert f"{DISPLAY}: {expected}" in problems_of(data)


def test_an_unquoted_yes_in_yaml_is_explained():
    text = QUIZ_FILE.read_text(encoding="utf-8").replace('- id: "yes"', "- id: yes", 1)
    assert "put the id in quotes, e.g. 'yes'" in problems_of(yaml.safe_load(text))[0]


def test_every_problem_is_reported_at_once():
    data = shipped_data()
    data["questions"][2]["options"][1]["weights"]["cro"] = 2
    data["questions"][1]["id"] = "team_size"
    del data["questions"][3]["text"]
    assert len(problems_of(data)) == 3


@pytest.fixture
def content(tmp_path):
    return copy_content(tmp_path / "content")


def build_error(content, tmp_path) -> str:
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content)
    return str(failure.value)


def test_a_bad_definition_fails_the_build_naming_file_and_field(content, tmp_path):
    quiz_file = content / "quiz" / "role-selector.yaml"
    quiz_file.write_text(
        quiz_file.read_text().replace("weights: {interim: 9, part-time: 1}", "weights: {intrim: 9}", 1)
    )
    message = build_error(content, tmp_path)
    assert message.startswith("The site was not built, because:")
    assert (
        "quiz/role-selector.yaml: question 3 (leader_situation), option 1 (vacancy), weights: "
        f"unknown outcome 'intrim'; write one of {OUTCOME_IDS}" in message
    ), message


def test_malformed_yaml_names_the_line(content, tmp_path):
    quiz_file = content / "quiz" / "role-selector.yaml"
    lines = quiz_file.read_text().splitlines()
    number = next(i for i, line in enumerate(lines) if "id: revenue" in line)
    lines[number] = "  - id: revenue: [unclosed"
    quiz_file.write_text("\n".join(lines) + "\n")
    message = build_error(content, tmp_path)
    assert (
        f"quiz/role-selector.yaml: line {number + 1}: a ': ' inside a value; put the whole value in quotes" in message
    )


def test_a_missing_definition_fails_the_build(content, tmp_path):
    (content / "quiz" / "role-selector.yaml").unlink()
    assert "quiz/role-selector.yaml: file not found" in build_error(content, tmp_path)


def test_a_role_whose_address_has_no_page_names_the_role_catalogue(content, tmp_path):
    roles_file = content / "data" / "roles.yaml"
    roles_file.write_text(roles_file.read_text().replace("url: /roles/fractional-cso/", "url: /roles/cso/"))
    message = build_error(content, tmp_path)
    assert "roles/fractional-cso.md: Slug: the page is at /roles/fractional-cso/ but " in message
    assert "data/roles.yaml gives 'fractional-cso' the address /roles/cso/" in message


def test_a_dropped_contract_id_is_named():
    data = yaml.safe_load(QUIZ_FILE.read_text(encoding="utf-8").replace("permanent-hire", "hire"))
    data["questions"][2]["options"][3]["id"] = "strugling"
    keep = "links and stored leads that use it lose that answer; keep the id and change the text instead"
    assert [str(problem) for problem in contract.dropped_ids(parse_quiz(data, DISPLAY, shipped_roles()), DISPLAY)] == [
        f"{DISPLAY}: question 'leader_situation': no option with the id 'struggling' any more; {keep}",
        f"{DISPLAY}: outcomes: no outcome with the id 'permanent-hire' any more; {keep}",
    ]
    assert contract.dropped_ids(shipped_quiz(), DISPLAY) == []


def test_a_renamed_id_builds_with_a_named_warning(content, tmp_path, caplog):
    """A renamed id still makes a working quiz, so the build goes on; the editor is told what it costs."""
    quiz_file = content / "quiz" / "role-selector.yaml"
    quiz_file.write_text(quiz_file.read_text().replace("- id: struggling", "- id: strugling", 1))
    with caplog.at_level(logging.WARNING):
        build(tmp_path / "output", content)
    warnings = [record.getMessage() for record in caplog.records if record.getMessage().startswith("site_guard")]
    assert warnings == [
        f"site_guard: warning: {display_path(quiz_file)}: question 'leader_situation': no option with the id "
        "'struggling' any more; links and stored leads that use it lose that answer; keep the id and change the "
        "text instead"
    ]
