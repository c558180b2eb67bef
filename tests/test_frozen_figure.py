"""A cached figure is converted for the browser once (issue 9.14): ``to_dict`` is kept, and the figure
Streamlit sends is the same as before freezing."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from timeline.frozen_figure import FrozenFigure, freeze


def _figure() -> go.Figure:
    return go.Figure(go.Scatter(x=[1, 2, 3], y=[3.5, 1.0, 2.25], mode="markers")).update_layout(height=300)


def test_to_dict_is_computed_once_and_equals_the_figures_own() -> None:
    plain = _figure().to_dict()
    fig = freeze(_figure())
    assert isinstance(fig, FrozenFigure) and freeze(fig) is fig
    first = fig.to_dict()
    assert first == plain
    assert fig.to_dict() is first  # kept: no deep copy on the next rerun


def test_changes_through_the_update_methods_are_seen() -> None:
    fig = freeze(_figure())
    before = fig.to_dict()
    fig.update_layout(height=500)
    assert fig.to_dict()["layout"]["height"] == 500 and before["layout"]["height"] == 300
    fig.add_trace(go.Scatter(x=[1], y=[1]))
    assert len(fig.to_dict()["data"]) == 2
    fig.update_traces(marker={"size": 4})
    assert all(t["marker"]["size"] == 4 for t in fig.to_dict()["data"])


def test_only_plain_figures_are_frozen() -> None:
    class Other(go.Figure):
        pass

    with pytest.raises(TypeError):
        freeze(Other())


def test_streamlit_sends_the_same_chart() -> None:
    def page() -> None:
        import plotly.graph_objects as go
        import streamlit as st

        from timeline.frozen_figure import freeze

        fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[3.5, 1.0, 2.25])).update_layout(height=300)
        st.plotly_chart(go.Figure(fig), key="plain")
        st.plotly_chart(freeze(go.Figure(fig)), key="frozen")

    at = AppTest.from_function(page).run()
    plain, frozen = (c.proto.spec for c in at.get("plotly_chart"))
    assert plain == frozen
