"""Build the whole site: import seeds, run Pelican for the Simplified site, derive the variants.

The root run is set up first, which imports the seeds once. By default
(``PARK_DIGEST_VARIANT_RUNS = "derive"``) Pelican renders only the Simplified site and every
variant of ``PARK_DIGEST_VARIANTS`` is derived from the pages it wrote (``variants/derive.py``, on every
core). With ``"pelican"`` each variant is a Pelican run of its own (``variants.run_overrides``
gives each its output folder and SITEURL), in worker processes while the root builds here.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import tempfile
import time
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from pelican import Pelican
from pelican.settings import read_settings

from park_digest.build import buildcache, buildlog, incremental
from park_digest.search import index as search
from park_digest.settings import STATE_DIR, read_project, resolve
from park_digest.site import outputs
from park_digest.site.scripts import Variant, variant_table
from park_digest.site.strict import StrictBuildError
from park_digest.variants import derive, review_cache
from park_digest.variants.convert import (
    WRITTEN_KEY,
    PendingConversions,
    convert_written,
    pending_conversions,
    run_overrides,
)

logger = logging.getLogger(__name__)


class BuildError(RuntimeError):
    """One of the site runs failed; the message names the site."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--settings", type=Path, default=None,
        help="settings file (default: pelicanconf.py, or publishconf.py with --publish)",
    )
    parser.add_argument("--publish", action="store_true", help="production build (publishconf.py)")
    parser.add_argument("--output", type=Path, default=None, help="output folder (default: output)")
    parser.add_argument("--force", action="store_true",
                        help="build even when nothing changed since the last build")


def settings_file(args: argparse.Namespace) -> Path:
    if args.settings:
        return args.settings
    return Path("publishconf.py" if args.publish else "pelicanconf.py")


def plan_runs(settings_path: Path, override: dict | None = None) -> list[tuple[Variant, dict]]:
    """One (variant, settings override) per site, root first."""
    override = override or {}
    base = read_settings(str(settings_path), override=override)
    table = variant_table(resolve(base)["PARK_DIGEST_VARIANTS"])
    return [(variant, {**override, **run_overrides(base, variant, table)}) for variant in table]


def build_site(settings_path: Path, override: dict | None = None) -> None:
    """Run one Pelican build from ``settings_path`` (one site; used by the worker processes)."""
    settings = read_settings(str(settings_path), override=override or {})
    Pelican(settings).run()


def build_variant(settings_path: Path, override: dict) -> PendingConversions | None:
    """Run one variant's Pelican build; return the files it left to convert."""
    pelican = Pelican(read_settings(str(settings_path), override=override))
    pelican.run()
    return pending_conversions(pelican.settings)


def _cores() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return cores or 1


def _workers(runs: int) -> int:
    """Worker processes for the variant runs: the other cores (the root builds here)."""
    return max(1, min(runs, _cores() - 1))


def convert_variants(pending: list[PendingConversions]) -> int:
    """Convert what the variant runs wrote, shared out over every core; return the count."""
    jobs = []
    for config, phrases, items, quotes in pending:
        shares = max(1, min(_cores(), len(items)))
        jobs += [(config, phrases, items[i::shares], quotes) for i in range(shares)]
    if len(jobs) <= 1:
        return sum(convert_written(*job) for job in jobs)
    with ProcessPoolExecutor(min(len(jobs), _cores()), mp_context=_pool_context()) as pool:
        return sum(pool.map(convert_written, *zip(*jobs, strict=True)))


def _pool_context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def build_all(
    settings_path: Path, override: dict | None = None, indexer: search.Indexer | None = None
) -> list[Variant]:
    """Build the root site and every variant, variants in parallel processes; return them.

    With an ``indexer``, the root site goes to it once every site is written: one index
    serves every script, and stores the variant pages' titles with each hit.
    """
    runs = plan_runs(settings_path, override)
    (root_variant, root_override), variant_runs = runs[0], runs[1:]
    # Constructing the root run imports the seeds, before any run reads the content.
    root = Pelican(read_settings(str(settings_path), override=root_override))
    output = Path(root.settings["OUTPUT_PATH"])
    if not variant_runs:
        root.run()
        if indexer:
            indexer.add(output)
        return [root_variant]
    if resolve(root.settings)["PARK_DIGEST_VARIANT_RUNS"] == "derive":
        return derive_all(root, runs, indexer)
    futures: list[tuple[Variant, Future]] = []
    pending: list[PendingConversions] = []
    with ProcessPoolExecutor(_workers(len(variant_runs)), mp_context=_pool_context()) as pool:
        for variant, variant_override in variant_runs:
            deferred = {**variant_override, "PARK_DIGEST_DEFER_CONVERSION": True}
            futures.append((variant, pool.submit(build_variant, settings_path, deferred)))
        root.run()
        for variant, future in futures:
            try:
                result = future.result()
            except Exception as e:  # the worker's own error, pickled back
                raise BuildError(f"building the {variant.code} site failed: {e}") from e
            if result is not None:
                pending.append(result)
    # The root is done and its core is free: convert the variant pages on every core.
    try:
        convert_variants(pending)
    except (OSError, UnicodeError) as e:
        raise BuildError(f"converting the variant pages failed: {e}") from e
    if indexer:
        indexer.add(output, variants=[variant for variant, _ in variant_runs])
    return [variant for variant, _ in runs]


def derive_all(
    root: Pelican, runs: list[tuple[Variant, dict]], indexer: search.Indexer | None
) -> list[Variant]:
    """Run the root site, deriving every variant from its pages as they are written (on the
    cores the root run leaves idle), then index the root for every script."""
    variants = [variant for variant, _ in runs]
    streamer = derive.Streamer(root.settings, variants, _cores(), _pool_context())
    root.settings[WRITTEN_KEY] = streamer  # the root run hands it every page it writes
    try:
        root.run()
        output = Path(root.settings["OUTPUT_PATH"])
        count = streamer.finish()
    except (OSError, UnicodeError) as e:
        raise BuildError(f"deriving the variant sites failed: {e}") from e
    finally:
        streamer.close()
    logger.info("derived %d files for %s", count, ", ".join(v.code for v in variants[1:]))
    if indexer:  # after the variants: the index stores each hit's title on every site
        indexer.add(output, variants=variants[1:])
    return variants


def selective_overrides(
    settings: dict, plan: buildcache.Plan, changed: list[Path] | None, force: bool
) -> dict[str, Any]:
    """Settings that make the build write only the pages an edit of article text changes.

    Only when Pelican can reuse what it read last time, the output is as the last build left
    it, and every content change is an existing article's Markdown; the runs themselves turn it
    off when an article's listed facts changed (incremental.guard_listed_facts).
    """
    facts = buildcache.listed_facts_path(settings)
    overrides: dict[str, Any] = {"PARK_DIGEST_LISTING_STATE": str(facts)}
    if force or plan.output_touched or not plan.reuse_content_cache or not facts.is_file():
        return overrides
    if settings.get("DELETE_OUTPUT_DIRECTORY"):
        return overrides
    articles = Path(settings["PATH"]) / resolve(settings)["PARK_DIGEST_ARTICLES_DIR"]
    try:  # files the import rewrites during this build are at least this new
        started_ns = filesystem_now(articles)
    except OSError:
        return overrides
    selection = incremental.build_selection(changed, articles, started_ns)
    if selection is not None:
        overrides["PARK_DIGEST_WRITE_ONLY"] = selection
        logger.info("only article text changed: writing the pages and listings that hold it")
    return overrides


def filesystem_now(folder: Path) -> int:
    """The modification time a file written now in ``folder`` gets, in that file system's own
    clock and resolution (a coarse clock or whole seconds compare safely with it)."""
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".build-clock-") as probe:
        return os.fstat(probe.fileno()).st_mtime_ns


def run(args: argparse.Namespace) -> int:
    with buildlog.presenting(getattr(args, "verbose", 0) or 0) as log:
        return build_command(args, log)


def build_command(args: argparse.Namespace, log: buildlog.BuildLog) -> int:
    """``park-digest build``: skip, or build every site and index it; print the summary."""
    override = {"OUTPUT_PATH": str(args.output.resolve())} if args.output else {}
    settings_path = settings_file(args)
    settings = read_project(settings_path, override)
    with buildcache.fingerprint_meanwhile(settings) as output_print:
        content = buildcache.content_entries(settings)
        changed = buildcache.changed_content(settings, content)  # before start() forgets the last
        plan = buildcache.start(settings, force=args.force, content=content, output_print=output_print)
    if plan.skip:
        log.finish(buildlog.skipped(awaiting_review(settings)))
        return 0
    # imported only for a build that runs: the parser compiles hundreds of patterns (0.3 s), which
    # a build with nothing to do never needs
    from park_digest.ingest.importer import ImportFailed

    override = {**override, **plan.overrides(),
                **selective_overrides(settings, plan, changed, args.force)}
    started_ns = time.time_ns()
    try:
        state = Path(settings.get("CACHE_PATH", "cache")) / STATE_DIR
        conf = resolve(settings)
        with (search.Indexer(conf["PARK_DIGEST_SEARCH_SHARD_PAGES"], state_dir=state,
                             overlay_pages=conf["PARK_DIGEST_SEARCH_OVERLAY_PAGES"]) as indexer,
              ExitStack() as stack):
            built = build_all(settings_path, override, indexer)
            logger.info("built %s", ", ".join(v.code for v in built))
            # the articles are imported: count what awaits review while Pagefind runs
            count = None
            if conf["PARK_DIGEST_REVIEW_COUNT"]:
                count = stack.enter_context(review_cache.Count(settings))
                count.start(_pool_context())
            indexer.finish()
            places = count.finish().places if count is not None else {}
    except (BuildError, ImportFailed, StrictBuildError, search.SearchIndexError) as e:
        logger.error("%s", e)
        return 1
    incremental.keep_listed_facts(buildcache.listed_facts_path(settings))
    outcome = outputs.finish_build(settings, started_ns)
    # last: after everything that writes into the output
    buildcache.remember(settings, plan, output=outcome.entries)
    log.finish(log.summary(settings, {v.prefix: v.code for v in built}, outcome.removed,
                           reused_cache=plan.reuse_content_cache, review=places))
    return 0


def awaiting_review(settings: dict) -> dict[str, int]:
    """Places awaiting review per variant (``park-digest review``), from the cache where the
    articles did not change; {} with ``PARK_DIGEST_REVIEW_COUNT`` off."""
    if not resolve(settings)["PARK_DIGEST_REVIEW_COUNT"]:
        return {}
    with review_cache.Count(settings) as count:
        return count.finish().places
