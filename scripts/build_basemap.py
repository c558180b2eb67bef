"""Build data/basemap/countries.geojson: country outlines around Syria for the offline map layer.

Source: npm ``world-atlas`` 2.0.2 (ISC licence, derived from Natural Earth, public domain), converted from
TopoJSON to GeoJSON with npm ``topojson-client`` 3.1.0's ``topo2geo`` and cropped to the region so the
layer stays small. Needs ``npm`` and ``node`` (build time only; the app never fetches anything).

    python scripts/build_basemap.py            # writes data/basemap/countries.geojson
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "basemap" / "countries.geojson"
PACKAGES = ("world-atlas@2.0.2", "topojson-client@3.1.0")
RESOLUTION = "50m"
#: lon/lat box of the region shown by default (Syria and its neighbours); features touching it are kept
BBOX = (24.0, 26.0, 52.0, 44.0)
DECIMALS = 3


def _convert(tmp: Path) -> dict:
    subprocess.run(["npm", "init", "-y"], cwd=tmp, check=True, capture_output=True)
    subprocess.run(["npm", "install", "--no-audit", "--no-fund", *PACKAGES], cwd=tmp, check=True)
    topo = tmp / "node_modules" / "world-atlas" / f"countries-{RESOLUTION}.json"
    geo = tmp / "countries.geojson"
    topo2geo = tmp / "node_modules" / ".bin" / "topo2geo"
    subprocess.run([str(topo2geo), f"countries={geo}", "-i", str(topo)], cwd=tmp, check=True)
    return json.loads(geo.read_text(encoding="utf-8"))


def _points(coords: object):  # noqa: ANN202 - yields (lon, lat) pairs of any geometry depth
    if isinstance(coords, list) and coords and isinstance(coords[0], int | float):
        yield coords
    elif isinstance(coords, list):
        for c in coords:
            yield from _points(c)


def _round(coords: object) -> object:
    if isinstance(coords, list) and coords and isinstance(coords[0], int | float):
        return [round(float(x), DECIMALS) for x in coords]
    return [_round(c) for c in coords] if isinstance(coords, list) else coords


def crop(collection: dict, bbox: tuple[float, float, float, float] = BBOX) -> dict:
    """Keep the features with at least one vertex inside ``bbox``; round coordinates."""
    x0, y0, x1, y1 = bbox
    kept = []
    for f in collection["features"]:
        geom = f.get("geometry") or {}
        if any(x0 <= x <= x1 and y0 <= y <= y1 for x, y in _points(geom.get("coordinates"))):
            kept.append(
                {
                    "type": "Feature",
                    "properties": {"name": f.get("properties", {}).get("name", "")},
                    "geometry": {"type": geom["type"], "coordinates": _round(geom["coordinates"])},
                }
            )
    return {
        "type": "FeatureCollection",
        "attribution": "Country outlines: world-atlas 2.0.2 (ISC), Natural Earth (public domain)",
        "features": kept,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = crop(_convert(Path(tmp)))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {len(data['features'])} countries, {OUT.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
