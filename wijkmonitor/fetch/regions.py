"""Region names from a StatLine table's own region dimension (`Key`, `Title`), as `wijkmonitor fetch` wrote it.

Without boundary files these are the only wijk and buurt names a build has; with them, the boundary names win.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from wijkmonitor import cbs
from wijkmonitor.adapters import REGION_COLUMNS, SourceFrame, empty_observations
from wijkmonitor.errors import BuildError


def region_filter(dimension_key: str, gemeente: str) -> str:
    digits = gemeente[2:]
    return " or ".join(f"substringof('{p}{digits}',{dimension_key})" for p in ("GM", "WK", "BU"))


def read_region_names(path: Path, *, source_id: str, gemeente: str | None) -> SourceFrame:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BuildError(f"regiolijst onleesbaar ({exc})", file=path) from exc
    items = data.get("value") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise BuildError("regiolijst zonder 'value'-lijst", file=path)
    names = []
    for number, item in enumerate(items, start=1):
        code = str(item.get("Key", "")).strip() if isinstance(item, dict) else ""
        title = str(item.get("Title") or "").strip() if isinstance(item, dict) else ""
        if not cbs.is_region_code(code):
            raise BuildError(f"regiocode {code!r} is geen CBS-code", file=path, row=number, column="Key")
        if title and (gemeente is None or cbs.gemeente_of(code) == gemeente):
            names.append((code, title))
    regions = pd.DataFrame(names, columns=REGION_COLUMNS).drop_duplicates("region_code", keep="last")
    return SourceFrame(observations=empty_observations(), regions=regions, files=[path], rows_read=len(items))
