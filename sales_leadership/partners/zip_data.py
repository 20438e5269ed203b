"""US ZIP codes and state names, from maintained offline data (loaded once per process).

ZIP codes, their states and coordinates come from the `zipcodes` package (MIT;
its data is CC BY 4.0, credited on /partners/). State names come from
`pycountry` (ISO 3166-2:US). Nothing here is typed in by hand, so a new ZIP
code reaches the site by upgrading a package, not by editing a table.
"""

from __future__ import annotations

import functools
import math
import os
import pickle
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import pycountry
import zipcodes

ZIP_DATA_CREDIT = (
    "ZIP code data from the zipcodes package by Sean Pianka, licensed under CC BY 4.0 "
    "(https://creativecommons.org/licenses/by/4.0/)."
)
ZIP_DATA_SOURCE_URL = "https://github.com/seanpianka/zipcodes"
ZIP_DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Place:
    """Where a ZIP code (or the middle of a ZIP prefix) is: its state and coordinates.

    Military and some overseas ZIP codes carry no real coordinates (0, 0 in the
    data); they get None, so no "nearest partner" is worked out for them.
    """

    state: str
    latitude: float | None
    longitude: float | None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def _coordinates(record: dict) -> tuple[float | None, float | None]:
    try:
        latitude, longitude = float(record["lat"]), float(record["long"])
    except (TypeError, ValueError, KeyError):
        return None, None
    if latitude == 0 and longitude == 0:
        return None, None
    return latitude, longitude


@functools.cache
def _records() -> tuple[dict, ...]:
    return tuple(zipcodes.list_all())


def _compute_zip_places() -> dict[str, Place]:
    """Every US ZIP code in the data -> its Place."""
    places = {}
    for record in _records():
        latitude, longitude = _coordinates(record)
        places[record["zip_code"]] = Place(record["state"], latitude, longitude)
    return places


def _compute_prefix_places(zip_places: dict[str, Place]) -> dict[str, Place]:
    """Every 3-digit prefix in use -> the state most of its ZIP codes are in, and their centre.

    Used for a ZIP code the data does not list (a new or unusual one): it is
    placed by its prefix, the best guess available offline.
    """
    states: dict[str, Counter] = defaultdict(Counter)
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for zip_code, place in zip_places.items():
        prefix = zip_code[:3]
        states[prefix][place.state] += 1
        if place.has_coordinates:
            points[prefix].append((place.latitude, place.longitude))
    result = {}
    for prefix, counter in states.items():
        state = min(counter, key=lambda code: (-counter[code], code))
        coordinates = points.get(prefix)
        if coordinates:
            latitude = sum(point[0] for point in coordinates) / len(coordinates)
            longitude = sum(point[1] for point in coordinates) / len(coordinates)
            result[prefix] = Place(state, round(latitude, 4), round(longitude, 4))
        else:
            result[prefix] = Place(state, None, None)
    return dict(sorted(result.items()))


def _compute_us_states(zip_places: dict[str, Place]) -> dict[str, str]:
    """State code -> name for the states, DC and territories that have ZIP codes, sorted by name.

    Military "states" (AA, AE, AP) and the freely associated states (FM, MH,
    PW) have ZIP codes but are not US subdivisions, so no partner can own them.
    """
    in_zip_data = {place.state for place in zip_places.values()}
    names = {}
    for subdivision in pycountry.subdivisions.get(country_code="US"):
        code = subdivision.code.split("-", 1)[1]
        if code in in_zip_data:
            names[code] = subdivision.name
    return dict(sorted(names.items(), key=lambda item: item[1]))


def _compute_city_places() -> dict[tuple[str, str], Place]:
    """(state, lower-case city name) -> the centre of that city's ZIP codes, to place partners."""
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for record in _records():
        latitude, longitude = _coordinates(record)
        if latitude is not None:
            points[(record["state"], record["city"].strip().lower())].append((latitude, longitude))
    return {
        key: Place(
            key[0],
            round(sum(p[0] for p in coordinates) / len(coordinates), 4),
            round(sum(p[1] for p in coordinates) / len(coordinates), 4),
        )
        for key, coordinates in points.items()
    }


# Derived once from the two packages' data and kept on disk: reading the 42,000 ZIP records and
# deriving these tables costs about two seconds, which every build would otherwise pay again.
# Bump when the derivation below changes, so no build reads tables made by older code.
TABLES_FORMAT = 2  # 2: Place moved to sales_leadership.partners.zip_data
CACHE_DIR = Path(os.environ.get("ZIP_DATA_CACHE_DIR", Path(__file__).resolve().parents[2] / "cache"))


@functools.cache
def _tables() -> dict[str, dict]:
    """The derived tables, from the disk cache when it matches the installed package versions."""
    packages = f"zipcodes-{version('zipcodes')}-pycountry-{version('pycountry')}"
    cache_file = CACHE_DIR / f"zip-data-v{TABLES_FORMAT}-{packages}.pickle"
    try:
        with cache_file.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    zips = _compute_zip_places()
    tables = {
        "zip_places": zips,
        "prefix_places": _compute_prefix_places(zips),
        "us_states": _compute_us_states(zips),
        "city_places": _compute_city_places(),
    }
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        partial = cache_file.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(tables, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cache_file)  # atomic: a reader sees the old file or the whole new one
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return tables


def zip_places() -> dict[str, Place]:
    """Every US ZIP code in the data -> its Place."""
    return _tables()["zip_places"]


def prefix_places() -> dict[str, Place]:
    """Every 3-digit prefix in use -> the state most of its ZIP codes are in, and their centre."""
    return _tables()["prefix_places"]


def us_states() -> dict[str, str]:
    """State code -> name for the states, DC and territories that have ZIP codes, sorted by name."""
    return _tables()["us_states"]


def city_places() -> dict[tuple[str, str], Place]:
    """(state, lower-case city name) -> the centre of that city's ZIP codes, to place partners."""
    return _tables()["city_places"]


def miles_between(latitude_a: float, longitude_a: float, latitude_b: float, longitude_b: float) -> float:
    """Great-circle distance in miles (haversine): plenty for "which partner is nearest"."""
    radius_miles = 3958.8
    phi_a, phi_b = math.radians(latitude_a), math.radians(latitude_b)
    d_phi = phi_b - phi_a
    d_lambda = math.radians(longitude_b - longitude_a)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi_a) * math.cos(phi_b) * math.sin(d_lambda / 2) ** 2
    return 2 * radius_miles * math.asin(math.sqrt(h))
