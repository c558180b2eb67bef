"""Casualty and displacement figures stated as numbers ("مقتل 12 مدنيا وإصابة 30", "killed at least 16").

Only numbers count: "قتلى وجرحى", "hundreds of civilians" or "dozens" give no figure (the words stay
in the evidence). Works on folded text (Western digits, folded letters, lower case).
"""

from __future__ import annotations

import re

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "اثنان": 2,
    "اثنين": 2,
    "ثلاثه": 3,
    "اربعه": 4,
    "خمسه": 5,
    "سته": 6,
    "سبعه": 7,
    "ثمانيه": 8,
    "تسعه": 9,
    "عشره": 10,
    "عشرين": 20,
    "ثلاثين": 30,
    "اربعين": 40,
    "خمسين": 50,
}
_NUM = r"(?P<n>\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_HEDGE = r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|almost|up\s+to|نحو|اكثر\s+من|ما\s+لا\s+يقل\s+عن|قرابه|حوالي)\s+)?"
_CL = r"(?:و|ف|ب|ل)?"

_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "killed": [
        re.compile(rf"{_CL}(?:مقتل|قتل|استشهاد|سقوط|مصرع)\s+{_HEDGE}{_NUM}(?!\s*(?:جريح|مصاب))"),
        re.compile(rf"{_NUM}\s+(?:قتيلا|قتلي|قتيل|شهيدا|شهداء|ضحيه|ضحايا)(?!\w)(?!\s*(?:و)?(?:جريح|مصاب))"),
        re.compile(rf"(?:killed|killing|kills|left)\s+{_HEDGE}{_NUM}"),
        re.compile(
            rf"{_HEDGE}{_NUM}\s+(?:(?!and\b|or\b|killed\b|wounded\b|injured\b)[a-z]+\s+){{0,2}}(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|deaths)"
        ),
        re.compile(rf"death\s+toll\s+(?:\w+\s+){{0,3}}(?:to|of|at)\s+{_HEDGE}{_NUM}"),
    ],
    "injured": [
        re.compile(rf"{_CL}(?:اصابه|جرح)\s+{_HEDGE}{_NUM}"),
        re.compile(rf"{_NUM}\s+(?:جريحا|جرحي|مصابا|مصابين|مصاب)(?!\w)"),
        re.compile(rf"(?:wounding|injuring|wounded|injured)\s+{_HEDGE}{_NUM}"),
        re.compile(
            rf"{_HEDGE}{_NUM}\s+(?:(?!and\b|or\b|killed\b|wounded\b|injured\b)[a-z]+\s+){{0,2}}(?:were\s+|have\s+been\s+)?(?:wounded|injured|hurt)"
        ),
    ],
    "displaced": [
        re.compile(rf"{_CL}(?:نزوح|تهجير)\s+{_HEDGE}{_NUM}"),
        re.compile(rf"{_NUM}\s+(?:الف\s+)?(?:نازح|نازحا|مهجر)"),
        re.compile(rf"(?:displacing|displaced|forcing)\s+{_HEDGE}{_NUM}"),
        re.compile(
            rf"{_HEDGE}{_NUM}\s+(?:(?!and\b|or\b|killed\b|wounded\b|injured\b)[a-z]+\s+){{0,2}}(?:were\s+|have\s+been\s+)?(?:displaced|fled|uprooted)"
        ),
    ],
}
_THOUSAND = re.compile(r"^\s*(?:الف|thousand|ألف)")


def _value(raw: str, after: str) -> int | None:
    raw = raw.replace(",", "")
    if raw in NUMBER_WORDS:
        n = NUMBER_WORDS[raw]
    else:
        try:
            n = int(float(raw))
        except ValueError:
            return None
    if _THOUSAND.match(after):
        n *= 1000
    if n <= 0 or n > 5_000_000:
        return None
    return n


def find_figures(folded: str) -> dict[str, int | None]:
    """The first stated number of killed, injured and displaced people in ``folded``."""
    out: dict[str, int | None] = {"killed": None, "injured": None, "displaced": None}
    for key, patterns in _PATTERNS.items():
        best: tuple[int, int] | None = None
        for pat in patterns:
            for m in pat.finditer(folded):
                if m.start("n") > 0 and re.match(r"\d", folded[m.start("n") - 1]):
                    continue
                n = _value(m.group("n"), folded[m.end("n") : m.end("n") + 6])
                if n is not None and (best is None or m.start() < best[0]):
                    best = (m.start(), n)
                break
        if best is not None:
            out[key] = best[1]
    return out
