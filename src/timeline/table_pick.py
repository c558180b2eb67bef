"""The events table's selection follows the event, not the row number.

Streamlit keeps a table's selection as row positions. When a filter changes the rows, position 0 is another
event, and the detail view and the review panel would switch to it unasked. So the app remembers the event
a selection was made on (its ``event_id`` and row, :func:`remember`) and, before it draws the table again,
moves the selection to the row where that event is now, or clears it when the event left the table
(:func:`followed_rows`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["followed_rows", "remember", "rows_of", "selected_rows"]


def selected_rows(state: Any) -> list[int]:
    """The selected row positions of a table's widget state (``st.session_state[key]`` or the value
    ``st.dataframe`` returns: ``{"selection": {"rows": [...]}}`` as a dict or attribute dict); [] for none."""
    if not state:
        return []
    selection = state["selection"] if isinstance(state, Mapping) else getattr(state, "selection", None)
    if not selection:
        return []
    rows = selection["rows"] if isinstance(selection, Mapping) else getattr(selection, "rows", [])
    return [int(r) for r in rows or []]


def remember(state: Any, ids: pd.Series) -> tuple[str, int] | None:
    """``(event_id, row)`` of the row selected in ``state`` (see :func:`selected_rows`), ``ids`` being the
    table's event ids in its order; None when no row is selected."""
    rows = selected_rows(state)
    if not rows or rows[0] >= len(ids):
        return None
    return str(ids.iloc[rows[0]]), rows[0]


def followed_rows(state: Any, picked: tuple[str, int] | None, ids: pd.Series, limit: int) -> list[int] | None:
    """The selection to set before the table is drawn again, or None to leave it as it is.

    ``state`` is the table's widget state, ``picked`` what :func:`remember` said after the last run, ``ids``
    the event ids of the rows now (in table order) and ``limit`` how many of them the table shows. When the
    selection is still at the row it was made on but another event stands there (the rows changed), the
    selection moves to the picked event's new row (``[k]``), or is cleared (``[]``) when that event is not
    among the table's rows any more. A selection made since (another row) stands.
    """
    rows = selected_rows(state)
    if not rows or picked is None or rows[0] != picked[1]:
        return None
    eid, row = picked
    if row < min(len(ids), limit) and str(ids.iloc[row]) == eid:
        return None
    where = np.flatnonzero(ids.iloc[:limit].astype(str).to_numpy() == eid)
    return [int(where[0])] if len(where) else []


def rows_of(event_id: str, ids: pd.Series, limit: int) -> list[int]:
    """The selection that picks ``event_id`` (a link's ``row``) among the first ``limit`` of the table's
    event ``ids``: ``[k]``, or ``[]`` when it is not among them."""
    where = np.flatnonzero(ids.iloc[:limit].astype(str).to_numpy() == str(event_id))
    return [int(where[0])] if len(where) else []
