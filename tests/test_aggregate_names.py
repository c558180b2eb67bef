"""Aggregates name admin-1 regions: GeoNames codes such as "RU.48" or "US.DC" never reach a chart or a CSV."""

from __future__ import annotations

import numpy as np
import pandas as pd

from events_factory import ARMY, IDLIB, event, frame
from timeline import aggregate
from timeline import aggregate_charts as ac
from timeline.aggregate_names import admin1_labels, is_raw_admin1, readable_admin1

MOSCOW = {"name": "Moscow", "name_ar": "موسكو", "lat": 55.75204, "lon": 37.61781, "country": "RUS",
          "admin1": "RU.48", "precision": "point"}  # fmt: skip
WASHINGTON = {"name": "Washington", "name_ar": "", "lat": 38.89511, "lon": -77.03637, "country": "USA",
              "admin1": "US.DC", "precision": "point"}  # fmt: skip


def test_raw_codes_become_names_and_names_stay() -> None:
    got = readable_admin1(
        pd.Series(["RU.48", "US.DC", "SY.12", "Idlib", None, "RU.48"]),
        pd.Series([55.75, 38.895, np.nan, 35.93, np.nan, 55.75]),
        pd.Series([37.62, -77.036, np.nan, 36.63, np.nan, 37.62]),
    )
    assert got.tolist()[:4] + got.tolist()[5:] == [
        "Moscow",
        "District of Columbia",
        "Idlib",
        "Idlib",
        "Moscow",
    ]
    assert pd.isna(got[4])  # no admin-1 stays missing
    assert not any(is_raw_admin1(v) for v in got)


def test_without_a_name_nearby_the_country_names_the_region() -> None:
    # no coordinates, or coordinates in another country: the country, never the code
    assert admin1_labels(["RU.99", "US.ZZ"], [None, (48.85, 2.35)]) == ["Russian Federation", "United States"]


def test_counts_per_governorate_and_campaign_areas_show_names() -> None:
    df = frame(
        [
            event("talks", "2020-03-05", places=[dict(MOSCOW)]),
            event("talks", "2020-03-06", places=[dict(WASHINGTON)]),
            event(
                "offensive",
                "2020-02-01",
                subtype="ground_offensive",
                actors=[dict(ARMY)],
                places=[dict(MOSCOW)],
            ),
            event(
                "offensive",
                "2020-02-02",
                subtype="ground_offensive",
                actors=[dict(ARMY)],
                places=[dict(IDLIB)],
            ),
        ]
    )
    prep = aggregate.prepare(df)
    per_region = aggregate.counts(prep, freq="Y", by="admin1")
    assert set(per_region["admin1"].astype(str)) == {"Moscow", "District of Columbia", "Idlib"}
    assert set(aggregate.campaigns(prep)["area"]) == {"Moscow", "Idlib"}
    assert b"RU.48" not in ac.table_csv(ac.campaigns_view(prep).table)
