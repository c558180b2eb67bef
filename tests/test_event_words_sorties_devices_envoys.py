"""Words for attacks and talks the field uses (texts written for the test in the styles of Iraqi sites, UN statements
and wire copy):

* a command that declares towns liberated, its day set off by commas ("أعلنت قيادة عمليات دجلة، أمس الأحد، تحرير
  ناحيتي السعدية وجلولاء"), is a capture by the Iraqi forces (Iraq's regional operations commands are actors);
* air sorties flown on a target ("نفذ طيران الجيش طلعات مكثفة على تجمعات المسلحين") are air strikes;
* a device that went off ("a second explosive device went off in a market") is a bombing; one defused is none;
* an envoy's arrival ("will arrive in Damascus", "سيصل المبعوث الأممي إلى دمشق") is a meeting with the side visited;
  reinforcements arriving are none.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2014, 11, 24, 10)  # a Monday


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت قيادة عمليات دجلة، أمس الأحد، تحرير ناحيتي السعدية وجلولاء في محافظة ديالى بالكامل من عصابات داعش.",
        "The Tigris Operations Command said on Sunday that its forces had retaken Jalawla and Saadiya in Diyala "
        "province.",
    ],
)
def test_a_command_declaring_towns_liberated_is_a_capture(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert [(r["subtype"], r["date_start"]) for r in rows] == [("capture", "2014-11-23")], rows
    assert "IRQMIL" in {a["code"] for a in rows[0]["actors"]}
    assert {p["name"] for p in rows[0]["places"]} == {"Jalawla", "Saadiya"}


@pytest.mark.parametrize(
    "text",
    [
        "وقال المتحدث إن طيران الجيش نفذ أمس الأحد طلعات مكثفة على تجمعات المسلحين قرب بيجي.",
        "وقال المتحدث إن طيران الجيش نفذ أمس الأحد طلعة فوق مواقع المسلحين قرب بيجي.",
    ],
)
def test_sorties_flown_on_a_target_are_air_strikes(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert [(r["subtype"], r["date_start"]) for r in rows] == [("airstrike", "2014-11-23")], rows


@pytest.mark.parametrize(
    "text",
    [
        "A second explosive device went off on Sunday in a market in Baqubah, killing five people.",
        "A bomb planted in a parked car was detonated in Baqubah on Sunday, police said.",
    ],
)
def test_a_device_that_went_off_is_a_bombing(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert [(r["subtype"], r["date_start"]) for r in rows] == [("bombing", "2014-11-23")], rows


def test_a_device_defused_is_no_bombing(res: Resources) -> None:
    text = "Security forces defused an explosive device found near a market in Baqubah on Sunday."
    assert article_rows(res, text, PUB) == []


@pytest.mark.parametrize(
    "text",
    [
        "UN envoy Staffan de Mistura will arrive in Damascus on Tuesday, diplomats said.",
        "سيصل المبعوث الأممي ستيفان دي ميستورا إلى دمشق يوم الثلاثاء.",
        "وعلمت الصحيفة أن المبعوث الدولي ستيفان دي ميستورا سيصل إلى دمشق يوم الثلاثاء.",
    ],
)
def test_an_envoys_arrival_is_a_planned_meeting(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert [(r["type"], r["status"], r["date_start"]) for r in rows] == [
        ("talks", "planned", "2014-11-25")
    ], rows
    assert [p["name"] for p in rows[0]["places"]] == ["Damascus"]


def test_reinforcements_arriving_are_no_talks(res: Resources) -> None:
    assert article_rows(res, "وصلت تعزيزات عسكرية إلى جلولاء أمس.", PUB) == []
