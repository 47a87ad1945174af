"""`wijkmonitor fetch` on recorded StatLine and PDOK answers: cbsodata's own paging runs against a fake session."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import cbsodata.cbsodata3 as cbsodata3
import duckdb
import pytest
import requests

from tests.test_fetch_recorded import FETCH_TOML, RecordedServer, recorded_server, response
from wijkmonitor.build import BuildOptions, build
from wijkmonitor.cli import main
from wijkmonitor.fetch.errors import FetchError
from wijkmonitor.fetch.manifest import MANIFEST, read_manifest
from wijkmonitor.fetch.pdok import PdokClient
from wijkmonitor.fetch.run import FetchOptions, FetchSummary, fetch
from wijkmonitor.fetch.settings import load_fetch_config
from wijkmonitor.fetch.statline import StatlineClient


@pytest.fixture()
def server(source_dir: Path, monkeypatch: pytest.MonkeyPatch) -> RecordedServer:
    recorded = recorded_server(source_dir)
    monkeypatch.setattr(cbsodata3, "Session", lambda: recorded)
    # No request may leave the machine: every requests session (PDOK's too) answers from the recording.
    monkeypatch.setattr(requests.Session, "send", lambda _self, prepared, **kw: recorded.send(prepared, **kw))
    return recorded


@pytest.fixture()
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "fetch.toml"
    path.write_text(FETCH_TOML, encoding="utf-8")
    return path


def _run(server: RecordedServer, config_file: Path, dest: Path, **kwargs: object) -> FetchSummary:
    config = load_fetch_config(config_file)
    options = FetchOptions(gemeente=str(kwargs.pop("gemeente", "GM0014")), dest=dest, config=config_file,
                           **kwargs)  # type: ignore[arg-type]
    statline = StatlineClient(retries=config.retries, retry_wait_s=0, sleep=lambda _s: None)
    pdok = PdokClient(config.boundaries, session=server, retries=config.retries, sleep=lambda _s: None)  # type: ignore[arg-type]
    return fetch(options, progress=lambda _line: None, statline=statline, pdok=pdok)


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != MANIFEST}


def test_fetch_follows_pages_filters_and_writes_what_the_build_reads(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "gm0014"
    summary = _run(server, config_file, dest)
    kwb = json.loads((dest / "statline/85984NED/TypedDataSet.json").read_text(encoding="utf-8"))["value"]
    # 21 regions (gemeente + 20 wijken) in pages of 50 is one page; the RIVM table needs several.
    assert {r["WijkenEnBuurten"].strip() for r in kwb} >= {"GM0014", "WK001400"}
    assert any("$skip=50" in url for url in server.log if "50090NED" in url)
    crimes = json.loads((dest / "statline/47018NED/TypedDataSet.json").read_text(encoding="utf-8"))["value"]
    assert len(crimes) == 151 and {r["SoortMisdrijf"] for r in crimes} == {"0.0.0 "}
    props = json.loads((dest / "statline/85984NED/DataProperties.json").read_text(encoding="utf-8"))["value"]
    assert any(p["Key"] == "AantalInwoners_5" for p in props)
    buurten = json.loads((dest / "geo/gm0014_buurt_2022.geojson").read_text(encoding="utf-8"))
    assert len(buurten["features"]) == 150
    assert not (dest / "geo/gm0014_buurt_2024.geojson").exists()
    assert any("buurtgrenzen 2024: PDOK kent deze laag of dit jaar niet (HTTP 400)" in w for w in summary.warnings)
    sources = {s.id: s for s in read_manifest(dest)}
    assert sources["kwb2024_85984NED"].period == "2024JJ00"
    assert sources["politie_47018NED"].boundary_year == 2024 and sources["politie_47018NED"].lists_all_regions
    assert not list(tmp_path.glob(".gm0014.tmp-*"))


def test_second_run_downloads_nothing(server: RecordedServer, config_file: Path, tmp_path: Path) -> None:
    dest = tmp_path / "out"
    first = _run(server, config_file, dest)
    before, asked = _digest(dest), len(server.log)
    second = _run(server, config_file, dest)
    assert len(server.log) == asked and second.downloads == 0
    assert second.cached == 3 * 3 + 4 and first.downloads > 0
    assert _digest(dest) == before


def test_refresh_downloads_again(server: RecordedServer, config_file: Path, tmp_path: Path) -> None:
    _run(server, config_file, tmp_path / "out")
    asked = len(server.log)
    _run(server, config_file, tmp_path / "out", refresh=True)
    assert len(server.log) > asked


def test_years_limit_the_periods_of_multi_year_tables(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    summary = _run(server, config_file, tmp_path / "out", years="2024")
    # RIVM has 2012/2016/2020 and the police table 2023 only: with --years 2024 both have no rows left.
    assert {s.id for s in read_manifest(tmp_path / "out")} == {"kwb2024_85984NED"}
    assert not (tmp_path / "out/statline/50090NED").exists()
    assert sum("geen rijen voor GM0014" in w for w in summary.warnings) == 2


def test_unknown_gemeente_is_refused_and_nothing_written(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    with pytest.raises(FetchError, match="GM9999 komt in geen enkele Kerncijfers-tabel voor"):
        _run(server, config_file, tmp_path / "out", gemeente="GM9999")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("code", ["GM14", "0014", "BU00140000", "GM00145", ""])
def test_malformed_gemeente_code_is_refused_before_any_download(
    server: RecordedServer, config_file: Path, tmp_path: Path, code: str
) -> None:
    with pytest.raises(FetchError, match=r"gemeentecode .* is ongeldig"):
        _run(server, config_file, tmp_path / "out", gemeente=code)
    assert server.log == []


def test_unknown_table_is_refused(server: RecordedServer, config_file: Path, tmp_path: Path) -> None:
    config_file.write_text(FETCH_TOML.replace('table = "47018NED"', 'table = "99999NED"'), encoding="utf-8")
    with pytest.raises(FetchError, match=r"tabel 99999NED .*bestaat niet.*HTTP 404"):
        _run(server, config_file, tmp_path / "out")
    # A 404 is not retried: it will not get better.
    assert sum("99999NED" in url for url in server.log) == 1
    assert not (tmp_path / "out").exists()


def test_server_error_is_retried_then_refused(server: RecordedServer, config_file: Path, tmp_path: Path) -> None:
    server.intercept = lambda url: response(url, 503, "Service Unavailable") if "47018NED" in url else None
    expected = "47018NED mislukt na 3 poging(en): dataderden.cbs.nl antwoordde met HTTP 503"
    with pytest.raises(FetchError, match=re.escape(expected)):
        _run(server, config_file, tmp_path / "out")
    assert sum("47018NED" in url for url in server.log) == 3
    assert not (tmp_path / "out").exists()


def test_transient_error_is_retried(server: RecordedServer, config_file: Path, tmp_path: Path) -> None:
    failed: list[str] = []

    def once(url: str) -> requests.Response | None:
        if "85984NED/TypedDataSet" in url and not failed:
            failed.append(url)
            return response(url, 502, "Bad Gateway")
        return None

    server.intercept = once
    _run(server, config_file, tmp_path / "out")
    assert failed and (tmp_path / "out/statline/85984NED/TypedDataSet.json").is_file()


def test_interrupted_download_leaves_the_previous_folder_untouched(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "out"
    _run(server, config_file, dest)
    before = _digest(dest) | {MANIFEST: (dest / MANIFEST).read_text(encoding="utf-8")}
    # The second page of the RIVM table breaks off halfway: cbsodata cannot parse it, the table would be partial.
    server.intercept = lambda url: (response(url, 200, '{"value": [{"ID": 1, "Leef')
                                    if "50090NED" in url and "$skip=50" in url else None)
    with pytest.raises(FetchError, match=r"50090NED mislukt .*afgebroken"):
        _run(server, config_file, dest, refresh=True)
    assert _digest(dest) | {MANIFEST: (dest / MANIFEST).read_text(encoding="utf-8")} == before
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name or ".old-" in p.name] == []


def test_resumed_download_fetches_only_what_is_missing(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "out"
    server.intercept = lambda url: (_ for _ in ()).throw(requests.ConnectionError("verbinding verbroken")) \
        if "47018NED/TypedDataSet" in url else None
    with pytest.raises(FetchError, match=r"geen verbinding met dataderden\.cbs\.nl"):
        _run(server, config_file, dest)
    assert not dest.exists()
    server.log.clear()
    server.intercept = lambda _url: None
    summary = _run(server, config_file, dest)
    odata = [url for url in server.log if "cbs.nl" in url]
    # Only the police table's data and region list: its DataProperties and the other tables came from the cache.
    assert {url.split("?")[0].rsplit("/", 1)[-1] for url in odata} == {"TypedDataSet", "WijkenEnBuurten"}
    assert all("/47018NED/" in url for url in odata)
    assert summary.tables == ["85984NED", "50090NED", "47018NED"]


def test_destination_that_fetch_did_not_write_is_refused(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "own"
    dest.mkdir()
    (dest / "eigen.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(FetchError, match="geen map van 'wijkmonitor fetch'"):
        _run(server, config_file, dest)
    assert (dest / "eigen.csv").read_text(encoding="utf-8") == "x\n"


def test_invalid_fetch_config_names_the_key(tmp_path: Path) -> None:
    path = tmp_path / "fetch.toml"
    path.write_text(FETCH_TOML.replace('table = "85984NED"', 'table = "85984"'), encoding="utf-8")
    with pytest.raises(FetchError, match=r"tables\[0\]\.table"):
        load_fetch_config(path)
    path.write_text(FETCH_TOML.replace("retries = 2", 'retries = "twee"'), encoding="utf-8")
    with pytest.raises(FetchError, match="retries"):
        load_fetch_config(path)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--gemeente", "GM14"], "gemeentecode 'GM14' is ongeldig"),
        (["--gemeente", "GM0014", "--years", "2010-2012"], "geen Kerncijfers-tabel"),
        (["--gemeente", "GM0014", "--years", "twintig"], "onleesbaar"),
        (["--gemeente", "GM0014", "--years", "2025-2013"], "eerste jaar ligt na het laatste"),
    ],
)
def test_cli_refusals_are_one_dutch_line_and_exit_2(
    server: RecordedServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["fetch", *argv, "--dest", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_cli_fetch_then_build_from_the_fetched_folder(
    server: RecordedServer, config_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "gm0014"
    assert main(["fetch", "--gemeente", "gm0014", "--dest", str(dest), "--config", str(config_file)]) == 0
    err = capsys.readouterr().err
    assert "[1/3] 85984NED [######..............] 1/3 DataProperties" in err
    db = tmp_path / "fetched.duckdb"
    build(BuildOptions(source=str(dest), db=db, gemeente="GM0014"), progress=lambda _line: None)
    con = duckdb.connect(str(db), read_only=True)
    try:
        def value(region: str, year: int, indicator: str) -> float:
            row = con.execute(
                "select value from observations where region_code = ? and year = ? and indicator_code = ? "
                "order by age_group limit 1", [region, year, indicator]).fetchone()
            assert row is not None, (region, year, indicator)
            return float(row[0])

        assert value("GM0014", 2024, "AantalInwoners") == 243768
        assert value("WK001400", 2024, "AantalInwoners") == 24920
        assert value("BU00140000", 2023, "GeregistreerdeMisdrijven") == 1428
        assert value("GM0014", 2020, "Eenzaam") == 48.6
        levels = dict(con.execute("select level, count(*) from boundaries where year = 2022 group by level")
                      .fetchall())
        assert levels == {"wijk": 20, "buurt": 150}
        name = con.execute("select name from regions where region_code = 'BU00140000'").fetchone()
        assert name == ("Binnenstad-Noord",)
    finally:
        con.close()


def test_cbs_symbols_stay_missing_after_fetch(server: RecordedServer, config_file: Path, tmp_path: Path) -> None:
    from wijkmonitor.adapters.statline import read_statline

    rows = server.tables[("opendata.cbs.nl", "85984NED")]["TypedDataSet"]
    # Constructed: how the service writes a secret (x) and a missing (.) cell in an untyped answer.
    rows[1]["Woningvoorraad_35"], rows[2]["Woningvoorraad_35"] = "x", "."
    dest = tmp_path / "out"
    _run(server, config_file, dest)
    source = {s.id: s for s in read_manifest(dest)}["kwb2024_85984NED"]
    frame = read_statline(dest / source.paths[0], source_id=source.id, gemeente="GM0014",
                          data_properties=dest / str(source.data_properties), period=source.period)
    stock = frame.observations[frame.observations["indicator_code"] == "Woningvoorraad"].set_index("region_code")
    blanked = {rows[1]["WijkenEnBuurten"].strip(), rows[2]["WijkenEnBuurten"].strip()}
    assert blanked.isdisjoint(stock.index) and stock.loc["GM0014", "value"] == 124258
    assert len(stock) == len(rows) - 2


def test_without_boundaries_names_come_from_the_tables_region_list(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "out"
    summary = _run(server, config_file, dest, boundaries=False)
    assert not (dest / "geo").exists() and summary.boundary_files == 0
    assert any("85984NED: regionamen niet beschikbaar" in w for w in summary.warnings)
    db = tmp_path / "zonder-kaart.duckdb"
    build(BuildOptions(source=str(dest), db=db, gemeente="GM0014"), progress=lambda _line: None)
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = dict(con.execute("select region_code, name from regions").fetchall())
        boundaries = con.execute("select count(*) from boundaries").fetchone()
    finally:
        con.close()
    assert boundaries == (0,)
    # The 2024 buurt Peizerweg exists in no boundary file here: its name is the police table's own.
    assert names["BU00140110"] == "Peizerweg" and names["WK001400"] == "Centrum"


def test_boundaries_without_server_filter_and_in_lat_lon_order(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    layer = server.layers[(2022, "buurt_gegeneraliseerd")]
    elsewhere = {**layer[0], "properties": {**layer[0]["properties"], "statcode": "BU03630000"}}
    # Constructed: the same layer as a WFS 2.0 server may send EPSG:4326 (latitude first), plus another gemeente.
    def lat_lon(coordinates: list) -> list:  # type: ignore[type-arg]
        if isinstance(coordinates[0], float | int):
            return [coordinates[1], coordinates[0]]
        return [lat_lon(c) for c in coordinates]

    server.layers[(2022, "buurt_gegeneraliseerd")] = [
        {**f, "geometry": {**f["geometry"], "coordinates": lat_lon(f["geometry"]["coordinates"])}}
        for f in [*layer, elsewhere]
    ]
    server.wfs_filter = False
    dest = tmp_path / "out"
    _run(server, config_file, dest)
    written = json.loads((dest / "geo/gm0014_buurt_2022.geojson").read_text(encoding="utf-8"))["features"]
    assert len(written) == 150 and all(f["properties"]["statcode"].startswith("BU0014") for f in written)
    assert written[0]["geometry"] == layer[0]["geometry"]
    assert any("filter" not in url and "buurt_gegeneraliseerd" in url for url in server.log)


def test_own_files_beside_the_fetched_ones_are_read_too(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    from wijkmonitor.config import PROJECT_ROOT

    dest = tmp_path / "gm0014"
    _run(server, config_file, dest)
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    # Without comparison.toml: its national RIVM source is not in this sources.toml.
    for item in (PROJECT_ROOT / "config").iterdir():
        if item.name != "comparison.toml":
            (config_dir / item.name).symlink_to(item)
    (config_dir / "sources.toml").unlink()
    # One source present in the fetched folder (a wide table of the municipality), one absent (skipped).
    (config_dir / "sources.toml").write_text(
        '[[sources]]\nid = "eigen"\nadapter = "wide"\ntitle = "Eigen monitor"\npaths = ["eigen/monitor.csv"]\n\n'
        '[[sources]]\nid = "elders"\nadapter = "longcsv"\ntitle = "Niet hier"\npaths = ["indicators/x.csv"]\n',
        encoding="utf-8",
    )
    (dest / "eigen").mkdir()
    (dest / "eigen/monitor.csv").write_text("gebiedscode,Onveiligheidsgevoel 2023\nGM0014,22.5\n", encoding="utf-8")
    (dest / "eigen/monitor.toml").write_text(
        'layout = "columns"\nregion_column = "gebiedscode"\n[indicators]\n"Onveiligheidsgevoel" = "Onveilig"\n',
        encoding="utf-8")
    db = tmp_path / "samen.duckdb"
    build(BuildOptions(source=str(dest), db=db, gemeente="GM0014", config_dir=config_dir),
          progress=lambda _line: None)
    con = duckdb.connect(str(db), read_only=True)
    try:
        sources = {r[0] for r in con.execute("select distinct source_id from build_sources").fetchall()}
        own = con.execute("select value from observations where indicator_code = 'Onveilig'").fetchall()
    finally:
        con.close()
    assert {"eigen", "kwb2024_85984NED", "politie_47018NED", "politie_47018NED_regios"} <= sources
    assert "elders" not in sources and own == [(22.5,)]


def test_damaged_manifest_stops_the_build_with_its_name(
    server: RecordedServer, config_file: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "gm0014"
    _run(server, config_file, dest)
    (dest / MANIFEST).write_text("[[sources]\nid = ", encoding="utf-8")
    db = tmp_path / "x.duckdb"
    with pytest.raises(FetchError, match="manifest van de download is onleesbaar") as caught:
        build(BuildOptions(source=str(dest), db=db, gemeente="GM0014"), progress=lambda _line: None)
    assert caught.value.file == str(dest / MANIFEST) and not db.exists()
