"""An anchor's words run on through a list ("three days after the US, Russian and Turkish chiefs of staff met in
Antalya", "بعد ثلاثة أيام من اجتماع رؤساء أركان الجيوش الأمريكي، الروسي والتركي"): the list's comma does not end them,
so the anchored meeting keeps its own day and place. A comma that opens a clause of its own still ends them. Texts
written for the test in the styles of wire copy and Arabic agencies."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2017, 3, 11, 10)  # a Saturday


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Erdogan held talks in the Kremlin on Friday, three days after the US, Russian and Turkish chiefs "
        "of staff met in Antalya.",
        "عقد بوتين وأردوغان محادثات في الكرملين يوم الجمعة، بعد ثلاثة أيام من اجتماع رؤساء أركان الجيوش الأمريكي، "
        "الروسي والتركي في أنطاليا.",
    ],
)
def test_an_anchor_runs_on_through_a_list(res: Resources, text: str) -> None:
    talks = [r for r in article_rows(res, text, PUB) if r["type"] == "talks"]
    assert sorted(r["date_start"] for r in talks) == ["2017-03-07", "2017-03-10"], talks
    antalya = next(r for r in talks if r["date_start"] == "2017-03-07")
    assert [p["name"] for p in antalya["places"]] == ["Antalya"], antalya


def test_a_clause_after_the_anchor_still_ends_it(res: Resources) -> None:
    text = "Turkish jets struck Afrin on Friday, three days after Russian jets bombed Saraqib, killing five people."
    rows = [r for r in article_rows(res, text, PUB) if r["type"] == "offensive"]
    assert sorted(r["date_start"] for r in rows) == ["2017-03-07", "2017-03-10"], rows
