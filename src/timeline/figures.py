"""Casualty and displacement figures ("مقتل 12 مدنيا وإصابة 30", "killed at least 16", "two civilians").

A figure is a number in digits or in words (``data/lexicons/numbers.csv`` via
:mod:`timeline.number_words`: "ثلاثة", "خمسة وعشرين", "twenty-five", "a dozen"), or an Arabic dual:
"قتيلان", "مقتل شخصين", "مقتل مدنيين اثنين" (1 and 2 follow their noun), and, when the unfolded text is
given, a dual written with its vowel ("مقتل مدنيَّين", which folds to the plural مدنيين).
A plural is no figure: "قتلى وجرحى", "hundreds of civilians", "dozens", "عشرات" give ``None`` (the words stay
in the evidence). Works on folded text (Western digits, folded letters, lower case).
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.normalize import fold
from timeline.number_words import load_number_words

_HEDGE = r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|almost|up\s+to|نحو|اكثر\s+من|ما\s+لا\s+يقل\s+عن|قرابه|حوالي)\s+)?"
_CL = r"(?:و|ف|ب|ل)?"
_B = r"(?<![\w])"
_KILL_AR = rf"{_CL}(?:مقتل|قتل|استشهاد|مصرع)"
_HURT_AR = rf"{_CL}(?:اصابه|جرح)"
#: Casualty nouns whose plural is broken (قتيل -> قتلى), so -ين after folding can only be the dual.
_BROKEN = (
    "قتيل",
    "جريح",
    "شخص",
    "طفل",
    "جندي",
    "عنصر",
    "رجل",
    "ضابط",
    "شاب",
    "شهيد",
    "امراه",
    "طفله",
    "فتاه",
)
#: Nouns with a sound plural (مدنيين = civilians or two civilians): only -ان is surely a dual.
_SOUND = ("مدني", "مقاتل", "مصاب", "عسكري", "صحفي", "ناشط", "مسعف", "مواطن", "مسلح", "معارض")


def _duals(stems: tuple[str, ...], endings: tuple[str, ...]) -> str:
    forms = []
    for s in stems:
        base = s[:-1] + "ت" if s.endswith("ه") else s
        forms += [base + e for e in endings]
    return "|".join(sorted(forms, key=len, reverse=True))


_DUAL = _duals(_BROKEN, ("ان", "ين")) + "|" + _duals(_SOUND, ("ان",))
_SMALL_AFTER = r"(?:اثنين|اثنان|اثنتين|اثنتان|واحد|واحده)"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    words = load_number_words().cardinal
    num = rf"{_B}(?:[وب](?=\S))?(?P<n>\d[\d,]*(?:\.\d+)?|{words})(?![\w])"
    small = rf"(?:\w+\s+){{1,2}}?(?P<n>{_SMALL_AFTER})(?![\w])"  # مدنيين اثنين
    dual = rf"(?P<dual>{_DUAL})(?![\w])"
    en_skip = (
        r"(?:(?!and\b|or\b|killed\b|wounded\b|injured\b)[a-z]+\s+){0,3}"  # "two of its soldiers were killed"
    )
    return {
        "killed": [
            re.compile(rf"{_KILL_AR}\s+{_HEDGE}{num}(?!\s*(?:جريح|مصاب))"),
            re.compile(rf"{_KILL_AR}\s+{small}"),
            re.compile(rf"{_KILL_AR}\s+{dual}"),
            re.compile(rf"{_B}{_CL}(?P<dual>قتيلان|قتيلين|شهيدان|شهيدين)(?![\w])(?!\s*(?:و)?(?:جريح|مصاب))"),
            re.compile(
                rf"{num}\s+(?:قتيلا|قتلي|قتيل|شهيدا|شهداء|ضحيه|ضحايا)(?!\w)(?!\s*(?:و)?(?:جريح|مصاب))"
            ),
            re.compile(rf"(?:killed|killing|kills|left)\s+{_HEDGE}{num}"),
            re.compile(
                rf"{_HEDGE}{num}\s+{en_skip}(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:killed|dead|died|deaths)"
            ),
            re.compile(rf"death\s+toll\s+(?:\w+\s+){{0,3}}(?:to|of|at)\s+{_HEDGE}{num}"),
        ],
        "injured": [
            re.compile(rf"{_HURT_AR}\s+{_HEDGE}{num}"),
            re.compile(rf"{_HURT_AR}\s+{small}"),
            re.compile(rf"{_HURT_AR}\s+{dual}"),
            re.compile(rf"{_B}{_CL}(?P<dual>جريحان|جريحين)(?![\w])"),
            re.compile(rf"{num}\s+(?:جريحا|جرحي|مصابا|مصابين|مصاب)(?!\w)"),
            re.compile(rf"(?:wounding|injuring|wounded|injured)\s+{_HEDGE}{num}"),
            re.compile(rf"{_HEDGE}{num}\s+{en_skip}(?:were\s+|have\s+been\s+)?(?:wounded|injured|hurt)"),
        ],
        "displaced": [
            re.compile(rf"{_CL}(?:نزوح|تهجير)\s+{_HEDGE}{num}"),
            re.compile(rf"{num}\s+(?:الف\s+)?(?:نازح|نازحا|مهجر)"),
            re.compile(rf"(?:displacing|displaced|forcing)\s+{_HEDGE}{num}"),
            re.compile(rf"{_HEDGE}{num}\s+{en_skip}(?:were\s+|have\s+been\s+)?(?:displaced|fled|uprooted)"),
        ],
    }


_THOUSAND = re.compile(r"^\s*(?:الف|thousand|ألف)")
#: A dual written with its vowel: fatha before the final ين (مدنيَّين); the plural has a kasra (مدنيِّين).
_VOWELLED_DUAL = re.compile(
    r"[\u0621-\u064a\u0651]+\u064e\u0651?\u064a\u0652?\u0646\u0650?(?![\u0621-\u064a])"
)


def _value(raw: str, after: str) -> int | None:
    raw = raw.replace(",", "")
    if raw[:1].isdigit():
        try:
            n = int(float(raw))
        except ValueError:
            return None
    else:
        n = load_number_words().value(raw) or 0
    if _THOUSAND.match(after):
        n *= 1000
    if n <= 0 or n > 5_000_000:
        return None
    return n


def find_figures(folded: str, original: str | None = None) -> dict[str, int | None]:
    """The first stated number of killed, injured and displaced people in ``folded``.

    ``folded``: text folded by :func:`timeline.normalize.fold`. ``original``: optionally the same
    passage as written, so that a dual marked only by its vowel ("مدنيَّين") counts as two. Returns
    ``{"killed", "injured", "displaced"}`` -> a count of people, or ``None`` when no number is stated.
    Cached per text: the extractor asks once per trigger about the same clause or sentence.
    """
    return dict(zip(("killed", "injured", "displaced"), _find_figures(folded, original), strict=True))


@lru_cache(maxsize=256)
def _find_figures(folded: str, original: str | None) -> tuple[int | None, ...]:
    out: dict[str, int | None] = {"killed": None, "injured": None, "displaced": None}
    vowelled = {fold(m.group(0)) for m in _VOWELLED_DUAL.finditer(original)} if original else set()
    for key, patterns in _patterns().items():
        best: tuple[int, int] | None = None
        for pat in patterns:
            for m in pat.finditer(folded):
                if "dual" in pat.groupindex and m["dual"]:
                    n: int | None = 2
                else:
                    if m.start("n") > 0 and re.match(r"\d", folded[m.start("n") - 1]):
                        continue
                    n = _value(m.group("n"), folded[m.end("n") : m.end("n") + 6])
                if n is not None and (best is None or m.start() < best[0]):
                    best = (m.start(), n)
                break
        if vowelled and key in {"killed", "injured"}:
            verb = _KILL_AR if key == "killed" else _HURT_AR
            for m in re.finditer(rf"{verb}\s+{_HEDGE}(?P<w>[^\s]+)", folded):
                if m["w"] in vowelled and (best is None or m.start() < best[0]):
                    best = (m.start(), 2)
                    break
        if best is not None:
            out[key] = best[1]
    return tuple(out.values())
