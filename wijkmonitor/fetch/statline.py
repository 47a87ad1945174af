"""StatLine OData through the cbsodata client: one table part (TypedDataSet, DataProperties) as a list of rows.

cbsodata follows `odata.nextLink` itself and raises `requests.HTTPError` on an HTTP error; this module adds the
gemeente filter, a timeout, retries with back-off for transient failures, and Dutch messages. Tests replace
`cbsodata.cbsodata3.Session` with a recorded one, so the real paging code runs without network.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import cbsodata
import cbsodata.cbsodata3 as cbsodata3
import requests

from wijkmonitor.fetch.errors import FetchError
from wijkmonitor.fetch.settings import TableSpec

Rows = list[dict[str, Any]]
# 404: the table (or part) does not exist; 400: the filter names a dimension the table lacks. Neither gets better
# by asking again, unlike 429 and the 5xx answers.
PERMANENT = frozenset({400, 401, 403, 404, 410})


def region_filter(spec: TableSpec, gemeente: str) -> str:
    """The gemeente, its wijken and buurten, and the Netherlands (the national reference).

    Region keys are padded to 10 characters, so equality would need the padding; the prefixes GM/WK/BU + the four
    digits occur only at the start of a key, so `substringof` is exact here.
    """
    digits = gemeente[2:]
    dim = spec.region_dimension
    regions = " or ".join(f"substringof('{p}{digits}',{dim})" for p in ("GM", "WK", "BU"))
    clause = f"({regions} or substringof('NL01',{dim}))"
    return f"{clause} and ({spec.filter})" if spec.filter else clause


def describe(error: Exception, host: str, timeout_s: float) -> str:
    """The cause of a failed download in plain Dutch; the library's own text only where nothing fits."""
    if isinstance(error, requests.Timeout):
        return f"geen antwoord van {host} binnen {timeout_s:g} s"
    if isinstance(error, requests.ConnectionError):
        return f"geen verbinding met {host} (geen internet, of de dienst is onbereikbaar)"
    if isinstance(error, requests.HTTPError):
        answer = error.response if error.response is not None else getattr(error.__cause__, "response", None)
        status = answer.status_code if answer is not None else "?"
        return f"{host} antwoordde met HTTP {status}"
    if isinstance(error, json.JSONDecodeError | KeyError | TypeError):
        return "het antwoord was afgebroken of had een onverwachte vorm"
    return f"{type(error).__name__}: {error}"


def data_url(spec: TableSpec) -> str:
    return f"https://{spec.catalog}/{cbsodata3.BULK}/{spec.table}/"


class StatlineClient:
    def __init__(self, *, retries: int = 3, retry_wait_s: float = 2.0, timeout_s: float = 120,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.retries = retries
        self.retry_wait_s = retry_wait_s
        self.timeout_s = timeout_s
        self.sleep = sleep
        self.requests = 0

    def part(self, spec: TableSpec, part: str, filters: str | None = None) -> Rows:
        where = f"{data_url(spec)}{part}"
        for attempt in range(self.retries + 1):
            self.requests += 1
            try:
                # get_meta has no filter argument; _download_metadata is what get_meta and get_data call.
                rows = cbsodata3._download_metadata(
                    spec.table, part, filters=filters, catalog_url=spec.catalog, timeout=self.timeout_s
                ) if filters else cbsodata.get_meta(spec.table, part, catalog_url=spec.catalog,
                                                     timeout=self.timeout_s)
            except requests.HTTPError as exc:
                # cbsodata re-raises the HTTPError without its response; the original is the cause.
                answer = exc.response if exc.response is not None else getattr(exc.__cause__, "response", None)
                status = answer.status_code if answer is not None else None
                if status in PERMANENT:
                    hint = ("tabel bestaat niet (controleer het tabelnummer in config/fetch.toml)"
                            if status in (404, 410) else "de server weigert de vraag")
                    raise FetchError(f"tabel {spec.table} ({spec.catalog}): {hint}; HTTP {status}",
                                     file=where) from exc
                error: Exception = exc
            except (requests.RequestException, json.JSONDecodeError, KeyError, TypeError) as exc:
                # A dropped connection, a truncated page or an answer without 'value': the table would be partial.
                error = exc
            else:
                if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                    raise FetchError("onverwacht antwoord: geen lijst met rijen", file=where)
                return rows
            if attempt < self.retries:
                self.sleep(self.retry_wait_s * 2**attempt)
        raise FetchError(
            f"downloaden van tabel {spec.table} mislukt na {self.retries + 1} poging(en): "
            f"{describe(error, spec.catalog, self.timeout_s)}", file=where,
        ) from error
