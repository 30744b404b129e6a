"""Carry a plan out: parallel uploads phase by phase, with retries and backoff, then deletes.

A phase starts only when the one before it has fully succeeded, and deletes run only after
every upload succeeded: a failed or interrupted sync leaves the bucket with whole objects in a
safe order, and running it again uploads only what is left.
"""

from __future__ import annotations

import hashlib
import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from itertools import groupby

from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError
from tqdm import tqdm

from park_digest.publish.sync.local import LocalFile, read_body
from park_digest.publish.sync.plan import PHASE_NAMES, Plan, Upload
from park_digest.publish.sync.remote import FATAL_ADVICE, Bucket, describe_failure, error_code

logger = logging.getLogger(__name__)

# S3 error codes that no retry will fix.
FATAL_CODES = frozenset(
    {
        "AccessDenied",
        "InvalidAccessKeyId",
        "SignatureDoesNotMatch",
        "NoSuchBucket",
        "InvalidBucketName",
        "AllAccessDisabled",
    }
)
MAX_BACKOFF = 10.0  # seconds


@dataclass(slots=True, kw_only=True)
class Outcome:
    uploaded: list[str] = field(default_factory=list)
    uploaded_bytes: int = 0
    deleted: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    not_attempted: int = 0  # planned work left undone after a failure
    unchanged: int = 0
    seconds: float = 0.0
    interrupted: bool = False  # stopped by Ctrl-C
    fatal: str | None = None  # what to do about a failure no retry fixes

    @property
    def ok(self) -> bool:
        return not self.failed and not self.not_attempted and not self.interrupted

    def summary(self) -> str:
        line = (
            f"sync: uploaded {len(self.uploaded)} ({human_bytes(self.uploaded_bytes)}), "
            f"unchanged {self.unchanged}, deleted {len(self.deleted)}, "
            f"{self.seconds:.1f} s"
        )
        if self.interrupted:
            line += f"; INTERRUPTED, not attempted {self.not_attempted}"
        elif not self.ok:
            line += f"; FAILED {len(self.failed)}, not attempted {self.not_attempted}"
        return line


def human_bytes(count: int) -> str:
    size = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{count} B"


def is_fatal(error: Exception) -> bool:
    if isinstance(error, NoCredentialsError):
        return True
    return isinstance(error, ClientError) and (
        error.response.get("Error", {}).get("Code") in FATAL_CODES
    )


def upload_with_retries(
    bucket: Bucket, file: LocalFile, *, retries: int, backoff: float, stop: threading.Event
) -> int:
    """Upload one file, retrying with exponential backoff; return the bytes sent."""
    if retries < 0:
        raise ValueError(f"retries={retries}: must be 0 or more")
    attempt = 0
    while True:
        body = read_body(file.path, file.headers)
        try:
            # Hash what is sent: the file may have been rebuilt since the scan.
            bucket.put(
                file.key, body, hashlib.md5(body, usedforsecurity=False).hexdigest(), file.headers
            )
            return len(body)
        except (BotoCoreError, ClientError) as e:
            if is_fatal(e) or attempt == retries or stop.is_set():
                raise
            pause = min(backoff * 2**attempt, MAX_BACKOFF) * random.uniform(0.5, 1.0)
            logger.debug("%s: %s; retry %s in %.2f s", file.key, e, attempt + 1, pause)
            time.sleep(pause)
            attempt += 1


def run_phase(
    uploads: list[Upload],
    local: Mapping[str, LocalFile],
    bucket: Bucket,
    outcome: Outcome,
    *,
    workers: int,
    retries: int,
    backoff: float,
    bar: tqdm | None,
    on_done: Callable[[str], None] | None,
) -> None:
    """Upload one phase in parallel; after the first failure start nothing new."""
    stop = threading.Event()
    lock = threading.Lock()

    def one(upload: Upload) -> None:
        if stop.is_set():
            with lock:
                outcome.not_attempted += 1
            return
        try:
            sent = upload_with_retries(
                bucket, local[upload.key], retries=retries, backoff=backoff, stop=stop
            )
        except (BotoCoreError, ClientError, OSError) as e:
            stop.set()
            with lock:
                outcome.failed[upload.key] = describe_failure(e)
                advice = FATAL_ADVICE.get(error_code(e))
                if advice and outcome.fatal is None:
                    where = f"s3://{bucket.name}/{bucket.prefix}"
                    outcome.fatal = advice.format(where=where)
            logger.error("%s: upload failed: %s", upload.key, describe_failure(e))
            return
        with lock:
            outcome.uploaded.append(upload.key)
            outcome.uploaded_bytes += sent
        if bar is not None:
            bar.update(1)
        if on_done is not None:
            on_done(upload.key)

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sync") as pool:
        try:
            for future in as_completed([pool.submit(one, u) for u in uploads]):
                future.result()
        except KeyboardInterrupt:
            # Ctrl-C: start nothing new; uploads under way finish (whole objects only).
            stop.set()
            raise


def apply(
    plan: Plan,
    local: Mapping[str, LocalFile],
    bucket: Bucket,
    *,
    workers: int = 8,
    retries: int = 3,
    backoff: float = 0.5,
    progress: bool = False,
    on_done: Callable[[str], None] | None = None,
) -> Outcome:
    """Upload phase by phase, then delete; stop before the next phase at the first failure.

    ``on_done(key)`` is called after each successful upload (from a worker thread).
    """
    started = time.monotonic()
    outcome = Outcome(unchanged=plan.unchanged)
    bar = tqdm(total=len(plan.uploads), unit="file", disable=not progress) if progress else None
    remaining = len(plan.uploads)
    try:
        for phase, group in groupby(plan.uploads, key=lambda u: u.phase):
            uploads = list(group)
            remaining -= len(uploads)
            logger.debug("phase %s: %s uploads", PHASE_NAMES[phase], len(uploads))
            run_phase(
                uploads,
                local,
                bucket,
                outcome,
                workers=workers,
                retries=retries,
                backoff=backoff,
                bar=bar,
                on_done=on_done,
            )
            if outcome.failed:
                outcome.not_attempted += remaining + len(plan.deletes)
                if outcome.fatal is None:
                    logger.error(
                        "stopped after a failed upload in phase '%s'; run the sync again to finish",
                        PHASE_NAMES[phase],
                    )
                return outcome
        if plan.deletes:
            failed = bucket.delete(d.key for d in plan.deletes)
            outcome.failed.update(failed)
            outcome.deleted.extend(d.key for d in plan.deletes if d.key not in failed)
            for key, reason in failed.items():
                logger.error("%s: delete failed: %s", key, reason)
        return outcome
    except KeyboardInterrupt:
        outcome.interrupted = True
        done = len(outcome.uploaded) + len(outcome.failed)
        outcome.not_attempted = len(plan.uploads) - done + len(plan.deletes)
        return outcome
    finally:
        if bar is not None:
            bar.close()
        outcome.seconds = time.monotonic() - started
