// The search index's first fetches, started while the search page loads (the page runs this
// module early and apart; search.js imports the same module and takes what it started).
//
// On a slow line every round trip counts. Pagefind would fetch its files one after the other:
// its script, then its entry file, then its metadata and wasm, then each other bundle's entry
// and metadata. The shard list (pagefind/shards.json, preloaded by the page) names each
// bundle's metadata file, which also serves as the cache tag of its entry file (else Pagefind
// adds the time to that URL and nothing could be fetched ahead), so all of them are asked for
// as soon as the list is in. Pagefind then runs on the page (search.js starts it without its
// web worker), and its fetches take these responses.

const WASM = 'wasm.unknown.pagefind';  // the index's language has no Pagefind stemmer

function preload(url, as = 'fetch') {
  const link = document.createElement('link');
  if (as === 'script') {
    link.rel = 'modulepreload';
  } else {
    link.rel = 'preload';
    link.as = as;
    link.crossOrigin = 'anonymous';
  }
  link.href = url;
  document.head.append(link);
}

/** The URL of the site's shard list: the page's preload of it, else its search section's. */
function listingUrl() {
  const link = document.querySelector('link[rel="preload"][data-search-index]');
  const section = document.querySelector('[data-search]');
  return new URL(link?.getAttribute('href') || section?.dataset.indexUrl || 'pagefind/shards.json',
    document.baseURI).href;
}

/** The pairs of characters many pages hold, with their page counts (a file the list names). */
async function commonPairs(common, base) {
  if (typeof common !== 'string') return common || {};
  const response = await fetch(new URL(common, base));
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  return response.json();
}

/**
 * The shard list, with the path of each bundle (`paths`, absolute) and the common pairs
 * (`common`, a promise), once it is in; each bundle's files are being fetched by then.
 */
export const indexListing = fetch(listingUrl()).then(async (response) => {
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  const listing = await response.json();
  const common = commonPairs(listing.common, response.url);
  common.catch(() => {});  // the search that needs them says it failed
  const paths = (listing.bundles || []).map((b) => new URL(b.path, response.url).pathname);
  if (paths.length) preload(`${paths[0]}pagefind.js`, 'script');
  listing.bundles.forEach((bundle, i) => {
    if (!bundle.meta) return;
    preload(`${paths[i]}pagefind-entry.json?ts=${bundle.meta}`);
    preload(`${paths[i]}pagefind.${bundle.meta}.pf_meta`);
    if (i === 0) preload(`${paths[i]}${WASM}`);
  });
  return { listing, paths, common, url: response.url };
});
