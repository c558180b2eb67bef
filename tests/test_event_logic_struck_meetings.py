"""A meeting that an attack struck is its target, not talks ("a government air strike hit a meeting of rebel
commanders", "a drone strike on a meeting of Hurras al-Din leaders", "تفجير استهدف اجتماعاً لمجلس شورى الحركة",
"غارة على اجتماع لقادة الفصائل"); the attack stays. A rule on the kind, both languages, texts written for the test in
the styles of wire copy and opposition sites."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


@pytest.mark.parametrize(
    "text",
    [
        "Late last week, a government air strike hit a meeting of rebel commanders in Aleppo.",
        "A drone strike on a meeting of Hurras al-Din leaders near Idlib killed eight on Saturday.",
        "Warplanes targeted a meeting of faction leaders in Saraqib on Saturday.",
        "قتل قائد الحركة مساء أمس الجمعة في تفجير استهدف اجتماعاً لمجلس شورى الحركة في بلدة رام حمدان.",
        "قتل ثمانية قياديين في غارة على اجتماع لقادة الفصائل في سراقب يوم السبت.",
        "قصفت طائرة مسيرة اجتماعاً لقادة تنظيم حراس الدين قرب إدلب يوم السبت.",
    ],
)
def test_a_meeting_an_attack_struck_is_no_talks(res: Resources, text: str) -> None:
    lang = "en" if text.isascii() else "ar"
    found = article_rows(res, text, datetime(2019, 11, 19, 10), lang=lang)
    assert [r["type"] for r in found] == ["offensive"], found


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov and Kerry held a meeting in Paris on Sunday.",
        "عقد وزيرا الخارجية الروسي والتركي اجتماعاً في موسكو يوم الأحد.",
    ],
)
def test_a_meeting_held_is_still_talks(res: Resources, text: str) -> None:
    lang = "en" if text.isascii() else "ar"
    found = article_rows(res, text, datetime(2019, 11, 19, 10), lang=lang)
    assert [r["type"] for r in found] == ["talks"], found
