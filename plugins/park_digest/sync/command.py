"""Publish the built site to an S3-compatible bucket: what changed, in a safe order, then purge.

Walks ``output/``, lists the bucket under the prefix, plans uploads (new, changed) and deletes
by content hash, prints the plan, then (unless ``--dry-run``) uploads assets, article pages,
index pages and feeds in that order, deletes last, and purges the CDN of the changed URLs.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from pelican.settings import read_settings

from . import config as sync_config
from .apply import Outcome, apply, human_bytes
from .errors import SyncError
from .local import scan
from .plan import PHASE_NAMES, Plan, check_deletes, plan
from .purge import make_purger, url_paths
from .remote import Bucket, make_client

logger = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="print the plan, touch nothing")
    parser.add_argument(
        "--allow-deletes", action="store_true", help="lift the delete guard for this run"
    )
    parser.add_argument("--force", action="store_true", help="upload every file (headers changed)")
    parser.add_argument(
        "--output", type=Path, default=None, help="built site (default: OUTPUT_PATH)"
    )
    parser.add_argument(
        "--settings",
        type=Path,
        default=Path("publishconf.py"),
        help="settings file (default: publishconf.py)",
    )


def format_plan(result: Plan) -> list[str]:
    """The plan as lines for a person: one per file, grouped by phase, then a total."""
    lines = []
    phase = None
    for upload in result.uploads:
        if upload.phase != phase:
            phase = upload.phase
            lines.append(f"# {PHASE_NAMES[phase]}")
        lines.append(f"{upload.reason:>12}  {human_bytes(upload.size):>9}  {upload.key}")
    if result.deletes:
        lines.append("# deletes")
        lines.extend(f"{'deleted':>12}  {human_bytes(d.size):>9}  {d.key}" for d in result.deletes)
    lines.append(
        f"plan: upload {len(result.uploads)} ({human_bytes(result.upload_bytes)}), "
        f"unchanged {result.unchanged}, delete {len(result.deletes)}"
    )
    return lines


def sync(
    cfg: sync_config.SyncConfig,
    *,
    dry_run: bool = False,
    allow_deletes: bool = False,
    progress: bool = False,
    on_done: Callable[[str], None] | None = None,
) -> Outcome | None:
    """Plan and (unless ``dry_run``) apply and purge; raise :class:`SyncError` on any failure.

    Returns the outcome, or None for a dry run.
    """
    local = scan(cfg.output, cfg.header_rules, gzip_text=cfg.gzip_text)
    client = make_client(cfg.target, workers=cfg.workers)
    bucket = Bucket(client, cfg.target)
    result = plan(local, bucket.list(), cfg.plan_rules)
    lines = format_plan(result)
    for line in lines[:-1]:
        if dry_run:
            print(line)
        else:
            logger.debug("%s", line)
    print(lines[-1])
    if not allow_deletes:
        check_deletes(
            result,
            max_count=cfg.max_deletes,
            max_share=cfg.max_delete_share,
            ignore=cfg.guard_ignore,
        )
    if dry_run:
        return None
    purger = make_purger(
        cfg.purge,
        url=cfg.purge_url,
        distribution_id=cfg.cloudfront_distribution,
        site_url=cfg.site_url,
    )
    outcome = apply(
        result,
        local,
        bucket,
        workers=cfg.workers,
        retries=cfg.retries,
        backoff=cfg.backoff,
        progress=progress,
        on_done=on_done,
    )
    print(outcome.summary())
    # Purge what really changed on the remote, even after a failure: those URLs are stale.
    paths = url_paths(outcome.uploaded + outcome.deleted)
    purge_error = None
    if paths:
        try:
            purger.purge(paths)
            if cfg.purge != "none":
                logger.info("purge: %s URLs sent (%s)", len(paths), cfg.purge)
        except SyncError as e:
            purge_error = e
    if not outcome.ok:
        raise SyncError(
            f"{len(outcome.failed)} files failed and {outcome.not_attempted} were not attempted; "
            "run the sync again to finish"
            + (f"; the purge failed too: {purge_error}" if purge_error else "")
        )
    if purge_error is not None:
        raise purge_error
    return outcome


def run(args: argparse.Namespace) -> int:
    try:
        if not args.settings.is_file():
            raise SyncError(f"{args.settings}: no such settings file; run from the project folder")
        settings = read_settings(str(args.settings))
        cfg = sync_config.load(settings, output=args.output, force=args.force)
        sync(
            cfg,
            dry_run=args.dry_run,
            allow_deletes=args.allow_deletes,
            progress=sys.stderr.isatty(),
        )
    except SyncError as e:
        logger.error("sync: %s", e)
        return 1
    return 0
