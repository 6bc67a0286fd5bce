// dist/THIRD-PARTY-LICENSES.md: the licences of everything the scripts bundle. The minifier
// drops the licence comments of the bundled npm packages; Vite's `build.license` writes their
// licences (KaTeX, uPlot, xz-decompress: whatever the build bundles), and this plugin adds the
// notices of bundled packages that ship no licence file (licenses/without-licence-file.md) and
// the libraries compiled into the engine's WebAssembly, which no package.json names
// (licenses/engine.md, and the MPL-2.0 text that Eigen's licence asks to travel with it).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LICENSE_FILE = 'THIRD-PARTY-LICENSES.md';
const here = (p) => fileURLToPath(new URL(p, import.meta.url));

export function engineLicenses() {
  return {
    name: 'bpx-engine-licenses',
    apply: 'build',
    writeBundle(options) {
      const file = path.join(options.dir ?? here('./dist'), LICENSE_FILE);
      if (!existsSync(file)) this.error(`${LICENSE_FILE} was not written: build.license is needed in vite.classic.js`);
      const text = (name) => readFileSync(here(`./licenses/${name}`), 'utf8');
      appendFileSync(file, `\n${text('without-licence-file.md')}\n${text('engine.md')}\n## Mozilla Public License 2.0 (Eigen)\n\n\`\`\`text\n${text('MPL-2.0.txt')}\`\`\`\n`);
    },
  };
}
