"""The first view of the dashboard in a browser: the timeline first, the rest once it is drawn.

Measured in headless Chromium on 2 cores (``bench/app.py``): the map, the events table and the review panel
cost the page 1-2 s of main-thread work on a first load, done before it drew the first chart
(Streamlit renders every element a run sends). So the first run of a browser session sends the header, the
filters and the timeline only (the weekly counts, a second Plotly chart, come with the rest); a small component (:data:`JS`, Streamlit's ``components.v2``: no iframe,
no build step) waits until the timeline's axis is drawn (at most :data:`WAIT_MS`) and asks for a rerun that
sends the rest. Any later run sends everything (also when the component never answered).

The sidebar's filter widgets wait too (:func:`first_view`): drawing them (a date input, seven
multiselects ...) cost the page ~0.5-1 s of main-thread work before the timeline in headless Chromium
(``bench/app.py --compare``, 6 rounds: page busy before the first chart median 3.93 s with them, 3.46 s
without; the map comes ~1 s later, after them);
the first run reads the filters from the session state (the URL's values), as the widgets would return them.

Without a browser (``st.context.headers`` empty: ``AppTest``, a script) there is nothing to draw first, and
the first run sends everything.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

import streamlit as st

#: The longest the rest waits for the first chart (ms): a page whose chart fails still gets its map.
WAIT_MS = 4000
#: Polls for the drawn timeline (Plotly's x-axis ticks), then asks for the rest (trigger ``drawn``).
JS = f"""
export default function(component) {{
  const {{ setTriggerValue }} = component;
  let done = false;
  const fire = () => {{
    if (done) return;
    done = true;
    clearInterval(poll);
    clearTimeout(limit);
    setTriggerValue("drawn", true);
  }};
  const poll = setInterval(() => {{
    if (document.querySelector(".js-plotly-plot .xtick")) requestAnimationFrame(fire);
  }}, 50);
  const limit = setTimeout(fire, {WAIT_MS});
  return () => {{ clearInterval(poll); clearTimeout(limit); }};
}}
"""
_component = st.components.v2.component("timeline.charts_first", js=JS)
#: Session-state key: True once this session's charts were drawn (or there is no browser).
DRAWN = "charts_drawn"
_ASKED = "charts_first_asked"


#: Session-state keys of the sidebar's filter widgets, in the order ``app.py`` reads them on a first view.
FILTER_KEYS = (
    "f_dates",
    "f_types",
    "f_status",
    "f_actors",
    "f_places",
    "f_langs",
    "f_text",
    "f_lanes",
    "f_tiles",
)


def first_view(state: MutableMapping[str, Any], headers: Any = None) -> bool:
    """True on a browser session's first run (the one :func:`rest_waits` makes wait): the page sends the
    timeline before the sidebar's widgets, which come with the rest. No side effect; False without a
    browser and on every later run."""
    browser = st.context.headers if headers is None else headers
    return bool(browser) and not state.get(DRAWN) and not state.get(_ASKED)


def rest_waits(state: MutableMapping[str, Any], headers: Any = None) -> bool:
    """True when the rest of the page (map, table, review) should wait for the charts: on a browser
    session's first run only (any later run sends everything, whether or not the component answered).
    Mounts the component that asks for the rerun; call it after the charts."""
    if state.get(DRAWN):
        return False
    browser = st.context.headers if headers is None else headers
    if not browser or state.get(_ASKED):  # no browser (nothing is drawn first), or a run after the first
        state[DRAWN] = True
        return False
    state[_ASKED] = True
    _component(key="charts_first", on_drawn_change=lambda: state.update({DRAWN: True}))
    return True
