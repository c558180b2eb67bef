"""Calendar dates as the field writes them (issue 8, Dates): numeric dates, numbered Levantine months,
day numbers with the article or "من", days as words, both days of a range. Arabic and English, each
resolved against a pinned publication date (a Monday), as dateparser's RELATIVE_BASE."""

from datetime import date, datetime

import pytest

from timeline.dates import find_dates, numeric_date, numeric_order
from timeline.normalize import fold

PUB = date(2020, 2, 10)  # a Monday


def one(text: str, pub: date | None = PUB, **kw):
    found = find_dates(fold(text), pub, **kw)
    assert len(found) == 1, found
    return found[0]


def span(d) -> tuple[str, str | None]:
    return d.date_start.isoformat(), d.date_end.isoformat() if d.date_end else None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # day first: the Arabic and British default
        ("قصفت الطائرات البلدة في 5/3/2020", "2020-03-05"),
        ("قصفت الطائرات البلدة في ٥/٣/٢٠٢٠", "2020-03-05"),
        ("بتاريخ 05.03.2020 أعلنت الهدنة", "2020-03-05"),
        ("وقع الهجوم يوم 2020/3/5", "2020-03-05"),
        ("the strike on 5/3/2020 killed four", "2020-03-05"),
        ("talks held on 05.03.2020 in Moscow", "2020-03-05"),
        ("the ceasefire of 2020-03-05", "2020-03-05"),
        ("وقف إطلاق النار 2020-03-05", "2020-03-05"),
        # a reading that cannot be a date gives way to the other
        ("the strike on 3/15/2020", "2020-03-15"),
        ("في 15/3/2020", "2020-03-15"),
    ],
)
def test_numeric_dates_are_day_first(text, start):
    d = one(text)
    assert (d.date_start.isoformat(), d.precision, d.source) == (start, "day", "explicit")


@pytest.mark.parametrize(
    ("text", "language", "order"),
    [
        ("الهجوم في 3/5/2020 والمحادثات في 4/5/2020", "ar", "dmy"),  # Arabic is always day first
        ("strikes on 3/15/2020 and on 3/5/2020", "en", "mdy"),  # the article shows US order
        ("strikes on 15/3/2020 and on 3/5/2020", "en", "dmy"),
        ("WASHINGTON, March 6 (AP) - The strike on 3/5/2020 came after talks on March 2", "en", "mdy"),
        ("LONDON, 6 March (Reuters) - The strike on 3/5/2020 came after talks on 2 March", "en", "dmy"),
        ("The strike on 3/5/2020", "en", "dmy"),  # no evidence: day first
    ],
)
def test_numeric_order_is_read_from_the_article(text, language, order):
    assert numeric_order(fold(text), language) == order


def test_us_order_applies_only_when_asked():
    assert one("on 3/5/2020").date_start == date(2020, 5, 3)
    assert one("on 3/5/2020", order="mdy").date_start == date(2020, 3, 5)
    assert numeric_date(3, 5, 2020, "mdy") == date(2020, 3, 5)
    assert numeric_date(31, 2, 2020) is None  # 31 February, 2 of the 31st month: no date


@pytest.mark.parametrize("text", ["score 3/5", "version 1.2.2020a", "ratio 12/13/14", "tel 05.03.20201"])
def test_numbers_that_are_not_dates(text):
    assert find_dates(fold(text), PUB) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # numbered Levantine months and their short forms
        ("في 24 كانون 2 2020", "2020-01-24", None),
        ("في 24 كانون2 2020", "2020-01-24", None),
        ("3 تشرين 1 2019", "2019-10-03", None),
        ("3 ت1 2019", "2019-10-03", None),
        ("12 تشرين 2 2019", "2019-11-12", None),
        ("20 ك1 2019", "2019-12-20", None),
        ("خلال كانون 2 2020", "2020-01-01", "2020-01-31"),
        ("في 5 تشرين ثاني 2019", "2019-11-05", None),
        # the day with the article or "من"
        ("الـ24 من كانون الثاني", "2020-01-24", None),
        ("في الـ 24 من كانون الثاني 2020", "2020-01-24", None),
        ("24 من شباط 2019", "2019-02-24", None),
        ("on the 24th of January", "2020-01-24", None),
        ("on January 24th", "2020-01-24", None),
        # days written as words
        ("العاشر والحادي عشر من كانون الأول", "2019-12-10", "2019-12-11"),
        ("السابع والعشرين من شهر شباط 2019", "2019-02-27", None),
        ("في الأول من شباط", "2020-02-01", None),
        ("في الثاني من تشرين الثاني 2019", "2019-11-02", None),
        ("the twenty-seventh of February 2019", "2019-02-27", None),
        ("the first of February", "2020-02-01", None),
        ("the tenth and eleventh of December", "2019-12-10", "2019-12-11"),
        ("the 27th of February 2019", "2019-02-27", None),
        # both days of a range
        ("يومي 10 و11 كانون الأول 2019", "2019-12-10", "2019-12-11"),
        ("من 28 شباط حتى 2 آذار 2020", "2020-02-28", "2020-03-02"),
        ("between 28 February and 2 March 2020", "2020-02-28", "2020-03-02"),
        ("from December 30 to January 2", "2019-12-30", "2020-01-02"),
        ("between Nov. 14 to Nov. 17, 2019", "2019-11-14", "2019-11-17"),
        ("on March 5-7, 2019", "2019-03-05", "2019-03-07"),
        ("في 30 حزيران و3 تموز 2013", "2013-06-30", "2013-07-03"),
        # a year given relative to publication
        ("في 5 آذار من العام الماضي", "2019-03-05", None),
        ("on 5 March last year", "2019-03-05", None),
        ("في الخامس من آذار المقبل", "2020-03-05", None),
        ("في التاسع من كانون الثاني الجاري", "2020-01-09", None),
        ("كانون الثاني من العام الماضي", "2019-01-01", "2019-01-31"),
    ],
)
def test_calendar_forms(text, start, end):
    d = one(text)
    assert span(d) == (start, end)
    assert d.source == "explicit"


@pytest.mark.parametrize(
    "text",
    [
        "الأسبوع الأول من آذار",  # the first week, not the first day
        "الجولة الثانية من المفاوضات",
        "النصف الثاني من شباط",
    ],
)
def test_ordinals_that_are_not_days(text):
    assert all(d.precision != "day" for d in find_dates(fold(text), PUB))


def test_numbered_months_need_a_day_or_a_year():
    assert find_dates(fold("حصل على ك 2 من النقاط"), PUB) == []
    assert find_dates(fold("المادة 2 من الاتفاق"), PUB) == []


@pytest.mark.parametrize(
    ("text", "settings"),
    [
        ("5/3/2020", {"DATE_ORDER": "DMY"}),
        ("05.03.2020", {"DATE_ORDER": "DMY"}),
        ("the 27th of February 2020", {}),
        ("March 5 2020", {}),
    ],
)
def test_agrees_with_dateparser(text, settings):
    dateparser = pytest.importorskip("dateparser")
    expected = dateparser.parse(
        text, languages=["en"], settings={"RELATIVE_BASE": datetime(2020, 2, 10), **settings}
    )
    assert expected is not None
    assert one(text).date_start == expected.date()
