"""Time zone facts for partners: the zone a state's partner is in unless their file says otherwise,
and how people name the zones. Data only; sales_leadership/partners/hours.py reads it.

A state that spans two zones gets the zone most of its people (and its largest cities) live in;
a partner elsewhere in it writes `Time-zone:` in their file (e.g. America/Indiana/Knox, America/Boise).
"""

from __future__ import annotations

STATE_TIME_ZONES: dict[str, str] = {
    "AL": "America/Chicago", "AK": "America/Anchorage", "AS": "Pacific/Pago_Pago", "AZ": "America/Phoenix",
    "AR": "America/Chicago", "CA": "America/Los_Angeles", "CO": "America/Denver", "CT": "America/New_York",
    "DE": "America/New_York", "DC": "America/New_York", "FL": "America/New_York", "GA": "America/New_York",
    "GU": "Pacific/Guam", "HI": "Pacific/Honolulu", "ID": "America/Boise", "IL": "America/Chicago",
    "IN": "America/Indiana/Indianapolis", "IA": "America/Chicago", "KS": "America/Chicago",
    "KY": "America/New_York", "LA": "America/Chicago", "ME": "America/New_York", "MD": "America/New_York",
    "MA": "America/New_York", "MI": "America/Detroit", "MN": "America/Chicago", "MS": "America/Chicago",
    "MO": "America/Chicago", "MT": "America/Denver", "NE": "America/Chicago", "NV": "America/Los_Angeles",
    "NH": "America/New_York", "NJ": "America/New_York", "NM": "America/Denver", "NY": "America/New_York",
    "NC": "America/New_York", "ND": "America/Chicago", "MP": "Pacific/Saipan", "OH": "America/New_York",
    "OK": "America/Chicago", "OR": "America/Los_Angeles", "PA": "America/New_York", "PR": "America/Puerto_Rico",
    "RI": "America/New_York", "SC": "America/New_York", "SD": "America/Chicago", "TN": "America/Chicago",
    "TX": "America/Chicago", "UT": "America/Denver", "VT": "America/New_York", "VI": "America/St_Thomas",
    "VA": "America/New_York", "WA": "America/Los_Angeles", "WV": "America/New_York", "WI": "America/Chicago",
    "WY": "America/Denver",
}  # fmt: skip

# What a visitor reads: "by 3 pm Mountain time tomorrow". Zones not listed use their abbreviation (EST, ...).
ZONE_NAMES: dict[str, str] = {
    "America/New_York": "Eastern time", "America/Detroit": "Eastern time",
    "America/Indiana/Indianapolis": "Eastern time", "America/Kentucky/Louisville": "Eastern time",
    "America/Chicago": "Central time", "America/Indiana/Knox": "Central time",
    "America/Denver": "Mountain time", "America/Boise": "Mountain time", "America/Phoenix": "Arizona time",
    "America/Los_Angeles": "Pacific time", "America/Anchorage": "Alaska time", "Pacific/Honolulu": "Hawaii time",
    "America/Puerto_Rico": "Atlantic time", "America/St_Thomas": "Atlantic time",
    "Pacific/Guam": "Chamorro time", "Pacific/Saipan": "Chamorro time", "Pacific/Pago_Pago": "Samoa time",
}  # fmt: skip
