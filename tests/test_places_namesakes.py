"""Namesakes and the villages of Syria's borders.

A name that several places bear is resolved Syria first, then by population (:meth:`Gazetteer.resolve`); in an
article whose other places all lie in another country, the Syrian village of that name is the wrong one: the
namesake near the article's places is meant ("Sinjar" among Mosul and Tal Afar, "أريحا" among Ramallah and
Nablus, "الحديدة" among Sanaa and Aden). An article about Syria keeps the Syrian one. Then the border villages and
crossings of Lebanon, Iraq and the Golan that the news of the war names (``villages.csv``), in both scripts.
Texts written for the test in the styles of wire copy and Arabic agency reports."""

from __future__ import annotations

from datetime import datetime

import pytest

from extracted import article_rows
from timeline.extract import Resources
from timeline.gazetteer import Gazetteer


def _places(
    res: Resources, text: str, day: datetime = datetime(2017, 3, 4, 10)
) -> list[list[tuple[str, str]]]:
    lang = "en" if text.isascii() else "ar"
    found = article_rows(res, text, day, lang=lang)
    assert found, text
    return [[(p["name"], p["country"]) for p in r["places"]] for r in found]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Peshmerga forces clashed on Friday with a Yazidi militia in Sinjar, west of Mosul, after a "
            "week of tension around Tal Afar.",
            "Sinjar",
            "IRQ",
        ),
        (
            "اندلعت اشتباكات أمس الجمعة بين قوات البيشمركة ووحدات مقاومة سنجار في قضاء سنجار غرب الموصل، "
            "بعد أسبوع من التوتر في تلعفر.",
            "Sinjar",
            "IRQ",
        ),
        (
            "Israeli forces raided Jericho on Friday after clashes in Ramallah and Nablus, Palestinian "
            "officials said.",
            "Jericho",
            "PSE",
        ),
        (
            "اقتحمت قوات الاحتلال مدينة أريحا فجر الجمعة بعد مواجهات في رام الله ونابلس.",
            "Jericho",
            "PSE",
        ),
        (
            "تجددت الاشتباكات في طرابلس شمال لبنان أمس بين باب التبانة وجبل محسن.",
            "Tripoli",
            "LBN",
        ),
        (
            "Clashes between Bab al-Tabbaneh and Jabal Mohsen in Tripoli, Lebanon's second city, killed three on "
            "Friday.",
            "Tripoli",
            "LBN",
        ),
        (
            "شنّت طائرات التحالف غارات أمس الجمعة على ميناء الحديدة، بعد معارك في تعز وعدن.",
            "Al Hudaydah",
            "YEM",
        ),
    ],
)
def test_a_namesake_near_the_articles_other_places_is_meant(
    res: Resources, text: str, name: str, country: str
) -> None:
    assert any((name, country) in ps for ps in _places(res, text)), text


def test_a_capital_stays_the_capital_in_an_article_that_names_its_country(res: Resources) -> None:
    text = "Turkish drones struck a convoy near Tripoli on Friday, Libya's government said, as Syrian fighters arrived."
    assert ("Tripoli", "LBY") in {p for ps in _places(res, text) for p in ps}


@pytest.mark.parametrize(
    "text",
    [
        "Government forces shelled Ariha and Saraqib on Friday, a day after heavy fighting around Maarat al-Numan.",
        "قصفت قوات النظام مدينة أريحا وبلدة سراقب يوم الجمعة، بعد معارك عنيفة حول معرة النعمان.",
    ],
)
def test_a_syrian_article_keeps_the_syrian_namesake(res: Resources, text: str) -> None:
    places = {p for ps in _places(res, text) for p in ps}
    assert ("Ariha", "SYR") in places and not any(c == "PSE" for _, c in places), places


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Syrian helicopters fired rockets at the Lebanese border town of Qaa on Friday, the army said.",
            "Qaa",
        ),
        ("قصفت مروحيات سورية بلدة القاع الحدودية اللبنانية يوم الجمعة، بحسب الجيش اللبناني.", "Qaa"),
        ("Islamic State militants attacked army posts near Ras Baalbek on Friday.", "Ras Baalbek"),
        ("هاجم مسلحو داعش مواقع الجيش في جرود رأس بعلبك يوم الجمعة.", "Ras Baalbek"),
        (
            "Syrian shells hit Wadi Khaled in northern Lebanon on Friday, wounding three people.",
            "Wadi Khaled",
        ),
        ("سقطت قذائف مصدرها الأراضي السورية على وادي خالد في عكار يوم الجمعة.", "Wadi Khaled"),
        ("Nusra Front fighters attacked Hezbollah positions near Brital on Friday.", "Britel"),
        ("هاجم مسلحو جبهة النصرة مواقع لحزب الله في جرود بلدة بريتال يوم الجمعة.", "Britel"),
        ("Syrian army tanks entered Bir Ajam on Friday and clashed with rebels.", "Beer Ajam"),
        ("اقتحمت دبابات الجيش السوري قرية بئر عجم يوم الجمعة واشتبكت مع مقاتلي المعارضة.", "Beer Ajam"),
        ("Rebels seized the village of Bariqa in Quneitra province on Friday.", "Bariqa"),
        ("سيطر مقاتلو المعارضة على قرية بريقة في ريف القنيطرة يوم الجمعة.", "Bariqa"),
        ("Islamic State militants seized the al-Waleed border crossing on Friday.", "al-Waleed crossing"),
        ("سيطر مسلحو داعش على منفذ الوليد الحدودي مع سوريا يوم الجمعة.", "al-Waleed crossing"),
        ("An Israeli drone struck a car near the Masnaa border crossing on Friday.", "Masnaa crossing"),
        ("استهدفت طائرة مسيرة إسرائيلية سيارة قرب معبر المصنع الحدودي يوم الجمعة.", "Masnaa crossing"),
    ],
)
def test_border_villages_and_crossings_the_war_news_names_are_places(
    res: Resources, text: str, name: str
) -> None:
    assert any(name in [n for n, _ in ps] for ps in _places(res, text)), text


def test_qaa_is_a_place_only_after_a_locative_noun(gaz: Gazetteer) -> None:
    from timeline.normalize import fold

    assert [e.name for m in gaz.find(fold("قصفت المروحيات بلدة القاع")) for e in m.entries] == ["Qaa"]
    assert gaz.find(fold("هبطت الأسعار إلى القاع هذا الأسبوع")) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Anbar provincial council urged Baghdad to send reinforcements to Anbar on Friday.",
            "Anbar Governorate",
        ),
        ("شنّ تنظيم داعش هجوماً على مواقع الجيش في محافظة الأنبار يوم الجمعة.", "Anbar Governorate"),
        (
            "Islamic State militants attacked army positions in Nineveh province on Friday.",
            "Nineveh Governorate",
        ),
        ("هاجم مسلحو داعش مواقع الجيش العراقي في محافظة نينوى يوم الجمعة.", "Nineveh Governorate"),
    ],
)
def test_the_iraqi_governorates_of_the_border_are_regions(gaz: Gazetteer, text: str, name: str) -> None:
    from timeline.normalize import fold

    assert name in [e.name for m in gaz.find(fold(text)) for e in m.entries]
