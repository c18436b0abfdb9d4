/**
 * The whole workflow through the real CLI, as a user runs it, on a real PostgreSQL server and on
 * PGlite: generate (deterministic, idempotent, --check) → apply → drift clean → a manual change is
 * drift naming the column → rollback to the start leaves no user objects.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { introspect } from '../../compiler/introspect/index.js';
import { BACKENDS, freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { makeProject, runCli, writeProjectFiles } from '../helpers/cli.js';

const SCHEMA = `import { citext, enumColumn, enumType, extension, index, numeric, sql, table, text, timestamptz, uuid } from 'schemac';

export const citextExtension = extension('citext');
export const planTier = enumType('plan_tier', ['free', 'pro']);

export const accounts = table('accounts', {
  comment: 'Customers',
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\` }),
    email: citext({ notNull: true, unique: true }),
    tier: enumColumn(planTier, { notNull: true, default: 'free' }),
    created_at: timestamptz({ notNull: true, default: sql\`now()\` }),
  },
});

export const payments = table('payments', {
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\` }),
    account_id: uuid({ notNull: true, references: { table: accounts, onDelete: 'cascade' } }),
    amount: numeric({ precision: 12, scale: 2, notNull: true, check: sql\`amount > 0\` }),
    note: text(),
  },
  indexes: [index(['account_id'])],
});
`;

/** All files under a folder, relative path → content. */
function snapshotFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const full = path.join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Contents keyed without the version folder name, to compare two independent generations. */
const withoutVersions = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).filter(([name]) => name !== 'migrations.sum').map(([name, content]) => [name.replace(/\d{14}_/, 'VERSION_'), content.replace(/\d{14}_/g, 'VERSION_')]));

describe('generate', () => {
  it('is deterministic, writes nothing when nothing changed, and --check gates CI', async () => {
    const a = makeProject({ 'schema/index.ts': SCHEMA });
    const b = makeProject({ 'schema/index.ts': SCHEMA });
    const first = await runCli(['generate'], { cwd: a });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect((await runCli(['generate'], { cwd: b })).code).toBe(0);
    const generatedA = snapshotFiles(path.join(a, 'generated'));
    expect(withoutVersions(generatedA)).toEqual(withoutVersions(snapshotFiles(path.join(b, 'generated'))));
    expect(Object.keys(generatedA).some((f) => f.endsWith('/up.sql'))).toBe(true);

    const again = await runCli(['generate'], { cwd: a });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes');
    expect(snapshotFiles(path.join(a, 'generated'))).toEqual(generatedA);
    expect((await runCli(['generate', '--check'], { cwd: a })).code).toBe(0);

    writeProjectFiles(a, { 'schema/index.ts': SCHEMA.replace("note: text(),", "note: text(),\n    reference: text(),") });
    const check = await runCli(['generate', '--check'], { cwd: a });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('migration is missing');
    expect(snapshotFiles(path.join(a, 'generated'))).toEqual(generatedA);
  });
});

describe.each(BACKENDS)('apply → drift → rollback on %s', (backend) => {
  it('applies, shows no drift, detects a manual column, rolls back to empty', async () => {
    const url = await freshDatabaseUrl(backend);
    const dir = makeProject({ 'schema/index.ts': SCHEMA });
    expect((await runCli(['generate', '--name', 'first'], { cwd: dir })).code).toBe(0);
    writeProjectFiles(dir, { 'schema/index.ts': SCHEMA.replace("note: text(),", "note: text(),\n    reference: text({ comment: 'bank reference' }),") });
    expect((await runCli(['generate', '--name', 'add reference'], { cwd: dir })).code).toBe(0);

    const applied = await runCli(['apply', '--url', url], { cwd: dir });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('2 migration(s) applied');

    const clean = await runCli(['drift', '--url', url], { cwd: dir });
    expect(clean.stdout).toContain('No drift');
    expect(clean.code).toBe(0);
    const status = await runCli(['status', '--url', url, '--format', 'json'], { cwd: dir });
    expect(JSON.parse(status.stdout).migrations.map((m: { state: string }) => m.state)).toEqual(['applied', 'applied']);

    await withDatabase(url, async (db) => {
      await db.exec('ALTER TABLE public.payments ADD COLUMN sneaky integer');
    });
    const drift = await runCli(['drift', '--url', url, '--format', 'json'], { cwd: dir });
    expect(drift.code).toBe(1);
    const report = JSON.parse(drift.stdout);
    expect(report.items).toEqual([expect.objectContaining({ path: 'column:public.payments.sneaky', kind: 'unexpected', at: { file: 'schema/index.ts', line: 16 } })]);
    const text = await runCli(['drift', '--url', url], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('column public.payments.sneaky exists in the database but is not declared');

    await withDatabase(url, async (db) => {
      await db.exec('ALTER TABLE public.payments DROP COLUMN sneaky');
    });
    const rolledBack = await runCli(['rollback', '--url', url, '--to', '0'], { cwd: dir });
    expect(rolledBack.stderr).toBe('');
    expect(rolledBack.code).toBe(0);
    await withDatabase(url, async (db) => {
      const schema = await introspect(db);
      expect({ tables: schema.tables.length, enums: schema.enums.length, extensions: schema.extensions.length, namespaces: schema.namespaces.length }).toEqual({ tables: 0, enums: 0, extensions: 0, namespaces: 0 });
    });
    const reapplied = await runCli(['apply', '--url', url], { cwd: dir });
    expect(reapplied.code).toBe(0);
    expect((await runCli(['drift', '--url', url], { cwd: dir })).code).toBe(0);

    const inspected = await runCli(['inspect', '--url', url, '--format', 'json'], { cwd: dir });
    expect(inspected.code).toBe(0);
    expect(JSON.parse(inspected.stdout).tables.map((t: { name: string }) => t.name)).toEqual(['accounts', 'payments']);
    const script = await runCli(['inspect', '--url', url, '--format', 'sql'], { cwd: dir });
    expect(script.code).toBe(0);
    expect(script.stdout).toContain('CREATE TABLE "public"."payments"');
  });
});

describe('unmanaged objects', () => {
  it('drift lists objects of kinds schemac does not manage, without calling them drift', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': SCHEMA });
    await runCli(['generate'], { cwd: dir });
    expect((await runCli(['apply', '--url', url], { cwd: dir })).code).toBe(0);
    await withDatabase(url, (db) => db.exec("CREATE AGGREGATE public.text_concat(text) (SFUNC = textcat, STYPE = text); CREATE STATISTICS public.pay_stats ON account_id, amount FROM public.payments"));
    const drift = await runCli(['drift', '--url', url, '--format', 'json'], { cwd: dir });
    expect(drift.code).toBe(0);
    const report = JSON.parse(drift.stdout);
    expect(report.items).toEqual([]);
    expect(report.unmanaged).toEqual([
      { kind: 'aggregate', schema: 'public', name: 'text_concat(text)' },
      { kind: 'statistics', schema: 'public', name: 'pay_stats' },
    ]);
    const text = await runCli(['drift', '--url', url], { cwd: dir });
    expect(text.stdout).toContain('Not managed by schemac (listed, not compared): aggregate public.text_concat(text), statistics public.pay_stats');
  });
});
