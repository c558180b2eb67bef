"""Score extracted events against hand-made gold events (the rules of DESIGN.md).

This is the reference scorer (``shared/gold/score.py``) as a library: same matching (same type,
``date_start`` inside an accepted range, greedy, required gold first), same accuracies, so
``timeline evaluate`` prints the same figures.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


def km(a_lat: float, a_lon: float, b_lat: float, b_lon: float) -> float:
    """Great-circle distance (haversine, as the reference scorer computes it)."""
    p = math.pi / 180
    h = (
        math.sin((b_lat - a_lat) * p / 2) ** 2
        + math.cos(a_lat * p) * math.cos(b_lat * p) * math.sin((b_lon - a_lon) * p / 2) ** 2
    )
    return 12742 * math.asin(math.sqrt(min(1.0, h)))


def article_of(event: dict[str, Any]) -> str:
    for key in ("article", "source_file", "source", "path", "file"):
        v = event.get(key)
        if isinstance(v, str) and v:
            return os.path.basename(v)
    return ""


def _day(v: Any) -> str:
    return str(v)[:10] if v else ""


def _codes(event: dict[str, Any]) -> set[str]:
    out = set()
    for a in event.get("actors") or []:
        c = a.get("code") if isinstance(a, dict) else a
        if c:
            out.add(str(c)[:3].upper())
    return out


def _points(event: dict[str, Any]) -> list[tuple[float, float]]:
    out = []
    for p in event.get("places") or []:
        if isinstance(p, dict) and p.get("lat") is not None and p.get("lon") is not None:
            with contextlib.suppress(TypeError, ValueError):
                out.append((float(p["lat"]), float(p["lon"])))
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    place_ok: int = 0
    place_n: int = 0
    actor_ok: int = 0
    actor_n: int = 0
    status_ok: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "place_acc": round(self.place_ok / self.place_n, 3) if self.place_n else None,
            "actor_acc": round(self.actor_ok / self.actor_n, 3) if self.actor_n else None,
            "status_acc": round(self.status_ok / self.tp, 3) if self.tp else None,
            "misses": self.misses,
            "extras": self.extras,
        }

    def summary(self) -> str:
        d = self.as_dict()
        return (
            f"F1 {d['f1']} (P {d['precision']} R {d['recall']}; tp {d['tp']} fp {d['fp']} fn {d['fn']}); "
            f"place {d['place_acc']} actor {d['actor_acc']} status {d['status_acc']}"
        )


def score(gold: Iterable[dict[str, Any]], system: Iterable[dict[str, Any]]) -> Score:
    """Match system events to gold events article by article and count."""
    by_art: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for g in gold:
        by_art[g["article"]][0].append(g)
    arts = set(by_art)
    for s in system:
        a = article_of(s)
        if a in arts:
            by_art[a][1].append(s)
    res = Score()
    for art, (golds, syss) in sorted(by_art.items()):
        used: set[int] = set()
        matched: dict[str, dict[str, Any]] = {}
        for g in sorted(golds, key=lambda g: bool(g.get("optional"))):
            for i, s in enumerate(syss):
                if i in used or s.get("type") != g["type"]:
                    continue
                d = _day(s.get("date_start"))
                if any(lo <= d <= hi for lo, hi in g["date_ok"]):
                    used.add(i)
                    matched[g["id"]] = s
                    break
        for g in golds:
            s = matched.get(g["id"])
            if g.get("optional"):
                continue
            if s is None:
                res.fn += 1
                res.misses.append(f"{g['id']} {g['type']} {g['date_ok'][0][0]}")
                continue
            res.tp += 1
            if g.get("places"):
                res.place_n += 1
                if any(
                    km(la, lo, p["lat"], p["lon"]) <= p["km"] for la, lo in _points(s) for p in g["places"]
                ):
                    res.place_ok += 1
            if g.get("actors"):
                res.actor_n += 1
                if _codes(s) & set(g["actors"]):
                    res.actor_ok += 1
            if s.get("status") == g.get("status"):
                res.status_ok += 1
        for i, s in enumerate(syss):
            if i not in used:
                res.fp += 1
                res.extras.append(
                    f"{art} {s.get('type')} {_day(s.get('date_start'))}: {str(s.get('evidence', ''))[:60]}"
                )
    return res


def articles_right(
    gold: Iterable[dict[str, Any]],
    system: Iterable[dict[str, Any]],
    articles: Iterable[str],
    no_event: Iterable[str] = (),
) -> dict[str, bool]:
    """Does each article come out exactly right? (The field-case measure: ``bench/cases.py``.)

    ``articles`` are file names (the ``article`` of gold lines). An article with gold lines is right when
    :func:`score` finds no miss and no extra in it (every required gold event matched, every system
    event matched to a gold line, required or optional); an article in ``no_event``, or without gold
    lines, is right when nothing was extracted from it (:func:`score` alone would skip it).
    Returns ``{article: right}`` in the order of ``articles``.
    """
    gold_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        gold_by[str(g["article"])].append(g)
    sys_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in system:
        sys_by[article_of(s)].append(s)
    empty = set(no_event)
    out: dict[str, bool] = {}
    for art in articles:
        found = sys_by.get(art, [])
        if art in empty or not gold_by.get(art):
            out[art] = not found
        else:
            res = score(gold_by[art], found)
            out[art] = res.fn == 0 and res.fp == 0
    return out


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def gold_articles(gold: list[dict[str, Any]], articles_dir: Path) -> list[Path]:
    """The files under ``articles_dir`` that the gold names (by file name), in a stable order. An article
    of a file of several (``posts.jsonl#post-1``, the ``source`` of its events) names that file."""
    names = {str(g["article"]).split("#", 1)[0] for g in gold}
    found = sorted(p for p in articles_dir.rglob("*") if p.is_file() and p.name in names)
    missing = names - {p.name for p in found}
    if missing:
        raise FileNotFoundError(f"gold articles not found under {articles_dir}: {', '.join(sorted(missing))}")
    return found
