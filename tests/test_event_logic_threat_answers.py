"""A threat is told as the answer of a condition: "إذا لم يتوقف هذا الهجوم فسنتخذ كل الإجراءات اللازمة", "if the attacks
do not stop, we will ..." (the condition's "not" and "stop" do not reach across the answer), and "would hit regime
forces everywhere if a single Turkish soldier was harmed" (an attack promised on a condition of any polarity that
follows it). The attack named inside the condition ("if the offensive goes on") is no attack and no threat. Texts
written for the test in the styles of Arab dailies and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2020, 2, 12, 10)  # a Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "وقال الرئيس التركي رجب طيب أردوغان، الثلاثاء، إنه إذا لم يتوقف هذا الهجوم فسنتخذ كل الإجراءات اللازمة.",
        "وقال وزير الدفاع التركي أمس إنه إذا لم تنسحب قوات النظام فإن قواتنا المسلحة ستقوم بما يلزم.",
        "Turkish President Tayyip Erdogan said on Tuesday that Turkey would hit regime forces everywhere if a single "
        "Turkish soldier was harmed.",
        "وقال أردوغان أمس إن قواته ستضرب قوات النظام في كل مكان إذا تعرض جندي تركي واحد لأي أذى.",
        "Defence Minister Hulusi Akar said on Tuesday that Turkish troops would strike back if attacked.",
    ],
)
def test_the_answer_of_a_condition_is_a_threat(res: Resources, text: str) -> None:
    rows = article_rows(res, text, PUB)
    assert [(r["type"], r["subtype"], r["date_start"]) for r in rows] == [
        ("ultimatum", "threat", "2020-02-11")
    ], rows
    assert "TUR" in {a["code"][:3] for r in rows for a in r["actors"]}, rows


@pytest.mark.parametrize(
    "text",
    [
        "If the offensive goes on, hundreds of thousands more people will flee towards the border, the UN said.",
        "وقالت الأمم المتحدة إنه إذا استمر الهجوم فإن مئات الآلاف سينزحون نحو الحدود.",
    ],
)
def test_an_attack_inside_the_condition_is_nothing(res: Resources, text: str) -> None:
    assert article_rows(res, text, PUB) == []
