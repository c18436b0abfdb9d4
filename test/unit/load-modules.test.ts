/**
 * Loading declaration files (compiler/load/modules.ts, transpile.ts, source-map.ts): TypeScript
 * runs as transpiled CommonJS with a disk cache, `schemac` is the running compiler, sites are the
 * lines of the TypeScript the user wrote, and whatever that way cannot do (top-level await) is
 * loaded as ES modules with the same result.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as api from '../../compiler/index.js';
import { siteOf } from '../../compiler/dsl/source.js';
import { SchemacError } from '../../compiler/diagnostics/diagnostic.js';
import { loadModules } from '../../compiler/load/modules.js';
import { lineMapper } from '../../compiler/load/source-map.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with `files` (and schemac linked, as a user's node_modules would have it). */
function project(files: Record<string, string>): { dir: string; cacheDir: string; file: (name: string) => string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-load-'));
  dirs.push(dir);
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  // The ES module way resolves schemac as a user's project does.
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(REPO, path.join(dir, 'node_modules', 'schemac'), 'dir');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return { dir, cacheDir: path.join(dir, '.schemac', 'cache', 'modules'), file: (name) => path.join(dir, name) };
}

/** The 1-based line of the first line of `text` containing `marker`. */
const lineOf = (text: string, marker: string): number => text.split('\n').findIndex((l) => l.includes(marker)) + 1;

const ORDERS = `import { index, sql, table, text, uuid } from 'schemac';

/** Types, comments and blank lines are gone from the JavaScript that runs. */
interface Unused {
  readonly a: string;
}

export const orders = table('orders', {
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\` }),


    note: text(),
  },
  indexes: [
    index(['note']),
  ],
});
`;

describe('declaration files run as transpiled CommonJS', () => {
  it('binds schemac to the running compiler and records the TypeScript lines of every call', async () => {
    const p = project({ 'schema/orders.ts': ORDERS });
    const [exports] = await loadModules([p.file('schema/orders.ts')], { cwd: p.dir, cacheDir: p.cacheDir });
    const orders = exports!['orders'] as ReturnType<typeof api.table>;
    expect(orders.kind).toBe('table');
    // The transpiled way ran (the ES module way writes no cache), with its calls marked.
    const cached = readdirSync(p.cacheDir);
    expect(cached.filter((f) => f.endsWith('.js'))).toHaveLength(1);
    expect(cached.some((f) => f.endsWith('.v8'))).toBe(true);
    expect(readFileSync(path.join(p.cacheDir, cached.find((f) => f.endsWith('.js'))!), 'utf8')).toContain('__schemac_call_at__(');

    const at = (declaration: object) => siteOf(declaration, p.dir);
    expect(at(orders)).toEqual({ file: 'schema/orders.ts', line: lineOf(ORDERS, "table('orders'") });
    expect(at(orders.columns['id'] as object)).toEqual({ file: 'schema/orders.ts', line: lineOf(ORDERS, 'id: uuid') });
    expect(at(orders.columns['note'] as object)).toEqual({ file: 'schema/orders.ts', line: lineOf(ORDERS, 'note: text') });
    expect(at(orders.indexes![0]!)).toEqual({ file: 'schema/orders.ts', line: lineOf(ORDERS, "index(['note'])") });
  });

  it('reads the second run from the cache (code cache too) with the same sites, and transpiles a changed file again', async () => {
    const p = project({ 'schema/orders.ts': ORDERS });
    await loadModules([p.file('schema/orders.ts')], { cwd: p.dir, cacheDir: p.cacheDir });
    const before = new Map(readdirSync(p.cacheDir).map((f) => [f, statSync(path.join(p.cacheDir, f)).mtimeMs]));

    const [again] = await loadModules([p.file('schema/orders.ts')], { cwd: p.dir, cacheDir: p.cacheDir });
    expect(new Map(readdirSync(p.cacheDir).map((f) => [f, statSync(path.join(p.cacheDir, f)).mtimeMs]))).toEqual(before);
    expect(siteOf((again!['orders'] as ReturnType<typeof api.table>).columns['note'] as object, p.dir)?.line).toBe(lineOf(ORDERS, 'note: text'));

    const edited = ORDERS.replace('    note: text(),', '    // moved down a line\n    note: text(),');
    writeFileSync(p.file('schema/orders.ts'), edited);
    const [changed] = await loadModules([p.file('schema/orders.ts')], { cwd: p.dir, cacheDir: p.cacheDir });
    expect(readdirSync(p.cacheDir).filter((f) => f.endsWith('.js'))).toHaveLength(2);
    expect(siteOf((changed!['orders'] as ReturnType<typeof api.table>).columns['note'] as object, p.dir)?.line).toBe(lineOf(edited, 'note: text'));
  });

  it('resolves ./x.js, ./x and ./x.ts to the TypeScript file, loading each module once', async () => {
    const p = project({
      'schema/base.ts': "import { table, uuid } from 'schemac';\nexport const tenants = table('tenants', { columns: { id: uuid({ primaryKey: true }) } });\n",
      'schema/a.ts': "import { tenants } from './base.js';\nexport const viaJs = tenants;\n",
      'schema/b.ts': "import { tenants } from './base';\nexport const viaBare = tenants;\n",
      'schema/c.ts': "import { tenants } from './base.ts';\nexport const viaTs = tenants;\n",
    });
    const files = ['schema/a.ts', 'schema/b.ts', 'schema/base.ts', 'schema/c.ts'].map(p.file);
    const [a, b, base, c] = await loadModules(files, { cwd: p.dir, cacheDir: p.cacheDir });
    expect(a!['viaJs']).toBe(base!['tenants']);
    expect(b!['viaBare']).toBe(base!['tenants']);
    expect(c!['viaTs']).toBe(base!['tenants']);
  });

  it('loads files that need ES modules (top-level await) as ES modules, with the same sites', async () => {
    const text = `import { table, uuid } from 'schemac';\n\nconst columns = await Promise.resolve({ id: uuid({ primaryKey: true }) });\n\nexport const later = table('later', {\n  columns,\n});\n`;
    const p = project({ 'schema/later.ts': text });
    const [exports] = await loadModules([p.file('schema/later.ts')], { cwd: p.dir, cacheDir: p.cacheDir });
    const later = exports!['later'] as ReturnType<typeof api.table>;
    expect(later.name).toBe('later');
    expect(siteOf(later, p.dir)).toEqual({ file: 'schema/later.ts', line: 5 });
    expect(siteOf(later.columns['id'] as object, p.dir)).toEqual({ file: 'schema/later.ts', line: 3 });
    // The cache remembers that the file needs ES modules, so the next run does not try again.
    const js = readdirSync(p.cacheDir).find((f) => f.endsWith('.js'))!;
    expect(readFileSync(path.join(p.cacheDir, js), 'utf8')).toContain('runs as an ES module');
  });

  it('reports a syntax error as SC103 at the file and line', async () => {
    const p = project({ 'schema/bad.ts': "import { table } from 'schemac';\n\nexport const t = table('t', { columns: { ) });\n" });
    const error = await loadModules([p.file('schema/bad.ts')], { cwd: p.dir, cacheDir: p.cacheDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchemacError);
    const [d] = (error as SchemacError).diagnostics;
    expect(d).toMatchObject({ code: 'SC103', at: { file: 'schema/bad.ts', line: 3 } });
  });

  it('prunes what edits left behind once the cache folder is far bigger than what a run uses', async () => {
    const p = project({ 'schema/orders.ts': ORDERS });
    mkdirSync(p.cacheDir, { recursive: true });
    const old = new Date(Date.now() - 3 * 86_400_000);
    for (let i = 0; i < 80; i++) {
      writeFileSync(path.join(p.cacheDir, `old${i}.js`), '');
      utimesSync(path.join(p.cacheDir, `old${i}.js`), old, old);
    }
    writeFileSync(path.join(p.cacheDir, 'recent.js'), '');
    await loadModules([p.file('schema/orders.ts')], { cwd: p.dir, cacheDir: p.cacheDir });
    const left = readdirSync(p.cacheDir);
    expect(left.filter((f) => f.startsWith('old'))).toEqual([]);
    expect(left).toContain('recent.js');
    expect(left.filter((f) => f.endsWith('.js'))).toHaveLength(2);
  });

  it('loads a project whose package.json does not say "type": "module" (ES module syntax in .ts files)', async () => {
    const p = project({ 'schema/orders.ts': ORDERS });
    writeFileSync(path.join(p.dir, 'package.json'), '{ "name": "plain" }\n');
    const [exports] = await loadModules([p.file('schema/orders.ts')], { cwd: p.dir, cacheDir: p.cacheDir });
    expect((exports!['orders'] as ReturnType<typeof api.table>).name).toBe('orders');
  });

  it('works without a cache folder', async () => {
    const p = project({ 'schema/orders.ts': ORDERS });
    const [exports] = await loadModules([p.file('schema/orders.ts')], { cwd: p.dir });
    expect(siteOf(exports!['orders'] as object, p.dir)?.line).toBe(lineOf(ORDERS, "table('orders'"));
    expect(existsSync(path.join(p.dir, '.schemac'))).toBe(false);
  });
});

describe('source maps', () => {
  it('maps every generated line back to its source line, also where esbuild moves code up', async () => {
    const { transformSync } = await import('esbuild');
    // Exports are listed at the top of the output: the mappings go down and back up.
    const source = ['const mark1 = 1;', '', 'export function mark2() {', '  return mark1;', '}', '// gone', 'export const mark3 = mark2();', ''].join('\n');
    const { code, map } = transformSync(source, { loader: 'ts', format: 'cjs', sourcemap: 'external', sourcefile: 'x.ts' });
    const toSource = lineMapper(map);
    const generated = code.split('\n');
    for (const mark of ['mark1 = 1', 'function mark2', 'mark3 = mark2()']) {
      const line = generated.findIndex((l) => l.includes(mark)) + 1;
      const column = generated[line - 1]!.indexOf(mark.split(/[ (]/)[0] === 'function' ? 'mark2' : mark.slice(0, 5)) + 1;
      expect(toSource(line, column)).toBe(lineOf(source, mark));
    }
    expect(toSource(generated.length + 5, 1)).toBeUndefined();
  });
});
