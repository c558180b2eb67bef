"""Figures of the aggregations (issue 4): counts over time, who-did-what-to-whom, campaigns, rounds of talks.

Each builder takes an event table or a :class:`timeline.aggregate.Prepared` one (prepare once and cache
it: that is the slow step) and returns a :class:`View`: the Plotly figure plus the table it draws, so the
app exports both (the chart with a citation, the table as CSV). No Streamlit here; tests call the
builders on small frames. Actors are labelled by name (with the code when two codes share a name).
Every label from the data is escaped (:func:`timeline.charts.plotly_text`) and margins follow the labels
(``automargin``), so exported images cut no row label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from timeline import aggregate as ag
from timeline.charts import (
    MODEBAR,
    MODEBAR_ROOM,
    OTHER_COLOR,
    STATUS_SYMBOLS,
    TYPE_COLORS,
    count_axis,
    padded_range,
    plotly_text,
    type_color,
)
from timeline.model import EVENT_TYPES
from timeline.present import plural

#: what the counts chart stacks by (label -> key of :func:`timeline.aggregate.counts`)
COUNT_KEYS = {"type": "type", "actor": "actor", "place": "place", "status": "status"}
#: period selector (label -> pandas-like frequency)
FREQS = {"day": "D", "week": "W", "month": "M"}
#: most stacked series in the counts chart; the rest are summed into "other"
MAX_SERIES = 12
#: Okabe-Ito colours after the type colours, for series that are not event types
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
#: most rows drawn in the matrix, the Gantt chart and the rounds chart (the tables keep every row)
MAX_ACTORS, MAX_CAMPAIGNS, MAX_PAIRS = 30, 40, 20
STATUS_COLORS = {"occurred": "#0072B2", "ongoing": "#E69F00", "planned": "#56B4E9", "failed": "#D55E00"}
_MS_PER_DAY = 86_400_000
_LAYOUT = {
    "margin": {"l": 10, "r": MODEBAR_ROOM, "t": 40, "b": 30, "autoexpand": True},
    "modebar": MODEBAR,  # upright in the right margin: it never covers the legend
    "legend": {
        "orientation": "h",
        "y": 1.02,
        "yanchor": "bottom",
        "x": 1,
        "xanchor": "right",
        "traceorder": "normal",
    },
}
#: bar centre offset and width (days) per period: a bar spans its period, not its first day
_PERIOD_BAR = {"D": (0.5, 0.85), "W": (3.5, 6.0), "M": (15.0, 26.0)}


@dataclass(frozen=True)
class View:
    """One aggregation: its figure, the table behind it (exported as CSV), and a caption."""

    figure: go.Figure
    table: pd.DataFrame
    caption: str = ""
    notes: list[str] = field(default_factory=list)


def _prep(data: pd.DataFrame | ag.Prepared) -> ag.Prepared:
    return data if isinstance(data, ag.Prepared) else ag.prepare(data)


def subset(p: ag.Prepared, mask: np.ndarray) -> ag.Prepared:
    """The prepared events where ``mask`` holds (rows renumbered): filtering without re-preparing."""
    mask = np.asarray(mask, dtype=bool)
    new_row = np.cumsum(mask) - 1

    def part(long: pd.DataFrame) -> pd.DataFrame:
        keep = mask[long["row"].to_numpy()]
        out = long[keep].reset_index(drop=True)
        out["row"] = new_row[out["row"].to_numpy()]
        return out

    ev = p.events[mask].reset_index(drop=True)
    ev["row"] = np.arange(len(ev))
    return ag.Prepared(ev, part(p.actors), part(p.places))


def actor_labels(p: ag.Prepared, rows: np.ndarray | None = None) -> dict[str, str]:
    """Actor code -> display name: the name its events report most often (``rows``: only these events'
    actors, e.g. the talks'), ties to the first in alphabetical order; ``name (code)`` when names collide.
    The same events give the same names in any order (an upload that adds other events before them once
    turned "Turkish government" into "Recep Tayyip Erdogan", the first name reported)."""
    a = p.actors[["row", "code", "name"]]
    if rows is not None:
        a = a[a["row"].isin(rows)]
    code = a["code"].astype(str)
    name = a["name"].astype(object).where(a["name"].notna(), code).astype(str)
    counts = pd.DataFrame({"code": code.to_numpy(), "name": name.to_numpy()}).value_counts().reset_index()
    best = counts.sort_values(["code", "count", "name"], ascending=[True, False, True], kind="stable")
    best = best.drop_duplicates("code")
    names = best["name"]
    dup = names.duplicated(keep=False).to_numpy()
    labels = np.where(dup, names + " (" + best["code"] + ")", names)
    return dict(zip(best["code"], labels, strict=True))


def _color(by: str, key: str, i: int) -> str:
    if key == "other":
        return OTHER_COLOR
    if by == "type":
        return type_color(key)
    if by == "status":
        return STATUS_COLORS.get(key, OTHER_COLOR)
    return PALETTE[i % len(PALETTE)]


def _csv_ready(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        if out[c].map(lambda v: isinstance(v, list | tuple | np.ndarray)).any():
            out[c] = out[c].map(
                lambda v: ";".join(map(str, v)) if isinstance(v, list | tuple | np.ndarray) else v
            )
        elif pd.api.types.is_datetime64_any_dtype(out[c]):
            out[c] = out[c].dt.strftime("%Y-%m-%d")
    return out


def _shown(drawn: int, total: int, what: str) -> str:
    return f" · chart: {drawn} of {total} {what}; the CSV has all" if drawn < total else ""


def table_csv(df: pd.DataFrame) -> bytes:
    """The table as CSV (lists joined with ";", dates as ISO days); the citation goes in a side file."""
    return _csv_ready(df).to_csv(index=False).encode("utf-8")


# -- 1. counts per period --------------------------------------------------------------------------------
def counts_view(data: pd.DataFrame | ag.Prepared, freq: str = "week", by: str = "type") -> View:
    """Events per day/week/month stacked by type, actor, place or status (top keys, the rest "other")."""
    p = _prep(data)
    key = COUNT_KEYS[by]
    c = ag.counts(p, FREQS.get(freq, freq), key)
    c = c.rename(columns={key: by})
    c[by] = c[by].astype(str)
    if by == "actor":
        c[by] = c[by].map(actor_labels(p)).fillna(c[by])
    totals = c.groupby(by)["count"].sum().sort_values(ascending=False, kind="stable")
    if by == "type":
        order = [t for t in EVENT_TYPES if t in totals.index] + sorted(set(totals.index) - set(EVENT_TYPES))
    else:
        order = sorted(totals.index[:MAX_SERIES], key=lambda k: (-totals[k], k))
        if len(totals) > MAX_SERIES:
            c[by] = c[by].where(c[by].isin(order), "other")
            order.append("other")
    table = c.groupby(["period", by], sort=True)["count"].sum().reset_index()
    table = table[table["count"] > 0].reset_index(drop=True)
    mid, width = _PERIOD_BAR.get(FREQS.get(freq, freq), (0.0, 0.8))
    fig = go.Figure()
    for i, k in enumerate(order):
        part = table[table[by] == k]
        fig.add_trace(
            go.Bar(
                x=part["period"] + pd.Timedelta(days=mid), y=part["count"], name=plotly_text(k),
                width=width * _MS_PER_DAY, marker_color=_color(by, k, i),
                customdata=part["period"].dt.strftime("%Y-%m-%d"),
                hovertemplate=f"{freq} of %{{customdata}}: %{{y}} (%{{fullData.name}})<extra></extra>",
            )
        )  # fmt: skip
    top = table.groupby("period")["count"].sum().max() if len(table) else 0
    centre = pd.to_datetime(table["period"]) + pd.Timedelta(days=mid)
    half = pd.Timedelta(days=width / 2)
    fig.update_layout(
        **_LAYOUT, barmode="stack", height=360, title=f"Events per {freq} by {by}",
        xaxis={"type": "date", "range": padded_range(pd.concat([centre - half, centre + half]), 45),
               "tickformat": "%b %Y" if freq == "month" else "%d %b %Y", "automargin": True},
        yaxis=count_axis(top, f"events per {freq}"),
    )  # fmt: skip
    note = f"an event with several {by}s counts once for each" if by in ("actor", "place") else ""
    return View(say_when_empty(fig, len(table), "dated events"), table, note)


# -- 2. actor x actor --------------------------------------------------------------------------------------
def matrix_types(data: pd.DataFrame | ag.Prepared) -> list[str]:
    """Event types that have actor pairs (the matrix's type selector), in the schema's order."""
    found = set(ag.actor_matrix(data)["type"])
    return [t for t in EVENT_TYPES if t in found] + sorted(found - set(EVENT_TYPES))


def matrix_view(data: pd.DataFrame | ag.Prepared, event_type: str = "offensive") -> View:
    """Heatmap of events per (initiator, target) party (:func:`timeline.aggregate.party_matrix`: a state's
    government, forces and leaders are one row, as in the rounds of talks); pairs without direction (talks)
    fill both cells. Each party has one name, as in the rounds: the one its events report most
    (:func:`actor_labels`), and a state none of whose reports names it alone, the actor lexicon's ("SYR":
    Syria), not one of its actors' names."""
    p = _prep(data)
    m = ag.party_matrix(p, (event_type,))
    names = ag.lexicon_names() | actor_labels(p)
    m = m.assign(source=m["source"].map(names), target=m["target"].map(names))
    back = m[~m["directed"]].rename(columns={"source": "target", "target": "source"})
    cells = pd.concat([m, back], ignore_index=True).groupby(["source", "target"])["events"].sum()
    activity = cells.groupby(level=0).sum().add(cells.groupby(level=1).sum(), fill_value=0)
    top = activity.sort_values(ascending=False, kind="stable").index[:MAX_ACTORS]
    actors = sorted(top)
    square = cells.unstack(fill_value=0).reindex(index=actors, columns=actors, fill_value=0).astype(int)
    z = square.to_numpy().astype(float)
    z[z == 0] = np.nan  # blank, not the lowest colour
    color = TYPE_COLORS.get(event_type, OTHER_COLOR)
    labels = [plotly_text(a) for a in actors]
    zmax = max(1, int(square.to_numpy().max(initial=0)))
    colorbar = {  # in the lower part of the right side: the upright toolbar (top right) never covers it
        "title": "events", "len": 0.6, "y": 0, "yanchor": "bottom", "lenmode": "fraction",
        **{k: v for k, v in count_axis(zmax).items() if k in ("dtick", "tickformat")},
    }  # fmt: skip
    fig = go.Figure(
        go.Heatmap(
            z=z, x=labels, y=labels, colorscale=[[0, "#f5f5f5"], [1, color]], zmin=0, zmax=zmax,
            texttemplate="%{z}", hovertemplate="%{y} → %{x}: %{z} events<extra></extra>", xgap=1, ygap=1,
            colorbar=colorbar,
        )
    )  # fmt: skip
    fig.update_layout(
        margin={"l": 10, "r": MODEBAR_ROOM, "t": 40, "b": 10}, height=max(320, 120 + 34 * len(actors)),
        title={"text": f"Who with whom: {plotly_text(event_type)}", "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 10}},
        plot_bgcolor="white", modebar=MODEBAR,
        # the names under the plot (turned when long) and, for a tall matrix, above it too (below the title)
        xaxis={"title": "target / other party", "side": "bottom", "automargin": True},
        yaxis={"title": "initiator / party", "autorange": "reversed", "automargin": True},
    )  # fmt: skip
    if len(actors) > TOP_AXIS_ROWS:
        mirror_top(fig, labels)
    table = m[["type", "source", "target", "directed", "events"]].reset_index(drop=True)
    caption = "rows act on columns (initiator → target); talks and clashes have no direction: both cells"
    caption += _shown(len(actors), len(activity), "actors")
    return View(say_when_empty(fig, len(actors), f"{event_type} between two actors"), table, caption)


#: Charts of more rows than this repeat their x axis above the plot: on a laptop's screen the axis under a
#: tall chart is out of sight while its top rows are read.
TOP_AXIS_ROWS = 10


def say_when_empty(fig: go.Figure, drawn: int, what: str) -> go.Figure:
    """With nothing ``drawn`` (0 rows of the chart), no empty axes (plotly's default Jan 2000 - Jan 2001 and
    -1 to 4): the plot area says "No <what> among the events shown" instead. Returns ``fig``."""
    if drawn:
        return fig
    hidden = {"visible": False, "range": None}
    fig.update_layout(
        xaxis=hidden, yaxis=hidden, height=200, showlegend=False,
        annotations=[{"text": f"No {what} among the events shown", "showarrow": False, "xref": "paper",
                      "yref": "paper", "x": 0.5, "y": 0.5, "font": {"size": 15, "color": "#555555"}}],
    )  # fmt: skip
    return fig


def mirror_top(fig: go.Figure, x: Any) -> None:
    """Repeat ``fig``'s x axis above the plot (``xaxis2``: the same range and ticks, labels only), carried
    by an invisible trace at ``x`` (the categories, or dates on the axis)."""
    fig.add_trace(go.Scatter(x=list(x), y=[None] * len(x), xaxis="x2", mode="markers", hoverinfo="skip",
                             showlegend=False, marker={"opacity": 0}))  # fmt: skip
    ticks: dict[str, Any] = {"tickmode": "sync"}  # categories: the same ticks as the axis below
    if fig.layout.xaxis.type == "date":  # dates: the same explicit steps on both (sync shifts date labels)
        ticks = date_ticks(fig.layout.xaxis.range)
        fig.update_layout(xaxis=ticks)
    fig.update_layout(
        xaxis2={"overlaying": "x", "matches": "x", "side": "top", "automargin": True, "showgrid": False,
                "ticks": "", "title": None, "type": fig.layout.xaxis.type, **ticks},
        # the title and the legend in one row above the repeated axis (they would sit among its labels)
        title={"yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 10}},
        legend={"yref": "container", "y": 0.98, "yanchor": "top"},
        margin={"t": max(int(fig.layout.margin.t or 0), 80)},
    )  # fmt: skip


def date_ticks(span: Any) -> dict[str, Any]:
    """Explicit ticks for a date axis spanning ``span`` (two dates), about ten or fewer: weekly (Mondays)
    up to 63 days, then monthly, quarterly, half-yearly, yearly; {} when the span cannot be read."""
    try:
        first, last = (pd.Timestamp(x) for x in span)
    except (TypeError, ValueError):
        return {}
    if pd.isna(first) or pd.isna(last):
        return {}
    days = (last - first).days
    if days <= 63:
        monday = (first - pd.Timedelta(days=first.weekday())).normalize()
        return {"tick0": monday.strftime("%Y-%m-%d"), "dtick": 7 * _MS_PER_DAY, "tickformat": "%d %b %Y"}
    months = next((m for limit, m in ((300, 1), (900, 3), (1800, 6)) if days <= limit), 12)
    return {
        "tick0": f"{first.year}-01-01",
        "dtick": f"M{months}",
        "tickformat": "%b %Y" if months < 12 else "%Y",
    }


# -- 3. campaigns ------------------------------------------------------------------------------------------
def campaigns_view(
    data: pd.DataFrame | ag.Prepared, as_of: date | str | None = None, gap_days: int = 14
) -> View:
    """Gantt-like bars of offensive campaigns; ongoing ones run to their last report (never past ``as_of``)."""
    p = _prep(data)
    c = ag.campaigns(p, as_of=as_of, gap_days=gap_days)
    names = actor_labels(p)
    c = c.assign(initiator=c["initiator"].map(lambda x: names.get(x, x) or "(no initiator)"))
    c["campaign"] = c["initiator"] + " · " + c["area"].replace("", "(no place)")
    longest = c.groupby("campaign")["days"].sum().sort_values(ascending=False, kind="stable")
    drawn = c[c["campaign"].isin(longest.index[:MAX_CAMPAIGNS])]
    fig = go.Figure()
    for ongoing, label in ((False, "ended"), (True, "ongoing (up to its last report)")):
        part = drawn[drawn["ongoing"] == ongoing]
        if not len(part):
            continue
        fig.add_trace(
            go.Bar(
                y=part["campaign"].map(plotly_text), base=part["start"].dt.strftime("%Y-%m-%d"),
                x=part["days"].to_numpy() * _MS_PER_DAY, orientation="h", name=label,
                marker={"color": TYPE_COLORS["offensive"], "pattern": {"shape": "/" if ongoing else ""}},
                opacity=0.75 if ongoing else 1.0,
                customdata=np.stack([part["start"].dt.strftime("%d %b %Y"), part["end"].dt.strftime("%d %b %Y"),
                                     part["days"], part["n_events"]], axis=1),
                hovertemplate="%{y}<br>%{customdata[0]} → %{customdata[1]} (%{customdata[2]} days, "
                "%{customdata[3]} reports)<extra></extra>",
            )
        )  # fmt: skip
    rows = [plotly_text(r) for r in dict.fromkeys(drawn["campaign"])]
    ends = pd.to_datetime(drawn["start"]) + pd.to_timedelta(
        drawn["days"].astype("int64"), unit="D"
    )  # a bar covers its last day
    fig.update_layout(
        **_LAYOUT, barmode="overlay", height=max(260, 110 + 30 * len(rows)), title="Campaigns (offensives)",
        xaxis={"type": "date", "range": padded_range(pd.concat([drawn["start"], ends]), 30), "automargin": True},
        yaxis={"categoryorder": "array", "categoryarray": rows[::-1], "automargin": True},
    )  # fmt: skip
    if len(rows) > TOP_AXIS_ROWS:  # the dates above the bars too
        mirror_top(fig, pd.concat([drawn["start"], ends]).astype(str).str[:10])
    return View(
        say_when_empty(fig, len(rows), "campaigns (offensives)"),
        c.drop(columns=["campaign"]),
        f"reports of one initiator in one area {gap_days} days apart or less form a campaign"
        + _shown(len(rows), len(longest), "initiator · area rows (the longest)"),
        outside_campaigns(p, c),
    )


def outside_campaigns(p: ag.Prepared, c: pd.DataFrame) -> list[str]:
    """What the campaigns chart leaves out, in numbers that add up: "34 of 52 offensives are in a campaign;
    the other 18 are single attacks (shelling 9, airstrike 7, clash 2): a strike, shelling, bombing or clash
    is part of a campaign only when the text gives it an end or says it goes on", and the undated ones.
    ``c``: :func:`timeline.aggregate.campaigns` of ``p``. [] when there is no offensive."""
    ev = p.events
    off = (ev["type"] == "offensive").to_numpy()
    if not off.any():
        return []
    inside = {str(i) for ids in c["event_ids"] for i in ids}
    left = ev[off & ~ev["event_id"].astype(str).isin(inside).to_numpy()]
    dated = left["day"].to_numpy() != ag.NO_DAY
    undated, single = int((~dated).sum()), left[dated]
    n_in, n = int(off.sum()) - len(left), int(off.sum())
    notes = [f"{n_in:,} of {plural(n, 'offensive')} {'is' if n_in == 1 else 'are'} in a campaign"]
    if len(single):
        kinds = single["subtype"].astype(str).replace("", "no subtype").value_counts()
        listed = ", ".join(f"{k} {v}" for k, v in kinds.items())
        notes[0] += (
            f"; the other {len(single):,} {'is a single attack' if len(single) == 1 else 'are single attacks'}"
            f" ({listed}): a strike, shelling, bombing or clash is part of a campaign only when the text gives"
            " it an end or says it goes on"
        )
    if undated:
        notes.append(
            f"{plural(undated, 'offensive')} without a date {'is' if undated == 1 else 'are'} left out"
        )
    return notes


# -- 4. rounds of talks ------------------------------------------------------------------------------------
def rounds_view(data: pd.DataFrame | ag.Prepared, same_round_days: int = 1) -> View:
    """Rounds of talks per pair of actors in date order: a dot per round (symbol by status), numbered."""
    p = _prep(data)
    r = ag.talk_rounds(p, same_round_days)
    talks = np.flatnonzero((p.events["type"] == "talks").to_numpy())
    names = actor_labels(p) | actor_labels(p, talks)  # each side by the name its talks give it
    names = ag.lexicon_names() | names  # a state a round is between, under its own name ("RUS": Russia)
    r = r.assign(pair=[f"{names.get(a, a)} – {names.get(b, b)}" for a, b in zip(r["a"], r["b"], strict=True)])
    busiest = r.groupby("pair")["round"].max().sort_values(ascending=False, kind="stable")
    drawn = r[r["pair"].isin(busiest.index[:MAX_PAIRS])]
    sentences = ag.describe_rounds(drawn)
    notes = [f"{names.get(a, a)} – {names.get(b, b)}: {s}" for (a, b), s in sentences.items()]
    fig = go.Figure()
    for pair, g in drawn.groupby("pair", sort=True):
        label = plotly_text(pair)
        fig.add_trace(
            go.Scatter(
                x=g["start"], y=[label] * len(g), mode="lines+markers+text", name=label, showlegend=False,
                text=[f"{n}" for n in g["round"]], textposition="top center",
                line={"color": TYPE_COLORS["talks"], "width": 1, "dash": "dot"},
                marker={"size": 13, "color": TYPE_COLORS["talks"],
                        "symbol": [STATUS_SYMBOLS.get(s, "circle") for s in g["status"]]},
                customdata=np.stack([g["round"], g["status"], g["n_reports"]], axis=1),
                hovertemplate="%{y}: round %{customdata[0]}, %{customdata[1]}, %{x|%d %b %Y} "
                "(%{customdata[2]} reports)<extra></extra>",
            )
        )  # fmt: skip
    for status, symbol in STATUS_SYMBOLS.items():  # legend of the symbols
        fig.add_trace(
            go.Scatter(x=[None], y=[None], mode="markers", name=status,
                       marker={"symbol": symbol, "color": TYPE_COLORS["talks"], "size": 11})
        )  # fmt: skip
    fig.update_layout(
        **_LAYOUT, height=max(240, 120 + 40 * drawn["pair"].nunique()), title="Rounds of talks (numbered)",
        xaxis={"type": "date", "range": padded_range(drawn["start"], 30), "automargin": True},
        yaxis={"automargin": True},
    )  # fmt: skip
    table = r[["pair", "round", "start", "end", "precision", "status", "n_reports", "a", "b", "event_ids"]]
    return View(
        say_when_empty(fig, len(drawn), "rounds of talks"),
        table.reset_index(drop=True),
        "reports of one pair a day apart or less are one round"
        + _shown(drawn["pair"].nunique(), len(busiest), "pairs (most rounds)"),
        notes,
    )
