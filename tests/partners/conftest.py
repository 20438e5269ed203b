"""Small partner directories written for one test, so rules are tested apart from the sample data."""

from __future__ import annotations

from pathlib import Path

import pytest

DEFAULTS = {
    "Title": "Part-time sales manager",
    "Phone": "(303) 555-0142",
}


def write_partner(content: Path, slug: str, **fields: str) -> Path:
    """Write content/partners/<slug>.md from `fields` (metadata keys as an editor writes them)."""
    folder = content / "partners"
    folder.mkdir(parents=True, exist_ok=True)
    metadata = {"Name": slug.replace("-", " ").title(), **DEFAULTS, "Email": f"{slug}@example.com", **fields}
    header = "\n".join(f"{key.replace('_', '-')}: {value}" for key, value in metadata.items() if value is not None)
    path = folder / f"{slug}.md"
    path.write_text(f"{header}\n\nA short bio of {slug}.\n", encoding="utf-8")
    return path


@pytest.fixture
def make_partner(tmp_path):
    content = tmp_path / "content"

    def make(slug: str, **fields: str) -> Path:
        return write_partner(content, slug, **fields)

    make.content = content
    return make


@pytest.fixture
def small_directory(make_partner):
    """Denver owns CO, Houston owns prefix 770, Austin owns TX; the head office owns nothing."""
    from sales_leadership.partners.model import load_directory

    make_partner("denver", City="Denver", State="CO", States="CO")
    make_partner("houston", City="Houston", State="TX", Zip_prefixes="770")
    make_partner("austin", City="Austin", State="TX", States="TX")
    make_partner("hq", City="Philadelphia", State="PA", Head_office="yes")
    return load_directory(make_partner.content)
