"""Rule 1 of the extractor: is a trigger of a sentence an event at all (:func:`_not_an_event`)? A keyword list, a
name, negated, denied, hypothetical, a topic, a term of a deal, a source's interview, a danger, a flight seen, an
attack answered ... (each rule with its examples), and the word-level tests the trigger step shares (:func:`_civic`,
:func:`_broke_out`, :func:`_dated_after`)."""

from __future__ import annotations

import re
from bisect import bisect_left

from timeline.dates.context import FIRST_TIME
from timeline.extract.context import (
    _APPEAL,
    _ASKS_OF_SIDE,
    _CALM_APPEAL,
    _ENDANGERS,
    _GATHERING_CALLED,
    _SOLUTION_APPEAL,
)
from timeline.extract.facts import _Sentence
from timeline.extract.reported import (
    _demanded,
    _not_reported,
    _resolved_truce,
)
from timeline.lexicon import Trigger, cue_alternation
from timeline.matcher import Match
from timeline.participants import quote_span


def _in_runs(pos: int, runs: list[tuple[int, int]]) -> bool:
    """Does one of the [start, end) ``runs`` hold offset ``pos``?"""
    return any(a <= pos < b for a, b in runs)


def _quoted(trig: Match, s: _Sentence) -> tuple[int, int] | None:
    """The quotation around ``trig`` as a span of the folded sentence (quotes are read in the original)."""
    offsets = s.norm.offsets
    found = quote_span(s.norm.original, offsets[trig.start])
    if found is None:
        return None
    return bisect_left(offsets, found[0]), bisect_left(offsets, found[1])


#: A record measured since an earlier happening, right before the trigger: "It was the first time the Syrian
#: government had control over the city since the battle of 2012", "لأول مرة منذ معركة عام 2012": the earlier
#: happening is the yardstick of the record, told by the record, not reported as news.
_RECORD_SINCE = re.compile(r"(?<!\w)" + FIRST_TIME + r"[^.;]{0,90}?(?:\bsince|(?<!\w)منذ)\s+(?:the\s+)?$")


#: The year alone after that happening ("the battle of 2012", "معركة عام 2012"): a happening dated by a day keeps its
#: event ("the most serious since the March 18 roadside bomb").
_YEAR_ONLY_AFTER = re.compile(
    r"\s+(?:(?:of|in)\s+|(?:في\s+)?(?:عام|العام|سنه)\s+)?(?:19|20)\d\d(?!\s*[/-]?\d)"
)


#: An attack verb or noun right before a talks word: the meeting is what was struck ("a government air strike hit a
#: meeting of rebel commanders", "a raid on a meeting of the shura council", "تفجير استهدف اجتماعاً لمجلس شورى
#: الحركة", "غارة على اجتماع لقادة الفصائل"), not talks of their own.
_ATTACKED_BEFORE = re.compile(
    r"(?:\b(?:hit|hits|struck|strikes?|targeted|targeting|targets|bombed|bombing|attacked|raided|shelled)"
    r"(?:\s+on)?\s+(?:a|an|the)\s+(?:[\w-]+\s+)?"
    r"|\b(?:strikes?|raids?|attacks?|bombing|explosion|blast)\s+on\s+(?:a|an|the)\s+(?:[\w-]+\s+)?"
    r"|(?<!\w)[وف]?(?:استهدف|استهدفت|استهدفوا|يستهدف|تستهدف|قصف|قصفت|ضرب|ضربت|استهدفه|استهدفها)\s+"
    r"(?:(?!(?:بعد|قبل|خلال|عقب|اثناء|في|منذ|رغم|مع)\s)\S+\s+){0,3}"
    r"|(?<!\w)(?:ال)?(?:غاره|غارات|قصف|تفجير|هجوم|ضربه)\s+(?:علي|استهدف\w*)\s+)$"
)


def _not_an_event(trig: Match[Trigger], s: _Sentence, c_start: int, c_end: int) -> bool:
    """Rule 1: is ``trig``, in its clause [c_start, c_end), no event of its own? A word of a keyword list; negated,
    denied, hypothetical, a topic or a term of a deal (:func:`timeline.extract.reported._not_reported`, unless
    a deal named with its day); a truce demand told by the truce it resolves; what a threat demands; an appeal
    to others or a call on both sides for calm; a violation with no truce or deal to violate."""
    tv = trig.value
    folded = s.folded
    if s.keyword_runs and _in_runs(s.norm.offsets[trig.start], s.keyword_runs):
        return True  # "Tags Syria Airstrikes Truce Ceasefire ...": a keyword list, not a statement
    dated_deal = s.deal_spans.get(trig.start) is not None
    if not dated_deal and _not_reported(trig, s.cues, s.triggers, folded, (c_start, c_end), s.talked):
        return True
    un_truce = _resolved_truce(trig, s.triggers, s.actor_ms, folded)
    if un_truce is not None and trig is un_truce[0]:
        return True  # the Security Council's demand for a truce is told by the truce it resolves
    if (
        not dated_deal
        and (un_truce is None or trig is not un_truce[1])
        and _demanded(trig, s.threats, (c_start, c_end), s.anchor_spans, folded)
    ):
        return True
    if (
        tv.subtype == "demand"
        and _APPEAL.match(folded, trig.end)
        and not _ASKS_OF_SIDE.search(folded, trig.end, min(len(folded), trig.end + 160))
    ):
        return True  # "called on the US-led coalition to impose a no-fly zone": an appeal to others, no ultimatum
    if (
        tv.type == "offensive"
        and _AIRCRAFT_WORD.search(trig.term)
        and (
            _ONLY_FLEW_AFTER.match(folded, trig.end)
            or _FLIGHT_OF_BEFORE.search(folded, max(0, trig.start - 12), trig.start)
        )
    ):
        return True  # "طائرات مسيّرة حلقت فوق المقر", "drones flew over the town", "تحليق طائرات": seen, not striking
    if (
        tv.type == "offensive"
        and _ANSWERED.search(folded, max(0, trig.start - 30), trig.start)
        and not any(trig.end <= d.start < trig.end + 40 for d in s.dates)
    ):
        return True  # "إن القصف جاء رداً على الغارات الإسرائيلية": the attack answered, told elsewhere, is named here
    if (
        tv.type == "offensive"
        and _STRUCK_VERB.fullmatch(trig.term)
        and any(
            t.value.type == "offensive" and t is not trig and 0 <= trig.start - t.end <= 3 for t in s.triggers
        )
    ):
        return True  # 'the explosion "targeted an empty building"', "الانفجار استهدف": the attack named just before
    if tv.subtype == "capture" and _REGAINED_NO_GROUND.match(folded, trig.end):
        return True  # "ويستعيد كثيرون ... ذكرى الثالث عشر من نيسان", "regained momentum": a memory or a state, no ground
    if tv.subtype == "demand" and _GATHERING_CALLED.search(folded, max(0, trig.start - 50), trig.start):
        return True  # "خلال تظاهرة دعا إليها حزب الله": the call for a protest organised it, no demand
    if tv.subtype == "demand" and _CALM_APPEAL.match(folded, trig.end):
        return True  # "داعياً الجانبين إلى ضبط النفس": a call on both sides for restraint is no demand
    if tv.subtype == "demand" and _SOLUTION_APPEAL.match(folded, trig.end):
        return True  # "Egypt has called for a political solution in Syria": an appeal, no demand
    if (
        tv.type == "offensive"
        and _MUNITION_WORD.search(trig.term)
        and _MUNITIONS_KEPT.search(folded, max(0, trig.start - 40), trig.start)
    ):
        return True  # "معملاً لإنتاج قذائف الهاون", "seized a depot of mortar shells": munitions made or kept, not fired
    if tv.type == "talks" and _NO_DATE_FOR.search(folded, max(0, trig.start - 50), trig.start):
        return (
            True  # "لا يستطيع تحديد موعد للجولة المقبلة", "no date has been set for the next round": not held
        )
    if _RECORD_SINCE.search(folded, max(0, trig.start - 120), trig.start) and _YEAR_ONLY_AFTER.match(
        folded, trig.end
    ):
        return True  # "the first time the government had control over the city since the battle of 2012": a yardstick
    if tv.subtype == "call" and _interview(trig, s):
        return True  # "told Reuters by telephone", "قال لـ«عنب بلدي» في اتصال هاتفي": a source's interview, no talks
    if tv.type == "talks" and _ATTACKED_BEFORE.search(folded, max(0, trig.start - 40), trig.start):
        return True  # "an air strike hit a meeting of rebel commanders", "تفجير استهدف اجتماعاً": a target, no talks
    if tv.subtype == "threat" and _endangers(trig, s):
        return True  # "seized the hill, threatening the Turkish observation post": a danger, nobody's threat
    if _LOCATIVE_BEFORE.search(folded, max(0, trig.start - 25), trig.start):
        return (
            True  # "سيطرت الفصائل على بلدة الزيارة": a village named like a word of the lexicon ("the visit")
        )
    if tv.type == "ceasefire" and _OF_TALKS.match(folded, trig.end):
        return (
            True  # "announced a temporary pause in the Syria peace talks": the talks stop, not the fighting
        )
    if tv.type != "talks" and _SPORT.search(folded) and not any(a.value.kind in _ARMED for a in s.actor_all):
        return True  # "Omar al-Soma struck a late penalty after Australia's attack had dominated": a match
    if tv.type == "offensive" and (
        _INTERCEPTED.search(folded, max(0, trig.start - 30), trig.start)
        or (
            _INTERCEPT_VERB.fullmatch(folded, trig.start, trig.end)
            and _MUNITIONS_AFTER.match(folded, trig.end, trig.end + 50)
        )
    ):
        return True  # "وأسقطت عدداً من الصواريخ المعادية": munitions shot down belong to the attack that fired them
    # "a violation of international law": only a truce or a deal can be violated here
    return tv.subtype == "violation" and not any(
        t.value.type == "ceasefire" and t.value.subtype != "violation" for t in s.triggers
    )


#: Fighting told as breaking out: "The clashes broke out on Friday afternoon when ...", "erupted", "اندلعت اشتباكات":
#: a happening of its own even with no side or site the lexicons know (the article's place stands in).
_BROKE_OUT_AFTER = re.compile(
    r"\s+(?:[^\s.,،]+\s+){0,2}?(?:broke\s+out|erupted|flared(?:\s+up)?|اندلعت|تجددت)(?!\w)"
)
_BROKE_OUT_BEFORE = re.compile(r"(?<!\w)[وف]?(?:اندلعت|تجددت|دارت|جرت)\s+(?:[^\s]+\s+)?$")


#: A verb of hitting whose subject is an attack word right before it ("the explosion targeted", "the strike hit",
#: "الانفجار استهدف", "القصف طال"): the verb tells what that attack did, no attack of its own.
_STRUCK_VERB = re.compile(
    r"targeted|targets|hit|hits|struck|killed|destroyed|[وف]?(?:استهدف|استهدفت|طال|طالت|اصاب|اصابت|ادي|ادت)"
)


#: A round of talks named as such ("the next round", "الجولة المقبلة", "a fourth round").
_NEXT_ROUND = re.compile(r"round|جوله|جولات")


def _dated_after(trig: Match[Trigger], s: _Sentence) -> bool:
    """Does a day of its own follow the trigger word closely ("agreed to hold the next round on 3-4 May", "عقد
    الجولة المقبلة في الثالث والرابع من أيار")? A round so dated is a happening even when its sides are named only
    as "the guarantors". (Any date, "before the end of the year" too, cost 3 false events on the dev gold and gained
    none.)"""
    return any(
        trig.end <= d.start <= trig.end + 40
        and d.anchor is None
        and not (d.since or d.qualifier)
        and d.precision == "day"
        for d in s.dates
    )


def _broke_out(folded: str, trig: Match[Trigger]) -> bool:
    """Is the attack word told as breaking out (:data:`_BROKE_OUT_AFTER`, :data:`_BROKE_OUT_BEFORE`)?"""
    return bool(
        _BROKE_OUT_AFTER.match(folded, trig.end)
        or _BROKE_OUT_BEFORE.search(folded, max(0, trig.start - 25), trig.start)
    )


#: What an answer answers, right before an attack word: "رداً على الغارات", "رداً على القصف", "in response to the
#: strikes", "in retaliation for the attack", "انتقاماً لـ".
_ANSWERED = re.compile(
    r"(?:(?<!\w)[وف]?(?:ردا|رد)\s+علي|(?<!\w)[وف]?انتقاما\s+ل|\bin\s+(?:response|retaliation|reply)\s+(?:to|for))"
    r"\s+(?:(?:the|an?|its|their)\s+)?(?:ال)?$"
)


#: An aircraft told as flying over or circling, not as striking: "طائرات مسيّرة حلقت فوق المقر", "drones flew over
#: the town", "تحليق مكثف للطيران الحربي" (a strike told in the same clause has a trigger of its own).
_AIRCRAFT_WORD = re.compile(r"طاير|طيران|مسير|مروحي|drone|jet|plane|helicopter|aircraft")
_ONLY_FLEW_AFTER = re.compile(
    r"\s+(?:[^\s.,،]+\s+){0,2}?(?:(?<!\w)[وف]?(?:حلقت|حلق|تحلق|يحلق|حومت|تحوم|يحوم)(?!\w)"
    r"|\b(?:flew|flying|flown|flies)\s+over\b|\b(?:hovered|hovering|circled|circling)\b)"
)
_FLIGHT_OF_BEFORE = re.compile(
    r"(?<!\w)[وب]?(?:ال)?تحليق\s+(?:[^\s]+\s+)?(?:ل)?$|\b(?:overflights?|flights?)\s+(?:of|by)\s+$"
)


#: What a verb of retaking takes when it takes no ground: a memory, calm, breath, confidence, momentum ("يستعيد
#: كثيرون ذكرى المجزرة", "استعادت المدينة هدوءها", "regained momentum"), up to five words after it.
_REGAINED_NO_GROUND = re.compile(
    r"\s+(?:[^\s.,،]+\s+){0,5}?(?:(?<!\w)[وب]?(?:ال)?(?:ذكري|ذكريات|انفاس|انفاسها|هدوء|هدوءها|الهدوء|ثقه|توازن|"
    r"عافيه|نشاط|حيويه|زمام\s+المبادره)(?!\w)|\b(?:memor\w*|calm|composure|confidence|momentum|the\s+initiative|"
    r"balance|strength)\b)"
)


#: A verb of saying right before a call word, with what it was said to ("told Reuters by phone", "spoke to IRIN by
#: phone", "وقال الناشط لـ«عنب بلدي» في اتصال هاتفي", "وأفاد مصدر محلي في اتصال هاتفي مع ..."): an interview when no
#: side of the war is named from the verb to the call's partner.
_SAID_BY_PHONE = re.compile(
    r"(?:\b(?:told|tells|telling|said\s+to|says\s+to|spoke\s+to|speaking\s+to|spoken\s+to|talking\s+to|talked\s+to)"
    r"|(?<!\w)[وف]?(?:قال|قالت|افاد|افادت|اكد|اكدت|ذكر|ذكرت|اوضح|اوضحت|صرح|صرحت|كشف|كشفت|اضاف|اضافت|تحدث|تحدثت))"
    r"(?=[^.;:!?]{0,70}$)"
)
_WITH_AFTER = re.compile(r"\s*(?:with|مع)(?!\w)")
#: How far after a call word its partner may be named ("في اتصال هاتفي مع «الجزيرة نت»").
_PARTNER_REACH = 40


def _interview(trig: Match[Trigger], s: _Sentence) -> bool:
    """Is the call word ``trig`` a source speaking to the press by phone, not talks between sides?"""
    said = _SAID_BY_PHONE.search(s.folded, max(0, trig.start - 70), trig.start)
    if said is None:
        return False
    # the partner named after the call word ("في اتصال هاتفي مع بوتين", "by phone with Putin"), not the rest of the
    # sentence ("spoke to IRIN by phone blamed government forces")
    partner_after = trig.term.endswith("مع") or _WITH_AFTER.match(s.folded, trig.end) is not None
    end = min(len(s.folded), trig.end + _PARTNER_REACH) if partner_after else trig.end
    return not any(said.end() <= a.start < end and not a.value.code.startswith("NGO") for a in s.actor_all)


#: A trigger word that names munitions ("قذائف", "صواريخ", "براميل", "mortar rounds", "rockets", "missiles"); nouns
#: only: "seized the town and shelled Saraqib" is an attack after a capture.
_MUNITION_WORD = re.compile(
    r"قذيف|قذائ|قذاي|صاروخ|صواريخ|هاون|برميل|براميل|\b(?:mortars?|rockets?|missiles?|shells|barrel)\b"
)
#: What makes, keeps or takes munitions, right before their word ("a factory producing rockets", "a depot of mortar
#: shells", "seized a cache of missiles", "معمل لإنتاج قذائف الهاون", "مستودع صواريخ", "ضبط شحنة صواريخ"): no attack.
_MUNITIONS_KEPT = re.compile(
    r"\b(?:production|producing|produced|produces|manufactur\w*|stockpiles?|depots?|warehouses?|factory|factories|"
    r"workshops?|caches?|smuggl\w*|shipments?|consignments?|seized|confiscated)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}$"
    r"|(?<!\w)[وفبل]*(?:ال)?(?:انتاج|تصنيع|صناعه|تخزين|مستودع|مستودعات|معمل|مصنع|ورشه|مخزن|مخازن|تهريب|شحنه|"
    r"ضبط|مصادره)\s+(?:[^\s]+\s+){0,2}?(?:ل|لل)?(?:ال)?$"
)


#: A date or a plan denied to talks right before their word ("no date has been set for the next round", "could not
#: set a date for the talks", "there were no plans for a telephone conversation", "لم يحدد موعد للجولة المقبلة",
#: "لا يستطيع تحديد موعد للجولة", "لا خطط حالياً للقاء"): talks not scheduled are no talks event.
_NO_DATE_FOR = re.compile(
    # "there were no plans for a telephone conversation", "has no plans to attend the summit", "لا خطط حالياً للقاء
    # بين بوتين وأردوغان", "ليس لديه خطط لحضور القمة"
    r"\b(?:no|not\s+(?:have\s+)?any)\s+(?:\w+\s+)?plans?\s+(?:\w+\s+)?(?:for|to)\s+(?:[\w-]+\s+){0,4}?$"
    r"|(?<!\w)(?:لا|ليس|ليست|لم\s+تكن|لم\s+يكن)\s+(?:[^\s]+\s+){0,2}?(?:خطط|خطه|نيه)\s+(?:[^\s.،]+\s+){0,6}?"
    r"(?:ل|لل|ال)?$"
    r"|\b(?:no|without\s+a|not\s+(?:yet\s+)?(?:\w+\s+){0,2}?(?:set|fix|give|name|announce)\w*\s+a)\s+"
    r"(?:new\s+|firm\s+)?date\s+(?:(?:has|had|was)\s+(?:yet\s+)?(?:been\s+)?(?:set|fixed|given|announced)\s+)?"
    r"for\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,4}?$"
    r"|(?<!\w)[وف]?(?:لم|لا|لن|دون|بدون|عدم)\s+(?:[^\s]+\s+){0,3}?(?:موعدا|موعد)\s+(?:[^\s.،]+\s+){0,4}?(?:ل|لل|ال)?$"
)


#: An interception verb before the munitions it stopped ("shot down most of the missiles", "intercepted two
#: rockets", "أسقطت عدداً من الصواريخ", "تصدت ل... الصواريخ"): those munitions are no attack of their own.
_INTERCEPT_EN = r"shot\s+down|intercepted|intercepting|downed|destroyed"
_INTERCEPT_AR = r"[وف]?(?:اسقطت|اسقط|اسقاط|اعترضت|اعترض|اعتراض|تصدت|تصدي)"
_INTERCEPTED = re.compile(
    rf"\b(?:{_INTERCEPT_EN})\s+(?:[\w-]+\s+){{0,4}}$"
    rf"|(?<!\w){_INTERCEPT_AR}\s+(?:[^\s]+\s+){{0,3}}(?:من\s+)?(?:ال|ل|لل)?$"
)
#: The interception verb itself as the trigger ("shot down", "وأسقطت").
_INTERCEPT_VERB = re.compile(rf"{_INTERCEPT_EN}|{_INTERCEPT_AR}")


#: A locative noun right before a word of the lexicon makes it a place's name ("بلدة الزيارة" al-Ziyara, not "the
#: visit"; "قرية الهدنة", "the village of Hudna").
_LOCATIVE_BEFORE = re.compile(
    r"(?<!\w)[وبلف]?(?:ال)?(?:بلده|بلدتي|قريه|قريتي|مدينه|حي|حيي|تله|تلتي|مخيم|ناحيه|منطقه)\s+(?:ال)?$"
    r"|\b(?:village|villages|town|towns|city|district|neighbou?rhood|camp)\s+of\s+$"
)


#: What a pause or a truce word stops when talks follow it ("a temporary pause in the Syria peace talks", "a break in
#: the negotiations", "هدنة في المفاوضات"): the talks, told as suspended by the talks event itself.
_OF_TALKS = re.compile(
    r"\W{0,2}\s*(?:in|of|to|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:talks|negotiations|discussions|consultations|dialogue)\b"
    r"|\W{0,2}\s*[فل]ي?\s*(?:ال|ل)?(?:محادثات|مفاوضات|مباحثات|مشاورات|حوار)(?!\w)"
)


#: Words of a sports report (``sport_word`` in ``data/lexicons/cues.csv``): attacks, strikes, truces and threats told
#: with them are a match's ("a late penalty after Australia's attack had dominated", "هجوم المنتخب"), unless the
#: sentence names an armed force ("Russian jets struck the stadium where the national team trained").
_ARMED = frozenset({"military", "armed_group"})
_SPORT = re.compile(
    r"\b" + cue_alternation("sport_word", "en") + r"\b"
    r"|(?<!\w)(?:ال)?" + cue_alternation("sport_word", "ar") + r"(?!\w)"
)


#: Words of civic life (``civic_word`` in ``data/lexicons/cues.csv``): a deadline, talks or a "truce" among them with
#: no side of the war named is no event of the war (a council and street vendors, bakers and an economy office).
_CIVIL = re.compile(
    r"\b" + cue_alternation("civic_word", "en") + r"\b"
    r"|(?<!\w)[وفبل]?(?:ال)?" + cue_alternation("civic_word", "ar") + r"(?!\w)"
)


#: A locative right before a civic word: the building or body names where something was held ("عقدت في مبنى مجلس
#: المدينة", "met at the city council building"), not who acted.
_AT_CIVIC = re.compile(
    r"(?<!\w)(?:في|ب|داخل|امام)\s+(?:(?:ال)?(?:مبني|مقر|قاعه|صاله|مكتب)\s+)?$"
    r"|\b(?:at|in|inside|outside)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$"
)


def _civic(folded: str) -> bool:
    """Does the sentence name a party of civic life (:data:`_CIVIL`) other than as the place where something was
    held (:data:`_AT_CIVIC`)?"""
    return any(
        not _AT_CIVIC.search(folded, max(0, m.start() - 20), m.start()) for m in _CIVIL.finditer(folded)
    )


#: The munitions an interception verb stopped, right after it ("shot down most of the hostile missiles", "أسقطت
#: عدداً من الصواريخ"): the verb tells the defence against an attack, not an attack.
_MUNITIONS_AFTER = re.compile(
    r"\s+(?:(?:most|some|all|several|many|dozens|a\s+number|one|two|three|\d+)\s+(?:of\s+)?)?(?:the\s+)?"
    r"(?:[\w-]+\s+)?(?:missiles?|rockets?|projectiles?|shells?)\b"
    r"|\s+(?:[^\s]+\s+){0,2}(?:من\s+)?(?:ال)?(?:صواريخ|صاروخ|قذايف|قذيفه)(?!\w)"
)


#: The verb of threatening ("threatens", "threatening", "تهدد"), the one word that can also tell a danger.
_THREATEN_VERB = re.compile(r"threat|[وف]?(?:هدد|تهدد|يهدد)")
#: Words allowed between a threat verb and the place it endangers ("threatens the town of Saraqib").
_PLACE_LEAD = re.compile(r"\s*(?:(?:the|town|city|village|of|مدينه|بلده|قريه)\s+){0,3}$")


def _endangers(trig: Match[Trigger], s: _Sentence) -> bool:
    """Is a threat verb followed by what an advance endangers: a position (:data:`_ENDANGERS`) or a place that
    is no capital or country ("threatening the Turkish post", "باتت تهدد مدينة سراقب"; "threatened Damascus
    with" is a threat to a government)?"""
    if not _THREATEN_VERB.match(trig.term):
        return False  # only the verb of threatening itself ("we will clean Manbij" threatens Manbij)
    if _ENDANGERS.match(s.folded, trig.end):
        return True
    return any(
        0 <= pm.start - trig.end <= 20
        and _PLACE_LEAD.match(s.folded[trig.end : pm.start])
        # a capital or a country is a government threatened, or in Arabic the subject after the verb
        # ("هددت الولايات المتحدة بضربات")
        and not any(e.kind == "capital" or e.precision == "country" for e in pm.entries)
        for pm in s.place_ms
    )
