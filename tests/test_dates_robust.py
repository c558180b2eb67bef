"""find_dates on any text: no exception, spans in order without overlap, periods that end after they start."""

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import find_dates
from timeline.figures import find_figures
from timeline.normalize import fold

#: Pieces of date expressions, so that random text often comes close to a real one.
_PIECES = [
    "5/3/2020",
    "31/2/2020",
    "2020/13/40",
    "كانون 2",
    "ك2",
    "الـ24 من",
    "العاشر والحادي عشر من",
    "شباط",
    "the 27th of",
    "February",
    "two days",
    "a week after",
    "قبل",
    "بعد",
    "أسبوع",
    "من",
    "last",
    "Monday",
    "الاثنين",
    "الماضي",
    "المقبل",
    "منتصف ليل",
    "الجمعة",
    "since",
    "منذ",
    "2012",
    "late",
    "last year",
    "earlier this month",
    "سيصل",
    "will",
    "and",
    "و",
    "-",
    ",",
    " ",
    "مقتل",
    "مدنيين",
    "اثنين",
    "a dozen",
]
_TEXT = st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=30).map(" ".join)


@settings(deadline=None)  # the first example compiles the patterns
@given(_TEXT, st.dates() | st.none())
def test_any_text_gives_ordered_non_overlapping_dates(raw, pub):
    text = fold(raw)
    found = find_dates(text, pub, anchors=True)
    assert [d.start for d in found] == sorted(d.start for d in found)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for d in found:
        assert 0 <= d.start < d.end <= len(text)
        assert d.date_end is None or d.date_end >= d.date_start
        assert d.precision in {"day", "week", "month", "year"}
        assert d.for_tense(True).date_start is not None
    figures = find_figures(text, raw)
    assert all(v is None or v > 0 for v in figures.values())
