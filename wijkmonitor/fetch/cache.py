"""The download cache: every finished table part and boundary layer as one JSON file, written atomically.

A second run finds every part here and downloads nothing; a run that broke off resumes with the parts still
missing. A part is only ever stored whole (temp file + rename), so the cache never holds half a table.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from wijkmonitor.common.files import write_atomic


class Cache:
    def __init__(self, root: Path, *, refresh: bool = False) -> None:
        self.root = root
        self.refresh = refresh
        self.hits = 0

    def path(self, group: str, name: str, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        return self.root / group / f"{name}-{digest}.json"

    def get(self, path: Path) -> Any | None:
        if self.refresh or not path.is_file():
            return None
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None  # a damaged entry is downloaded again, never trusted
        if not isinstance(stored, dict) or "content" not in stored:
            return None
        self.hits += 1
        return stored["content"]

    def put(self, path: Path, key: str, content: Any) -> None:
        write_atomic(path, json.dumps({"key": key, "content": content}, ensure_ascii=False))
