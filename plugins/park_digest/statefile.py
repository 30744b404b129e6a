"""Small JSON files of state kept between builds (in ``CACHE_PATH``/``STATE_DIR``).

A state file is written whole or not at all (a temporary file renamed over it), so a build
interrupted while saving leaves the last good state; one that does not load is no state.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def read_json(path: Path) -> Any | None:
    """The JSON value in ``path``; None when it is missing or not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path, data: Any, *, indent: int | None = 1, sort_keys: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
                   + "\n", encoding="utf-8")
    os.replace(tmp, path)
