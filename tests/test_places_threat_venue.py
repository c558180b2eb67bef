"""Where a threat was made, when the text tells it with a locative ("In Washington, Obama warned ...", "وفي أنقرة، قال
أردوغان ...", "EU ministers meeting in Luxembourg threatened ..."), is one of its places, beside the area it concerns;
the hall of a speech ("said in a speech in Istanbul") and a destination ("to send troops to ...") are not. Texts written
for the test in the styles of wire copy and Arab dailies."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2020, 2, 12, 10)  # a Wednesday


def threat_places(res: Resources, text: str) -> list[list[str]]:
    return [
        [p["name"] for p in r["places"]] for r in article_rows(res, text, PUB) if r["type"] == "ultimatum"
    ]


@pytest.mark.parametrize(
    ("text", "venue", "area"),
    [
        (
            "Syrian government forces shelled Saraqib in Idlib province on Tuesday, activists said. In Washington, "
            "the US envoy warned on Tuesday that the regime would face sanctions if the assault on Idlib went on.",
            "Washington",
            "Idlib",
        ),
        (
            "قصفت قوات النظام مدينة سراقب في ريف إدلب أمس الثلاثاء. وفي أنقرة، قال الرئيس التركي رجب طيب أردوغان، "
            "الثلاثاء، إنه إذا لم يتوقف هذا الهجوم على إدلب فسنتخذ كل الإجراءات اللازمة.",
            "Ankara",
            "Idlib",
        ),
        (
            "Russian jets struck Maarat al-Numan in Idlib province on Monday. EU foreign ministers meeting in "
            "Luxembourg on Tuesday threatened new sanctions against Syrian officials over the assault on Idlib.",
            "Luxembourg",
            "Idlib",
        ),
    ],
)
def test_a_threat_made_abroad_keeps_its_venue_and_its_area(
    res: Resources, text: str, venue: str, area: str
) -> None:
    (places,) = threat_places(res, text)
    assert venue in places, places
    assert any(area in p for p in places), places


@pytest.mark.parametrize(
    "text",
    [
        "Syrian government forces shelled Saraqib in Idlib province on Tuesday, activists said. Erdogan said in a "
        "speech in Istanbul on Tuesday that Turkey would hit regime forces everywhere if a Turkish soldier was harmed.",
        "Syrian government forces shelled Saraqib in Idlib province on Tuesday. Erdogan told a press conference in "
        "Istanbul on Tuesday that Turkey would strike regime forces everywhere if a Turkish soldier was harmed.",
        "قصفت قوات النظام مدينة سراقب في ريف إدلب أمس الثلاثاء. وقال أردوغان في مؤتمر صحفي بإسطنبول الثلاثاء إن "
        "قواته ستضرب قوات النظام في كل مكان إذا تعرض جندي تركي لأي أذى.",
    ],
)
def test_the_hall_of_a_speech_is_no_place_of_the_threat(res: Resources, text: str) -> None:
    (places,) = threat_places(res, text)
    assert "Istanbul" not in places, places
    assert places, places


@pytest.mark.parametrize(
    "text",
    [
        "Syrian government forces shelled Saraqib in Idlib province on Tuesday. Speaking at a provincial party "
        "congress in Rize on Tuesday, Erdogan vowed to hit regime forces everywhere if a Turkish soldier was harmed.",
        "قصفت قوات النظام مدينة سراقب في ريف إدلب أمس الثلاثاء. وتوعد أردوغان في مهرجان انتخابي في ريزه الثلاثاء "
        "بضرب قوات النظام في كل مكان إذا تعرض جندي تركي لأي أذى.",
    ],
)
def test_a_party_congress_or_rally_is_no_place_of_the_threat(res: Resources, text: str) -> None:
    (places,) = threat_places(res, text)
    assert "Rize" not in places, places


@pytest.mark.parametrize(
    "text",
    [
        "قصفت قوات النظام مدينة سراقب في ريف إدلب أمس. والتقى علي مملوك رئيس الاستخبارات التركية هاكان فيدان في موسكو "
        "أمس الإثنين. ونقلت وسائل إعلام النظام أن مملوك طالب خلال الاجتماع بانسحاب القوات التركية من إدلب.",
        "Syrian forces shelled Saraqib in Idlib province on Monday. US envoy James Jeffrey met Turkish officials in "
        "Moscow on Monday. After the meeting, Jeffrey called on the regime to stop its attacks on Idlib at once.",
    ],
)
def test_a_demand_made_in_talks_is_made_at_their_venue(res: Resources, text: str) -> None:
    rows = article_rows(res, text, datetime(2020, 1, 14, 10))
    (demand,) = [r for r in rows if r["type"] == "ultimatum"]
    assert "Moscow" in [p["name"] for p in demand["places"]], demand
