"""Sentence and clause boundaries, computed on the original text so offsets stay true.

Size cap: a sentence longer than :data:`MAX_SENTENCE_CHARS` characters (no full stop in a whole
page: a list, a table flattened to text, a hostile input) is cut into pieces of at most that size, at
the last clause mark (comma, Arabic comma, semicolon) or else the last space before the limit. Every
later step (dates, triggers, figures, places) works on one sentence at a time, so the cap keeps the
work per character bounded whatever the input; :func:`oversized_sentences` lets the pipeline report
the cut. No sentence of the shared corpus (9,606 articles; the longest has 2,271 characters) is cut.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

#: Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "lt",
    "col",
    "maj",
    "capt",
    "sgt",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "co",
    "jr",
}
#: After an initialism ("U.N."), the start of a new sentence: a capitalised word that does not go on naming
#: something of that country or body ("U.N. Security Council", "U.S. Secretary of State", "U.S. officials"), then
#: a word in lower case ("Ankara has", "Turkey said").
_NEW_SENTENCE = re.compile(
    r"\s+(?!(?:Security|Secretary|Special|Secretary-General|General|Central|State|Defense|Defence|Treasury|Army|Navy"
    r"|Air|Marine|Marines|Embassy|Ambassador|Envoy|President|Vice|Senate|Senator|Congress|House|Department"
    r"|Forces|Command|Mission|High|Human|Office|Children|Refugee|Agency|Food|World|Coalition|Commission)\b)"
    r"[A-Z][a-z]+\s+[a-z]"
)
_END = re.compile(r"[.!?؟]+[\"'”»)]*(?=\s)|\n+")
#: The longest sentence (characters) the extractor reads in one piece; see the module docstring.
MAX_SENTENCE_CHARS = 3000
_LAST_WORD = 64  # characters looked back for the word before a full stop (longer words are no abbreviation)
_CUT_MARK = re.compile(r"[,،;؛]\s")
_CUT_SPACE = re.compile(r"\s")


def split_sentences(text: str, max_chars: int | None = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of ``text`` (paragraph breaks always end one).

    A sentence over ``max_chars`` characters comes as several spans of at most ``max_chars`` (None: no
    cap). Linear in ``len(text)``.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == ".":
            word = re.search(r"(\w+)\.*$", text[max(start, m.start() + 1 - _LAST_WORD) : m.start() + 1])
            w = word.group(1) if word else ""
            # U.S., U.N., initials and abbreviations do not end a sentence, unless a new sentence plainly starts
            # after an initialism ("... according to the U.N. Ankara has given Damascus until ...")
            initialism = re.search(r"\b\w\.\w$", text[max(0, m.start() - 3) : m.start()])
            if initialism and _NEW_SENTENCE.match(text, m.end()):
                pass
            elif (len(w) == 1 and w.isalpha()) or w.lower() in _ABBREV or initialism:
                continue
        end = m.end()
        _push(text, start, end, spans)
        start = end
    _push(text, start, len(text), spans)
    if max_chars is None or all(b - a <= max_chars for a, b in spans):
        return spans
    return [piece for a, b in spans for piece in _cut(text, a, b, max_chars)]


def _cut(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """``text[start:end]`` in pieces of at most ``max_chars``, cut after a clause mark or at a space."""
    pieces: list[tuple[int, int]] = []
    while end - start > max_chars:
        limit = start + max_chars
        window = text[start + max_chars // 2 : limit]  # cut in the second half: pieces stay large
        cut = None
        for pattern in (_CUT_MARK, _CUT_SPACE):
            last = None
            for last in pattern.finditer(window):  # noqa: B007 - the last match is the one wanted
                pass
            if last is not None:
                cut = start + max_chars // 2 + last.end()
                break
        cut = cut or limit
        _push(text, start, cut, pieces)
        start = cut
    _push(text, start, end, pieces)
    return pieces


def oversized_sentences(text: str, max_chars: int = MAX_SENTENCE_CHARS) -> list[int]:
    """Lengths (characters) of the sentences of ``text`` over ``max_chars``, which are read in pieces."""
    if len(text) <= max_chars:
        return []
    return [b - a for a, b in split_sentences(text, None) if b - a > max_chars]


#: How the note on an article with over-long sentences starts (a note: its events are still extracted).
LONG_SENTENCE_NOTE = "long sentences"


def long_sentence_note(text: str) -> str | None:
    """The reason to report for an article whose sentences were cut (see the module docstring), or None."""
    lengths = oversized_sentences(text)
    if not lengths:
        return None
    return (
        f"{LONG_SENTENCE_NOTE}: {len(lengths)} over the {MAX_SENTENCE_CHARS:,}-character limit (the longest "
        f"{max(lengths):,}) were read in pieces; events spanning a cut may be missed"
    )


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def clause_pattern(markers: list[tuple[str, bool]]) -> re.Pattern[str]:
    """A regex matching clause markers in folded text; group ``new`` is set for a new-time marker.

    A marker written with a leading comma (", while", "، حيث") needs the comma; others only need
    word boundaries. A semicolon always ends a clause.
    """

    def one(marker: str) -> str:
        if marker.startswith(","):
            return r",\s*" + re.escape(marker[1:].strip())
        return r"(?<![\w])" + re.escape(marker)

    new = [one(m) for m, is_new in sorted(markers, key=lambda x: -len(x[0])) if is_new]
    plain = [one(m) for m, is_new in sorted(markers, key=lambda x: -len(x[0])) if not is_new]
    parts = []
    if new:
        parts.append("(?P<new>" + "|".join(new) + ")")
    if plain:
        parts.append("(?:" + "|".join(plain) + ")")
    body = "|".join(parts) or "(?!x)x"
    return re.compile(r"(?:" + body + r")(?![\w])|;")


#: How far after a coordinated name its own action may come ("، وأنقرة ترد بقصف"): about four words.
_SUBJECT_REACH = 30
#: "، وسيطرت", ", and seized": a coordinated clause, a boundary only when it holds an event word or a date.
COORDINATION = re.compile(r"[،,]\s*(?:و(?=\w{3})|ثم\s|and\s|then\s)")


#: What joins an English clause that opens with its own subject: ", Russian jets struck", "and rebels shelled",
#: ", as Russian warplanes pounded", "while the army ...", ", Turkish-backed rebels captured", ", Turkish-backed
#: Syrian fighters stormed" (a modifier and one more word before the head; text before the subject, folded,
#: at its end).
_SUBJECT_JOIN = re.compile(
    r"(?:,\s*(?:(?:and|as|while|whereas|but)\s+)?|\b(?:and|as|while|whereas|but)\s+)(?:the\s+)?"
    r"(?:(?:[\w]+-(?:backed|led|allied)|pro-[\w-]+)\s+(?:[a-z]+\s+)?)?$"
)
#: "as well as", "such as": a comparison or a list, not a join.
_NOT_JOIN = re.compile(r"\b(?:well|such|same|so)\s+as\s+(?:the\s+)?$")
#: Subjects that name no side but open a clause all the same ("and the army said it had entered", "and the
#: factions shelled"): English heads of armed groups and their weapons.
_GENERIC_SUBJECT = re.compile(
    r"\b(?:army|military|troops|forces|factions|rebels|fighters|militants|jihadists|insurgents|militias|"
    r"gunmen|warplanes|jets|aircraft|helicopters|drones|artillery)\b"
)
#: At most this many words between a clause's subject and its verb ("Russian jets struck": the subject
#: "Russian" then "jets"); "the army said it had entered" counts "said it had".
_SUBJECT_GAP_WORDS = 3


def subject_clauses(
    folded: str, subjects: tuple[tuple[int, int], ...], anchors: tuple[int, ...]
) -> list[int]:
    """Offsets where an English clause with a subject and an action of its own begins.

    ``subjects`` are (start, end) offsets of actor mentions, ``anchors`` the offsets of event words that name an
    action. A subject "acts" when an action word follows it within :data:`_SUBJECT_GAP_WORDS` words, with no
    comma or hyphen between ("Russian jets struck", not "UN-sponsored deal"). A boundary is the join before an
    acting subject (see :data:`_SUBJECT_JOIN`) when an acting subject comes earlier in the sentence too:
    "forces captured Kafranbel on Tuesday, Russian jets struck villages in Jabal al-Zawiya and rebels shelled
    Suqaylabiyah" is three clauses, each with its own side and place. "Russia and Turkey struck a deal",
    "after a two-day siege, the army entered" and "local notables and Russian officers met" are one (nothing
    acted before the join). Besides actor mentions, the heads in :data:`_GENERIC_SUBJECT` ("the army", "the
    factions") are subjects. Arabic coordination is read by :data:`COORDINATION` (the verb comes first there).
    """
    if not anchors:
        return []
    ordered = sorted(anchors)
    generic = [m.span() for m in _GENERIC_SUBJECT.finditer(folded)]
    acting: list[tuple[int, int]] = []  # (subject start, its action word's offset)
    for s, e in sorted({*subjects, *generic}):
        if not folded[s:e].isascii() or not folded[e : e + 1].isspace():
            continue
        j = bisect_left(ordered, e)
        if j < len(ordered):
            gap = folded[e : ordered[j]]
            if not re.search(r"[,;]", gap) and _words(gap) <= _SUBJECT_GAP_WORDS:
                acting.append((s, ordered[j]))
    out = []
    for s, _ in acting:
        head = folded[max(0, s - 24) : s]
        join = _SUBJECT_JOIN.search(head)
        if join is None or _NOT_JOIN.search(head):
            continue
        pos = s - len(head) + join.start()
        if any(action < pos for _, action in acting):
            out.append(pos)
    return out


#: "and" before an action word that shares the subject of the action before it: "shelled Saraqib on Monday and
#: then stormed Sarmin on Wednesday" (the words allowed between: "then", "later", "also", "finally").
_AND_ACTION = re.compile(r"\band\s+(?:(?:then|later|also|finally|subsequently)\s+)?$")


def dated_action_clauses(folded: str, actions: tuple[int, ...], days: tuple[int, ...]) -> list[int]:
    """Offsets where an English clause with an action of its own and a day of its own begins after "and" with no
    subject (:data:`_AND_ACTION`): "forces shelled Saraqib on Monday and then stormed Sarmin on Wednesday" is two
    clauses, each dated by its own day. ``actions`` are the offsets of event words that name an action, ``days``
    the offsets of the dates of the sentence. Only when a day stands between the action before and the "and",
    and another after the action that follows it (before the next action): "attacked and captured the town on
    Monday" stays one clause, both verbs of that Monday."""
    out = []
    ordered = sorted(actions)
    for i, a in enumerate(ordered):
        if i == 0 or not folded[a : a + 1].isascii():
            continue
        join = _AND_ACTION.search(folded, max(0, a - 40), a)
        if join is None:
            continue
        before, nxt = ordered[i - 1], ordered[i + 1] if i + 1 < len(ordered) else len(folded)
        if re.search(r"[,;]", folded[before : join.start()]):
            continue  # a comma before the "and" is the coordination's own boundary (:data:`COORDINATION`)
        if any(before < d < join.start() for d in days) and any(a < d < nxt for d in days):
            out.append(join.start())
    return out


#: An Arabic past verb with the conjunction as its proclitic right before its subject, no comma: "وردّت الطائرات
#: الروسية" (a feminine or plural verb: -ت not of a plural noun's -ات, or -وا), "ورد الجيش السوري ليلاً بقصف" (a
#: masculine verb of striking whose verbal noun is spelt otherwise, so "و" + the word is no noun: استهدف/استهداف,
#: هاجم/هجوم; and رد, a verb when a subject follows it).
_AR_VERB_BEFORE_SUBJECT = re.compile(
    r"(?<!\w)[وف](?:\w*[^\Wا]ت|\w+وا|رد|استهدف|هاجم|نفذ|اطلق|اقتحم|سيطر)\s+$"
)


#: An Arabic clause joined by a bare "و" and opened by a verb of fighting or of an attack befalling a place, its
#: subject an event noun or a weapon rather than a side: "شن الطيران الحربي غارات على دوما ودارت اشتباكات عنيفة على
#: أطراف زملكا", "... وشنّ الطيران الحربي غارات على طريق الكاستيلو".
_AR_EVENT_VERB = re.compile(
    r"(?<=\s)و(?:دارت|اندلعت|جرت|وقعت|سقطت|تجددت|شن|شنت|نفذ|نفذت|القت|القي|تعرضت|تعرض)(?=\s)"
)


def arabic_event_clauses(folded: str, anchors: tuple[int, ...]) -> list[int]:
    """Offsets where an Arabic clause opens with "و" and a verb of :data:`_AR_EVENT_VERB` that an event word
    follows within a few words, after an event word earlier in the sentence: the second happening of "شن الطيران
    غارات على دوما ودارت اشتباكات على أطراف زملكا". ``anchors`` are the offsets of event words that name an action."""
    out = []
    for m in _AR_EVENT_VERB.finditer(folded):
        if any(a < m.start() for a in anchors) and any(m.start() <= a <= m.end() + 40 for a in anchors):
            out.append(m.start())
    return out


def arabic_verb_clauses(
    folded: str, subjects: tuple[tuple[int, int], ...], anchors: tuple[int, ...]
) -> list[int]:
    """Offsets where an Arabic clause opens with a verb, its own subject and an action: "فيما سقطت عشرات القذائف
    على حيي حلب الجديدة والحمدانية وردّت الطائرات الروسية بغارات على كفرناها" is two clauses (the shelling and the
    strike back), though no comma comes before the "و". ``subjects`` are (start, end) offsets of actor mentions,
    ``anchors`` the offsets of event words that name an action; the clause must hold one after its subject,
    before the next comma, or be one itself (its verb), and one must come before it in the sentence."""
    if not anchors:
        return []
    out = []
    for s, e in subjects:
        if folded[s:e].isascii():
            continue
        verb = _AR_VERB_BEFORE_SUBJECT.search(folded, max(0, s - 16), s)
        if verb is None:
            continue
        comma = re.search(r"[,;.]", folded[e:])
        stop = e + comma.start() if comma else len(folded)
        # the action after the subject ("وردّت الطائرات بغارات"), or the verb itself ("واستهدف الجيش التركي")
        if any(e <= a < stop or verb.start() <= a < s for a in anchors) and any(
            a < verb.start() for a in anchors
        ):
            out.append(verb.start())
    return out


def split_clauses(
    folded: str,
    pattern: re.Pattern[str],
    anchors: tuple[int, ...] = (),
    joins: tuple[int, ...] = (),
    names: frozenset[int] = frozenset(),
) -> list[tuple[int, int, bool]]:
    """(start, end, starts_new_time) for each clause of a folded sentence.

    A clause of fewer than two words (", كما" before "سبق أن") is joined to the next one. With
    ``anchors`` (offsets of event words that name an action), a comma + "و"/"and" also starts a clause when the
    stretch up to the next boundary holds an anchor: "قصفت ... بلدة معرشمشة، وسيطرت يوم الثلاثاء على
    كفروما" is two clauses, "بلدات كفرنبل، وحاس" stays one. ``joins`` are more clause starts (an English clause
    that opens with its own subject and verb: :func:`subject_clauses`). ``names`` are offsets where actor names
    start: a comma + "و" right before a name goes on with a list of names ("بحث وزراء خارجية روسيا، وتركيا،
    وإيران، في اجتماع ..."), not a clause.
    """
    found = [(m.start(), bool(m.groupdict().get("new"))) for m in pattern.finditer(folded)]
    found += [(p, False) for p in joins]
    if anchors:
        hard = sorted(p for p, _ in found)
        for m in COORDINATION.finditer(folded):
            if any(p in names for p in range(m.end() - 1, m.end() + 3)):
                # "، وتركيا،": one more name of a list ("وال" is a proclitic of the name's word), unless the
                # name is the subject of an action of its own before the list goes on ("، وأنقرة ترد بقصف")
                comma = folded.find(",", m.end())
                list_end = min(comma if comma != -1 else len(folded), m.end() + _SUBJECT_REACH)
                if not any(m.end() <= a < list_end for a in anchors):
                    continue
            nxt = next((p for p in hard if p > m.start()), len(folded))
            nxt_soft = COORDINATION.search(folded, m.end())
            stop = min(nxt, nxt_soft.start() if nxt_soft else len(folded))
            # an event word that takes the conjunction as its proclitic ("، وسقطت ثلاثة صواريخ") opens the clause
            if any(m.end() - 1 <= a < stop for a in anchors):
                found.append((m.start(), False))
    if anchors:
        # a new-time marker that opens no action of its own ("shelled Kafranbel earlier this month") dates
        # the clause it ends, so it cuts nothing
        marks = sorted({p for p, _ in found})
        ordered = sorted(anchors)
        kept = []
        for pos, new in found:
            if new:  # the first action after the marker must come before the next marker
                i = bisect_right(marks, pos)
                stop = marks[i] if i < len(marks) else len(folded)
                j = bisect_left(ordered, pos)
                if not (j < len(ordered) and ordered[j] < stop):
                    continue
            kept.append((pos, new))
        found = kept
    cuts: list[tuple[int, bool]] = [(0, False)]
    for pos, new in sorted(set(found)):
        if pos > cuts[-1][0]:
            cuts.append((pos, new))
    merged: list[tuple[int, bool]] = []
    for i, (pos, new) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(folded)
        if merged and _words(folded[merged[-1][0] : pos]) < 2:
            merged[-1] = (merged[-1][0], merged[-1][1] or new)
            continue
        merged.append((pos, new))
        del end
    out = []
    for i, (pos, new) in enumerate(merged):
        end = merged[i + 1][0] if i + 1 < len(merged) else len(folded)
        out.append((pos, end, new))
    return out


def _words(s: str) -> int:
    return len(re.findall(r"\w{2,}", s))
