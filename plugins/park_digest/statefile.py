"""Small JSON files of state kept between builds (in ``CACHE_PATH``/``STATE_DIR``).

A state file is written whole or not at all (a temporary file renamed over it), so a build
interrupted while saving leaves the last good state; one that does not load is no state.
They are read, and written on one line, with orjson: at 10,000 articles the state of a build is
some 25 MB of JSON, which the standard library takes about a second to read and write.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import orjson


def read_json(path: Path) -> Any | None:
    """The JSON value in ``path``; None when it is missing or not JSON."""
    try:
        return orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None


def dumps(data: Any, *, indent: int | None = None, sort_keys: bool = False) -> bytes:
    """``data`` as UTF-8 JSON ending in a newline: on one line by orjson, or indented by
    ``indent`` spaces (files people read and keep in version control, in the layout they had)."""
    if indent is not None:
        text = json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
        return (text + "\n").encode("utf-8")
    option = orjson.OPT_APPEND_NEWLINE | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    return orjson.dumps(data, option=option)


def write_json(path: Path, data: Any, *, indent: int | None = 1, sort_keys: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(dumps(data, indent=indent, sort_keys=sort_keys))
    os.replace(tmp, path)
