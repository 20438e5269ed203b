"""The role catalogue (sales_leadership.roles): one list of roles, and the check every other file goes through."""

from __future__ import annotations

import pytest

from sales_leadership.errors import ContentError
from sales_leadership.roles import load_roles, parse_roles
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
