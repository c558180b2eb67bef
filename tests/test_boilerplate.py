"""Link lists, menus, share bars and bylines are not article text; the story itself is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.boilerplate import iter_markers, load_lexicon, strip_boilerplate

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SEED = Path(__file__).parents[2] / "shared" / "corpus" / "seed" / "000_0dba28c0c5621694.txt"

ENGLISH_PAGE = """Turkey sends reinforcements to Idlib
Home | World | Middle East | Syria
By Jane Doe
Published: 10 February 2020 14:05 GMT
Share this article
Facebook Twitter WhatsApp

Turkey sent more troops to Idlib on Monday after Syrian shelling killed five Turkish soldiers, officials said.

Read more: Russia and Turkey hold talks in Ankara

The talks in Ankara ended without agreement, the foreign minister said on Saturday.

Related
Syrian army advances on Saraqeb
Russia says Turkey failed to neutralise militants
Tags: Syria, Turkey, Idlib
"""


def test_english_page_keeps_story_and_drops_navigation() -> None:
    out = strip_boilerplate(ENGLISH_PAGE)
    assert "Turkey sent more troops to Idlib on Monday" in out
    assert "The talks in Ankara ended without agreement" in out
    for gone in (
        "Home | World",
        "Jane Doe",
        "Published:",
        "Share this",
        "WhatsApp",
        "Read more",
        "Saraqeb",
        "Tags:",
    ):
        assert gone not in out


def test_arabic_read_also_in_the_middle_drops_only_the_links() -> None:
    text = (FIXTURES / "arabic_read_also.txt").read_text(encoding="utf-8")
    out = strip_boilerplate(text)
    assert "قتل ثلاثة مدنيين" in out
    assert "وأضاف الدفاع المدني" in out  # the paragraph after the link list survives
    assert "وكانت المنطقة قد شهدت تصعيدا" in out
    for gone in (
        "اقرأ",
        "تركيا تعزز نقاطها",
        "لا هدنة مع الإرهابيين",
        "مقتل جنديين",
        "شارك",
        "فيسبوك",
        "الوسوم",
    ):
        assert gone not in out
    assert "نشر في" not in out  # the byline line


@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not available")
def test_seed_body_survives_and_footer_goes() -> None:
    raw = SEED.read_text(encoding="utf-8")
    story = raw[: raw.index("الاخبار المتعلقة")]
    body_paragraphs = [p.strip() for p in story.split("\n\n") if p.strip().endswith(".")]
    assert len(body_paragraphs) == 8
    out = strip_boilerplate(raw)
    for paragraph in body_paragraphs:
        assert paragraph in out
    footer = raw[raw.index("الاخبار المتعلقة") :]
    for line in footer.splitlines()[1:]:
        if line.strip():
            assert line.strip() not in out
    assert "الاخبار المتعلقة" not in out
    assert "تم النشر" not in out  # byline at the top and its repeat in the footer


def test_a_marker_inside_a_sentence_does_not_fire() -> None:
    text = (
        "Officials said the related talks would resume in Moscow on Thursday, and see also no reason to delay.\n"
        "Read more about the Astana process in the statement, the ministry said on Monday evening."
    )
    assert strip_boilerplate(text) == text


def test_cut_rest_before_any_prose_drops_only_its_link_list() -> None:
    text = (
        "Related articles\n"
        "Syrian army advances on Saraqeb\n"
        "\n"
        "Turkish troops entered Idlib province on Monday after shelling killed five soldiers, officials said.\n"
    )
    out = strip_boilerplate(text)
    assert out.startswith("Turkish troops entered Idlib")
    assert "Saraqeb" not in out


def test_related_with_a_headline_on_the_same_line_is_one_link() -> None:
    text = "Russian jets struck Maarat al-Numan on Sunday, killing eight civilians, rescuers said.\nRelated: Earlier strikes"
    assert "Earlier strikes" not in strip_boilerplate(text)


def test_date_only_lines_go_but_dated_sentences_stay() -> None:
    text = "10 February 2020\nSyrian forces took Saraqeb on 6 February 2020, cutting the M5 highway.\n"
    out = strip_boilerplate(text)
    assert out == "Syrian forces took Saraqeb on 6 February 2020, cutting the M5 highway."


def test_breadcrumbs_and_bare_urls_go() -> None:
    text = "الرئيسية » أخبار » سوريا\nhttps://t.co/abc123\nقصفت طائرات روسية بلدة معرة النعمان الأحد وقتلت ثمانية مدنيين."
    assert strip_boilerplate(text) == "قصفت طائرات روسية بلدة معرة النعمان الأحد وقتلت ثمانية مدنيين."


def test_short_tweet_lines_are_not_mistaken_for_links() -> None:
    tweet = "عاجل | الدفاع التركي: مقتل جنديين تركيين بقصف لقوات النظام في إدلب"
    assert strip_boilerplate(tweet) == tweet


def test_lexicon_is_a_data_file_a_researcher_can_extend(tmp_path: Path) -> None:
    lexicon = tmp_path / "boilerplate.csv"
    lexicon.write_text("marker,lang,action\nDossier du jour,fr,cut_rest\n", encoding="utf-8")
    text = (
        "Les forces turques sont entrées dans la province d'Idleb lundi, selon des responsables.\n"
        "Dossier du jour\nLa Russie bombarde Saraqeb\n"
    )
    out = strip_boilerplate(text, load_lexicon(str(lexicon)))
    assert "Saraqeb" not in out and "Idleb" in out


def test_shipped_lexicon_has_every_action() -> None:
    actions = {action for _, action in iter_markers()}
    assert {"cut_rest", "drop_next", "drop_line", "nav_word", "author"} <= actions
