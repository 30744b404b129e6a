"""The harness measures a child process (and what it waits for) and reports ratios to a baseline."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.measure import Measurement, Skipped, run_measured, table

# Burns about 0.3 s of CPU in a grandchild, then holds 80 MiB in the child itself.
WORKLOAD = """
import subprocess, sys, time
subprocess.run([sys.executable, "-c",
    "import time\\nt = time.process_time()\\nwhile time.process_time() - t < 0.3: pass"],
    check=True)
block = bytearray(80 * 1024 * 1024)
for i in range(0, len(block), 4096):
    block[i] = 1
print("done")
"""


def test_cpu_of_grandchildren_and_peak_rss_of_the_child_are_measured(tmp_path: Path) -> None:
    m = run_measured("work", [sys.executable, "-c", WORKLOAD], cwd=tmp_path,
                     log_path=tmp_path / "work.log")
    assert m.ok and (tmp_path / "work.log").read_text().strip() == "done"
    assert m.cpu_s >= 0.3  # the grandchild's loop counts
    assert m.peak_rss_mib >= 80
    assert m.wall_s >= 0.3


def test_a_failing_command_is_reported_with_its_exit_status(tmp_path: Path) -> None:
    m = run_measured("fails", [sys.executable, "-c", "raise SystemExit(3)"], cwd=tmp_path,
                     log_path=tmp_path / "fails.log")
    assert m.returncode == 3 and not m.ok


def test_a_command_past_its_time_limit_is_killed(tmp_path: Path) -> None:
    m = run_measured("slow", [sys.executable, "-c", "import time; time.sleep(30)"],
                     cwd=tmp_path, log_path=tmp_path / "slow.log", timeout=0.5)
    assert not m.ok and m.wall_s < 10


def test_table_shows_ratios_to_the_baseline_and_skipped_phases() -> None:
    base = Measurement(phase="baseline", wall_s=10.0, cpu_s=8.0, peak_rss_mib=70, returncode=0)
    cold = Measurement(phase="cold", wall_s=7.5, cpu_s=12.0, peak_rss_mib=300, returncode=0)
    text = table([base, cold, Skipped(phase="check", reason="no command yet")], base)
    cold_line = next(line for line in text.splitlines() if line.startswith("cold"))
    assert cold_line.split()[1:5] == ["7.50", "0.75", "12.00", "1.50"]
    assert "skipped: no command yet" in text
