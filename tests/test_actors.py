"""The actor lexicon: names in Arabic and English news become codes (TURGOV, SYRMIL, SYRISI ...)."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from timeline.actors import (
    CODE_PATTERN,
    KINDS,
    ActorLexicon,
    country_of,
    is_state,
    parse_rows,
)
from timeline.normalize import fold, normalize
from timeline.resources import lexicon_path

CORPUS = Path("/work/shared/corpus")


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load()


def codes(lexicon: ActorLexicon, text: str) -> list[str]:
    """Codes of the matches in ``text``, in reading order (repeats kept)."""
    return [m.value.code for m in lexicon.find(fold(text))]


# The seed article (SMART, 10 Feb 2020) and its phrasing.
SEED = [
    ("بدأت الجولة الثانية من المباحثات بين روسيا وتركيا", ["RUS", "TUR"]),
    ("الرئيس التركي رجب طيب أردوغان", ["TURGOV", "TURGOV"]),
    ("ونظيره الروسي فلاديمير بوتين", ["RUS", "RUSGOV"]),
    ('وأضاف "جاويش أوغلو"، أن بلاده أبلغت روسيا', ["TURGOV", "RUS"]),
    ("وقال وزير الخارجية التركي مولود جاويش أوغلو", ["TURGOV", "TURGOV"]),
    ("المبعوث الخاص للرئيس الروسي إلى سوريا ألكسندر لافرنتييف", ["RUSGOV", "SYR", "RUSGOV"]),
    ("نائب وزير خارجية روسيا السفير سيرغي فيرشينين", ["RUS", "RUSGOV"]),
    ("المتحدث باسم الرئاسة التركية ابراهيم قالن", ["TURGOV", "TURGOV"]),
    (
        "هجوما عسكريا بريا من قبل قوات النظام والميليشيات الموالية له بدعم من روسيا",
        ["SYRMIL", "SYRMIL", "RUS"],
    ),
    ("لحملة عسكرية مكثفة من قبل قوات النظام السوري بدعم روسي", ["SYRMIL", "RUS"]),
    ("بين الوفدين الروسي والتركي", ["RUS", "TUR"]),
    ("إذا لم يوقف النظام السوري هجماته", ["SYRGOV"]),
    ("قصف النظام وروسيا على غرب حلب", ["SYRGOV", "RUS"]),
]

ARABIC = [
    # proclitics: و ب ل لل وال
    ("وروسيا", ["RUS"]),
    ("بروسيا", ["RUS"]),
    ("لتركيا", ["TUR"]),
    ("وللنظام", ["SYRGOV"]),
    ("للأمم المتحدة", ["IGOUNO"]),
    ("وقسد", ["SYRSDF"]),
    ("وبالجيش التركي", ["TURMIL"]),
    # adjectives and plurals
    ("مع الجانب الأمريكي", ["USA"]),
    ("مسؤولون أتراك والروس", ["TUR", "RUS"]),
    ("اتفاق أميركي تركي", ["USA", "TUR"]),
    ("الطائرات الروسية", ["RUSMIL"]),
    ("غارات روسية", ["RUS"]),
    ("الميليشيات الإيرانية", ["IRNMIL"]),
    # hashtags as words
    ("قصف #تنظيم_الدولة", ["SYRISI"]),
    ("نظام #الأسد وحلفاؤه", ["SYRGOV"]),
    ("قوات #سوريا الديمقراطية", ["SYRSDF"]),
    # the longest name wins over its parts
    ("الحرس الثوري الإيراني", ["IRNMIL"]),
    ("الجيش العربي السوري", ["SYRMIL"]),
    ("الجيش الوطني السوري", ["SYRREB"]),
    ("كتائب حزب الله", ["IRQPMF"]),
    ("حزب الله اللبناني", ["LBNHEZ"]),
    ("قوات الاحتلال الروسي", ["RUSMIL"]),
    ("التحالف بقيادة الولايات المتحدة", ["USACOA"]),
    ("المرصد السوري لحقوق الإنسان", ["NGOSOH"]),
    # groups
    ("فصائل المعارضة", ["SYRREB"]),
    ("الجبهة الوطنية للتحرير", ["SYRREB"]),
    ("هيئة تحرير الشام", ["SYRHTS"]),
    ("جبهة النصرة", ["SYRHTS"]),
    ("داعش", ["SYRISI"]),
    ("تنظيم الدولة الإسلامية", ["SYRISI"]),
    ("حراس الدين", ["SYRHRD"]),
    ("وحدات حماية الشعب", ["SYRYPG"]),
    ("حزب العمال الكردستاني", ["TURPKK"]),
    ("الإدارة الذاتية", ["SYRAAN"]),
    ("الدفاع المدني", ["NGOWHT"]),
    ("المبعوث الأممي غير بيدرسون", ["IGOUNO", "IGOUNO"]),
    ("مجلس الأمن", ["IGOUNO"]),
    ("التحالف الدولي", ["USACOA"]),
    ("خلوصي أكار", ["TURMIL"]),
    ("الكرملين", ["RUSGOV"]),
]

ENGLISH = [
    ("Syrian government forces shelled the town", ["SYRMIL"]),
    ("Russian warplanes struck Maarat al-Numan", ["RUSMIL"]),
    ("Turkish-backed rebels advanced", ["TUR", "SYRREB"]),
    ("Hayat Tahrir al-Sham (HTS) controls Idlib", ["SYRHTS", "SYRHTS"]),
    ("the Kurdish-led SDF", ["SYRSDF", "SYRSDF"]),
    ("Russia's defence ministry", ["RUS"]),
    ("Syrias Assad says Turkeys Erdogan", ["SYR", "SYRGOV", "TUR", "TURGOV"]),
    ("Russians and Iranians", ["RUS", "IRN"]),
    ("ISIS militants and the Islamic State group", ["SYRISI", "SYRISI"]),
    ("a U.S.-led coalition air strike", ["USACOA"]),
    ("the Assad regime and Hezbollah's fighters", ["SYRGOV", "LBNHEZ"]),
    ("Jabhat al-Nusra and Ahrar al-Sham", ["SYRHTS", "SYRREB"]),
    ("the Britain-based Syrian Observatory for Human Rights", ["NGOSOH", "NGOSOH"]),
    ("UN envoy Geir Pedersen", ["IGOUNO", "IGOUNO"]),
    ("TURKISH PRESIDENT RECEP TAYYIP ERDOGAN", ["TURGOV", "TURGOV"]),
]

NEGATIVE = [
    "The weather in the city was cold and people stayed at home.",
    "He said it is up to us who decide; the government will reply.",
    "Syrian refugees crossed into a camp near Damascus.",
    "a coalition of parties met in the army barracks",
    "يعاني الأهالي من البرد في المخيمات شمال غرب البلاد",
    "انفجار في دمشق",
    "اشتد الحر في المخيمات",
    "جائزة الأسد الذهبي في مهرجان البندقية",
    "استهداف قاعدة عين الأسد الجوية",
    "القاعدة العسكرية",
    "اللاجئين السوريين",
    "لنصرة أهل إدلب",
]


@pytest.mark.parametrize(("text", "expected"), SEED + ARABIC + ENGLISH)
def test_codes_in_context(lexicon: ActorLexicon, text: str, expected: list[str]) -> None:
    assert codes(lexicon, text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_common_words_name_no_actor(lexicon: ActorLexicon, text: str) -> None:
    assert codes(lexicon, text) == []


def test_a_person_is_named_as_such(lexicon: ActorLexicon) -> None:
    (match,) = lexicon.find(fold("رجب طيب أردوغان"))
    assert (match.value.code, match.value.kind, match.value.name) == (
        "TURGOV",
        "person",
        "Recep Tayyip Erdogan",
    )


def test_spans_map_back_to_the_original_text(lexicon: ActorLexicon) -> None:
    text = "وقال وزيرُ الخارجية التركي إنّ «قوات النظام السوري» تقدمت"
    norm = normalize(text)
    found = [text.__getitem__(slice(*norm.span(m.start, m.end))) for m in lexicon.find(norm.text)]
    assert found == ["وزيرُ الخارجية التركي", "قوات النظام السوري"]


def test_offsets_survive_hashtags(lexicon: ActorLexicon) -> None:
    text = "غارات ل#بشار_الأسد على #إدلب"
    norm = normalize(text)
    (match,) = lexicon.find(norm.text)
    assert text.__getitem__(slice(*norm.span(match.start, match.end))) == "بشار_الأسد"


def test_person_beats_country_on_the_same_term() -> None:
    lines = [
        "code,name,kind,side,lang,term",
        "XYZ,Xland,country,Xland,en,Xander",
        "XYZGOV,Xander the Great,person,Xland,en,Xander",
    ]
    lexicon = ActorLexicon(parse_rows(lines))
    (match,) = lexicon.find(fold("Xander spoke"))
    assert match.value.kind == "person"


def test_a_researcher_adds_a_name_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    shipped = lexicon_path("actors.csv").read_text(encoding="utf-8")
    path.write_text(
        shipped + "SYRREB,Jaysh al-Ahrar,armed_group,Syrian opposition,ar,جيش الأحرار\n", encoding="utf-8"
    )
    assert ActorLexicon.load(path).codes(fold("قصف مواقع لجيش الأحرار")) == ["SYRREB"]


@pytest.mark.parametrize(
    "line",
    [
        "syr,Syria,country,S,en,Syria",  # lower-case code
        "SYRG,Syria,country,S,en,Syria",  # not 3 + 3n letters
        "SYR,Syria,nation,S,en,Syria",  # unknown kind
        "SYR,Syria,country,S,fr,Syrie",  # unknown language
        "SYR,Syria,country,S,en,",  # empty term
        "SYR,Syria,country,S,en",  # missing column
    ],
)
def test_malformed_rows_are_refused_with_their_line(line: str) -> None:
    with pytest.raises(ValueError, match=":3:"):
        parse_rows(["# comment", "code,name,kind,side,lang,term", line])


def test_country_of() -> None:
    assert [country_of(c) for c in ("TURGOV", "SYR", "IGOUNO", "IMGAQD")] == ["TUR", "SYR", "IGO", "IMG"]
    assert is_state("RUSMIL") and not is_state("NGOSOH")
    for bad in ("Turkey", "TURK", "turgov", ""):
        with pytest.raises(ValueError):
            country_of(bad)


# ----- the data file itself


def _raw_rows() -> list[dict[str, str]]:
    with lexicon_path("actors.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if line.strip() and not line.startswith("#")))


def test_every_row_is_well_formed() -> None:
    rows = _raw_rows()
    assert len(rows) > 500
    arabic = re.compile(r"[\u0600-\u06ff]")
    for row in rows:
        assert list(row) == ["code", "name", "kind", "side", "lang", "term"], row
        assert CODE_PATTERN.match(row["code"]), row
        assert row["kind"] in KINDS, row
        assert row["term"].strip() and row["name"].strip() and row["side"].strip(), row
        assert row["lang"] == ("ar" if arabic.search(row["term"]) else "en"), row


def test_every_code_has_one_side_and_a_canonical_name(lexicon: ActorLexicon) -> None:
    sides: dict[str, set[str]] = defaultdict(set)
    first_kind: dict[str, str] = {}
    for row in _raw_rows():
        sides[row["code"]].add(row["side"])
        first_kind.setdefault(row["code"], row["kind"])
    assert {code: len(s) for code, s in sides.items() if len(s) != 1} == {}
    # the first row names the code, so it must be the actor itself, not one of its people
    assert [code for code, kind in first_kind.items() if kind == "person"] == []
    assert set(lexicon.names()) == set(lexicon.sides()) == set(sides)
    assert lexicon.names()["TURGOV"] == "Turkish government"
    assert lexicon.sides()["SYRMIL"] == lexicon.sides()["SYRGOV"]


def test_no_term_is_claimed_by_two_codes() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in _raw_rows():
        owners[" ".join(fold(row["term"]).split())].add(row["code"])
    assert {term: c for term, c in owners.items() if len(c) > 1} == {}


def test_the_syrian_war_sides_are_covered(lexicon: ActorLexicon) -> None:
    wanted = {"SYR", "SYRGOV", "SYRMIL", "SYRREB", "SYRHTS", "SYRISI", "SYRSDF", "TURGOV", "TURMIL"}
    wanted |= {"RUSGOV", "RUSMIL", "IRNGOV", "IRNMIL", "USAGOV", "USAMIL", "IGOUNO", "LBNHEZ", "ISRMIL"}
    assert wanted <= set(lexicon.names())


# ----- text the lexicon was not written for


@pytest.mark.skipif(not (CORPUS / "asnd").exists(), reason="shared corpus not present")
def test_most_syria_posts_name_an_actor(lexicon: ActorLexicon) -> None:
    with (CORPUS / "asnd" / "asnd_syria_related_subset.csv").open(encoding="utf-8") as fh:
        posts = [row["content"] for row in csv.DictReader(fh)]
    named = sum(1 for post in posts if lexicon.find(normalize(post).text))
    assert named / len(posts) > 0.75


COORDINATED = [
    ("Syrian and Russian warplanes pounded the town", ["SYRMIL", "RUSMIL"]),
    ("Syrian, Iranian and Russian forces advanced", ["SYRMIL", "IRNMIL", "RUSMIL"]),
    ("US and Russian officials met in Geneva", ["USAGOV", "RUSGOV"]),
    ("Russian and Turkish officials met", ["RUSGOV", "TURGOV"]),
    ("شنت الطائرات الحربية السورية والروسية غارات", ["SYRMIL", "RUSMIL"]),
    ("هاجمت القوات السورية والروسية البلدة", ["SYRMIL", "RUSMIL"]),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATED)
def test_coordinated_adjectives_share_their_noun(
    lexicon: ActorLexicon, text: str, expected: list[str]
) -> None:
    assert codes(lexicon, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("talks between Damascus and Russian officials", ["RUSGOV"]),  # "damascus officials" is no term
        ("بين النظام والقوات الروسية", ["SYRGOV", "RUSMIL"]),  # a noun before و is no adjective
        ("Russian forces and Turkish officials", ["RUSMIL", "TURGOV"]),  # each term keeps its own noun
    ],
)
def test_only_adjectives_take_the_shared_noun(lexicon: ActorLexicon, text: str, expected: list[str]) -> None:
    assert codes(lexicon, text) == expected
