"""The extractor never raises on odd text, and always returns schema-valid events."""

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.extract import Resources, extract_article
from timeline.model import DATE_PRECISIONS, DATE_SOURCES, EVENT_TYPES, STATUSES, SUBTYPES, Article

WORDS = [
    "قصف",
    "غارات",
    "هجوم",
    "مباحثات",
    "اجتماع",
    "أمهل",
    "هدنة",
    "وقف",
    "إطلاق",
    "النار",
    "إدلب",
    "حلب",
    "روسيا",
    "تركيا",
    "النظام",
    "منذ",
    "المقبل",
    "الاثنين",
    "أمس",
    "8",
    "شباط",
    "2020",
    "كانون",
    "الأول",
    "،",
    ".",
    "لم",
    "فشلت",
    "مقتل",
    "12",
    "talks",
    "airstrikes",
    "offensive",
    "truce",
    "ceasefire",
    "Idlib",
    "Aleppo",
    "Russia",
    "Turkey",
    "on",
    "Monday",
    "since",
    "3",
    "March",
    "2019",
    "next",
    "week",
    "failed",
    "killed",
    "16",
    ";",
    "-",
    "(",
    ")",
]


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.load()


def check(events, text):
    for e in events:
        row = e.to_row()
        assert row["type"] in EVENT_TYPES and row["subtype"] in SUBTYPES[row["type"]]
        assert row["status"] in STATUSES
        assert row["date_precision"] in DATE_PRECISIONS and row["date_source"] in DATE_SOURCES
        assert 0 <= row["evidence_start"] < row["evidence_end"] <= len(text)
        assert 0 <= row["confidence"] <= 1


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=60), st.sampled_from(["ar", "en"]), st.booleans())
def test_word_salad_in_both_languages(res, words, lang, dated):
    text = " ".join(words)
    pub = datetime(2020, 2, 10) if dated else None
    check(extract_article(Article("x.txt", text, "", pub, lang), res), text)


@settings(max_examples=40, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_unicode(res, text):
    check(extract_article(Article("x.txt", text, "", datetime(2020, 2, 10), "ar"), res), text)
