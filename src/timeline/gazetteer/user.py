"""The user gazetteer: places a researcher imports (``timeline gazetteer import FILE``).

Two input formats, told apart by their content:

* a **GeoNames country dump** (``SY.txt`` from the GeoNames export, tab-separated, the 19 standard
  columns: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature
  code, country code, cc2, admin1 code, admin2, admin3, admin4, population, elevation, dem, timezone,
  modification date). Only populated places (feature class ``P``) are read unless ``classes`` says
  otherwise;
* a **CSV** ``name,name_ar,lat,lon[,admin1]`` (a header line is optional; ``name_ar`` may be empty).

Both become rows through :func:`timeline.gazetteer.rows.gazetteer_row`, the function the offline build
of ``geonames.tsv`` uses: the same names kept (the name, the ASCII name, capitalised Latin alternates with
their article variants al-/el-/an-..., Arabic-script alternates that fold to plain Arabic letters), the
same Arabic display name and the same false-place filter (3+ letters, not a stopname nor a locative noun;
see :mod:`timeline.gazetteer.names`). The entries land in one TSV file (the bundled ``geonames.tsv`` columns) at
:func:`user_gazetteer_path`; :meth:`timeline.gazetteer.Gazetteer.load` reads it after the bundled files,
so the extractor, the dashboard (its cache key hashes this file) and Dask workers (they get the
driver's gazetteer) use it from then on. Importing the same file again adds nothing; entries already
in the user file are kept.

Resolution: a GeoNames-dump entry ranks like a bundled GeoNames place; a CSV entry (a researcher's
own, ``geonameid`` 0) ranks with the hand-kept entries, so it wins over GeoNames for its name.

Conflicts: a CSV row whose name the gazetteer already places elsewhere (no known place of that name within
10 km, or within the known region's radius) would take that name over, so it is skipped and reported unless
the import is asked to ``override``; a re-import reports the same conflicts. A GeoNames-dump row with its own
GeoNames id is another place of the same name (a homonym): it is added beside the known one and ranks like
it, so it is counted, not skipped.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.gazetteer.names import read_stopnames
from timeline.gazetteer.rows import TSV_COLUMNS, GeoNamesPlace, admin1_name, gazetteer_row, write_tsv
from timeline.resources import data_dir

if TYPE_CHECKING:
    from timeline.gazetteer import GazEntry, Gazetteer

__all__ = [
    "ImportReport",
    "admin1_name",
    "import_places",
    "read_user_rows",
    "user_gazetteer_path",
    "user_gazetteer_version",
]

#: How far (km) a same-named place may lie from a known one and still be the same place.
SAME_PLACE_KM = 10.0
_GEONAMES_FIELDS = 19


def user_gazetteer_path() -> Path:
    """Where imported places are kept: ``$TIMELINE_GAZETTEER``, else ``$XDG_DATA_HOME/timeline/gazetteer.tsv``
    (``~/.local/share/timeline/gazetteer.tsv``)."""
    env = os.environ.get("TIMELINE_GAZETTEER")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "timeline" / "gazetteer.tsv"


def user_gazetteer_version(path: Path | None = None) -> str:
    """A token that changes whenever the user gazetteer file is written or removed: its path, inode, mtime (ns)
    and size (``"<path>:none"`` while there is none). One ``stat``, no read: cheap enough for every rerun of
    the dashboard, whose caches take it as a key so that a rerun after ``timeline gazetteer import`` uses
    the new places."""
    path = path or user_gazetteer_path()
    try:
        st = path.stat()
    except OSError:
        return f"{path}:none"
    return f"{path}:{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"


def country_codes(folder: Path | None = None) -> dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3 from the bundled ``countries.tsv`` (built from GeoNames)."""
    path = (folder or data_dir() / "gazetteer") / "countries.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {r["iso2"]: r["iso3"] for r in csv.DictReader(fh, delimiter="\t")}


@dataclass(frozen=True)
class ImportRow:
    """One place read from an import file: its TSV row and where it came from (line number)."""

    line: int
    row: dict[str, str]


@dataclass
class ImportReport:
    """What an import did. ``conflicts``: (name, new place, known place, km apart) of CSV rows the gazetteer
    places elsewhere: skipped unless ``overridden`` (then added, and they win over the known place).
    ``homonyms``: GeoNames-dump rows added beside a known place of the same name elsewhere."""

    path: Path
    read: int = 0
    added: int = 0
    known: int = 0  # the same place is already in the bundled or the user gazetteer
    no_names: int = 0  # every name was dropped by the false-place filter
    skipped_class: int = 0  # GeoNames rows of another feature class
    dropped_names: list[str] = field(default_factory=list)
    bad_lines: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str, str, float]] = field(default_factory=list)
    overridden: bool = False  # conflicting rows were added (``--override``) instead of skipped
    homonyms: int = 0
    dry_run: bool = False  # nothing was written: ``added`` and the conflicts say what an import would do

    def summary(self, limit: int = 10) -> str:
        """A few lines for a person: counts, then the first ``limit`` conflicts and bad lines. After a dry run
        they say what an import would do ("would add 3", "would be skipped"): nothing was written."""
        would = "would be " if self.dry_run else ""
        lines = [
            f"{self.path}: {self.read} places read, {'would add ' if self.dry_run else ''}{self.added}"
            f"{'' if self.dry_run else ' added'}, {self.known} already known, "
            f"{self.no_names} without a usable name, {len(self.conflicts)} conflict{'' if len(self.conflicts) == 1 else 's'} "
            f"{would}{'added (--override)' if self.overridden else 'skipped'}, "
            f"{len(self.bad_lines)} bad lines"
            + (f", {self.skipped_class} of other feature classes skipped" if self.skipped_class else "")
            + (f", {self.homonyms} homonyms of known places {would}added" if self.homonyms else "")
        ]
        if self.dry_run:
            verb = (
                "would be added anyway and win over"
                if self.overridden
                else "would be skipped, the gazetteer keeps"
            )
        else:
            verb = "added anyway, it now wins over" if self.overridden else "skipped, the gazetteer keeps"
        for name, new, old, km in self.conflicts[:limit]:
            lines.append(
                f"  conflict: {name!r} is {new} here but {old} in the gazetteer ({km:.0f} km apart): "
                f"{verb} {old}"
            )
        if self.conflicts and not self.overridden:
            lines.append(
                "  (to add conflicting places anyway and let them win, import again with --override)"
            )
        for bad in self.bad_lines[:limit]:
            lines.append(f"  bad line: {bad}")
        return "\n".join(lines)


def _sniff(text: str) -> str:
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if first.count("\t") == _GEONAMES_FIELDS - 1 and first.split("\t", 1)[0].strip().isdigit():
        return "geonames"
    if "," in first:
        return "csv"
    raise ValueError(
        "not a GeoNames country dump (19 tab-separated columns) nor a CSV name,name_ar,lat,lon[,admin1]"
    )


def _float(value: str, low: float, high: float, what: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise ValueError(f"{what} {value!r} is not a number") from None
    if not low <= x <= high:
        raise ValueError(f"{what} {x} is out of range")
    return x


def read_geonames_dump(
    text: str, report: ImportReport, stop: set[str], iso3: dict[str, str], classes: str = "P"
) -> Iterator[ImportRow]:
    """Rows of a GeoNames country dump (see the module docstring); bad lines go to ``report``."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        f = line.split("\t")
        if len(f) != _GEONAMES_FIELDS:
            report.bad_lines.append(f"line {n}: {len(f)} columns, a GeoNames dump has {_GEONAMES_FIELDS}")
            continue
        if f[6] not in classes:
            report.skipped_class += 1
            continue
        try:
            gid = int(f[0])
            lat = _float(f[4], -90, 90, "latitude")
            lon = _float(f[5], -180, 180, "longitude")
            pop = int(f[14] or 0)
        except ValueError as err:
            report.bad_lines.append(f"line {n}: {err}")
            continue
        report.read += 1
        place = GeoNamesPlace(
            geonameid=gid,
            name=f[1],
            alternates=tuple(f[3].split(",") if f[3] else ()),
            lat=lat,
            lon=lon,
            country_code=f[8],
            admin1_code=f[10],
            population=pop,
            asciiname=f[2],
            capital=f[7] == "PPLC",
        )
        row, dropped = gazetteer_row(place, stop, set(), iso3)
        report.dropped_names += dropped
        if row is None:
            report.no_names += 1
            continue
        yield ImportRow(n, row)


def read_csv_places(text: str, report: ImportReport, stop: set[str]) -> Iterator[ImportRow]:
    """Rows of a CSV ``name,name_ar,lat,lon[,admin1]`` (country and admin1 filled in later)."""
    for n, rec in enumerate(csv.reader(io.StringIO(text)), 1):
        if not rec or not any(c.strip() for c in rec) or rec[0].lstrip().startswith("#"):
            continue
        rec = [c.strip() for c in rec]
        if n == 1 and rec[0].lower() == "name":
            continue  # the header
        if len(rec) not in (4, 5):
            report.bad_lines.append(f"line {n}: {len(rec)} fields, expected name,name_ar,lat,lon[,admin1]")
            continue
        try:
            lat = _float(rec[2], -90, 90, "latitude")
            lon = _float(rec[3], -180, 180, "longitude")
        except ValueError as err:
            report.bad_lines.append(f"line {n}: {err}")
            continue
        if not rec[0] and not rec[1]:
            report.bad_lines.append(f"line {n}: no name")
            continue
        report.read += 1
        place = GeoNamesPlace(0, rec[0], (rec[1],), lat, lon, "", "", 0)
        row, dropped = gazetteer_row(place, stop, set(), {})
        report.dropped_names += dropped
        if row is None:
            report.no_names += 1
            continue
        # a researcher's own place: the names as written, country and admin1 given or filled in later
        row |= {"name": rec[0] or rec[1], "name_ar": rec[1], "admin1": rec[4] if len(rec) == 5 else ""}
        yield ImportRow(n, row | {"kind": "user"})


def read_user_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a user gazetteer file (empty when there is none)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _km(a: GazEntry, b: GazEntry) -> float:
    """Equirectangular distance (km): exact enough under 100 km, and fast for imports of 20,000 rows."""
    cos = math.cos(math.radians((a.lat + b.lat) / 2))
    return 111.2 * math.hypot(a.lat - b.lat, (a.lon - b.lon) * cos)


def _entry(row: dict[str, str]) -> GazEntry:
    from timeline.gazetteer import geonames_entry

    return geonames_entry(row)


def import_places(
    path: Path,
    gazetteer: Gazetteer,
    user_path: Path | None = None,
    classes: str = "P",
    dry_run: bool = False,
    override: bool = False,
) -> ImportReport:
    """Add the places of ``path`` (a GeoNames dump or a CSV) to the user gazetteer; see the module docstring.

    ``gazetteer`` is the one in use (bundled + user), to find places already known and conflicts.
    CSV rows in conflict are skipped (and listed in the report) unless ``override`` is true.
    Raises ``ValueError`` (one line) for a file in neither format or without one usable row, and
    ``OSError`` when it cannot be read; the user file is then left as it was.
    """
    user_path = user_path or user_gazetteer_path()
    report = ImportReport(Path(path), overridden=override, dry_run=dry_run)
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    folder = data_dir() / "gazetteer"
    # a locative noun alone ("قرية", "village") is not a name
    stop = read_stopnames(folder / "stopnames.txt") | set(gazetteer.cues.locatives)
    if _sniff(text) == "geonames":
        found = list(read_geonames_dump(text, report, stop, country_codes(folder), classes))
    else:
        found = list(read_csv_places(text, report, stop))
    if not found and not report.read:
        raise ValueError(f"{path}: no usable place ({len(report.bad_lines)} bad lines)")
    existing = read_user_rows(user_path)
    known_ids = {int(r["geonameid"]) for r in existing if r["geonameid"] != "0"}
    known_ids |= gazetteer.geonameids()
    added: list[dict[str, str]] = []
    by_name: dict[str, list[GazEntry]] = {}  # user places by name, to spot the same place twice
    for r in existing:
        by_name.setdefault(r["name"], []).append(_entry(r))
    for item in found:
        row = item.row
        gid = int(row["geonameid"])
        if gid and gid in known_ids:
            report.known += 1
            continue
        new = _entry(row)
        same, conflict = False, None
        for name in row["names"].split("|"):
            for old in gazetteer.lookup(name):
                if old.precision not in {"point", "region"}:
                    continue
                km = _km(new, old)
                if km <= max(SAME_PLACE_KM, old.radius_km):
                    same = True
                elif conflict is None and old.precision == "point":
                    conflict = (name, f"({new.lat:.3f}, {new.lon:.3f})", f"{old.name} ({old.country})", km)
        if not same:
            same = any(_km(new, other) <= SAME_PLACE_KM for other in by_name.get(row["name"], []))
        if same:
            report.known += 1
            continue
        if not row["country"] or not row["admin1"]:
            near = gazetteer.nearest(new.lat, new.lon, max_km=40.0)
            if near is not None:
                row["country"] = row["country"] or near.country
                row["admin1"] = row["admin1"] or near.admin1
        if conflict is not None and gid:
            report.homonyms += 1  # another GeoNames id: another place of that name, ranked like GeoNames
        elif conflict is not None:
            report.conflicts.append(conflict)
            if not override:
                continue
        added.append(row)
        by_name.setdefault(row["name"], []).append(new)
        if gid:
            known_ids.add(gid)
    report.added = len(added)
    if added and not dry_run:
        write_tsv(user_path, TSV_COLUMNS, existing + added)
    return report
