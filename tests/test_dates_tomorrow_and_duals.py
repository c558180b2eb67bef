"""Two Arabic forms of the future, as rules on their kind (texts written for the test in the style of Arabic agency
reports, published on Friday 13 November 2015):

* "tomorrow" with a time noun ("يوم غد السبت", "صباح الغد", "مساء غد") is the day after publication, like "غداً",
  while the name of an outlet ("قناة الغد") is no date;
* the dual of a future verb ("سيلتقيان", "سيجتمعان", "ستتخذان") is future like its singular: planned talks, a threat.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2015, 11, 13, 10, 0)


def rows(res: Resources, text: str) -> list[dict]:
    return article_rows(res, text, PUB, lang="ar")


@pytest.mark.parametrize(
    "text",
    [
        "وتأتي هذه التطورات عشية اجتماع دولي يعقد في فيينا يوم غد السبت بمشاركة وزراء خارجية روسيا والولايات المتحدة.",
        "ويلتقي وزيرا خارجية روسيا وتركيا في موسكو صباح الغد لبحث الوضع في إدلب.",
        "ومن المقرر أن يجتمع وفدا روسيا وتركيا مساء غد في أنقرة.",
    ],
)
def test_tomorrow_with_a_time_noun_is_the_next_day(res: Resources, text: str) -> None:
    talks = [r for r in rows(res, text) if r["type"] == "talks"]
    assert talks, text
    assert talks[0]["date_start"] == "2015-11-14"
    assert talks[0]["status"] == "planned"


def test_an_outlet_called_tomorrow_is_no_date(res: Resources) -> None:
    found = rows(res, "قناة الغد – قصفت قوات النظام بلدة كفرنبل أمس الخميس.")
    assert found and found[0]["date_start"] == "2015-11-12"


@pytest.mark.parametrize(
    "text",
    [
        "وأعلن الكرملين أن الرئيسين بوتين وأردوغان سيلتقيان في موسكو في وقت لاحق من الشهر الجاري.",
        "وقالت الخارجية إن وزيري خارجية روسيا وتركيا سيجتمعان في أنقرة الأسبوع المقبل.",
        "وأكدت المصادر أن الوفدين الروسي والتركي سيعقدان جولة جديدة من المحادثات في أستانا.",
    ],
)
def test_talks_told_with_a_dual_future_verb_are_planned(res: Resources, text: str) -> None:
    talks = [r for r in rows(res, text) if r["type"] == "talks"]
    assert talks and talks[0]["status"] == "planned", talks


def test_a_threat_in_the_dual_is_a_threat(res: Resources) -> None:
    found = rows(res, 'وقال الوزير إن بلاده وروسيا ستتخذان "التدابير اللازمة" ضد الجماعات المتطرفة في إدلب.')
    assert [r["subtype"] for r in found if r["type"] == "ultimatum"] == ["threat"]
