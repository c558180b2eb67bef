"""Words of fire that local reports use for one shell or one shot (issue 7): a mortar round or two (قذيفة هاون،
قذيفتا هاون، قذيفتين, "a mortar round"), a sniper's fire (برصاص قناص، قناصة, "sniper fire") are attacks, in
Arabic's singular and dual as well as the plural. Each text is written for the test in the styles of local
pages and wire copy."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources

PUB = datetime(2017, 3, 18, 18, 30)  # a Saturday


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def attacks(res: Resources, text: str) -> list[tuple[str, str]]:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    return [(r["subtype"], r["date_start"]) for r in found if r["type"] == "offensive"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سقطت قذيفة هاون على حي عكرمة في حمص مساء الخميس.", [("shelling", "2017-03-16")]),
        ("وقذيفتا هاون على حي عكرمة في حمص مساء الخميس من دون إصابات.", [("shelling", "2017-03-16")]),
        ("أطلق المسلحون قذيفتين على حي الزهراء في حمص يوم الخميس.", [("shelling", "2017-03-16")]),
        ("قتل عنصر من الجيش برصاص قناص في حي الوعر يوم الجمعة.", [("clash", "2017-03-17")]),
        ("A soldier was killed by sniper fire in al-Waer on Friday.", [("clash", "2017-03-17")]),
    ],
)
def test_one_shell_or_one_shot_is_an_attack(res, text, expected):
    assert attacks(res, text) == expected


def test_a_sniper_and_a_mortar_round_of_two_days_are_two_attacks(res):
    text = (
        "مصادر الشبكة: مقتل عنصر من الجيش برصاص قناص من داخل الحي يوم الجمعة، وقذيفتا هاون على حي عكرمة مساء "
        "الخميس من دون إصابات."
    )
    assert sorted(attacks(res, text)) == [("clash", "2017-03-17"), ("shelling", "2017-03-16")]


@pytest.mark.parametrize(
    "text",
    [
        "افتتح وزير الصناعة يوم الخميس معملا لإنتاج قذائف الهاون في حمص.",
        "عثرت الشرطة يوم الخميس على مستودع صواريخ في حي الوعر بحمص.",
        "The factory produced rockets and mortar rounds in Homs until Thursday.",
        "Police found a cache of rockets in al-Waer on Thursday.",
    ],
)
def test_munitions_made_or_kept_are_no_attack(res, text):
    assert attacks(res, text) == []


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("شنت الطائرات الروسية غارتين على بلدة سراقب صباح الخميس.", "airstrike"),
        ("ألقت مروحيات النظام برميلين متفجرين على بلدة كفرنبل يوم الخميس.", "bombing"),
        ("استهدف تفجيران بسيارتين مفخختين حي الزهراء في حمص يوم الخميس.", "bombing"),
        ("سقط صاروخ على حي الحمدانية في حلب يوم الخميس.", "shelling"),
        ("انفجرت عبوتان ناسفتان في سوق مدينة الباب يوم الخميس.", "bombing"),
    ],
)
def test_the_dual_and_the_singular_of_an_attack_word_are_attacks(res, text, subtype):
    assert attacks(res, text) == [(subtype, "2017-03-16")]


def test_an_attack_verb_after_a_capture_is_still_an_attack(res):
    found = [
        r["subtype"] for r in attacks_rows(res, "Rebels seized the town and shelled Saraqib on Thursday.")
    ]
    assert "shelling" in found


def attacks_rows(res: Resources, text: str) -> list[dict]:
    lang = "en" if text[:30].isascii() else "ar"
    found = article_rows(res, text, PUB, lang=lang)
    return [r for r in found if r["type"] == "offensive"]
