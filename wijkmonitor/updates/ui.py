"""The page "Gegevens bijwerken": widgets and wiring only; every decision is made in the pure modules.

`render(viewer)` is the whole page; `pages/gegevens-bijwerken.py` calls it after the shared start function.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from wijkmonitor.access import explain, session
from wijkmonitor.access.roles import Viewer
from wijkmonitor.common import dutch_ui as nl
from wijkmonitor.common.data import data_guard, meta
from wijkmonitor.common.text import markdown
from wijkmonitor.config import DEFAULT_SOURCE, db_path_from_env, load_config
from wijkmonitor.errors import BuildError, WijkmonitorError
from wijkmonitor.updates import jobs
from wijkmonitor.updates.apply import (
    BuildTarget,
    apply_upload,
    build_meta,
    current_own_figures,
    known_buurten,
    rollback,
)
from wijkmonitor.updates.checks import OWN_FIGURES, UploadCheck, check_upload, problems_frame
from wijkmonitor.updates.diff import changes_frame, own_figure_changes, register_changes
from wijkmonitor.updates.store import UpdateStore
from wijkmonitor.updates.upload import UploadRejected, inspect_upload

TITLE = "Gegevens bijwerken"
_JOB = "updates-job"
_OUTCOME = "updates-outcome"


def target() -> BuildTarget:
    db = db_path_from_env()
    meta = build_meta(db)
    settings = session.access_config().updates
    return BuildTarget(
        db=db,
        source=Path(os.environ.get("WIJKMONITOR_SOURCE", str(DEFAULT_SOURCE))),
        gemeente=meta.get("gemeente_code") or None,
        all_regions=meta.get("all_regions", "").lower() in ("true", "1"),
        own_figures_source=settings.own_figures_source,
        keep_builds=settings.keep_builds,
    )


def _who(viewer: Viewer) -> str:
    return viewer.email or viewer.name or "onbekend"


def _check(data: bytes, name: str, tgt: BuildTarget, store: UpdateStore) -> UploadCheck:
    upload = inspect_upload(data, name, session.access_config().updates.max_upload_bytes)
    path = store.scratch(upload.data, upload.sha256, upload.suffix)
    return check_upload(upload, path, config=load_config(), registers_toml=tgt.registers_toml,
                        active=store.active(), buurten=known_buurten(tgt.db),
                        own_figures_source=tgt.own_figures_source)


def _changes(check: UploadCheck, tgt: BuildTarget, store: UpdateStore) -> pd.DataFrame:
    if check.target == OWN_FIGURES and check.observations is not None:
        current = current_own_figures(tgt, store.active())
        return changes_frame(own_figure_changes(current, tgt.own_figures_source, tgt.gemeente, check.observations))
    assert check.tables is not None
    return changes_frame(register_changes(tgt.db, check.registers, check.tables.as_dict()))


@st.fragment(run_every=1.0)
def _progress() -> None:
    job = jobs.get(st.session_state.get(_JOB, ""))
    if job is None:
        return
    state, lines, message = job.snapshot()
    if state == jobs.RUNNING:
        with st.status("Bezig met bijwerken ...", expanded=True):
            st.text("\n".join(lines[-12:]) or "starten ...")
        return
    # Shown by the full rerun below: a message drawn here would be wiped by it.
    del st.session_state[_JOB]
    st.session_state[_OUTCOME] = (state, message)
    st.rerun()


def _outcome() -> None:
    state, message = st.session_state.pop(_OUTCOME, ("", ""))
    if state == jobs.DONE:
        st.success(markdown(message), icon=":material/check_circle:")
    elif state == jobs.FAILED:
        st.error(f"Bijwerken is niet gelukt; de gegevens zijn niet veranderd. {markdown(message)}",
                 icon=":material/error:")


def _upload_section(viewer: Viewer, tgt: BuildTarget, store: UpdateStore) -> None:
    limit = session.access_config().updates.max_upload_mb
    st.subheader("Bestand kiezen")
    st.caption("Een registerwerkboek (.xlsx met de werkbladen interventies, resultaten en/of proceslog), één "
               "register als .csv, of een tabel eigen cijfers (.csv met region_code, year, indicator_code, value). "
               f"Hoogstens {f'{limit:g}'.replace('.', ',')} MB.")
    uploaded = st.file_uploader("Bestand", type=["xlsx", "csv"], key="updates-file", label_visibility="collapsed")
    if uploaded is None:
        return
    try:
        check = _check(uploaded.getvalue(), uploaded.name, tgt, store)
    except UploadRejected as exc:
        st.error(f"Dit bestand kan niet worden gebruikt: {markdown(exc)}.", icon=":material/block:")
        return
    except BuildError as exc:
        st.error(f"Het bestand kon niet worden gecontroleerd: {markdown(exc)}", icon=":material/error:")
        return
    # The file name and every message quoting a cell are the uploader's text: escaped for Markdown.
    st.markdown(f"**{markdown(check.upload.display_name)}** ({check.kind_label}; controlegetal sha256 "
                f"`{check.upload.sha256[:12]}…`)")
    if check.problems:
        errors = len(check.errors)
        st.markdown(f"{errors} {'fout' if errors == 1 else 'fouten'}, "
                    f"{len(check.problems) - errors} waarschuwing(en):")
        nl.dataframe(problems_frame(check.problems), width="stretch")
    if not check.ok:
        st.error("Herstel de fouten in het bestand en laad het opnieuw; er is niets veranderd.",
                 icon=":material/error:")
        return
    st.subheader("Wat er verandert")
    nl.dataframe(_changes(check, tgt, store), width="stretch")
    if st.button("Bijwerken", type="primary", key="updates-apply", disabled=_JOB in st.session_state):
        user = _who(viewer)

        def work(progress: Callable[[str], None]) -> str:
            apply_upload(store, check, target=tgt, user=user, progress=progress)
            return f"Bijgewerkt met {check.upload.display_name}: het dashboard toont nu de nieuwe gegevens."

        st.session_state[_JOB] = jobs.start(work).job_id
        st.rerun()


def _history_section(viewer: Viewer, tgt: BuildTarget, store: UpdateStore) -> None:
    st.subheader("Eerdere versies")
    kept = store.kept_builds()
    if not kept:
        st.caption("Er zijn nog geen eerdere versies bewaard.")
    for build in kept:
        left, right = st.columns([4, 1])
        left.markdown(f"{build.kept_at.replace('T', ' ')[:16]} UTC: {markdown(build.reason)}")
        if right.button("Terugzetten", key=f"updates-rollback-{build.build_id}", disabled=_JOB in st.session_state):
            try:
                rollback(store, build.build_id, target=tgt, user=_who(viewer))
            except WijkmonitorError as exc:
                st.error(markdown(exc), icon=":material/error:")
            else:
                st.success(f"De versie van {build.kept_at.replace('T', ' ')[:16]} UTC staat weer klaar.",
                           icon=":material/history:")
    st.subheader("Logboek")
    entries = store.audit_entries()
    if not entries:
        st.caption("Nog niets bijgewerkt.")
        return
    nl.dataframe(pd.DataFrame({
        "wanneer (UTC)": [e.at.replace("T", " ")[:19] for e in entries],
        "wie": [e.user for e in entries],
        "wat": [e.action for e in entries],
        "bestand": [e.file_name for e in entries],
        "sha256": [e.sha256 for e in entries],
        "soort": [e.kind for e in entries],
        "resultaat": [e.result for e in entries],
        "toelichting": [e.message for e in entries],
    }), hide_index=True, width="stretch")


def render(viewer: Viewer) -> None:
    st.title(TITLE)
    # A missing or broken database gets the same plain Dutch error as on every page, before anything else.
    with data_guard():
        meta()
    if not session.settings().enabled:
        st.info(explain.updating_off(session.access_config()), icon=":material/lock:")
        return
    session.require_login(viewer, viewer.is_programme_office, TITLE)
    tgt = target()
    store = UpdateStore(tgt.db)
    _outcome()
    if _JOB in st.session_state:
        _progress()
    _upload_section(viewer, tgt, store)
    _history_section(viewer, tgt, store)
