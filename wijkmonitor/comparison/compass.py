"""The ontwikkelkompas as a picture: every indicator placed by the area's change against the city's change.

Both axes are signed by polarity, so up and right always mean "improved". Above the diagonal the area developed
better than the city, below it worse. Neutral indicators have no better or worse and are listed, not placed.
Input: rows of the `comparison_compass` query (one per area and indicator with values in both editions).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from wijkmonitor.common import fmt
from wijkmonitor.common.text import md_with, plotly_text
from wijkmonitor.texts import comparison as txt

BETTER_FILL = "rgba(94, 60, 153, 0.10)"  # purple: better, as in the gap maps
WORSE_FILL = "rgba(230, 97, 1, 0.10)"  # orange: worse
POINT_COLOUR = "#1f1f1f"
FONT = {"size": 13, "color": "#1f1f1f"}
LABEL_MAX = 6  # points named in the picture; the rest are in the table and in the hover text


def verdict(relative_improvement: float | None, tolerance: float, polarity: str) -> str:
    """Where an indicator lands, in words: better / worse / the same as the city, or no direction."""
    if polarity == "neutral" or fmt.is_missing(relative_improvement):
        return txt.COMPASS_NEUTRAL
    assert relative_improvement is not None
    if relative_improvement > tolerance:
        return txt.COMPASS_BETTER
    if relative_improvement < -tolerance:
        return txt.COMPASS_WORSE
    return txt.COMPASS_SAME


def compass_table(compass: pd.DataFrame, tolerance: float, *, by: str = "indicator") -> pd.DataFrame:
    """The table beside the picture: one row per point, changes as signed Dutch text, the verdict in words.
    `by`: 'indicator' (one area, first column the indicator) or 'area' (one indicator, first column the area)."""
    first = (txt.COMPASS_COL_INDICATOR, "label") if by == "indicator" else (txt.COMPASS_COL_AREA, "area_name")
    rows = [
        {
            first[0]: row[first[1]],
            txt.COMPASS_COL_AREA_CHANGE: fmt.difference(row["area_change"], row["unit"], row["decimals"],
                                                        signed=True),
            txt.COMPASS_COL_CITY_CHANGE: fmt.difference(row["city_change"], row["unit"], row["decimals"],
                                                        signed=True),
            txt.COMPASS_COL_VERDICT: verdict(row["relative_improvement"], tolerance, row["polarity"]),
        }
        for row in fmt.records(compass)
    ]
    return pd.DataFrame(rows, columns=[first[0], txt.COMPASS_COL_AREA_CHANGE, txt.COMPASS_COL_CITY_CHANGE,
                                       txt.COMPASS_COL_VERDICT])


def point_labels(placed: pd.DataFrame, label_column: str) -> list[str]:
    """Names for the points furthest from the diagonal only: two dozen labels in one cloud print over each other
    and none can be read. The table beside the picture lists every point."""
    distance = (placed["area_improvement"] - placed["city_improvement"]).abs()
    keep = set(distance.sort_values(ascending=False).index[:LABEL_MAX])
    return [str(label) if index in keep else "" for index, label in placed[label_column].items()]


def label_positions(placed: pd.DataFrame) -> list[str]:
    """Where each name stands beside its point. All areas of one indicator lie on one vertical line: then left
    and right in turn, in order of height, so that neighbouring points do not share a label line."""
    if placed["city_improvement"].nunique() > 1:
        # Spread out: a label points inwards, so one at the edge of the picture is not cut off.
        return ["middle right" if x < 0 else "middle left" for x in placed["city_improvement"]]
    order = placed["area_improvement"].rank(method="first").fillna(0).astype(int)
    return ["middle right" if n % 2 else "middle left" for n in order]


def _figure(points: pd.DataFrame, label_column: str, title: str) -> go.Figure:
    placed = points[(points["polarity"] != "neutral") & points["area_improvement"].notna()
                    & points["city_improvement"].notna()]
    values = pd.concat([placed["area_improvement"], placed["city_improvement"]]).abs()
    reach = max(float(values.max()) * 1.15 if len(values) else 1.0, 1.0)
    figure = go.Figure()
    # Half-planes either side of the diagonal: above = the area improved more (or worsened less) than the city.
    figure.add_trace(go.Scatter(x=[-reach, reach, -reach, -reach], y=[-reach, reach, reach, -reach], fill="toself",
                                fillcolor=BETTER_FILL, line={"width": 0}, hoverinfo="skip", showlegend=True,
                                name=txt.COMPASS_BETTER, mode="lines"))
    figure.add_trace(go.Scatter(x=[-reach, reach, reach, -reach], y=[-reach, reach, -reach, -reach], fill="toself",
                                fillcolor=WORSE_FILL, line={"width": 0}, hoverinfo="skip", showlegend=True,
                                name=txt.COMPASS_WORSE, mode="lines"))
    figure.add_trace(go.Scatter(x=[-reach, reach], y=[-reach, reach], mode="lines", name=txt.COMPASS_DIAGONAL,
                                line={"color": "#6b6b6b", "dash": "dash", "width": 1}, hoverinfo="skip"))
    hover = [
        f"{plotly_text(row[label_column])}: "
        f"gebied {fmt.difference(row['area_change'], row['unit'], row['decimals'], signed=True)}"
        f", stad {fmt.difference(row['city_change'], row['unit'], row['decimals'], signed=True)}"
        for row in fmt.records(placed)
    ]
    figure.add_trace(go.Scatter(
        x=placed["city_improvement"], y=placed["area_improvement"], mode="markers+text", showlegend=False,
        text=[plotly_text(t) for t in point_labels(placed, label_column)], textposition=label_positions(placed),
        hovertext=hover,
        hoverinfo="text",
        marker={"color": POINT_COLOUR, "size": 9}, textfont={"size": 11},
    ))
    for text, x, y in ((txt.COMPASS_BETTER, -0.95 * reach, 0.92 * reach),
                       (txt.COMPASS_WORSE, 0.95 * reach, -0.92 * reach)):
        figure.add_annotation(x=x, y=y, text=f"<b>{text}</b>", showarrow=False,
                              xanchor="left" if x < 0 else "right", font={"size": 13})
    figure.update_layout(
        title=title, font=FONT, plot_bgcolor="white", height=560, legend={"orientation": "h", "y": -0.18},
        xaxis={"title": txt.COMPASS_X, "range": [-reach, reach], "zeroline": True, "zerolinecolor": "#bbbbbb",
               "gridcolor": "#eeeeee"},
        yaxis={"title": txt.COMPASS_Y, "range": [-reach, reach], "zeroline": True, "zerolinecolor": "#bbbbbb",
               "gridcolor": "#eeeeee"},
        margin={"t": 60, "b": 40},
    )
    return figure


def period(points: pd.DataFrame) -> str:
    """'2016–2020'; an earlier start for some indicators (a missing middle edition) shows as '2012/2016–2020'."""
    if points.empty:
        return ""
    starts = "/".join(str(int(y)) for y in sorted(set(points["start_year"])))
    return f"{starts}–{int(points['end_year'].max())}"


def area_compass(compass: pd.DataFrame, area_id: str) -> go.Figure:
    """One area: every indicator with a direction, placed by the city's change (x) and the area's (y)."""
    points = compass[compass["area_id"] == area_id]
    name = str(points["area_name"].iloc[0]) if len(points) else area_id
    return _figure(points, "label", txt.COMPASS_TITLE.format(area=plotly_text(name), period=period(points)))


def indicator_compass(compass: pd.DataFrame, indicator_code: str) -> go.Figure:
    """One indicator across all renewal areas: the city's change is the same for all, so the points line up
    vertically and their height against the diagonal says which areas did better than the city."""
    points = compass[compass["indicator_code"] == indicator_code]
    label = str(points["label"].iloc[0]) if len(points) else indicator_code
    title = txt.COMPASS_ALL_TITLE.format(indicator=plotly_text(label), period=period(points))
    return _figure(points, "area_name", title)


def empty_message(compass: pd.DataFrame, area_id: str, year: int) -> str | None:
    """The sentence to show instead of the picture when the area has no indicator in two editions up to year."""
    points = compass[(compass["area_id"] == area_id) & (compass["polarity"] != "neutral")]
    return None if len(points) else md_with(txt.COMPASS_EMPTY, year=year)
