"""Run ``park-digest build`` the way a user does, in a child process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BUILD_TIMEOUT_S = 600


def build_site(project: Path, *args: str) -> str:
    """``park-digest build ARGS`` in ``project``; its log. A failed build fails the test with
    the end of the log."""
    command = [sys.executable, "-m", "park_digest.cli", "build", *args]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True,
                          timeout=BUILD_TIMEOUT_S, check=False)
    if done.returncode != 0:
        pytest.fail(f"park-digest build failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return done.stdout + done.stderr
