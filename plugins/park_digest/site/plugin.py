"""Pelican wiring: one table from signal to handler. The work lives in sibling modules."""

from __future__ import annotations

from pelican import signals

from park_digest.build import buildlog, incremental
from park_digest.ingest import importer
from park_digest.site import (
    article_links,
    assets,
    content_cache,
    feeds,
    heap,
    images,
    jinja_filters,
    listings,
    ordering,
    outputs,
    prerender,
    sitemap,
    sources,
    strict,
    urls,
    yaml_reader,
)
from park_digest.variants import convert as variants

# (signal, handler) pairs; handlers are module-level functions (signals hold weak references).
SIGNAL_HANDLERS = [
    # the read articles kept out of the garbage collector's walks (first, so the other
    # handlers of the read articles run with them frozen) until the next run in this process
    (signals.initialized, heap.unfreeze),
    (signals.article_generator_finalized, heap.freeze_read_articles),
    # what this run writes, and the errors it logs (before the import, which may log some)
    (signals.initialized, outputs.start_recording),
    # what `park-digest build` prints: a bar per stage (inert in any other run)
    (signals.initialized, buildlog.on_initialized),
    (signals.article_generator_finalized, buildlog.on_articles),
    (signals.content_written, buildlog.on_written),
    (signals.feed_written, buildlog.on_written),
    # strict first: it must already be listening when the import logs its errors
    (signals.initialized, strict.start_collecting),
    (signals.initialized, importer.import_on_build),
    (signals.get_writer, incremental.choose_writer),
    # tag, category, author and period listings in linear time (Pelican's grow as a square)
    (signals.article_generator_init, listings.linear_period_archives),
    (signals.article_generator_init, listings.linear_taxonomies),
    (signals.article_generator_finalized, listings.fast_memberships),
    # articles of the same date in a fixed order, before Pelican lists them anywhere
    (signals.article_generator_pretaxonomy, ordering.order_articles),
    # theme support: Jinja filters, previous/next/related, outlet pages, responsive images
    (signals.generator_init, jinja_filters.add_filters),
    (signals.article_generator_finalized, article_links.link_articles),
    (signals.article_generator_finalized, images.add_thumbnails),
    (signals.get_generators, sources.get_generators),
    (signals.content_written, images.complete_written_page),
    (signals.feed_generated, feeds.complete_feed),
    # script variants: template names and converter at start; originals; convert as written
    (signals.initialized, variants.on_initialized),
    # theme files once for every script, under fingerprinted names (asset_url in templates)
    (signals.initialized, assets.on_initialized),
    (signals.finalized, assets.on_finalized),
    (signals.article_generator_finalized, variants.on_article_generator_finalized),
    (signals.content_written, variants.on_content_written),
    (signals.feed_written, variants.on_feed_written),
    (signals.content_written, outputs.note_page),
    (signals.feed_written, outputs.note_feed),
    (signals.static_generator_finalized, outputs.note_static),
    # files the last run wrote and this one did not go, before the sitemap lists the pages
    (signals.finalized, outputs.remove_stale),
    (signals.finalized, buildlog.on_finalized),
    (signals.finalized, sitemap.write_sitemap),
    # dates to check before publishing: in the future, or of an inferred year
    (signals.article_generator_finalized, strict.check_dates),
    # strict last: fails the build on the errors every earlier step logged
    (signals.finalized, strict.fail_on_problems),
    # front matter read with libyaml (after yaml_metadata's own reader, which it replaces),
    # the Markdown bodies of a full read converted on every core meanwhile
    (signals.readers_init, yaml_reader.add_reader),
    # the reader cache saved again only when a run read many sources again
    (signals.readers_init, content_cache.defer_small_saves),
    (signals.article_generator_init, prerender.start),
    (signals.article_generator_finalized, prerender.stop),
    # URLs worked out once, after every handler above has settled slugs and dates
    (signals.content_object_init, urls.freeze_content_urls),
    (signals.article_generator_finalized, urls.freeze_generator_urls),
    (signals.page_generator_finalized, urls.freeze_generator_urls),
    # a selective park-digest build writes every page when an article's listed facts changed
    (signals.article_generator_finalized, incremental.guard_listed_facts),
]


def register() -> None:
    for signal, handler in SIGNAL_HANDLERS:
        signal.connect(handler)
