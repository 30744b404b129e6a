"""Every file under a folder with its size and modification time, in one pass of ``scandir``.

The build's fingerprints (``build/buildcache.py``) and its look for files no build wrote
(``site/outputs.py``) walk the same trees the same way, so one walk can serve both.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

# Never listed: byte-code, editor droppings, version-control and tool folders.
IGNORED_DIRS = frozenset({"__pycache__", ".git", ".pytest_cache", ".ruff_cache", "node_modules"})
IGNORED_SUFFIXES = (".pyc", ".pyo", ".swp", "~")

Entry = tuple[str, int, int]  # (path relative to the root, size, mtime_ns)


def tree_entries(root: Path, skip: Iterable[Path] = ()) -> list[Entry]:
    """``(relative path, size, mtime_ns)`` of every file under ``root``, sorted; [] if absent.

    Symbolic links to folders are followed (the bench links theme and plugins); ``skip`` folders
    are left out. Folders are told apart by device and inode, one ``stat`` a folder (no
    ``realpath``, which costs a system call per path component).
    """
    skipped = set()
    for path in skip:
        try:
            st = os.stat(path)
        except OSError:
            continue
        skipped.add((st.st_dev, st.st_ino))
    entries: list[Entry] = []
    if not root.is_dir():
        return entries
    pending = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as listing:
                found = list(listing)
        except OSError:  # vanished while walking
            continue
        for entry in found:
            name = entry.name
            try:
                if entry.is_dir():  # follows links
                    if name in IGNORED_DIRS:
                        continue
                    if skipped:
                        st = entry.stat()
                        if (st.st_dev, st.st_ino) in skipped:
                            continue
                    pending.append((entry.path, prefix + name + os.sep))
                    continue
                if name.endswith(IGNORED_SUFFIXES):
                    continue
                st = entry.stat()
            except OSError:
                continue
            entries.append((prefix + name, st.st_size, st.st_mtime_ns))
    entries.sort()
    return entries
