"""Who takes part in an event: actor mentions filtered to participants, and their roles.

An actor named in a sentence is not always a party to its event (rule 7 of issue "event logic"):

- a **source** is not an actor: "according to the United Nations", بحسب المرصد السوري, "citing SOHR";
- an actor adjective beside a **geographic noun** names a place: "toward the Turkish border",
  "الحدود التركية", "on Syrian territory";
- **monitors and NGOs** (codes ``NGO...``: SOHR, the White Helmets, MSF) never initiate an offensive, and
  intergovernmental bodies (``IGO...``: the UN) are at most its target;
- **talks** need two sides: two ministries, a leader and his army, or a security council of one state
  meeting are one side, not bilateral talks.

Cue words come from ``data/lexicons/cues.csv`` (``source``, ``geo_noun``, ``initiator``, ``internal``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.actors import ActorEntry
from timeline.lexicon import Cue, cue_alternation
from timeline.matcher import Match
from timeline.model import Actor

#: Sectors of one state that speak for the same side (country as a whole, government, armed forces).
_STATE_SECTORS = {"", "GOV", "MIL"}
#: Who holds a place, named as its state (the target side of an attack there, never its attacker): "rebel-held", "regime-controlled", "in rebel hands",
#: "under opposition control", "held by the SDF", "بيد الفصائل", "الخاضعة لسيطرة المعارضة".
_HOLDS_AFTER = re.compile(r"-(?:held|controlled|besieged)\b")
_HOLDS_AROUND = (
    (re.compile(r"\bin\s+(?:the\s+)?$"), re.compile(r"\s+hands\b")),
    (re.compile(r"\bunder\s+(?:the\s+)?$"), re.compile(r"\s+control\b")),
)
_HOLDS_BEFORE = re.compile(
    r"\bheld\s+by\s+(?:the\s+)?$|(?<!\w)(?:بيد|بايدي|(?:الخاضعه|خاضعه)\s+(?:ل)?سيطره|تحت\s+سيطره)\s+$"
)


#: "سقطت سراقب بيد قوات النظام" (fell into the hands of): the hands a place fell into are its captor's.
_FELL_INTO = re.compile(r"(?<!\w)[وف]?(?:سقطت|سقط|سقوط)\s+(?:[^\s]+\s+){0,3}?(?:بيد|بايدي)\s+$")


def _holds(a: Match[ActorEntry], folded: str) -> bool:
    """Is ``a`` named as who holds a place ("rebel-held", "in rebel hands", "under opposition control",
    "held by the SDF", "بيد الفصائل")? Not when the place fell into its hands (:data:`_FELL_INTO`)."""
    if _FELL_INTO.search(folded, max(0, a.start - 60), a.start):
        return False
    if _HOLDS_AFTER.match(folded, a.end) or _HOLDS_BEFORE.search(folded, max(0, a.start - 20), a.start):
        return True
    return any(
        before.search(folded, max(0, a.start - 12), a.start) and after.match(folded, a.end)
        for before, after in _HOLDS_AROUND
    )


#: Characters allowed between a source cue and its actor ("according to the UN", "بحسب المرصد").
_SOURCE_GAP = 12
#: Characters allowed between an actor adjective and a geographic noun ("Turkish-Syrian border").
_GEO_GAP = 9


def _country(code: str) -> str:
    return code[:3]


def _sector(code: str) -> str:
    return code[3:]


#: A place named after a person ("Dahiyat al-Assad", "Lake Assad", "ضاحية الأسد", "بحيرة الأسد", "مدرسة الأسد"): the
#: noun before the name makes it a place (or a building), not that person acting.
_NAMED_PLACE_BEFORE = re.compile(
    r"\b(?:dahiyat|dahiyet|dahiya|suburb\s+of|lake|district\s+of|academy|stadium|hospital|school|square)"
    r"\s+(?:al-|el-)?$"
    r"|(?<!\w)(?:ضاحيه|بحيره|حي|ساحه|مدرسه|اكاديميه|مستشفي|ملعب|جسر|دوار|شارع|سد)\s+$"
)


def participants(
    actors: Sequence[Match[ActorEntry]], cues: Sequence[Match[Cue]], folded: str
) -> list[Match[ActorEntry]]:
    """The actor mentions that can be parties to an event: sources and place adjectives dropped."""
    sources = [c for c in cues if c.value.cue == "source"]
    geo = [c for c in cues if c.value.cue == "geo_noun"]
    bodies = [c for c in cues if c.value.cue == "internal"]
    out = []
    for a in actors:
        if a.value.kind == "person" and _NAMED_PLACE_BEFORE.search(folded, max(0, a.start - 20), a.start):
            continue  # "a wide offensive on Dahiyat al-Assad": a place named after a person
        if any(
            b.start <= a.start and a.end <= b.end and (b.start, b.end) != (a.start, a.end) for b in bodies
        ):
            continue  # "National Security Council" is a Turkish body, not the UN's Security Council
        if any(
            0 <= a.start - c.end <= _SOURCE_GAP and _only_small_words(folded[c.end : a.start])
            for c in sources
        ) or any(_in_source_list(c.end, a.start, folded) for c in sources):
            continue
        if a.value.kind == "country" and any(
            (
                0 <= g.start - a.end <= _GEO_GAP
                and _only_small_words(folded[a.end : g.start], allow_actor=True)
            )
            or (0 <= a.start - g.end <= _GEO_GAP and _only_small_words(folded[g.end : a.start]))
            for g in geo
        ):
            continue
        out.append(a)
    return out


#: How far a list of sources may run after its cue ("according to Save the Children and the opposition's
#: Syrian Civil Defense"), and what ends it: a comma, a clause mark, "said", a sentence end.
_SOURCE_LIST_CHARS = 90
_SOURCE_LIST_END = re.compile(r"[,،;.:]|\b(?:said|says|reported|told)\b|(?<!\w)(?:قال|قالت|افاد|افادت)(?!\w)")


def _in_source_list(cue_end: int, start: int, folded: str) -> bool:
    """Does an actor at ``start`` lie in the list of sources that a source cue ending at ``cue_end`` opens?"""
    if not 0 <= start - cue_end <= _SOURCE_LIST_CHARS:
        return False
    between = folded[cue_end:start]
    return _SOURCE_LIST_END.search(between) is None and bool(re.search(r"\band\b|(?<!\w)و", between))


_SMALL = {"the", "of", "with", "and", "to", "its", "al", "ال", "مع", "و", "من", "-", "syrian", "turkish"}


def _only_small_words(s: str, allow_actor: bool = False) -> bool:
    words = s.replace("-", " - ").split()
    return (
        all(w in _SMALL or (allow_actor and w.isalpha() and len(w) > 2 and w[0].isalpha()) for w in words[:2])
        and len(words) <= 2
    )


def speakers(actors: Sequence[Match[ActorEntry]], folded: str) -> set[tuple[int, int]]:
    """Spans of actors that head a breaking-news line ("وزارة الدفاع الروسية: ...", "SOHR: ..."):
    the speaker of what follows, so no party to a strike it reports (but the author of a threat)."""
    return {(a.start, a.end) for a in actors if folded[a.end : a.end + 2].lstrip().startswith(":")}


_AND = {"و", "and", ",", "،", "and the", "، و", ", and", "as well as", "along with", "مع", "and its"}


def _coordinated(prev: Match | None, a: Match, folded: str) -> bool:
    """ "Russia and Syria", "قوات النظام وروسيا": two actors joined as one subject or object."""
    if prev is None or not folded or a.start < prev.end:
        return False
    gap = " ".join(folded[prev.end : a.start].split())
    if (
        gap in {"،", ","}
        and not folded[prev.start : a.end].isascii()
        and not re.match(r"\s*(?:،|,|و)", folded[a.end : a.end + 3])
    ):
        # "أمهل الرئيس التركي رجب طيب أردوغان، النظام السوري شهرا": an Arabic comma after a long subject sets
        # off the object; a list goes on past its second name ("روسيا، إيران وتركيا")
        return False
    return gap in _AND


#: How far before an actor its backing phrase may start ("backed by Russian airpower and Iranian-backed militias").
_BACKING_REACH = 50
# "بدعم روسي", "بإسناد من", "المدعومة من", "backed by", "with Russian support": the actor that follows backs
# the one before it (a participant on its side)
_BACKING = re.compile(
    r"(?:(?<!\w)[وف]?(?:بدعم|بمساندة|بمسانده|باسناد|بغطاء|بتغطيه|تحت\s+غطاء)(?:\s+(?:من|جوي|ناري|مدفعي|مباشر))?"
    r"|(?<!\w)(?:ال)?مدعوم(?:ه|ين|ون)?\s+من"
    r"|\b(?:backed|supported|assisted)\s+by|\bwith\s+(?:the\s+)?(?:support|backing|help)\s+of"
    r"|\bunder\s+(?:the\s+)?(?:cover|protection)\s+of)"
    # (the backers may be a list: "backed by Russian airpower and Iranian-backed militias")
    r"\s*(?:\S+\s+)?(?:(?:\S+\s+){0,2}?(?:and|و)\s+)?$"
)


# "Russian-backed government forces", "Turkish-backed rebels": the adjective names a backer
_BACKER_ADJECTIVE = re.compile(r"(?:-|\s)(?:backed|supported|sponsored)\b(?!\s+by\b)")
# "with Turkish artillery support", "with Russian air cover": the side named before the support gives it
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")
_SUPPORT_AFTER = re.compile(
    r"\s+(?:(?:artillery|air|aerial|fire|military|logistical|drone|naval)\s+)?(?:support|backing|cover)\b"
)


def _backer(a: Match, folded: str) -> bool:
    """Does ``a`` back the side that acts rather than act ("backed by Russia", "Turkish-backed", "with Turkish
    artillery support", "under the cover of Turkish fire", "بدعم روسي", "بغطاء ناري تركي")?"""
    return (
        bool(_BACKING.search(folded, max(0, a.start - _BACKING_REACH), a.start))
        or bool(_BACKER_ADJECTIVE.match(folded, a.end))
        or (
            bool(_WITH_BEFORE.search(folded, max(0, a.start - 12), a.start))
            and bool(_SUPPORT_AFTER.match(folded, a.end))
        )
    )


def _subject(actors: Sequence[Match[ActorEntry]], trig: Match, folded: str) -> Match | None:
    """The side that acts, by word order: in Arabic an actor right after a verb trigger ("قصفت قوات
    النظام"), else the actor nearest before the trigger ("After talks with Jaish al-Islam broke down,
    government forces resumed air strikes"; "قالت روسيا إن الفصائل قصفت"), else None (the first actor
    after the trigger then initiates). Monitors, international bodies and backers are never it."""
    usable = [a for a in actors if not a.value.code.startswith(("IGO", "NGO")) and not _backer(a, folded)]
    if not trig.term.isascii():
        after = [a for a in usable if 0 <= a.start - trig.end <= 3]
        if after:
            return after[0]
    before = [a for a in usable if a.end <= trig.start]
    return before[-1] if before else None


#: "Turkey blamed Damascus for the attack", "اتهمت تركيا النظام بقصف ...": the accuser takes no part in the
#: attack, and the accused is its (alleged) attacker.
_BLAME_AFTER = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:blamed|blames|blaming|accused|accuses|accusing"
    r"|(?:held|holds)\s+(?:[\w'-]+\s+){1,3}responsible)\b"
)
_BLAME_BEFORE = re.compile(r"(?<!\w)[وف]?(?:اتهمت|اتهم|تتهم|يتهم|حملت|حمل|تحمل|يحمل)\s+$")


#: "33 Turkish soldiers were killed in an air strike", "مقتل جنود أتراك": the victims, never the attackers.
_VICTIM_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+[\w-]+){0,2}?\s+(?:were|was|have\s+been|had\s+been|are|been)\s+\W?"
    r"(?:killed|wounded|injured|hurt|neutrali[sz]ed)\b"
    r"|(?:\s+[\w-]+){0,1}?\s+(?:died|were\s+among\s+the\s+dead)\b"
)
_VICTIM_BEFORE = re.compile(
    r"(?<!\w)(?:مقتل|اصابه|اصابة|استشهاد|مصرع|تحييد|(?:قتل|قتلت|جرح|جرحت|حيد|اصيب|اصابت)(?=\s+(?:[\d٠-٩]|اكثر|نحو|"
    # a number written as a word ("قتل تسعة جنود أتراك", "الغارة التي قتلت خمسة مدنيين")
    r"(?:ال)?(?:ثلاث|اربع|خمس|ست|سبع|ثماني|ثمان|تسع|عشر)ه?|عشرات|مئات|عده|"
    # a person right after the verb is who was killed (قُتل جندي تركي), an active verb has an agent there
    r"جندي|جنديان|جنديين|جنود|عنصر|عنصران|عنصرين|عناصر|ضابط|ضباط|مدني|مدنيان|مدنيين|مدنيون|مقاتل|مقاتلان|"
    r"مقاتلين|مقاتلون|"
    # the attack itself as the verb's subject ("قتلت الغارة خمسة جنود أتراك"): who follows was killed
    r"(?:ال)?(?:غاره|غارات|ضربه|ضربات|قصف|قذيفه|قذائف|انفجار|تفجير|هجوم|صاروخ|صواريخ)(?=\s+[^\s]+\s+)"
    r")(?!\w)))"
    r"\s+(?:(?:اكثر|اقل)\s+من\s+|نحو\s+|قرابه\s+|حوالي\s+)?(?:[^\s]+\s+){0,3}$"
)  # "قتل الجيش التركي ..." (active: the army killed) is no victim; "قتل 5 جنود أتراك", "قتل جندي تركي" are


#: "خمسة جنود أتراك قد استشهدوا", "جنديان تركيان قتلا": Arabic victims told before their verb.
_VICTIM_AFTER_AR = re.compile(
    r"(?:\s+[^\s]+){0,2}?\s+(?:قد\s+)?(?:استشهدوا|استشهد|استشهدا|استشهدتا|قتلوا|قتل|قتلا|قتلتا|قتلن|لقوا\s+حتفهم|لقي\s+حتفه"
    r"|اصيبوا|اصيب|اصيبا|جرحوا|جرح)(?!\w)"
)


#: "killed seven Turkish soldiers", "killing at least 33 Turkish troops": English victims after the verb.
_VICTIM_BEFORE_EN = re.compile(
    r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring)\s+(?:at\s+least\s+|more\s+than\s+|about\s+"
    r"|nearly\s+|some\s+|up\s+to\s+)?"
    # (not across a preposition: "killed in a Russian air strike", "killed by regime shelling" name the attacker)
    r"(?:(?!(?:by|in|during|when|as|after|on|from|with|amid|under|near|at)\b)[\w-]+\s+){0,2}"
    # "killed 20 members of Iraq's Popular Mobilization Units", "killing dozens of Syrian soldiers"
    r"(?:of\s+(?:the\s+)?)?$"
)


#: What an attack hits, named before the side it belongs to ("bombed positions of Iranian-backed militias", "the
#: bases of the YPG", "استهدفت مواقع لقوات النظام", "قصف مقرات الوحدات الكردية"): that side is the target.
_HELD_SITE_BEFORE = re.compile(
    r"\b(?:positions?|bases?|posts?|headquarters|convoys?|depots?|sites?|checkpoints?|targets|outposts?|"
    r"barracks|facilities|warehouses)\s+(?:belonging\s+to|of|held\s+by|used\s+by)\s+(?:the\s+)?(?:[\w-]+\s+)?$"
    r"|(?<!\w)(?:مواقع|موقع|مقرات|مقر|نقاط|نقطه|رتل|ارتال|مستودعات|مستودع|حاجز|حواجز|ثكنه|تجمعات|تحصينات)\s+"
    r"(?:تابعه\s+|عسكريه\s+)?(?:ل|لل|ال)?$"
)


#: ... and named after it, in English: "more than 50 regime targets were hit", "struck Syrian government positions".
_HELD_SITE_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:military\s+)?(?:positions?|bases?|posts?|headquarters|convoys?|depots?|sites?|checkpoints?|"
    r"targets|outposts?|barracks|facilities|warehouses)\b"
)


def victims(actors: Sequence[Match[ActorEntry]], folded: str) -> set[int]:
    """Start offsets of actors told as the killed or wounded ("33 Turkish soldiers were killed", "مقتل
    خمسة جنود أتراك"): the targets of an attack."""
    return {
        a.start
        for a in actors
        if _VICTIM_AFTER.match(folded, a.end, a.end + 40)
        or (not a.term.isascii() and _VICTIM_AFTER_AR.match(folded, a.end, a.end + 40))
        or (a.term.isascii() and _VICTIM_BEFORE_EN.search(folded, max(0, a.start - 45), a.start))
        # who holds the place attacked ("rebel-held", "in rebel hands", "بيد الفصائل") is its target side
        or _holds(a, folded)
        or _VICTIM_BEFORE.search(folded, max(0, a.start - 45), a.start)
        or _HELD_SITE_BEFORE.search(folded, max(0, a.start - 45), a.start)
        or (a.term.isascii() and _HELD_SITE_AFTER.match(folded, a.end) is not None)
    }


#: Characters allowed between an international body and the speech verb it is the subject of ("the UN
#: said", "said the UN", "قالت الأمم المتحدة").
_SPEAKER_GAP = 5
_SPEAK_AFTER_EN = re.compile(r"\s+(?:has\s+|had\s+|have\s+)?" + cue_alternation("speak_verb", "en") + r"\b")
_SPEAK_BEFORE_AR = re.compile(r"(?<!\w)[وف]?" + cue_alternation("speak_verb", "ar") + r"\s+$")


def bodies_speaking(actors: Sequence[Match[ActorEntry]], cues: Sequence[Match[Cue]], folded: str) -> set[int]:
    """Start offsets of international bodies and monitors (``IGO``/``NGO``) told as the speaker of a
    report, a warning or a condemnation ("..., the UN said", "said the UN", "the UN condemned the strike",
    "قالت الأمم المتحدة إن ...", "وأفادت الأمم المتحدة"): a source of what the sentence tells, not its
    target. Speech verbs are the ``report`` cues matched in the sentence and the ``speak_verb`` word list
    of ``data/lexicons/cues.csv``."""
    reports = [c for c in cues if c.value.cue == "report"]
    out = set()
    for a in actors:
        if not a.value.code.startswith(("IGO", "NGO")):
            continue
        if (
            any(0 <= c.start - a.end <= _SPEAKER_GAP or 0 <= a.start - c.end <= _SPEAKER_GAP for c in reports)
            or _SPEAK_AFTER_EN.match(folded, a.end)
            or _SPEAK_BEFORE_AR.search(folded, max(0, a.start - 15), a.start)
        ):
            out.add(a.start)
    return out


def accusations(actors: Sequence[Match[ActorEntry]], folded: str) -> tuple[set[int], set[int]]:
    """(accusers, accused): start offsets of the actors of an accusation frame ("Turkey blamed Damascus",
    "Ankara accused the regime", "اتهمت تركيا النظام", "حملت أنقرة دمشق المسؤولية")."""
    accusers: set[int] = set()
    accused: set[int] = set()
    for i, a in enumerate(actors):
        english = bool(_BLAME_AFTER.match(folded, a.end, a.end + 60))
        arabic = bool(_BLAME_BEFORE.search(folded, max(0, a.start - 15), a.start))
        if not english and not arabic:
            continue
        accusers.add(a.start)
        nxt = actors[i + 1] if i + 1 < len(actors) else None
        if nxt is not None and 0 <= nxt.start - a.end <= 30:
            accused.add(nxt.start)
    return accusers, accused


#: Between an English actor and the attack it names: a space ("Russian strike") or a possessive ("Army's").
_BEFORE_ITS_ATTACK = re.compile(r"(?:'s|’s|s'|')?\s{0,2}")


def _adjective_attackers(actors: Sequence[Match[ActorEntry]], trig: Match, folded: str) -> set[int]:
    """Start offsets of the actors that name an attack's attacker as its adjective ("a Russian strike", "regime
    artillery", "غارات روسية"), with those coordinated with it ("Regime and Russian strikes", "Syrian and Russian
    jets", "غارات روسية وسورية")."""
    out: set[int] = set()
    for i, a in enumerate(actors):
        if _holds(a, folded) or _backer(a, folded):
            # "took the Islamic State-held town of Jarablus": who held the town is no attacker, nor are the jets
            # in "rebels backed by Turkish jets took"
            continue
        if not (
            (a.start < trig.end and trig.start < a.end)  # "regime artillery", "الطيران الروسي": one phrase
            # (a comma sets off a subject or an apposition: "backed by ... Iranian-backed militias, retook")
            or (
                trig.term.isascii()
                and 0 <= trig.start - a.end <= 4
                # "a Russian strike", "the Syrian Army's capture of Khan Shaykhun": adjective or possessive
                and _BEFORE_ITS_ATTACK.fullmatch(folded, a.end, trig.start) is not None
            )
            or (
                not trig.term.isascii()
                and 0 <= a.start - trig.end <= 2
                and "," not in folded[trig.end : a.start]
            )
        ):
            continue
        out.add(a.start)
        j = i
        while j > 0 and _coordinated(actors[j - 1], actors[j], folded):
            j -= 1
            out.add(actors[j].start)
        j = i
        while j + 1 < len(actors) and _coordinated(actors[j], actors[j + 1], folded):
            j += 1
            out.add(actors[j].start)
    return out


def _joined_before(actors: Sequence[Match[ActorEntry]], a: Match[ActorEntry], folded: str) -> set[int]:
    """Start offsets of ``a`` and of the actors joined to it by "and"/"و" before it (:func:`_coordinated`)."""
    i = next(k for k, b in enumerate(actors) if b is a)
    out = {a.start}
    while i > 0 and _coordinated(actors[i - 1], actors[i], folded):
        i -= 1
        out.add(actors[i].start)
    return out


def roles(
    etype: str,
    actors: Sequence[Match[ActorEntry]],
    trig: Match,
    cues: Sequence[Match[Cue]],
    folded: str = "",
    quoted: tuple[int, int] | None = None,
) -> list[Actor]:
    """Actors of one event with their roles (initiator, target, participant), one per code.

    Talks and ceasefires have participants. For threats and offensives the actor after a "by"
    marker, else the first actor after the verb (Arabic verb-subject order) or before it, initiates;
    the next one is the target; actors joined by "and"/"و" share a role ("Russia and Syria escalated").
    Monitors (``NGO``) are dropped from offensives and intergovernmental bodies (``IGO``) can only be
    targets, and not when they speak (:func:`bodies_speaking`). ``folded`` is the sentence the matches index
    (for the coordination rule). ``quoted`` is the span of ``folded`` quoted around a threat's word: the
    speaker outside it makes the threat, the sides named inside are threatened.
    """
    out: dict[str, Actor] = {}
    if etype == "ultimatum" and quoted is not None and (told := _speakers(actors, quoted)):
        # '"We will hit the regime forces everywhere," Erdogan told MPs': who speaks the threat makes it;
        # those it names inside the quote are what it threatens
        for a in actors:
            inside = quoted[0] <= a.start < quoted[1]
            role = "initiator" if a.value.code in told else "target" if inside else "participant"
            out.setdefault(a.value.code, Actor(a.value.code, a.value.name, role))
        return list(out.values())
    by_markers = [c for c in cues if c.value.cue == "initiator"]
    accusers, accused = accusations(actors, folded) if etype == "offensive" and folded else (set(), set())
    reporting = bodies_speaking(actors, cues, folded) if etype == "offensive" and folded else set()
    hit = victims(actors, folded) if etype == "offensive" and folded else set()
    # a threat's speaker comes first ("Cavusoglu said his country told Russia it would act"): word order
    # picks only an attacker
    subject = _subject(actors, trig, folded) if etype == "offensive" and folded else None
    attackers = _adjective_attackers(actors, trig, folded) if etype == "offensive" and folded else set()
    # the subject with the sides joined to it before it ("Turkish tanks and Syrian rebels ... took")
    subjects = _joined_before(actors, subject, folded) if subject is not None else set()
    prev: Match | None = None
    for a in actors:
        entry = a.value
        if etype == "offensive" and (entry.code.startswith("NGO") or a.start in accusers | reporting):
            continue
        if a.start in accused:
            for code, x in list(out.items()):
                if x.role == "initiator":
                    out[code] = Actor(x.code, x.name, "target")
            out.setdefault(entry.code, Actor(entry.code, entry.name, "initiator"))
            prev = a
            continue
        joined_to = prev.value.code if prev is not None and _coordinated(prev, a, folded) else None
        prev = a
        # (the backed side may be a word the lexicon does not hold: "قوات مدعومة من تركيا")
        backs = _backer(a, folded)
        if etype in {"talks", "ceasefire"}:
            role = "participant"
        elif a.start in hit and a.start not in attackers:
            # ("killed since the Turkish offensive began": the adjective of the attack names its attacker)
            role = "target"
        elif joined_to in out and not entry.code.startswith(("IGO", "NGO")):
            role = out[joined_to].role
        elif backs:
            # "ميليشيا أسد بدعم روسي", "rebels backed by Turkey": the backer takes part on that side but
            # does not carry out the attack (a blind reviewer's reading), and is never its target
            role = "participant"
        elif entry.code.startswith("NGO") or (entry.code.startswith("IGO") and etype != "ultimatum"):
            # (a demand is the one thing a body makes: "NATO called on Russia to stop", "طالب مجلس الأمن")
            role = "target" if etype == "offensive" else "participant"
        elif a.start in attackers:
            role = "initiator"  # "a Russian strike", "Regime and Russian strikes", "غارات روسية وسورية"
            for code, x in list(out.items()):
                if x.role == "initiator" and not any(
                    b.value.code == code for b in actors if b.start in attackers
                ):
                    out[code] = Actor(x.code, x.name, "target")
        elif (
            etype == "ultimatum"
            and trig.term.isascii()
            and 0 <= a.start - trig.end <= _OBJECT_GAP
            and not any(x.role == "initiator" for x in out.values())
        ):
            role = "target"  # "He gave the regime until the end of February, Erdogan said": English puts the object
        elif any(
            0 <= a.start - c.end <= 6 and folded[c.end : a.start].strip() in {"", "the"} for c in by_markers
        ):
            # "the Turkish post near Sarman was encircled by the Syrian Army": the agent of the passive attacks,
            # and the side named before it, taken by word order for the attacker, is what it attacked
            role = "initiator"
            for code, x in list(out.items()):
                if x.role == "initiator" and code != joined_to:
                    out[code] = Actor(x.code, x.name, "target")
        elif not any(x.role == "initiator" for x in out.values()) and (
            a.start in subjects if subject is not None else (a.start > trig.end or a.end <= trig.start)
        ):
            role = "initiator"
        else:
            role = (
                "target"
                if etype in {"ultimatum", "offensive"} and not any(x.role == "target" for x in out.values())
                else "participant"
            )
        if (
            etype == "ultimatum"
            and role == "target"
            and any(x.role == "initiator" and x.code[:3] == entry.code[:3] for x in out.values())
        ):
            role = "participant"  # "Erdogan said Turkey would act": the threatening state is not threatened
        if entry.code not in out or (a.start in attackers and role == "initiator"):
            # (the attack's own adjective or possessive outranks an earlier mention of the same code)
            out[entry.code] = Actor(entry.code, entry.name, role)
    return list(out.values())


#: Characters between an English threat verb and its object ("gave the regime", "warned Damascus").
_OBJECT_GAP = 5

_QUOTES = {'"': '"', "«": "»", "“": "”"}


def quote_span(text: str, pos: int) -> tuple[int, int] | None:
    """The quotation (start, end) of ``text`` that holds offset ``pos``, or None: '"..."', «...», “...”
    (straight quotes pair in order). An unclosed quote runs to the end of the text. (Quotes are dropped from
    normalised text: read the original.)"""
    i = 0
    while i < len(text):
        close = _QUOTES.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        end = len(text) if j == -1 else j + 1
        if i < pos < end:
            return (i, end)
        if i > pos:
            return None
        i = end
    return None


def _speakers(actors: Sequence[Match[ActorEntry]], quoted: tuple[int, int]) -> set[str]:
    """The code of the first actor outside the quotation ``quoted``: who speaks it ('"...," the Turkish
    president told MPs'; "قال أردوغان: «...»"); empty when every actor is inside it."""
    outside = [a for a in actors if not quoted[0] <= a.start < quoted[1]]
    return {outside[0].value.code} if outside else set()


def one_side(actors: Sequence[Actor]) -> bool:
    """Do all ``actors`` belong to one side of one state (two ministries, a leader and his army)?"""
    if not actors:
        return False
    countries = {_country(a.code) for a in actors}
    return len(countries) == 1 and all(_sector(a.code) in _STATE_SECTORS for a in actors)


def internal_meeting(
    actors: Sequence[Actor], cues: Sequence[Match[Cue]], start: int, end: int, place_countries: set[str]
) -> bool:
    """Is a "meeting" in [start, end) one side's own (a security council, a cabinet, two ministers)?

    All actors of one side, and either an ``internal`` cue in the span or two or more such actors with
    no place of another country named (a delegation "in Moscow" meets its hosts).
    """
    if not one_side(actors):
        return False
    if any(c.value.cue == "internal" and start <= c.start < end for c in cues):
        return True
    home = _country(actors[0].code)
    return len(actors) >= 2 and not (place_countries - {home, ""})
