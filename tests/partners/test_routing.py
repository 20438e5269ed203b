"""The routing rules of docs/design.md, one by one, on a small directory written for the test."""

from __future__ import annotations

from sales_leadership.partners.model import load_directory
from sales_leadership.partners.routing import RULES, route, route_enquiry
from sales_leadership.partners.zip_data import prefix_places, zip_places


def test_a_zip_prefix_owner_wins_over_the_state_owner(small_directory):
    found = route(small_directory, "77002")  # Houston, Texas: Austin owns TX, Houston owns 770
    assert (found.partner.slug, found.rule) == ("houston", "zip-prefix")
    assert "770" in found.reason


def test_else_the_state_owner(small_directory):
    found = route(small_directory, "75201")  # Dallas, Texas
    assert (found.partner.slug, found.rule) == ("austin", "state")
    assert "Texas" in found.reason
    assert route(small_directory, "80202-1234").partner.slug == "denver"


def test_else_the_nearest_partner_by_the_zip_codes_coordinates(small_directory):
    omaha = route(small_directory, "68102")  # Nebraska: no owner; Denver is closer than Austin or Houston
    assert (omaha.partner.slug, omaha.rule) == ("denver", "nearest")
    assert "Nebraska" in omaha.reason and "miles" in omaha.reason
    new_orleans = route(small_directory, "70112")  # Louisiana: Houston is nearest
    assert (new_orleans.partner.slug, new_orleans.rule) == ("houston", "nearest")


def test_the_head_office_is_not_a_nearest_candidate_unless_it_owns_territory(small_directory):
    philadelphia = route(small_directory, "19104")  # the head office is in Philadelphia, but owns nothing
    assert philadelphia.rule == "nearest" and philadelphia.partner.slug != "hq"


def test_else_the_head_office(make_partner):
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes")
    directory = load_directory(make_partner.content)
    found = route(directory, "68102")  # nobody owns anything: no nearest partner either
    assert (found.partner.slug, found.rule) == ("hq", "head-office")


def test_military_and_overseas_zip_codes_go_to_the_head_office(small_directory):
    found = route(small_directory, "09002")  # an APO address: no coordinates, no US state
    assert (found.partner.slug, found.rule) == ("hq", "head-office")


def test_a_state_alone_routes_by_state_else_head_office(small_directory):
    assert (route(small_directory, state="co").partner.slug, route(small_directory, state="CO").rule) == (
        "denver",
        "state",
    )
    unowned = route(small_directory, state="NE")
    assert (unowned.partner.slug, unowned.rule) == ("hq", "head-office")
    assert "Nebraska" in unowned.reason
    assert route(small_directory, state="ZZ").rule == "head-office"


def test_the_zip_code_decides_when_both_are_given(small_directory):
    assert route(small_directory, "77002", state="CO").partner.slug == "houston"


def test_outside_the_us_the_head_office(small_directory):
    found = route(small_directory, "80202", country="CA")
    assert (found.partner.slug, found.rule) == ("hq", "head-office")
    assert route(small_directory, "80202", country="usa").partner.slug == "denver"


def test_an_unlisted_zip_code_is_placed_by_its_prefix(small_directory):
    listed = zip_places()
    unlisted = next(f"802{n:02d}" for n in range(100) if f"802{n:02d}" not in listed)
    found = route(small_directory, unlisted)
    assert (found.partner.slug, found.rule) == ("denver", "state")
    assert "placed by its prefix" in found.reason


def test_a_zip_code_with_a_prefix_not_in_use_counts_as_none(small_directory):
    unused = next(f"{n:03d}" for n in range(1000) if f"{n:03d}" not in prefix_places())
    assert route(small_directory, unused + "01", state="TX").partner.slug == "austin"
    nothing = route(small_directory, unused + "01")
    assert nothing.rule == "head-office" and "not a US ZIP code" in nothing.reason
    assert route(small_directory, "not a zip").rule == "head-office"
    assert "No ZIP code or state" in route(small_directory).reason


def test_partner_applications_go_to_the_head_office(small_directory):
    found = route_enquiry(small_directory, "partner", zip_code="80202")
    assert (found.partner.slug, found.rule) == ("hq", "head-office")
    assert route_enquiry(small_directory, "leadership", zip_code="80202").partner.slug == "denver"


def test_every_route_uses_one_of_the_rules(small_directory):
    for zip_code in ("77002", "75201", "68102", "09002", "00000"):
        assert route(small_directory, zip_code).rule in RULES


def test_a_chosen_partner_gets_the_inquiry_wherever_the_visitor_is(small_directory):
    found = route_enquiry(small_directory, "leadership", zip_code="77002", partner="denver")
    assert (found.partner.slug, found.rule) == ("denver", "chosen")
    assert "chose Denver" in found.reason
    assert route_enquiry(small_directory, "leadership", state="TX", partner="hq").partner.slug == "hq"


def test_an_unknown_or_stale_chosen_partner_falls_back_to_the_rules_and_says_so(small_directory):
    for slug in ("seattle", "Denver", "../denver", "x" * 500):
        found = route_enquiry(small_directory, "leadership", zip_code="77002", partner=slug)
        assert (found.partner.slug, found.rule) == ("houston", "zip-prefix"), slug
        assert "not in the directory" in found.reason and "770" in found.reason
        assert len(found.reason) < 300
    assert (
        route_enquiry(small_directory, "leadership", zip_code="77002", partner="  ").reason
        == route(small_directory, "77002").reason
    )


def test_a_partner_application_goes_to_the_head_office_even_with_a_chosen_partner(small_directory):
    found = route_enquiry(small_directory, "partner", zip_code="80202", partner="denver")
    assert (found.partner.slug, found.rule) == ("hq", "head-office")
