/**
 * The conventions that keep the pipeline readable, enforced: imports point one way, only expr/
 * imports the parser, the CLI only talks to compiler/index.ts, and every diagnostic code is
 * documented.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../compiler/diagnostics/codes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

const phaseOf = (file: string, specifier: string): string | undefined => {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.relative(path.join(ROOT, 'compiler'), path.resolve(path.dirname(file), specifier));
  return target.split(path.sep)[0];
};

describe('architecture', () => {
  it('the model imports no later phase', () => {
    for (const file of sources(path.join(ROOT, 'compiler/model'))) {
      const phases = importsOf(file).map((s) => phaseOf(file, s)).filter((p) => p && !['model', 'diagnostics', 'expr'].includes(p));
      expect(phases, path.relative(ROOT, file)).toEqual([]);
    }
  });

  it('lint reads SQL alone: it imports only expr, diagnostics and model', () => {
    for (const file of sources(path.join(ROOT, 'compiler/lint'))) {
      const phases = importsOf(file).map((s) => phaseOf(file, s)).filter((p) => p && !['lint', 'model', 'diagnostics', 'expr'].includes(p));
      expect(phases, path.relative(ROOT, file)).toEqual([]);
    }
  });

  it('the DSL imports only the model, diagnostics, expr (for PostgreSQL\'s default names) and the quoting module', () => {
    for (const file of sources(path.join(ROOT, 'compiler/dsl'))) {
      const phases = importsOf(file).filter((s) => !s.endsWith('/render/quote.js')).map((s) => phaseOf(file, s)).filter((p) => p && !['dsl', 'model', 'diagnostics', 'expr'].includes(p));
      expect(phases, path.relative(ROOT, file)).toEqual([]);
    }
  });

  it('only compiler/expr imports the PostgreSQL parser', () => {
    const users = [...sources(path.join(ROOT, 'compiler')), ...sources(path.join(ROOT, 'cli'))]
      .filter((file) => importsOf(file).includes('pg-query-emscripten'))
      .map((file) => path.relative(ROOT, file));
    expect(users).toEqual(['compiler/expr/parser.ts']);
  });

  it('the CLI imports only compiler/index.ts from the compiler', () => {
    // Except its launcher, which runs the bundled command line through V8's code cache: importing
    // the index there would load the whole library the bundle holds.
    const allowed = (file: string, s: string) => s.endsWith('compiler/index.js') || (path.relative(ROOT, file) === 'cli/launch.ts' && s.endsWith('compiler/load/code-cache.js'));
    for (const file of sources(path.join(ROOT, 'cli'))) {
      const compilerImports = importsOf(file).filter((s) => s.includes('compiler/'));
      expect(compilerImports.filter((s) => !allowed(file, s)), path.relative(ROOT, file)).toEqual([]);
    }
  });

  it('diff and plan never touch the database or files', () => {
    for (const dir of ['compiler/diff', 'compiler/plan']) {
      for (const file of sources(path.join(ROOT, dir))) {
        const bad = importsOf(file).filter((s) => s.startsWith('node:') || s.includes('/db/') || s === 'pg' || s.startsWith('@electric-sql'));
        expect(bad, path.relative(ROOT, file)).toEqual([]);
      }
    }
  });

  it('every diagnostic code is documented in docs/diagnostics.md', () => {
    const docs = readFileSync(path.join(ROOT, 'docs/diagnostics.md'), 'utf8');
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(docs, code).toContain(`### ${code}:`);
  });

  it('every diagnostic code has the docs page its messages link to (npm run docs:diagnostics)', () => {
    for (const [code, { title }] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(readFileSync(path.join(ROOT, 'docs/diagnostics', `${code}.md`), 'utf8'), code).toContain(`# ${code}: ${title}`);
    }
  });
});
