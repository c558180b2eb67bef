"""Extraction speed over the whole shared corpus (and a replicated copy).

usage: python bench/extract.py [CORPUS_DIR] [--replicate 10]

Prints articles/s for (a) merely reading + normalising the text and (b) the extractor on the articles
already read, on one core, and the ratio of their times. Goal (issue 2): >= 500 articles/s.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from timeline.extract import Resources, extract_article
from timeline.model import Article
from timeline.normalize import normalize
from timeline.readers import iter_articles
from timeline.text import split_sentences

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def read_all(corpus: Path) -> list[Article]:
    return [a for a in iter_articles([corpus]) if isinstance(a, Article) and a.language in {"ar", "en"}]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--replicate", type=int, default=10)
    args = parser.parse_args()

    t0 = time.perf_counter()
    articles = read_all(Path(args.corpus))
    t_read = time.perf_counter() - t0
    chars = sum(len(a.text) for a in articles)
    print(
        f"corpus: {len(articles)} articles, {chars / 1e6:.1f} M characters, read in {t_read:.2f} s "
        f"({len(articles) / t_read:.0f} articles/s)"
    )

    t0 = time.perf_counter()
    resources = Resources.load()
    print(f"resources loaded in {time.perf_counter() - t0:.2f} s")

    for factor in (1, args.replicate):
        batch = articles * factor
        t0 = time.perf_counter()
        for a in batch:
            for s, e in split_sentences(a.text):
                normalize(a.text[s:e])
        t_norm = time.perf_counter() - t0
        t0 = time.perf_counter()
        n_events = sum(len(extract_article(a, resources)) for a in batch)
        t_ext = time.perf_counter() - t0
        t_baseline = t_read * factor + t_norm  # merely reading + normalising the same text
        print(
            f"x{factor}: {len(batch)} articles | read + normalise {len(batch) / t_baseline:,.0f} articles/s | "
            f"extract {len(batch) / t_ext:,.0f} articles/s ({n_events} events) | "
            f"extraction time / (reading + normalising) time = {t_ext / t_baseline:.1f}"
        )


if __name__ == "__main__":
    main()
