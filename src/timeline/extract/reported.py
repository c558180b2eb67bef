"""Whether a trigger is reported (rule 1): named but not told as an event, the topic of talks, a demand."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import islice

from timeline import scope
from timeline.extract.context import _FLED_FROM, _INVERTED_IF, _NOT_SET_AFTER
from timeline.lexicon import Cue, Trigger, cue_alternation
from timeline.matcher import Match


def _not_reported(
    trig: Match[Trigger],
    cues: list[Match[Cue]],
    triggers: list[Match[Trigger]],
    folded: str,
    clause: tuple[int, int],
    talked: set[int] | None = None,
) -> bool:
    """Is ``trig`` named but not reported (:mod:`timeline.scope`): a name, negated, stopped, denied,
    a condition, the topic of talks or a statement (``talked``: :func:`talked_about`), or a term of an
    agreement?"""
    etype = trig.value.type
    c_start = clause[0]
    if scope.in_name(trig, cues) or scope.stopped(trig, cues, folded) or scope.denied(trig, cues, folded):
        return True
    if scope.continued(trig, cues):
        return True
    if scope.negated(etype, trig, cues, c_start, triggers, folded) or scope.provision(trig, cues, c_start):
        return True
    if (
        scope.referenced(trig, cues)
        or scope.record_clause(trig, cues, folded)
        or scope.struck_deal(trig, folded)
    ):
        return True
    if etype == "talks" and _NOT_SET_AFTER.match(folded, trig.end, min(len(folded), trig.end + 90)):
        return True  # "a trilateral summit ... has not yet been scheduled", "لم يحدد موعد القمة بعد"
    inverted = _INVERTED_IF.match(folded)
    if inverted and trig.start < (folded.find(",", inverted.end()) % (len(folded) + 1)):
        return True  # "Should Ankara act on its threat, ...", "Were the truce to collapse, ...": a condition
    if etype == "talks" and _ANY_BEFORE.search(folded, max(0, trig.start - 12), trig.start):
        return True  # "في أي لقاء قادم بين الرئيسين", "at any future meeting": no meeting is told
    if etype == "talks" and _NOT_RULED_OUT.search(folded, max(0, trig.start - 60), trig.start):
        return True  # "would not rule out raising the matter at the Security Council": a possibility
    if etype in {"talks", "ultimatum"}:
        return False  # talks have their own topics, and a threat is conditional by nature
    if _GOING_ON.match(folded, trig.end):
        return False  # "to discuss Turkey's offensive, now in its fifth day": the subject is told as going on
    if talked is not None and trig.start in talked:
        return True
    if scope.purpose(trig, folded):
        return True
    if etype == "offensive" and _FLED_FROM.search(folded, max(0, trig.start - 60), trig.start):
        return True  # "have fled the fighting", "displaced by the offensive": the cause of a flight, told as such
    if scope.hypothetical(trig, cues, c_start, folded):
        return True
    # "condemned the strikes": the strikes happened (and join their own telling, if the article has one)
    return scope.topic(etype, trig, cues, clause, folded) and not scope.condemned(trig, cues, clause)


#: A possibility a side leaves open ("would not rule out raising the matter at the UN Security Council", "لم تستبعد
#: اللجوء إلى مجلس الأمن"): what follows in the clause is neither planned nor told (``hypothetical`` rows of ``cues.csv``
#: hold the same words for attacks).
_NOT_RULED_OUT = re.compile(
    r"\b(?:not|never|n't)\s+(?:to\s+)?rul(?:e|ed|ing)\s+out\b[^.;]*$|(?<!\w)(?:لا|لم|لن)\s+[تين]ستبعد\w*(?!\w)[^.;]*$"
)


#: "any" right before a talks noun ("أي لقاء", "لأي مفاوضات", "any future meeting", "any talks"): a polarity
#: item, no meeting told.
_ANY_BEFORE = re.compile(r"(?<!\w)(?:[وفب]?ل?اي|ايه|any)\s+(?:(?:future|new|further|upcoming)\s+)?$")


#: An attack named as a subject and told in the same breath as going on or begun: "Turkey's offensive in northeast
#: Syria, now in its fifth day", "the offensive, which began on Wednesday", "العملية التي دخلت يومها الخامس".
#: The verbs are ``going_on_verb`` rows of ``cues.csv``, the periods ``going_on_period`` rows.
_GOING_ON = re.compile(
    r"[^.;:]{0,40}?,\s*(?:now\s+in\s+its\s+[\w-]+\s+"
    + cue_alternation("going_on_period", "en")
    + r"|which\s+"
    + cue_alternation("going_on_verb", "en")
    + r"\b)|[^.;:]{0,40}?(?<!\w)(?:الذي|التي)\s+"
    + cue_alternation("going_on_verb", "ar")
    + r"\s+"
    + cue_alternation("going_on_period", "ar")
    + r"(?!\w)"
)


#: Talks nouns whose "on"/"over" opens what they are about ("consultations on the offensive").
#: (``discussion_noun`` rows of ``cues.csv``.)
_DISCUSSION = re.compile(cue_alternation("discussion_noun", "en") + "$")


#: An Arabic talks trigger that is a verb of discussing ("بحث وفدان", "ناقش الرئيسان"): the ``discuss_verb``
#: rows of ``cues.csv``, with an optional و/ف.
_DISCUSS_AR = re.compile(r"[وف]?" + cue_alternation("discuss_verb") + r"(?!\w)")
_DISCUSS_AR_IN_TEXT = re.compile(r"(?<!\w)" + _DISCUSS_AR.pattern)


def talked_about(
    triggers: list[Match[Trigger]], folded: str, clauses: list[tuple[int, int, bool]]
) -> set[int]:
    """Start offsets of the fights and truces that talks earlier in the sentence are about ("closed-door
    consultations on the offensive", "talks over the truce in Idlib", "بحث وفدان ...، التطورات في إدلب،
    والتصعيد الأخير"): each is the talks' subject, not an event. Linear in the triggers (each talks trigger
    looks at most ``_TOPIC_WINDOW`` characters ahead)."""
    ordered = sorted(triggers, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    out: set[int] = set()
    # "بحث وزراء خارجية روسيا وتركيا وإيران، في اجتماع عقدوه في موسكو، المعارك الدائرة في ريف حلب": a verb of
    # discussing that no trigger word covers still makes the first definite action after it its topic
    for verb in _DISCUSS_AR_IN_TEXT.finditer(folded):
        if any(t.start <= verb.start() < t.end for t in ordered if t.value.type == "talks"):
            continue  # a talks trigger ("بحث ... مع") is read below
        for o in ordered[bisect_left(starts, verb.end()) :]:
            if o.start - verb.end() > _TOPIC_WINDOW:
                break
            if o.value.type != "talks":
                if _definite(folded, o):
                    out.add(o.start)
                break
    for k, t in enumerate(ordered):
        if t.value.type != "talks":
            continue
        if _DISCUSS_AR.match(t.term):
            # the first other action after an Arabic verb of discussing, if a definite noun: what was discussed
            for o in islice(ordered, k + 1, None):
                if o.start - t.end > _TOPIC_WINDOW:
                    break
                if o.value.type != "talks":
                    if _definite(folded, o):
                        out.add(o.start)
                    break
        if not _DISCUSSION.search(t.term):
            continue
        clause = next(((a, b) for a, b, _ in clauses if a <= t.start < b), (0, len(folded)))
        for a, b in scope.talks_topic_spans(folded, t, clause, reach=_TALKS_TOPIC_REACH):
            # the subject runs to the next comma ("talks with Putin on the fighting in Idlib, the Kremlin
            # said, five days after ... an air strike" leaves the strike its own)
            stop = min(b, a + _TOPIC_WINDOW)
            for sep in (",", "،"):
                c = folded.find(sep, a, stop)
                stop = c if c != -1 else stop
            for o in ordered[bisect_left(starts, a) : bisect_left(starts, stop)]:
                if o.value.type != "talks":
                    out.add(o.start)
    return out


#: How far after a talks word its "on"/"over" may come: room for who met ("talks with his Russian counterpart
#: Sergei Lavrov on a ceasefire in southern Syria"; 30 characters missed it).
_TALKS_TOPIC_REACH = 50

#: How far after talks their subject may run (characters).
_TOPIC_WINDOW = 300


#: Between a demand and the truce it names, the sides it is addressed to and what they are asked to do ("called
#: on all parties to agree a ceasefire", "دعت جميع الأطراف إلى الاتفاق على وقف"): an appeal, which sets no truce.
_ASKED_TO = re.compile(
    r"\bto\s+(?:agree|reach|conclude|sign|accept|respect|commit|abide|observe|implement|declare|announce)\b"
    r"|(?<!\w)(?:الي|ل)\s*(?:ال)?(?:اتفاق|توصل|التزام|احترام|قبول|اعلان|توقيع)(?!\w)"
)


def _resolved_truce(
    trig: Match[Trigger], triggers: list[Match[Trigger]], actors: list[Match], folded: str = ""
) -> tuple[Match[Trigger], Match[Trigger]] | None:
    """(demand, truce) when an intergovernmental body demands a truce ("the U.N. Security Council
    unanimously demands a 30-day ceasefire", "مجلس الأمن ... القرار 2401 الذي يطالب بوقف إطلاق النار"):
    a resolution that sets a truce, coded as the truce (IGO participant), not as a threat. None when
    ``trig`` is neither part of such a pair, or when the demand asks sides to make the truce (:data:`_ASKED_TO`
    in ``folded``, the sentence: "the UN called on all parties to agree a ceasefire" is an appeal, no truce)."""
    for d in triggers:
        if d.value.type != "ultimatum" or d.value.subtype != "demand":
            continue
        truce = next(
            (t for t in triggers if t.value.type == "ceasefire" and 0 <= t.start - d.end <= 30), None
        )
        if truce is None or trig not in (d, truce):
            continue
        if folded and _ASKED_TO.search(folded, d.end, truce.start):
            continue
        if any(a.value.code.startswith("IGO") and a.end <= d.start and d.start - a.end <= 80 for a in actors):
            return d, truce
    return None


#: Words that set talks as the occasion of what is said in them: "خلال اتصال هاتفي", "أثناء لقائه", "during a
#: phone call", "in a call with", "at a meeting": the demand is made in the talks, it does not ask for them.
_SETTING = re.compile(
    r"(?:(?<!\w)[وف]?(?:خلال|اثناء|في)|\b(?:during|in|at|on))\s+(?:(?:a|an|the|his|her|their|its)\s+)?"
    r"(?:[\w-]+\s+)?$"
)


#: A resolution told as adopted ("Resolution 2139, adopted on ...", "القرار 2401 الذي تبناه المجلس"): the session
#: that adopted it is over, whatever a demand around it asks.
_ADOPTED = re.compile(
    r"\b(?:adopted|passed|approved)\b|(?<!\w)(?:تبناه|تبنته|اعتمده|اعتمدته|اقره|اقرته|اصدره|اصدرته)(?!\w)"
)


def _demanded(
    trig: Match[Trigger],
    threats: list[Match[Trigger]],
    clause: tuple[int, int],
    anchors: Sequence[tuple[int, int]] = (),
    folded: str = "",
) -> bool:
    """Is ``trig`` what a threat or a demand speaks of ("threatened an offensive", "called for a truce")?

    An offensive after a threat or demand anywhere earlier in the sentence is threatened, not fought;
    a truce or talks after a demand in the same clause are demanded, not agreed or held. An event in
    the words of an anchor (``anchors``: "three days after [an air strike killed 33 soldiers]") happened
    before the threat and is its own event.
    """
    span = next(((a, b) for a, b in anchors if a <= trig.start < b), None)
    if span is not None:
        threats = [t for t in threats if t.start >= span[0]]
    etype = trig.value.type
    if etype == "offensive":
        if folded and past_anchor(trig, folded) is not None:
            return (
                False  # "has vowed revenge since the Feb. 27 strike": what the threat answers, told as past
            )
        return any(t.start < trig.start for t in threats)
    if etype == "ceasefire":
        if folded and _MADE_AFTER.match(folded, trig.end):
            return (
                False  # "لتنهي وقفاً لإطلاق النار أعلنه أوجلان في ...": a truce told with its making happened
            )
        return any(clause[0] <= t.start and t.end <= trig.start for t in threats)
    if etype == "talks":
        if folded and _SETTING.search(folded, max(0, trig.start - 30), trig.start):
            return False  # "طلب من بوتين، خلال اتصال هاتفي، أن ...": the call where the demand was made
        if _ADOPTED.search(trig.term):
            return False  # "urged the Council to enforce Resolution 2139, adopted on 22 February": a past session
        return any(
            clause[0] <= t.start and t.end <= trig.start and t.value.subtype == "demand" for t in threats
        )
    return False


#: A truce told with its making right after its word ("a ceasefire declared by Ocalan in March 2013", "the truce
#: agreed in February", "وقفاً لإطلاق النار أعلنه أوجلان", "الهدنة التي أعلنتها روسيا"): a past happening, even after a
#: demand ("called for a return to the ceasefire declared ..."), not the truce demanded.
_MADE_AFTER = re.compile(
    r"\s+(?:(?:that|which)\s+(?:was|were|had\s+been)\s+|(?:الذي|التي)\s+(?:كان\s+|كانت\s+|قد\s+)?)?"
    r"(?:declared|announced|agreed|signed|brokered|reached|(?:[وف]?(?:اعلن|اعلنت|اعلنه|اعلنها|اعلنته|اعلنوه|ابرم|ابرمت|ابرمه"
    r"|ابرمته|وقع|وقعت|وقعه|وقعته|توصل|توصلت)))(?!\w)"
)


#: The words that make an attack named after a threat the past happening the threat answers: "since",
#: "after", "following", "in retaliation/response/revenge for" and the Arabic منذ، بعد، عقب، إثر، رداً على،
#: انتقاماً لـ, then a definite noun phrase of up to four words ending right before the attack word ("since
#: the deadly Feb. 27 air strike", "last week's", "منذ الغارات", "رداً على القصف"). An attack threatened "after
#: the deadline" names no attack word there, so it stays threatened. Someone a relative clause tells was killed
#: or wounded in the attack ("to avenge Mohsen, who was killed in an Israeli strike near Quneitra", "الذي قتل في
#: غارة إسرائيلية", "بالرد على مقتل عناصره في الغارة") makes it a happening the threat answers, too.
_PAST_ANCHOR = re.compile(
    r"(?:\b(?:since|after|following|(?:in\s+)?(?:retaliation|response|revenge)\s+(?:for|to)|avenge)\s+"
    r"(?:the|its|their|his|last\s+\w+'s|\w+day's|this\s+\w+'s)\s+(?:[\w.,'-]+\s+){0,4}"
    r"|(?<!\w)(?:[وف]?(?:منذ|بعد|عقب|اثر|اثار)|ردا\s+علي|انتقاما\s+(?:من|ل))\s+(?:ال)?"
    r"|\b(?:who|that)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:killed|wounded|injured|slain)\s+"
    r"(?:in|by)\s+(?:an?|the)\s+(?:[\w.'-]+\s+){0,3}"
    r"|(?<!\w)(?:(?:الذي|الذين|التي|اللذين)\s+(?:قتل|قتلوا|قتلا|استشهد|استشهدوا|اصيب|اصيبوا|قضي|قضوا|لقي\s+حتفه|لقوا\s+حتفهم)"
    r"|ل?مقتل(?:\s+[^\s]+){0,3})\s+(?:في|جراء|اثر|بسبب)\s+(?:ال)?)$"
)


def past_anchor(trig: Match[Trigger], folded: str) -> int | None:
    """Where the words that tell an attack as past begin (:data:`_PAST_ANCHOR`: "since the Feb. 27 strike",
    "منذ الغارة"), as an offset into ``folded``; None when the attack word has none before it."""
    found = _PAST_ANCHOR.search(folded, max(0, trig.start - 60), trig.start)
    return None if found is None else found.start()


def _in_span(m: Match, start: int, end: int) -> bool:
    return start <= m.start < end


def _definite(folded: str, m: Match) -> bool:
    """Is the trigger word written with the article (المباحثات, "the talks")?"""
    word_start = m.start
    while word_start > 0 and folded[word_start - 1].isalnum():
        word_start -= 1
    prefix = folded[word_start : m.start]
    if prefix.endswith("ال") or m.term.startswith("ال"):
        return True
    return folded[max(0, m.start - 4) : m.start] == "the "
