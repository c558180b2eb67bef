"""The map popups' event rows built for many events at once (:func:`popup_rows`).

A new filter state lists other events in the places' popups (each place's latest
:data:`~timeline.maps.POPUP_EVENTS`): at 100k synthetic events ~5,000 rows new to the app's row cache,
which :func:`timeline.maps.popup_row` builds one by one in ~0.05-0.07 s (four ``html.escape`` and two
``replace`` per row; ``bench/app.py --reruns``, cProfile). Here the same rows are escaped, cut and joined
column by column with Arrow's string kernels (a few ms); the per-event Python left is turning each field
into its text as :func:`~timeline.maps.popup_row` does (``str(value or "")``).

Same strings as :func:`~timeline.maps.popup_row` (``tests/test_popup_rows.py`` compares them on hostile
text); a text Arrow cannot hold (a lone surrogate) falls back to :func:`~timeline.maps.popup_row` for all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from timeline import maps

#: ``html.escape(…, quote=True)`` then braces as character references: :func:`timeline.maps.html_text`.
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"),
             ("{", "&#123;"), ("}", "&#125;"))  # fmt: skip
#: Evidence longer than this many characters is cut to ``_CUT`` and "…" (as :func:`maps.popup_row`).
_LONGEST, _CUT = 160, 157
_FIELDS = ("date", "type", "status", "evidence", "language", "about", "review")


def _escaped(texts: pa.Array) -> pa.Array:
    for char, entity in _ENTITIES:  # "&" first: the entities' own "&" stay
        texts = pc.replace_substring(texts, pattern=char, replacement=entity)
    return texts


def popup_rows(fields: Mapping[str, Sequence[Any]]) -> list[str]:
    """``[maps.popup_row(ev) for ev in events]`` for the events given column by column: ``fields`` maps
    each of ``date``, ``type``, ``status``, ``evidence``, ``language``, ``about``, ``review`` to one value
    per event (as :func:`timeline.place_weeks._popup_fields` gives them). Returns one HTML row per event."""
    n = len(fields["type"])
    date = [str(v or "") for v in fields["date"]]
    etype = [str(v) for v in fields["type"]]
    evidence = [str(v or "") for v in fields["evidence"]]
    about = [str(v) if v else "" for v in fields["about"]]
    try:
        date_a, type_a, evidence_a, about_a = (
            pa.array(c, type=pa.string()) for c in (date, etype, evidence, about)
        )
    except (pa.ArrowException, UnicodeError):  # a lone surrogate: Arrow holds UTF-8 only
        events = zip(*(fields[f] for f in _FIELDS), strict=True)
        return [maps.popup_row(dict(zip(_FIELDS, ev, strict=True))) for ev in events]
    long = pc.greater(pc.utf8_length(evidence_a), _LONGEST)
    cut = pc.binary_join_element_wise(pc.utf8_slice_codeunits(evidence_a, 0, _CUT), "…", "")
    evidence_a = pc.if_else(long, cut, evidence_a)
    has_about = [bool(a) for a in about]
    about_html = pc.if_else(
        pa.array(has_about, type=pa.bool_()),
        pc.binary_join_element_wise("<div class=on>on: ", _escaped(about_a), "</div>", ""),
        "",
    )
    css = pa.array([maps._css_name(t) for t in etype], type=pa.string())
    tags = pa.array([maps.review_tag(s) for s in fields["review"]], type=pa.string())
    rtl = pa.array([' dir="rtl"' if lang == "ar" else "" for lang in fields["language"]], type=pa.string())
    rows = pc.binary_join_element_wise(
        "<tr><td>", _escaped(date_a), "<td class=t-", css, ">", _escaped(type_a), tags,
        "<td", rtl, ">", _escaped(evidence_a), about_html, "</tr>", "",
    )  # fmt: skip
    return rows.to_pylist() if n else []
