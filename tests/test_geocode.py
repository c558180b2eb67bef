"""The optional online geocoder, tested with fake geocoders: it never touches the network here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from geopy.exc import GeocoderUnavailable

from timeline.gazetteer import Gazetteer
from timeline.geocode import CACHE_FILE, OnlineGeocoder, geocode


@dataclass
class FakeLocation:
    address: str
    latitude: float
    longitude: float


class FakeGeocoder:
    """Answers from a dict and counts the questions, like geopy's ``geocode``."""

    def __init__(self, answers: dict[str, FakeLocation]) -> None:
        self.answers = answers
        self.asked: list[str] = []

    def geocode(self, query: str, **kwargs: object) -> FakeLocation | None:
        self.asked.append(query)
        return self.answers.get(query)


class DownGeocoder:
    """What Nominatim does without network: raises ``GeocoderUnavailable`` at once."""

    def __init__(self) -> None:
        self.calls = 0

    def geocode(self, query: str, **kwargs: object) -> None:
        self.calls += 1
        raise GeocoderUnavailable("Max retries exceeded with url: /search (name resolution failed)")


KAFR = {"Kafr Uwayd": FakeLocation("Kafr Uwayd, Idlib, Syria", 35.63, 36.53)}


def online(tmp_path: Path, geocoder: object, messages: list[str]) -> OnlineGeocoder:
    return OnlineGeocoder(tmp_path, geocoder, min_delay_seconds=0, notify=messages.append)


def test_found_name_becomes_a_point_entry(tmp_path: Path) -> None:
    messages: list[str] = []
    entry = online(tmp_path, FakeGeocoder(KAFR), messages)("Kafr Uwayd")
    assert entry is not None
    assert (entry.lat, entry.lon, entry.precision) == (35.63, 36.53, "point")
    assert messages == []


def test_answers_are_cached_on_disk(tmp_path: Path) -> None:
    fake = FakeGeocoder(KAFR)
    first = online(tmp_path, fake, [])
    assert first("Kafr Uwayd") == first("Kafr  Uwayd")
    assert first("Nowhere at all") is None
    assert first("Nowhere at all") is None
    assert fake.asked == ["Kafr Uwayd", "Nowhere at all"]
    assert (tmp_path / CACHE_FILE).exists()

    again = FakeGeocoder({})
    second = online(tmp_path, again, [])
    assert second("Kafr Uwayd") is not None  # from the file
    assert second("Nowhere at all") is None
    assert again.asked == []


def test_unavailable_service_says_so_once_and_continues_offline(tmp_path: Path) -> None:
    messages: list[str] = []
    down = DownGeocoder()
    geocoder = online(tmp_path, down, messages)
    assert geocoder("Kafr Uwayd") is None
    assert geocoder("Hass") is None
    assert geocoder("Kafr Nabudah") is None
    assert down.calls == 1
    assert len(messages) == 1
    assert messages[0].startswith("online geocoder unavailable: GeocoderUnavailable")
    assert messages[0].endswith("; continuing offline")
    assert geocoder.offline


def test_offline_answers_are_not_cached(tmp_path: Path) -> None:
    online(tmp_path, DownGeocoder(), [])("Kafr Uwayd")
    assert online(tmp_path, FakeGeocoder(KAFR), [])("Kafr Uwayd") is not None


def test_unreadable_cache_is_ignored(tmp_path: Path) -> None:
    (tmp_path / CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert online(tmp_path, FakeGeocoder(KAFR), [])("Kafr Uwayd") is not None


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_gazetteer_first_online_only_for_the_rest(gaz: Gazetteer, tmp_path: Path) -> None:
    fake = FakeGeocoder(KAFR)
    helper = online(tmp_path, fake, [])
    idlib = geocode("إدلب", gaz, helper)
    assert idlib is not None and idlib.country == "SYR"
    assert geocode("Kafr Uwayd", gaz, helper) is not None
    assert fake.asked == ["Kafr Uwayd"]
    assert geocode("Kafr Uwayd", gaz) is None  # offline only: not in the gazetteer
