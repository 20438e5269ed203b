"""The role catalogue (sales_leadership.roles): one list of roles, and the check every other file goes through."""

from __future__ import annotations

import pytest

from sales_leadership.errors import ContentError
from sales_leadership.roles import Role, load_roles, parse_roles
from tests.support import CONTENT

FILE = "content/data/roles.yaml"


def problems_of(data) -> list[str]:
    with pytest.raises(ContentError) as failure:
        parse_roles(data, FILE)
    return [str(problem) for problem in failure.value.problems]


def test_the_shipped_catalogue_lists_the_four_roles_with_their_pages():
    roles = load_roles(CONTENT)
    assert roles.ids == ("interim", "part-time", "fractional-cro", "fractional-cso")
    assert all(role.url.startswith("/roles/") and role.url.endswith("/") and role.name for role in roles)


def test_every_problem_names_its_field():
    problems = problems_of(
        {
            "roles": [
                {"id": "interim", "name": "Interim", "url": "/roles/interim/"},
                {"id": "interim", "name": "Again", "url": "roles/again"},
                {"id": "Bad Id", "url": "/x/", "colour": "red"},
                "part-time",
            ]
        }
    )
    assert problems == [
        f"{FILE}: roles[1].id: duplicate role id 'interim'",
        f"{FILE}: roles[1].url: 'roles/again' must be a page of this site, like /roles/x/",
        f"{FILE}: roles[2].colour: unknown key; expected one of id, name, url",
        f"{FILE}: roles[2].name: missing text",
        f"{FILE}: roles[2].id: 'Bad Id' must be lower-case letters, digits and '-'",
        f"{FILE}: roles[3]: must be a mapping with id, name and url",
    ]


def test_an_entry_that_is_not_a_mapping_does_not_hide_the_problems_after_it():
    problems = problems_of({"roles": ["part-time", {"id": "interim", "name": "Interim", "url": "roles/interim"}]})
    assert problems == [
        f"{FILE}: roles[0]: must be a mapping with id, name and url",
        f"{FILE}: roles[1].url: 'roles/interim' must be a page of this site, like /roles/x/",
    ]


@pytest.mark.parametrize("data", [None, {}, {"roles": []}, {"roles": "interim"}])
def test_a_file_without_a_list_of_roles_says_what_it_needs(data):
    assert problems_of(data) == [f"{FILE}: roles: must be a list of roles, each with id, name and url"]


def test_other_files_are_checked_for_strays_and_gaps():
    roles = load_roles(CONTENT)
    named = [("rows[0].values.interim", "interim"), ("rows[0].values.cro", "cro")]
    problems = [str(problem) for problem in roles.check_ids(named, "other.yaml", "rows[0].values")]
    assert problems[0].startswith("other.yaml: rows[0].values.cro: unknown role 'cro'; the roles in ")
    assert problems[1:] == [
        f"other.yaml: rows[0].values: no entry for the role '{role_id}' (listed in {roles.source})"
        for role_id in ("part-time", "fractional-cro", "fractional-cso")
    ]
    assert roles.check_ids([("Role", "interim")], "page.md", "Role", complete=False) == []


def test_a_catalogue_is_read_as_written_with_spaces_trimmed():
    roles = parse_roles({"roles": [{"id": " interim ", "name": " Interim Sales Manager ", "url": " /roles/i/ "}]}, FILE)
    assert list(roles) == [Role("interim", "Interim Sales Manager", "/roles/i/")]
    assert (len(roles), roles.source, roles.get("interim").name, roles.get("cro")) == (
        1,
        FILE,
        "Interim Sales Manager",
        None,
    )


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("name", "   ", "roles[0].name: missing text"),
        ("name", 7, "roles[0].name: missing text"),
        ("id", "-interim", "roles[0].id: '-interim' must be lower-case letters, digits and '-'"),
        ("url", "/roles/interim", "roles[0].url: '/roles/interim' must be a page of this site, like /roles/x/"),
        ("url", "roles/interim/", "roles[0].url: 'roles/interim/' must be a page of this site, like /roles/x/"),
    ],
)
def test_each_value_of_a_role_is_checked(field, value, problem):
    role = {"id": "interim", "name": "Interim", "url": "/roles/interim/", field: value}
    assert problems_of({"roles": [role]}) == [f"{FILE}: {problem}"]


def test_a_file_that_names_roles_only_in_part_still_has_its_strays_reported():
    roles = load_roles(CONTENT)
    problems = roles.check_ids([("Role", "cro"), ("Role", "interim")], "page.md", "Role", complete=False)
    assert [problem.field for problem in problems] == ["Role"] and "unknown role 'cro'" in problems[0].message
