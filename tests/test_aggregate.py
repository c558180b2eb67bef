"""Aggregations on small tables whose answers are worked out by hand in the comments."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from timeline import aggregate as ag
from timeline.model import Actor, Event, Place
from timeline.store import EventStore
from timeline.table import events_to_frame

IDLIB = Place("Idlib", "إدلب", 35.93, 36.63, "SYR", "Idlib", "point")
SARAQIB = Place("Saraqib", "سراقب", 35.86, 36.80, "SYR", "Idlib", "point")
HAMA = Place("Hama", "حماة", 35.13, 36.76, "SYR", "Hama", "point")
ARMY = Actor("SYRMIL", "Syrian army", "initiator")
REBELS = Actor("SYRREB", "rebels", "target")


def ev(
    n: int,
    day: str | None,
    etype: str = "offensive",
    subtype: str = "airstrike",
    status: str = "occurred",
    actors: tuple[Actor, ...] = (ARMY, REBELS),
    places: tuple[Place, ...] = (IDLIB,),
    end: str | None = None,
) -> Event:
    d = date.fromisoformat(day) if day else date(2000, 1, 1)
    e = Event(
        article_id=f"art{n}",
        source=f"a{n}.txt",
        title="t",
        published=d.isoformat(),
        language="en",
        type=etype,
        subtype=subtype,
        status=status,
        date_start=d,
        date_end=date.fromisoformat(end) if end else None,
        date_precision="day",
        date_source="explicit",
        date_text="",
        evidence=f"sentence {n}",
        evidence_start=n,
        evidence_end=n + 5,
        actors=list(actors),
        places=list(places),
    )
    return e


def frame(*events: Event, undated: tuple[int, ...] = ()) -> pd.DataFrame:
    df = events_to_frame(events)
    for i in undated:
        df.loc[i, "date_start"] = None
    return df


def talks(n: int, day: str, status: str, *codes: str) -> Event:
    return ev(n, day, "talks", "meeting", status, tuple(Actor(c, c, "participant") for c in codes), ())


def test_weekly_counts_by_type_start_on_monday() -> None:
    # 2020-02-03 is a Monday, 02-09 the Sunday of that week, 02-10 the next Monday
    df = frame(
        ev(1, "2020-02-03"),
        ev(2, "2020-02-09"),
        ev(3, "2020-02-10"),
        talks(4, "2020-02-05", "occurred", "A", "B"),
    )
    got = ag.counts(df, "W", "type")
    assert got["period"].dt.strftime("%Y-%m-%d").tolist() == ["2020-02-03", "2020-02-03", "2020-02-10"]
    assert got["type"].astype(str).tolist() == ["offensive", "talks", "offensive"]
    assert got["count"].tolist() == [2, 1, 1]


def test_total_daily_counts_leave_out_undated_events() -> None:
    df = frame(ev(1, "2020-02-03"), ev(2, "2020-02-03"), ev(3, "2020-02-04"), undated=(2,))
    got = ag.counts(df, "D", None)
    assert got["count"].tolist() == [2]
    assert list(got.columns) == ["period", "count"]


def test_an_actor_named_twice_in_one_event_counts_once() -> None:
    twice = (ARMY, Actor("SYRMIL", "regime forces", "initiator"), REBELS)
    df = frame(ev(1, "2020-02-03", actors=twice), ev(2, "2020-02-20", actors=(ARMY,)))
    got = ag.counts(df, "M", "actor").set_index("actor")["count"]
    assert got.to_dict() == {"SYRMIL": 2, "SYRREB": 1}
    by_country = ag.counts(df, "M", "country").set_index("country")["count"]
    assert by_country.to_dict() == {"SYR": 2}  # SYRMIL and SYRREB are one country: one event each


def test_monthly_counts_by_place_and_admin1() -> None:
    df = frame(
        ev(1, "2020-01-31", places=(IDLIB, SARAQIB)),
        ev(2, "2020-02-01", places=(SARAQIB,)),
        ev(3, "2020-02-02", places=(HAMA,)),
        ev(4, "2020-02-03", places=()),
    )
    places = ag.counts(df, "M", "place")
    assert [(str(p.date()), str(n), c) for p, n, c in places.itertuples(index=False)] == [
        ("2020-01-01", "Idlib", 1),
        ("2020-01-01", "Saraqib", 1),
        ("2020-02-01", "Hama", 1),
        ("2020-02-01", "Saraqib", 1),
    ]
    admin = ag.counts(df, "Y", "admin1").set_index("admin1")["count"].to_dict()
    assert admin == {"Hama": 1, "Idlib": 2}  # event 1 names two Idlib towns: one Idlib event


def test_unknown_key_or_freq_is_an_error() -> None:
    df = frame(ev(1, "2020-01-01"))
    with pytest.raises(ValueError):
        ag.counts(df, "W", "colour")
    with pytest.raises(ValueError):
        ag.counts(df, "H", "type")


def test_actor_matrix_directed_attacks_and_undirected_talks() -> None:
    russia = Actor("RUSMIL", "Russian air force", "initiator")
    df = frame(
        ev(1, "2020-01-01"),
        ev(2, "2020-01-02"),
        ev(3, "2020-01-03", actors=(russia, REBELS)),
        ev(4, "2020-01-04", actors=(ARMY,)),  # no target: no pair
        talks(5, "2020-01-05", "occurred", "TURGOV", "RUSGOV", "IRNGOV"),
    )
    m = ag.actor_matrix(df)
    got = {(t, s, d, directed): n for t, s, d, directed, n in m.itertuples(index=False)}
    assert got == {
        ("offensive", "SYRMIL", "SYRREB", True): 2,
        ("offensive", "RUSMIL", "SYRREB", True): 1,
        ("talks", "IRNGOV", "RUSGOV", False): 1,
        ("talks", "IRNGOV", "TURGOV", False): 1,
        ("talks", "RUSGOV", "TURGOV", False): 1,
    }
    assert ag.actor_matrix(df, types=("talks",))["type"].unique().tolist() == ["talks"]


def test_clash_participants_pair_without_direction() -> None:
    sides = (Actor("SYRKRD", "SDF", "participant"), Actor("TURMIL", "Turkish army", "participant"))
    pairs = ag.actor_pairs(frame(ev(1, "2019-10-10", subtype="clash", actors=sides)))
    assert pairs[["source", "target", "directed"]].astype(object).values.tolist() == [
        ["SYRKRD", "TURMIL", False]
    ]


def test_campaign_chains_reports_and_runs_to_its_last_report_while_ongoing() -> None:
    df = frame(
        ev(1, "2019-04-30", subtype="ground_offensive", status="ongoing"),
        ev(2, "2019-05-10", subtype="ground_offensive", status="ongoing", places=(SARAQIB,)),  # Idlib too
        ev(3, "2019-08-01", subtype="capture"),  # 83 days later: a new campaign
        ev(4, "2019-05-01", subtype="airstrike"),  # a single strike is no campaign
        ev(5, "2019-05-02", subtype="ground_offensive", places=(HAMA,), end="2019-05-20"),
    )
    got = ag.campaigns(df, as_of="2019-06-01")
    rows = [
        (r.area, str(r.start.date()), str(r.end.date()), r.ongoing, r.days, r.n_events)
        for r in got.itertuples()
    ]
    assert rows == [
        ("Idlib", "2019-04-30", "2019-05-10", True, 11, 2),  # 30 Apr .. the last report, 10 May
        ("Hama", "2019-05-02", "2019-05-20", False, 19, 1),
        ("Idlib", "2019-08-01", "2019-08-01", False, 1, 1),
    ]
    assert sorted(got.loc[0, "event_ids"]) == sorted(df["event_id"].iloc[:2])
    assert set(got["initiator"]) == {"SYRMIL"}


def test_campaign_ends_when_its_latest_report_is_not_ongoing() -> None:
    df = frame(
        ev(1, "2019-04-30", subtype="ground_offensive", status="ongoing"),
        ev(2, "2019-05-05", subtype="capture", status="occurred"),
    )
    got = ag.campaigns(df, as_of="2019-12-31")
    assert got[["ongoing", "days"]].values.tolist() == [[False, 6]]


def test_rounds_of_talks_in_sequence() -> None:
    df = frame(
        talks(1, "2020-02-08", "occurred", "TURGOV", "RUSGOV"),
        talks(2, "2020-02-09", "failed", "RUSGOV", "TURGOV"),  # next day, same pair: same round, failed
        talks(3, "2020-02-10", "ongoing", "TURGOV", "RUSGOV"),  # a day after the failure
        talks(4, "2020-02-17", "planned", "TURGOV", "RUSGOV"),
        talks(5, "2020-02-09", "occurred", "USAGOV", "TURGOV"),
    )
    rounds = ag.talk_rounds(df, same_round_days=0)
    tr = rounds[(rounds.a == "RUS") & (rounds.b == "TUR")]
    assert tr[["round", "status", "n_reports"]].values.tolist() == [
        [1, "occurred", 1],
        [2, "failed", 1],
        [3, "ongoing", 1],
        [4, "planned", 1],
    ]
    merged = ag.talk_rounds(df, same_round_days=1)
    tr = merged[(merged.a == "RUS") & (merged.b == "TUR")]
    # 8, 9 and 10 Feb chain day by day into one round; failed outranks the rest
    assert tr[["round", "status", "n_reports"]].values.tolist() == [[1, "failed", 3], [2, "planned", 1]]
    assert ag.describe_rounds(merged)[("RUS", "TUR")] == (
        "first round failed on 8 Feb 2020, second round planned for 17 Feb 2020"
    )
    assert ag.describe_rounds(merged)[("TUR", "USA")] == "first round held on 9 Feb 2020"


def test_prepared_once_gives_the_same_answers_and_arrow_path_too(tmp_path: Path) -> None:
    df = frame(
        ev(1, "2020-02-03"),
        ev(2, "2020-03-09", places=(HAMA, IDLIB)),
        talks(3, "2020-02-05", "failed", "A", "B"),
        ev(4, "2020-04-01", subtype="ground_offensive", status="ongoing"),
    )
    store = EventStore(tmp_path)
    store.write(df, {a: "fp" for a in df["article_id"]})
    from_df = ag.prepare(df)
    from_arrow = ag.prepare_arrow(store.read_arrow())
    for data in (from_df, from_arrow):
        for by in ("type", "actor", "place", "status", None):
            pd.testing.assert_frame_equal(
                ag.counts(data, "W", by).astype({"period": "datetime64[ns]"}),
                ag.counts(df, "W", by),
                check_categorical=False,
            )
        pd.testing.assert_frame_equal(ag.actor_matrix(data), ag.actor_matrix(df))
        pd.testing.assert_frame_equal(ag.campaigns(data), ag.campaigns(df))
        pd.testing.assert_frame_equal(ag.talk_rounds(data), ag.talk_rounds(df))


def test_empty_table() -> None:
    df = events_to_frame([])
    assert ag.counts(df, "W", "type").empty
    assert ag.actor_matrix(df).empty
    assert ag.campaigns(df).empty
    assert ag.talk_rounds(df).empty


# -- issue 9 item 10: aggregates that look authoritative must not be wrong ---------------------------------
def test_an_ongoing_campaign_runs_to_its_last_report_not_to_the_newest_article() -> None:
    late = ev(9, "2023-05-01", "talks", "meeting", "occurred", (), ())  # an unrelated article from 2023
    df = frame(
        ev(1, "2020-02-01", subtype="ground_offensive", status="ongoing"),
        ev(2, "2020-02-10", subtype="ground_offensive", status="ongoing"),  # published 10 Feb
        late,
    )
    got = ag.campaigns(df)
    assert got[["ongoing", "start", "end"]].astype(str).values.tolist() == [
        ["True", "2020-02-01", "2020-02-10"]
    ]
    # a report published later that still calls it ongoing extends it to that report's day
    df.loc[1, "published"] = "2020-03-01T08:00:00"
    assert str(ag.campaigns(df)["end"].iloc[0].date()) == "2020-03-01"
    # as_of (the day of the view) caps it, it never stretches it
    assert str(ag.campaigns(df, as_of="2020-02-20")["end"].iloc[0].date()) == "2020-02-20"
    assert str(ag.campaigns(df, as_of="2023-06-01")["end"].iloc[0].date()) == "2020-03-01"


def test_one_state_on_one_side_is_no_pair_of_talks() -> None:
    df = frame(
        talks(1, "2020-02-08", "occurred", "RUS", "RUSGOV"),  # "Russia – Russian government"
        talks(2, "2020-02-09", "occurred", "USAGOV", "USACOA"),
        talks(3, "2020-02-10", "occurred", "SYRGOV", "SYRREB"),  # one country, two sides: a real pair
        talks(4, "2020-02-11", "occurred", "IGOUNO", "IGOARL"),  # two organisations of no state
        talks(5, "2020-02-12", "occurred", "RUSGOV", "TURGOV", "RUS"),
    )
    pairs = set(zip(*(ag.talk_rounds(df)[c] for c in ("a", "b")), strict=True))
    # each side as its party: a state's government, forces and leaders are that state (one pair, one numbering)
    assert pairs == {("SYR", "SYRREB"), ("IGOARL", "IGOUNO"), ("RUS", "TUR")}
    assert ag.same_party("RUS", "RUSMIL") and not ag.same_party("SYRGOV", "SYRHTS")
    m = ag.actor_matrix(df)
    assert not ((m["source"] == "RUS") & (m["target"] == "RUSGOV")).any()
    # sides can be given (e.g. a project's own lexicon): then those decide
    assert ("RUS", "RUSGOV") in set(
        zip(*(ag.talk_rounds(df, sides={"RUS": "a", "RUSGOV": "b"})[c] for c in ("a", "b")), strict=True)
    )


def test_monitors_and_ngos_are_never_initiators() -> None:
    sohr = Actor("NGOSOH", "Syrian Observatory for Human Rights", "initiator")
    msf = Actor("NGOMSF", "MSF", "target")
    helmets = Actor("NGOWHT", "White Helmets", "participant")
    df = frame(
        ev(1, "2020-02-01", subtype="ground_offensive", actors=(sohr, REBELS), end="2020-02-05"),
        ev(2, "2020-02-02", actors=(ARMY, msf)),
        ev(
            3, "2020-02-03", subtype="clash", actors=(helmets, Actor("TURMIL", "Turkish army", "participant"))
        ),
    )
    m = ag.actor_matrix(df)
    assert not m["source"].isin(["NGOSOH", "NGOMSF", "NGOWHT"]).any()
    assert not m["target"].isin(["NGOSOH", "NGOMSF", "NGOWHT"]).any()
    assert set(ag.campaigns(df)["initiator"]) == {""}  # SOHR reported it; nobody named launched it
    by_role = ag.counts(df, "W", "role")
    assert by_role.loc[by_role["role"] == "initiator", "count"].sum() == 1  # the army only


def test_a_round_is_numbered_once_whatever_name_each_report_gives_a_side() -> None:
    """Fresh tester 11: the 5 March summit was round 3 for "Russia – Turkey" and round 2 for "Vladimir Putin –
    Turkey"; a state's government, forces and leaders are that state, so the pair is one and so is its count."""
    df = frame(
        talks(1, "2020-02-08", "failed", "RUS", "TUR"),
        talks(2, "2020-02-10", "failed", "RUSGOV", "TURGOV"),
        talks(3, "2020-03-05", "occurred", "RUSGOV", "TUR"),
        talks(4, "2020-03-05", "occurred", "RUS", "TURGOV", "RUSMIL"),
    )
    rounds = ag.talk_rounds(df)
    assert set(zip(rounds["a"], rounds["b"], strict=True)) == {("RUS", "TUR")}
    assert rounds[["round", "start", "n_reports"]].astype(str).values.tolist() == [
        ["1", "2020-02-08", "1"],
        ["2", "2020-02-10", "1"],
        ["3", "2020-03-05", "2"],
    ]
