"""FA-KES check: does the extractor find the labelled attack, where and when the labels say?

usage: python bench/fakes.py [FAKES_CSV] [--show-misses N]

FA-KES (Abu Salem et al., ICWSM 2019, CC BY 4.0) labels each of its 804 English articles with a
date, a governorate and casualty counts. For each article this reports whether the extractor found
an offensive event (a) within 3 days of the labelled date and (b) placed in the labelled governorate
(a place whose admin1 is that governorate, or within its radius), and compares the killed figure
with the labelled civilians + non-civilians. The labels are noisy (dates are often the publication
date, places the outlet's guess): read the misses before changing rules.
"""

from __future__ import annotations

import argparse
import csv
import statistics
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

from timeline.evaluate import km
from timeline.extract import Resources, extract_article
from timeline.gazetteer import Gazetteer
from timeline.model import Article
from timeline.normalize import fold
from timeline.readers import iter_articles

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fakes" / "fakes.csv"

#: FA-KES governorate labels -> names the gazetteer knows.
ALIASES = {
    "damascus countryside": "Rif Dimashq",
    "rif dimashq": "Rif Dimashq",
    "deir ezzor": "Deir ez-Zor",
    "deir ez-zor": "Deir ez-Zor",
    "hasakeh": "Al-Hasakah",
    "hasakah": "Al-Hasakah",
    "sweida": "As-Suwayda",
    "suwayda": "As-Suwayda",
    "quneitra": "Quneitra",
}


def governorate(gaz: Gazetteer, label: str):
    name = ALIASES.get(label.strip().lower(), label.strip())
    for q in (f"{name} governorate", f"{name} province", name):
        hits = [e for e in gaz.lookup(q) if e.precision == "admin1"]
        if hits:
            return hits[0]
    return None


def in_governorate(place: dict, gov) -> bool:
    if gov is None:
        return False
    if place.get("admin1") and fold(place["admin1"]) == fold(gov.admin1 or gov.name):
        return True
    return km(place["lat"], place["lon"], gov.lat, gov.lon) <= max(gov.radius_km, 40)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("csv", nargs="?", default=str(DEFAULT))
    parser.add_argument("--show-misses", type=int, default=10)
    args = parser.parse_args()

    res = Resources.load()
    gaz = res.gazetteer
    csv.field_size_limit(10**8)
    with open(args.csv, encoding="utf-8", errors="replace") as fh:
        rows = list(csv.DictReader(fh))
    # the articles as the product reads them (readers.py: dateline stripped, `date` column as published)
    articles = {a.source.rsplit("#", 1)[-1]: a for a in iter_articles([args.csv]) if isinstance(a, Article)}
    found_offensive = found_when = found_where_when = dated_by_text = 0
    pairs: list[tuple[int, int]] = []
    misses: list[str] = []
    unknown_gov = Counter()
    for row in rows:
        label_date = datetime.strptime(row["date"], "%m/%d/%y").date()
        article = articles.get(row["unit_id"])
        if article is None:
            misses.append(f"{row['unit_id']}: not read")
            continue
        events = [e.to_row() for e in extract_article(article, res) if e.type == "offensive"]
        gov = governorate(gaz, row["location"])
        if gov is None:
            unknown_gov[row["location"]] += 1
        if events:
            found_offensive += 1
        near = [
            e for e in events if abs(date.fromisoformat(e["date_start"]) - label_date) <= timedelta(days=3)
        ]
        if near:
            found_when += 1
        hit = [e for e in near if any(in_governorate(p, gov) for p in e["places"])]
        if hit:
            found_where_when += 1
            if any(e["date_source"] != "publication" for e in hit):
                dated_by_text += 1
            labelled = int(row["nb_civilians"] or 0) + int(row["nb_noncivilians"] or 0)
            killed = max((e["killed"] or 0) for e in hit)
            if labelled and killed:
                pairs.append((labelled, killed))
        elif len(misses) < args.show_misses:
            got = (
                "; ".join(f"{e['date_start']} {[p['name'] for p in e['places']]}" for e in events[:3])
                or "no offensive"
            )
            misses.append(
                f"{row['unit_id']} label {label_date} {row['location']}: {got} | {row['article_title'][:70]}"
            )
    n = len(rows)
    print(f"FA-KES: {n} articles")
    print(f"  an offensive event found:                         {found_offensive / n:.1%}")
    print(f"  ... within 3 days of the labelled date:           {found_when / n:.1%}")
    print(f"  ... and in the labelled governorate (the target): {found_where_when / n:.1%}")
    print(f"  ... of which dated by the text itself, not the publication date: {dated_by_text / n:.1%}")
    print("  (the CSV's `date` column is read as the publication date, as for any CSV with one)")
    if pairs:
        exact = sum(1 for a, b in pairs if a == b)
        close = sum(1 for a, b in pairs if abs(a - b) <= 0.2 * a)
        err = statistics.median(abs(a - b) for a, b in pairs)
        print(
            f"  killed figure vs label (civilians + non-civilians), {len(pairs)} articles with both: "
            f"exact {exact / len(pairs):.0%}, within 20% {close / len(pairs):.0%}, median abs diff {err:g}"
        )
    if unknown_gov:
        print(f"  governorate labels not in the gazetteer: {dict(unknown_gov)}")
    for m in misses:
        print("  miss", m)


if __name__ == "__main__":
    main()
