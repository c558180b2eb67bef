"""Build ``data/sample/``: the dashboard's default sample, one story told by several sources.

The story is the seed's: the Syrian government's campaign on Idlib and Turkey's answer, November 2019 –
March 2020 (the encirclement of Turkish posts, the Saraqib battles, the Balyun strike, Operation Spring
Shield, the Moscow ceasefire of 5 March), from the openly licensed corpora beside the checkout:

- the seed article (SMART News Agency, Arabic, 10 Feb 2020), copied unchanged;
- ASND (Al Jazeera posts, Arabic, CC BY 4.0): every Syria-related post of the classes
  ``crime-war-conflict`` and ``politics`` dated November 2019 – March 2020, unchanged;
- Wikipedia (English, CC BY-SA): the December 2019 – March 2020 sections of "Turkish military operation in
  Idlib Governorate" and of "Timeline of the Syrian civil war", paragraphs unchanged.

    python scripts/build_sample.py [CORPUS]     # CORPUS defaults to ../shared/corpus

Re-running gives the same files (a test checks the committed ones match when the corpus is present).
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "sample"
FIRST, LAST = "2019-11-01", "2020-03-31"  # the campaign, by publication date of the posts
CLASSES = ("crime-war-conflict", "politics")
#: (corpus file, output file, start of the first line kept, start of the first line left out)
WIKI = (
    (
        "turkish_military_operation_in_idlib_governorate.md",
        "wiki_turkish_operation_idlib_2019-2020.md",
        "### Northwestern Syria offensive (December 2019–March 2020)",
        "On April 26,",
    ),
    (
        "timeline_of_the_syrian_civil_war.md",
        "wiki_syrian_civil_war_timeline_2019-2020.md",
        "On 19 December 2019, Syrian Army forces and allies launched a ground offensive",
        "## Caesar Act sanctions, economic crisis, frozen conflict (May 2020–June 2022)",
    ),
)
FRONT_MATTER_KEYS = ("subject", "shortDescription", "author", "pubDate")


def asnd_posts(corpus: Path) -> list[dict[str, str]]:
    """The Syria-related ASND posts of the campaign months, oldest first (title: first seven words)."""
    path = corpus / "asnd" / "asnd_syria_related_subset.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    seen: set[str] = set()
    for r in sorted(rows, key=lambda r: (r["created_utc_from_tweet_id"], r["ID"])):
        when = r["created_utc_from_tweet_id"]
        if not (FIRST <= when[:10] <= LAST) or r["class"] not in CLASSES:
            continue
        text = r["content"]
        if text.strip() in seen:
            continue
        seen.add(text.strip())
        first_line = text.strip().splitlines()[0]
        if first_line.startswith("RT @"):
            first_line = first_line.split(":", 1)[-1]
        title = " ".join(first_line.split()[:7])
        out.append({"id": f"asnd-{r['ID']}", "title": title, "text": text, "published": when})
    return out


def wiki_excerpt(path: Path, first: str, stop: str) -> str:
    """Front matter (subject, description, author, pubDate) and the lines from ``first`` to the one
    starting with ``stop`` (left out); embedded media lines (``![...](...)``) are dropped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    end_fm = lines.index("---", 1)
    keep = [ln for ln in lines[1:end_fm] if ln.split(":", 1)[0] in FRONT_MATTER_KEYS]
    start = next(i for i, ln in enumerate(lines) if ln.startswith(first))
    end = next(i for i in range(start, len(lines)) if lines[i].startswith(stop))
    body = [ln for ln in lines[start:end] if not ln.startswith("![")]
    return "\n".join(["---", *keep, "---", "", *body]).rstrip() + "\n"


def build(corpus: Path, out: Path = OUT) -> list[Path]:
    """Write the sample's article files into ``out`` (the ATTRIBUTION.md there is kept); returns them."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "000_0dba28c0c5621694.txt"]
    shutil.copyfile(corpus / "seed" / "000_0dba28c0c5621694.txt", written[0])
    posts = out / "asnd_idlib_2019-2020.jsonl"
    with posts.open("w", encoding="utf-8", newline="\n") as fh:
        for post in asnd_posts(corpus):
            fh.write(json.dumps(post, ensure_ascii=False) + "\n")
    written.append(posts)
    for src, name, first, stop in WIKI:
        path = out / name
        path.write_text(wiki_excerpt(corpus / "wikipedia" / src, first, stop), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    for p in build(corpus):
        print(p.relative_to(ROOT))
