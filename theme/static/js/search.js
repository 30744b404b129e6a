// The search page: query the site's Pagefind index in the reader's script or the other one,
// list title, date, source and a highlighted excerpt, and move through results by keyboard.
//
// One index serves every script: it holds the Simplified site (park_digest/search/index.py). The
// query is first converted into Simplified (search-convert.js), then asked of Pagefind as a
// phrase of overlapping character pairs (the index holds each run of Chinese characters as its
// pairs), one search per term, and the pages every term found are kept. Each is checked for every term in its title or
// text before it is shown, a batch at a time. On a variant site (its shard list names it) a hit
// links to the variant's page and shows the title and outlet that page has (stored with the
// hit) and its excerpt converted into the variant's script.
//
// Everything a reader reads comes from the page (data-msg-* attributes), so the Traditional
// build converts it with the rest of the page; this file holds no Chinese text of its own.
import { convertQuery, textConverter } from './search-convert.js';
import { indexListing } from './search-start.js';

const PAGE_SIZE = 10;
// Candidates checked at a time: a few first, so that on a slow line the first result does not
// wait for the records of a whole page; then a page's worth.
const FIRST_BATCH = 3;
const BATCH = 10;
const DEBOUNCE_MS = 200;

const root = document.querySelector('[data-search]');
const form = root.querySelector('form');
const input = form.querySelector('input[type="search"]');
const statusLine = root.querySelector('[data-search-status]');
const list = root.querySelector('[data-search-results]');
const more = root.querySelector('[data-search-more]');
const settings = root.dataset;

let pagefind = null;
let generation = 0;
let timer = 0;
// The search being shown: its terms, the candidates not yet checked, and the checked hits
// not yet shown.
let current = null;

function message(name, values = {}) {
  const text = settings[name] || '';
  return text.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ''));
}

function absolute(path) {
  return new URL(path, document.baseURI).href;
}

/**
 * Pagefind, with every shard of the site's index: the list (pagefind/shards.json) names one
 * bundle per span of months; the first is loaded and the others merged into it. The list and
 * each bundle's files are fetched from the moment the page loads (search-start.js); Pagefind
 * runs on the page, not in its web worker: the worker's script would be one more fetch and
 * round trip, and the worker's fetches could not take the responses already asked for.
 */
function engine() {
  if (!pagefind) {
    pagefind = indexListing.then(async ({ listing, paths, common, url }) => {
      const { bundles } = listing;
      const variant = listing.variant
        || (listing.variants || {})[document.documentElement.dataset.variant] || null;
      // the excerpt's converter on a variant site: fetched alongside Pagefind
      const converting = textConverter(variant ? variant.config : 'cn',
        absolute(settings.openccUrl));
      const tag = (bundle) => (bundle.meta ? { metaCacheTag: bundle.meta } : {});
      const language = listing.lang || 'x-pairs';
      const [first, ...others] = paths;
      const module = await import(`${first}pagefind.js`);
      await module.options({ excerptLength: 40, noWorker: true, ...tag(bundles[0]) });
      // Pagefind cuts a query into words by the language it was started with, which it takes
      // from the page: started as the index's language (no segmenter), it leaves the pairs
      // whole. The page's own language is back as soon as Pagefind has read it.
      const pageLanguage = document.documentElement.getAttribute('lang');
      document.documentElement.setAttribute('lang', language);
      try {
        module.init();
      } finally {
        document.documentElement.setAttribute('lang', pageLanguage);
      }
      await Promise.all(others.map((path, i) => module.mergeIndex(path,
        { language, ...tag(bundles[i + 1]) })));
      const frequent = new Map(Object.entries(await common));
      const siteRoot = new URL(listing.root || '../', url);
      const convert = await converting;
      return {
        search: (term) => module.search(pagefindQuery(term, frequent)),
        view: {
          variant, siteRoot, convert, quotes: quoteConverter(settings.quoteMarks),
          current: listing.current || {},
        },
      };
    });
  }
  return pagefind;
}

/**
 * The query in Simplified, then as typed when that differs. Only the first is searched (the
 * index holds the Simplified site); a hit must hold each term in either spelling. With
 * `phrases: false`, converted by the character tables alone (search-convert.js).
 */
async function queryForms(query, options = {}) {
  const forms = [query];
  try {
    const converted = await convertQuery(query, 'cn', absolute(settings.openccUrl), options);
    if (converted && converted !== query) forms.unshift(converted);
  } catch (error) {
    console.warn('query conversion unavailable:', error);
  }
  return forms;
}

// White space is ignored when a hit is checked.
function normalise(text) {
  return String(text || '').replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '').toLowerCase();
}

/** Terms of the query, each with its spellings in every form: [["经开区", "經開區"], …]. */
function termsOf(forms) {
  const split = forms.map((form) => form.split(/\s+/).filter(Boolean));
  return split[0].map((_, i) => [...new Set(split.map((terms) => normalise(terms[i] || '')))]);
}

function matches(data, terms) {
  const text = normalise(`${data.meta?.title || ''} ${plain(data.content)}`);
  return terms.every((spellings) => spellings.some((term) => term && text.includes(term)));
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /(\p{Script=Han}+)/u;

/** The words the index holds for a run of Chinese characters: its overlapping pairs. */
function pairsOf(run) {
  const chars = [...run];
  if (chars.length < 2) return [run];
  return chars.slice(1).map((ch, i) => chars[i] + ch);
}

/**
 * How Pagefind is asked for one term. The index holds each run of Chinese characters as its
 * overlapping pairs (see park_digest/search/index.py), so a Chinese term goes as a phrase of its
 * pairs: "湖南 南大 大学". Pairs that many pages hold (`common`, listed by the build with their
 * page counts) are left out when rarer ones are there: the longest run of rarer pairs is
 * asked (its first and last pair, when it has more than two), else the rarest pair alone,
 * which fetches far less of the index; every page found is checked for the whole term before
 * it is shown. A single character is asked as the start of a
 * pair.
 */
function pagefindQuery(term, common) {
  if (!HAN.test(term)) return term;
  if (HAN_RUN.test(term) && term.replace(HAN_RUN, '') === '') {
    const pairs = pairsOf(term);
    let best = [];
    let run = [];
    for (const pair of pairs) {
      run = common.has(pair) ? [] : [...run, pair];
      if (run.length > best.length) best = run;
    }
    if (!best.length) {
      best = [pairs.reduce((a, b) => (common.get(b) < common.get(a) ? b : a))];
    }
    if (best.length <= 2) return best.length === 1 ? best[0] : `"${best.join(' ')}"`;
    // Each word asked costs a fetch per shard: the first and last pair of a longer run, both
    // required, already leave few pages to check.
    return `${best[0]} ${best[best.length - 1]}`;
  }
  const words = term.split(HAN_RUN).flatMap((piece) => (
    HAN.test(piece) ? pairsOf(piece) : piece.split(/\s+/))).filter(Boolean);
  return `"${words.join(' ')}"`;
}

/**
 * Pagefind's candidates: the pages that hold every term of the query. The index holds the
 * Simplified site, so each term is asked in Simplified (forms[0]) alone; the searches run
 * together, and the pages of the rarest term, in Pagefind's rank order, are kept when every
 * other term's search found them too. No page text is fetched to narrow the list.
 */
async function candidates(forms) {
  const index = await engine();
  const terms = forms[0].split(/\s+/).filter(Boolean);
  const perTerm = await Promise.all(terms.map(async (term) => (
    (await index.search(term))?.results || [])));
  perTerm.sort((a, b) => a.length - b.length);
  const [rarest = [], ...others] = perTerm;
  const found = others.map((results) => new Set(results.map((result) => result.id)));
  const kept = new Set();
  return rarest.filter((result) => {
    if (kept.has(result.id) || !found.every((ids) => ids.has(result.id))) return false;
    kept.add(result.id);
    return true;
  });
}

/**
 * Check candidates a batch at a time until `wanted()` hits are waiting (it says how many more
 * are wanted) or none are left; `shown` is told after each batch, so the first hits can be
 * shown (taken from `search.hits`) before the others are checked. No more records are fetched
 * than hits are wanted, as long as the candidates pass the check.
 */
async function fill(search, wanted, shown = () => {}) {
  const { view } = await engine();
  while (wanted() > 0 && search.unchecked.length) {
    const size = search.checked ? Math.min(BATCH, wanted()) : Math.min(FIRST_BATCH, wanted());
    const batch = search.unchecked.splice(0, size);
    search.checked = (search.checked || 0) + batch.length;
    const items = await Promise.all(batch.map((result) => result.data()));
    search.hits.push(...items.filter((data) => isCurrent(data, view)
      && matches(data, search.terms)));
    shown();
  }
}

/**
 * Whether a record is of the page as it is: a page edited since the month shards were made is
 * in the overlay shard too, and the shard list names its version (`current`); the older record
 * is left out.
 */
function isCurrent(data, view) {
  const version = view.current[relativeUrl(data.url, view)];
  return version === undefined || data.meta?.v === version;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const EXCERPT_BEFORE = 24;
const EXCERPT_LENGTH = 110;

const HEADING_MAX = 400;

/**
 * Where the article's text starts in Pagefind's page text: after its heading (title, byline and
 * the date the theme writes last in it, after the byline's own date), which the result already
 * shows; 0 when not found.
 */
function bodyStart(text, date) {
  const at = date ? text.lastIndexOf(date, HEADING_MAX) : -1;
  return at >= 0 && at < HEADING_MAX ? at + date.length : 0;
}

/**
 * Text and <mark> nodes of an excerpt around the first place the page's text holds a term
 * (after the heading when the text holds it there too), every term marked whole (Pagefind marks
 * Traditional text a character at a time, and may centre its own excerpt on a loose match).
 * null when no term is in the text (e.g. only in the title).
 */
function excerptNodes(content, terms, date, quotes = (t) => t) {
  const text = quotes(plain(content));
  const lower = text.toLowerCase();
  const needles = [...new Set(terms.flat().filter(Boolean))].sort((a, b) => b.length - a.length);
  const firstFrom = (from) => Math.min(
    ...needles.map((n) => lower.indexOf(n, from)).filter((at) => at >= 0));
  const body = bodyStart(text, plain(date));
  const inBody = firstFrom(body);
  const first = Number.isFinite(inBody) ? inBody : firstFrom(0);
  if (!Number.isFinite(first)) return null;
  const floor = Number.isFinite(inBody) ? body : 0;
  let start = Math.max(floor, first - EXCERPT_BEFORE);
  while (start < first && /\s/.test(text[start])) start += 1;
  const end = Math.min(text.length, start + EXCERPT_LENGTH);
  const nodes = [];
  let pending = start > 0 ? '…' : '';
  for (let at = start; at < end;) {
    const needle = needles.find((n) => lower.startsWith(n, at));
    if (needle) {
      if (pending) nodes.push(document.createTextNode(pending));
      pending = '';
      nodes.push(element('mark', '', text.slice(at, at + needle.length)));
      at += needle.length;
    } else {
      pending += text[at];
      at += 1;
    }
  }
  pending += end < text.length ? '…' : '';
  if (pending) nodes.push(document.createTextNode(pending));
  return nodes;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

const MAINLAND_MARKS = '\u201c\u2018\u2019\u201d';  // “‘’”
const OPENING = '\u201c\u2018';
const QUOTE_MARK = /[\u201c\u201d\u2018\u2019]/u;
const WORD = /^[A-Za-z0-9]$/;

/**
 * A function giving mainland text the site's quotation marks (`marks`: outer opening, inner
 * opening, inner closing, outer closing, as the page's data-quote-marks has them). The pairing
 * is the variant pages' own (park_digest/variants/quotes.py): marks pair as they nest, the
 * outermost pair becomes the outer marks, the one inside the inner, the next the outer again;
 * a ’ between two Latin letters or digits is an apostrophe; a closing mark with nothing open
 * stays. The identity where the site quotes as the mainland does.
 */
function quoteConverter(marks) {
  const chars = [...(marks || MAINLAND_MARKS)];
  if (chars.length !== 4 || chars.join('') === MAINLAND_MARKS) return (text) => text;
  const brackets = [[chars[0], chars[3]], [chars[1], chars[2]]];
  return (text) => {
    if (!QUOTE_MARK.test(text)) return text;
    const out = [...text];
    const open = [];
    out.forEach((char, i) => {
      if (!QUOTE_MARK.test(char)) return;
      if (OPENING.includes(char)) {
        const [opening, closing] = brackets[open.length % 2];
        open.push(closing);
        out[i] = opening;
      } else if (char === '\u2019' && WORD.test(out[i - 1] || '') && WORD.test(out[i + 1] || '')) {
        // an apostrophe
      } else if (open.length) {
        out[i] = open.pop();
      }
    });
    return out.join('');
  };
}

const PAIR = /^\p{Script=Han}{2}$/u;
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Text as the page has it, from the index's copy in which each run of Chinese characters is
 * written as its overlapping pairs set apart by spaces ("园区 区产 产值" → "园区产值"). Pairs
 * that overlap are one run; a space stays only between two words of other scripts.
 */
function plain(text) {
  const words = String(text || '').replace(ZERO_WIDTH, '').split(/\s+/).filter(Boolean);
  let out = '';
  let previous = '';
  for (const word of words) {
    if (PAIR.test(previous) && PAIR.test(word) && [...previous][1] === [...word][0]) {
      out += [...word][1];
    } else {
      const last = [...previous].pop() || '';
      out += (out && !WIDE.test(last) && !WIDE.test(word[0]) ? ' ' : '') + word;
    }
    previous = word;
  }
  return out;
}

/**
 * Where a hit leads on the reader's site: the page itself on the Simplified site, the same
 * path under the variant's prefix on a variant site.
 */
function hitUrl(url, view) {
  if (!view.variant) return url;
  const page = new URL(url, window.location.href);
  const target = new URL(`${view.variant.prefix}${relativeUrl(url, view)}`, view.siteRoot);
  return `${target.pathname}${page.search}${page.hash}`;
}

/** A hit's URL relative to the root site: "2021/07/slug/". */
function relativeUrl(url, view) {
  const { pathname } = new URL(url, window.location.href);
  const rootPath = view.siteRoot.pathname;
  return pathname.startsWith(rootPath) ? pathname.slice(rootPath.length)
    : pathname.replace(/^\//, '');
}

/**
 * A meta field of the hit as the reader's site shows it: the variant page's own when stored,
 * else the root page's converted (the build stores meta fields as the pages show them).
 */
function shown(data, name, view) {
  const key = view.variant ? `${name}_${view.variant.code.replaceAll('-', '_')}` : '';
  if (key && data.meta?.[key]) return data.meta[key];
  return view.quotes(view.convert(data.meta?.[name] || ''));
}

function render(data, terms, view) {
  const item = element('li', 'search-result');
  const title = element('h2', 'search-result-title');
  const link = element('a', '', shown(data, 'title', view) || data.url);
  link.href = hitUrl(data.url, view);
  title.append(link);
  item.append(title);
  if (data.meta?.date || data.meta?.source) {
    const meta = element('p', 'search-result-meta');
    if (data.meta.date) meta.append(element('span', 'search-result-date', data.meta.date));
    if (data.meta.source) {
      meta.append(element('span', 'search-result-source', shown(data, 'source', view)));
    }
    item.append(meta);
  }
  const excerpt = element('p', 'search-result-excerpt');
  const own = excerptNodes(data.content, terms, data.meta?.date, view.quotes);
  if (own) {
    for (const node of own) node.textContent = view.convert(node.textContent);
    excerpt.append(...own);
  } else {  // the terms are in the title alone: the start of the text
    const text = view.quotes(plain(data.content));
    const start = bodyStart(text, plain(data.meta?.date));
    const end = start + EXCERPT_LENGTH;
    excerpt.textContent = view.convert(text.slice(start, end) + (end < text.length ? '…' : ''));
  }
  item.append(excerpt);
  return item;
}

/**
 * Show the next page of checked hits, each as soon as it is checked, then say how many there
 * are (or that more may follow). The page stays "busy" until its last hit is in.
 */
async function showMore(search) {
  const { view } = await engine();
  let room = PAGE_SIZE;
  const showChecked = () => {
    if (search.run !== generation) return;
    for (const data of search.hits.splice(0, room)) {
      list.append(render(data, search.terms, view));
      room -= 1;
      if (!root.dataset.firstMs) {
        root.dataset.firstMs = String(Math.round(performance.now() - search.started));
        root.dataset.firstAt = String(Math.round(performance.now()));  // since the page opened
      }
    }
  };
  await fill(search, () => room - search.hits.length, showChecked);
  showChecked();
  if (search.run !== generation) return;
  search.shown = list.children.length;
  const complete = search.unchecked.length === 0 && search.hits.length === 0;
  more.hidden = complete;
  if (search.shown === 0 && complete) {
    root.dataset.state = 'none';
    statusLine.textContent = message('msgNone', { q: search.query });
  } else {
    root.dataset.state = 'found';
    statusLine.textContent = message(complete ? 'msgFound' : 'msgFoundMore',
      { n: search.shown, q: search.query });
  }
}

async function runSearch(query) {
  const run = ++generation;
  const started = performance.now();
  delete root.dataset.firstMs;
  delete root.dataset.firstAt;
  list.replaceChildren();
  more.hidden = true;
  current = null;
  if (!query) {
    statusLine.textContent = '';
    root.dataset.state = 'idle';
    return;
  }
  root.dataset.state = 'busy';
  statusLine.textContent = message('msgLoading');
  try {
    engine().catch(() => {});  // Pagefind loads while the query is converted
    // Pagefind is asked as soon as the character tables have converted the query; the phrase
    // lists, when the query needs them, are fetched after those (not sharing the line with
    // them) and arrive while Pagefind searches; only if they convert the query otherwise is
    // Pagefind asked again.
    const quick = await queryForms(query, { phrases: false });
    const converting = queryForms(query);
    let unchecked = await candidates(quick);
    const forms = await converting;
    if (forms[0] !== quick[0]) unchecked = await candidates(forms);
    if (run !== generation) return;
    current = { run, started, query, terms: termsOf(forms), unchecked, hits: [], shown: 0 };
    await showMore(current);
  } catch (error) {
    if (run !== generation) return;
    console.error('search failed:', error);
    root.dataset.state = 'failed';
    statusLine.textContent = message('msgFailed');
    return;
  }
  if (run !== generation) return;
  const ms = String(Math.round(performance.now() - started));
  if (!root.dataset.firstMs) {  // no result: the time to saying so
    root.dataset.firstMs = ms;
    root.dataset.firstAt = String(Math.round(performance.now()));
  }
  root.dataset.queryMs = ms;
}

function remember(query) {
  const url = new URL(window.location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  window.history.replaceState(null, '', url);
}

function links() {
  return [...list.querySelectorAll('.search-result-title a')];
}

function searchNow() {
  window.clearTimeout(timer);
  const query = input.value.trim();
  remember(query);
  runSearch(query);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  searchNow();
});

input.addEventListener('input', () => {
  window.clearTimeout(timer);
  timer = window.setTimeout(searchNow, DEBOUNCE_MS);
});

// Arrow keys walk from the box through the result links; Escape goes back to the box.
root.addEventListener('keydown', (event) => {
  const targets = links();
  const at = targets.indexOf(document.activeElement);
  if (event.key === 'ArrowDown' && (event.target === input || at >= 0)) {
    const next = targets[at + 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  } else if (event.key === 'ArrowUp' && at >= 0) {
    event.preventDefault();
    (at === 0 ? input : targets[at - 1]).focus();
  } else if (event.key === 'Escape' && at >= 0) {
    event.preventDefault();
    input.focus();
  }
});

more.addEventListener('click', () => {
  if (!current) return;
  const first = links().length;
  showMore(current).then(() => links()[first]?.focus());
});

const initial = new URLSearchParams(window.location.search).get('q');
if (initial) {
  input.value = initial;
  runSearch(initial.trim());
} else {
  // Load Pagefind while the reader types. The character tables are fetched only for a query
  // that needs them (search-convert.js).
  engine().catch(() => {});
}
root.dataset.ready = 'true';
