"""Dates relative to the publication date, to the last date given, or to another event of the sentence."""

from __future__ import annotations

import re
from datetime import date, timedelta

from timeline.dates.expr import SUPERLATIVES, DateExpr
from timeline.dates.find import _EARLY, _LATE, _MID, Add, part_of_month, part_of_year
from timeline.dates.patterns import NEXT_WORDS, PAST_WORDS, WEEKDAYS_AR, WEEKDAYS_EN, Patterns

#: Where the words of an anchor event end: a clause boundary.
_ANCHOR_END = re.compile(r"[,.;:!?]|\s(?:و?(?:قال|اعلن|اكد)|said|announced)(?!\w)")
_ANCHOR_REACH = 120
#: An appositive the anchor's words go on after: "a week after eight Turks, including three civilians, were
#: killed", "بعد أسبوع من مقتل ثمانية أتراك، بينهم ثلاثة مدنيين، بقصف مماثل".
_APPOSITIVE = re.compile(
    r"[,،]\s*(?:[وف]?(?:بينهم|بينهن|بينها|منهم|معظمهم|غالبيتهم|اغلبهم|من\s+بينهم)|including|among\s+them"
    r"|among\s+whom|most\s+of\s+them|all\s+of\s+them|mostly)(?!\w)[^,،.;:!?]{0,60}[,،]"
    # "three days after the US, Russian and Turkish chiefs of staff met", "بعد يومين من اجتماع رؤساء أركان أمريكا،
    # روسيا وتركيا": a list's comma, one or two words before its "and"
    r"|[,،]\s*[^\s,،.;:!?]+(?:\s+[^\s,،.;:!?]+)?\s+(?:and\s|or\s|و(?=\w))"
    # "a day after rebels, using what activists said was a shoulder-fired missile, downed ...", "، مدعومة بـ ...،":
    # a participle phrase set off by commas
    r"|[,،]\s*(?:using|backed\s+by|supported\s+by|aided\s+by|armed\s+with|[وف]?(?:مستخدما|مستخدمه|مستخدمين"
    r"|مدعوما|مدعومه|مدعومين|بدعم|بمساندة|بمسانده|باستخدام))(?!\w)[^,،.;:!?]{0,70}[,،]"
    # "... a five-day pause in Turkey's offensive, which Erdogan agreed with Pence last Thursday", "، التي ...":
    # a relative clause still names the anchor event
    r"|[,،]\s*(?:which|who|whose|(?:ال)?(?:التي|الذي|الذين|اللذين|اللتين))(?!\w)[^,،.;:!?]*"
    # "a similar agreement for south-west Syria, reached by Trump and Putin during their meeting in Hamburg", "اتفاق
    # مماثل في جنوب غربي سوريا، توصل إليه الرئيسان خلال لقائهما": a participle or a relative clause with no pronoun
    # tells how the anchor's deal was made, still its words
    r"|[,،]\s*(?:reached|agreed|signed|brokered|struck|negotiated|mediated)\s+(?:by|between|in|at|during)\b[^,،.;:!?]*"
    r"|[,،]\s*(?:(?:توصل|توصلت|توصلا|توصلوا)\s+(?:اليه|اليها)|(?:وقعه|وقعها|وقعاه|ابرمه|ابرمها|ابرماه|رعاه|رعته|رعتها"
    r"|رعاها|اعلنه|اعلنها|اعلناه))(?!\w)[^,،.;:!?]*"
    # "..., the deadliest single attack on Turkish forces in years", "، وهو الهجوم الأعنف منذ ...": the anchor
    # event named again by a superlative
    r"|[,،]\s*(?:the|in\s+the|[وف]?(?:هو|هي|في))\s+(?:[^\s,،]+\s+){0,2}?(?:"
    + SUPERLATIVES
    + r")(?!\w)[^,،.;:!?]*"
)


def _unit_days(unit: str) -> tuple[int, str]:
    """(days in one unit, precision) of day/week/month/year words, Arabic or English."""
    if unit.startswith(("اسبوع", "اسابيع", "week")):
        return 7, "week"
    if unit.startswith(("شهر", "اشهر", "شهور", "month")):
        return 30, "month"
    if unit.startswith(("عام", "اعوام", "سنه", "سنتين", "سنوات", "year")):
        return 365, "year"
    if unit.startswith(("ساع", "hour", "دقيق", "دقايق", "minute")):
        return 0, "day"
    return 1, "day"


def _count(p: Patterns, raw: str | None, unit: str) -> int | None:
    """How many units: a number, a number word, a dual (يومين), or None for a vague plural ("days")."""
    if raw:
        raw = raw.strip()
        if raw.isdigit():
            return int(raw)
        if raw in {"a", "an", "one"}:
            return 1
        if raw in {"a few", "few", "several"}:
            return None
        return p.numbers.value(raw)
    if unit.endswith(("ين", "تين")) and not unit.startswith(("ساع", "دقيق")):
        return 2  # dual: يومين, اسبوعين, شهرين, عامين, سنتين
    if unit.endswith("s") or unit in {"ايام", "اسابيع", "اشهر", "شهور", "اعوام", "سنوات", "ساعات"}:
        return None
    return 1


def _window(n: int | None, per: int) -> tuple[int, int | None]:
    """Offset (in days) and the end of its window: an exact count, or "days"/"weeks" (1 to 7 units)."""
    if n is None:
        # "hours after", "بعد ساعات": the same day (hours are counted as no day)
        return (max(per, 1), max(per, 1) * 7) if per else (0, None)
    return n * per, None


def _anchor_span(text: str, start: int) -> tuple[int, int]:
    """The words of the event an offset is anchored on: up to the next clause break or verb of saying,
    past an appositive (:data:`_APPOSITIVE`)."""
    pos, limit = start, start + _ANCHOR_REACH
    while (m := _ANCHOR_END.search(text, pos, limit)) is not None:
        apposition = _APPOSITIVE.match(text, m.start())
        end = apposition.end() if apposition is not None else _named_apposition(text, m)
        if end is None:
            return start, m.start()
        pos = end
        limit = max(limit, pos + 40)
    return start, min(len(text), limit)


#: The longest name set off by commas inside an anchor ("بعد يوم من إمهال الرئيس التركي، رجب طيب أردوغان، قوات
#: النظام", "a day after Turkey's president, Recep Tayyip Erdogan, gave the regime").
_NAME_WORDS = 4
#: Words that open a clause, not a name: "..., and Turkey ...", "، وذلك ...".
_CLAUSE_OPENERS = frozenset(
    {"and", "but", "while", "as", "و", "وذلك", "وهو", "وهي", "وقد", "ولكن", "لكن", "فيما", "بينما"}
)


def _named_apposition(text: str, brk: re.Match[str]) -> int | None:
    """Where a short name set off by commas after a comma ends (the comma that closes it), or None: at most
    :data:`_NAME_WORDS` words, no verb of saying, not a clause opened by "and"/"و"."""
    if not brk.group(0).startswith(","):
        return None
    close = text.find(",", brk.end(), brk.end() + 40)
    if close < 0:
        return None
    segment = text[brk.end() : close].strip()
    words = segment.split()
    if not words or len(words) > _NAME_WORDS or words[0] in _CLAUSE_OPENERS:
        return None
    if _ANCHOR_END.search(" " + segment) or any(ch.isdigit() for ch in segment):
        return None
    return close + 1


def offsets(text: str, ref: date, p: Patterns, add: Add) -> None:
    """ "two days later", "a week after seven soldiers were killed", "بعد أسبوع من مقتل ...", "days after",
    "within days", "after six hours of talks" (the talks: the same day as what followed them).

    An offset followed by an event ("after seven soldiers were killed", "من مقتل") is anchored on that
    event (``anchor="event"``, its words in ``anchor_start:anchor_end``); one without ("two days
    earlier", "بعد يومين") counts from the last date the text gave (``anchor="previous"``), which is
    ``ref`` until the extractor resolves it.
    """
    for m in p.offset.finditer(text):
        if m["dir2"]:
            unit, raw, direction = (
                m["u2"],
                m["n2"],
                "after" if m["dir2"].endswith(("بعد", "عقب")) else "before",
            )
            to_event = bool(m["of"])
            if direction == "before" and not to_event:
                continue  # "قبل يومين": two days ago, read by ago()
        elif m["dir4"]:
            # "غداة X": the day after X (X is a day before); "عشية X": the eve of X (X is a day after)
            unit, raw, to_event = "يوم", None, True
            direction = "after" if m["dir4"].endswith("غداه") else "before"
        elif m["u5"]:
            # "agreed on Thursday after six hours of talks": the talks took the hours before, that day
            unit, raw, direction, to_event = "hours", None, "before", True
        elif m["u3"]:
            # "Within days, warplanes were again striking": opening a sentence or clause, some days after the
            # last date; "will travel to Moscow within days" is a time to come, read elsewhere
            if text[: m.start()].rstrip()[-1:] not in ("", ",", "،"):
                continue
            unit, raw, direction = m["u3"], None, "later"
            to_event = False
        else:
            unit, raw, direction = m["u"], m["n"], m["dir"]
            to_event = direction in {"before", "after"}
            if re.match(r"\s+yesterday\b", text[m.end() :]):
                continue  # "the day before yesterday": a day of its own, read by days_relative()
            if to_event and re.match(r"\s+(?:that|this|which|the\s+(?:day|week))(?!\w)", text[m.end() :]):
                to_event = False  # "a week after that" counts from the previous date
        per, precision = _unit_days(unit)
        n = _count(p, raw, unit)
        days, end_days = _window(n, per)
        sign = -1 if direction in {"before", "earlier"} else 1
        offset = timedelta(days=sign * days)
        offset_end = timedelta(days=sign * end_days) if end_days is not None else None
        if offset_end is not None and sign < 0:
            offset, offset_end = offset_end, offset
        if n is None and per:
            precision = "week" if per <= 1 else "month" if per <= 30 else "year"
        if to_event:
            a_start, a_end = _anchor_span(text, m.end())
            add(
                DateExpr(
                    m.start(),
                    m.end(),
                    ref,
                    None,
                    precision,
                    "relative",
                    m.group(0),
                    anchor="event",
                    anchor_start=a_start,
                    anchor_end=a_end,
                    offset=offset,
                    offset_end=offset_end,
                    resolved=False,
                )
            )
        else:
            expr = DateExpr(
                m.start(),
                m.end(),
                ref,
                None,
                precision,
                "relative",
                m.group(0),
                anchor="previous",
                offset=offset,
                offset_end=offset_end,
            )
            add(expr.resolve(ref))


def month_relative(text: str, pub: date, p: Patterns, add: Add) -> None:
    """ "آذار المقبل", "next March", "الشهر الماضي", "earlier this month", "أواخر العام الفائت"."""
    for m in p.month_rel.finditer(text):
        pre = m["pre"] or m["pre3"] or ""
        post = (m["post"] or m["post2"] or "").removesuffix("ه")  # السنة الماضية: a feminine noun's adjective
        part = m["part"] or ""
        future = pre in {"next", "coming"} or post in {"المقبل", "القادم"}
        past = pre in {"last", "past"} or post in {"الماضي", "المنصرم", "الفايت"}
        mname = m["m1"] or m["m2"]
        if mname:
            month = p.month(mname)
            year = pub.year
            if future and month <= pub.month:
                year += 1
            if past and month >= pub.month:
                year -= 1
            first, last = part_of_month(part, year, month)
            add(DateExpr(m.start(), m.end(), first, last, "month", "relative", m.group(0)))
            continue
        unit = m["unit"] or m["unit3"] or m["unit5"] or m["unit6"]
        if (m["unit5"] or m["unit6"]) and not part:
            continue  # "الشهر", "the month" alone: no date
        unit = {"عام": "عام", "سنه": "عام", "year": "عام", "شهر": "شهر", "month": "شهر"}.get(unit, unit)
        step = 1 if future else -1 if past else 0
        if unit in {"شهر", "month"}:
            y, mo = divmod(pub.month - 1 + step, 12)
            first, last = part_of_month(part, pub.year + y, mo + 1)
            precision = "month"
        elif unit in {"اسبوع", "week"} and step == -1:
            # "last week", "الأسبوع الماضي": the seven days before publication. Outlets count weeks from
            # Saturday, Sunday or Monday; the day a week before publication lies in the previous week
            # in every one of those conventions.
            first, last = pub - timedelta(days=7), pub - timedelta(days=1)
            precision = "week"
            if part:
                # "late last week", "أواخر الأسبوع الماضي", "early last week": a part of the previous calendar week
                # (Monday to Sunday): its Thursday to Sunday, its Monday to Wednesday, its Wednesday and Thursday
                monday = pub - timedelta(days=pub.weekday() + 7)
                if any(w in part for w in _LATE) and "later" not in part:
                    first, last = monday + timedelta(days=3), monday + timedelta(days=6)
                elif any(w in part for w in _EARLY) and "earlier" not in part:
                    first, last = monday, monday + timedelta(days=2)
                elif any(w in part for w in _MID):
                    first, last = monday + timedelta(days=2), monday + timedelta(days=3)
        elif unit in {"اسبوع", "week"}:
            first = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
            last = first + timedelta(days=6)
            precision = "week"
        else:
            first, last = part_of_year(part, pub.year + step)
            precision = "year"
        if step == 0 and part.endswith("earlier"):  # "earlier this month": up to the day before
            last = max(first, pub - timedelta(days=1))
        elif step == 0 and part.endswith("later"):  # "later this week": from the day after
            first = min(last, pub + timedelta(days=1))
        add(DateExpr(m.start(), m.end(), first, last, precision, "relative", m.group(0)))


def days_relative(text: str, pub: date, p: Patterns, add: Add) -> None:
    """ "أمس", "today", "the following day" (anchored on the previous date), "a year ago this week"."""
    for m in p.relday.finditer(text):
        w = m["w"]
        anchor = None
        if "year ago" in w or "مثل هذا اليوم" in w or "this day last year" in w:
            d = (
                pub.replace(year=pub.year - 1)
                if not (pub.month == 2 and pub.day == 29)
                else pub - timedelta(days=365)
            )
            if "week" in w:
                monday = d - timedelta(days=d.weekday())
                add(DateExpr(m.start(), m.end(), monday, monday + timedelta(days=6), "week", "relative", w))
                continue
            add(DateExpr(m.start(), m.end(), d, None, "day", "relative", m.group(0)))
            continue
        if re.search(r"\b(?:following|next|later|after)\b|التالي", w) and "later that" not in w:
            d, anchor = pub + timedelta(days=1), 1
        elif any(k in w for k in ("previous", "earlier", "السابق")) or w == "the day before":
            d, anchor = pub - timedelta(days=1), -1
        elif "same" in w or w.startswith(("that ", "later that")) or "نفس" in w or "ذات" in w:
            d, anchor = pub, 0
        elif "بعد" in w or w == "tomorrow" or w.endswith(("غدا", "غد")):
            d = pub + timedelta(days=2 if "بعد" in w else 1)
        elif "اول" in w or "before" in w:
            d = pub - timedelta(days=2)
        elif "امس" in w or "البارحه" in w or w in {"yesterday", "last night"}:
            d = pub - timedelta(days=1)
        else:
            d = pub
        if anchor is None:
            add(DateExpr(m.start(), m.end(), d, None, "day", "relative", m.group(0)))
        else:
            add(
                DateExpr(
                    m.start(),
                    m.end(),
                    d,
                    None,
                    "day",
                    "relative",
                    m.group(0),
                    anchor="previous",
                    offset=timedelta(days=anchor),
                )
            )


def ago(text: str, pub: date, p: Patterns, add: Add) -> None:
    """ "قبل أسبوع", "قبل يومين", "منذ ثلاثة أيام", "three days ago", "a year ago"."""
    for m in p.ago.finditer(text):
        unit = m["u"] or m["u2"]
        raw = m["n"] or m["n2"]
        per, precision = _unit_days(unit)
        n = _count(p, raw, unit)
        if (
            per == 0
        ):  # "منذ ساعات", "hours ago", "قبل ساعتين": the day it is told (hours are counted as no day)
            days = 0
        elif n is None:  # "قبل أيام", "days ago": some days, a week at most
            days, precision = max(per, 1) * 3, "week" if per <= 1 else precision
        else:
            days = n * per
        if per == 365 and n is not None:
            d = date(pub.year - n, pub.month, min(pub.day, 28) if pub.month == 2 else pub.day)
        else:
            d = pub - timedelta(days=days)
        since = bool(m["ar"]) and m["ar"].endswith("منذ")
        add(DateExpr(m.start(), m.end(), d, None, precision, "relative", m.group(0), since=since))


def _strip_clitic_weekday(word: str) -> int | None:
    for i, name in enumerate(WEEKDAYS_AR):
        if word.endswith(name):
            return i
    for i, name in enumerate(WEEKDAYS_EN):
        if word == name:
            return i
    return None


def weekday_dates(pub: date, wd: int) -> tuple[date, date]:
    """The most recent such weekday on or before ``pub``, and the next one on or after it."""
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    return pub - timedelta(days=back), pub + timedelta(days=fwd)


def weekdays(text: str, pub: date, p: Patterns, add: Add) -> None:
    """Weekdays in both directions.

    A bare weekday has a past reading (the latest on or before publication: الاثنين in a Monday
    article is that Monday) and a future one (the next on or after it). "last Monday",
    "الاثنين الماضي" are strictly before publication (a week earlier in a Monday article); "next
    Monday", "الاثنين المقبل" strictly after; "Monday last week", "الاثنين من الأسبوع الماضي" the
    Monday of the week before. A night or a time of day ("منتصف ليل الجمعة", "فجر السبت", "midnight
    Friday") belongs to the day it names; a night named by two days ("ليل الخميس - الجمعة") to the first.
    "السبت والأحد" is a range of two days.
    """
    for m in p.weekday.finditer(text):
        wd = _strip_clitic_weekday(m["wd"])
        if wd is None:
            continue
        past, fut = weekday_dates(pub, wd)
        pre, post = m["wpre"] or "", m["wpost"] or ""
        tense = None
        if "week" in post or "الاسبوع" in post:
            monday = pub - timedelta(days=pub.weekday())
            step = -1 if any(w in post for w in PAST_WORDS) else 1
            past = fut = monday + timedelta(weeks=step, days=wd)
            tense = "past" if step < 0 else "future"
        elif pre == "last" or post in PAST_WORDS:
            past = fut = past if past < pub else past - timedelta(days=7)
            tense = "past"
        elif pre in {"next", "coming", "this coming"} or post in NEXT_WORDS:
            past = fut = fut if fut > pub else fut + timedelta(days=7)
            tense = "future"
        end = None
        wd2 = _strip_clitic_weekday(m["wd2"]) if m["wd2"] else None
        if (
            wd2 is not None
            and not m["night"]
            and m["wsep"] in {"و", "and", "to", "-", "until", "through", "حتي", "الي"}
        ):
            gap = (wd2 - wd) % 7
            if 0 < gap <= 6:
                end = past + timedelta(days=gap)
        add(
            DateExpr(
                m.start(),
                m.end(),
                past,
                end,
                "day",
                "relative",
                m.group(0),
                future_start=None if tense else fut,
                tense=tense,
            )
        )


_WEEKEND = re.compile(
    r"(?<![\w-])(?:(?:over|at|during)\s+the\s+weekend|(?:last|this|past)\s+weekend)(?![\w-])"
)


def weekend(text: str, pub: date, add: Add) -> None:
    """ "over the weekend", "at the weekend", "last weekend": the Saturday and Sunday on or before
    publication (a Saturday article's weekend is that day and the next). Read in a clause about the
    future ("is expected in Ankara at the weekend"), "at/over/this weekend" is the coming one
    (``future_start``: the Saturday on or after publication); "last/past weekend" never is."""
    for m in _WEEKEND.finditer(text):
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        coming = (
            None if m.group(0).startswith(("last", "past")) else pub + timedelta(days=(5 - pub.weekday()) % 7)
        )
        add(
            DateExpr(
                m.start(),
                m.end(),
                saturday,
                saturday + timedelta(days=1),
                "day",
                "relative",
                m.group(0),
                future_start=coming,
            )
        )


def following_days(text: str, pub: date, p: Patterns, add: Add) -> None:
    """ "over the following four days", "in the subsequent two weeks", "خلال الأيام الأربعة التالية", "في اليومين
    التاليين": the days right after the last date the text gave (``anchor="previous"``: the first of them to the
    last; publication until resolved). "the next three days" is left out: in news it looks ahead from
    publication."""
    card = p.numbers.cardinal
    for m in re.finditer(
        rf"(?<!\w)(?:(?:over|in|during|for|within)\s+the\s+(?:following|subsequent|ensuing)\s+(?:(?P<n>\d+|{card})\s+)?"
        rf"(?P<u>days|weeks)"
        rf"|(?:[وف]?(?:خلال|في|علي\s+مدي|طيله|طوال)\s+)(?:(?P<u2>الايام|الاسابيع)\s+(?:ال)?(?P<n2>{card}|\d+)?\s*"
        rf"(?:التاليه|اللاحقه)|(?P<u3>اليومين|الاسبوعين)\s+(?:التاليين|اللاحقين)))(?!\w)",
        text,
    ):
        unit = m["u"] or m["u2"] or m["u3"] or ""
        per = 7 if unit.startswith(("week", "الاسابيع", "الاسبوعين")) else 1
        n = 2 if m["u3"] else _count(p, m["n"] or m["n2"], "x") if (m["n"] or m["n2"]) else None
        last = (n or 3) * per  # "the following days": about three
        add(
            DateExpr(
                m.start(),
                m.end(),
                pub + timedelta(days=1),
                pub + timedelta(days=last),
                "day",
                "relative",
                m.group(0),
                anchor="previous",
                offset=timedelta(days=1),
                offset_end=timedelta(days=last),
            )
        )


_AFTER_MIDNIGHT = re.compile(
    r"(?<![\w-])(?:(?:just|shortly|soon)\s+)?after\s+midnight(?![\w-])"
    r"(?!\s*(?:on\s+|,\s*)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d|the\s+night))"
    r"|(?<!\w)(?:بعيد|بعد)\s+منتصف\s+(?:الليل|الليله)(?!\w)"
    r"(?!\s*(?:يوم\s+)?(?:ال)?(?:اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)(?!\w))"
)


def is_after_midnight(text: str) -> bool:
    """Is ``text`` (a date expression's words, folded) "after midnight" with no day of its own?"""
    return _AFTER_MIDNIGHT.fullmatch(text.strip()) is not None


def after_midnight(text: str, pub: date, add: Add) -> None:
    """ "clashes broke out after midnight", "اندلعت اشتباكات بعد منتصف الليل": the day after the last day the text
    gave (``anchor="previous"``, +1 day; the publication day until resolved). The extractor keeps it no later than
    publication: after the midnight that began the day of publication it is that day. "after midnight on Friday",
    "بعد منتصف ليل الجمعة" name their day and are read as weekdays."""
    for m in _AFTER_MIDNIGHT.finditer(text):
        add(
            DateExpr(
                m.start(),
                m.end(),
                pub,
                None,
                "day",
                "relative",
                m.group(0),
                anchor="previous",
                offset=timedelta(days=1),
            )
        )
