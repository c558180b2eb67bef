"""A country's Arabic adjective names it as a side with or without the article: "طائرات عراقية" as "الطائرات
العراقية", "قوات أردنية" as "القوات الأردنية". Checked on the whole actor lexicon (every country with the
definite adjective has the bare one) and on attacks written for the test in the style of Arabic agency reports."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources
from timeline.resources import data_dir


def lexicon_rows() -> list[list[str]]:
    path = data_dir() / "lexicons" / "actors.csv"
    with path.open(encoding="utf-8") as fh:
        return [r for r in csv.reader(line for line in fh if not line.startswith("#")) if len(r) > 5][1:]


def test_every_definite_country_adjective_has_its_bare_form() -> None:
    rows = lexicon_rows()
    terms = {(r[0], r[5]) for r in rows}
    missing = [
        r[5]
        for r in rows
        if r[2] == "country"
        and r[4] == "ar"
        and r[5].startswith("ال")
        and r[5].endswith(("ي", "ية"))
        and " " not in r[5]
        and (r[0], r[5][2:]) not in terms
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("نفذت طائرات عراقية أمس الأربعاء ضربة جوية على مواقع لتنظيم داعش قرب البوكمال.", "IRQ"),
        ("قصفت مدفعية أردنية أمس الأربعاء سيارات قرب الحدود مع ريف درعا الشرقي.", "JOR"),
        ("شنت طائرات هولندية غارة على مواقع لتنظيم داعش قرب دير الزور أمس الأربعاء.", "NLD"),
        ("أغارت مقاتلات أسترالية أمس الأربعاء على مواقع للتنظيم قرب دير الزور.", "AUS"),
    ],
)
def test_a_bare_adjective_names_the_attacking_side(res: Resources, text: str, code: str) -> None:
    found = article_rows(res, text, datetime(2020, 2, 13, 10), lang="ar")
    assert found, text
    initiators = [a["code"] for a in found[0]["actors"] if a["role"] == "initiator"]
    assert code in initiators, found[0]["actors"]
