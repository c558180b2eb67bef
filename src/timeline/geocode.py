"""Optional online fallback for names the offline gazetteer lacks (only when the user asks for it).

Nominatim's usage policy asks for at most one request a second and a real user agent, so calls go
through geopy's ``RateLimiter`` and every answer (found or not) is kept in a JSON file in a folder
the caller names: a second run asks nothing twice. Without network the first failure prints one
message ("online geocoder unavailable: ...; continuing offline") and every later call returns None
at once; nothing here raises for a network problem.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geopy.exc import GeocoderParseError, GeocoderQueryError, GeopyError  # type: ignore[import-untyped]

from timeline.gazetteer import GazEntry, Gazetteer

CACHE_FILE = "geocode-cache.json"
USER_AGENT = "timeline-conflict-research (offline-first; https://github.com/)"


def _stderr(message: str) -> None:
    from timeline.model import printable

    print(printable(message), file=sys.stderr)


class OnlineGeocoder:
    """``geocoder(name) -> GazEntry | None``: Nominatim (or any geopy geocoder), rate-limited and cached.

    ``geocoder`` is any object with geopy's ``geocode(query, ...)``; by default a ``Nominatim`` is made
    on first use. ``notify`` receives the one message printed when the service cannot be reached.
    """

    def __init__(
        self,
        cache_dir: Path,
        geocoder: Any | None = None,
        *,
        user_agent: str = USER_AGENT,
        min_delay_seconds: float = 1.0,
        notify: Callable[[str], None] = _stderr,
    ) -> None:
        self.cache_path = Path(cache_dir) / CACHE_FILE
        self._geocoder = geocoder
        self._user_agent = user_agent
        self._delay = min_delay_seconds
        self._notify = notify
        self._limited: Callable[..., Any] | None = None
        self.offline = False
        self._cache: dict[str, dict[str, Any] | None] = self._read_cache()

    def _read_cache(self) -> dict[str, dict[str, Any] | None]:
        try:
            data = json.loads(self.cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _write_cache(self) -> None:
        try:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_path.with_suffix(".tmp")
            tmp.write_text(
                json.dumps(self._cache, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
            )
            tmp.replace(self.cache_path)
        except OSError as exc:  # a read-only folder costs the cache, not the run
            self._notify(f"geocode cache not written ({exc})")

    def _call(self) -> Callable[..., Any]:
        if self._limited is None:
            from geopy.extra.rate_limiter import RateLimiter  # type: ignore[import-untyped]

            if self._geocoder is None:
                from geopy.geocoders import Nominatim  # type: ignore[import-untyped]

                self._geocoder = Nominatim(user_agent=self._user_agent, timeout=10)
            self._limited = RateLimiter(
                self._geocoder.geocode, min_delay_seconds=self._delay, max_retries=0, swallow_exceptions=False
            )
        return self._limited

    def __call__(self, name: str) -> GazEntry | None:
        key = " ".join(name.split())
        if not key:
            return None
        if key in self._cache:
            return _entry(key, self._cache[key])
        if self.offline:
            return None
        try:
            location = self._call()(key, language="en")
        except (GeocoderQueryError, GeocoderParseError):  # this query only: ask again next run
            return None
        except (GeopyError, OSError) as exc:  # unreachable, refused, timed out, over quota: stop asking
            self.offline = True
            self._notify(f"online geocoder unavailable: {type(exc).__name__}: {exc}; continuing offline")
            return None
        record = None
        if location is not None:
            record = {
                "name": str(location.address),
                "lat": float(location.latitude),
                "lon": float(location.longitude),
            }
        self._cache[key] = record
        self._write_cache()
        return _entry(key, record)


def _entry(query: str, record: dict[str, Any] | None) -> GazEntry | None:
    if record is None:
        return None
    return GazEntry(
        name=query,
        name_ar=query if not query.isascii() else "",
        lat=float(record["lat"]),
        lon=float(record["lon"]),
        country="",
        admin1="",
        precision="point",
        radius_km=5.0,
        kind="online",
    )


def geocode(name: str, gazetteer: Gazetteer, online: OnlineGeocoder | None = None) -> GazEntry | None:
    """The gazetteer's best entry for ``name``; else, when ``online`` is given, the online answer."""
    hits = gazetteer.lookup(name)
    if hits:
        return hits[0]
    return online(name) if online is not None else None
