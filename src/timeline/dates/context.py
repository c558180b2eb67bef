"""What the words around a date say about it: a future verb, a record or a state it measures."""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.dates.expr import SUPERLATIVES, DateExpr

_CL = r"(?:و|ف)?"
#: Future verbs and markers ("as planned" looks back: "the truce began as planned on September 12"). Arabic: سـ + an imperfect verb of the news (سيصل, ستعقد, سيلتقي ...) or its dual
#: (سيلتقيان, ستتخذان), listed by stem so that nouns starting with س (سيطرة, سياسة, سيرغي) do not count.
_FUTURE = re.compile(
    rf"(?<!\w)(?:{_CL}س[يتن](?:صل|صلون|زور|زورون|لتقي|لتقون|جتمع|جتمعون|عقد|نعقد|بدا|بدء|نطلق|توجه|توجهون|تم|جري"
    r"|شارك|شاركون|وقع|وقعون|علن|قوم|دخل|عود|ستانف|ناقش|بحث|بحثون|حضر|حضرون|ستضيف|ستقبل|غادر|سافر|كون|صدر"
    r"|طرح|قدم|تقدم|طلق|نفذ|باشر|شن|عقدون|لقي|تواصل|ستمر|نتهي|حل|قام|نظم|ترس|فتتح|صوت|تخذ|عيد)(?:ان)?"
    r"|(?<!\w)[وف]?(?:[يت]لتقي|[يت]جتمع|[يت]نعقد|[يت]صل|[يت]زور)(?:ان)?(?=\s)"
    r"|(?<!\bto\s)(?:gathers?|meets?|convenes?|arrives?)(?=\s)"
    r"|سوف|من\s+المقرر|من\s+المنتظر|من\s+المتوقع|المرتقب|المرتقبه|يعتزم|تعتزم|ينوي|تنوي"
    r"|علي\s+ان\s+(?:يدخل|تدخل|يبدا|تبدا)|علي\s+(?:عقد|اجراء)(?=\s)"
    r"|will|shall|'ll|is\s+to|are\s+to|is\s+due|are\s+due|(?<!as\s)scheduled|is\s+set\s+to|are\s+set\s+to|plans?\s+to"
    r"|(?<!as\s)planned|expected\s+to|upcoming|to\s+be\s+held|(?:agree[ds]?|agreeing|decide[ds]?|deciding)\s+(?:[^.;,]{0,60}?\s)?to\s+(?:hold|convene)|(?<!failed\s)to\s+hold\s+(?:a|an|another|new|further)"
    r"|(?<!supposed\s)(?<!meant\s)(?<!was\s)(?<!were\s)to\s+(?:take|go\s+into|come\s+into)\s+(?:effect|force))(?!\w)"
)
#: The Arabic present verbs of meeting among the future markers (a schedule: "يلتقي لافروف نظيره ... يوم الأحد"), and
#: the "كان" that turns them into the past.
_PRESENT_MEETING_AR = re.compile(r"[وف]?[يت](?:لتقي|جتمع|نعقد|صل|زور)(?:ان)?")
_WAS_AR = re.compile(r"(?<!\w)[وف]?كان(?:ت|وا)?(?!\w)")
#: Where the clause of a date starts, looking back: punctuation or a speech verb ("من المقرر أن"
#: keeps its future across "أن"); where it ends, looking forward: also "that"/"إن".
_CLAUSE_START = re.compile(
    r"[.;:!?,]|(?<!\w)(?:said|says|told|قال|قالت|اكد|اكدت|اعلن|اعلنت|اضاف|واضاف|صرح)(?!\w)"
)
_CLAUSE_END = re.compile(
    r"[.;:!?,]|(?<!\w)(?:ان|انه|انها|that|said|says|told|قال|قالت|اكد|اكدت|اعلن|اعلنت|اضاف|واضاف|صرح)(?!\w)"
)
_PAST_EN = re.compile(r"(?<!\w)(?:\w{3,}ed|began|took|said|met|held|was|were|had)(?!\w)")
_LEAD_IN = re.compile(r"^\s*(?:on|في|يوم|و)?\s*$")
_REACH = 100
#: Words before a "since" date that make it measure a record: "for the first time since", "the deadliest since".
#: "the first time" in both languages (folded Arabic), shared with the record-yardstick rule of
#: :mod:`timeline.extract.not_event`.
FIRST_TIME = r"(?:first\s+time|لاول\s+مره|(?:لل|ال)مره\s+الاولي)"
_RECORD = re.compile(
    r"(?<!\w)(?:" + FIRST_TIME + r"|the\s+first\s+(?!of\b|day\b)[\w-]+|never|in\s+years|"
    r"(?:ال)?اول[يى]?\s+(?:زياره|لقاء|اجتماع|هجوم|غاره|قصف|ضربه|مره)|"
    + SUPERLATIVES
    + r"|الاولي\s+من\s+نوعها|الاول\s+من\s+نوعه)(?!\w)"
)
#: Words that make it measure a state: "under opposition control since", "in rebel hands since", "besieged
#: since", "الخاضعة لسيطرة المعارضة منذ", "بيد الفصائل منذ".
_STATE = re.compile(
    r"(?<![\w-])(?:under\s+(?:\S+\s+){0,2}control|controlled|in\s+control|held\s+by|in\s+(?:\S+\s+){0,2}hands"
    r"|(?:rebel|opposition|regime|government)-held|under\s+siege|besieged|(?:في\s+)?(?:يد|بيد|ايدي|بايدي)\s+\S+"
    r"|(?:الخاضعه|خاضعه|تحت)\s+(?:ل)?سيطره|[يت]سيطر|[يت]سيطرون|سيطرت)(?!\w)"
)
#: An attack named before the state words: the date dates the attacks ("strikes on areas under rebel
#: control since last December"), not the control.
_ATTACK = re.compile(
    r"(?<!\w)(?:ال|وال|بال|و|ب)?(?:attack|strike|shell|bomb|raid|offensive|assault|clash|fight|airstrike|غارات|غاره|قصف|هجوم|هجمات"
    r"|اشتباكات|معارك|استهداف)\w*"
)


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - _REACH) : start]
    cut = 0
    for m in _CLAUSE_START.finditer(window):
        cut = m.end()
    return window[cut:]


def _clause_after(text: str, end: int) -> str:
    window = text[end : end + _REACH].lstrip(" ,")
    m = _CLAUSE_END.search(window)
    return window[: m.start()] if m else window


def tense_hint(text: str, expr: DateExpr) -> str | None:
    """``"future"`` when a future verb governs the date in its clause ("سيصل وفد ... السبت",
    "will meet on Thursday", "On Thursday, the delegation will ..."), else None."""
    before = _clause_before(text, expr.start)
    markers = list(_FUTURE.finditer(before))
    if markers:
        last = markers[-1]
        # "وكان لافروف يلتقي نظيره ... يوم الأحد": a present verb of meeting after كان tells a past habit or scene
        if _PRESENT_MEETING_AR.fullmatch(last.group(0)) and _WAS_AR.search(before, 0, last.start()):
            return None
        # "NOBODY WILL LEAVE Moscow declared a pause on Oct. 18": a past verb after it takes the date
        return None if _PAST_EN.search(before, last.end()) else "future"
    if (
        _LEAD_IN.match(before)
        and not _SAID_BEFORE.search(text, max(0, expr.start - 40), expr.start)
        and _FUTURE.search(_clause_after(text, expr.end))
    ):
        return "future"
    return None


#: A verb of saying right before the date ("said on Thursday the attack will not deter", "قال يوم الخميس إن ...
#: ستواصل"): the day the statement was made, in the past, whatever future the statement tells.
_SAID_BEFORE = re.compile(
    r"(?:\b(?:said|says|told\s+[\w-]+|announced|stated|added|warned)"
    r"|(?<!\w)[وف]?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|اضاف|اضافت|صرح|صرحت)(?:\s+[^\s،,]+){0,3}?)\s+(?:on\s+|في\s+|يوم\s+)?$"
)


#: "since" and up to three words naming a happening before a date ("since the battle of", "منذ معركة عام").
_SINCE_HAPPENING = re.compile(r"(?:\bsince|(?<!\w)منذ)\s+(?:[^\s.,;،]+\s+){1,3}$")


def is_qualifier(text: str, expr: DateExpr) -> bool:
    """Does a "since" date measure a record or a state ("for the first time since 2012", "under
    opposition control since October 2012", "الخاضعة لسيطرة المعارضة منذ عام 2012")?

    Record words count anywhere in the sentence before the date; state words only in the date's own
    comma-delimited segment and with no attack named before them in it.
    """
    window = text[max(0, expr.start - _REACH) : expr.start]
    window = re.split(r"[.;!?]", window)[-1]
    if not expr.since:
        # "the first time ... since the battle of 2012", "لأول مرة منذ معركة عام 2012": the year of the happening a
        # record is measured from (a day keeps its happening: "the most serious since the March 18 roadside bomb")
        if expr.precision != "year":
            return False
        since = _SINCE_HAPPENING.search(window)
        return since is not None and _RECORD.search(window, 0, since.start()) is not None
    if _RECORD.search(window):
        return True
    segment = window.split(",")[-1]
    state = _STATE.search(segment)
    return state is not None and not _ATTACK.search(segment, 0, state.start())


#: "اتفاقية فصل القوات لعام 1974", "القرار 2254 لسنة 2015": a year after لعام/لسنة names a document or a period ("of
#: the year 1974"); it dates no event of its clause.
_OF_YEAR = re.compile(r"(?<!\w)ل(?:عام|سنه|سنة)\s*$")


def apply_context(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """Set :attr:`DateExpr.tense` from future verbs and :attr:`DateExpr.qualifier` from record and
    state words; resolve an event anchor whose own words carry a date ("a week after 5 March")."""
    out: list[DateExpr] = []
    for e in found:
        if is_qualifier(text, e) or (
            e.precision == "year" and _OF_YEAR.search(text, max(0, e.start - 8), e.start)
        ):
            e = replace(e, qualifier=True)
        if e.tense is None and e.future_start is not None and tense_hint(text, e) == "future":
            e = replace(e, date_start=e.future_start, date_end=None, tense="future")
        out.append(e)
    for i, e in enumerate(out):
        if e.anchor == "event" and not e.resolved:
            inner = next(
                (
                    d
                    for d in out
                    if d is not e
                    and e.anchor_start <= d.start < e.anchor_end
                    and d.anchor is None
                    # "a day after Erdogan gave the regime until the end of February": a deadline is
                    # not when the anchor happened
                    and not d.until
                    # "... killed near Saraqib, the deadliest attack in years": a record measures, it dates nothing
                    and not d.qualifier
                ),
                None,
            )
            if inner is not None:
                out[i] = e.resolve(inner.date_start)
    return out
