"""The ZIP tables' disk cache gives the same tables as deriving them, and survives a bad file."""

from __future__ import annotations

import pytest

from sales_leadership.partners import zip_data


@pytest.fixture
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(zip_data, "CACHE_DIR", tmp_path / "cache")
    zip_data._tables.cache_clear()
    yield tmp_path / "cache"
    zip_data._tables.cache_clear()


def test_tables_written_once_then_read_back_unchanged(private_cache):
    derived = zip_data._tables()
    [cache_file] = private_cache.glob("zip-data-*.pickle")
    zip_data._tables.cache_clear()
    cache_file.touch()
    read_back = zip_data._tables()
    assert read_back == derived
    assert read_back["prefix_places"]["802"].state == "CO"
    assert zip_data.us_states()["CO"] == "Colorado"


def test_a_damaged_cache_file_is_replaced_by_fresh_tables(private_cache):
    private_cache.mkdir()
    zip_data._tables()
    [cache_file] = private_cache.glob("zip-data-*.pickle")
    cache_file.write_bytes(b"not a pickle")
    zip_data._tables.cache_clear()
    assert zip_data.zip_places()["80202"].state == "CO"
    assert cache_file.stat().st_size > 1_000_000
