/**
 * The rule catalogue is consistent (stable codes in order, names, titles shared with the
 * diagnostics catalogue), its documented examples do what they say, docs/lint is up to date, and
 * compiler/lint imports only what it may.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../../compiler/diagnostics/codes.js';
import { loadParser } from '../../../compiler/expr/index.js';
import { lintDocPages } from '../../../compiler/lint/docs.js';
import { LINT_CATEGORIES, LINT_RULES } from '../../../compiler/lint/index.js';
import { active, lint } from './lint.js';

beforeAll(loadParser);

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('lint rule catalogue', () => {
  it('has at least 32 rules with consecutive codes from SC601, in catalogue order', () => {
    expect(LINT_RULES.length).toBeGreaterThanOrEqual(32);
    expect(LINT_RULES.map((r) => r.code)).toEqual(LINT_RULES.map((_, i) => `SC${601 + i}`));
  });

  it('has unique kebab-case names, known categories and sensible version ranges', () => {
    expect(new Set(LINT_RULES.map((r) => r.name)).size).toBe(LINT_RULES.length);
    for (const rule of LINT_RULES) {
      expect(rule.name, rule.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(LINT_CATEGORIES, rule.code).toContain(rule.category);
      if (rule.versions) expect((rule.versions.min ?? 0) <= (rule.versions.max ?? 99), rule.code).toBe(true);
      for (const text of [rule.title, rule.why, rule.fix, rule.example.bad, rule.example.good]) expect(text.trim(), rule.code).not.toBe('');
    }
  });

  it('shares each title with the diagnostics catalogue, which also has the parse error code', () => {
    for (const rule of LINT_RULES) expect(DIAGNOSTIC_CODES[rule.code].title, rule.code).toBe(rule.title);
    const lintCodes = Object.keys(DIAGNOSTIC_CODES).filter((c) => c.startsWith('SC6'));
    expect(lintCodes).toEqual(['SC600', ...LINT_RULES.map((r) => r.code)]);
  });

  it.each(LINT_RULES.map((r) => [r.code, r.name, r] as const))('%s %s: the bad example is reported, the good one is not', (code, _name, rule) => {
    const bad = lint(rule.example.bad);
    const good = lint(rule.example.good);
    expect(bad.parseError).toBeUndefined();
    expect(good.parseError).toBeUndefined();
    expect(active(bad).map((f) => f.code)).toContain(code);
    expect(active(good).map((f) => f.code)).not.toContain(code);
  });
});

describe('docs/lint', () => {
  it('is up to date with the catalogue (run `npm run docs:lint`)', () => {
    const folder = path.join(ROOT, 'docs/lint');
    const pages = lintDocPages(LINT_RULES);
    const committed = readdirSync(folder).filter((f) => f.endsWith('.md')).sort();
    expect(committed).toEqual(pages.map((p) => p.file).sort());
    for (const page of pages) expect(readFileSync(path.join(folder, page.file), 'utf8'), `docs/lint/${page.file}`).toBe(page.text);
  });
});

describe('compiler/lint imports', () => {
  const importsOf = (file: string): string[] =>
    [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]!).filter((s) => s.startsWith('.'));
  const resolve = (from: string, specifier: string): string => path.resolve(path.dirname(from), specifier.replace(/\.js$/, '.ts'));

  /** The files lintSql is made of: compiler/lint/index.ts and what it imports from compiler/lint. */
  function linterFiles(): string[] {
    const lint = path.join(ROOT, 'compiler/lint');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file) || !file.startsWith(lint)) return;
      seen.add(file);
      for (const specifier of importsOf(file)) visit(resolve(file, specifier));
    };
    visit(path.join(lint, 'index.ts'));
    return [...seen];
  }

  it('the linter imports only itself, expr (the parser), diagnostics and model', () => {
    const compiler = path.join(ROOT, 'compiler');
    const files = linterFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const phases = importsOf(file).map((s) => path.relative(compiler, resolve(file, s)).split(path.sep)[0]);
      expect(phases.filter((p) => !['lint', 'expr', 'diagnostics', 'model'].includes(p!)), path.relative(ROOT, file)).toEqual([]);
    }
  });
});
