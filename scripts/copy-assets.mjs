// Copy non-TypeScript assets (catalog .sql files, handlebars templates, the dev database's worker) next to the compiled code.
import { cpSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const copied = [];
function walk(dir) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (full.endsWith('.sql') || full.endsWith('.hbs') || full.endsWith('.cjs')) {
      cpSync(full, path.join('dist', full));
      copied.push(full);
    }
  }
}
walk('compiler');
console.log(`copied ${copied.length} assets to dist/`);
