"""An outlet whose name opens with a city ("عمّان نت –", "بغداد بوست –", "Aleppo 24 –", "حلب اليوم -") files
the story: the city is no place of the events, and a time word in the name ("اليوم", "Now") is no date of them.
A rule on the whole kind, in Arabic and English; each text is written for the test in the style of such sites."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


def rows(res: Resources, text: str, pub: datetime = datetime(2020, 2, 13, 10, 0)) -> list[dict]:
    return article_rows(res, text, pub)


@pytest.mark.parametrize(
    ("text", "outlet_city", "place"),
    [
        (
            "عمّان نت – سيطرت قوات النظام السوري أمس الأربعاء على عدد من القرى شمال شرقي درعا بعد معارك مع فصائل "
            "المعارضة.",
            "Amman",
            "northeastern Daraa countryside",
        ),
        (
            "بغداد بوست – نفذت طائرات عراقية أمس الأربعاء ضربة جوية على مواقع لتنظيم داعش قرب البوكمال.",
            "Baghdad",
            "Albu Kamal",
        ),
        (
            "Aleppo 24 – Government aircraft struck the town of Atarib in western Aleppo countryside on Monday, "
            "killing four civilians.",
            "Aleppo",
            "al-Atarib",
        ),
        (
            "Damascus Now - Mortar shells fell on the Mezzeh district on Tuesday, state media said.",
            "Damascus",
            "Mezzeh",
        ),
        ("حلب اليوم - قصفت قوات النظام مدينة الأتارب بريف حلب الغربي أمس الأربعاء.", "Aleppo", "al-Atarib"),
    ],
)
def test_the_city_of_an_outlets_name_is_no_place(
    res: Resources, text: str, outlet_city: str, place: str
) -> None:
    found = rows(res, text)
    assert len(found) == 1, found
    names = [p["name"] for p in found[0]["places"]]
    assert place in names and outlet_city not in names, names


@pytest.mark.parametrize(
    "text",
    [
        "حلب اليوم - قصفت قوات النظام مدينة الأتارب بريف حلب الغربي أمس الاثنين.",
        "Syria Today - Government aircraft struck Atarib on Monday, killing four civilians.",
    ],
)
def test_a_time_word_in_an_outlets_name_is_no_date(res: Resources, text: str) -> None:
    found = rows(res, text)
    assert found and found[0]["date_start"] != "2020-02-13", found


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Idlib residents - many of them displaced twice - said Russian jets struck the city on Monday.",
            "Idlib",
        ),
        ("حلب: قصفت قوات النظام حي الشعار اليوم الخميس.", None),
    ],
)
def test_a_city_with_other_words_before_a_dash_stays_a_place(
    res: Resources, text: str, place: str | None
) -> None:
    found = rows(res, text)
    assert found
    if place:
        assert place in [p["name"] for p in found[0]["places"]]
    else:  # a dateline with a colon: today is the day of the shelling
        assert found[0]["date_start"] == "2020-02-13"


@pytest.mark.parametrize(
    ("text", "filed_from", "place"),
    [
        (
            "[Jerusalem] Israeli tanks fired on Monday at a Syrian artillery position near Quneitra.",
            "Jerusalem",
            "Quneitra",
        ),
        ("[Beirut] Government jets struck Zabadani on Monday, activists said.", "Beirut", "Az Zabadani"),
    ],
)
def test_a_dateline_in_brackets_is_no_place(res: Resources, text: str, filed_from: str, place: str) -> None:
    found = rows(res, text)
    assert found
    names = [p["name"] for p in found[0]["places"]]
    assert place in names and filed_from not in names, names
