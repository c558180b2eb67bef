"""Why a trigger word in a sentence does not state an event of its own: the scope of what surrounds it.

A trigger ("strikes", "غارات", "ceasefire") is an event only when the sentence reports it. Each rule
below names a kind of sentence where it is not, with the cue words (``data/lexicons/cues.csv``) that
open the scope; the scopes are read on folded text, inside one sentence:

``negation``      "no", "not", لم، لا، دون ... before the trigger in its clause (talks: only right
                  before the word, since talks that "did not reach" a deal still took place); a trigger
                  coordinated with a negated one ("أي اشتباكات أو عمليات قصف", "no clashes or shelling")
                  shares its negation.
``denial``        "denied that ...", نفت أن ...: everything after it in the sentence is what was denied.
``hypothetical``  "if", "any", في حال، إذا، أي before the trigger in its clause: a condition or a
                  polarity word ("respond to any attack"), not a report.
``topic``         "discussed", "talks on", "about", بحث، لبحث، بشأن، حول ... before the trigger in its
                  clause, or ``topic_after`` ("was on the agenda", "على جدول أعمال") after it: the subject of
                  talks or a statement ("discussed the escalation in Idlib") is not an event. Talks keep
                  their own words: "a call on Saturday about the talks" is still a call.
``provision``     "provides for", "under the deal", ينص على، بموجب ...: the terms of an agreement, not
                  new events.
``name``          a name that holds a trigger word ("de-escalation zone", منطقة خفض التصعيد,
                  "press conference", قضايا التسوية) names a thing, not an event.
``stop``          "to stop the shelling", وقف الهجمات: what someone demands to end (not across a comma).
``continued``     "the talks will continue", تستمر المباحثات: the round already told goes on; no new round.

The rules are general: the words live in the lexicon, and each rule is tested on its kind in both
languages (``tests/test_scope.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from timeline.lexicon import Cue, Trigger, cue_alternation
from timeline.matcher import Match

#: How far (characters of folded text) a negation reaches forward inside its clause.
NEGATION_REACH = 60
#: Words that coordinate two triggers so that they share a negation ("clashes or shelling").
_COORDINATORS = ("او", "ولا", "و", "or", "and", "nor", "،", ",")
#: How far a topic cue reaches forward (it governs the noun phrase after it, not a new report).
TOPIC_REACH = 90
#: How far a denial reaches forward in its sentence ("denied that its aircraft had carried out any strikes").
DENIAL_REACH = 150
#: How far before a trigger a polarity or condition word may stand.
HYPOTHETICAL_REACH = 45


def _cues(cues: Sequence[Match[Cue]], kind: str) -> list[Match[Cue]]:
    return [c for c in cues if c.value.cue == kind]


def in_name(trig: Match, cues: Sequence[Match[Cue]]) -> bool:
    """Is the trigger part of a name ("de-escalation zone", منطقة خفض التصعيد)?"""
    return any(c.start <= trig.start and trig.end <= c.end for c in _cues(cues, "name"))


def _before(c: Match, trig: Match, reach: int, clause_start: int) -> bool:
    return clause_start <= c.start and c.end <= trig.start and trig.start - c.end <= reach


#: Words that open a temporal clause ("after a ceasefire took effect", بعد سريان الهدنة).
_TEMPORAL = re.compile(
    r"(?<!\w)(?:after|before|since|until|when|while|[وف]?بعد|[وف]?قبل|[وف]?منذ|[وف]?عقب|حتي)(?!\w)"
)

_CONDITIONS = frozenset({"if", "unless", "اذا", "لو", "في حال", "في حاله", "ان"})


def negated(
    etype: str,
    trig: Match[Trigger],
    cues: Sequence[Match[Cue]],
    clause_start: int,
    triggers: Sequence[Match[Trigger]] = (),
    folded: str = "",
) -> bool:
    """Is ``trig`` denied by a negation in its clause (or shared with a negated trigger it coordinates with)?

    A negation inside a condition that ends before the trigger ("if the regime does not withdraw, Turkey
    will attack", "إذا لم يقبل المسلحون ... سيستكمل") belongs to the condition, not to the trigger.
    """
    conds = [c for c in _cues(cues, "hypothetical") if c.term in _CONDITIONS]
    negs = [
        n
        for n in _cues(cues, "negation")
        if not (
            any(c.end <= n.start and n.start - c.end <= 40 for c in conds)
            and n.end <= trig.start
            and (
                "," in folded[n.end : trig.start]
                or "،" in folded[n.end : trig.start]
                or _ANSWER.search(folded, n.end, trig.end) is not None  # "إذا لم يتوقف ... فسنتخذ"
            )
        )
    ]
    if any(0 <= trig.start - c.end <= 6 for c in negs):
        return True
    # "no agreement", "دون اتفاق", "without a deal": the cue holds the trigger word itself
    if etype != "talks" and any(
        c.value.cue in {"negation", "failed"} and c.start < trig.start < c.end for c in cues
    ):
        return True
    if etype == "talks":
        return False
    # "No air strikes were reported after a ceasefire took effect": a negation does not reach into a
    # temporal clause that follows it
    negs_far = [
        n
        for n in negs
        if not (
            folded
            and (
                _TEMPORAL.search(folded, n.end, trig.start)
                or _NEXT_STATEMENT.search(folded, n.end, trig.start)
                or _AND_SPEAKS.search(folded, n.end, trig.end)
            )
        )
    ]
    if any(_before(c, trig, NEGATION_REACH, clause_start) for c in negs_far) or any(
        c.value.cue == "failed" and _before(c, trig, 40, clause_start) and _fails(etype, c, trig, folded)
        for c in cues
    ):
        return True
    # "أي اشتباكات أو عمليات قصف": the second shares the first one's negation
    prev = [t for t in triggers if t.end <= trig.start and t.start >= clause_start]
    if prev and folded:
        p = max(prev, key=lambda t: t.end)
        between = folded[p.end : trig.start].split()
        if (
            len(between) <= 3
            and any(w in _COORDINATORS or w.startswith(("او", "ولا")) for w in between)
            and not _NEXT_STATEMENT.search(folded, p.end, trig.start)
            and negated(p.value.type, p, cues, clause_start, (), "")
        ):
            return True
    return False


def _fails(etype: str, cue: Match[Cue], trig: Match[Trigger], folded: str = "") -> bool:
    """Does a failure word before ``trig`` undo it? For an attack only a failing *attempt* does ("failed
    to capture", "فشلت في السيطرة"), not an attack that was made and failed ("a failed assault", "فشل هجوم
    قوات النظام"); talks that "broke down" before a new strike do not undo the strike."""
    if etype == "ceasefire" and cue.term.startswith(_COLLAPSE):
        return False  # "انهارت الهدنة", "the collapse of the truce": a truce that was, and failed
    if etype != "offensive":
        return True
    if folded and not _ATTEMPT.search(folded, cue.start, trig.start):
        return False  # the failure word right before the attack's noun: the attack was made
    return cue.term.startswith(("fail", "فشل", "اخفق")) and trig.start - cue.end <= 15


#: What makes a failure word before an action an attempt that did not happen: "failed to", "فشلت في"
#: (``attempt_word`` rows of ``cues.csv``; an English word whole, an Arabic one also as a proclitic).
_ATTEMPT = re.compile(
    r"\b" + cue_alternation("attempt_word", "en") + r"\b|(?<!\w)" + cue_alternation("attempt_word", "ar")
)


#: Failure words that tell a truce ended, not that none was reached.
_COLLAPSE = ("انهار", "انهيار", "تعثر", "collapse", "broke down", "fell apart")


def denied(trig: Match, cues: Sequence[Match[Cue]], folded: str = "") -> bool:
    """Does a denial ("denied that", نفت أن) earlier in the sentence govern ``trig``? Not past a statement of its
    own that follows it ("rejected calls for a ceasefire, saying the offensive would go on", "مضيفاً")."""
    return any(
        c.end <= trig.start
        and trig.start - c.end <= DENIAL_REACH
        and not (folded and _NEXT_STATEMENT.search(folded, c.end, trig.start))
        for c in _cues(cues, "denial")
    )


#: A participle or clause that opens a statement of its own after a denial: ", saying", "، مضيفاً"
#: (``next_statement`` rows of ``cues.csv``, right after a comma).
_NEXT_STATEMENT = re.compile(
    r"[,،]\s*" + cue_alternation("next_statement", "en") + r"\b"
    r"|[,،]\s*" + cue_alternation("next_statement", "ar") + r"(?!\w)"
)


#: A speech verb coordinated after a negation ('the proposals "did not satisfy us" and warned that ...', "ولم
#: يعلق، وحذر من ..."): a statement of its own, out of the negation's reach (``speak_verb`` rows of cues.csv).
_AND_SPEAKS = re.compile(
    r"\b(?:and|but)\s+(?:[\w'-]+\s+){0,3}?" + cue_alternation("speak_verb", "en") + r"\b"
    r"|(?<!\w)[وف](?:حذر|قال|اضاف|هدد|توعد|اكد|" + cue_alternation("speak_verb", "ar") + r")(?!\w)"
)


def hypothetical(trig: Match, cues: Sequence[Match[Cue]], clause_start: int, folded: str = "") -> bool:
    """Is ``trig`` a condition or a polarity item ("if the regime attacks", "respond to any attack")?
    Not past a temporal clause ("لم تسجل أي غارات بعد دخول وقف إطلاق النار حيز التنفيذ")."""
    return any(
        _before(c, trig, HYPOTHETICAL_REACH, clause_start)
        and not (folded and _TEMPORAL.search(folded, c.end, trig.start))
        for c in _cues(cues, "hypothetical")
    )


#: An English verb of naming before its object ("called the attack a massacre", "calls the Khorasan Group"):
#: what it names ends at the first comma.
_NAMING_VERB = re.compile(r"(?:call|calls|called|calling|describe|describes|described|describing)\s+the")


def topic(
    etype: str, trig: Match, cues: Sequence[Match[Cue]], clause: tuple[int, int], folded: str = ""
) -> bool:
    """Is ``trig`` the subject of talks or of a statement rather than an event of its own? What a verb of
    naming names (:data:`_NAMING_VERB`) ends at the first comma of ``folded`` after it."""
    if etype == "talks":
        return False
    start, end = clause
    if any(
        _before(c, trig, TOPIC_REACH, start)
        and not (folded and _NAMING_VERB.fullmatch(c.term) and "," in folded[c.end : trig.start])
        for c in _cues(cues, "topic")
    ):
        return True
    return any(trig.end <= c.start < end and c.start - trig.end <= 60 for c in _cues(cues, "topic_after"))


#: The topic words of a condemnation ("condemned the", "denounced the", "أدانت", "تدين", "ندد", "استنكر", "slammed
#: the", "criticised the"): the attack they speak of did happen, unlike the topic of talks or of a question.
_CONDEMN = re.compile(r"condemn|denounc|slam|critici|ادان|تدين|يدين|ندد|استنكر")


def condemned(trig: Match, cues: Sequence[Match[Cue]], clause: tuple[int, int]) -> bool:
    """Is ``trig`` an attack told only as what a statement condemns ("condemned the strikes", "تدين العدوان الذي
    يشنه الجيش التركي")? Every topic word before it in reach is a condemnation's: the attack happened, and is
    the attack the article tells elsewhere, if it does (:func:`timeline.mentions.merge_article`)."""
    return condemnation_end(trig, cues, clause) is not None


def condemnation_end(trig: Match, cues: Sequence[Match[Cue]], clause: tuple[int, int]) -> int | None:
    """Where the sides of a condemned attack (:func:`condemned`) may start (an offset), or None: after the
    condemnation in English ("Saudi Arabia condemned the Turkish strikes"), at the attack word in Arabic, where
    the condemning side follows its verb ("أدانت الخارجية السعودية الغارات التركية")."""
    if trig.value.type != "offensive":
        return None
    before = [c for c in _cues(cues, "topic") if _before(c, trig, TOPIC_REACH, clause[0])]
    if not before or not all(_CONDEMN.search(c.term) for c in before):
        return None
    return max(c.end for c in before) if trig.term.isascii() else trig.start


@cache
def _discuss_verb_ar() -> re.Pattern[str]:
    """Arabic verbs of discussing (``discuss_verb`` rows of ``cues.csv``): the verb comes first and its
    subject follows it, before the topic."""
    return re.compile(r"[وف]?" + cue_alternation("discuss_verb"))


#: Characters allowed between the names of a subject ("بحث وزراء خارجية روسيا سيرغي لافروف، وتركيا ...").
_SUBJECT_NAME_GAP = 25


#: Between an Arabic verb of discussing with its subjects and its topic, a day and a venue set off by commas
#: ("بحث الرئيسان ...، اليوم الأربعاء في منتجع سوتشي على البحر الأسود، الأوضاع في إدلب"): no part of the topic.
_ADJUNCT_AR = re.compile(
    r"\s*[،,]\s*(?:(?:اليوم|امس|يوم|مساء|صباح|ليل|فجر|ظهر)(?!\w)[^،,]{0,40}?)?"
    r"(?:\s*(?:في|ب)(?:\s+|(?=\w))[^،,]{2,70})?\s*[،,]"
)


#: The same without commas, a venue and a day right after the subjects ("بحث ظريف مع الأسد في دمشق أمس الثلاثاء
#: التطورات", "ناقش الوزيران أمس الاثنين في أنقرة الوضع في إدلب"): one or two words of venue, a day word and its
#: weekday.
_WEEKDAY_AR = r"(?:ال)?(?:سبت|احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه)"
_DAY_AR = rf"(?:اليوم|امس|يوم|مساء|صباح|ليل|فجر|ظهر)(?:\s+(?:امس\s+)?{_WEEKDAY_AR})?"
_BARE_ADJUNCT_AR = re.compile(
    rf"\s+(?:في\s+[^\s،,]+(?:\s+[^\s،,]+)??\s+{_DAY_AR}|{_DAY_AR}\s+في\s+[^\s،,]+(?:\s+[^\s،,]+)??)(?=\s)"
)


#: "مع" and one to three words of a partner, before a venue and day the bare adjunct reads.
_PARTNER_AR = re.compile(r"\s+مع\s+(?:[^\s،,]+\s+){0,2}?[^\s،,]+(?=\s)")


def topic_spans(
    cues: Sequence[Match[Cue]],
    clauses: Sequence[tuple[int, int, bool]],
    subjects: Sequence[tuple[int, int]] = (),
    folded: str | None = None,
) -> list[tuple[int, int]]:
    """The stretches of a sentence that a topic cue governs (for places an event is *about*).

    After an Arabic verb of discussing (بحث، ناقش، تناول), the names that follow it (``subjects``: actor
    spans, each within a few words of the last) are who discussed, so the topic starts after them: in
    "بحث وزراء خارجية روسيا، وتركيا، وإيران ... المعارك في ريف حلب" the three countries take part; with the
    sentence's ``folded`` text, a day and venue set off by commas after them are skipped too (:data:`_ADJUNCT_AR`)."""
    spans = []
    for c in _cues(cues, "topic"):
        end = next((b for a, b, _ in clauses if a <= c.start < b), c.end)
        start = c.end
        if subjects and _discuss_verb_ar().fullmatch(c.term):
            for a, b in sorted(subjects):
                if a < start:
                    continue
                if a - start > _SUBJECT_NAME_GAP:
                    break
                start = b
            if folded is not None:
                # a partner the lexicon does not know, then the venue and day: "بحث كيري مع المالكي في بغداد
                # يوم الاثنين سبل ..."
                partner = _PARTNER_AR.match(folded, start, end)
                if partner and (
                    _ADJUNCT_AR.match(folded, partner.end(), end)
                    or _BARE_ADJUNCT_AR.match(folded, partner.end(), end)
                ):
                    start = partner.end()
                adjunct = _ADJUNCT_AR.match(folded, start, end) or _BARE_ADJUNCT_AR.match(folded, start, end)
                start = adjunct.end() if adjunct else start
        if folded is not None and _TALKS_NOUN_CUE.match(c.term):
            # "talks on a full truce inside the camp are continuing in Damascus": the talks' verb ends the topic
            verb = _TALKS_VERB.search(folded, start, end)
            end = verb.start() if verb else end
        if folded is not None and _NAMING_VERB.fullmatch(c.term):
            # "the al-Qaeda cell Washington calls the Khorasan Group, was killed when ...": a name, then the story
            comma = folded.find(",", start, end)
            end = comma if comma >= 0 else end
        spans.append((start, min(end, start + TOPIC_REACH)))  # the reach counts from where the topic starts
    for c in _cues(cues, "topic_after"):
        start = next((a for a, b, _ in clauses if a <= c.start < b), c.start)
        spans.append((max(start, c.start - 60), c.start))
    return spans


# "talks with Russian officials on Idlib", "negotiations over Afrin": "on"/"over" after a talks trigger opens
# its topic, unless a date follows ("on Monday", "on 5 March", "on the same day")
_TALKS_ON = re.compile(
    r"\b(?:on|over)\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\s+same|\d|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|jan\b|feb\b|"
    r"aug\b|sept?\b|oct\b|nov\b|dec\b|the\s+(?:\d|eve|sidelines|margins|edge|outskirts|phone|telephone)|sidelines|phone|"
    r"telephone|video))"
)


def talks_topic_spans(
    folded: str, trig: Match, clause: tuple[int, int], reach: int = 60
) -> list[tuple[int, int]]:
    """The topic an English talks trigger opens with "on"/"over" after it, to the clause's end
    ("to hold talks with Russian officials on Idlib and Libya"); [] if none within ``reach`` chars."""
    if not trig.term.isascii():
        return []
    # the look-ahead may read a few words past the reach ("on the outskirts" is a place, not a topic)
    m = _TALKS_ON.search(folded, trig.end, min(len(folded), trig.end + reach + 40))
    if not (m and m.start() < min(clause[1], trig.end + reach)):
        return []
    # the talks' own verb ends their topic: "talks on a full truce inside the camp are continuing in Damascus"
    verb = _TALKS_VERB.search(folded, m.end(), clause[1])
    return [(m.start(), verb.start() if verb else clause[1])]


#: A topic cue that is a talks noun and its preposition ("talks on", "meeting on", "talks over").
_TALKS_NOUN_CUE = re.compile(
    r"(?:talks|meeting|meetings|negotiations|discussions?|consultations)\s+(?:on|over|about|of)$"
)
#: The verb of talks whose topic was just named ("talks on X are continuing in Damascus", "negotiations over Y
#: were held in Ankara", "talks on Z resumed in Geneva"): what follows is no longer what the talks are about.
_TALKS_VERB = re.compile(
    r"\b(?:(?:are|is|were|was|have\s+been|has\s+been)\s+(?:still\s+|now\s+)?(?:continuing|under\s*way|ongoing|being\s+held"
    r"|taking\s+place|held|going\s+on|stalled|deadlocked|expected|due|scheduled|set\s+to)"
    r"|continued|continue|continues|resumed|resume|resumes|took\s+place|take\s+place|ended|collapsed|broke\s+down)\b"
)


_SINCE_AFTER = re.compile(r"\s*(?:\w+\s+){0,2}?(?:since|منذ)\s")
# "struck a deal", "the deal that Russia and Turkey struck": a deal is struck, nobody is hit
_STRUCK_DEAL = re.compile(
    r"^\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?(?:deal|agreement|accord|truce|bargain)"
)
_DEAL_BEFORE = re.compile(r"\b(?:deal|agreement|accord|truce)\s+(?:that|which)?\s*(?:[\w-]+\s+){0,5}$")


def record_clause(trig: Match, cues: Sequence[Match[Cue]], folded: str, reach: int = 50) -> bool:
    """Is ``trig`` inside the clause a record is measured from ("for the first time since rebels seized it
    in 2015", "الأعنف منذ سيطرة الفصائل")? That happening is background, not reported here."""
    for c in _cues(cues, "superlative"):
        m = _SINCE_AFTER.match(folded, c.end)
        if m and m.end() <= trig.start and trig.start - m.end() <= reach:
            # "for the first time since 2012, after an offensive launched late last year": a comma ends
            # the record's clause
            between = folded[m.end() : trig.start]
            if "," not in between and "،" not in between:
                return True
    return False


def struck_deal(trig: Match, folded: str) -> bool:
    """Is an English "struck"/"strike" trigger the striking of a deal ("struck a deal", "the deal Russia
    and Turkey struck in Sochi")?"""
    if not trig.term.startswith("stru"):
        return False
    return bool(
        _STRUCK_DEAL.match(folded[trig.end : trig.end + 40])
        or _DEAL_BEFORE.search(folded[max(0, trig.start - 60) : trig.start])
    )


def provision(trig: Match, cues: Sequence[Match[Cue]], clause_start: int = 0) -> bool:
    """Is ``trig`` a term of an agreement ("the deal provides for a ceasefire", ينص الاتفاق على)? Only in
    its clause: "بموجب تفاهم تركي روسي، إلا أن طائرات روسية قصفت" reports a strike despite the deal."""
    return any(_before(c, trig, 80, clause_start) for c in _cues(cues, "provision"))


def continued(trig: Match[Trigger], cues: Sequence[Match[Cue]]) -> bool:
    """Are ``trig`` talks said to go on ("ومن المقرر أن تستمر المباحثات حتى الغد", "the talks will continue
    on Tuesday")? That is the round already told, not a new one (a round that *resumes* later is)."""
    return trig.value.type == "talks" and any(
        (c.end <= trig.start and trig.start - c.end <= 12)
        or (trig.end <= c.start and c.start - trig.end <= 8)
        for c in _cues(cues, "continued")
    )


def referenced(trig: Match[Trigger], cues: Sequence[Match[Cue]]) -> bool:
    """Is a truce or deal named as one already known ("under the 2018 Sochi deal", "despite the ceasefire")?"""
    return trig.value.type == "ceasefire" and any(
        c.end <= trig.start and trig.start - c.end <= 30 for c in _cues(cues, "reference")
    )


def deadline_dates(dates: Sequence, cues: Sequence[Match[Cue]]) -> set[int]:
    """Start offsets of dates that a deadline word governs ("until the end of February", حتى نهاية شباط)."""
    marks = _cues(cues, "deadline")
    # the date may begin inside the cue: "by the end of February" is a cue "by the end of" and a date
    # "the end of February"
    return {d.start for d in dates if any(c.start < d.start + 1 and d.start - c.end <= 12 for c in marks)}


#: "subjected to shelling", "exposed to attacks": "to" that introduces what happened, not an aim.
_UNDERGONE_AR = re.compile(r"(?<!\w)[وف]?[تي]?(?:تعرض|خضع)\w*")
#: A noun of what an attack left, whose ل opens the attack it belongs to ("حصيلة ثقيلة لاشتباكات", "ضحايا للقصف",
#: "تداعيات الهجوم", "ذكرى للمجزرة"), with one adjective between at most.
_TOLL_OF_AR = re.compile(
    r"(?<!\w)[وفب]?(?:ال)?(?:حصيله|حصيلتا|ضحايا|قتلي|نتيجه|نتائج|تداعيات|اثار|ذكري)(?:\s+[^\s]+)?\s+$"
)
_UNDERGONE = ("subjected", "exposed", "came under", "due", "led", "response", "responded", "reply")


def purpose(trig: Match, folded: str) -> bool:
    """Is ``trig`` an aim ("a campaign to capture the M5", "حملة للسيطرة على الطريق", "لقصف") rather than
    something done? Arabic: the trigger word carries the proclitic ل; English: "to" + the word, unless
    the "to" says what was undergone ("subjected to shelling")."""
    i = trig.start
    word_start = i
    while word_start > 0 and folded[word_start - 1].isalnum():
        word_start -= 1
    prefix = folded[word_start:i]
    if not trig.term.isascii():
        # "تتعرض المنطقة منذ نيسان لحملة عسكرية": the ل after "was subjected to" marks what was undergone
        if _UNDERGONE_AR.search(folded, max(0, word_start - 60), word_start):
            return False
        if _TOLL_OF_AR.search(folded, max(0, word_start - 30), word_start):
            return False  # "حصيلة ثقيلة لاشتباكات الطيونة": the ل of a toll or an aftermath is "of", no aim
        return prefix.startswith(("ل", "ول", "فل")) and prefix not in {"", "ال"}
    before = folded[max(0, i - 30) : i]
    if trig.value.type == "ceasefire" and trig.value.subtype != "violation" and _FOR_A_TRUCE.search(before):
        return True  # "ideas for a renewed ceasefire", "hopes for a truce", "pushed for a ceasefire": an aim
    if not before.endswith("to "):
        return False
    return not any(before.rstrip().removesuffix("to").rstrip().endswith(w) for w in _UNDERGONE)


#: "for" and an indefinite truce right after it ("for a renewed", "for an immediate", "for lasting"): what a
#: proposal, a push, a hope or a plan aims at, not a truce that was made ("support for the ceasefire" names a
#: known one, read elsewhere).
_FOR_A_TRUCE = re.compile(
    r"\bfor\s+(?:(?:a|an)\s+)?(?:(?:new|renewed|fresh|immediate|lasting|durable|permanent|possible|"
    r"nationwide|humanitarian|complete|comprehensive|full|real|genuine|general|sustainable)\s+){0,2}$"
)


def instrument(trig: Match, folded: str) -> bool:
    """Is ``trig`` the means of an action ("بالبراميل المتفجرة", "with barrel bombs"), not an action?"""
    word_start = trig.start
    while word_start > 0 and folded[word_start - 1].isalnum():
        word_start -= 1
    prefix = folded[word_start : trig.start]
    if _RESPONDED_WITH.search(
        folded, max(0, word_start - 30), word_start if not trig.term.isascii() else trig.start
    ):
        # "وأنقرة ترد بقصف", "responded with artillery fire": the response is an attack of its own
        return False
    if not trig.term.isascii():
        return prefix.startswith(("ب", "وب", "فب"))
    return folded[max(0, trig.start - 12) : trig.start].rstrip().endswith(("with", "using", "by"))


#: A verb of responding right before the means of the response ("ردت بقصف", "ترد بقصف", "responded with
#: artillery fire", "retaliated by shelling"): the means is the response, an action of its own.
_RESPONDED_WITH = re.compile(
    r"(?<!\w)[وف]?(?:ردت|رد|ترد|يرد|ردا|ردوا)\s+(?:[^\s]+\s+){0,2}$"
    r"|\b(?:responded|responds|retaliated|retaliates|hit\s+back|struck\s+back)\s+(?:with|by)\s+$"
)


#: An attack told as what stopped ("the air strikes on eastern Aleppo stopped on 18 October", "وكانت الغارات
#: على الأحياء الشرقية قد توقفت"): its verb, a few words after the attack's noun, in the same clause.
_HALTED_AFTER = re.compile(
    r"[^,،;؛.]{0,40}?\s(?:(?:have|has|had)\s+)?(?:stopped|halted|ceased|came\s+to\s+a\s+halt)\b"
    r"|[^,،;؛.]{0,40}?(?<!\w)(?:قد\s+)?(?:توقفت|توقف)(?!\w)"
)


#: ... or as what is to stop, the term of a deal ("fighting between government forces and the groups in them is
#: to cease at midnight").
_TO_CEASE = re.compile(r"[^,،;؛.]{0,90}?\s(?:is|are|was|were)\s+to\s+(?:cease|stop|end|halt)\b")


#: A side halting its own attacks: "أوقفت الطائرات الروسية والسورية غاراتها", "علّقت تركيا هجماتها" (the attack's noun
#: carries the side's pronoun; "أوقفت الهدنة حملة عسكرية لقوات النظام" told a campaign the truce halted).
_HALTED_OWN = re.compile(r"(?<!\w)[وف]?(?:اوقفت|اوقف|علقت|علق)\s+(?:[^\s]+\s+){0,4}$")


def _owns(folded: str, trig: Match) -> bool:
    """Does the attack's word carry a possessive pronoun ("غاراتها", "هجومه")? A final ه after the word the lexicon
    matched, or ها/هم (a folded ة is a final ه too: "حمله" is no "its")."""
    word = re.match(r"\w*", folded[trig.start :])
    whole = word.group() if word else ""
    return whole.endswith(("ها", "هم")) or whole[trig.end - trig.start :] == "ه"


def stopped(trig: Match, cues: Sequence[Match[Cue]], folded: str = "") -> bool:
    """Is ``trig`` what someone demands to stop ("to stop the shelling", لوقف الهجمات), or told as what
    stopped ("the strikes stopped on 18 October", "توقفت الغارات")? Not across a comma: in "if the attacks do
    not stop, we will do what is necessary" the threat is no object of "stop"."""
    if trig.value.type == "talks":
        return False  # talks suspended or halted were held (:func:`suspended` makes them failed)
    halted = _HALTED_AFTER.match(folded, trig.end) if folded and trig.value.type == "offensive" else None
    if halted and not re.search(r"\band\b|\sو(?!قف)", halted.group()):
        return True  # (not "struck Ariha and stopped at dawn": a verb of its own, after the attack told)
    if folded and trig.value.type == "offensive" and _TO_CEASE.match(folded, trig.end):
        return True
    if (
        folded
        and trig.value.type == "offensive"
        and _HALTED_OWN.search(folded, max(0, trig.start - 60), trig.start)
        and _owns(folded, trig)
    ):
        return True
    return any(
        0 <= trig.start - c.end <= 30
        and not any(p in folded[c.end : trig.start] for p in ",،;؛")
        and not _ANSWER.search(folded, c.end, trig.end)
        for c in _cues(cues, "stop")
    )


#: The answer of a condition opening between a stop word and a trigger ("إذا لم يتوقف هذا الهجوم فسنتخذ كل
#: الإجراءات", "فإن قواتنا ستقوم", "if the attacks do not stop we will respond", "then"): what follows is a threat,
#: not what is to stop.
_ANSWER = re.compile(r"(?<!\w)ف(?:س|ان(?!\w)|سوف)|\b(?:then|will|would|shall)\b")


def suspended(trig: Match, cues: Sequence[Match[Cue]], folded: str = "") -> bool:
    """Are talks told as suspended, paused or halted ("announced a temporary pause in the Geneva talks",
    "أعلن توقفاً مؤقتاً لمحادثات جنيف", "Washington suspended bilateral talks")? A ``stop`` cue at most
    :data:`_SUSPENDED_GAP` characters before the talks word, with no comma between: they were held, and they
    failed. (Farther off, "لم يصدر أي تعليق رسمي حول مضمون اللقاء" is a comment, not a suspension.)"""
    return trig.value.type == "talks" and any(
        0 <= trig.start - c.end <= _SUSPENDED_GAP
        and _SUSPENSION.search(c.term) is not None
        and not any(p in folded[c.end : trig.start] for p in ",،;؛")
        for c in _cues(cues, "stop")
    )


#: The stop words that suspend ("suspended", "a pause in", "تعليق", "توقف", "تجميد"), not those that end ("at the
#: end of the meeting" closes a meeting that was held).
_SUSPENSION = re.compile(r"suspen|paus|halt|freez|froze|تعليق|توقف|تجميد|وقف|ايقاف")


#: Characters between a stop word and the talks it suspends: one word and its quote marks at most
#: ("«توقفاً مؤقتاً» لمحادثات", "suspending bilateral talks").
_SUSPENDED_GAP = 14
