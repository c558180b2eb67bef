"""One reader per format: txt, md, html, json, jsonl, csv, rss/atom, folders, uploads, the corpus."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest

from timeline.model import Article, ReadError
from timeline.readers import iter_articles, read_articles, read_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SHARED = Path(__file__).parents[2] / "shared"
CORPUS = SHARED / "corpus"
SEED = CORPUS / "seed" / "000_0dba28c0c5621694.txt"
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")


def only(path: Path, **kwargs: object) -> Article:
    items = list(iter_articles([path], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@needs_corpus
def test_seed_title_date_body() -> None:
    art = only(SEED)
    raw = SEED.read_text(encoding="utf-8")
    assert art.source == str(SEED)
    assert art.title == raw.splitlines()[0].strip()
    assert art.published == datetime(2020, 2, 10, 13, 38, 2)
    assert art.language == "ar"
    story = raw[: raw.index("الاخبار المتعلقة")]
    paragraphs = [p.strip() for p in story.split("\n\n") if p.strip().endswith(".")]
    assert len(paragraphs) == 8 and all(p in art.text for p in paragraphs)
    assert "تم النشر" not in art.text and "الخبر السابق" not in art.text
    assert not art.text.startswith(art.title)


def test_txt_english_byline_and_related_list() -> None:
    art = only(FIXTURES / "english_byline.txt")
    assert art.title == "Russian and Turkish officials meet in Moscow over Idlib"
    assert art.published == datetime(2020, 2, 17)
    assert art.language == "en"
    assert art.text.startswith("Russian and Turkish officials met in Moscow on Monday")
    assert "Published" not in art.text and "Erdogan warns" not in art.text and "Home |" not in art.text


def test_txt_arabic_byline_with_arabic_indic_digits_and_am() -> None:
    art = only(FIXTURES / "arabic_read_also.txt")
    assert art.published == datetime(2020, 2, 11, 9, 30)
    assert art.title.startswith("قصف مدفعي")
    assert "اقرأ" not in art.text and "وأضاف الدفاع المدني" in art.text


def test_txt_dateline_at_the_start_as_in_fakes() -> None:
    art = only(FIXTURES / "fakes_like.txt")
    assert art.published == datetime(2017, 4, 5)
    assert art.text.startswith("Syria attack symptoms")


def test_markdown_front_matter_and_clean_sentences() -> None:
    art = only(FIXTURES / "page.md")
    assert art.title == "Battle of Saraqib (2020)"
    assert art.published == datetime(2023, 8, 5, 3, 8)  # pubDate, not the infobox "date"
    assert "The Battle of Saraqib was fought in Idlib Governorate between" in art.text
    assert "cutting the M5 highway." in art.text
    for syntax in (
        "**",
        "](",
        "[1]",
        "[2]",
        "##",
        "![",
        "citation needed",
        "See also",
        "Northwestern Syria offensive",
    ):
        assert syntax not in art.text


def test_html_main_text_and_metadata() -> None:
    art = only(FIXTURES / "english_related.html")
    assert art.title == "Turkey sends reinforcements to Idlib"
    assert art.published == datetime(2020, 2, 10, 14, 5)
    assert art.url == "https://news.example.org/2020/02/10/turkey-idlib"
    assert (
        "Turkey sent more troops and armoured vehicles into Idlib province on Monday, a day after" in art.text
    )
    assert "Talks between Turkish and Russian delegations in Ankara" in art.text
    for gone in (
        "Home",
        "WhatsApp",
        "Saraqeb\n",
        "neutralise",
        "Tags",
        "Markets fall",
        "rights reserved",
        "dataLayer",
    ):
        assert gone not in art.text


def test_html_time_element_when_no_meta() -> None:
    page = (
        "<html><body><h1>Clashes in Daraa</h1><p>By <b>staff</b></p>"
        '<time datetime="2019-03-02T08:00:00Z">2 March</time>'
        "<p>Clashes broke out in Daraa al-Balad on Saturday between government forces and former rebels.</p>"
        "</body></html>"
    )
    (art,) = read_bytes("page.html", page.encode())
    assert isinstance(art, Article)
    assert art.title == "Clashes in Daraa" and art.published == datetime(2019, 3, 2, 8, 0)


def test_jsonl_aliases_and_bad_rows() -> None:
    items = list(iter_articles([FIXTURES / "articles.jsonl"]))
    arts = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [a.title for a in arts] == ["Ceasefire takes effect in Idlib", "Joint patrols begin on the M4", ""]
    assert arts[0].source == "https://news.example.org/ceasefire" and arts[0].published == datetime(
        2020, 3, 6
    )
    assert arts[1].source.endswith("articles.jsonl#p-2") and arts[1].published == datetime(2020, 3, 15)
    assert arts[2].language == "ar" and arts[2].published == datetime(2020, 3, 20)
    assert [e.source.rsplit("#", 1)[1] for e in errors] == ["3", "4"]
    assert "invalid JSON on line 3" in errors[0].reason and "no text" in errors[1].reason


def test_json_list_source_rule() -> None:
    items = list(iter_articles([FIXTURES / "articles.json"]))
    assert isinstance(items[0], Article) and items[0].source == "https://news.example.org/ankara"
    # an outlet name ("nna", as in FA-KES) is not a locator: the row id is used
    assert isinstance(items[1], Article) and items[1].source.endswith("articles.json#17")
    assert items[1].published == datetime(2020, 2, 11)
    assert isinstance(items[2], ReadError) and items[2].source.endswith("articles.json#3")


def test_single_json_object_is_one_article_named_by_the_file() -> None:
    art = only(FIXTURES / "single.json")
    assert art.source == str(FIXTURES / "single.json")
    assert art.url == "https://news.example.org/deadline"
    assert art.published == datetime(2020, 2, 5, 12, 0)
    assert "<p>" not in art.text and "Read more" not in art.text
    assert art.text.startswith("President Erdogan gave the Syrian government")


def test_csv_alias_columns_and_missing_text() -> None:
    items = list(iter_articles([FIXTURES / "articles.csv"]))
    first, missing, third = items
    assert isinstance(first, Article) and first.title == "Syrian army enters Maarat al-Numan"
    assert first.source.endswith("articles.csv#101") and first.published == datetime(2020, 1, 28)
    assert first.text.startswith("Syrian army enters Maarat al-Numan.")  # the dateline went
    assert isinstance(missing, ReadError) and missing.source.endswith("#102") and "no text" in missing.reason
    assert isinstance(third, Article) and third.source == "https://news.example.org/convoy"


@pytest.mark.parametrize("name", ["feed.rss", "feed.atom"])
def test_feeds(name: str) -> None:
    arts = list(iter_articles([FIXTURES / name]))
    assert arts and all(isinstance(a, Article) for a in arts)
    first = arts[0]
    assert isinstance(first, Article) and first.source.startswith("https://news.example.org/")
    assert first.published is not None and "<" not in first.text


def test_rss_items_keep_their_own_dates_and_languages() -> None:
    talks, shelling = iter_articles([FIXTURES / "feed.rss"])
    assert isinstance(talks, Article) and isinstance(shelling, Article)
    assert talks.published == datetime(2020, 2, 10, 13, 38, 2)
    assert "second round" in talks.text and "Related" not in talks.text
    assert shelling.language == "ar" and shelling.published == datetime(2020, 2, 11, 9, 30)


def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    body = "Syrian government forces shelled the town of Kafranbel on Tuesday, rescuers said.\n"
    (tmp_path / "b" / "two.txt").write_text("Second\n\n" + body, encoding="utf-8")
    (tmp_path / "a.txt").write_text("First\n\n" + body, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\n" + body, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("Git\n\n" + body, encoding="utf-8")
    arts = list(iter_articles([tmp_path]))
    assert [a.source for a in arts] == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt")]


def test_language_given_or_detected() -> None:
    forced = only(FIXTURES / "english_byline.txt", language="ar")
    assert forced.language == "ar"
    (unknown,) = read_bytes("n.txt", b"Title\n\n12 34 56 78 90 -- 11 22 33\n")
    assert isinstance(unknown, Article) and unknown.language == ""


def test_read_bytes_uses_the_name_for_format_and_source() -> None:
    data = (FIXTURES / "articles.csv").read_bytes()
    items = list(read_bytes("upload.csv", data))
    assert [i.source for i in items][0] == "upload.csv#101"


def test_unknown_suffix_is_sniffed() -> None:
    (art,) = read_bytes("story.dat", (FIXTURES / "single.json").read_bytes())
    assert isinstance(art, Article) and art.title.startswith("Erdogan")


@needs_corpus
def test_corpus_asnd_subset() -> None:
    path = CORPUS / "asnd" / "asnd_syria_related_subset.csv"
    articles, errors = read_articles([path])
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    dated = sum(1 for r in rows if r["created_utc_from_tweet_id"])
    assert len(articles) == len(rows) == 451 and not errors
    assert sum(a.published is not None for a in articles) == dated  # tweets; Facebook/YouTube posts have none
    assert {a.language for a in articles} == {"ar"}


@needs_corpus
def test_corpus_fakes_reads_despite_stray_bytes() -> None:
    articles, errors = read_articles([CORPUS / "fakes" / "fakes.csv"])
    assert len(articles) == 804 and not errors
    assert all(a.published is not None for a in articles)
    assert all(a.source.startswith(str(CORPUS / "fakes" / "fakes.csv#")) for a in articles)
    first = articles[0]
    assert first.published == datetime(2017, 4, 5) and first.text.startswith("Syria attack symptoms")


@needs_corpus
def test_corpus_wikipedia_markdown() -> None:
    articles, errors = read_articles([CORPUS / "wikipedia"])
    assert len(articles) == 4 and not errors
    for art in articles:
        assert art.title and art.published is not None and art.language == "en"
        assert "](" not in art.text and "**" not in art.text and "[object Object]" not in art.text


def test_html_byline_in_the_text_when_no_date_markup() -> None:
    page = (
        "<html><head><title>Strikes on Ariha</title></head><body><article>"
        "<p>Posted: 3 March 2020</p>"
        "<p>Russian jets struck the town of Ariha overnight, killing six civilians, rescuers said.</p>"
        "<p>The strikes came two days before talks in Moscow.</p>"
        "</article></body></html>"
    )
    (art,) = read_bytes("page.htm", page.encode())
    assert isinstance(art, Article) and art.title == "Strikes on Ariha"
    assert art.published == datetime(2020, 3, 3)
    assert art.text.startswith("Russian jets struck the town of Ariha")  # the first paragraph is kept


def test_a_folders_documentation_files_are_not_articles(tmp_path):
    (tmp_path / "ATTRIBUTION.md").write_text(
        "# Sources\n\nFA-KES, CC BY 4.0. Talks in Geneva.", encoding="utf-8"
    )
    (tmp_path / "README.txt").write_text("How these files were collected.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(
        "Talks began\n\nRussian and Turkish delegations held talks in Ankara.", encoding="utf-8"
    )
    items = list(iter_articles([tmp_path]))
    assert [Path(a.source).name for a in items] == ["a.txt"]


def test_mediawiki_left_in_markdown_goes_and_links_keep_their_text() -> None:
    from timeline.readers.markup import markdown_to_text

    text = markdown_to_text(
        "Turkey set up twelve posts.\n"
        "[[File:Turkish Observation Points in Idlib.svg|left|thumb|Map of the posts on **17 September 2018**.\n"
        "[[ملف:خريطة.svg|تصغير|خريطة نقاط المراقبة]]\n"
        "On 15 September the [[Turkish Armed Forces|Turkish army]] entered [[Idlib]].{{cite news|title=x}}"
    )
    assert text == "Turkey set up twelve posts.\n\nOn 15 September the Turkish army entered Idlib.", text


@pytest.mark.parametrize(
    ("byline", "body_start"),
    [
        ("By Staff Reporter, Example Wire, March 6, 2020", "MOSCOW -"),
        ("By Jane Doe, Reuters, 6 March 2020", "MOSCOW -"),
        ("بقلم مراسل الوكالة، 6 آذار 2020", "موسكو -"),
    ],
)
def test_an_author_line_with_its_date_gives_the_publication_date(tmp_path: Path, byline, body_start) -> None:
    """A byline naming the author and outlet before the date is read, and cut from the text (a tester's
    article with it was read as undated and lost all its events)."""
    body = f"{body_start} Erdogan and Putin met on Thursday for six hours."
    path = tmp_path / "byline.txt"
    path.write_text(f"Moscow talks end\n{byline}\n\n{body}\n", encoding="utf-8")
    art = only(path)
    assert art.published == datetime(2020, 3, 6)
    assert art.text.strip() == body
