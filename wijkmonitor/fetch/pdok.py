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
MAX_PAGES = 200


def statcode_filter(prefix: str) -> str:
    return (
        '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0">'
        '<fes:PropertyIsLike wildCard="*" singleChar="." escapeChar="!">'
        f"<fes:ValueReference>statcode</fes:ValueReference><fes:Literal>{prefix}*</fes:Literal>"
        "</fes:PropertyIsLike></fes:Filter>"
    )


def wfs_params(layer: str, prefix: str, count: int, start: int) -> dict[str, str]:
    return {
        "service": "WFS", "version": "2.0.0", "request": "GetFeature", "typeNames": layer,
        "outputFormat": "application/json", "srsName": "EPSG:4326", "count": str(count),
        "startIndex": str(start), "filter": statcode_filter(prefix),
    }


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
                    raise FetchError(f"PDOK kent deze laag of dit jaar niet (HTTP {status})", file=url) from exc
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
        url = self.spec.url.format(year=year)
        prefix = PREFIX[level] + gemeente[2:]
        kept: list[dict[str, Any]] = []
        start = 0
        for _ in range(MAX_PAGES):
            page = self._page(url, wfs_params(self.spec.layers[level], prefix, self.spec.page_size, start))
            features = page["features"]
            for feature in features:
                props = feature.get("properties") if isinstance(feature, dict) else None
                code = str((props or {}).get("statcode", "")).strip()
                if code.startswith(prefix):
                    kept.append(feature)
            if len(features) < self.spec.page_size:
                return kept
            start += len(features)
        raise FetchError(f"meer dan {MAX_PAGES} pagina's grenzen; afgebroken", file=url)
