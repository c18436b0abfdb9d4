/**
 * Config filters and session settings: objects outside `include` or inside `exclude` (by schema,
 * table pattern, object kind) are neither generated nor drift; `role` and `searchPath` apply to the
 * session that applies migrations.
 */
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { makeProject, runCli } from '../helpers/cli.js';
import { filterSchema } from '../../compiler/model/filter.js';
import { EMPTY_SCHEMA, type Table } from '../../compiler/model/types.js';

const SCHEMA = `import { dataStep, sql, table, text, uuid } from 'schemac';

export const users = table('users', { columns: { id: uuid({ primaryKey: true }), email: text() } });
export const scratch = table('tmp_import', { columns: { id: uuid({ primaryKey: true }) } });
export const seed = dataStep('seed_user', { after: 'table:public.users', up: sql\`INSERT INTO users (id, email) VALUES ('00000000-0000-0000-0000-000000000001', current_user)\` });
`;

const CONFIG = `import { defineConfig } from 'schemac';
export default defineConfig({
  schema: './schema', out: './generated',
  exclude: { tables: ['tmp_*'], schemas: ['legacy'], kinds: ['grant'] },
  role: 'schemac_owner', searchPath: ['public'],
});
`;

describe('config filters and session settings', () => {
  it('excluded tables and schemas are neither generated nor drift; apply runs as the configured role', async () => {
    const url = await freshDatabaseUrl('postgres');
    await withDatabase(url, (db) => db.exec(`DO $$ BEGIN CREATE ROLE schemac_owner; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
      GRANT ALL ON SCHEMA public TO schemac_owner; GRANT CREATE ON DATABASE ${url.split('/').pop()} TO schemac_owner;
      CREATE SCHEMA legacy; CREATE TABLE legacy.old_orders (id int); CREATE TABLE public.tmp_load (x int)`));
    const dir = makeProject({ 'schema/index.ts': SCHEMA }, CONFIG);
    expect((await runCli(['generate', '--name', 'init'], { cwd: dir })).code).toBe(0);
    const applied = await runCli(['apply', '--url', url], { cwd: dir });
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    await withDatabase(url, async (db) => {
      const rows = await db.query<{ owner: string; email: string; scratch: boolean }>(
        "SELECT pg_get_userbyid(c.relowner) AS owner, (SELECT email FROM public.users) AS email, to_regclass('public.tmp_import') IS NOT NULL AS scratch FROM pg_class c WHERE c.oid = 'public.users'::regclass",
      );
      expect(rows[0]).toEqual({ owner: 'schemac_owner', email: 'schemac_owner', scratch: false });
    });
    // legacy.old_orders and public.tmp_load exist in the database but are excluded, grants too: no drift.
    const drift = await runCli(['drift', '--url', url], { cwd: dir });
    expect(drift.stdout).toContain('No drift');
    expect(drift.code).toBe(0);
  });

  it('filters by kind and include lists', () => {
    const t = (schema: string, name: string): Table => ({ schema, name, columns: [], uniques: [], checks: [], foreignKeys: [], indexes: [], triggers: [{ name: 'x', definition: '', enabled: 'origin' }] });
    const schema = { ...EMPTY_SCHEMA, tables: [t('app', 'orders'), t('app', 'orders_2026'), t('audit', 'log'), t('public', 'tmp_x')] };
    const kept = filterSchema(schema, { include: { schemas: ['app', 'public'] }, exclude: { tables: ['app.orders_*', 'tmp_*'], kinds: ['trigger'] } });
    expect(kept.tables.map((x) => `${x.schema}.${x.name}`)).toEqual(['app.orders']);
    expect(kept.tables[0]!.triggers).toEqual([]);
  });
});
