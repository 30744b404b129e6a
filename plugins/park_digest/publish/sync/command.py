"""Publish the built site to an S3-compatible bucket: what changed, in a safe order, then purge.

Sends the purges still pending from earlier syncs, walks ``output/``, lists the bucket under
the prefix, plans uploads (new, changed) and deletes by content hash, prints the plan, then
(unless ``--dry-run``) records the URLs it will change as pending purges, uploads assets,
article pages, index pages and feeds in that order, deletes last, and purges the CDN of what
is pending, within its daily quota.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from park_digest.publish.sync import config as sync_config
from park_digest.publish.sync.apply import Outcome, apply, human_bytes
from park_digest.publish.sync.errors import Interrupted, PurgeError, SyncError
from park_digest.publish.sync.local import scan
from park_digest.publish.sync.pending import PendingPurges
from park_digest.publish.sync.plan import PHASE_NAMES, Plan, check_deletes, plan
from park_digest.publish.sync.purge import (
    CloudFrontPurger,
    Purger,
    WebhookPurger,
    public_urls,
    send,
)
from park_digest.publish.sync.purgeplan import PurgePlan, plan_lines, plan_purge
from park_digest.publish.sync.quota import Clock, quota_day, reset_time, utc_now
from park_digest.publish.sync.remote import Bucket, make_client
from park_digest.settings import read_project

logger = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="print the plan, touch nothing")
    parser.add_argument(
        "--allow-deletes", action="store_true", help="lift the delete guard for this run"
    )
    parser.add_argument("--force", action="store_true", help="upload every file (headers changed)")
    parser.add_argument(
        "--purge-only",
        action="store_true",
        help="send the purges still pending from earlier syncs, upload nothing",
    )
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


def make_purger(cfg: sync_config.SyncConfig) -> Purger | None:
    """The configured purger (None for ``none``); credentials are looked up now."""
    if cfg.purge == "webhook":
        return WebhookPurger(cfg.purge_url)
    if cfg.purge == "cloudfront":
        return CloudFrontPurger(cfg.cloudfront_distribution)
    if cfg.purge == "aliyun":
        from park_digest.publish.sync.aliyun import AliyunPurger

        return AliyunPurger(cfg.aliyun_endpoint, cfg.purge_limits)
    if cfg.purge == "tencent":
        from park_digest.publish.sync.tencent import TencentPurger

        return TencentPurger(
            cfg.tencent_endpoint, cfg.purge_limits, flush_type=cfg.tencent_flush_type
        )
    return None


def plan_for(
    cfg: sync_config.SyncConfig,
    pending: PendingPurges,
    urls: set[str],
    *,
    day: str,
    site: set[str] | frozenset[str] = frozenset(),
) -> PurgePlan:
    """The purge plan of ``urls`` within what is left of the day's quota."""
    used = pending.used(cfg.purge, day)
    return plan_purge(
        urls,
        cfg.purge_limits,
        used_urls=used.urls,
        used_dirs=used.dirs,
        roots=cfg.public_urls,
        site=site,
    )


def purge_pending(
    cfg: sync_config.SyncConfig,
    purger: Purger,
    pending: PendingPurges,
    *,
    clock: Clock,
    hold: set[str] | frozenset[str] = frozenset(),
    site: set[str] | frozenset[str] = frozenset(),
) -> PurgePlan:
    """Purge what is pending (less ``hold``) within the quota; raise :class:`PurgeError`."""
    day = quota_day(clock())
    result = plan_for(cfg, pending, pending.urls - hold, day=day, site=site)
    if result.mode == "nothing":
        return result
    if result.mode in ("directories", "partial") and result.dirs:
        logger.warning(
            "purge: %s changed URLs do not fit the %s URLs left of today's quota; "
            "purging %s directories instead: %s",
            len(pending.urls - hold),
            result.url_budget,
            len(result.dirs),
            ", ".join(result.dirs),
        )
    logger.info("%s", result.summary())
    sent = send(
        result,
        purger,
        pending,
        day=day,
        retries=cfg.retries,
        backoff=cfg.backoff,
    )
    if sent.quota_error is not None or result.deferred:
        reason = sent.quota_error or "today's purge quota is used up"
        logger.warning(
            "purge: %s; %s URLs stay pending in %s until the quota resets at %s; the next "
            "sync after that (or park-digest sync --purge-only) sends them",
            reason,
            len(pending.urls),
            cfg.pending_path,
            reset_time(clock()),
        )
    elif cfg.purge != "none":
        logger.info(
            "purge: %s URLs and %s directories sent (%s, %s requests)",
            sent.urls,
            sent.dirs,
            cfg.purge,
            sent.requests,
        )
    return result


def sync(
    cfg: sync_config.SyncConfig,
    *,
    dry_run: bool = False,
    allow_deletes: bool = False,
    purge_only: bool = False,
    progress: bool = False,
    on_done: Callable[[str], None] | None = None,
    clock: Clock = utc_now,
) -> Outcome | None:
    """Purge what is pending, plan and (unless ``dry_run``) apply and purge.

    Raises :class:`SyncError` on any failure. Returns the outcome, or None for a dry run or
    ``purge_only``.
    """
    purging = cfg.purge != "none"
    # A dry run sends nothing: it needs no CDN credentials.
    purger = make_purger(cfg) if purging and not dry_run else None
    pending = PendingPurges.load(cfg.pending_path)
    early_error: PurgeError | None = None
    if purger is not None and pending.urls and not dry_run:
        logger.info("purge: %s URLs pending from an earlier sync", len(pending.urls))
        try:
            purge_pending(cfg, purger, pending, clock=clock)
        except PurgeError as e:
            if purge_only:
                raise
            logger.error("purge of the pending URLs failed: %s", e)
            early_error = e
    if purge_only:
        if not purging:
            print("purge: PARK_DIGEST_SYNC_PURGE is none; nothing to purge")
        print(f"purge: {len(pending.urls)} URLs still pending")
        return None

    local = scan(cfg.output, cfg.header_rules, gzip_text=cfg.gzip_text, fingerprint=cfg.fingerprint)
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
    changed_keys = [u.key for u in result.uploads] + [d.key for d in result.deletes]
    changed = set(public_urls(changed_keys, cfg.public_urls)) if purging else set()
    site = set(public_urls(local, cfg.public_urls)) if purging else set()
    if dry_run:
        if purging:
            preview = plan_for(
                cfg, pending, pending.urls | changed, day=quota_day(clock()), site=site
            )
            for line in plan_lines(preview):
                print(line)
        return None
    if changed:
        pending.add(changed)  # before the first upload: a killed sync loses no purge
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
    if outcome.interrupted:
        raise Interrupted(
            f"interrupted; {len(pending.urls)} URLs wait for a purge in {cfg.pending_path}: "
            "run the sync again (or park-digest sync --purge-only) to finish"
        )
    # Purge what really changed on the remote, even after a failure: those URLs are stale.
    # What was not uploaded stays pending for the sync that uploads it.
    done = set(outcome.uploaded) | set(outcome.deleted)
    hold = set(public_urls([k for k in changed_keys if k not in done], cfg.public_urls))
    purge_error = early_error
    if purger is not None and pending.urls - hold:
        try:
            purge_pending(cfg, purger, pending, clock=clock, hold=hold, site=site)
            purge_error = None
        except PurgeError as e:
            purge_error = e
    if not outcome.ok:
        advice = outcome.fatal or (
            f"{len(outcome.failed)} files failed and {outcome.not_attempted} were not "
            "attempted; run the sync again to finish"
        )
        raise SyncError(advice + (f"; the purge failed too: {purge_error}" if purge_error else ""))
    if purge_error is not None:
        raise PurgeError(
            f"{purge_error}; {len(pending.urls)} URLs stay pending in {cfg.pending_path}: "
            "the next sync (or park-digest sync --purge-only) sends them"
        )
    return outcome


def run(args: argparse.Namespace) -> int:
    try:
        settings = read_project(args.settings)
        cfg = sync_config.load(settings, output=args.output, force=args.force)
        sync(
            cfg,
            dry_run=args.dry_run,
            allow_deletes=args.allow_deletes,
            purge_only=args.purge_only,
            progress=sys.stderr.isatty(),
        )
    except Interrupted as e:
        logger.error("sync: %s", e)
        return 130
    except KeyboardInterrupt:
        logger.error(
            "sync: interrupted; URLs still to purge are kept: run the sync again "
            "(or park-digest sync --purge-only)"
        )
        return 130
    except SyncError as e:
        logger.error("sync: %s", e)
        return 1
    return 0
