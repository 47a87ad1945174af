"""Gegevens bijwerken (issue 14): the programme office uploads a register workbook or an own-figures table.

    upload = inspect_upload(data, name, max_bytes)        # size, type by content, safe name; UploadRejected
    check = check_upload(upload, path, config=..., ...)   # the same validation as `wijkmonitor validate`
    problems_frame(check.problems); register_changes(db, check.registers, check.tables.as_dict())
    apply_upload(store, check, target=..., user=...)      # rebuild in a subprocess, swap, keep the old one
    rollback(store, build_id, target=..., user=...)       # byte-identical restore of a kept database
    store.audit_entries()                                 # who, when, which file (sha256), result

Modules: `upload` (first look at the bytes), `checks` (validation), `diff` (what changes), `store` (files on
disk, lock, audit), `apply` (rebuild and swap), `jobs` (background threads for the page).
"""

from wijkmonitor.updates.apply import BuildTarget, UpdateFailed, UpdateResult, apply_upload, rollback
from wijkmonitor.updates.checks import OWN_FIGURES, REGISTERS, UploadCheck, check_upload, problems_frame
from wijkmonitor.updates.diff import TableChange, changes_frame, diff_frames, own_figure_changes, register_changes
from wijkmonitor.updates.store import ActiveFiles, AuditEntry, KeptBuild, UpdateBusy, UpdateStore
from wijkmonitor.updates.upload import Upload, UploadRejected, inspect_upload

__all__ = [
    "OWN_FIGURES",
    "REGISTERS",
    "ActiveFiles",
    "AuditEntry",
    "BuildTarget",
    "KeptBuild",
    "TableChange",
    "UpdateBusy",
    "UpdateFailed",
    "UpdateResult",
    "UpdateStore",
    "Upload",
    "UploadCheck",
    "UploadRejected",
    "apply_upload",
    "changes_frame",
    "check_upload",
    "diff_frames",
    "inspect_upload",
    "own_figure_changes",
    "problems_frame",
    "register_changes",
    "rollback",
]
