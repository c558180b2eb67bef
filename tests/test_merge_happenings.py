"""Merging reports across articles joins one happening only: opposite sides, other kinds of happening, other
days, other towns and other talks stay apart. Each report below is written for the test, in Arabic or English,
with the fields the extractor gives such a sentence (type, subtype, date, actors with roles, places)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline import review as rv
from timeline.dedup import merge_duplicates
from timeline.model import Actor, Event, Place
from timeline.table import events_to_frame

SARAQIB = Place("Saraqib", "سراقب", 35.8647, 36.8003, "SYR", "Idlib", "point")
NAYRAB = Place("Nayrab", "النيرب", 35.8697, 36.7203, "SYR", "Idlib", "point")  # 7.7 km west of Saraqib
KAFR_NABL = Place("Kafr Nabl", "كفرنبل", 35.6138, 36.5645, "SYR", "Idlib", "point")
DEIR_SUNBUL = Place(
    "Deir Sunbul", "دير سنبل", 35.6556, 36.4750, "SYR", "Idlib", "point"
)  # 9 km from Kafr Nabl
MAARAT = Place("Maarat al-Numan", "معرة النعمان", 35.6483, 36.6769, "SYR", "Idlib", "point")
BALYUN = Place("Balyun", "بليون", 35.7000, 36.5000, "SYR", "Idlib", "point")
ANADAN = Place("Anadan", "عندان", 36.2936, 37.0444, "SYR", "Aleppo", "point")
SOUTH_IDLIB = Place("southern Idlib countryside", "ريف إدلب الجنوبي", 35.60, 36.65, "SYR", "Idlib", "region")
SYRIA = Place("Syria", "سوريا", 35.0, 38.0, "SYR", "", "country")
MOSCOW = Place("Moscow", "موسكو", 55.7522, 37.6156, "RUS", "Moscow", "point")
ANKARA = Place("Ankara", "أنقرة", 39.9199, 32.8543, "TUR", "Ankara", "point")

ARMY = Actor("SYRMIL", "Syrian army", "initiator")
REBELS = Actor("SYRREB", "opposition factions", "initiator")
RUSSIAN_JETS = Actor("RUSMIL", "Russian warplanes", "initiator")
TURKISH_ARMY = Actor("TURMIL", "Turkish army", "initiator")


def hit(actor: Actor) -> Actor:
    return Actor(actor.code, actor.name, "target")


def party(code: str, name: str) -> Actor:
    return Actor(code, name, "participant")


def told(
    outlet: str,
    evidence: str,
    day: str,
    subtype: str,
    actors: tuple[Actor, ...],
    places: tuple[Place, ...],
    etype: str = "offensive",
    status: str = "occurred",
    precision: str = "day",
    date_source: str = "explicit",
    confidence: float = 0.8,
) -> Event:
    """One outlet's report of a happening, as the extractor gives it."""
    arabic = any("\u0600" <= c <= "\u06ff" for c in evidence)
    return Event(
        article_id=f"article-{outlet}",
        source=f"{outlet}.txt",
        title=f"{outlet} story",
        published=day,
        language="ar" if arabic else "en",
        type=etype,
        subtype=subtype,
        status=status,
        date_start=date.fromisoformat(day),
        date_end=None,
        date_precision=precision,
        date_source=date_source,
        date_text="" if date_source == "publication" else day,
        evidence=evidence,
        evidence_start=0,
        evidence_end=len(evidence),
        actors=list(actors),
        places=list(places),
        confidence=confidence,
    )


def groups(*reports: Event) -> list[list[str]]:
    """The merged events, each as the sorted sources of its reports (events of one report left out)."""
    merged, _ = merge_duplicates(events_to_frame(reports))
    return sorted(sorted(s) for s in merged["sources"] if len(s) > 1)


def test_a_capture_and_the_recapture_by_the_other_camp_are_two_happenings() -> None:
    rebels_take_it = told(
        "wire",
        "Rebel forces advanced on Saraqib under the cover of Turkish fire, managing to recapture the town.",
        "2020-02-27", "capture", (REBELS, hit(ARMY)), (SARAQIB,),
    )  # fmt: skip
    rebels_again = told(
        "smart",
        "سيطرت فصائل المعارضة على مدينة سراقب شرق إدلب بعد معارك مع قوات النظام.",
        "2020-02-27", "capture", (REBELS, hit(ARMY)), (SARAQIB,),
    )  # fmt: skip
    army_takes_it = told(
        "sana",
        "استعادت وحدات من الجيش العربي السوري السيطرة على مدينة سراقب.",
        "2020-02-27", "capture", (ARMY, hit(REBELS)), (SARAQIB,),
    )  # fmt: skip
    # government forces and rebels are both Syrian: one country, two camps
    assert groups(rebels_take_it, rebels_again, army_takes_it) == [["smart.txt", "wire.txt"]]


def test_an_attack_and_the_strike_back_are_two_happenings() -> None:
    strike = told(
        "wire",
        "At least 33 Turkish soldiers were killed by Syrian government air strikes near Balyun.",
        "2020-02-27", "airstrike", (ARMY, hit(TURKISH_ARMY)), (BALYUN,),
    )  # fmt: skip
    strike_back = told(
        "anadolu",
        "ردت المدفعية التركية بقصف مواقع قوات النظام قرب بليون.",
        "2020-02-27", "shelling", (TURKISH_ARMY, hit(ARMY)), (BALYUN,),
    )  # fmt: skip
    assert groups(strike, strike_back) == []
    # the strike back told without its attacker: the side hit first is the one striking now
    struck_back_at = told(
        "smart",
        "قصفت المدفعية التركية مواقع لقوات النظام في محيط بليون.",
        "2020-02-27", "shelling", (TURKISH_ARMY,), (BALYUN,),
    )  # fmt: skip
    soldiers_killed = told(
        "reuters",
        "Turkish soldiers were killed in an air raid near Balyun, the defence ministry said.",
        "2020-02-27", "airstrike", (hit(TURKISH_ARMY),), (BALYUN,),
    )  # fmt: skip
    assert groups(struck_back_at, soldiers_killed) == []
    # a target is no initiator: the soldiers killed are the strike's own victims
    assert groups(strike, soldiers_killed) == [["reuters.txt", "wire.txt"]]


def test_attackers_of_different_camps_never_merge() -> None:
    russian = told(
        "smart",
        "شنت طائرات حربية روسية غارات على مدينة معرة النعمان.",
        "2019-12-24", "airstrike", (RUSSIAN_JETS, hit(REBELS)), (MAARAT,),
    )  # fmt: skip
    regime = told(
        "wire",
        "Syrian government aircraft struck Maarat al-Numan, rebels said.",
        "2019-12-24", "airstrike", (ARMY, hit(REBELS)), (MAARAT,),
    )  # fmt: skip
    assert groups(russian, regime) == []  # the rebels both hit are no shared attacker


def test_a_capture_is_no_strike_a_retreat_no_shelling_a_call_no_meeting() -> None:
    capture = told(
        "smart",
        "سيطرت قوات النظام على مدينة معرة النعمان جنوب إدلب.",
        "2020-01-28", "capture", (ARMY,), (MAARAT,),
    )  # fmt: skip
    strike = told(
        "wire",
        "Government jets struck Maarat al-Numan on 28 January, killing four civilians.",
        "2020-01-28", "airstrike", (ARMY,), (MAARAT,),
    )  # fmt: skip
    assert groups(capture, strike) == []
    retreat = told(
        "wiki",
        "The rebels decided to retreat westwards, leaving the government in control of Anadan on 16 February.",
        "2020-02-16", "ground_offensive", (ARMY, hit(REBELS)), (ANADAN,),
    )  # fmt: skip
    shelling = told(
        "smart",
        "قصفت قوات النظام بلدة عندان بالمدفعية الثقيلة.",
        "2020-02-16", "shelling", (ARMY,), (ANADAN,),
    )  # fmt: skip
    assert groups(retreat, shelling) == []
    talks = dict(etype="talks", places=(MOSCOW,))
    sides = (party("TURGOV", "Erdogan"), party("RUSGOV", "Putin"))
    call = told("wire", "Erdogan and Putin discussed Idlib by phone.", "2020-02-21", "call", sides, **talks)
    meeting = told("smart", "التقى أردوغان وبوتين في موسكو.", "2020-02-21", "meeting", sides, **talks)
    assert groups(call, meeting) == []
    # a truce is no attack: the ceasefire and a breach of it the same day stay two
    truce = told(
        "wire", "Turkey and Russia agreed a ceasefire in Idlib.", "2020-03-05", "agreement", sides,
        (), etype="ceasefire",
    )  # fmt: skip
    breach = told(
        "smart", "خرقت قوات النظام وقف إطلاق النار في إدلب.", "2020-03-05", "violation", sides,
        (), etype="ceasefire",
    )  # fmt: skip
    assert groups(truce, breach) == []
    # two outlets' captures of the town that day are one, beside the strike
    again = told(
        "reuters",
        "The Syrian army captured Maarat al-Numan, its second-largest town in Idlib.",
        "2020-01-28", "capture", (ARMY,), (MAARAT,),
    )  # fmt: skip
    assert groups(capture, strike, again) == [["reuters.txt", "smart.txt"]]


def test_a_day_of_its_own_meets_only_that_day_and_the_merged_event_keeps_it() -> None:
    capture = told(
        "wiki",
        "The Syrian Army captured Ma'arrat al-Nu'man on 28 January 2020.",
        "2020-01-28", "capture", (ARMY,), (MAARAT,),
    )  # fmt: skip
    two_days_on = told(
        "wiki2",
        "On 30 January 2020, following the Syrian Army's capture of Ma'arrat al-Nu'man, Turkey set up posts.",
        "2020-01-30", "capture", (ARMY,), (MAARAT,),
    )  # fmt: skip
    next_day = told(
        "smart",
        "سيطرت قوات النظام أمس الأربعاء على مدينة معرة النعمان.",
        "2020-01-29", "capture", (ARMY,), (MAARAT,), date_source="relative",
    )  # fmt: skip
    assert groups(capture, two_days_on) == []
    assert groups(capture, next_day) == []  # each text says its day: two days, two happenings
    # a story dated only by its publication (a day late) and a vaguer date that holds the day do merge
    published_later = told(
        "asnd",
        "قوات النظام تسيطر على معرة النعمان بعد حملة عسكرية استمرت أسابيع.",
        "2020-01-29", "capture", (ARMY,), (MAARAT,), date_source="publication", confidence=0.95,
    )  # fmt: skip
    that_week = told(
        "weekly",
        "This week the army took Maarat al-Numan.",
        "2020-01-27", "capture", (ARMY,), (MAARAT,), precision="week",
    )  # fmt: skip
    merged, _ = merge_duplicates(events_to_frame([capture, published_later, that_week]))
    (row,) = merged.to_dict("records")
    assert row["n_sources"] == 3
    assert (row["date_start"], row["date_precision"], row["source"]) == ("2020-01-28", "day", "wiki.txt")


def test_the_merged_event_takes_a_stated_date_over_a_publication_day_and_never_a_later_story_day() -> None:
    that_week = told(
        "weekly",
        "هذا الأسبوع سيطرت قوات النظام على معرة النعمان.",
        "2020-01-27", "capture", (ARMY,), (MAARAT,), precision="week",
    )  # fmt: skip
    story_day = told(
        "asnd",
        "The army entered Maarat al-Numan, a resident said.",
        "2020-01-29", "capture", (ARMY,), (MAARAT,), date_source="publication", confidence=0.95,
    )  # fmt: skip
    (row,) = merge_duplicates(events_to_frame([that_week, story_day]))[0].to_dict("records")
    assert (row["date_start"], row["date_precision"]) == ("2020-01-27", "week")
    first = told(
        "first",
        "The army entered Maarat al-Numan, residents said.",
        "2020-01-28", "capture", (ARMY,), (MAARAT,), date_source="publication",
    )  # fmt: skip
    (row,) = merge_duplicates(events_to_frame([first, story_day]))[0].to_dict("records")
    assert row["date_start"] == "2020-01-28"  # not the day the later story came out


def test_places_agree_at_town_level_not_by_a_shared_region() -> None:
    kafr_nabl = told(
        "smart",
        "سيطرت قوات النظام السوري، الثلاثاء، على بلدة كفرنبل في ريف إدلب الجنوبي.",
        "2020-02-25", "capture", (ARMY, hit(REBELS)), (KAFR_NABL, SOUTH_IDLIB), date_source="relative",
    )  # fmt: skip
    elsewhere = told(
        "wiki",
        "The Syrian Army captured Maarat al-Numan's southern neighbour on 25 February.",
        "2020-02-25", "capture", (ARMY,), (MAARAT, SOUTH_IDLIB),
    )  # fmt: skip
    assert groups(kafr_nabl, elsewhere) == []  # 13 km apart, the same countryside
    nearby = told(
        "wire",
        "Government forces took Kafr Nabl on Tuesday.",
        "2020-02-25", "capture", (ARMY,), (KAFR_NABL,), date_source="relative",
    )  # fmt: skip
    assert groups(kafr_nabl, nearby) == [["smart.txt", "wire.txt"]]
    counteroffensive = told(
        "wiki",
        "On 20 February 2020, the rebels launched a counteroffensive towards Saraqib.",
        "2020-02-20", "ground_offensive", (REBELS,), (SARAQIB,),
    )  # fmt: skip
    at_nayrab = told(
        "smart",
        "هاجمت فصائل المعارضة بلدة النيرب قرب سراقب بدعم مدفعي تركي.",
        "2020-02-20", "ground_offensive", (REBELS,), (NAYRAB,),
    )  # fmt: skip
    assert groups(counteroffensive, at_nayrab) == [["smart.txt", "wiki.txt"]]  # a town 8 km away
    # a village the gazetteer cannot locate is still a village, not the countryside it lies in
    sheikh_aqil = Place("Shekh Aqil", "الشيخ عقيل", None, None, "SYR", "", "point")
    post_shelled = told(
        "wiki",
        "On 16 February, the Syrian Army shelled the Turkish military post at Shekh Aqil.",
        "2020-02-16", "shelling", (ARMY, hit(TURKISH_ARMY)), (sheikh_aqil, SOUTH_IDLIB),
    )  # fmt: skip
    kafr_nabl_shelled = told(
        "smart",
        "قصفت قوات النظام بلدة كفرنبل جنوب إدلب.",
        "2020-02-16", "shelling", (ARMY,), (KAFR_NABL,),
    )  # fmt: skip
    assert groups(post_shelled, kafr_nabl_shelled) == []


def test_a_report_placed_only_in_a_region_or_a_country_merges_only_when_everything_else_agrees() -> None:
    in_town = told(
        "wire",
        "Government artillery shelled Kafr Nabl, killing two.",
        "2020-02-10", "shelling", (ARMY,), (KAFR_NABL,),
    )  # fmt: skip
    region_raids = told(
        "smart",
        "شنت طائرات النظام غارات على ريف إدلب الجنوبي.",
        "2020-02-10", "airstrike", (ARMY,), (SOUTH_IDLIB,),
    )  # fmt: skip
    region_shelling = told(
        "asnd",
        "قصفت قوات النظام بالمدفعية قرى ريف إدلب الجنوبي.",
        "2020-02-10", "shelling", (ARMY,), (SOUTH_IDLIB,),
    )  # fmt: skip
    country_bombing = told(
        "tass",
        "Syrian forces bombed militant positions in Syria.",
        "2020-02-10", "bombing", (ARMY,), (SYRIA,),
    )  # fmt: skip
    assert groups(in_town, region_raids) == []  # air raids somewhere in the countryside, shelling in a town
    assert groups(in_town, country_bombing) == []
    assert groups(in_town, region_shelling) == [["asnd.txt", "wire.txt"]]
    # with only a region to go on, the attackers must agree: one report naming them and one naming only who
    # was hit could be any two of that day's shellings in the countryside
    hts_shelling = told(
        "wire",
        "Hayat Tahrir al-Sham shelled government positions in the southern Idlib countryside.",
        "2020-02-10", "shelling", (Actor("SYRHTS", "HTS", "initiator"),), (SOUTH_IDLIB,),
    )  # fmt: skip
    army_hit = told(
        "sana",
        "أصيب عناصر من الجيش العربي السوري بقصف في ريف إدلب الجنوبي.",
        "2020-02-10", "shelling", (hit(ARMY),), (SOUTH_IDLIB,),
    )  # fmt: skip
    assert groups(hts_shelling, army_hit) == []


def test_talks_merge_only_with_talks_of_the_same_sides_and_venue() -> None:
    turkey, russia, iran = party("TURGOV", "Turkey"), party("RUSGOV", "Russia"), party("IRNGOV", "Iran")
    talks = dict(etype="talks", subtype="negotiation")
    in_moscow = told(
        "wire", "Turkish and Russian delegations held talks in Moscow on Idlib.", "2020-02-17",
        actors=(turkey, russia), places=(MOSCOW,), **talks,
    )  # fmt: skip
    in_moscow_ar = told(
        "smart", "عقد الوفدان التركي والروسي جولة مباحثات في موسكو حول إدلب.", "2020-02-17",
        actors=(russia, turkey), places=(MOSCOW,), **talks,
    )  # fmt: skip
    astana = told(
        "irna", "Iran, Russia and Turkey discussed Syria in the Astana format.", "2020-02-17",
        actors=(turkey, russia, iran), places=(), **talks,
    )  # fmt: skip
    in_ankara = told(
        "anadolu", "بدأت في أنقرة مباحثات تركية روسية حول إدلب.", "2020-02-17",
        actors=(turkey, russia), places=(ANKARA,), **talks,
    )  # fmt: skip
    assert groups(in_moscow, in_moscow_ar, astana, in_ankara) == [["smart.txt", "wire.txt"]]
    assert groups(in_moscow, astana) == []  # Turkey-Russia talks are not the three-party round


def test_an_offensive_sentence_is_never_evidence_of_the_talks() -> None:
    turkey, russia = party("TURGOV", "Erdogan"), party("RUSGOV", "Putin")
    talks_sentence = "The deal was reached after six hours of talks in the Kremlin."
    shelling_sentence = "Hours before the summit, Syrian government forces shelled the town of Saraqib."
    summit = told(
        "wire", f"{talks_sentence} … {shelling_sentence}", "2020-03-05", "negotiation", (turkey, russia),
        (MOSCOW,), etype="talks", date_source="relative",
    )  # fmt: skip
    shelling = told("wire", shelling_sentence, "2020-03-05", "shelling", (ARMY,), (SARAQIB,))
    met = told(
        "smart", "التقى الرئيسان التركي والروسي في موسكو يوم الخميس 5 آذار.", "2020-03-05", "meeting",
        (turkey, russia), (MOSCOW,), etype="talks",
    )  # fmt: skip
    shelling = replace(shelling, evidence_start=len(talks_sentence) + 3)  # the same article's second sentence
    merged, _ = merge_duplicates(events_to_frame([summit, shelling, met]))
    (row,) = merged[merged["type"] == "talks"].to_dict("records")
    assert row["n_sources"] == 2
    assert not any("shelled" in e for e in row["evidences"])
    assert talks_sentence in row["evidences"]
    assert row["evidence"] in (summit.evidence, met.evidence)  # the anchor of reviews is kept as written
    # a person's confirmation of a report rebuilds the merged event with the same evidences
    reports = events_to_frame([summit, shelling, met])
    confirmed = rv.confirm(
        reports[reports["source"] == "smart.txt"].iloc[0].to_dict(), "ana", at="2026-12-01T10:00:00"
    )
    view = rv.merged_view(rv.apply_reviews(reports, [confirmed]), merged)
    (row,) = view.events[view.events["type"] == "talks"].to_dict("records")
    assert row["review"] == "confirmed" and row["n_sources"] == 2
    assert not any("shelled" in e for e in row["evidences"])
