"""Choices of the review form: places by name search in the gazetteer (Arabic or Latin), actors from the
lexicon keeping their roles, and the date filter when reviews move the events' range."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actors import ActorLexicon
from timeline.gazetteer import Gazetteer
from timeline.review import lookup
from timeline.review_ui import date_range


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("query", ["Saraqib", "saraq", "سراقب", "Sarāqib"])
def test_place_search_by_any_spelling(gazetteer: Gazetteer, query: str) -> None:
    found = lookup.search_places(gazetteer, query)
    assert "Saraqib (Idlib, SYR)" in [lookup.place_label(p) for p in found]
    saraqib = next(p for p in found if p["name"] == "Saraqib")
    assert set(saraqib) == {"name", "name_ar", "lat", "lon", "country", "admin1", "precision"}
    assert abs(saraqib["lat"] - 35.86) < 0.05 and saraqib["name_ar"] == "سراقب"


def test_place_search_ranks_and_limits(gazetteer: Gazetteer) -> None:
    found = lookup.search_places(gazetteer, "Idlib", limit=5)
    assert len(found) == 5 and found[0]["name"] == "Idlib"
    assert all(p["name"].lower().startswith("idlib") or "idlib" in p["name"].lower() for p in found)
    assert lookup.search_places(gazetteer, "   ") == []
    assert lookup.search_places(gazetteer, "zzzzqqq") == []


def test_actors_from_the_lexicon_keep_roles() -> None:
    choices = lookup.actor_choices(ActorLexicon.load())
    assert "Turkey (TUR)" in choices or any(v["code"] == "TURGOV" for v in choices.values())
    label = next(lb for lb, v in choices.items() if v["code"] == "RUSGOV")
    current = [{"code": "SYRMIL", "name": "Syrian army", "role": "initiator"}]
    out = lookup.with_actors(current, ["Syrian army (SYRMIL)", label, "Nobody (XXX)"], choices)
    assert out[0] == current[0] and out[1]["code"] == "RUSGOV" and out[1]["role"] == "participant"
    assert len(out) == 2  # an unknown label is dropped


def test_date_filter_follows_the_range() -> None:
    old, new = (date(2020, 3, 8), date(2020, 3, 11)), (date(2020, 3, 7), date(2020, 3, 11))
    assert date_range(old, new, old) == new  # "everything" stays everything
    narrowed = (date(2020, 3, 9), date(2020, 3, 10))
    assert date_range(narrowed, new, old) == narrowed  # a chosen range is kept
    assert date_range((date(2020, 3, 1), date(2020, 3, 20)), new, None) == new  # clamped into the range
