"""The user gazetteer: `timeline gazetteer import` of a GeoNames country dump and of a CSV, its report,
its use by the extractor (Python and pickled for Dask workers) and by the cache key.

``fixtures/gazetteer/SY.txt`` is a small file in the exact GeoNames dump format (19 tab-separated
columns; ids from 9000001 are made up for the test, 164816 is Saraqib's real id), with a hill (feature
class T), a Persian-only name, a place the bundled gazetteer has, and a broken line.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.gazetteer import Gazetteer, distance_km
from timeline.gazetteer.user import import_places, read_user_rows
from timeline.normalize import fold

FIXTURES = Path(__file__).parent / "fixtures" / "gazetteer"
SY = FIXTURES / "SY.txt"
CSV = FIXTURES / "villages.csv"


@pytest.fixture
def user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "user" / "gazetteer.tsv"
    monkeypatch.setenv("TIMELINE_GAZETTEER", str(path))
    return path


def names_in(gaz: Gazetteer, text: str) -> list[str]:
    folded = fold(text)
    return [e.name for m in gaz.find(folded) for e in m.entries]


def test_geonames_dump_import_reports_and_adds(user_file: Path) -> None:
    before = Gazetteer.load()
    assert not names_in(before, "قصف على كفرسجنة وداديخ")
    report = import_places(SY, before, user_file)
    assert report.read == 5  # the hill (class T) and the broken line are not places read
    assert report.skipped_class == 1
    assert report.added == 3  # Kafr Sijnah, Maar Hattat, Dadikh
    assert report.known == 1  # Saraqib: same GeoNames id as the bundled one
    assert report.no_names == 1  # Ud: two letters, and its other name is in Persian letters
    assert len(report.bad_lines) == 1 and "line 7" in report.bad_lines[0]
    after = Gazetteer.load()
    assert names_in(after, "قصف على كفرسجنة وداديخ") == ["Kafr Sijnah", "Dadikh"]
    assert names_in(after, "shelling on Ma'ar Hattat and Maʿar Ḩaţţāţ") == ["Maar Hattat", "Maar Hattat"]
    village = after.lookup("Kafr Sijna")[0]
    assert (village.country, village.admin1) == ("SYR", "Idlib")
    assert village.name_ar in {"كفرسجنة", "كفر سجنة"}


def test_reimport_adds_nothing_and_keeps_the_file(user_file: Path) -> None:
    import_places(SY, Gazetteer.load(), user_file)
    first = user_file.read_bytes()
    again = import_places(SY, Gazetteer.load(), user_file)
    assert again.added == 0 and again.known == 4
    assert user_file.read_bytes() == first


def test_csv_import_infers_admin1_and_skips_conflicts(user_file: Path) -> None:
    report = import_places(CSV, Gazetteer.load(), user_file)
    assert report.added == 2
    assert len(report.bad_lines) == 1 and "latitude" in report.bad_lines[0]
    conflicts = {c[0] for c in report.conflicts}
    assert "Omer" in conflicts  # a village in Israel of that name: skipped, reported
    rows = {r["name"]: r for r in read_user_rows(user_file)}
    assert "Omer" not in rows
    assert rows["Maar Tamater"]["admin1"] == "Idlib" and rows["Maar Tamater"]["country"] == "SYR"
    gaz = Gazetteer.load()
    assert distance_km(gaz.lookup("Omer")[0], (35.70, 36.70)) > 100  # the known Omer stays
    assert names_in(gaz, "اشتباكات في معرتماتر وتل مناس") == ["Maar Tamater", "Tell Mannas"]


def test_csv_import_with_override_adds_conflicts_and_they_win(user_file: Path) -> None:
    report = import_places(CSV, Gazetteer.load(), user_file, override=True)
    assert report.added == 3 and {c[0] for c in report.conflicts} == {"Omer"}
    assert "added anyway" in report.summary()
    omer = Gazetteer.load().lookup("Omer")[0]  # the researcher's own entry wins over GeoNames
    assert distance_km(omer, (35.70, 36.70)) < 1


def test_a_conflicting_row_keeps_the_known_place_and_is_reported_again(
    user_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text(
        "name,name_ar,lat,lon,admin1\nAin al-Asafir,عين العصافير,35.62,36.45,Idlib\nAleppo,حلب,40.0,40.0,Idlib\n"
    )
    for _ in range(2):  # a re-import reports the same conflict
        assert main(["gazetteer", "import", str(mine)]) == 0
        out = capsys.readouterr().out
        assert "1 conflict skipped" in out
        assert "conflict: 'Aleppo'" in out and "skipped, the gazetteer keeps Aleppo (SYR)" in out
        assert "--override" in out
    assert [r["name"] for r in read_user_rows(user_file)] == ["Ain al-Asafir"]
    aleppo = Gazetteer.load().lookup("حلب")[0]
    assert distance_km(aleppo, (36.20, 37.16)) < 10


def test_dry_run_writes_nothing(user_file: Path) -> None:
    report = import_places(CSV, Gazetteer.load(), user_file, dry_run=True)
    assert report.added == 2
    assert not user_file.exists()


@pytest.mark.parametrize("override", [False, True])
def test_a_dry_run_says_what_it_would_do_not_what_it_did(
    user_file: Path, override: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fresh tester 11: ``gazetteer import --dry-run FILE`` said "2 added" with nothing written. A dry run says
    "would add 2", and what would become of the conflicts; a real import still says "2 added"."""
    args = ["gazetteer", "import", str(CSV), "--dry-run"] + (["--override"] if override else [])
    assert main(args) == 0
    out = capsys.readouterr().out
    assert f"would add {3 if override else 2}," in out and " added," not in out
    if override:
        assert "1 conflict would be added (--override)" in out and "would be added anyway and win over" in out
    else:
        assert "1 conflict would be skipped" in out and "would be skipped, the gazetteer keeps" in out
    assert "would be written to" in out and not user_file.exists()
    assert main(["gazetteer", "import", str(CSV)]) == 0
    out = capsys.readouterr().out
    assert "2 added," in out and "would" not in out.split("\n")[0]


@pytest.mark.parametrize("content", [b"\x00\x01\x02binary", b"just one line without commas or tabs\n"])
def test_bad_file_is_one_clear_error_and_loses_nothing(
    user_file: Path, tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    import_places(CSV, Gazetteer.load(), user_file)
    kept = user_file.read_bytes()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert main(["gazetteer", "import", str(bad)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("timeline: ") and "\n" not in err
    assert user_file.read_bytes() == kept


def test_cli_import_then_extract_uses_the_user_gazetteer(
    user_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "قصف على كفرسجنة\n\nنشر في: 2020-01-20\n\nقصفت قوات النظام بلدة كفرسجنة في ريف إدلب الجنوبي يوم الأحد.",
        encoding="utf-8",
    )
    out = tmp_path / "before.jsonl"
    assert main(["extract", str(article), "-o", str(out), "--no-progress"]) == 0
    assert "Kafr Sijnah" not in out.read_text(encoding="utf-8")
    assert main(["gazetteer", "import", str(SY)]) == 0
    printed = capsys.readouterr().out
    assert "3 added" in printed and "1 already known" in printed
    out2 = tmp_path / "after.jsonl"
    assert main(["extract", str(article), "-o", str(out2), "--no-progress"]) == 0
    assert '"Kafr Sijnah"' in out2.read_text(encoding="utf-8")
    assert main(["gazetteer", "info"]) == 0
    assert "3 places" in capsys.readouterr().out


def test_cache_key_changes_with_the_user_gazetteer(user_file: Path) -> None:
    from timeline.pipeline import lexicon_fingerprint

    before = lexicon_fingerprint()
    import_places(SY, Gazetteer.load(), user_file)
    assert lexicon_fingerprint() != before


def test_resources_for_dask_workers_carry_user_places(user_file: Path) -> None:
    """Workers get the driver's resources pickled (Client.scatter); the user places travel with them."""
    from timeline.pipeline import Resources

    import_places(SY, Gazetteer.load(), user_file)
    resources = pickle.loads(pickle.dumps(Resources.load()))
    assert names_in(resources.gazetteer, "داديخ") == ["Dadikh"]


ARTICLE = "قصف على داديخ\n\nنشر في: 2020-01-20\n\nقصفت قوات النظام بلدة داديخ في ريف إدلب الجنوبي يوم الأحد."


def test_dashboard_cache_is_rebuilt_after_an_import(user_file: Path, tmp_path: Path) -> None:
    from timeline.pipeline import load_or_build_events

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    cache = tmp_path / "cache"
    before = load_or_build_events(articles, cache)
    assert "Dadikh" not in str(before["places"].tolist())
    import_places(SY, Gazetteer.load(), user_file)
    after = load_or_build_events(articles, cache)
    assert "Dadikh" in str(after["places"].tolist())
    assert len(list(cache.glob("events-*.parquet"))) == 2  # a new key, the old file untouched


def test_dask_workers_use_the_user_gazetteer(user_file: Path) -> None:
    pytest.importorskip("distributed")
    from datetime import datetime

    from timeline.engine import run_articles
    from timeline.model import Article

    import_places(SY, Gazetteer.load(), user_file)
    body = "قصفت قوات النظام بلدة داديخ في ريف إدلب الجنوبي يوم الأحد."
    article = Article("a.txt", body, published=datetime(2020, 1, 20), language="ar")
    events, errors = run_articles([article], "dask", n_workers=1)
    assert not errors
    assert "Dadikh" in str(events["places"].tolist())


def test_words_are_not_imported_as_names(user_file: Path, tmp_path: Path) -> None:
    """A locative noun or a stopname alone is no name; the row is counted, nothing is indexed."""
    src = tmp_path / "words.csv"
    src.write_text("قرية,,35.6,36.6\nvillage,,35.7,36.7\nUm,,35.8,36.8\n", encoding="utf-8")
    report = import_places(src, Gazetteer.load(), user_file)
    assert (report.read, report.added, report.no_names) == (3, 0, 3)
    assert not user_file.exists()


def test_a_running_dashboard_uses_places_imported_after_it_started(
    user_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app caches its events and the gazetteer for the server's life; an import changes the user file's
    version, which is part of those caches' keys: the next rerun re-extracts with the new places."""
    from streamlit.testing.v1 import AppTest

    from timeline.gazetteer.user import user_gazetteer_version

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.delenv("TIMELINE_EVENTS", raising=False)
    monkeypatch.setenv("TIMELINE_ARTICLES", str(articles))
    monkeypatch.setenv("TIMELINE_TILES", "none")
    monkeypatch.setenv("TIMELINE_CACHE", str(tmp_path / "cache"))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe(key="table").value
    assert len(table) and not table.astype(str).apply(lambda col: col.str.contains("Dadikh")).any().any()
    before = user_gazetteer_version()
    import_places(SY, Gazetteer.load(), user_file)
    assert user_gazetteer_version() != before
    at.run()  # the same server and session: a rerun, no restart
    assert not at.exception, [e.value for e in at.exception]
    table = at.dataframe(key="table").value
    assert table.astype(str).apply(lambda col: col.str.contains("Dadikh")).any().any()


def test_user_gazetteer_version_follows_the_file(tmp_path: Path) -> None:
    from timeline.gazetteer.user import user_gazetteer_version

    path = tmp_path / "g.tsv"
    none = user_gazetteer_version(path)
    assert none.endswith(":none")
    path.write_text("a\n", encoding="utf-8")
    first = user_gazetteer_version(path)
    assert first != none and user_gazetteer_version(path) == first  # stable while the file is unchanged
    path.write_text("ab\n", encoding="utf-8")
    assert user_gazetteer_version(path) != first
