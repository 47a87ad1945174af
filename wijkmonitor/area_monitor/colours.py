"""The map's colour scale: diverging around the city value and oriented by polarity, or neutral and sequential.

Diverging scale (ColorBrewer PuOr, colour-blind safe): orange is always "worse than the city" and purple
"better", whichever way round the indicator runs, so a council member never has to know whether high is good.
Classes are symmetric, equal steps of a round number around the city value, so the legend has real numbers.
Neutral indicators (composition, no good or bad) get a sequential single-hue scale (ColorBrewer Blues).
Missing values are grey and named in the legend and tooltip.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import pandas as pd

from wijkmonitor.common import fmt
from wijkmonitor.common.maps import BLUES_5
from wijkmonitor.texts import gebied as txt

RGB = tuple[int, int, int]

# Worst (strong orange) to best (strong purple); index 3 is "about equal to the city".
PUOR_7: tuple[RGB, ...] = (
    (179, 88, 6),
    (241, 163, 64),
    (254, 224, 182),
    (247, 247, 247),
    (216, 218, 235),
    (153, 142, 195),
    (84, 39, 136),
)
MISSING: RGB = (189, 189, 189)
# One swatch per reason a figure is missing (texts.gebied.MISSING_REASONS); the words in legend and tooltip carry
# the meaning, the swatch only repeats it.
MISSING_BY_REASON: dict[str, RGB] = {
    "niet gepubliceerd / geheim": (115, 115, 115),
    "niet gemeten in dat jaar": (232, 232, 232),
    "grens gewijzigd (code bestond niet in de indeling van dat jaar)": (214, 196, 160),
    "geen gegevens": MISSING,
}


def missing_label(reason: object) -> str:
    return txt.MISSING_REASONS.get(str(reason), txt.LEGEND_MISSING) if isinstance(reason, str) else txt.LEGEND_MISSING


def missing_colour(reason: object) -> RGB:
    return MISSING_BY_REASON.get(missing_label(reason), MISSING)
_NICE = (1.0, 2.0, 2.5, 5.0, 10.0)


def nice_step(raw: float, minimum: float = 0.1) -> float:
    """The smallest round number (1, 2, 2.5 or 5 times a power of ten) at or above `raw`."""
    if not raw or raw <= minimum or math.isnan(raw):
        return minimum
    power = 10 ** math.floor(math.log10(raw))
    return next(n * power for n in _NICE if n * power >= raw - 1e-12)


def floor_step(raw: float, minimum: float = 0.1) -> float:
    """The largest round number (1, 2, 2.5 or 5 times a power of ten) at or below `raw`."""
    if not raw or raw <= minimum or math.isnan(raw):
        return minimum
    power = 10 ** math.floor(math.log10(raw))
    return max(n * power for n in _NICE if n * power <= raw + 1e-12)


def round_step(raw: float, minimum: float = 0.1) -> float:
    """The round number (1, 2, 2.5 or 5 times a power of ten) nearest to `raw` on a log scale."""
    if not raw or raw <= minimum or math.isnan(raw):
        return minimum
    power = 10 ** math.floor(math.log10(raw))
    candidates = [n * power for n in _NICE]
    return min(candidates, key=lambda c: abs(math.log(c / raw)))


@dataclass(frozen=True)
class Scale:
    kind: str  # "diverging" or "sequential"
    city: float | None
    polarity: str
    step: float
    start: float  # sequential only: the lower edge of the first class
    unit: str
    decimals: int

    @property
    def colours(self) -> tuple[RGB, ...]:
        return PUOR_7 if self.kind == "diverging" else BLUES_5

    def worse_sign(self) -> int:
        """+1 when a higher value is worse (lower_better), -1 when a lower value is worse."""
        return 1 if self.polarity == "lower_better" else -1

    def index(self, value: float | None) -> int | None:
        """The class of a value: 0 (worst) .. 6 (best) when diverging, 0 (lowest) .. 4 when sequential."""
        if value is None or fmt.is_missing(value) or (self.kind == "diverging" and self.city is None):
            return None
        if self.kind == "diverging":
            assert self.city is not None
            worse_by = (float(value) - self.city) * self.worse_sign()
            # Round first so a value printed as "2,0 procentpunt" never lands in the class below "2 tot 4".
            steps = round(worse_by, self.decimals + 2) / self.step
            if steps >= 3:
                return 0
            if steps >= 2:
                return 1
            if steps >= 1:
                return 2
            if steps > -1:
                return 3
            if steps > -2:
                return 4
            if steps > -3:
                return 5
            return 6
        position = math.floor(round((float(value) - self.start) / self.step, 9))
        return min(max(position, 0), len(BLUES_5) - 1)

    def colour(self, value: float | None) -> RGB:
        index = self.index(value)
        return MISSING if index is None else self.colours[index]


def scale_for(values: pd.Series, city: float | None, polarity: str, unit: str, decimals: int) -> Scale:
    """A scale that fits these values: about three and a half round steps reach the 90th percentile of the
    differences, so one extreme buurt does not wash every other buurt into the middle class."""
    present = values.dropna().astype(float)
    minimum = 10.0 ** -max(decimals, 0)
    if polarity in ("lower_better", "higher_better") and city is not None and not fmt.is_missing(city):
        differences = (present - city).abs()
        typical = float(differences.quantile(0.9)) if len(differences) >= 5 else float(differences.max() or 0)
        step = round_step(typical / 3.5, minimum)
        return Scale("diverging", float(city), polarity, step, 0.0, unit, decimals)
    low = float(present.min()) if len(present) else 0.0
    high = float(present.max()) if len(present) else 1.0
    # The largest round step that still lets the highest value reach the top (open-ended) class.
    step = floor_step((high - low) / (len(BLUES_5) - 1), minimum)
    start = math.floor(low / step) * step
    city_value = None if city is None or fmt.is_missing(city) else float(city)
    return Scale("sequential", city_value, polarity, step, start, unit, decimals)


@dataclass(frozen=True)
class LegendItem:
    colour: RGB
    label: str
    values: str = ""


def _trim(text: str) -> str:
    """'5,0 procentpunt' -> '5 procentpunt': class edges are round numbers, so say them that way."""
    number, _, rest = text.partition(" ")
    suffix = "%" if number.endswith("%") else ""
    number = number.removesuffix("%")
    if "," in number:
        number = number.rstrip("0").rstrip(",")
    return f"{number}{suffix} {rest}".strip()


def _diff(amount: float, scale: Scale) -> str:
    return _trim(fmt.difference(amount, scale.unit, _places(scale.step)))


def _val(amount: float, scale: Scale) -> str:
    return fmt.value(amount, scale.unit, max(scale.decimals, _places(scale.step)))


def _edge(amount: float, scale: Scale) -> str:
    return _trim(fmt.value(amount, scale.unit, _places(scale.step)))


def _places(step: float) -> int:
    """Decimals needed to print multiples of the step exactly (2.5 -> 1, 5 -> 0, 0.25 -> 2)."""
    for places in range(4):
        if abs(round(step, places) - step) < 1e-9:
            return places
    return 4


def legend(scale: Scale, missing: list[str] | None = None) -> list[LegendItem]:
    """Legend rows with real numbers, worst to best (diverging) or low to high (sequential), then missing."""
    items: list[LegendItem] = []
    s = scale.step
    if scale.kind == "diverging":
        assert scale.city is not None
        sign = scale.worse_sign()

        def values(lo_steps: float, hi_steps: float | None) -> str:
            a = scale.city + sign * lo_steps * s  # type: ignore[operator]
            if hi_steps is None:
                edge = _val(a, scale)
                template = txt.LEGEND_VALUES_OPEN_HIGH if (sign > 0) == (lo_steps > 0) else txt.LEGEND_VALUES_OPEN_LOW
                return template.format(low=edge, high=edge)
            b = scale.city + sign * hi_steps * s  # type: ignore[operator]
            low, high = sorted((a, b))
            return txt.LEGEND_VALUES.format(low=_val(low, scale), high=_val(high, scale))

        rows: list[tuple[str, str]] = [
            (txt.LEGEND_WORSE_OPEN.format(low=_diff(3 * s, scale)), values(3, None)),
            (txt.LEGEND_WORSE.format(low=_diff(2 * s, scale).split(" ")[0], high=_diff(3 * s, scale)), values(2, 3)),
            (txt.LEGEND_WORSE.format(low=_diff(s, scale).split(" ")[0], high=_diff(2 * s, scale)), values(1, 2)),
            (txt.LEGEND_EQUAL.format(high=_diff(s, scale)), values(-1, 1)),
            (txt.LEGEND_BETTER.format(low=_diff(s, scale).split(" ")[0], high=_diff(2 * s, scale)), values(-1, -2)),
            (txt.LEGEND_BETTER.format(low=_diff(2 * s, scale).split(" ")[0], high=_diff(3 * s, scale)), values(-2, -3)),
            (txt.LEGEND_BETTER_OPEN.format(low=_diff(3 * s, scale)), values(-3, None)),
        ]
        items = [LegendItem(c, label, vals) for c, (label, vals) in zip(PUOR_7, rows, strict=True)]
    else:
        edges = [scale.start + k * s for k in range(1, len(BLUES_5))]
        for k, colour in enumerate(BLUES_5):
            if k == 0:
                label = txt.LEGEND_RANGE_OPEN_LOW.format(high=_edge(edges[0], scale))
            elif k == len(BLUES_5) - 1:
                label = txt.LEGEND_RANGE_OPEN_HIGH.format(low=_edge(edges[-1], scale))
            else:
                label = txt.LEGEND_RANGE.format(low=_edge(edges[k - 1], scale), high=_edge(edges[k], scale))
            items.append(LegendItem(colour, label))
    labels = list(dict.fromkeys(missing_label(r) for r in missing)) if missing else [txt.LEGEND_MISSING]
    items += [LegendItem(MISSING_BY_REASON.get(label, MISSING), label) for label in labels]
    return items


def legend_title(scale: Scale) -> str:
    city = fmt.value(scale.city, scale.unit, scale.decimals)
    return (txt.LEGEND_TITLE if scale.kind == "diverging" else txt.LEGEND_TITLE_NEUTRAL).format(city=city)


def legend_html(scale: Scale, extra: list[str] | None = None, missing: list[str] | None = None) -> str:
    """The legend as an HTML list: a swatch (decorative) and the words that carry the meaning."""
    rows = []
    for item in legend(scale, missing):
        r, g, b = item.colour
        values = f'<span class="wm-legend-values">{html.escape(item.values)}</span>' if item.values else ""
        rows.append(
            f'<li><span class="wm-swatch" aria-hidden="true" style="background:rgb({r},{g},{b})"></span>'
            f'<span class="wm-legend-text">{html.escape(item.label)}{values}</span></li>'
        )
    for line in extra or []:
        rows.append(f'<li class="wm-legend-note">{html.escape(line)}</li>')
    return (
        "<style>"
        ".wm-legend{font-size:0.875rem;line-height:1.35;color:inherit}"
        ".wm-legend ul{list-style:none;padding:0;margin:0.25rem 0 0 0}"
        ".wm-legend li{display:flex;align-items:flex-start;gap:0.5rem;margin:0.3rem 0}"
        ".wm-swatch{flex:none;display:inline-block;width:1.6rem;height:1.1rem;border:1px solid #6b6b6b;"
        "margin-top:0.1rem}"
        ".wm-legend-values{display:block;font-size:0.8rem}"
        ".wm-legend-note{margin-top:0.4rem}"
        "</style>"
        f'<div class="wm-legend"><strong>{html.escape(legend_title(scale))}</strong><ul>{"".join(rows)}</ul></div>'
    )
