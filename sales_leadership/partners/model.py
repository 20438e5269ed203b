"""Load and validate the partners: one Markdown file per partner in content/partners/.

A partner file is a metadata header (`Key: value` lines, as on every page)
and a short bio as the body:

    Name: Dana Whitfield
    Title: Part-time sales manager
    City: Denver
    State: CO
    Email: dana.whitfield@example.com
    Phone: (303) 555-0142
    Booking: https://calendar.example.com/dana      (optional)
    Photo: photos/dana-whitfield.jpg                 (optional, beside the file; see photos.py)
    States: CO, WY, UT                               (territory: state codes ...)
    Zip-prefixes: 590, 591                           (... and/or 3-digit ZIP prefixes)
    Head-office: yes                                 (exactly one file says so)
    Time-zone: America/Denver                        (optional: an IANA name; default from State)
    Hours: Mon-Fri 09:00-17:00                       (optional: business hours, the default shown)
    Sample: yes                                      (sample data, to replace before going live)

Territories live only here. Every problem in every file is collected, then
raised once as a ContentError naming the file and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from email_validator import EmailNotValidError, validate_email
from markupsafe import Markup

from ..errors import Problem, raise_if_any
from ..files import display_path
from ..images.sources import ImageError, SourceImage
from .hours import DEFAULT_HOURS, BusinessHours, HoursError, default_time_zone, parse_hours, time_zone
from .photos import photo_url, read_photo
from .zip_data import city_places, prefix_places, us_states, zip_places

PARTNERS_FOLDER = "partners"
REQUIRED_FIELDS = ("name", "title", "city", "state", "email", "phone")
OPTIONAL_FIELDS = (
    "booking", "photo", "sample", "states", "zip-prefixes", "head-office", "slug", "zip", "description", "time-zone",
    "hours",
)  # fmt: skip
# How each metadata key is spelled in messages (the markdown `meta` extension lower-cases keys).
FIELD_LABELS = {
    "name": "Name",
    "title": "Title",
    "city": "City",
    "state": "State",
    "email": "Email",
    "phone": "Phone",
    "booking": "Booking",
    "photo": "Photo",
    "sample": "Sample",
    "states": "States",
    "zip-prefixes": "Zip-prefixes",
    "head-office": "Head-office",
    "slug": "Slug",
    "zip": "Zip",
    "description": "Description",
    "time-zone": "Time-zone",
    "hours": "Hours",
}
YES = {"yes", "true", "1"}
NO = {"no", "false", "0", ""}
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PREFIX_PATTERN = re.compile(r"^\d{3}$")
ZIP_PATTERN = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class Partner:
    """One partner (or the head office), as loaded from its Markdown file."""

    slug: str
    name: str
    title: str
    city: str
    state: str
    email: str
    phone: str
    booking_url: str | None
    photo: SourceImage | None  # the partner's own photo, checked (photos.py); None: the initials placeholder
    states: tuple[str, ...]
    zip_prefixes: tuple[str, ...]
    is_head_office: bool
    url: str  # root-relative profile URL, e.g. "/partners/denver/"
    source_path: str
    bio_html: Markup = Markup("")
    description: str = ""
    sample: bool = False  # `Sample: yes`: shipped sample data; a publish build for a real origin refuses it
    latitude: float | None = None
    longitude: float | None = None
    time_zone: str = ""  # IANA name; from the file, else the state's
    hours_text: str = DEFAULT_HOURS
    business_hours: BusinessHours | None = field(default=None, compare=False)

    @property
    def hours(self) -> BusinessHours:
        """The partner's business hours (deadlines count only these); the default ones if unset."""
        return self.business_hours or BusinessHours.of(
            DEFAULT_HOURS, self.time_zone or default_time_zone(self.state), self.state
        )

    @property
    def has_territory(self) -> bool:
        return bool(self.states or self.zip_prefixes)

    @property
    def image_url(self) -> str:
        """One picture file: the photo as a small JPEG, or the initials placeholder."""
        return photo_url(self.slug, self.photo) if self.photo else f"{self.url}avatar.svg"

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name else ""

    @property
    def initials(self) -> str:
        words = [word for word in re.split(r"[\s-]+", self.name) if word[:1].isalpha()]
        if not words:
            return "?"
        return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()

    @property
    def state_name(self) -> str:
        return us_states().get(self.state, self.state)

    @property
    def territory_states(self) -> list[tuple[str, str]]:
        """(code, name) of the states this partner owns, by name."""
        names = us_states()
        return sorted(((code, names.get(code, code)) for code in self.states), key=lambda item: item[1])

    @property
    def phone_uri(self) -> str:
        digits = re.sub(r"[^\d+]", "", self.phone)
        if not digits.startswith("+"):
            digits = "+1" + digits if len(digits) == 10 else digits
        return f"tel:{digits}"


@dataclass
class Directory:
    """Every partner, the head office among them, with the territory each owns."""

    partners: list[Partner]
    head_office: Partner

    def __post_init__(self):
        self._by_slug = {partner.slug: partner for partner in self.partners}
        self._state_owner = {code: partner for partner in self.partners for code in partner.states}
        self._prefix_owner = {prefix: partner for partner in self.partners for prefix in partner.zip_prefixes}

    def by_slug(self, slug: str) -> Partner | None:
        return self._by_slug.get(slug)

    def state_owner(self, state: str) -> Partner | None:
        return self._state_owner.get(state)

    def prefix_owner(self, prefix: str) -> Partner | None:
        return self._prefix_owner.get(prefix)

    @property
    def local_partners(self) -> list[Partner]:
        """Partners that own territory: the candidates for "nearest partner"."""
        return [partner for partner in self.partners if partner.has_territory]

    @property
    def owned_states(self) -> dict[str, Partner]:
        return dict(self._state_owner)

    @property
    def owned_prefixes(self) -> dict[str, Partner]:
        return dict(self._prefix_owner)


def _split_list(value: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,\s]+", value) if item.strip()]


@dataclass
class _Parsed:
    """What one file said, before cross-file checks."""

    file: str
    partner: Partner


def _read_file(path: Path, problems: list[Problem]) -> _Parsed | None:
    file = display_path(path)
    text = path.read_text(encoding="utf-8")
    reader = markdown.Markdown(extensions=["meta", "extra", "smarty"], output_format="html5")
    bio_html = reader.convert(text)
    meta = {key: " ".join(values).strip() for key, values in getattr(reader, "Meta", {}).items()}
    if not meta:
        problems.append(
            Problem(
                file, "metadata header", "no 'Key: value' lines at the top; start with 'Name: ...' (see the README)"
            )
        )
        return None

    def problem(key: str, message: str) -> None:
        problems.append(Problem(file, FIELD_LABELS.get(key, key), message))

    for key in meta:
        if key not in REQUIRED_FIELDS and key not in OPTIONAL_FIELDS:
            known = ", ".join(FIELD_LABELS[name] for name in (*REQUIRED_FIELDS, *OPTIONAL_FIELDS))
            problem(key, f"unknown field; the fields are {known}")
    for key in REQUIRED_FIELDS:
        if not meta.get(key):
            problem(key, f"missing; add a line '{FIELD_LABELS[key]}: ...' to the metadata header")

    states_known = us_states()
    state = meta.get("state", "").upper()
    if state and state not in states_known:
        problem("state", f"{meta['state']!r} is not a US state code (use two letters, e.g. CO)")

    email = meta.get("email", "")
    if email:
        try:
            email = validate_email(email, check_deliverability=False).normalized
        except EmailNotValidError as error:
            problem("email", f"{meta['email']!r} is not a valid email address: {error}")

    phone = meta.get("phone", "")
    if phone and not 10 <= len(re.sub(r"\D", "", phone)) <= 15:
        problem("phone", f"{phone!r} is not a phone number with its area code, e.g. (303) 555-0142")

    booking = meta.get("booking") or None
    if booking and not re.match(r"^https?://[^\s/]+\.[^\s/]+", booking):
        problem("booking", f"{booking!r} must be a full web address starting with https://")

    slug = meta.get("slug") or path.stem
    if not SLUG_PATTERN.match(slug):
        problem("slug", f"{slug!r} must be lower-case letters, digits and hyphens (it becomes /partners/{slug}/)")

    head_office_value = meta.get("head-office", "").lower()
    if head_office_value not in YES | NO:
        problem("head-office", f"{meta['head-office']!r} must be 'yes' or 'no'")
    is_head_office = head_office_value in YES

    states: list[str] = []
    for code in _split_list(meta.get("states", "")):
        if code.upper() not in states_known:
            problem("states", f"{code!r} is not a US state code (use two letters, e.g. CO)")
        elif code.upper() in states:
            problem("states", f"{code.upper()} is listed twice")
        else:
            states.append(code.upper())

    prefixes: list[str] = []
    known_prefixes = prefix_places()
    for prefix in _split_list(meta.get("zip-prefixes", "")):
        if not PREFIX_PATTERN.match(prefix):
            problem("zip-prefixes", f"{prefix!r} is not a 3-digit ZIP prefix (e.g. 802 for 80200-80299)")
        elif prefix not in known_prefixes:
            problem("zip-prefixes", f"no US ZIP code starts with {prefix}")
        elif prefix in prefixes:
            problem("zip-prefixes", f"{prefix} is listed twice")
        else:
            prefixes.append(prefix)

    latitude = longitude = None
    office_zip = meta.get("zip", "")
    if office_zip:
        place = zip_places().get(office_zip) if ZIP_PATTERN.match(office_zip) else None
        if place is None or not place.has_coordinates:
            problem("zip", f"{office_zip!r} is not a US ZIP code with a known location")
        else:
            latitude, longitude = place.latitude, place.longitude
    elif meta.get("city") and state in states_known:
        place = city_places().get((state, meta["city"].strip().lower()))
        if place is None:
            problem(
                "city",
                f"{meta['city']!r} is not a city in {state} in the ZIP code data; check the spelling, "
                "or add 'Zip: <the office ZIP code>' to place the partner on the map",
            )
        else:
            latitude, longitude = place.latitude, place.longitude

    zone_key = meta.get("time-zone", "").strip() or default_time_zone(state)
    if meta.get("time-zone"):
        try:
            time_zone(zone_key)
        except HoursError as error:
            problem("time-zone", str(error))
    hours_text = meta.get("hours", "").strip() or DEFAULT_HOURS
    business_hours = None
    try:
        weekly = parse_hours(hours_text)
        if not weekly.open_at_all:
            raise HoursError(f"{hours_text!r}: no opening hours at all")
        business_hours = BusinessHours(weekly, time_zone(zone_key), state)
    except HoursError as error:
        if not (meta.get("time-zone") and "time zone" in str(error)):
            problem("hours", str(error))

    name = meta.get("name", "")
    title = meta.get("title", "")
    city = meta.get("city", "")
    description = meta.get("description") or _default_description(name, title, city, state, is_head_office)
    partner = Partner(
        slug=slug,
        name=name,
        title=title,
        city=city,
        state=state,
        email=email,
        phone=phone,
        booking_url=booking,
        photo=_read_photo(meta, path, problem),
        states=tuple(states),
        zip_prefixes=tuple(prefixes),
        is_head_office=is_head_office,
        url=f"/partners/{slug}/",
        source_path=str(path),
        bio_html=Markup(bio_html),
        description=description,
        sample=_read_sample(meta, problem),
        latitude=latitude,
        longitude=longitude,
        time_zone=zone_key,
        hours_text=hours_text,
        business_hours=business_hours,
    )
    return _Parsed(file, partner)


def _read_photo(meta: dict[str, str], path: Path, problem) -> SourceImage | None:
    """`Photo:`, a picture beside the partner file, large enough for the theme (photos.py)."""
    value = meta.get("photo", "")
    if not value:
        return None
    if not (path.parent / value).is_file():
        problem("photo", f"{value!r}: no such file beside {path.name}")
        return None
    try:
        return read_photo(value, path)
    except ImageError as error:
        problem("photo", f"{value!r} {error}")
        return None


def _read_sample(meta: dict[str, str], problem) -> bool:
    """`Sample: yes` marks the shipped sample partners (shown badged; a real deployment refuses them)."""
    value = meta.get("sample", "").lower()
    if value not in YES | NO:
        problem("sample", f"{meta['sample']!r} must be 'yes' (sample data to replace) or 'no'")
    return value in YES


def sample_problems(directory: Directory) -> list[Problem]:
    """One problem per partner file still marked `Sample: yes`: the publish gate's list
    (plugins/proof_content checks it with the case studies and testimonials)."""
    return [
        Problem(
            display_path(partner.source_path),
            "Sample",
            "sample partner; replace this file with a real partner's details (or delete it) before publishing",
        )
        for partner in sorted(directory.partners, key=lambda partner: partner.source_path)
        if partner.sample
    ]


def _default_description(name: str, title: str, city: str, state: str, is_head_office: bool) -> str:
    if is_head_office:
        return (
            f"{name}, our head office in {city}, {state}: partner applications, enquiries from areas "
            "without a local partner and support for the network."
        )
    return (
        f"{name}, {title.lower() if title else 'partner'} in {city}, {state}: experienced, local sales "
        "leadership for growing companies. Book a free 30-minute call."
    )


def _cross_file_problems(parsed: list[_Parsed]) -> list[Problem]:
    """Conflicts between files: the same slug, state or prefix twice, and the head office."""
    problems = []
    first_slug: dict[str, str] = {}
    first_state: dict[str, str] = {}
    first_prefix: dict[str, str] = {}
    for item in parsed:
        partner = item.partner
        if partner.slug in first_slug:
            problems.append(
                Problem(item.file, "Slug", f"{partner.slug!r} is also the slug of {first_slug[partner.slug]}")
            )
        first_slug.setdefault(partner.slug, item.file)
        for code in partner.states:
            if code in first_state:
                problems.append(
                    Problem(
                        item.file, "States", f"{code} is also claimed by {first_state[code]}; each state has one owner"
                    )
                )
            first_state.setdefault(code, item.file)
        for prefix in partner.zip_prefixes:
            if prefix in first_prefix:
                problems.append(
                    Problem(
                        item.file,
                        "Zip-prefixes",
                        f"{prefix} is also claimed by {first_prefix[prefix]}; each ZIP prefix has one owner",
                    )
                )
            first_prefix.setdefault(prefix, item.file)
    head_offices = [item for item in parsed if item.partner.is_head_office]
    if len(head_offices) > 1:
        files = ", ".join(item.file for item in head_offices)
        for item in head_offices[1:]:
            problems.append(Problem(item.file, "Head-office", f"only one partner can be the head office ({files})"))
    return problems


def load_directory(content_path: str | Path) -> Directory:
    """Read `<content_path>/partners/*.md`; raise ContentError listing every problem found."""
    folder = Path(content_path) / PARTNERS_FOLDER
    problems: list[Problem] = []
    files = sorted(folder.glob("*.md")) if folder.is_dir() else []
    parsed = [item for item in (_read_file(path, problems) for path in files) if item is not None]
    problems.extend(_cross_file_problems(parsed))
    if not any(item.partner.is_head_office for item in parsed):
        problems.append(
            Problem(
                display_path(folder),
                "Head-office",
                "no head office: mark one partner file with 'Head-office: yes' "
                "(it answers partner applications and areas without a partner)",
            )
        )
    raise_if_any(problems)
    partners = sorted((item.partner for item in parsed), key=lambda partner: (partner.is_head_office, partner.name))
    head_office = next(partner for partner in partners if partner.is_head_office)
    return Directory(partners=partners, head_office=head_office)
