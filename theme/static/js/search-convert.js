// Convert between the scripts in the browser, with opencc-js data bundled under vendor/opencc/
// (see theme/vendor/opencc/build.mjs).
//
// The search index holds the Simplified site: a reader's query is turned Simplified
// (convertQuery with "cn"). On a Traditional site, what a hit shows that the index did not
// store in that script (the excerpt) is converted character by character (textConverter).
// Simplified -> Traditional phrase lists are not shipped: nothing on the page needs them.
//
// The Traditional-to-Simplified tables are fetched only for a query that needs them: a small
// table (search-tables.js, written by park_digest/search/convert_table.py) lists the
// characters that begin a key of those tables, and, for each group of the chain, those that
// can lead to a phrase of its phrase list. A query with none of the first is left as typed,
// with no fetch; a group whose set the query misses is its character table alone, which gives
// the same result without the phrases.
import { CHANGING, PHRASE_STARTS } from './search-tables.js';

const REGIONAL = {
  t: [],
  hk: [['HKVariantsPhrases', 'HKVariants']],
  hkp: [['HKPhrases', 'HKVariantsPhrases', 'HKVariants']],
  tw: [['TWVariantsPhrases', 'TWVariants']],
  twp: [['TWPhrases', 'TWVariantsPhrases', 'TWVariants']],
};

const TO_SIMPLIFIED = [
  ['HKVariantsRevPhrases', 'HKVariantsRev'],
  ['TWVariantsRevPhrases', 'TWVariantsRev'],
  ['TSPhrases', 'TSCharacters'],
];

/** The opencc-js target of an OpenCC config name: "s2hk" -> "hk"; "cn" for the root site. */
export function targetOf(config) {
  const name = String(config || 'cn').replace(/\.json$/, '');
  if (name === 'cn' || name === 's2s' || name === '') return 'cn';
  const target = name.replace(/^s2/, '');
  return target in REGIONAL ? target : 't';
}

// Digits of the table's code-point gaps (see convert_table.py).
const MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ6789+/';
const LAST = 'abcdefghijklmnopqrstuvwxyz012345';

/** The set of code points written as gaps by convert_table.py's encode(). */
function decodeSet(text) {
  const points = new Set();
  let point = 0;
  let value = 0;
  for (const digit of text) {
    const more = MORE.indexOf(digit);
    if (more >= 0) {
      value = value * 32 + more;
    } else {
      point += value * 32 + LAST.indexOf(digit);
      points.add(point);
      value = 0;
    }
  }
  return points;
}

let tables = null;

/** The sets of the table: `changing`, and `starts` (one per group of TO_SIMPLIFIED). */
function sets() {
  tables ||= { changing: decodeSet(CHANGING), starts: PHRASE_STARTS.map(decodeSet) };
  return tables;
}

/** Whether `text` holds a character of `set`. */
function holds(text, set) {
  for (const char of text) if (set.has(char.codePointAt(0))) return true;
  return false;
}

const modules = new Map();
const converters = new Map();

function load(base, path) {
  const url = new URL(path, base).href;
  if (!modules.has(url)) modules.set(url, import(url).then((module) => module.default));
  return modules.get(url);
}

async function groups(base, names) {
  return Promise.all(names.map((group) => Promise.all(
    group.map((name) => load(base, `dict/${name}.js`)))));
}

/**
 * The converter into `target`; into Simplified, `phrases` says for each group of the chain
 * whether its phrase list is needed (else its character table alone is used).
 */
async function converter(base, target, phrases = null) {
  const key = `${base} ${target} ${phrases}`;
  if (!converters.has(key)) {
    converters.set(key, (async () => {
      let chain = target === 'cn' ? TO_SIMPLIFIED : [['STCharacters'], ...REGIONAL[target]];
      if (phrases) chain = chain.map((group, i) => (phrases[i] ? group : group.slice(-1)));
      // the converter's code and its tables fetched together, not one after the other
      const [{ ConverterFactory }, dicts] = await Promise.all([
        import(new URL('core.js', base).href), groups(base, chain)]);
      return { plain: ConverterFactory(...dicts) };
    })());
  }
  return converters.get(key);
}

/**
 * The query in the script of `config` ("cn": Simplified, as the index holds it), converted by
 * the character tables and the regional phrase lists. `base` is the URL of the vendor/opencc/
 * folder (with a trailing slash). With `phrases: false`, into Simplified by the character
 * tables alone: the same for most queries, and it needs half the data.
 */
export async function convertQuery(query, config, base, { phrases: withPhrases = true } = {}) {
  const target = targetOf(config);
  let phrases = null;
  if (target === 'cn') {
    const { changing, starts } = sets();
    if (!holds(query, changing)) return query;
    phrases = starts.map((set) => withPhrases && holds(query, set));
  }
  const { plain } = await converter(base, target, phrases);
  return plain(query);
}

/**
 * A function converting Simplified text into the script of `config` (s2hk, s2tw …) character
 * by character, without the phrase list; the identity for the Simplified site ("cn").
 */
export async function textConverter(config, base) {
  const target = targetOf(config);
  if (target === 'cn') return (text) => text;
  const { plain } = await converter(base, target);
  return plain;
}
