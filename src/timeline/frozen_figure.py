"""A finished Plotly figure that the app sends on many reruns, converted for the browser once.

``st.plotly_chart`` calls the figure's ``to_dict`` on every rerun: a deep copy of every trace and a base64
pass over every array (at 100k synthetic events 0.05-0.15 s per chart, two charts per rerun; cProfile under
``bench/app.py``'s reruns), although a cached figure never changes. :func:`freeze` makes ``to_dict`` compute
that once and hand back the same dict afterwards (treat it as read-only).
"""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

_MEMO = "_frozen_dict"


class FrozenFigure(go.Figure):
    """A :class:`plotly.graph_objects.Figure` whose ``to_dict`` is computed once (see :func:`freeze`).
    ``update_layout``, ``update_traces`` and ``add_trace(s)`` drop the kept dict; other in-place changes
    (``fig.layout.title = …``) are not seen: freeze a figure only once it is complete."""

    def to_dict(self) -> dict[str, Any]:
        kept = self.__dict__.get(_MEMO)
        if kept is None:
            kept = self.__dict__[_MEMO] = super().to_dict()
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
