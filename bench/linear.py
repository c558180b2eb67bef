"""Linear time on hostile input: extraction time per KB from 8 KB to 1 MB (issue 11, item 5).

usage: python bench/linear.py [--sizes 8,32,128,512,1024] [--budget 60] [--kinds sentence,dates,...]

Each kind is one article grown to each size, read from bytes (the reader, as an upload) and
extracted (the whole pipeline of one article). The goal: the time per KB at the largest size stays
within 2x of the time per KB at 8 KB. Kinds:

* ``sentence``: one English sentence without a full stop (triggers, actors, places, figures);
* ``dates``: one Arabic sentence of dates and months (الاثنين، 3 آذار 2019 ...), and "since 25 November";
* ``paragraphs``: ordinary Arabic and English paragraphs, many events;
* ``html``: ``<p>`` paragraphs of a page; ``nested``: tags nested deep;
* ``csv``: one CSV row whose ``source`` value is the whole size; ``json_p``: ``"<p " * n`` in a JSON text.

Times are CPU seconds of this process (``time.process_time``), so other work on a shared machine
does not blur them; small sizes run a few times and the fastest counts. A size whose previous size
took more than ``--budget`` seconds is skipped (shown as "-"): a quadratic step would take hours at 1 MB.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import datetime

from timeline.extract import Resources, extract_article
from timeline.model import Article
from timeline.readers import read_bytes

EN_SENTENCE = (
    "Russian warplanes carried out airstrikes on Idlib and shelled Aleppo on Monday, killing at least 12 "
    "civilians and wounding 30, while Turkey and Russia held talks in Ankara, and the regime forces "
    "launched an offensive on Saraqib since 25 November, "
)
AR_DATES = (
    "قصفت الطائرات إدلب الاثنين، 3 آذار 2019 و 4 شباط 2020 ومنذ 25 تشرين الثاني 2019 وفي أيلول المقبل، "
)
EN_DATES = "since 25 November, "
PARAGRAPHS = (
    "بدأت الجولة الثانية من المباحثات بين روسيا وتركيا في العاصمة أنقرة الاثنين، لبحث أوضاع محافظة "
    "إدلب التي تتعرض لحملة عسكرية من قبل قوات النظام.\n\n"
    "Russian jets struck Maarat al-Numan on Sunday, killing five civilians, as talks in Geneva failed.\n\n"
    "قصفت قوات النظام مدينة سراقب بالمدفعية الثقيلة يوم 8 شباط 2020، ما أدى لمقتل 3 مدنيين.\n\n"
)
PUBLISHED = datetime(2020, 2, 10)


def _fill(unit: str, size: int) -> str:
    data = unit * (size // len(unit.encode("utf-8")) + 1)
    while len(data.encode("utf-8")) > size:
        data = data[: max(len(data) - 256, len(data) * 9 // 10)]
    return data


def _txt(body: str) -> tuple[str, bytes]:
    return "a.txt", f"10 February 2020\nA title\n\n{body}\n".encode()


KINDS: dict[str, Callable[[int], tuple[str, bytes]]] = {
    "sentence": lambda n: _txt(_fill(EN_SENTENCE, n)),
    "dates": lambda n: _txt(_fill(AR_DATES, n // 2) + _fill(EN_DATES, n // 2)),
    "paragraphs": lambda n: _txt(_fill(PARAGRAPHS, n)),
    "html": lambda n: (
        "a.html",
        (
            "<html><body>" + _fill("<p>" + PARAGRAPHS.split("\n\n")[1] + "</p>\n", n) + "</body></html>"
        ).encode(),
    ),
    "nested": lambda n: (
        "a.html",
        (
            "<html><body>"
            + "<div><span>" * (n // 40)
            + "Russian jets struck Idlib on Sunday."
            + "</span></div>" * (n // 40)
            + "</body></html>"
        ).encode(),
    ),
    "csv": lambda n: (
        "a.csv",
        (
            f"title,text,published,source\nT,{EN_SENTENCE.replace(',', ' ')},2020-02-10," + "x" * n + "\n"
        ).encode(),
    ),
    "json_p": lambda n: (
        "a.json",
        json.dumps(
            {"title": "T", "published": "2020-02-10", "text": "Jets struck Idlib. " + "<p " * (n // 3)}
        ).encode(),
    ),
}


def run_one(name: str, data: bytes, resources: Resources) -> tuple[float, int, str]:
    """(seconds, events, note) to read and extract one upload."""
    t0 = time.process_time()
    events = 0
    note = ""
    for item in read_bytes(name, data):
        if isinstance(item, Article):
            if item.published is None:
                from dataclasses import replace

                item = replace(item, published=PUBLISHED)
            events += len(extract_article(item, resources))
        else:
            note = item.reason[:60]
    return time.process_time() - t0, events, note


def _repeats(size_kb: int) -> int:
    """Small sizes run a few times (the fastest counts): timings on a shared machine are noisy."""
    return max(1, min(5, 256 // size_kb))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="8,32,128,512,1024", help="sizes in KB")
    parser.add_argument(
        "--budget", type=float, default=60.0, help="skip larger sizes after a run this slow (s)"
    )
    parser.add_argument("--kinds", default=",".join(KINDS))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    resources = Resources.load()
    extract_article(
        Article("warm", "Russian jets struck Idlib on Sunday.", published=PUBLISHED, language="en"), resources
    )
    for kind in args.kinds.split(","):  # warm up every reader and the extractor
        run_one(*KINDS[kind](1024), resources)
    print(f"{'kind':<11}" + "".join(f"{s:>9} KB" for s in sizes) + "   ms/KB ratio (largest / 8 KB)")
    worst = 0.0
    for kind in args.kinds.split(","):
        per_kb: list[float | None] = []
        print(f"{kind:<11}", end="", flush=True)
        slow = False
        for size in sizes:
            if slow:
                per_kb.append(None)
                print(f"{'-':>12}", end="", flush=True)
                continue
            name, data = KINDS[kind](size * 1024)
            seconds, events, note = min(run_one(name, data, resources) for _ in range(_repeats(size)))
            per_kb.append(1000 * seconds / size)
            print(f"{1000 * seconds / size:>9.2f} ms", end="", flush=True)
            slow = seconds > args.budget
        measured = [p for p in per_kb if p is not None]
        ratio = measured[-1] / measured[0] if measured and measured[0] > 0 else float("nan")
        worst = max(worst, ratio)
        done = "" if per_kb[-1] is not None else f" (up to {sizes[len(measured) - 1]} KB)"
        print(f"   {ratio:.2f}{done}  {events} events {note}")
    print(f"worst ratio {worst:.2f} (goal: <= 2)")


if __name__ == "__main__":
    main()
