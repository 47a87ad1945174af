"""A recorded StatLine OData + PDOK WFS server for the fetch tests (CI has no internet).

It answers `requests` prepared requests the way the services do: OData v3 `{"value": [...]}` pages with an
`odata.nextLink` carrying `$skip`, the gemeente `$filter` applied, HTTP 404 for an unknown table; PDOK GeoJSON
FeatureCollections paged with `count`/`startIndex`. The cells come from the real files in ../shared/data.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import requests

Rows = list[dict[str, Any]]


def response(url: str, status: int, body: str) -> requests.Response:
    answer = requests.Response()
    answer.status_code = status
    answer._content = body.encode("utf-8")
    answer.url = url
    answer.reason = "OK" if status < 400 else "Error"
    answer.encoding = "utf-8"
    return answer


def _keep(row: dict[str, Any], odata_filter: str) -> bool:
    region = next((str(row[k]) for k in ("WijkenEnBuurten", "RegioS", "Key") if k in row), "")
    digits = set(re.findall(r"substringof\('(?:GM|WK|BU)(\d{4})'", odata_filter))
    inside = region[:2] in ("GM", "WK", "BU") and region[2:6] in digits
    if not (inside or ("'NL01'" in odata_filter and region.startswith("NL01"))):
        return False
    kind = re.search(r"SoortMisdrijf eq '([^']*)'", odata_filter)
    return kind is None or row.get("SoortMisdrijf") == kind.group(1)


class RecordedServer:
    """Stands in for `requests.Session`: cbsodata calls `Session().send(prepared)`, PdokClient calls `send`."""

    def __init__(self, page_size: int = 50) -> None:
        self.tables: dict[tuple[str, str], dict[str, Rows]] = {}
        self.layers: dict[tuple[int, str], list[dict[str, Any]]] = {}
        self.page_size = page_size
        self.wfs_filter = True  # False: answer HTTP 400 to a FES filter, as a server without filter support does
        self.log: list[str] = []
        # Called with each URL before it is answered; may return a response to send instead (a failure).
        self.intercept: Callable[[str], requests.Response | None] = lambda _url: None

    def send(self, prepared: requests.PreparedRequest, **_kwargs: Any) -> requests.Response:
        url = str(prepared.url)
        self.log.append(url)
        failure = self.intercept(url)
        if failure is not None:
            return failure
        parts = urlsplit(url)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if parts.hostname == "service.pdok.nl":
            return self._wfs(url, parts.path, query)
        return self._odata(url, parts.hostname or "", parts.path, query)

    def _odata(self, url: str, host: str, path: str, query: dict[str, str]) -> requests.Response:
        match = re.match(r"^/ODataFeed/odata/([^/]+)/(\w+)$", path)
        if not match or (host, match[1]) not in self.tables:
            return response(url, 404, '{"odata.error": {"message": {"value": "Resource not found"}}}')
        table, part = match[1], match[2]
        rows = self.tables[(host, table)].get(part)
        if rows is None:
            return response(url, 404, "{}")
        odata_filter = query.get("$filter", "")
        if odata_filter:
            rows = [r for r in rows if _keep(r, odata_filter)]
        skip = int(query.get("$skip", "0"))
        page: dict[str, Any] = {"odata.metadata": f"https://{host}/ODataFeed/odata/{table}/$metadata#Cbs.OData.x",
                                "value": rows[skip:skip + self.page_size]}
        if skip + self.page_size < len(rows):
            page["odata.nextLink"] = (f"https://{host}/ODataFeed/odata/{table}/{part}?$format=json"
                                      f"&$filter={quote(odata_filter)}&$skip={skip + self.page_size}")
        return response(url, 200, json.dumps(page))

    def _wfs(self, url: str, path: str, query: dict[str, str]) -> requests.Response:
        match = re.match(r"^/cbs/gebiedsindelingen/(\d{4})/wfs/v1_0$", path)
        if not match:
            return response(url, 404, "not found")
        if "filter" in query and not self.wfs_filter:
            return response(url, 400, "<ExceptionReport>filter not supported</ExceptionReport>")
        if (int(match[1]), query["typeNames"]) not in self.layers:
            return response(url, 400, "<ExceptionReport>unknown typeName</ExceptionReport>")
        features = self.layers[(int(match[1]), query["typeNames"])]
        if "filter" in query:
            prefix = re.search(r"<fes:Literal>(\w+)\*</fes:Literal>", query["filter"])
            features = [f for f in features if prefix and f["properties"]["statcode"].startswith(prefix[1])]
        start, count = int(query["startIndex"]), int(query["count"])
        chunk = features[start:start + count]
        body = {"type": "FeatureCollection", "numberReturned": len(chunk), "features": chunk}
        return response(url, 200, json.dumps(body))


def kwb2024(source_dir: Path) -> dict[str, Rows]:
    """85984NED as the OData service returns it: the real GM0014 cells, padded keys, real DataProperties."""
    cells = json.loads((source_dir / "raw/kwb2024_85984NED_GM0014_subset_from_stripped_filtered_data_2024.json")
                       .read_text(encoding="utf-8"))
    rows = []
    for number, (code, values) in enumerate(cells.items()):
        kind = "Gemeente" if code.startswith("GM") else "Wijk" if code.startswith("WK") else "Buurt"
        rows.append({"ID": number, "WijkenEnBuurten": code.ljust(10), "Gemeentenaam_1": "Groningen".ljust(40),
                     "SoortRegio_2": kind.ljust(10), "Codering_3": code.ljust(10), **values})
    properties = json.loads((source_dir / "raw/kwb2024_85984NED_DataProperties.json").read_text(encoding="utf-8"))
    return {"TypedDataSet": rows, "DataProperties": properties}


def rivm(source_dir: Path) -> dict[str, Rows]:
    """RIVM Gezondheid per wijk en buurt (the real 50090NED cells, the layout 50120NED shares), 18+ only."""
    measures = ("ErvarenGezondheidGoedZeerGoed_4", "Eenzaam_28")
    with (source_dir / "raw/rivm_50090NED_gezondheid_wijk_buurt_GM0014_rows.csv").open(encoding="utf-8") as handle:
        raw = [r for r in csv.DictReader(handle) if r["Leeftijd"] == "20300"]
    rows = [
        {"ID": int(r["ID"]), "Leeftijd": r["Leeftijd"], "Marges": r["Marges"], "WijkenEnBuurten": r["WijkenEnBuurten"],
         "Perioden": r["Perioden"], "Gemeentenaam_1": r["Gemeentenaam_1"], "SoortRegio_2": r["SoortRegio_2"],
         **{m: float(r[m]) if r[m].strip() not in ("", ".") else None for m in measures}}
        for r in raw
    ]
    properties = [
        {"odata.type": "Cbs.OData.Dimension", "ID": 0, "Key": "Leeftijd", "Type": "Dimension"},
        {"odata.type": "Cbs.OData.Dimension", "ID": 1, "Key": "Marges", "Type": "Dimension"},
        {"odata.type": "Cbs.OData.GeoDetail", "ID": 2, "Key": "WijkenEnBuurten", "Type": "GeoDetail"},
        {"odata.type": "Cbs.OData.TimeDimension", "ID": 3, "Key": "Perioden", "Type": "TimeDimension"},
        {"odata.type": "Cbs.OData.Topic", "ID": 4, "Key": "Gemeentenaam_1", "Type": "Topic", "Datatype": "String"},
        {"odata.type": "Cbs.OData.Topic", "ID": 5, "Key": "SoortRegio_2", "Type": "Topic", "Datatype": "String"},
        {"odata.type": "Cbs.OData.Topic", "ID": 6, "Key": "ErvarenGezondheidGoedZeerGoed_4",
         "Title": "Ervaren gezondheid goed/zeer goed", "Type": "Topic", "Datatype": "Double", "Unit": "%",
         "Decimals": 1},
        {"odata.type": "Cbs.OData.Topic", "ID": 7, "Key": "Eenzaam_28", "Title": "Eenzaam", "Type": "Topic",
         "Datatype": "Double", "Unit": "%", "Decimals": 1},
    ]
    return {"TypedDataSet": rows, "DataProperties": properties}


def politie(source_dir: Path) -> dict[str, Rows]:
    """47018NED: the real 2023 total per buurt, padded as published; plus one row of another kind of crime
    (constructed) that the SoortMisdrijf filter must leave out."""
    with (source_dir / "raw/themes/politie_47018NED_buurten_2023_GM0014.csv").open(encoding="utf-8") as handle:
        raw = list(csv.DictReader(handle))
    rows: Rows = [
        {"ID": int(r["ID"]), "SoortMisdrijf": r["SoortMisdrijf"], "WijkenEnBuurten": r["WijkenEnBuurten"],
         "Perioden": r["Perioden"], "GeregistreerdeMisdrijven_1": int(r["GeregistreerdeMisdrijven_1"]),
         "Gemeentenaam_2": r["Gemeentenaam_2"], "SoortRegio_3": r["SoortRegio_3"]}
        for r in raw
    ]
    rows.append({**rows[0], "ID": 1, "SoortMisdrijf": "1.1.1 ", "GeregistreerdeMisdrijven_1": 7})
    with (source_dir / "raw/themes/politie_47018NED_regiodimensie-indeling2024_GM0014.csv").open(
            encoding="utf-8") as handle:
        regions = list(csv.DictReader(handle))
    properties = [
        {"odata.type": "Cbs.OData.Dimension", "ID": 0, "Key": "SoortMisdrijf", "Type": "Dimension"},
        {"odata.type": "Cbs.OData.GeoDetail", "ID": 1, "Key": "WijkenEnBuurten", "Type": "GeoDetail"},
        {"odata.type": "Cbs.OData.TimeDimension", "ID": 2, "Key": "Perioden", "Type": "TimeDimension"},
        {"odata.type": "Cbs.OData.Topic", "ID": 3, "Key": "GeregistreerdeMisdrijven_1",
         "Title": "Geregistreerde misdrijven", "Type": "Topic", "Datatype": "Double", "Unit": "aantal",
         "Decimals": 0},
        {"odata.type": "Cbs.OData.Topic", "ID": 4, "Key": "Gemeentenaam_2", "Type": "Topic", "Datatype": "String"},
        {"odata.type": "Cbs.OData.Topic", "ID": 5, "Key": "SoortRegio_3", "Type": "Topic", "Datatype": "String"},
    ]
    return {"TypedDataSet": rows, "DataProperties": properties, "WijkenEnBuurten": regions}


def boundary_features(source_dir: Path, level: str, year: int) -> list[dict[str, Any]]:
    """The real generalised CBS layer as PDOK returns it: statcode/statnaam per feature, WGS84."""
    data = json.loads((source_dir / f"geo/groningen_{level}_{year}.geojson").read_text(encoding="utf-8"))
    return [{"type": "Feature", "id": f"{level}_gegeneraliseerd.{i}", "geometry": f["geometry"],
             "properties": {"statcode": f["properties"]["statcode"], "statnaam": f["properties"]["statnaam"],
                            "jrstatcode": f"{year}{f['properties']['statcode']}", "rubriek": level}}
            for i, f in enumerate(data["features"])]


FETCH_TOML = """
retries = 2
retry_wait_s = 0.0
timeout_s = 5

[boundaries]
url = "https://service.pdok.nl/cbs/gebiedsindelingen/{year}/wfs/v1_0"
layers = { wijk = "wijk_gegeneraliseerd", buurt = "buurt_gegeneraliseerd" }
first_year = 2016
page_size = 40
licence = "CBS/PDOK, CC BY 4.0"

[[tables]]
id = "kwb2024_85984NED"
table = "85984NED"
title = "CBS Kerncijfers wijken en buurten 2024 (85984NED)"
catalog = "opendata.cbs.nl"
year = 2024
boundary_year = 2024
licence = "CC BY 4.0, bronvermelding CBS"

[[tables]]
id = "rivm_gezondheid"
table = "50090NED"
title = "RIVM Gezondheid per wijk en buurt (50090NED)"
catalog = "dataderden.cbs.nl"
boundary_year = 2022
multi_year = true

[[tables]]
id = "politie_47018NED"
table = "47018NED"
title = "Politie geregistreerde misdrijven (47018NED)"
catalog = "dataderden.cbs.nl"
boundary_year = 2024
multi_year = true
filter = "SoortMisdrijf eq '0.0.0 '"
lists_all_regions = true
"""


def recorded_server(source_dir: Path, page_size: int = 50) -> RecordedServer:
    server = RecordedServer(page_size=page_size)
    server.tables[("opendata.cbs.nl", "85984NED")] = kwb2024(source_dir)
    server.tables[("dataderden.cbs.nl", "50090NED")] = rivm(source_dir)
    server.tables[("dataderden.cbs.nl", "47018NED")] = politie(source_dir)
    for level in ("wijk", "buurt"):
        server.layers[(2022, f"{level}_gegeneraliseerd")] = boundary_features(source_dir, level, 2022)
    return server
