"""Date expressions in Arabic and English, resolved against a pinned publication date."""

from datetime import date

import pytest

from timeline.dates import find_dates, is_vague_period
from timeline.normalize import fold

PUB = date(2020, 2, 10)  # a Monday, as the seed article


def one(text: str, pub: date | None = PUB, context: date | None = None):
    found = find_dates(fold(text), pub, context)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "source"),
    [
        # Levantine and MSA month names, with and without a weekday
        ("السبت 8 شباط 2020", "2020-02-08", None, "day", "explicit"),
        ("منذ 25 تشرين الثاني 2019", "2019-11-25", None, "day", "explicit"),
        ("بتاريخ 20 كانون الأول 2019", "2019-12-20", None, "day", "explicit"),
        ("في 3 كانون الثاني 2020", "2020-01-03", None, "day", "explicit"),
        ("يوم 10 فبراير، 2020", "2020-02-10", None, "day", "explicit"),
        ("في 5 أيلول 2018", "2018-09-05", None, "day", "explicit"),
        ("في ١٧ أيلول ٢٠١٨", "2018-09-17", None, "day", "explicit"),
        ("في 1 آب 2019", "2019-08-01", None, "day", "explicit"),
        ("في شهر نيسان 2019", "2019-04-01", "2019-04-30", "month", "explicit"),
        ("عام 2011", "2011-01-01", "2011-12-31", "year", "explicit"),
        # a Levantine and a Gregorian name of one month, joined by a slash (Al Jazeera, Asharq Al-Awsat)
        ("في 17 أيلول/سبتمبر 2018", "2018-09-17", None, "day", "explicit"),
        ("في 17 سبتمبر/أيلول 2018", "2018-09-17", None, "day", "explicit"),
        ("في أيلول/سبتمبر 2018", "2018-09-01", "2018-09-30", "month", "explicit"),
        ("في الخامس من شباط/فبراير 2019", "2019-02-05", None, "day", "explicit"),
        ("بين 28 شباط/فبراير و2 آذار/مارس 2019", "2019-02-28", "2019-03-02", "day", "explicit"),
        ("في كانون الثاني/يناير الماضي", "2020-01-01", "2020-01-31", "month", "relative"),
        # English forms
        ("on 8 February 2020", "2020-02-08", None, "day", "explicit"),
        ("on February 8, 2020", "2020-02-08", None, "day", "explicit"),
        ("on Feb. 8, 2020", "2020-02-08", None, "day", "explicit"),
        ("on the 8th of February 2020", "2020-02-08", None, "day", "explicit"),
        ("in March 2019", "2019-03-01", "2019-03-31", "month", "explicit"),
        ("2020-02-08", "2020-02-08", None, "day", "explicit"),
        ("between 1 and 5 March 2020", "2020-03-01", "2020-03-05", "day", "explicit"),
        ("من 1 إلى 5 آذار 2020", "2020-03-01", "2020-03-05", "day", "explicit"),
        # relative to the publication date
        ("الاثنين", "2020-02-10", None, "day", "relative"),
        ("يوم الأربعاء", "2020-02-05", None, "day", "relative"),
        ("on Saturday", "2020-02-08", None, "day", "relative"),
        ("أمس", "2020-02-09", None, "day", "relative"),
        ("yesterday", "2020-02-09", None, "day", "relative"),
        ("اليوم", "2020-02-10", None, "day", "relative"),
        ("غداً", "2020-02-11", None, "day", "relative"),
        ("قبل يومين", "2020-02-08", None, "day", "relative"),
        ("three days ago", "2020-02-07", None, "day", "relative"),
        ("آذار المقبل", "2020-03-01", "2020-03-31", "month", "relative"),
        ("next March", "2020-03-01", "2020-03-31", "month", "relative"),
        ("كانون الثاني الماضي", "2020-01-01", "2020-01-31", "month", "relative"),
        ("الشهر المقبل", "2020-03-01", "2020-03-31", "month", "relative"),
        ("last month", "2020-01-01", "2020-01-31", "month", "relative"),
        ("الأسبوع المقبل", "2020-02-17", "2020-02-23", "week", "relative"),
        ("last week", "2020-02-03", "2020-02-09", "week", "relative"),
        ("العام الماضي", "2019-01-01", "2019-12-31", "year", "relative"),
    ],
)
def test_date_forms(text, start, end, precision, source):
    d = one(text)
    assert d.date_start.isoformat() == start
    assert (d.date_end.isoformat() if d.date_end else None) == end
    assert d.precision == precision
    assert d.source == source


def test_weekday_is_of_the_publication_week_not_the_week_before():
    # dateparser's PREFER_DATES_FROM="past" puts Monday a week early; news means today
    assert one("الاثنين").date_start == PUB
    assert one("on Monday").date_start == PUB


def test_weekday_has_a_future_reading_for_planned_events():
    d = one("الخميس")
    assert d.date_start == date(2020, 2, 6)
    assert d.for_tense(future=True).date_start == date(2020, 2, 13)


def test_since_marks_the_start_of_an_ongoing_period():
    assert one("منذ 25 تشرين الثاني 2019").since
    assert one("since November 25, 2019").since
    assert not one("في 25 تشرين الثاني 2019").since


def test_day_month_without_year_takes_the_publication_year_or_the_narrative_year():
    assert one("On 10 February").date_start == date(2020, 2, 10)
    # a December date in a February article is last December
    assert one("On 20 December").date_start == date(2019, 12, 20)
    # in a narrative about 2018, the year of the story, moving forward in time
    assert one("On 10 February", context=date(2018, 1, 5)).date_start == date(2018, 2, 10)
    assert one("On 16 February", context=date(2018, 10, 26)).date_start == date(2019, 2, 16)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in early March 2020", "2020-03-01", "2020-03-10"),
        ("منتصف شباط 2020", "2020-02-11", "2020-02-20"),
        ("in late August 2019", "2019-08-21", "2019-08-31"),
        ("أواخر كانون الأول 2019", "2019-12-21", "2019-12-31"),
        # the part joined to its month by a hyphen, as English writes "mid"
        ("in mid-March 2020", "2020-03-11", "2020-03-20"),
        ("since mid-December", "2019-12-11", "2019-12-20"),
        ("in mid-2019", "2019-05-01", "2019-08-31"),
    ],
)
def test_parts_of_a_month(text, start, end):
    d = one(text)
    assert (d.date_start.isoformat(), d.date_end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("the following day", 1),
        ("a day later", 1),
        ("اليوم التالي", 1),
        ("the previous day", -1),
        ("the same day", 0),
    ],
)
def test_days_relative_to_the_reference(text, days):
    from datetime import timedelta

    assert one(text).date_start == PUB + timedelta(days=days)


def test_month_names_that_are_also_words_need_a_day_or_a_year():
    assert find_dates(fold("you may go"), PUB) == []
    assert find_dates(fold("في أب"), PUB) == []  # "in a father"
    assert one("3 May 2019").date_start == date(2019, 5, 3)


def test_relative_dates_need_a_publication_date():
    assert find_dates(fold("أمس"), None) == []
    assert one("8 شباط 2020", pub=None).date_start == date(2020, 2, 8)


def test_several_dates_in_order_without_overlap():
    found = find_dates(fold("قال الأربعاء إن جولة ستعقد خلال آذار المقبل"), PUB)
    assert [d.date_start for d in found] == [date(2020, 2, 5), date(2020, 3, 1)]


def test_vague_periods_are_not_dates():
    text = fold("مواصلة المباحثات خلال الأسابيع المقبلة")
    assert find_dates(text, PUB) == []
    assert is_vague_period(text)


@pytest.mark.parametrize(
    "text",
    ["8 شباط 2020", "25 تشرين الثاني 2019", "20 كانون الأول 2019", "10 فبراير 2020", "5 أيلول 2018"],
)
def test_agrees_with_dateparser_ar_sy(text):
    dateparser = pytest.importorskip("dateparser")
    expected = dateparser.parse(
        text, locales=["ar-SY"], settings={"RELATIVE_BASE": __import__("datetime").datetime(2020, 2, 10)}
    )
    assert expected is not None
    assert one(text).date_start == expected.date()


# --- the head of a line of a dated list: days and months without a year ------------------------------

LIST_LINES = [
    ("- 3/2: مقتل سبعة جنود أتراك بقصف قرب سراقب", [("2020-02-03", None)]),
    ("- 3/2: Seven Turkish soldiers killed in shelling near Saraqib", [("2020-02-03", None)]),
    ("• 27/1 – government forces enter Maarat al-Numan", [("2020-01-27", None)]),
    # two days that share one month are one range; two days with their own months, two dates
    ("- 17 و18/2: جولة ثالثة في موسكو", [("2020-02-17", "2020-02-18")]),
    ("- 8/2 و10/2: جولتان من المباحثات في أنقرة", [("2020-02-08", None), ("2020-02-10", None)]),
    ("- 8/2 and 10/2: two rounds of talks in Ankara", [("2020-02-08", None), ("2020-02-10", None)]),
]


@pytest.mark.parametrize(("text", "expected"), LIST_LINES)
def test_a_dated_list_line_dates_its_item(text, expected):
    found = [
        (d.date_start.isoformat(), d.date_end.isoformat() if d.date_end else None)
        for d in find_dates(fold(text), PUB)
    ]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "3/2 of the town was destroyed.",  # a fraction, no list punctuation
        "The Security Council voted 13/2: the resolution passed.",  # not at the head of a line
        "أيد 3/4 من الأعضاء القرار.",
    ],
)
def test_a_fraction_is_no_list_date(text):
    assert find_dates(fold(text), PUB) == []
