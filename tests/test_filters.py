"""Filters: the view state round-trips through the URL, and each filter narrows the table as it says."""

from __future__ import annotations

from datetime import date

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from timeline.filters import (
    Filters,
    actor_side,
    apply_filters,
    filter_options,
    from_query_params,
    index_events,
    listed_sources,
    places_of,
    selection_from_plotly,
    to_query_params,
    unknown_sources,
)


def test_default_view_has_a_clean_url() -> None:
    assert to_query_params(Filters()) == {}
    assert from_query_params({}) == Filters()


def test_query_params_round_trip_one_and_many_values() -> None:
    f = Filters(
        start=date(2020, 2, 1), types=("talks",), actors=("Turkey", "Russia"), text="Idlib",
        selected_place="Saraqib", lanes="actor",
    )  # fmt: skip
    params = to_query_params(f)
    assert params["type"] == "talks"  # one value: a string, as st.query_params gives it back
    assert params["actor"] == ["Turkey", "Russia"]
    assert from_query_params(params) == f


text_items = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@given(
    types=st.lists(text_items, max_size=3, unique=True),
    text=st.text(max_size=20),
    start=st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)),
)
def test_any_filters_survive_the_url(types: list[str], text: str, start: date | None) -> None:
    f = Filters(types=tuple(types), text=text, start=start)
    assert from_query_params(to_query_params(f)) == f


def test_huge_point_selections_stay_out_of_the_url() -> None:
    assert "sel_id" in to_query_params(Filters(selected_ids=("a", "b")))
    assert "sel_id" not in to_query_params(Filters(selected_ids=tuple(map(str, range(5000)))))


def test_bad_values_in_a_link_are_ignored() -> None:
    f = from_query_params({"from": "not a date", "lanes": "sideways", "type": ["", "talks"]})
    assert f.start is None and f.lanes == "type" and f.types == ("talks",)


def test_each_filter_narrows_the_table(events: pd.DataFrame) -> None:
    ix = index_events(events)
    everything = len(apply_filters(ix, Filters()))
    assert everything == len(events)
    talks = apply_filters(ix, Filters(types=("talks",)))
    assert set(talks["type"]) == {"talks"} and 0 < len(talks) < everything
    arabic = apply_filters(ix, Filters(languages=("ar",)))
    assert set(arabic["language"]) == {"ar"}
    turkey = apply_filters(ix, Filters(actors=("Turkey",)))
    assert all(any(a["name"] == "Turkey" for a in xs) for xs in turkey["actors"])
    saraqib = apply_filters(ix, Filters(places=("Saraqib",)))
    assert all(any(p["name"] == "Saraqib" for p in xs) for xs in saraqib["places"])
    feb = apply_filters(ix, Filters(start=date(2020, 2, 6), end=date(2020, 2, 10)))
    assert feb["date_start"].between("2020-02-06", "2020-02-10").all() and len(feb) > 0


def test_free_text_matches_arabic_and_english_evidence(events: pd.DataFrame) -> None:
    ix = index_events(events)
    assert len(apply_filters(ix, Filters(text="SARAQIB"))) >= 1  # case-insensitive
    arabic = apply_filters(ix, Filters(text="سراقب"))
    assert len(arabic) == 1 and arabic.iloc[0]["language"] == "ar"


def test_selections_apply_only_where_they_should(events: pd.DataFrame) -> None:
    ix = index_events(events)
    f = Filters(selected_place="Ankara", selected_ids=(events["event_id"].iloc[0],))
    assert len(apply_filters(ix, f)) == 1
    assert (
        len(apply_filters(ix, f, time_selection=False))
        == (events["places"].map(lambda xs: xs[0]["name"]) == "Ankara").sum()
    )
    assert len(apply_filters(ix, f, place_selection=False, time_selection=False)) == len(events)
    assert f.has_selection and not f.clear_selection().has_selection


def test_options_group_actors_by_side(events: pd.DataFrame) -> None:
    opts = filter_options(index_events(events))
    assert ("Turkey", "Turkey") in opts.actors and ("Syria: opposition", "opposition factions") in opts.actors
    assert opts.actors == sorted(opts.actors)
    assert opts.first_day == date(2020, 1, 24) and opts.last_day == date(2020, 3, 6)
    assert actor_side("SYRMIL") == "Syria: government" and actor_side("RUSGOV") == "Russia"


def test_places_of_renumbers_rows_to_the_subset(events: pd.DataFrame) -> None:
    ix = index_events(events)
    mask = (ix.events["language"] == "ar").to_numpy()
    sub = ix.events[mask].reset_index(drop=True)
    places = places_of(ix, mask)
    for row, name in zip(places["row"], places["name"], strict=True):
        assert name in {p["name"] for p in sub.loc[row, "places"]}


def test_plotly_selection_gives_ids_or_a_date_range() -> None:
    points = {"selection": {"points": [{"customdata": ["a1"]}, {"customdata": ["b2"]}], "box": []}}
    assert selection_from_plotly(points) == (("a1", "b2"), None, None)
    box = {"selection": {"points": [], "box": [{"x": ["2020-02-20 10:00", "2020-02-01"]}]}}
    assert selection_from_plotly(box) == ((), date(2020, 2, 1), date(2020, 2, 20))
    assert selection_from_plotly(None) == ((), None, None)


def test_a_bar_of_the_weekly_counts_selects_its_days() -> None:
    """Fresh tester 11: a click on a week's bar selected nothing. A point carrying a first and a last day (the
    weekly counts' bars) selects those days, as a box does; several bars, the days from the first to the last."""
    week = {"curve_number": 0, "x": "2020-02-06T12:00:00", "customdata": ["2020-02-03", "2020-02-09"]}
    assert selection_from_plotly({"selection": {"points": [week], "box": []}}) == (
        (),
        date(2020, 2, 3),
        date(2020, 2, 9),
    )
    later = {"customdata": ["2020-02-17", "2020-02-23"]}
    assert selection_from_plotly({"selection": {"points": [later, week]}}) == (
        (),
        date(2020, 2, 3),
        date(2020, 2, 23),
    )
    pair_of_ids = {"selection": {"points": [{"customdata": ["a1", "b2"]}]}}  # an event id first: that event
    assert selection_from_plotly(pair_of_ids) == (("a1",), None, None)


@given(
    merge=st.booleans(),
    week=st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)),
    tiles=st.sampled_from(["", "on", "off"]),
    page=st.sampled_from(["timeline", "aggregates"]),
)
def test_merge_week_tiles_and_page_survive_the_url(
    merge: bool, week: date | None, tiles: str, page: str
) -> None:
    f = Filters(merge=merge, week=week, tiles=tiles, page=page)
    assert from_query_params(to_query_params(f)) == f
    assert f.describe() == "all events"  # they shape the view, they filter no event


def test_clear_selection_puts_the_map_back_at_the_latest_week() -> None:
    f = Filters(selected_place="Saraqib", week=date(2020, 2, 3), types=("offensive",))
    assert f.clear_selection() == Filters(types=("offensive",))


def test_place_filter_matches_what_an_event_is_about() -> None:
    from events_factory import ANKARA, IDLIB, SARAQIB, event, frame

    talks = event("talks", "2020-02-10", places=[dict(ANKARA)]) | {"about": [dict(IDLIB)]}
    attack = event("offensive", "2020-02-11", places=[dict(SARAQIB)]) | {"about": []}
    ix = index_events(frame([talks, attack]))
    assert "Idlib" in filter_options(ix).places
    assert list(apply_filters(ix, Filters(places=("Idlib",)))["type"]) == ["talks"]
    assert list(apply_filters(ix, Filters(places=("Ankara",)))["type"]) == ["talks"]
    assert list(apply_filters(ix, Filters(places=("Saraqib",)))["type"]) == ["offensive"]
    # the map draws where it happened: a click on Idlib does not select talks held in Ankara
    assert apply_filters(ix, Filters(selected_place="Idlib")).empty


def test_actor_sides_are_names_not_codes() -> None:
    assert (
        actor_side("KWT") == "Kuwait"
        and actor_side("IMGAQD").startswith("Jihadist")
        and actor_side("SYRISI") == "Syria: jihadist groups"
    )
    assert actor_side("NGOSOH") == "Monitors and NGOs"


def test_sources_are_all_listed_up_to_the_limit_then_the_first_and_the_selected(monkeypatch) -> None:  # noqa: ANN001
    import timeline.filters as flt

    sources = [f"s{i:03}" for i in range(10)]
    assert listed_sources(sources, ["s007"]) == (sources, False)
    monkeypatch.setattr(flt, "MAX_LISTED_SOURCES", 3)
    assert listed_sources(sources, []) == (["s000", "s001", "s002"], True)
    assert listed_sources(sources, ["s009", "s001", "s005"]) == (
        ["s000", "s001", "s002", "s005", "s009"],
        True,
    )
    assert unknown_sources(["s009", "x", "s000"], sources) == ["x"]
    assert unknown_sources([], sources) == []


def test_view_states_that_differ_in_any_field_differ_in_their_repr() -> None:
    """The app keys its caches of a view state by ``repr`` (``app.py``'s ``BY_REPR``, cheaper than
    Streamlit's hashing of the dataclass): every field must show in it, so two states never share a key."""
    import dataclasses

    from timeline.filters import Filters

    base = Filters()
    other = {
        date: date(2020, 1, 2), bool: False, tuple: ("a", "b"), str: "x'y", int: 7,
    }  # fmt: skip
    seen = {repr(base)}
    for f in dataclasses.fields(Filters):
        kind = next(k for k in other if k.__name__ in str(f.type))
        changed = dataclasses.replace(base, **{f.name: other[kind]})
        assert repr(changed) not in seen, f.name
        seen.add(repr(changed))
    assert repr(dataclasses.replace(base, actors=("a, b",))) != repr(
        dataclasses.replace(base, actors=("a", "b"))
    )
