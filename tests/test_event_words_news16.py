"""Event words met in the sixteenth blind news batch and its field cases, each as a rule on its whole kind:
threats and demands told in the present tense (wire headlines: "Erdogan warns", "يحذر"), a side's readiness to
use force, a vote cast on a draft resolution, fighting within one camp ("infighting", اقتتال), an attack a
move is made *to avoid* (no attack), and a ceasefire line (a name, no truce). Each text is written for the test
in the styles of wire copy and Arabic agency reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def rows(res: Resources, text: str, pub: datetime = datetime(2020, 2, 10, 10, 0)) -> list[dict]:
    return article_rows(res, text, pub)


def kinds(found: list[dict]) -> set[tuple[str, str]]:
    return {(r["type"], r["subtype"]) for r in found}


# --- threats and demands in the present tense ----------------------------------------------------------------

PRESENT_THREATS = [
    "Erdogan warns Damascus on Tuesday that Turkish troops will respond to any attack on the posts in Idlib.",
    "Turkey vows to hit back at Syrian forces in Idlib, its defence ministry said on Monday.",
    "يحذر الرئيس التركي يوم الثلاثاء قوات النظام السوري من مهاجمة نقاط المراقبة في إدلب.",
    "تحذر أنقرة دمشق الثلاثاء من أي هجوم على نقاط المراقبة التركية في إدلب.",
    "يتوعد الرئيس التركي قوات النظام السوري يوم الثلاثاء برد قاس في إدلب.",
    "تتوعد تركيا قوات النظام السوري الثلاثاء بدفع ثمن باهظ في إدلب.",
]


@pytest.mark.parametrize("text", PRESENT_THREATS)
def test_a_threat_told_in_the_present_tense_is_a_threat(res, text):
    found = rows(res, text)
    assert ("ultimatum", "threat") in kinds(found)
    assert not any(r["type"] == "offensive" and r["status"] == "occurred" for r in found)


PRESENT_DEMANDS = [
    "The United States urges Russia on Wednesday to halt the bombing of Idlib.",
    "Ankara calls on Damascus on Wednesday to withdraw its forces behind the Turkish posts in Idlib.",
]


@pytest.mark.parametrize("text", PRESENT_DEMANDS)
def test_a_demand_told_in_the_present_tense_is_a_demand(res, text):
    assert ("ultimatum", "demand") in kinds(rows(res, text))


READY = [
    'French President Francois Hollande said Tuesday that France "is ready to punish those who took the '
    'decision to gas innocents".',
    "Turkey's defence minister said on Monday that Ankara stands ready to strike Kurdish fighters east of the "
    "Euphrates.",
    "قال وزير الدفاع التركي الاثنين إن أنقرة مستعدة لضرب المقاتلين الأكراد شرق الفرات.",
    "أكد الرئيس الفرنسي الثلاثاء أن فرنسا على استعداد لمعاقبة من قرر استخدام السلاح الكيميائي في الغوطة.",
]


@pytest.mark.parametrize("text", READY)
def test_readiness_to_use_force_is_a_threat(res, text):
    found = rows(res, text)
    assert ("ultimatum", "threat") in kinds(found)
    assert not any(r["type"] == "offensive" and r["status"] == "occurred" for r in found)


def test_readiness_for_talks_is_no_threat(res):
    found = rows(
        res, "Turkey said on Monday it is ready to meet Russian officials in Ankara to discuss Idlib."
    )
    assert ("ultimatum", "threat") not in kinds(found)


# --- votes on draft resolutions ------------------------------------------------------------------------------

VOTES = [
    "On Saturday, Egypt voted at the UN Security Council in favour of a French draft resolution on Aleppo.",
    "Russia on Monday voted in New York against the British draft resolution on Douma.",
    "China voted on Thursday at the Security Council for the Russian draft resolution on aid crossings.",
]


@pytest.mark.parametrize("text", VOTES)
def test_a_vote_cast_on_a_draft_is_the_councils_session(res, text):
    found = rows(res, text)
    assert ("talks", "meeting") in kinds(found)
    assert not any(r["type"] == "offensive" for r in found)


# --- fighting within one camp --------------------------------------------------------------------------------

INFIGHTING = [
    "Infighting between rival rebel factions in Eastern Ghouta killed dozens of fighters on Thursday.",
    "أودى الاقتتال بين جيش الإسلام وفيلق الرحمن في الغوطة الشرقية يوم الخميس بحياة العشرات.",
    "تجدد الاقتتال بين فصائل المعارضة في ريف إدلب الجنوبي يوم الخميس.",
]


@pytest.mark.parametrize("text", INFIGHTING)
def test_infighting_is_a_clash(res, text):
    found = rows(res, text)
    assert [(r["type"], r["subtype"], r["status"]) for r in found] == [("offensive", "clash", "occurred")]


# --- an attack a move is made to avoid -----------------------------------------------------------------------

AVOIDED = [
    "Turkey deployed more troops to Idlib on Monday to avert a new regime offensive on the province.",
    "Russia sent military police to Manbij on Tuesday to avoid clashes between Turkish and Syrian forces.",
    "نشرت تركيا تعزيزات عسكرية في إدلب يوم الاثنين لمنع هجوم جديد لقوات النظام.",
    "أرسلت روسيا دوريات إلى منبج الثلاثاء تجنبا لاشتباكات بين القوات التركية والسورية.",
    "سحبت الفصائل أسلحتها الثقيلة من المنطقة يوم الاثنين لتجنب قصف قوات النظام على البلدات.",
]


@pytest.mark.parametrize("text", AVOIDED)
def test_an_attack_a_move_is_made_to_avoid_is_no_attack(res, text):
    assert not any(r["type"] == "offensive" for r in rows(res, text))


def test_an_attack_told_beside_a_move_to_avoid_another_is_kept(res):
    found = rows(
        res,
        "Russian jets struck Maarat al-Numan on Monday, and Turkey moved troops to Idlib to avert a new offensive.",
    )
    assert [(r["type"], r["subtype"]) for r in found if r["type"] == "offensive"] == [
        ("offensive", "airstrike")
    ]


# --- a ceasefire line is a name ------------------------------------------------------------------------------

LINES = [
    "Israeli troops fired on Syrian soldiers who crossed the ceasefire line in the Golan on Monday.",
    "أطلقت القوات الإسرائيلية النار على عناصر سوريين اجتازوا خط وقف إطلاق النار في الجولان يوم الاثنين.",
]


@pytest.mark.parametrize("text", LINES)
def test_a_ceasefire_line_is_a_name_not_a_truce(res, text):
    found = rows(res, text)
    assert not any(r["type"] == "ceasefire" for r in found)
    assert any(r["type"] == "offensive" for r in found)


# --- a failure a speaker supposes ----------------------------------------------------------------------------

SUPPOSED_FAILURES = [
    "Erdogan said on Tuesday that Ankara would act alone if the talks in Moscow failed to produce a deal.",
    "Should the negotiations in Ankara fail, Turkey will act, its foreign minister said on Tuesday.",
    "قال أردوغان الثلاثاء إن تركيا ستتحرك في إدلب إذا فشلت المحادثات مع روسيا في موسكو.",
    "أكد الوزير التركي الثلاثاء أن بلاده ستتخذ خطوات في حال فشل المفاوضات الجارية في أنقرة.",
]


@pytest.mark.parametrize("text", SUPPOSED_FAILURES)
def test_talks_supposed_to_fail_are_not_failed(res, text):
    # the talks may be told (ongoing, or only supposed: then no event), never as failed
    assert all(r["status"] != "failed" for r in rows(res, text) if r["type"] == "talks")


TOLD_FAILURES = [
    "The talks in Moscow failed to produce a deal on Tuesday, and Ankara said it would act alone.",
    "فشلت المحادثات التركية الروسية في موسكو يوم الثلاثاء في التوصل إلى اتفاق حول إدلب.",
]


@pytest.mark.parametrize("text", TOLD_FAILURES)
def test_talks_told_as_failed_stay_failed(res, text):
    talks = [r for r in rows(res, text) if r["type"] == "talks"]
    assert [r["status"] for r in talks] == ["failed"]


# --- a later day that belongs to a verb of its own -----------------------------------------------------------


def days_of(found: list[dict], kind: str = "offensive") -> list[str]:
    return sorted(r["date_start"] for r in found if r["type"] == kind)


def test_a_later_day_after_a_verb_of_its_own_is_no_second_attack(res):
    found = rows(
        res, "Islamic State seized Palmyra on May 21 last year and blew up the Temple of Bel in late August."
    )
    assert days_of(found) == ["2019-05-21"]


def test_a_later_day_after_another_event_word_is_that_events(res):
    found = rows(res, "قصفت قوات النظام بلدة معرشمشة يوم الاثنين وأعلنت روسيا هدنة في المنطقة يوم الأربعاء.")
    assert days_of(found) == ["2020-02-10"]
    assert days_of(found, "ceasefire") == ["2020-02-05"]


def test_two_verbs_with_their_own_days_are_two_attacks_each_on_its_day(res):
    found = rows(
        res, "Government troops shelled Saraqib on Monday and then stormed the town of Sarmin on Wednesday."
    )
    by_day = {r["date_start"]: (r["subtype"], [p["name"] for p in r["places"]]) for r in found}
    assert by_day == {"2020-02-10": ("shelling", ["Saraqib"]), "2020-02-05": ("ground_offensive", ["Sarmin"])}


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets struck Saraqib on Monday and Sarmin on Wednesday.",
        "قصفت قوات النظام بلدة معرشمشة يوم الاثنين وبلدة سراقب يوم الأربعاء.",
    ],
)
def test_one_verb_with_two_days_and_two_objects_is_still_two_attacks(res, text):
    assert days_of(rows(res, text)) == ["2020-02-05", "2020-02-10"]


def test_two_verbs_of_one_day_stay_one_clause(res):
    found = rows(res, "Government troops attacked and captured the town of Sarmin on Wednesday.")
    assert {r["date_start"] for r in found if r["type"] == "offensive"} == {"2020-02-05"}


# --- a truce the sides are called on to make -----------------------------------------------------------------

APPEALS_FOR_TRUCE = [
    '"We call on all parties to agree an immediate ceasefire and to allow aid into the area," the NRC said on '
    "Monday.",
    "The UN on Monday called on all parties to agree a ceasefire in Idlib.",
    "دعت الأمم المتحدة يوم الاثنين جميع الأطراف إلى الاتفاق على وقف فوري لإطلاق النار في إدلب.",
    "دعا المبعوث الأممي يوم الاثنين الطرفين إلى التوصل لهدنة في إدلب.",
]


@pytest.mark.parametrize("text", APPEALS_FOR_TRUCE)
def test_a_truce_the_sides_are_called_on_to_make_is_no_truce(res, text):
    assert not any(r["type"] == "ceasefire" for r in rows(res, text))


RESOLVED_TRUCES = [
    "The U.N. Security Council on Saturday unanimously demanded a 30-day ceasefire across Syria.",
    "تبنى مجلس الأمن يوم السبت بالإجماع القرار 2401 الذي يطالب بوقف إطلاق النار في سوريا لمدة 30 يوما.",
]


@pytest.mark.parametrize("text", RESOLVED_TRUCES)
def test_a_truce_a_resolution_demands_is_still_the_truce(res, text):
    found = rows(res, text)
    assert [r["type"] for r in found] == ["ceasefire"]
    assert any(a["code"].startswith("IGO") for a in found[0]["actors"])


# --- a dateline filed from two desks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "head", ["ZAGREB/BEIRUT, Dec 17 (Hina) -", "BEIRUT, Dec 17 (Reuters) -", "LONDON/ANKARA, Dec 17 (AFP) -"]
)
def test_a_datelines_day_gives_way_to_the_day_the_sentence_names(res, head):
    text = (
        f"{head} Syrian government helicopters dropped barrel bombs on Aleppo on Monday, killing 20 people."
    )
    found = rows(res, text, pub=datetime(2013, 12, 17, 11, 0))
    assert [r["date_start"] for r in found] == ["2013-12-16"]
