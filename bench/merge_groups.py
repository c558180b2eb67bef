"""What merging reports across articles joins: each merged event of an extraction with its reports, to be read
one by one (is it one happening?), and the merge's pair precision and recall on synthetic events, whose
``evidence`` names the happening each report tells (``bench/synthetic.py``).

    python bench/merge_groups.py                      # from the repo root: data/sample, 30,000 synthetic events
    python bench/merge_groups.py data/sample more/    # the sample and more articles (an upload)
    python bench/merge_groups.py --synthetic 100000

Prints the merge report, then per merged event its type, date, actors and places and, per report, its subtype,
date (precision/source), actors with roles, places, file and sentence.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_events  # noqa: E402

from timeline.dedup import merge_duplicates  # noqa: E402
from timeline.pipeline import run  # noqa: E402


def show_groups(paths: list[Path]) -> None:
    df = run(paths).events
    merged, report = merge_duplicates(df)
    print(report)
    by_id = df.set_index("event_id")
    for _, m in merged[merged["n_sources"] > 1].iterrows():
        places = ", ".join(p["name"] for p in m["places"])
        print(f"\n{m['type']} {m['subtype']} {m['date_start']} ({m['date_precision']}) · {places}")
        for eid in m["merged_ids"]:
            r = by_id.loc[eid]
            actors = ", ".join(f"{a['code']}/{a['role']}" for a in r["actors"])
            where = ", ".join(f"{p['name']}/{p['precision']}" for p in r["places"])
            print(f"  - {r['subtype']} {r['date_start']} {r['date_precision']}/{r['date_source']} {r['status']}"
                  f" · {actors} · {where} · {Path(str(r['source']).split('#')[0]).name}")  # fmt: skip
            print(f"    {' '.join(str(r['evidence']).split())[:300]}")


def score_synthetic(n: int) -> None:
    df = synthetic_events(n)
    truth = dict(zip(df["event_id"], df["evidence"].str.extract(r"\((\d+)\)\.?$")[0], strict=True))
    t = time.perf_counter()
    merged, report = merge_duplicates(df)
    secs = time.perf_counter() - t
    tp = fp = 0
    for ids in merged["merged_ids"]:
        for a, b in combinations(ids, 2):
            tp += truth[a] == truth[b]
            fp += truth[a] != truth[b]
    pairs = sum(k * (k - 1) // 2 for k in Counter(truth.values()).values())
    print(f"\nsynthetic, {n:,} events: {secs:.2f} s; {report}")
    print(
        f"pair precision {tp / max(tp + fp, 1):.3f}, recall {tp / pairs:.3f} ({tp:,} of {pairs:,} true pairs)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=[Path("data/sample")])
    ap.add_argument("--synthetic", type=int, default=30_000, help="synthetic events to score (0: none)")
    args = ap.parse_args()
    show_groups(args.paths)
    if args.synthetic:
        score_synthetic(args.synthetic)


if __name__ == "__main__":
    main()
