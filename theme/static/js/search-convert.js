// Convert between the scripts in the browser, with opencc-js data bundled under vendor/opencc/
// (see theme/vendor/opencc/build.mjs).
//
// The search index holds the Simplified site: a reader's query is turned Simplified
// (convertQuery with "cn"). On a Traditional site, what a hit shows that the index did not
// store in that script (the excerpt) is converted character by character (textConverter).
// Simplified -> Traditional phrase lists are not shipped: nothing on the page needs them.

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

async function converter(base, target) {
  const key = `${base} ${target}`;
  if (!converters.has(key)) {
    converters.set(key, (async () => {
      const { ConverterFactory } = await import(new URL('core.js', base).href);
      const chain = target === 'cn' ? TO_SIMPLIFIED : [['STCharacters'], ...REGIONAL[target]];
      const dicts = await groups(base, chain);
      return { plain: ConverterFactory(...dicts) };
    })());
  }
  return converters.get(key);
}

/**
 * The query in the script of `config` ("cn": Simplified, as the index holds it), converted by
 * the character tables and the regional phrase lists. `base` is the URL of the vendor/opencc/
 * folder (with a trailing slash).
 */
export async function convertQuery(query, config, base) {
  const { plain } = await converter(base, targetOf(config));
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
