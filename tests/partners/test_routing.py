"""The routing rules of docs/design.md, one by one, on a small directory written for the test."""

from __future__ import annotations

from sales_leadership.partners.model import load_directory
from sales_leadership.partners.routing import (
    RULES,
    build_lookup,
    compress_runs,
    is_us,
    normalise_state,
    normalise_zip,
    route,
    route_enquiry,
)
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


def test_a_long_unknown_partner_name_is_quoted_in_the_reason_cut_to_its_first_60_characters(small_directory):
    """The reason is stored with the lead and shown to staff: a visitor cannot fill it with their own text."""
    slug = "abcdefghij" * 6 + "THE-REST-IS-LEFT-OUT"
    found = route_enquiry(small_directory, "leadership", zip_code="77002", partner=slug)
    assert f"({slug[:60]!r})" in found.reason
    assert "THE-REST" not in found.reason


def test_a_partner_application_goes_to_the_head_office_even_with_a_chosen_partner(small_directory):
    found = route_enquiry(small_directory, "partner", zip_code="80202", partner="denver")
    assert (found.partner.slug, found.rule) == ("hq", "head-office")


def test_a_zip_code_is_five_digits_with_an_optional_plus_four_and_nothing_else():
    assert normalise_zip("80202") == "80202"
    assert normalise_zip(" 80202-1234 ") == "80202"
    assert normalise_zip("802021234") == "80202", "ZIP+4 without its hyphen, as people type it"
    for wrong in ("80202x", "80202-123", "80202-12345", "8020212345", "8020", "x80202", "80202 1234", "", None):
        assert normalise_zip(wrong) is None, wrong


def test_a_hyphen_less_zip_plus_four_routes_like_its_zip_code(small_directory):
    assert route(small_directory, "802021234") == route(small_directory, "80202")
    assert route(small_directory, "802021234").partner.slug == "denver"


def test_states_and_countries_are_read_whatever_the_case_or_spaces():
    assert normalise_state(" co ") == "CO"
    assert normalise_state("ZZ") is None and normalise_state(None) is None
    for country in ("", "us", " USA ", "United States", "united states of america", None):
        assert is_us(country), country
    for country in ("CA", "MX", "U.S.", "United Kingdom"):
        assert not is_us(country), country


def test_two_partners_at_the_same_distance_the_first_by_name_of_file_answers(make_partner):
    """Both offices are in Denver; Nebraska is owned by neither. The tie must not depend on file order."""
    make_partner("rockies", City="Denver", State="CO", States="CO")
    make_partner("plains", City="Denver", State="CO", States="WY")
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes")
    found = route(load_directory(make_partner.content), "68102")
    assert (found.partner.slug, found.rule) == ("plains", "nearest")
    assert found.reason == (
        "No partner covers Nebraska yet; Plains in Denver, CO is the nearest partner to ZIP code 68102 "
        "(about 486 miles)."
    )


def test_the_tie_goes_by_file_name_even_when_the_display_names_sort_the_other_way(make_partner):
    """The directory lists partners by name; the tie must still go to the first file name."""
    make_partner("rockies", Name="Aspen Sales Partners", City="Denver", State="CO", States="CO")
    make_partner("plains", Name="Prairie Sales Partners", City="Denver", State="CO", States="WY")
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes")
    found = route(load_directory(make_partner.content), "68102")
    assert (found.partner.slug, found.rule) == ("plains", "nearest")


def test_each_rule_explains_itself_in_a_sentence(small_directory):
    assert route(small_directory, "77002").reason == "Houston covers ZIP codes starting with 770."
    assert route(small_directory, "75201").reason == "ZIP code 75201 is in Texas, which Austin covers."
    military = "ZIP code 09002 is a military or overseas address, so Hq will reply."
    assert route(small_directory, "09002").reason == military
    assert route(small_directory, state="TX").reason == "Austin covers Texas."
    assert route(small_directory, state="NE").reason == "No partner covers Nebraska yet, so Hq will reply."
    assert route(small_directory, "80202", country="CA").reason == "Inquiries from outside the US go to Hq."
    assert route_enquiry(small_directory, "partner").reason == "Applications to become a partner go to Hq."


def test_the_browser_gets_each_partners_card_and_no_more(make_partner):
    make_partner(
        "denver",
        Name="Dana Whitfield",
        City="Denver",
        State="CO",
        States="CO",
        Phone="(303) 555-0142",
        Booking="https://calendly.com/dana",
    )
    make_partner("hq", Name="Head Office", City="Philadelphia", State="PA", Head_office="yes", Phone="+1 215 555 0100")
    directory = load_directory(make_partner.content)
    cards = build_lookup(directory)["partners"]
    assert cards == {
        "denver": {
            "name": "Dana Whitfield",
            "title": "Part-time sales manager",
            "city": "Denver",
            "state": "CO",
            "phone": "(303) 555-0142",
            "phoneUri": "tel:+13035550142",
            "url": "/partners/denver/",
            "image": "/partners/denver/avatar.svg",
            "bookingUrl": "https://calendly.com/dana",
        },
        "hq": {
            "name": "Head Office",
            "title": "Part-time sales manager",
            "city": "Philadelphia",
            "state": "PA",
            "phone": "+1 215 555 0100",
            "phoneUri": "tel:+12155550100",
            "url": "/partners/hq/",
            "image": "/partners/hq/avatar.svg",
            "headOffice": True,
        },
    }, "no e-mail address unless asked for, no empty booking link, headOffice only on the head office"
    with_email = build_lookup(directory, include_email=True)["partners"]
    assert {slug: card.pop("email") for slug, card in with_email.items()} == {
        "denver": "denver@example.com",
        "hq": "hq@example.com",
    }
    assert with_email == cards


def test_the_browsers_table_names_the_head_office_the_owned_states_and_every_state_code(small_directory):
    lookup = build_lookup(small_directory)
    assert lookup["headOffice"] == "hq"
    assert lookup["states"] == {"CO": "denver", "TX": "austin"}
    codes = lookup["stateCodes"].split(" ")
    assert codes == sorted(codes) and {"CO", "NE", "TX", "DC"} <= set(codes) and len(codes) >= 50


def test_the_browsers_table_groups_prefixes_by_partner_and_rule(small_directory):
    routes = {(group["partner"], group["rule"]): group for group in build_lookup(small_directory)["routes"]}
    assert routes[("houston", "zip-prefix")]["prefixes"] == "770"
    assert routes[("denver", "state")]["prefixes"] == "800-816", "Colorado's prefixes, as one run"
    assert " 674-681 683-693 " in routes[("denver", "nearest")]["prefixes"], "Nebraska and Kansas; 682 is not in use"
    assert routes[("denver", "nearest")]["zips"].startswith("047:41 463:12,20-24,27,94 "), (
        "ZIP codes nearer Denver than their prefix's centre is"
    )
    assert list(routes) == sorted(routes), "in a stable order, so the page changes only when routing does"
    assert set(routes[("hq", "head-office")]) == {"partner", "rule", "prefixes", "zips"}


def test_codes_are_sent_as_runs_to_keep_pages_small():
    assert compress_runs(["800", "801", "802", "805"]) == "800-802 805"
    assert compress_runs(["805", "801", "800", "802"]) == "800-802 805", "in order, whatever order they came in"
    assert compress_runs(["80201", "80202", "80209", "80301"]) == "802:01-02,09 803:01"
    assert compress_runs(["80299", "80300"]) == "802:99 803:00", "a run never crosses a prefix"
    assert compress_runs(["099", "100", "101", "80201"]) == "099-101 802:01"
    assert compress_runs(["007"]) == "007"
    assert compress_runs([]) == ""
