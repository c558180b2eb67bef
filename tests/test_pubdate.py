"""Publication dates from bylines and metadata: Arabic (MSA, Levantine, Maghrebi), English, numeric."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.pubdate import find_dates, leading_date, parse_published

# (written form, expected value). Expected values are read off the form by a person.
ARABIC = [
    ("10 فبراير، 2020 1:38:02 م", datetime(2020, 2, 10, 13, 38, 2)),
    ("8 شباط 2020", datetime(2020, 2, 8)),
    ("25 تشرين الثاني 2019", datetime(2019, 11, 25)),
    ("20 كانون الأول 2019", datetime(2019, 12, 20)),
    ("١٠ شباط ٢٠٢٠", datetime(2020, 2, 10)),
    ("3 آذار 2020", datetime(2020, 3, 3)),
    ("15 أيلول 2018", datetime(2018, 9, 15)),
    ("5 أبريل 2017", datetime(2017, 4, 5)),
    ("7 نوفمبر 2019 10:15 ص", datetime(2019, 11, 7, 10, 15)),
    ("12 ديسمبر 2019 12:05 ص", datetime(2019, 12, 12, 0, 5)),
]
ARABIC_NO_DATEPARSER = [  # forms outside what dateparser's ar-SY locale parses, checked by hand only
    ("2 جانفي 2020", datetime(2020, 1, 2)),  # Maghrebi month
    ("10 شباط (فبراير) 2020", datetime(2020, 2, 10)),
    ("الاثنين 10 فبراير/شباط 2020 - 09:30 ص", datetime(2020, 2, 10, 9, 30)),
]
ENGLISH = [
    ("5 April 2017", datetime(2017, 4, 5)),
    ("April 5, 2017", datetime(2017, 4, 5)),
    ("Wed 05 Apr 2017", datetime(2017, 4, 5)),
    ("Mon, 10 Feb 2020 13:38:02 +0300", datetime(2020, 2, 10, 13, 38, 2)),
    ("February 10, 2020 1:38 PM", datetime(2020, 2, 10, 13, 38)),
    ("2020-02-10", datetime(2020, 2, 10)),
    ("2020-02-10T13:38:02", datetime(2020, 2, 10, 13, 38, 2)),
]
NUMERIC_AND_META = [
    ("4/5/17", datetime(2017, 4, 5)),  # FA-KES: month/day/year
    ("12/25/2019", datetime(2019, 12, 25)),
    ("26-01-2016", datetime(2016, 1, 26)),  # dashes: day-month-year
    ("25/12/2019", datetime(2019, 12, 25)),  # first number over 12: day first
    ("2018-10-03T01:00:01Z", datetime(2018, 10, 3, 1, 0, 1)),  # ASND tweet time, offset dropped
    ("2020-02-10T13:38:02.123+03:00", datetime(2020, 2, 10, 13, 38, 2)),  # wall-clock kept
    ("2023-08-05 03:08", datetime(2023, 8, 5, 3, 8)),  # Wikipedia front matter
    ("1581341882", datetime(2020, 2, 10, 13, 38, 2)),  # Unix seconds, UTC
    ("1581341882000", datetime(2020, 2, 10, 13, 38, 2)),  # Unix milliseconds
    ("Fri 07 Apr 2017 at 0914", datetime(2017, 4, 7, 9, 14)),  # FA-KES dateline with a time
]


@pytest.mark.parametrize(("text", "expected"), ARABIC + ARABIC_NO_DATEPARSER + ENGLISH + NUMERIC_AND_META)
def test_parse_published_forms(text: str, expected: datetime) -> None:
    assert parse_published(text) == expected


@pytest.mark.parametrize(("text", "expected"), ARABIC)
def test_arabic_forms_agree_with_dateparser(text: str, expected: datetime) -> None:
    dateparser = pytest.importorskip("dateparser")
    assert dateparser.parse(text, locales=["ar-SY"]) == parse_published(text) == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH[:3] + ENGLISH[4:])
def test_english_forms_agree_with_dateparser(text: str, expected: datetime) -> None:
    dateparser = pytest.importorskip("dateparser")
    theirs = dateparser.parse(text, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    assert theirs == parse_published(text) == expected


def test_seed_byline_gives_the_publication_time() -> None:
    byline = "تحرير ميس نور الدين 🕔 تم النشر بتاريخ : 10 فبراير، 2020 1:38:02 م خبر دوليسياسي تركيا"
    assert parse_published(byline) == datetime(2020, 2, 10, 13, 38, 2)


def test_english_byline_with_label() -> None:
    assert parse_published("Published: 5 April 2017") == datetime(2017, 4, 5)
    assert parse_published("Last updated 10 February 2020, 14:05 GMT") == datetime(2020, 2, 10, 14, 5)


@pytest.mark.parametrize("text", ["", "   ", "garbage", "2020", "10 February", "February 2020", "99/99/99"])
def test_incomplete_or_no_date_is_none(text: str) -> None:
    assert parse_published(text) is None


def test_impossible_day_is_skipped_for_the_next_date() -> None:
    assert parse_published("31 February 2020 or 1 March 2020") == datetime(2020, 3, 1)


def test_result_is_naive() -> None:
    value = parse_published("Mon, 10 Feb 2020 13:38:02 +0300")
    assert value is not None and value.tzinfo is None


def test_find_dates_gives_offsets_into_the_original_text() -> None:
    text = "وفشلت الجولة الأولى السبت ٨ شباط ٢٠٢٠، ثم في 25 تشرين الثاني 2019 بدأ الهجوم"
    found = find_dates(text)
    assert [d.value for d in found] == [datetime(2020, 2, 8), datetime(2019, 11, 25)]
    assert text[found[0].start : found[0].end].endswith("٢٠٢٠")
    assert text[found[1].start : found[1].end] == "25 تشرين الثاني 2019"


def test_month_word_without_day_and_year_is_not_a_date() -> None:
    assert find_dates("they may meet in March, said the envoy") == []


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Wed 05 Apr 2017 Syria attack symptoms", "", datetime(2017, 4, 5)),
        ("26-01-2016 Bombs Kill 22 at Army Checkpoint", "", datetime(2016, 1, 26)),
        ("April 6 2017 Syrian Army Kills 48", "Syrian Army Kills 48", datetime(2017, 4, 6)),
        ("10 February 2020\nTurkish troops entered", "", datetime(2020, 2, 10)),
        ("Published April 2 2017 Syrian opposition forces on Sunday", "", datetime(2017, 4, 2)),
        ("Date of publication 12 April 2017 Casualties mount", "", datetime(2017, 4, 12)),
        ("Posted on July 12 2016 by Paula Astih", "", datetime(2016, 7, 12)),
    ],
)
def test_leading_dateline(text: str, title: str, expected: datetime) -> None:
    found = leading_date(text, title)
    assert found is not None and found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "4 يوليو 2019 هو موعد الانتخابات الرئاسية",
        "April 6 2017 was a quiet day",
        "Troops left on 5 April 2017",
    ],
)
def test_a_sentence_that_opens_with_a_date_is_not_a_dateline(text: str) -> None:
    assert leading_date(text) is None
