"""Partner files: what loads, and every mistake an editor can make, named by file and field."""

from __future__ import annotations

import pytest

from sales_leadership.errors import ContentError
from sales_leadership.partners.model import load_directory
from site_guard.build import BuildFailed
from tests.support import CONTENT, build, copy_content


def problems_of(content) -> list[str]:
    with pytest.raises(ContentError) as failure:
        load_directory(content)
    return [str(problem) for problem in failure.value.problems]


def test_the_sample_partners_cover_regions_and_are_clearly_sample_data():
    directory = load_directory(CONTENT)
    local = [partner for partner in directory.partners if not partner.is_head_office]
    assert len(local) >= 6
    assert directory.head_office.is_head_office
    assert len({partner.state for partner in local}) >= 6, "sample partners should sit in different states"
    assert all(partner.email.endswith("@example.com") for partner in directory.partners)
    assert all(partner.sample for partner in directory.partners), "each says 'Sample: yes'"
    assert any(partner.zip_prefixes for partner in local), "one sample partner should show territory by ZIP prefix"


def test_a_partner_loads_with_the_contract_fields(make_partner):
    make_partner(
        "denver",
        Name="Dana Whitfield",
        City="Denver",
        State="co",
        States="CO, WY",
        Zip_prefixes="590 591",
        Booking="https://calendar.example.com/dana",
    )
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes")
    directory = load_directory(make_partner.content)
    dana = directory.by_slug("denver")
    assert (dana.name, dana.city, dana.state) == ("Dana Whitfield", "Denver", "CO")
    assert dana.states == ("CO", "WY") and dana.zip_prefixes == ("590", "591")
    assert dana.url == "/partners/denver/" and dana.booking_url == "https://calendar.example.com/dana"
    assert dana.photo is None and dana.image_url == "/partners/denver/avatar.svg"
    assert dana.source_path.endswith("partners/denver.md")
    assert dana.latitude and dana.longitude, "the partner is placed on the map from city and state"
    assert directory.head_office.slug == "hq" and not dana.is_head_office
    assert directory.state_owner("WY") is dana and directory.prefix_owner("591") is dana
    assert directory.by_slug("nobody") is None


def test_unknown_state_codes_are_named_with_file_and_field(make_partner):
    make_partner("denver", City="Denver", State="CO", States="CO, XX")
    make_partner("hq", City="Philadelphia", State="PZ", Head_office="yes")
    found = problems_of(make_partner.content)
    assert any("partners/denver.md: States: 'XX' is not a US state code" in p for p in found)
    assert any("partners/hq.md: State: 'PZ' is not a US state code" in p for p in found)


def test_malformed_and_unused_zip_prefixes_are_reported(make_partner):
    make_partner("denver", City="Denver", State="CO", Zip_prefixes="80, 8021, abc, 000")
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes")
    found = problems_of(make_partner.content)
    for bad in ("'80'", "'8021'", "'abc'"):
        assert any(f"partners/denver.md: Zip-prefixes: {bad} is not a 3-digit ZIP prefix" in p for p in found), bad
    assert any("Zip-prefixes: no US ZIP code starts with 000" in p for p in found)


def test_two_partners_claiming_a_state_or_prefix_is_an_error_naming_both_files(make_partner):
    make_partner("austin", City="Austin", State="TX", States="TX", Zip_prefixes="770")
    make_partner("houston", City="Houston", State="TX", States="TX", Zip_prefixes="770")
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes")
    found = problems_of(make_partner.content)
    assert any("partners/houston.md: States: TX is also claimed by" in p and "partners/austin.md" in p for p in found)
    assert any("partners/houston.md: Zip-prefixes: 770 is also claimed by" in p and "austin.md" in p for p in found)


def test_no_head_office_is_an_error(make_partner):
    make_partner("denver", City="Denver", State="CO", States="CO")
    found = problems_of(make_partner.content)
    assert any("partners: Head-office: no head office" in p for p in found)


def test_two_head_offices_is_an_error(make_partner):
    make_partner("a", City="Denver", State="CO", Head_office="yes")
    make_partner("b", City="Boston", State="MA", Head_office="yes")
    assert any(
        "partners/b.md: Head-office: only one partner can be the head office" in p
        for p in problems_of(make_partner.content)
    )


def test_missing_or_invalid_email_and_other_fields_are_all_reported_at_once(make_partner):
    make_partner("denver", City="Denver", State="CO", Email=None, Phone="12")
    make_partner("boston", City="Bostn", State="MA", Email="marcus@", Booking="calendar.example.com/x")
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes", Colour="blue")
    found = problems_of(make_partner.content)
    expected = [
        "partners/denver.md: Email: missing",
        "partners/denver.md: Phone: '12' is not a phone number",
        "partners/boston.md: Email: 'marcus@' is not a valid email address",
        "partners/boston.md: City: 'Bostn' is not a city in MA",
        "partners/boston.md: Booking: 'calendar.example.com/x' must be a full web address",
        "partners/hq.md: colour: unknown field",
    ]
    for message in expected:
        assert any(message in p for p in found), f"{message!r} not in {found}"


def test_a_photo_must_exist_beside_the_file(make_partner):
    make_partner("denver", City="Denver", State="CO", Photo="photos/dana.jpg")
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes")
    assert any(
        "partners/denver.md: Photo: 'photos/dana.jpg': no such file" in p for p in problems_of(make_partner.content)
    )


def test_a_bad_partner_file_fails_the_site_build_with_file_and_field(tmp_path):
    content = copy_content(tmp_path / "content")
    denver = content / "partners" / "denver.md"
    denver.write_text(denver.read_text().replace("Email: dana.whitfield@example.com\n", ""))
    boston = content / "partners" / "boston.md"
    boston.write_text(boston.read_text().replace("States: MA,", "States: MA, CO,"))
    with pytest.raises(BuildFailed) as failure:
        build(tmp_path / "output", content)
    message = str(failure.value)
    assert message.startswith("The site was not built, because:")
    assert "partners/denver.md: Email: missing" in message
    assert "partners/denver.md: States: CO is also claimed by" in message
    assert "partners/boston.md; each state has one owner" in message


def test_time_zone_and_hours_default_from_the_state_and_can_be_set(make_partner):
    make_partner("denver", City="Denver", State="CO", States="CO")
    make_partner("phoenix", City="Phoenix", State="AZ", States="AZ", Hours="Mon-Thu 07:30-16:30; Fri 07:30-11:30")
    make_partner("boise", City="Boise", State="ID", States="ID", Time_zone="America/Los_Angeles")
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes")
    directory = load_directory(make_partner.content)
    denver, phoenix, boise = (directory.by_slug(slug) for slug in ("denver", "phoenix", "boise"))
    assert (denver.time_zone, denver.hours_text) == ("America/Denver", "Mon-Fri 09:00-17:00")
    assert phoenix.time_zone == "America/Phoenix" and phoenix.hours.weekly.days[4] == ((450, 690),)
    assert boise.time_zone == "America/Los_Angeles"
    assert directory.head_office.hours.zone.key == "America/New_York"


def test_a_bad_time_zone_or_hours_is_named_with_file_and_field_all_at_once(make_partner):
    make_partner("denver", City="Denver", State="CO", States="CO", Time_zone="America/Denvr")
    make_partner("austin", City="Austin", State="TX", States="TX", Hours="Mon-Fry 9-5")
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes", Hours="Sat-Sun 17:00-09:00")
    found = problems_of(make_partner.content)
    assert any("partners/denver.md: Time-zone: 'America/Denvr' is not a time zone name" in p for p in found), found
    assert any("partners/austin.md: Hours: 'Fry' is not a day" in p for p in found), found
    assert any("partners/austin.md: Hours:" in p and "times must look like 09:00-17:00" in p for p in found), found
    assert any("partners/hq.md: Hours:" in p and "closes before it opens" in p for p in found), found
