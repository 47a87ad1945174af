"""Download a StatLine table from the CBS or RIVM OData API (v3: `TypedDataSet` and `DataProperties`).

Used when the build's source is an http(s) URL such as `https://opendata.cbs.nl/ODataApi/odata`. The API pages
its answers (`odata.nextLink`); every page is followed. Tests replay recorded payloads through `get_json`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import pandas as pd

from wijkmonitor.adapters import SourceFrame
from wijkmonitor.adapters.statline import frame_to_long
from wijkmonitor.errors import BuildError

JsonGetter = Callable[[str], dict[str, Any]]
TIMEOUT_S = 60
MAX_PAGES = 500


def http_get_json(url: str) -> dict[str, Any]:
    import requests

    try:
        response = requests.get(url, timeout=TIMEOUT_S, headers={"Accept": "application/json"})
        response.raise_for_status()
    except requests.RequestException as exc:
        raise BuildError(f"downloaden mislukt: {exc}", file=url) from exc
    try:
        payload = response.json()
    except ValueError as exc:  # requests' JSONDecodeError too: the download succeeded, the content is wrong
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        raise BuildError("het antwoord is geen JSON" + (f" maar {kind}" if kind else ""), file=url) from exc
    if not isinstance(payload, dict):
        raise BuildError("onverwacht antwoord: geen JSON-object", file=url)
    return payload


def _collect(url: str, get_json: JsonGetter) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    next_url: str | None = url
    for _ in range(MAX_PAGES):
        if next_url is None:
            return rows
        payload = get_json(next_url)
        if not isinstance(payload, dict) or "value" not in payload:
            raise BuildError("onverwacht antwoord: geen 'value'-lijst", file=next_url)
        value = payload["value"]
        if not isinstance(value, list):
            raise BuildError("onverwacht antwoord: 'value' is geen lijst met rijen", file=next_url)
        for number, row in enumerate(value, start=len(rows) + 1):
            if not isinstance(row, dict):
                raise BuildError(f"onverwacht antwoord: rij {number} is geen JSON-object", file=next_url)
        rows.extend(value)
        next_url = payload.get("odata.nextLink") or payload.get("@odata.nextLink")
    raise BuildError(f"meer dan {MAX_PAGES} pagina's; afgebroken", file=url)


def table_url(base: str, table: str, part: str, gemeente: str | None) -> str:
    url = f"{base.rstrip('/')}/{table}/{part}"
    if part == "TypedDataSet" and gemeente is not None:
        # Region keys are padded to 10 characters; substringof matches the gemeente code inside all its codes.
        url += "?$filter=" + quote(f"substringof('{gemeente[2:]}',WijkenEnBuurten)", safe="(),'$=")
    return url


def read_odata(
    base: str, table: str, *, source_id: str, gemeente: str | None, get_json: JsonGetter | None = None
) -> SourceFrame:
    # Looked up at call time, not bound as a default: a test (or a proxy-aware caller) can replace it.
    get_json = get_json or http_get_json
    properties = {p["Key"]: p for p in _collect(table_url(base, table, "DataProperties", None), get_json)
                  if isinstance(p.get("Key"), str)}
    rows = _collect(table_url(base, table, "TypedDataSet", gemeente), get_json)
    if not rows:
        raise BuildError("de tabel gaf geen rijen terug", file=table_url(base, table, "TypedDataSet", gemeente))
    frame = pd.DataFrame(rows).astype("object")
    return frame_to_long(
        frame, file=table_url(base, table, "TypedDataSet", gemeente), source_id=source_id, gemeente=gemeente,
        properties=properties,
    )
