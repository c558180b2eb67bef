"""A finished Plotly figure that the app sends on many reruns, converted for the browser once.

``st.plotly_chart`` calls the figure's ``to_dict`` on every rerun: a deep copy of every trace and a base64
pass over every array (at 100k synthetic events 0.05-0.15 s per chart, two charts per rerun; cProfile under
``bench/app.py``'s reruns), although a cached figure never changes. :func:`freeze` makes ``to_dict`` compute
that once and hand back the same dict afterwards (treat it as read-only).

Streamlit then encodes that dict to JSON on every rerun too (``plotly.io.to_json``: 0.02-0.03 s for the
timeline at 100k events, 3.6 MB). The kept dict is a :class:`FrozenDict`, and :func:`to_json` (installed as
``plotly.io.to_json``; any other figure or dict goes to plotly's own) encodes it once and hands back the
same text afterwards, for the arguments Streamlit passes.
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

_MEMO = "_frozen_dict"
_plotly_to_json = pio.to_json


class FrozenDict(dict):
    """The dict a :class:`FrozenFigure` hands out, with room for its JSON (see :func:`to_json`)."""

    json_text: tuple[tuple[Any, ...], str] | None = None


def to_json(
    fig: Any, validate: bool = True, pretty: bool = False, remove_uids: bool = True, engine: str | None = None
) -> str:
    """``plotly.io.to_json``; a :class:`FrozenDict` is encoded once per set of arguments (and JSON engine)
    and its text kept (it is read-only: the figure it came from drops it on any update)."""
    if type(fig) is not FrozenDict:
        return _plotly_to_json(fig, validate=validate, pretty=pretty, remove_uids=remove_uids, engine=engine)
    args = (validate, pretty, remove_uids, engine, pio.json.config.default_engine)
    if fig.json_text is None or fig.json_text[0] != args:
        text = _plotly_to_json(fig, validate=validate, pretty=pretty, remove_uids=remove_uids, engine=engine)
        fig.json_text = (args, text)
    return fig.json_text[1]


pio.to_json = to_json  # Streamlit's st.plotly_chart calls plotly.io.to_json(figure.to_dict(), validate=False)


class FrozenFigure(go.Figure):
    """A :class:`plotly.graph_objects.Figure` whose ``to_dict`` is computed once (see :func:`freeze`).
    ``update_layout``, ``update_traces`` and ``add_trace(s)`` drop the kept dict; other in-place changes
    (``fig.layout.title = …``) are not seen: freeze a figure only once it is complete."""

    def to_dict(self) -> dict[str, Any]:
        kept = self.__dict__.get(_MEMO)
        if kept is None:
            kept = self.__dict__[_MEMO] = FrozenDict(super().to_dict())
        return kept

    def _forget(self) -> None:
        self.__dict__.pop(_MEMO, None)

    def update_layout(self, *args: Any, **kwargs: Any) -> FrozenFigure:
        self._forget()
        return super().update_layout(*args, **kwargs)

    def update_traces(self, *args: Any, **kwargs: Any) -> FrozenFigure:
        self._forget()
        return super().update_traces(*args, **kwargs)

    def add_trace(self, *args: Any, **kwargs: Any) -> FrozenFigure:
        self._forget()
        return super().add_trace(*args, **kwargs)

    def add_traces(self, *args: Any, **kwargs: Any) -> FrozenFigure:
        self._forget()
        return super().add_traces(*args, **kwargs)


def freeze(fig: go.Figure) -> FrozenFigure:
    """``fig`` itself (no copy), as a :class:`FrozenFigure`. Raises ``TypeError`` for a subclass of
    ``go.Figure`` (e.g. a ``FigureWidget``): only plain figures are frozen."""
    if type(fig) is FrozenFigure:
        return fig
    if type(fig) is not go.Figure:
        raise TypeError(f"only a plain plotly Figure can be frozen, not {type(fig).__name__}")
    fig.__class__ = FrozenFigure
    return fig  # type: ignore[return-value]
