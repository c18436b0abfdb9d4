// Copy non-TypeScript assets (catalog .sql files, handlebars templates, the dev database's worker) next to the
// compiled code, and precompile each template (<name>.hbs → <name>.hbs.cjs: render/index.ts then needs only
// handlebars' runtime).
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const { precompileTemplate } = createRequire(import.meta.url)('../compiler/render/precompile.cjs');

const copied = [];
let precompiled = 0;
function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (full.endsWith('.sql') || full.endsWith('.hbs') || full.endsWith('.cjs')) {
      cpSync(full, path.join('dist', full));
      copied.push(full);
      if (full.endsWith('.hbs')) {
        writeFileSync(path.join('dist', `${full}.cjs`), `// Precompiled from ${entry} by scripts/copy-assets.mjs.\nmodule.exports = ${precompileTemplate(readFileSync(full, 'utf8'))};\n`);
        precompiled++;
      }
    }
  }
}
walk('compiler');
console.log(`copied ${copied.length} assets to dist/, precompiled ${precompiled} templates`);
