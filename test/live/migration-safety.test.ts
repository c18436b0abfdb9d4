/**
 * Migration safety on real databases: online plans on tables that hold rows, resuming after a
 * failed concurrent index build, lock timeouts with retries, irreversible rollbacks, data steps,
 * the offline switch, and `schemac lint` through the CLI.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import { bigint, check, foreignKey, integer, sql, table, text, unique, varchar } from '../../compiler/index.js';
import { EMPTY_SCHEMA } from '../../compiler/model/types.js';
import { BACKENDS, freshDatabaseUrl, open, withDatabase } from '../helpers/backends.js';
import { makeProject, runCli, writeProjectFiles } from '../helpers/cli.js';
import { declare, describeChanges, migrationSql, remainingChanges, runScript } from '../helpers/schema.js';

const relfilenode = async (db: Database, table: string): Promise<string> =>
  (await db.query<{ node: string }>(`SELECT relfilenode::text AS node FROM pg_class WHERE oid = '${table}'::regclass`))[0]!.node;

describe.each(BACKENDS)('online plans on tables with rows (%s)', (backend) => {
  it('reach the declared state, roll back, and rewrite only what must be rewritten', async () => {
    const accounts = table('accounts', { columns: { id: bigint({ primaryKey: true }) } });
    const before = await declare(accounts, table('ledger', {
      columns: { id: bigint({ primaryKey: true }), account_id: bigint(), code: varchar({ length: 10 }), note: varchar({ length: 20 }), amount: integer() },
    }));
    const after = await declare(accounts, table('ledger', {
      columns: { id: bigint({ primaryKey: true }), account_id: bigint({ notNull: true }), code: varchar({ length: 40 }), note: text(), amount: integer() },
      foreignKeys: [foreignKey(['account_id'], { table: 'accounts' })],
      checks: [check(sql`amount >= 0`, { name: 'ledger_amount_check' })],
      uniques: [unique(['code'], { name: 'ledger_code_key' })],
    }));
    await withDatabase(await freshDatabaseUrl(backend), async (db) => {
      await runScript(db, (await migrationSql(EMPTY_SCHEMA, before)).up);
      await db.exec(`INSERT INTO accounts SELECT g FROM generate_series(1, 50) g;
        INSERT INTO ledger SELECT g, 1 + g % 50, 'c' || g, 'n', g FROM generate_series(1, 2000) g`);
      const node = await relfilenode(db, 'public.ledger');
      const { up, down } = await migrationSql(before, after);
      expect(up).toContain('CREATE UNIQUE INDEX CONCURRENTLY "ledger_code_key"');
      expect(up).toContain('NOT VALID');
      expect(up).toContain('VALIDATE CONSTRAINT "ledger_account_id_not_null_check"');
      await runScript(db, up);
      expect(describeChanges(await remainingChanges(db, after))).toEqual([]);
      // varchar(10) → varchar(40) and varchar → text are catalog-only: the table keeps its file.
      expect(await relfilenode(db, 'public.ledger'), 'binary-coercible changes do not rewrite').toBe(node);
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger');
      expect(rows[0]!.n).toBe(2000);
      await runScript(db, down);
      expect(describeChanges(await remainingChanges(db, before))).toEqual([]);
      await runScript(db, up);
      expect(describeChanges(await remainingChanges(db, after))).toEqual([]);
    });
  });

  it('a change that is not binary-coercible does rewrite (the check above can fail)', async () => {
    const before = await declare(table('t', { columns: { id: bigint({ primaryKey: true }), v: integer() } }));
    const after = await declare(table('t', { columns: { id: bigint({ primaryKey: true }), v: bigint() } }));
    await withDatabase(await freshDatabaseUrl(backend), async (db) => {
      await runScript(db, (await migrationSql(EMPTY_SCHEMA, before)).up);
      await db.exec('INSERT INTO t SELECT g, g FROM generate_series(1, 10) g');
      const node = await relfilenode(db, 'public.t');
      await runScript(db, (await migrationSql(before, after)).up);
      expect(await relfilenode(db, 'public.t')).not.toBe(node);
    });
  });
});

const BASE = `import { acknowledge, bigint, dataStep, index, sql, table, text } from 'schemac';

export const accounts = table('accounts', {
  columns: { id: bigint({ primaryKey: true }), email: text(), nickname: text() },
});
`;

const migrationsOf = (dir: string): string[] => readdirSync(path.join(dir, 'generated/migrations')).sort();

/** Poll until `condition` holds (at most 30 s). */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('apply and rollback safety through the CLI (PostgreSQL)', () => {
  it('a failed concurrent build is resumed: the INVALID index it left is dropped and built again', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': BASE });
    expect((await runCli(['generate', '--name', 'init'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['apply', '--url', url], { cwd: dir })).code).toBe(0);
    await withDatabase(url, (db) => db.exec("INSERT INTO accounts VALUES (1, 'a@x', NULL), (2, 'a@x', NULL)"));
    writeProjectFiles(dir, { 'schema/index.ts': BASE.replace("columns: { id: bigint({ primaryKey: true }), email: text(), nickname: text() },", "columns: { id: bigint({ primaryKey: true }), email: text(), nickname: text() },\n  indexes: [index(['email'], { unique: true, name: 'accounts_email_key' })],") });
    expect((await runCli(['generate', '--name', 'unique email'], { cwd: dir })).code).toBe(0);
    const failed = await runCli(['apply', '--url', url], { cwd: dir });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/SC404 error: could not create unique index "accounts_email_key"/);
    const validity = (db: Database) => db.query<{ valid: boolean }>("SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = to_regclass('public.accounts_email_key')");
    await withDatabase(url, async (db) => {
      expect(await validity(db), 'the failed build does not leave its INVALID index behind').toEqual([]);
      // What a crash in the middle of the build would leave: an INVALID index of that name.
      await db.exec('CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON public.accounts (email)').catch(() => undefined);
      expect(await validity(db)).toEqual([{ valid: false }]);
      await db.exec("UPDATE accounts SET email = 'b@x' WHERE id = 2");
    });
    const drift = await runCli(['drift', '--url', url], { cwd: dir });
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain('index public.accounts_email_key is INVALID (a concurrent build failed or was interrupted) and must be built again');
    const resumed = await runCli(['apply', '--url', url], { cwd: dir });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    await withDatabase(url, async (db) => expect(await validity(db)).toEqual([{ valid: true }]));
    expect((await runCli(['drift', '--url', url], { cwd: dir })).code).toBe(0);
  });

  it('a step that cannot get its lock times out, retries with backoff, gives up with SC407, and succeeds once the lock is gone', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': BASE });
    await runCli(['generate', '--name', 'init'], { cwd: dir });
    await runCli(['apply', '--url', url], { cwd: dir });
    writeProjectFiles(dir, { 'schema/index.ts': BASE.replace('nickname: text() }', "nickname: text(), note: text({ default: 'x' }) }") });
    expect((await runCli(['generate', '--name', 'note'], { cwd: dir })).code).toBe(0);
    const holder = await open(url);
    await holder.exec('BEGIN; LOCK TABLE public.accounts IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      const gaveUp = await runCli(['apply', '--url', url, '--lock-timeout', '200ms', '--lock-retries', '1'], { cwd: dir });
      expect(gaveUp.code).toBe(2);
      expect(gaveUp.stderr).toContain('SC407 error: gave up after 2 attempts: canceling statement due to lock timeout');
      expect(gaveUp.stderr).toMatch(/retry 1 of steps 1 in 1\.0s/);
      expect(Date.now() - started, 'it never queues behind the lock indefinitely').toBeLessThan(15_000);
      // Now the lock is released while apply is retrying: it gets through.
      const applying = runCli(['apply', '--url', url, '--lock-timeout', '200ms', '--lock-retries', '8'], { cwd: dir });
      await waitUntil(async () => (await holder.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'public.accounts'::regclass"))[0]!.n > 0);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await holder.exec('COMMIT');
      const applied = await applying;
      expect(applied.stderr).toContain('lock not available');
      expect(applied.code).toBe(0);
    } finally {
      await holder.close();
    }
    expect((await runCli(['drift', '--url', url], { cwd: dir })).code).toBe(0);
  });

  it('rollback refuses a migration with irreversible steps without --force', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': BASE });
    await runCli(['generate', '--name', 'init'], { cwd: dir });
    writeProjectFiles(dir, {
      'schema/index.ts': `${BASE.replace(', nickname: text() }', ' }')}\nexport const ok = acknowledge('SC602', 'column:public.accounts.nickname', 'never used');\n`,
    });
    expect((await runCli(['generate', '--name', 'drop nickname'], { cwd: dir })).code).toBe(0);
    const [, second] = migrationsOf(dir);
    const up = readFileSync(path.join(dir, 'generated/migrations', second!, 'up.sql'), 'utf8');
    expect(up).toContain('-- schemac:irreversible step 1: drops column accounts.nickname');
    expect(up).toContain('-- schemac:allow SC602 never used\nALTER TABLE "public"."accounts" DROP COLUMN "nickname";');
    expect((await runCli(['apply', '--url', url], { cwd: dir })).code).toBe(0);
    const refused = await runCli(['rollback', '--url', url], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SC307 error: rolling back');
    expect(refused.stderr).toContain('--force');
    const forced = await runCli(['rollback', '--url', url, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect((await runCli(['status', '--url', url], { cwd: dir })).stdout).toMatch(/pending\s+\d+_drop_nickname/);
  });

  it('data steps run once where declared, survive regeneration, and warn when edited after they ran', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': BASE });
    await runCli(['generate', '--name', 'init'], { cwd: dir });
    const withAudit = `${BASE}
export const audit = table('account_audit', { columns: { account_id: bigint({ primaryKey: true }), note: text() } });
export const backfill = dataStep('backfill_account_audit', {
  after: 'table:public.account_audit',
  up: sql\`INSERT INTO public.account_audit (account_id, note) SELECT id, 'backfilled' FROM public.accounts\`,
  down: sql\`DELETE FROM public.account_audit\`,
});
`;
    writeProjectFiles(dir, { 'schema/index.ts': withAudit });
    expect((await runCli(['generate', '--name', 'audit'], { cwd: dir })).code).toBe(0);
    const [, second] = migrationsOf(dir);
    const upFile = path.join(dir, 'generated/migrations', second!, 'up.sql');
    const written = readFileSync(upFile, 'utf8');
    expect(written.indexOf('INSERT INTO public.account_audit')).toBeGreaterThan(written.indexOf('CREATE TABLE "public"."account_audit"'));
    // Regenerating the migrations from scratch writes the data step again, byte for byte.
    rmSync(path.join(dir, 'generated'), { recursive: true });
    writeProjectFiles(dir, { 'schema/index.ts': BASE });
    await runCli(['generate', '--name', 'init'], { cwd: dir });
    writeProjectFiles(dir, { 'schema/index.ts': withAudit });
    await runCli(['generate', '--name', 'audit'], { cwd: dir });
    const regenerated = migrationsOf(dir)[1]!;
    expect(readFileSync(path.join(dir, 'generated/migrations', regenerated, 'up.sql'), 'utf8')).toBe(written);
    await runCli(['apply', '--url', url, '--to', migrationsOf(dir)[0]!.slice(0, 14)], { cwd: dir });
    await withDatabase(url, (db) => db.exec('INSERT INTO accounts (id) VALUES (1), (2), (3)'));
    expect((await runCli(['apply', '--url', url], { cwd: dir })).code).toBe(0);
    await withDatabase(url, async (db) => {
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM account_audit'))[0]!.n).toBe(3);
    });
    writeProjectFiles(dir, { 'schema/index.ts': withAudit.replace("'backfilled'", "'edited'") });
    const edited = await runCli(['generate'], { cwd: dir });
    expect(edited.code).toBe(0);
    expect(edited.stderr).toContain('SC224 warning: data step backfill_account_audit changed after the migration that runs it was generated');
    expect(migrationsOf(dir)).toHaveLength(2);
    expect((await runCli(['rollback', '--url', url], { cwd: dir })).code).toBe(0);
    await withDatabase(url, async (db) => {
      expect((await db.query<{ present: boolean }>("SELECT to_regclass('public.account_audit') IS NOT NULL AS present"))[0]!.present).toBe(false);
    });
  });

  it('migrations.online: false writes the plain statements', async () => {
    const config = "import { defineConfig } from 'schemac';\nexport default defineConfig({ schema: './schema', out: './generated', migrations: { online: false } });\n";
    const dir = makeProject({ 'schema/index.ts': BASE }, config);
    await runCli(['generate', '--name', 'init'], { cwd: dir });
    writeProjectFiles(dir, {
      'schema/index.ts': `${BASE.replace('nickname: text() },', "nickname: text() },\n  indexes: [index(['email'])],")}\nexport const ok = acknowledge('SC618', 'index:public.accounts_email_idx', 'small table');\n`,
    });
    const result = await runCli(['generate', '--name', 'email index'], { cwd: dir });
    expect(result.stderr).toBe('');
    const up = readFileSync(path.join(dir, 'generated/migrations', migrationsOf(dir)[1]!, 'up.sql'), 'utf8');
    expect(up).toContain('-- schemac:allow SC618 small table\nCREATE INDEX "accounts_email_idx" ON "public"."accounts"');
    expect(up).not.toContain('CONCURRENTLY');
    expect(up).toContain('long-lock');
  });

  it('schemac lint: exit 1 on errors, suppression per statement, json and github output', async () => {
    const dir = makeProject({});
    writeFileSync(path.join(dir, 'hand.sql'), [
      "SET lock_timeout = '2s';",
      'CREATE INDEX users_email_idx ON users (email);',
      '-- schemac:allow SC601 archived to cold storage',
      'DROP TABLE legacy;',
      'DROP TABLE other;',
      '',
    ].join('\n'));
    const text = await runCli(['lint', 'hand.sql'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('hand.sql:2 SC618 error');
    expect(text.stderr).toContain('hand.sql:5 SC601 error');
    expect(text.stderr).not.toContain('hand.sql:4 SC601');
    expect(text.stdout + text.stderr).toContain('1 allowed by schemac:allow');
    const json = JSON.parse((await runCli(['lint', 'hand.sql', '--format', 'json'], { cwd: dir })).stdout) as { version: number; errors: number; files: { findings: { code: string; suppressed?: unknown }[] }[] };
    expect(json.version).toBe(1);
    expect(json.errors).toBe(2);
    expect(json.files[0]!.findings.filter((f) => f.suppressed).map((f) => f.code)).toEqual(['SC601']);
    const github = await runCli(['lint', 'hand.sql', '--format', 'github'], { cwd: dir });
    expect(github.stdout).toContain('::error file=hand.sql,line=2,title=SC618::');
    writeFileSync(path.join(dir, 'safe.sql'), "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n");
    expect((await runCli(['lint', 'safe.sql'], { cwd: dir })).code).toBe(0);
  });
});

const OPTIONAL = `import { extension, sql, table, text, uuid, view } from 'schemac';

export const search = extension('schemac_test_absent', { optional: 'semantic search over documents' });
export const documents = table('documents', { columns: { id: uuid({ primaryKey: true }), body: text() } });
export const embeddings = table('document_embeddings', {
  requires: ['schemac_test_absent'],
  columns: { document_id: uuid({ primaryKey: true, references: { table: documents } }), model: text() },
});
export const searchable = view('searchable_documents', { query: sql\`SELECT d.id, e.model FROM public.documents d JOIN public.document_embeddings e ON e.document_id = d.id\` });
`;

describe.each(BACKENDS)('optional extensions on %s', (backend) => {
  it('a server without the extension gets everything else: the part that needs it is skipped, and said so', async () => {
    const url = await freshDatabaseUrl(backend);
    const dir = makeProject({ 'schema/index.ts': OPTIONAL });
    const generated = await runCli(['generate', '--name', 'init'], { cwd: dir });
    expect(generated.stderr).toBe('');
    const up = readFileSync(path.join(dir, 'generated/migrations', migrationsOf(dir)[0]!, 'up.sql'), 'utf8');
    expect(up).toContain('-- schemac:requires schemac_test_absent\nCREATE EXTENSION');
    const applied = await runCli(['apply', '--url', url], { cwd: dir });
    expect(applied.code).toBe(0);
    expect(applied.stderr).toMatch(/skipped steps [\d, ]+ of \d+_init: they need extension schemac_test_absent, which this server does not have/);
    const drift = await runCli(['drift', '--url', url], { cwd: dir });
    expect(drift.code).toBe(0);
    expect(drift.stderr).toContain('skipped (extension schemac_test_absent is not available on this server): semantic search over documents — extension:schemac_test_absent, table:public.document_embeddings, view:public.searchable_documents');
    await withDatabase(url, async (db) => {
      const tables = await db.query<{ name: string }>("SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY 1");
      expect(tables.map((t) => t.name)).toEqual(['documents']);
    });
    expect((await runCli(['rollback', '--url', url, '--to', '0'], { cwd: dir })).code).toBe(0);
  });
});
