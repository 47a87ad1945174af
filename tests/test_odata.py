"""The OData download path, replayed from recorded payloads (CI has no internet).

The payloads have the shape the CBS/RIVM OData v3 API returns (`value` lists, `odata.nextLink` paging,
`DataProperties` with Key/Type/Datatype); the figures in them are the real GM0014 cells of table 50090NED.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from wijkmonitor.adapters.odata import read_odata, table_url
from wijkmonitor.errors import BuildError

BASE = "https://dataderden.cbs.nl/ODataApi/odata"


def _recorded(source_dir: Path) -> dict[str, dict[str, Any]]:
    with (source_dir / "raw/rivm_50090NED_gezondheid_wijk_buurt_GM0014_rows.csv").open(encoding="utf-8") as h:
        rows = [r for r in csv.DictReader(h) if r["Perioden"] == "2020JJ00" and r["Leeftijd"] == "20300"][:4]
    typed = [
        {"ID": int(r["ID"]), "Leeftijd": r["Leeftijd"], "Marges": r["Marges"], "WijkenEnBuurten": r["WijkenEnBuurten"],
         "Perioden": r["Perioden"], "SoortRegio_2": r["SoortRegio_2"],
         "Eenzaam_28": float(r["Eenzaam_28"]) if r["Eenzaam_28"].strip() not in ("", ".") else None}
        for r in rows
    ]
    properties = [
        {"odata.type": "Cbs.OData.Dimension", "ID": 0, "Key": "Leeftijd", "Type": "Dimension"},
        {"odata.type": "Cbs.OData.Topic", "ID": 5, "Key": "SoortRegio_2", "Type": "Topic", "Datatype": "String"},
        {"odata.type": "Cbs.OData.Topic", "ID": 31, "Key": "Eenzaam_28", "Title": "Eenzaam", "Type": "Topic",
         "Datatype": "Double", "Unit": "%", "Decimals": 1},
    ]
    data_url = table_url(BASE, "50090NED", "TypedDataSet", "GM0014")
    return {
        table_url(BASE, "50090NED", "DataProperties", None): {"value": properties},
        data_url: {"value": typed[:2], "odata.nextLink": data_url + "&$skip=2"},
        data_url + "&$skip=2": {"value": typed[2:]},
    }


def test_odata_pages_are_followed_and_values_parsed(source_dir: Path) -> None:
    payloads = _recorded(source_dir)
    asked: list[str] = []

    def replay(url: str) -> dict[str, Any]:
        asked.append(url)
        return payloads[url]

    frame = read_odata(BASE, "50090NED", source_id="rivm", gemeente="GM0014", get_json=replay)
    assert len(asked) == 3
    obs = frame.observations.set_index("region_code")
    assert obs.loc["GM0014", "value"] == 48.6
    assert set(obs["indicator_code"]) == {"Eenzaam"} and set(obs["age_group"]) == {"18plus"}
    assert frame.metadata.set_index("indicator_code").loc["Eenzaam", "unit"] == "%"


def test_odata_filter_is_url_encoded() -> None:
    url = table_url(BASE, "50090NED", "TypedDataSet", "GM0014")
    assert url.endswith("TypedDataSet?$filter=substringof('0014',WijkenEnBuurten)")


def test_odata_without_value_list_is_refused() -> None:
    with pytest.raises(BuildError, match="geen 'value'-lijst"):
        read_odata(BASE, "50090NED", source_id="x", gemeente=None, get_json=lambda _u: {"error": "nee"})


def test_odata_empty_table_is_refused() -> None:
    with pytest.raises(BuildError, match="geen rijen"):
        read_odata(BASE, "50090NED", source_id="x", gemeente=None, get_json=lambda _u: {"value": []})
