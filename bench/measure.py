"""Measure one phase as a child process: wall seconds, CPU seconds, peak RSS; report them.

CPU and peak RSS come from ``wait4`` on the child, so they include every descendant the child
waited for (worker processes of a parallel build): CPU is their sum, peak RSS is the largest
single process, not the sum of processes running at the same time.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

POLL_SECONDS = 0.005


class PhaseFailed(RuntimeError):
    """A measured command exited non-zero or ran past its time limit."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Measurement:
    phase: str
    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    returncode: int
    command: str = ""
    log: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.returncode == 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Skipped:
    phase: str
    reason: str


def run_measured(
    phase: str,
    argv: Sequence[str],
    *,
    cwd: Path,
    log_path: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 1800.0,
) -> Measurement:
    """Run ``argv`` in ``cwd`` with output to ``log_path``; measure it until it exits."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
            env=dict(env) if env is not None else None, start_new_session=True,
        )
        status, usage = _wait(proc, start + timeout)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, not by Popen
    return Measurement(
        phase=phase,
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        peak_rss_mib=usage.ru_maxrss / 1024,  # Linux reports KiB
        returncode=proc.returncode,
        command=" ".join(str(a) for a in argv),
        log=str(log_path),
    )


def _wait(proc: subprocess.Popen, deadline: float):
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            return status, usage
        if time.perf_counter() > deadline:
            os.killpg(proc.pid, signal.SIGKILL)  # the child leads its own session
            _, status, usage = os.wait4(proc.pid, 0)
            return status, usage
        time.sleep(POLL_SECONDS)


def log_tail(measurement: Measurement, lines: int = 15) -> str:
    try:
        text = Path(measurement.log).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


# -- reporting ---------------------------------------------------------------------------------

HEADER = ("phase", "wall s", "× base", "CPU s", "× base", "peak RSS MiB", "note")


def _ratio(value: float, base: float | None) -> str:
    return f"{value / base:.2f}" if base else "–"


def table(rows: Sequence[Measurement | Skipped], baseline: Measurement | None) -> str:
    """A plain-text table: absolute figures and their ratio to the baseline's."""
    base_wall = baseline.wall_s if baseline and baseline.ok else None
    base_cpu = baseline.cpu_s if baseline and baseline.ok else None
    body: list[tuple[str, ...]] = []
    for row in rows:
        if isinstance(row, Skipped):
            body.append((row.phase, "–", "–", "–", "–", "–", f"skipped: {row.reason}"))
            continue
        note = row.extra.get("note", "") if row.ok else f"FAILED (exit {row.returncode})"
        if row.extra.get("runs"):
            note = f"{note}, best of {row.extra['runs']}".lstrip(", ")
        body.append((
            row.phase, f"{row.wall_s:.2f}", _ratio(row.wall_s, base_wall), f"{row.cpu_s:.2f}",
            _ratio(row.cpu_s, base_cpu), f"{row.peak_rss_mib:.0f}", note,
        ))
    widths = [max(_width(r[i]) for r in (HEADER, *body)) for i in range(len(HEADER))]
    out = []
    for number, row in enumerate((HEADER, *body)):
        cells = [_pad(cell, widths[i], right=0 < i < len(HEADER) - 1) for i, cell in
                 enumerate(row)]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


def to_json(rows: Sequence[Measurement | Skipped]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        if isinstance(row, Skipped):
            out.append({"phase": row.phase, "skipped": row.reason})
        else:
            out.append(asdict(row))
    return out


def write_json(path: Path, payload: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
