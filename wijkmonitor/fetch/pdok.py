"""Wijk and buurt boundaries of one gemeente from the CBS gebiedsindelingen on PDOK (WFS 2.0, GeoJSON, WGS84).

The WFS pages with `count`/`startIndex`; a FES filter on `statcode` asks for the gemeente's features only, and the
answer is filtered again here, so a server that ignored the filter still yields only the gemeente.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import requests

from wijkmonitor.fetch.errors import FetchError
from wijkmonitor.fetch.settings import BoundarySpec
from wijkmonitor.fetch.statline import describe

PREFIX = {"gemeente": "GM", "wijk": "WK", "buurt": "BU"}


class LayerUnavailable(FetchError):
    """PDOK does not offer this layer for this year (HTTP 400/404): a missing map, not a broken download."""
MAX_PAGES = 200


def statcode_filter(prefix: str) -> str:
    return (
        '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0">'
        '<fes:PropertyIsLike wildCard="*" singleChar="." escapeChar="!">'
        f"<fes:ValueReference>statcode</fes:ValueReference><fes:Literal>{prefix}*</fes:Literal>"
        "</fes:PropertyIsLike></fes:Filter>"
    )


def wfs_params(layer: str, prefix: str | None, count: int, start: int) -> dict[str, str]:
    params = {
        "service": "WFS", "version": "2.0.0", "request": "GetFeature", "typeNames": layer,
        "outputFormat": "application/json", "srsName": "EPSG:4326", "count": str(count),
        "startIndex": str(start),
    }
    if prefix is not None:
        params["filter"] = statcode_filter(prefix)
    return params


def _swap(coordinates: Any) -> Any:
    if coordinates and isinstance(coordinates[0], int | float):
        return [coordinates[1], coordinates[0], *coordinates[2:]]
    return [_swap(part) for part in coordinates]


def _first_position(coordinates: Any) -> list[float] | None:
    while isinstance(coordinates, list) and coordinates and isinstance(coordinates[0], list):
        coordinates = coordinates[0]
    return coordinates if isinstance(coordinates, list) and len(coordinates) >= 2 else None


def lon_lat(feature: dict[str, Any], url: str) -> dict[str, Any]:
    """GeoJSON is lon/lat; WFS 2.0 answers in EPSG:4326 may come lat/lon. In the Netherlands lat > lon always."""
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict):
        return feature
    first = _first_position(geometry.get("coordinates"))
    if first is None:
        return feature
    x, y = float(first[0]), float(first[1])
    if abs(x) > 180 or abs(y) > 90:
        raise FetchError("PDOK gaf geen WGS84-coördinaten (lengte- en breedtegraad) terug", file=url)
    if x > y:
        return {**feature, "geometry": {**geometry, "coordinates": _swap(geometry["coordinates"])}}
    return feature


class PdokClient:
    def __init__(self, spec: BoundarySpec, *, session: requests.Session | None = None, retries: int = 3,
                 retry_wait_s: float = 2.0, timeout_s: float = 120,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.spec = spec
        self.session = session or requests.Session()
        self.retries = retries
        self.retry_wait_s = retry_wait_s
        self.timeout_s = timeout_s
        self.sleep = sleep
        self.requests = 0

    def _page(self, url: str, params: dict[str, str]) -> dict[str, Any]:
        prepared = requests.Request("GET", url, params=params).prepare()
        for attempt in range(self.retries + 1):
            self.requests += 1
            try:
                response = self.session.send(prepared, timeout=self.timeout_s)
                response.raise_for_status()
                payload = json.loads(response.text)
            except requests.HTTPError as exc:
                status = exc.response.status_code if exc.response is not None else None
                if status in (400, 404):
                    raise LayerUnavailable(f"PDOK kent deze laag of dit jaar niet (HTTP {status})",
                                           file=url) from exc
                error: Exception = exc
            except (requests.RequestException, json.JSONDecodeError) as exc:
                error = exc
            else:
                if not isinstance(payload, dict) or not isinstance(payload.get("features"), list):
                    raise FetchError("onverwacht antwoord van PDOK: geen GeoJSON FeatureCollection", file=url)
                return payload
            if attempt < self.retries:
                self.sleep(self.retry_wait_s * 2**attempt)
        raise FetchError(f"downloaden van grenzen mislukt na {self.retries + 1} poging(en): "
                         f"{describe(error, 'service.pdok.nl', self.timeout_s)}", file=url)

    def features(self, level: str, year: int, gemeente: str) -> list[dict[str, Any]]:
        prefix = PREFIX[level] + gemeente[2:]
        try:
            return self._features(level, year, prefix, server_filter=True)
        except LayerUnavailable:
            # A server that does not take the FES filter refuses the whole request: page the layer and filter here.
            return self._features(level, year, prefix, server_filter=False)

    def _features(self, level: str, year: int, prefix: str, *, server_filter: bool) -> list[dict[str, Any]]:
        url = self.spec.url.format(year=year)
        kept: list[dict[str, Any]] = []
        start = 0
        for _ in range(MAX_PAGES):
            params = wfs_params(self.spec.layers[level], prefix if server_filter else None, self.spec.page_size,
                                start)
            page = self._page(url, params)
            features = page["features"]
            for feature in features:
                props = feature.get("properties") if isinstance(feature, dict) else None
                code = str((props or {}).get("statcode", "")).strip()
                if code.startswith(prefix):
                    kept.append(lon_lat(feature, url))
            if len(features) < self.spec.page_size:
                return kept
            start += len(features)
        raise FetchError(f"meer dan {MAX_PAGES} pagina's grenzen; afgebroken", file=url)
