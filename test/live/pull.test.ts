/**
 * pull round trip with zero loss: a database → `schemac pull` → `generate` → `apply` to an empty
 * database → `pg_dump --schema-only` identical (column order aside, which pull keeps anyway) and
 * `drift` clean against the original. On the realistic corpus schemas.
 */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { REPO_ROOT, makeProject, runCli } from '../helpers/cli.js';
import { dumpSchema } from '../helpers/dump.js';


const CORPUS = path.join(REPO_ROOT, 'test/corpus');

describe('pull', () => {
  it.each(['core-only', 'saas-core', 'film-rental', 'erp'])('%s: pull → generate → apply reproduces the database', async (pair) => {
    const source = await freshDatabaseUrl('postgres');
    await withDatabase(source, async (db) => db.exec(readFileSync(path.join(CORPUS, pair, 'v2.sql'), 'utf8')));
    const cwd = makeProject({});
    const pulled = await runCli(['pull', '--url', source, '--out', 'pulled'], { cwd });
    expect(pulled.stderr).toBe('');
    expect(pulled.code).toBe(0);
    const project = path.join(cwd, 'pulled');
    mkdirSync(path.join(project, 'node_modules'), { recursive: true });
    symlinkSync(REPO_ROOT, path.join(project, 'node_modules', 'schemac'), 'dir');

    const generated = await runCli(['generate', '--name', 'pulled'], { cwd: project });
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    const target = await freshDatabaseUrl('postgres');
    const applied = await runCli(['apply', '--url', target], { cwd: project });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    // The migration history table is ours, not the application's.
    await withDatabase(target, async (db) => db.exec('DROP SCHEMA schemac CASCADE'));
    expect(dumpSchema(target)).toBe(dumpSchema(source));
    const drift = await runCli(['drift', '--url', source], { cwd: project });
    expect(drift.stdout).toContain('No drift');
    expect(drift.code).toBe(0);
  });
});
