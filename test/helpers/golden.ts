/**
 * Golden cases: test/golden/<area>/<case>/case.ts exports `before` and `after` (declaration
 * lists); the folder pins the generated up.sql, down.sql and plan.json. UPDATE_GOLDEN=1 rewrites
 * them; GOLDEN_FILTER=<substring> runs only matching cases.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Declaration } from '../../compiler/dsl/declarations.js';

export const GOLDEN_ROOT = path.resolve(import.meta.dirname, '../golden');

export interface GoldenCase {
  readonly name: string;
  readonly dir: string;
  readonly before: readonly Declaration[];
  readonly after: readonly Declaration[];
}

export function goldenCaseDirs(): { name: string; dir: string }[] {
  const filter = process.env['GOLDEN_FILTER'];
  const cases: { name: string; dir: string }[] = [];
  for (const area of readdirSync(GOLDEN_ROOT).sort()) {
    const areaDir = path.join(GOLDEN_ROOT, area);
    if (!statSync(areaDir).isDirectory()) continue;
    for (const name of readdirSync(areaDir).sort()) {
      const dir = path.join(areaDir, name);
      if (statSync(dir).isDirectory() && (!filter || `${area}/${name}`.includes(filter))) cases.push({ name: `${area}/${name}`, dir });
    }
  }
  return cases;
}

export async function loadGoldenCase(entry: { name: string; dir: string }): Promise<GoldenCase> {
  const module = (await import(pathToFileURL(path.join(entry.dir, 'case.ts')).href)) as { before?: Declaration[]; after?: Declaration[] };
  return { ...entry, before: module.before ?? [], after: module.after ?? [] };
}
