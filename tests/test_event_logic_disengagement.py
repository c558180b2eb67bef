"""A force or a line named after disengagement is a name, not a clash: "قوة الأمم المتحدة لمراقبة فض الاشتباك"
(UNDOF), "خط فك الاشتباك", "the UN Disengagement Observer Force" tell no fighting, and the year of the disengagement
agreement dates nothing. Fighting told beside them still counts. Texts written for the test in the styles of Syrian
radio and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2013, 3, 7, 10)  # a Thursday


@pytest.mark.parametrize(
    "text",
    [
        "وانتشرت قوة الأمم المتحدة لمراقبة فض الاشتباك في الجولان «أندوف» بموجب اتفاق فصل القوات عام 1974.",
        "وأكد المصدر أن الدورية كانت تتحرك قرب خط فك الاشتباك أمس الأربعاء.",
        "The UN Disengagement Observer Force has patrolled the Golan since 1974.",
    ],
)
def test_disengagement_names_no_clash(res: Resources, text: str) -> None:
    assert [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"] == []


@pytest.mark.parametrize(
    "text",
    [
        "واندلعت اشتباكات عنيفة أمس الأربعاء قرب موقع لقوة الأمم المتحدة لمراقبة فض الاشتباك في الجولان.",
        "Heavy clashes broke out on Wednesday near a post of the UN Disengagement Observer Force in the Golan.",
    ],
)
def test_fighting_beside_the_force_still_counts(res: Resources, text: str) -> None:
    fights = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert [r["date_start"] for r in fights] == ["2013-03-06"], fights
