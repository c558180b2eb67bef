"""Sentence and clause boundaries, computed on the original text so offsets stay true."""

from __future__ import annotations

import re

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
_END = re.compile(r"[.!?؟]+[\"'”»)]*(?=\s)|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open spans of the sentences of ``text`` (paragraph breaks always end one)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == ".":
            word = re.search(r"(\w+)\.*$", text[start : m.start() + 1])
            w = word.group(1) if word else ""
            # U.S., U.N., initials and abbreviations do not end a sentence
            if (
                len(w) == 1
                or w.lower() in _ABBREV
                or re.search(r"\b\w\.\w$", text[max(0, m.start() - 3) : m.start()])
            ):
                continue
        end = m.end()
        _push(text, start, end, spans)
        start = end
    _push(text, start, len(text), spans)
    return spans


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


#: "، وسيطرت", ", and seized": a coordinated clause, a boundary only when it holds an event word or a date.
COORDINATION = re.compile(r"[،,]\s*(?:و(?=\w{3})|and\s)")


def split_clauses(
    folded: str, pattern: re.Pattern[str], anchors: tuple[int, ...] = ()
) -> list[tuple[int, int, bool]]:
    """(start, end, starts_new_time) for each clause of a folded sentence.

    A clause of fewer than two words (", كما" before "سبق أن") is joined to the next one. With
    ``anchors`` (offsets of event words that name an action), a comma + "و"/"and" also starts a clause when the
    stretch up to the next boundary holds an anchor: "قصفت ... بلدة معرشمشة، وسيطرت يوم الثلاثاء على
    كفروما" is two clauses, "بلدات كفرنبل، وحاس" stays one.
    """
    found = [(m.start(), bool(m.groupdict().get("new"))) for m in pattern.finditer(folded)]
    if anchors:
        hard = sorted(p for p, _ in found)
        for m in COORDINATION.finditer(folded):
            nxt = next((p for p in hard if p > m.start()), len(folded))
            nxt_soft = COORDINATION.search(folded, m.end())
            stop = min(nxt, nxt_soft.start() if nxt_soft else len(folded))
            if any(m.end() <= a < stop for a in anchors):
                found.append((m.start(), False))
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
