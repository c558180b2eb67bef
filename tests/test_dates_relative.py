"""Relative dates (issue 8, Dates): offsets and anchors, weekdays in both directions, future verbs,
and years that qualify rather than date. Arabic and English, pinned publication date (a Monday)."""

from datetime import date, timedelta

import pytest

from timeline.dates import DateExpr, find_dates, tense_hint
from timeline.normalize import fold

PUB = date(2020, 2, 10)  # a Monday


def one(text: str, pub: date | None = PUB, **kw) -> DateExpr:
    found = find_dates(fold(text), pub, **kw)
    assert len(found) == 1, found
    return found[0]


def span(d: DateExpr) -> tuple[str, str | None]:
    return d.date_start.isoformat(), d.date_end.isoformat() if d.date_end else None


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("قبل أسبوع", "2020-02-03", None, "week"),
        ("a week ago", "2020-02-03", None, "week"),
        ("قبل ثلاثة أيام", "2020-02-07", None, "day"),
        ("three days ago", "2020-02-07", None, "day"),
        ("قبل عامين", "2018-02-10", None, "year"),
        ("two years ago", "2018-02-10", None, "year"),
        ("a year ago this week", "2019-02-04", "2019-02-10", "week"),
        ("في مثل هذا اليوم من العام الماضي", "2019-02-10", None, "day"),
        ("late last year", "2019-09-01", "2019-12-31", "year"),
        ("أواخر العام الفائت", "2019-09-01", "2019-12-31", "year"),
        ("early next year", "2021-01-01", "2021-04-30", "year"),
        ("مطلع العام المقبل", "2021-01-01", "2021-04-30", "year"),
        ("earlier this month", "2020-02-01", "2020-02-09", "month"),
        ("مطلع الشهر الجاري", "2020-02-01", "2020-02-10", "month"),
        ("later this month", "2020-02-11", "2020-02-29", "month"),
        ("أواخر الشهر الماضي", "2020-01-21", "2020-01-31", "month"),
        ("late last month", "2020-01-21", "2020-01-31", "month"),
        ("earlier this week", "2020-02-10", "2020-02-10", "week"),
        # the weekend before a Monday article
        ("over the weekend", "2020-02-08", "2020-02-09", "day"),
        ("at the weekend", "2020-02-08", "2020-02-09", "day"),
        # سنة is feminine: so is its adjective
        ("السنة الماضية", "2019-01-01", "2019-12-31", "year"),
        ("السنة المقبلة", "2021-01-01", "2021-12-31", "year"),
        # a part of the month or year with no "this": the current one
        ("مطلع الشهر", "2020-02-01", "2020-02-10", "month"),
        ("at the start of the month", "2020-02-01", "2020-02-10", "month"),
        ("أواخر العام", "2020-09-01", "2020-12-31", "year"),
        ("at the end of the year", "2020-09-01", "2020-12-31", "year"),
        # the day before yesterday, both ways Arabic writes it
        ("أمس الأول", "2020-02-08", None, "day"),
        ("أول أمس", "2020-02-08", None, "day"),
        ("the day before yesterday", "2020-02-08", None, "day"),
    ],
)
def test_offsets_from_publication(text, start, end, precision):
    d = one(text)
    assert (span(d), d.precision, d.source) == ((start, end), precision, "relative")


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("two days earlier", -2),
        ("بعد يومين", 2),
        ("a week later", 7),
        ("three days later", 3),
        ("the following day", 1),
        ("اليوم التالي", 1),
        ("the previous day", -1),
        ("اليوم السابق", -1),
        ("the same day", 0),
        ("a week after that", 7),
    ],
)
def test_offsets_from_the_previous_date(text, days):
    d = one(text)
    assert d.anchor == "previous"
    assert d.offset == timedelta(days=days)
    # unresolved it counts from the reference date; the extractor resolves it on the last date given
    assert d.date_start == PUB + timedelta(days=days)
    assert d.resolve(date(2019, 5, 1)).date_start == date(2019, 5, 1) + timedelta(days=days)


@pytest.mark.parametrize(
    ("text", "anchor_words", "first", "last"),
    [
        ("a week after seven soldiers were killed, Turkey launched", "seven soldiers were killed", 7, None),
        ("days after a Syrian attack killed 33 soldiers", "a syrian attack killed 33 soldiers", 1, 7),
        ("two days before the talks in Astana", "the talks in astana", -2, None),
        ("بعد أسبوع من مقتل سبعة جنود أتراك، أطلقت", "مقتل سبعه جنود اتراك", 7, None),
        ("بعد أيام من هجوم سوري على نقطة تركية", "هجوم سوري علي نقطه تركيه", 1, 7),
        ("قبل يومين من بدء المحادثات", "بدء المحادثات", -2, None),
        # "one day", "a single week": the count written after the unit
        ("بعد يوم واحد من سيطرتها على كامل ريف حلب الغربي", "سيطرتها علي كامل ريف حلب الغربي", 1, None),
        ("بعد أسبوع واحد من مقتل الجنود", "مقتل الجنود", 7, None),
    ],
)
def test_offsets_anchored_on_another_event(text, anchor_words, first, last):
    folded = fold(text)
    d = one(text, anchors=True)
    assert d.anchor == "event" and not d.resolved and not d.dates_event
    assert folded[d.anchor_start : d.anchor_end].strip() == anchor_words
    r = d.resolve(date(2020, 2, 3))
    assert r.resolved and r.dates_event
    assert r.date_start == date(2020, 2, 3) + timedelta(days=first)
    assert r.date_end == (date(2020, 2, 3) + timedelta(days=last) if last else None)
    # a caller that cannot resolve anchors does not get a placeholder date
    assert find_dates(folded, PUB) == []


@pytest.mark.parametrize(
    ("text", "main", "anchor_start", "anchor_end"),
    [
        (
            "The attack came a day after Erdogan said an operation was a matter of time",
            "2020-02-20",
            "2020-02-19",
            None,
        ),
        ("جاء الهجوم بعد يوم من تصريح أردوغان", "2020-02-20", "2020-02-19", None),
        ("The strike came days after the talks in Moscow", "2020-02-20", "2020-02-13", "2020-02-19"),
        # hours count as no day: the anchor event is the main event's day
        ("The meeting came hours after five soldiers were killed", "2020-02-20", "2020-02-20", None),
        ("جاء الاجتماع بعد ساعات من مقتل خمسة جنود", "2020-02-20", "2020-02-20", None),
        ("وجاء القصف قبيل ساعات من القمة", "2020-02-20", "2020-02-20", None),
        ("وجاء القصف عقب يومين من القمة", "2020-02-20", "2020-02-18", None),
    ],
)
def test_the_anchor_event_is_dated_back_from_the_main_event(text, main, anchor_start, anchor_end):
    d = one(text, anchors=True)
    a = d.anchor_event_date(date.fromisoformat(main))
    assert a is not None and a.anchor is None and a.resolved
    assert (a.start, a.end) == (d.anchor_start, d.anchor_end)
    assert span(a) == (anchor_start, anchor_end)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("a week after the talks on 3 February", "2020-02-10"),
        ("بعد أسبوع من الهجوم في 3 شباط", "2020-02-10"),
    ],
)
def test_an_anchor_that_carries_its_own_date_is_resolved(text, start):
    found = find_dates(fold(text), PUB, anchors=True)
    anchored = [d for d in found if d.anchor == "event"]
    assert len(anchored) == 1 and anchored[0].resolved
    assert anchored[0].date_start.isoformat() == start
    # the anchor event keeps its own date; without anchors only that date is returned
    assert [d.date_start for d in find_dates(fold(text), PUB)] == [date(2020, 2, 3)]


@pytest.mark.parametrize(
    ("text", "pub", "start", "tense"),
    [
        # "last Monday" in a Monday article is a week earlier, not the same day
        ("الاثنين الماضي", PUB, "2020-02-03", "past"),
        ("يوم الاثنين الماضي", PUB, "2020-02-03", "past"),
        ("last Monday", PUB, "2020-02-03", "past"),
        ("last Saturday", PUB, "2020-02-08", "past"),
        ("السبت الماضي", PUB, "2020-02-08", "past"),
        ("Monday last week", PUB, "2020-02-03", "past"),
        ("الاثنين من الأسبوع الماضي", PUB, "2020-02-03", "past"),
        ("الاثنين المقبل", PUB, "2020-02-17", "future"),
        ("next Monday", PUB, "2020-02-17", "future"),
        ("this coming Thursday", PUB, "2020-02-13", "future"),
        ("الخميس القادم", PUB, "2020-02-13", "future"),
        # الجمعة is feminine: so is its adjective
        ("منذ الجمعة الماضية", PUB, "2020-02-07", "past"),
        ("الجمعة المقبلة", PUB, "2020-02-14", "future"),
        # a bare weekday: the latest on or before publication (this Monday, last Thursday)
        ("الاثنين", PUB, "2020-02-10", None),
        ("on Thursday", PUB, "2020-02-06", None),
    ],
)
def test_weekdays_in_both_directions(text, pub, start, tense):
    d = one(text, pub)
    assert (d.date_start.isoformat(), d.tense) == (start, tense)
    assert d.for_tense(True).date_start == d.date_start or tense is None  # the words win over the clause


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("سيصل وفد تركي إلى موسكو السبت", "2020-02-15"),
        ("ستعقد الجولة المقبلة من المحادثات يوم الخميس", "2020-02-13"),
        ("من المقرر أن يلتقي الرئيسان الأربعاء", "2020-02-12"),
        ("The two leaders will meet on Thursday", "2020-02-13"),
        ("talks are scheduled to resume on Wednesday", "2020-02-12"),
        ("On Thursday, the delegation will travel to Moscow", "2020-02-13"),
        ("the talks will resume on 5 March", "2020-03-05"),
        ("ستستأنف المحادثات في 20 شباط", "2020-02-20"),
    ],
)
def test_a_future_verb_reads_the_date_forward(text, start):
    d = one(text)
    assert d.date_start.isoformat() == start
    assert d.tense == "future"


@pytest.mark.parametrize(
    "text",
    [
        "قال الوزير الأربعاء إن الوفد سيصل إلى موسكو",  # the weekday dates the statement
        "said on Wednesday that the delegation will arrive",
        "NOBODY WILL LEAVE Moscow declared a pause on Wednesday",
        "قصفت الطائرات البلدة الأربعاء",
        "the strikes on Wednesday killed 12",
    ],
)
def test_a_past_or_reported_clause_keeps_the_latest_weekday(text):
    d = one(text)
    assert d.date_start == date(2020, 2, 5)
    assert tense_hint(fold(text), d) is None


@pytest.mark.parametrize(
    ("text", "pub", "start"),
    [
        # Saturday article about the past night: the Friday before
        ("دخلت الهدنة حيز التنفيذ منتصف ليل الجمعة", date(2020, 2, 15), "2020-02-14"),
        # Thursday article, future verb: the coming Friday
        ("ستدخل الهدنة حيز التنفيذ منتصف ليل الجمعة", date(2020, 2, 13), "2020-02-14"),
        # Friday article, future verb: that same Friday's midnight
        ("ستدخل الهدنة حيز التنفيذ منتصف ليل الجمعة", date(2020, 2, 14), "2020-02-14"),
        # a night named by two days belongs to the first
        ("قصفت الطائرات البلدة ليل الخميس - الجمعة", date(2020, 2, 15), "2020-02-13"),
        ("قصفت الطائرات البلدة ليل الخميس الجمعة", date(2020, 2, 15), "2020-02-13"),
        ("the truce took effect at midnight Friday", date(2020, 2, 15), "2020-02-14"),
        ("the truce will take effect at midnight Friday", date(2020, 2, 13), "2020-02-14"),
        ("فجر السبت", date(2020, 2, 17), "2020-02-15"),
    ],
)
def test_midnight_and_nights_belong_to_the_right_day(text, pub, start):
    d = one(text, pub)
    assert d.date_start.isoformat() == start


def test_two_weekdays_are_a_range():
    d = one("on Saturday and Sunday")
    assert span(d) == ("2020-02-08", "2020-02-09")
    assert span(one("يومي السبت والأحد")) == ("2020-02-08", "2020-02-09")


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("the town was shelled for the first time since 2012", True),
        ("قصف البلدة لأول مرة منذ عام 2012", True),
        ("the district, under opposition control since October 2012, was hit", True),
        ("الأحياء الخاضعة لسيطرة المعارضة منذ تشرين الأول 2012", True),
        ("the deadliest attack since March 2011", True),
        ("أعنف هجوم منذ آذار 2011", True),
        # an ongoing event since a date: the date is its start
        ("the offensive has continued since 25 November 2019", False),
        ("تتواصل الحملة العسكرية منذ 25 تشرين الثاني 2019", False),
        # attacks on a place named by who controls it: the date dates the attacks
        ("warplanes have intensified attacks on rebel-controlled areas since April 21", False),
        ("near-daily strikes against areas under rebel control in the north since December 2019", False),
        ("تصاعد القصف على المناطق الخاضعة لسيطرة المعارضة منذ 21 نيسان 2019", False),
    ],
)
def test_a_year_that_qualifies_is_not_the_events_date(text, qualifier):
    d = one(text)
    assert d.since
    assert d.qualifier is qualifier
    assert d.dates_event is not qualifier


def test_a_background_event_keeps_its_own_year():
    assert span(one("the 2013 Ghouta attack")) == ("2013-01-01", "2013-12-31")
    assert span(one("سيطرت المعارضة على المدينة عام 2015")) == ("2015-01-01", "2015-12-31")
    assert span(one("in 2014-2015")) == ("2014-01-01", "2015-12-31")
    assert span(one("in late 2016")) == ("2016-09-01", "2016-12-31")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("في الخامس من الشهر الجاري", "2020-02-05"),
        ("الـ24 من الشهر الماضي", "2020-01-24"),
        ("في العشرين من الشهر المقبل", "2020-03-20"),
        ("on the 5th of this month", "2020-02-05"),
        ("the twenty-fourth of last month", "2020-01-24"),
    ],
)
def test_a_day_of_a_month_named_relative_to_publication(text, start):
    d = one(text)
    assert (d.date_start.isoformat(), d.precision, d.source) == (start, "day", "relative")


def test_before_ramadan_is_not_a_month_ago():
    assert find_dates(fold("قبل شهر رمضان"), PUB) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("أمهل قوات النظام حتى نهاية شباط الحالي للانسحاب", "2020-02-23", "2020-02-29"),
        ("حتى نهاية شباط", "2020-02-23", "2020-02-29"),
        ("gave Damascus until the end of February to pull back", "2020-02-23", "2020-02-29"),
        ("by the end of this month", "2020-02-23", "2020-02-29"),
        ("بحلول 5 آذار 2020", "2020-03-05", None),
    ],
)
def test_a_deadline_is_marked_until(text, start, end):
    d = one(text)
    assert span(d) == (start, end)
    assert d.until and not d.since


def test_the_month_of_publication_named_alone_is_this_year():
    assert span(one("في نهاية شباط")) == ("2020-02-23", "2020-02-29")
    assert span(one("in February")) == ("2020-02-01", "2020-02-29")


def test_from_one_weekday_until_another_is_a_range():
    assert span(one("from Monday until Wednesday", date(2020, 2, 7))) == ("2020-02-03", "2020-02-05")
    assert span(one("من الاثنين حتى الأربعاء", date(2020, 2, 7))) == ("2020-02-03", "2020-02-05")


# "last week" is the seven days before publication: outlets start the week on Saturday, Sunday or
# Monday, and the day a week back lies in the previous week under each convention.
@pytest.mark.parametrize("text", ["last week", "الأسبوع الماضي", "خلال الأسبوع الماضي", "the past week"])
@pytest.mark.parametrize("pub", [date(2018, 1, 21), date(2020, 2, 10), date(2019, 4, 26)])  # Sun, Mon, Fri
def test_last_week_is_the_seven_days_before_publication(text: str, pub: date) -> None:
    d = one(text, pub)
    assert (d.date_start, d.date_end, d.precision) == (
        pub - timedelta(days=7),
        pub - timedelta(days=1),
        "week",
    )


# A day of the month with no month named: the latest such day on or before publication.
@pytest.mark.parametrize(
    ("text", "pub", "start"),
    [
        (
            "Government artillery hit the town on the 25th, killing three civilians",
            date(2019, 4, 26),
            "2019-04-25",
        ),
        ("The attack came on the 28th.", date(2020, 3, 3), "2020-02-28"),
        ("The strike on the 31st and the shelling", date(2020, 3, 3), "2020-01-31"),
        ("قصفت الطائرات البلدة في الـ25 من الشهر", date(2019, 4, 26), "2019-04-25"),
        ("في الخامس والعشرين من الشهر", date(2019, 4, 26), "2019-04-25"),
        ("on the 5th of the month", date(2019, 4, 26), "2019-04-05"),
    ],
)
def test_day_of_month_alone(text: str, pub: date, start: str) -> None:
    assert one(text, pub).date_start.isoformat() == start


@pytest.mark.parametrize(
    "text",
    [
        "the 25th Division attacked",
        "the 4th round of talks",
        "on the 5th Corps front",
        "on the 12th anniversary",
    ],
)
def test_an_ordinal_before_a_noun_is_no_date(text: str) -> None:
    assert find_dates(fold(text), PUB) == []


# "the same evening", "اليوم ذاته": the day of the previous date, like "the same day".
@pytest.mark.parametrize(
    "text",
    [
        "the same day",
        "the same evening",
        "later that night",
        "that evening",
        "في اليوم ذاته",
        "مساء اليوم نفسه",
        "في الليلة ذاتها",
        "في ذات اليوم",
    ],
)
def test_same_day_words_count_from_the_previous_date(text: str) -> None:
    d = one(text)
    assert (d.anchor, d.offset) == ("previous", timedelta(0))


# A day-month without a year within weeks after publication is this year's: news gives the year of a
# day eleven months back, not of one ten days ahead.
@pytest.mark.parametrize(
    ("text", "pub", "start"),
    [
        ("وتسيير دوريات مشتركة اعتبارا من 15 آذار", date(2020, 3, 5), "2020-03-15"),
        ("joint patrols from 15 March", date(2020, 3, 5), "2020-03-15"),
        ("the offensive began on 20 March", date(2020, 2, 10), "2020-03-20"),
        ("the offensive began on 20 June", date(2020, 2, 10), "2019-06-20"),
    ],
)
def test_a_day_weeks_ahead_is_this_years(text, pub, start):
    assert one(text, pub).date_start.isoformat() == start


def test_a_timeline_line_starting_with_a_year_is_dated_by_it():
    d = one("2013 - Government forces tighten their siege of eastern Ghouta.", date(2018, 4, 8))
    assert (d.date_start.isoformat(), d.precision) == ("2013-01-01", "year")


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("at the end of August", "2019-08-25", "2019-08-31"),
        ("في نهاية أيلول", "2019-09-24", "2019-09-30"),
        ("in late August", "2019-08-21", "2019-08-31"),
        ("أواخر أيلول", "2019-09-21", "2019-09-30"),
        ("by the end of 2019", "2019-09-01", "2019-12-31"),
        ("أواخر عام 2019", "2019-09-01", "2019-12-31"),
    ],
)
def test_the_end_of_a_month_is_its_last_week_and_of_a_year_its_last_third(text, first, last):
    found = find_dates(fold(text), date(2020, 1, 10))
    assert found and (str(found[0].date_start), str(found[0].date_end)) == (first, last), found


@pytest.mark.parametrize("text", ["الشهر", "the month of Ramadan", "a month", "in the month", "أيام العام"])
def test_a_month_or_year_named_without_a_part_is_no_date(text):
    assert find_dates(fold(text), PUB) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in the summer of 2019", "2019-06-01", "2019-08-31"),
        ("صيف عام 2019", "2019-06-01", "2019-08-31"),
        ("في ربيع 2018", "2018-03-01", "2018-05-31"),
        ("the fall of 2019", "2019-09-01", "2019-11-30"),
        ("in winter 2019", "2018-12-01", "2019-02-28"),
        ("the winter of 2020", "2019-12-01", "2020-02-29"),
        ("في شتاء 2019", "2018-12-01", "2019-02-28"),
        ("شتاء عام 2020", "2019-12-01", "2020-02-29"),
    ],
)
def test_a_season_of_a_year_is_its_months(text, start, end):
    """A winter is the one whose January is in the year named (December of the year before to February)."""
    assert span(one(text)) == (start, end)


@pytest.mark.parametrize(
    ("text", "pub", "day"),
    [
        ("تنطلق في جنيف بعد غد الاثنين الجولة الثانية", "2020-02-08", "2020-02-10"),
        ("يصل الوفد غداً الثلاثاء", "2020-02-10", "2020-02-11"),
        ("قصفت قوات النظام البلدة أمس الأحد", "2020-02-10", "2020-02-09"),
        ("the army shelled the town yesterday, Sunday", "2020-02-10", "2020-02-09"),
        ("the delegation arrives tomorrow, Tuesday", "2020-02-10", "2020-02-11"),
    ],
)
def test_a_weekday_beside_a_relative_day_names_that_day(text, pub, day):
    """ "بعد غد الاثنين" (published on a Saturday) is that Monday, not the Monday before: the weekday set beside
    "غداً", "بعد غد", "أمس", "tomorrow", "yesterday" names the day the relative word fixes (one date, not two)."""
    assert [e.date_start.isoformat() for e in find_dates(fold(text), date.fromisoformat(pub))] == [day]


@pytest.mark.parametrize(
    "text",
    [
        "this afternoon",
        "this evening",
        "this morning",
        "هذا الصباح",
        "وهذا المساء",
        "هذه الليلة",
        "the same afternoon",
    ],
)
def test_a_part_of_this_day_is_the_day_of_publication_and_no_later(text):
    """ "afternoon" holds "after": it is no "the day after"."""
    assert one(text).date_start == PUB


@pytest.mark.parametrize(
    "text", ["منذ ساعات الصباح", "قبل ساعتين", "منذ 5 ساعات", "three hours ago", "a few hours ago"]
)
def test_hours_ago_are_the_day_it_is_told(text):
    """ "منذ ساعات" was read as "منذ أيام", three days back."""
    assert one(text).date_start == PUB


@pytest.mark.parametrize(
    "text",
    [
        "the strikes would have killed more on Wednesday had the shelters not held",  # no future: a past unreal
        "قال المقرر الخاص الأربعاء إن القصف مستمر",  # قال before the weekday: the statement is dated
    ],
)
def test_a_past_unreal_or_a_statement_keeps_the_latest_weekday(text):
    d = find_dates(fold(text), PUB)[-1]
    assert d.date_start == date(2020, 2, 5)


@pytest.mark.parametrize(
    ("text", "pub", "start"),
    [
        (
            "أعلنت وزارة الدفاع، أمس الأحد، السيطرة على المدينة، في اليوم الخامس من العملية",
            "2019-10-14",
            "2019-10-13",
        ),
        (
            "خرجت أمس أولى دفعات المدنيين، في اليوم الأول من «هدنة إنسانية» مدتها ثلاثة أيام",
            "2014-02-08",
            "2014-02-07",
        ),
        ("قصفت الطائرات البلدة أمس في اليوم 20 من الحملة", "2020-02-10", "2020-02-09"),
        (
            "Turkish shelling killed 20 civilians on Sunday, the fifth day of the incursion",
            "2016-08-29",
            "2016-08-28",
        ),
    ],
)
def test_a_day_counted_in_a_campaign_is_not_today(text, pub, start):
    """ "في اليوم الخامس من العملية" is the fifth day of the operation, not "اليوم" (today): the day the text
    names ("أمس الأحد", "on Sunday") dates the event, and the counted day is no date of its own."""
    found = find_dates(fold(text), date.fromisoformat(pub))
    assert [d.date_start.isoformat() for d in found] == [start]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("over the following four days", "2020-02-11", "2020-02-14"),
        ("in the subsequent two weeks", "2020-02-11", "2020-02-24"),
        ("خلال الأيام الأربعة التالية", "2020-02-11", "2020-02-14"),
        ("في اليومين التاليين", "2020-02-11", "2020-02-12"),
        ("على مدى الأيام اللاحقة", "2020-02-11", "2020-02-13"),  # "the following days": about three
    ],
)
def test_the_following_days_run_from_the_day_after_the_last_date(text, first, last):
    """ "Over the following four days" counts from the last date the text gave (here 10 Feb, the anchor), not
    from publication; the days are a range."""
    d = one(text, anchors=True)
    assert d.anchor == "previous"
    assert span(d.resolve(PUB)) == (first, last)


@pytest.mark.parametrize("text", ["in the next three days", "خلال الأيام الثلاثة المقبلة"])
def test_the_next_days_look_ahead_and_are_no_following_days(text):
    assert all(d.anchor != "previous" for d in find_dates(fold(text), PUB, anchors=True))


@pytest.mark.parametrize(
    ("text", "anchor_end_words"),
    [
        (
            "The deal comes two weeks after the announcement of a similar agreement for south-west Syria, reached by "
            "Presidents Donald Trump and Vladimir Putin during their meeting in Hamburg.",
            "during their meeting in hamburg",
        ),
        (
            "ويأتي الاتفاق بعد أسبوعين من إعلان اتفاق مماثل في جنوب غربي سوريا، توصل إليه الرئيسان ترامب وبوتين خلال "
            "لقائهما في هامبورغ.",
            "خلال لقايهما في هامبورغ",
        ),
    ],
)
def test_the_anchor_goes_on_past_how_its_deal_was_made(text, anchor_end_words):
    """ "..., reached by Trump and Putin during their meeting", "، توصل إليه الرئيسان خلال لقائهما": a participle or a
    relative clause with no pronoun tells how the anchor's deal was made; the meeting it names is the anchor's
    (two weeks before the main event), not the main event's."""
    d = one(text, anchors=True)
    assert d.anchor == "event"
    assert fold(text)[: d.anchor_end].rstrip(" .").endswith(anchor_end_words)


@pytest.mark.parametrize("text", ["clashes broke out after midnight", "اندلعت اشتباكات بعد منتصف الليل"])
def test_after_midnight_counts_from_the_previous_day(text):
    """ "after midnight" with no day of its own is the day after the last day the text gave."""
    d = one(text)
    assert d.anchor == "previous" and d.offset == timedelta(days=1)
    assert d.resolve(date(2016, 12, 29)).date_start == date(2016, 12, 30)


@pytest.mark.parametrize(
    "text", ["clashes broke out after midnight on Friday", "اشتباكات بعد منتصف ليل الجمعة"]
)
def test_after_midnight_on_a_named_day_is_that_day(text):
    d = one(text)
    assert d.anchor is None and d.date_start.weekday() == 4  # Friday
