"""The extractor against hand-made gold: the seed (shared dev gold) and our own held-out articles.

The thresholds are floors that guard against regressions, not targets: the figures themselves are
reported by `timeline evaluate` (see the README).
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from timeline.evaluate import articles_right, gold_articles, load_jsonl, score
from timeline.model import EVENT_TYPES, STATUSES, SUBTYPES
from timeline.pipeline import run
from timeline.readers import iter_articles

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
OWN_GOLD = ROOT / "tests" / "gold" / "own.jsonl"
DEV_GOLD = ROOT.parent / "shared" / "gold" / "dev.jsonl"
SEED = "000_0dba28c0c5621694.txt"


def system_events(gold):
    return run(gold_articles(gold, ARTICLES)).events.to_dict("records")


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="shared/gold/dev.jsonl not available")
def test_seed_dev_gold_f1_and_no_event_from_the_footer():
    gold = load_jsonl(DEV_GOLD)
    events = system_events(gold)
    res = score(gold, events)
    assert res.f1 >= 0.9, res.summary()
    seed_text = (ARTICLES / SEED).read_text(encoding="utf-8")
    footer_start = seed_text.index("الاخبار المتعلقة")
    footer_lines = [line for line in seed_text[footer_start:].splitlines() if len(line) > 20]
    for e in events:
        assert not any(line in e["evidence"] for line in footer_lines), e["evidence"]


def test_seed_reader_drops_the_footer():
    (article,) = list(iter_articles([ARTICLES / SEED]))
    assert "الخبر السابق" not in article.text
    assert "الإدارة الذاتية" not in article.text
    assert article.text.rstrip().endswith("ونزوح مئات آلاف منهم.")


def test_own_gold_is_well_formed():
    gold = load_jsonl(OWN_GOLD)
    ids = Counter(g["id"] for g in gold)
    assert max(ids.values()) == 1
    texts = {p.name: p.read_text(encoding="utf-8") for p in ARTICLES.iterdir() if p.is_file()}
    langs = Counter()
    for g in gold:
        assert g["type"] in EVENT_TYPES
        assert g.get("subtype", SUBTYPES[g["type"]][0]) in SUBTYPES[g["type"]]
        assert g["status"] in STATUSES
        assert all(lo <= hi for lo, hi in g["date_ok"])
        assert g["article"] in texts and g["article"] != SEED
        raw = texts[g["article"]]
        if g["article"].endswith(".json"):
            raw = json.loads(raw)["text"]
        assert g["evidence"] in raw, g["id"]
        langs["ar" if g["article"].startswith("asnd") else "en"] += 1
    assert len({g["article"] for g in gold}) >= 5
    assert langs["ar"] and langs["en"]


def test_own_gold_floor():
    gold = load_jsonl(OWN_GOLD)
    res = score(gold, system_events(gold))
    # measured 0.75 when this floor was set (articles never used to write rules before the gold existed)
    assert res.f1 >= 0.7, res.summary()
    assert res.as_dict()["place_acc"] >= 0.8


def test_heldout_gold_floor():
    """Articles nobody tuned on (tests/gold/README.md): a guard, never a target."""
    gold = load_jsonl(ROOT / "tests" / "gold" / "heldout.jsonl")
    events = run(gold_articles(gold, ROOT / "tests" / "gold" / "heldout")).events.to_dict("records")
    res = score(gold, events)
    assert res.f1 >= 0.65, res.summary()  # measured 0.773 when first run


@pytest.mark.parametrize(
    "name",
    [
        "news",
        "frozen",
        "news2",
        "news3",
        "frozen3",
        "news4",
        "frozen4",
        "news5",
        "frozen5",
        "news6",
        "news7",
        "news8",
        "news9",
        "frozen6",
        "news10",
        "frozen7",
        "news11",
        "frozen8",
        "news12",
        "frozen9",
        "news13",
        "frozen10",
        "news14",
        "frozen11",
        "news15",
        "frozen12",
        "news16",
        "frozen13",
        "news17",
        "frozen14",
        "news18",
        "frozen15",
        "news19",
        "frozen16",
        "news20",
        "frozen17",
        "news21",
        "frozen18",
        "news22",
        "frozen19",
        "news23",
        "frozen20",
    ],
)
def test_news_gold_is_well_formed(name):
    """The news sets: every evidence is in its article, both languages."""
    gold = load_jsonl(ROOT / "tests" / "gold" / f"{name}.jsonl")
    folder = ROOT / "tests" / "gold" / name
    assert max(Counter(g["id"] for g in gold).values()) == 1
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}
    for g in gold:
        assert g["type"] in EVENT_TYPES and g["status"] in STATUSES
        raw = texts[g["article"]]
        if g["article"].endswith(".json"):
            raw = json.loads(raw)["text"]
        assert " ".join(g["evidence"].split()) in " ".join(raw.split()), g["id"]
    langs = Counter(
        "ar"
        if g["article"].startswith(
            (
                "ar",
                "n3a",
                "n4a",
                "n5a",
                "n6a",
                "n7a",
                "n8a",
                "n9a",
                "f6a",
                "n10a",
                "f7a",
                "n11a",
                "f8a",
                "n12a",
                "f9a",
                "n13a",
                "f10a",
                "n14a",
                "f11a",
                "n15a",
                "f12a",
                "n16a",
                "f13a",
                "n17a",
                "f14a",
                "n18a",
                "f15a",
                "n19a",
                "f16a",
                "n20a",
                "f17a",
                "n21a",
                "f18a",
                "n22a",
                "f19a",
                "n23a",
                "f20a",
            )
        )
        else "en"
        for g in gold
        if not g.get("optional")
    )
    # both languages hold a fair share of the required events (the later, smaller batches: a fifth each)
    least = 20 if len(gold) >= 100 else len([g for g in gold if not g.get("optional")]) // 5
    assert langs["ar"] >= least and langs["en"] >= least


@pytest.mark.parametrize(
    ("name", "floor"),
    [
        ("news", 0.85),
        ("news2", 0.7),
        ("frozen", 0.62),
        ("news3", 0.65),
        ("frozen3", 0.6),
        ("news4", 0.7),
        ("frozen4", 0.65),
        ("news5", 0.7),
        ("frozen5", 0.6),
        ("news6", 0.65),
        ("news7", 0.7),
        ("news8", 0.7),
        ("news9", 0.65),
        ("frozen6", 0.7),
        ("news10", 0.7),
        ("frozen7", 0.65),
        ("news11", 0.7),
        ("frozen8", 0.62),
        ("news12", 0.62),
        ("frozen9", 0.62),
        ("news13", 0.7),
        ("frozen10", 0.68),
        ("news14", 0.7),
        ("frozen11", 0.7),
        ("news15", 0.68),
        ("frozen12", 0.7),
        ("news16", 0.75),
        ("frozen13", 0.7),
    ],
)
def test_news_gold_floor(name, floor):
    """news, news2 ... news5 were developed against (issue 7); frozen, frozen3, frozen4 and frozen5 never
    were: floors guard, they are no targets (news3 measured 0.699 and frozen3 0.641 when first scored,
    news4 0.767 and frozen4 0.738, news5 0.806 and frozen5 0.700, news6 0.750, news7 0.784, news8 0.789, news9 0.740
    and frozen6 0.819, news10 0.779 and frozen7 0.748, news11 0.805 and frozen8 0.724, news12 0.727 and frozen9 0.745,
    news13 0.815 and frozen10 0.796, news14 0.794 and frozen11 0.813, news15 0.768 and frozen12 0.814, news16 0.854 and frozen13 0.803)."""
    gold = load_jsonl(ROOT / "tests" / "gold" / f"{name}.jsonl")
    events = run(gold_articles(gold, ROOT / "tests" / "gold" / name)).events.to_dict("records")
    res = score(gold, events)
    assert res.f1 >= floor, res.summary()


@pytest.mark.parametrize(
    "name",
    [
        "cases",
        "frozen_cases",
        "cases2",
        "frozen_cases2",
        "cases3",
        "cases4",
        "frozen_cases3",
        "cases5",
        "frozen_cases4",
        "cases6",
        "frozen_cases5",
        "cases7",
        "frozen_cases6",
        "cases8",
        "frozen_cases7",
        "cases9",
        "frozen_cases8",
        "cases10",
        "frozen_cases9",
        "cases11",
        "frozen_cases10",
    ],
)
def test_field_cases_are_well_formed(name):
    """Short field cases (CASES.md): evidence in its article, both languages, and the no-event list
    names articles that exist and have no gold line."""
    gold = load_jsonl(ROOT / "tests" / "gold" / f"{name}.jsonl")
    folder = ROOT / "tests" / "gold" / name
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}
    assert max(Counter(g["id"] for g in gold).values()) == 1
    for g in gold:
        assert g["type"] in EVENT_TYPES and g["status"] in STATUSES
        assert " ".join(g["evidence"].split()) in " ".join(texts[g["article"]].split()), g["id"]
    no_event = (ROOT / "tests" / "gold" / f"{name}.noevent").read_text(encoding="utf-8").split()
    assert no_event and set(no_event) <= set(texts)
    assert not {g["article"] for g in gold} & set(no_event)
    langs = Counter("_ar_" in n and "ar" or "en" for n in texts)
    assert langs["ar"] >= 10 and langs["en"] >= 10


@pytest.mark.parametrize(
    ("name", "size", "floor"),
    [
        ("cases", 40, 24),
        ("frozen_cases", 40, 19),
        ("cases2", 24, 13),
        ("frozen_cases2", 24, 13),
        ("cases3", 36, 18),
        ("cases4", 24, 12),
        ("frozen_cases3", 24, 12),
        ("cases5", 24, 7),
        ("frozen_cases4", 24, 12),
        ("cases6", 24, 10),
        ("frozen_cases5", 24, 7),
        ("cases7", 24, 10),
        ("frozen_cases6", 24, 9),
        ("cases8", 24, 9),
        ("frozen_cases7", 24, 4),
        ("cases9", 24, 6),
        ("frozen_cases8", 24, 9),
        ("cases10", 24, 6),
        ("frozen_cases9", 24, 8),
        ("cases11", 24, 9),
        ("frozen_cases10", 24, 6),
    ],
)
def test_field_cases_floor(name, size, floor):
    """How many field cases come out exactly right (bench/cases.py): cases measured 25 of 40 and
    frozen_cases 21 of 40 when first run, cases2 and frozen_cases2 15 of 24 each (main at b3ba0f7), cases3
    21 of 36 (main at dc3fd3d), cases4 and frozen_cases3 15 of 24 each (main at 7796deb), cases5 9 and
    frozen_cases4 15 of 24 (main at 4774183), cases6 13 and frozen_cases5 9 of 24 (main at a3071a2), cases7 13 and frozen_cases6 12 of 24 (main at fb0249d),
    cases8 12 and frozen_cases7 6 of 24 (main at 6284d26), cases9 9 and frozen_cases8 12 of 24 (main at 04c98d7),
    cases10 9 and frozen_cases9 11 of 24 (main at fd1708a), cases11 12 and frozen_cases10 9 of 24 (main at db96da8);
    floors guard, they are no targets."""
    folder = ROOT / "tests" / "gold" / name
    files = sorted(p for p in folder.iterdir() if p.is_file())
    no_event = (ROOT / "tests" / "gold" / f"{name}.noevent").read_text(encoding="utf-8").split()
    gold = load_jsonl(ROOT / "tests" / "gold" / f"{name}.jsonl")
    events = run(files).events.to_dict("records")
    verdicts = articles_right(gold, events, [p.name for p in files], no_event)
    right, total = sum(verdicts.values()), len(verdicts)
    assert total == size and right >= floor, right
