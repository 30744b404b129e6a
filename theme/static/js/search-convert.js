// Convert between the scripts in the browser, with opencc-js data bundled under vendor/opencc/
// (see theme/vendor/opencc/build.mjs).
//
// The search index holds the Simplified site: a reader's query is turned Simplified
// (convertQuery with "cn"). On a Traditional site, what a hit shows that the index did not
// store in that script (the excerpt) is converted character by character (textConverter); the
// 1 MB phrase list is fetched only to turn Simplified text Traditional where a character's form
// depends on the phrase around it (listed in vendor/opencc/ambiguous.js), which the search page
// no longer asks for.

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

const PHRASES = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'];

/** The opencc-js target of an OpenCC config name: "s2hk" -> "hk"; "cn" for the root site. */
export function targetOf(config) {
  const name = String(config || 'cn').replace(/\.json$/, '');
  if (name === 'cn' || name === 's2s' || name === '') return 'cn';
  const target = name.replace(/^s2/, '');
  return target in REGIONAL ? target : 't';
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

async function needsPhrases(base, text) {
  const ambiguous = await load(base, 'ambiguous.js');
  return [...text].some((ch) => ambiguous.includes(ch));
}

async function converter(base, target) {
  const key = `${base} ${target}`;
  if (!converters.has(key)) {
    converters.set(key, (async () => {
      const { ConverterFactory } = await import(new URL('core.js', base).href);
      const chain = target === 'cn' ? TO_SIMPLIFIED : [['STCharacters'], ...REGIONAL[target]];
      const dicts = await groups(base, chain);
      return { ConverterFactory, dicts, plain: ConverterFactory(...dicts) };
    })());
  }
  return converters.get(key);
}

let phraseEntries = null;

/** The entries of the phrase lists whose phrase occurs in `text`: the only ones that can apply. */
async function phrasesIn(base, text) {
  if (!phraseEntries) {
    phraseEntries = Promise.all(PHRASES.map((name) => load(base, `dict/${name}.js`)))
      .then((lists) => lists.join('|').split('|'));
  }
  return (await phraseEntries).filter((entry) => {
    const space = entry.indexOf(' ');
    return space > 0 && text.includes(entry.slice(0, space));
  }).join('|');
}

/**
 * The query in the site's script. `base` is the URL of the vendor/opencc/ folder (with a
 * trailing slash), `config` the site's OpenCC config name or "cn" for the Simplified site.
 */
export async function convertQuery(query, config, base) {
  const target = targetOf(config);
  const { ConverterFactory, dicts, plain } = await converter(base, target);
  if (target === 'cn' || !(await needsPhrases(base, query))) return plain(query);
  // Phrases first, then characters: a converter of the few phrases this query holds gives
  // what the whole list would, without building a trie of fifty thousand entries.
  const [characters, ...regional] = dicts;
  const phrases = await phrasesIn(base, query);
  if (!phrases) return plain(query);
  return ConverterFactory([phrases, ...characters], ...regional)(query);
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
