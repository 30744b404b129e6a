// Copy the parts of opencc-js that the search page needs into theme/static/js/vendor/opencc/.
//
// The search page turns a reader's query Simplified (the index holds the Simplified site) and,
// on a Traditional site, converts excerpts character by character with the regional tables.
// Only those dictionaries are copied; the large Simplified -> Traditional phrase lists are not
// (nothing on the page needs them). Run: npm ci && node build.mjs
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, 'node_modules', 'opencc-js');
const lib = join(pkg, 'dist', 'esm-lib');
const out = join(here, '..', '..', 'static', 'js', 'vendor', 'opencc');

const DICTS = [
  // Simplified -> OpenCC Traditional, then regional forms.
  'STCharacters',
  'HKVariants', 'HKVariantsPhrases', 'HKPhrases',
  'TWVariants', 'TWVariantsPhrases', 'TWPhrases',
  // Regional Traditional -> OpenCC Traditional -> Simplified.
  'HKVariantsRev', 'HKVariantsRevPhrases', 'TWVariantsRev', 'TWVariantsRevPhrases',
  'TSCharacters', 'TSPhrases',
];

const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
mkdirSync(join(out, 'dict'), { recursive: true });
copyFileSync(join(lib, 'core.js'), join(out, 'core.js'));
for (const name of DICTS) {
  copyFileSync(join(lib, 'dict', `${name}.js`), join(out, 'dict', `${name}.js`));
}
copyFileSync(join(pkg, 'LICENSE'), join(out, 'LICENSE'));
copyFileSync(join(pkg, 'THIRD_PARTY_LICENSES.md'), join(out, 'THIRD_PARTY_LICENSES.md'));

writeFileSync(join(out, 'VERSION'), `opencc-js ${version}\n`);
console.log(`opencc-js ${version}: ${DICTS.length} dictionaries`);
