/**
 * Bad input gives one clear message with a stable code, the file:line or object and a hint; exit
 * code 2 (1 for `validate` findings); nothing applied; no stack trace; never a password.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { makeProject, runCli, writeProjectFiles, type CliResult } from '../helpers/cli.js';
import { PASSWORD } from '../helpers/pg-server.js';

const VALID = `import { sql, table, text, uuid, integer } from 'schemac';

export const accounts = table('accounts', {
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\` }),
    name: text({ notNull: true }),
  },
});
`;

const noStackTrace = (r: CliResult): void => {
  expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
};

const OFFLINE_CONFIG = "import { defineConfig } from 'schemac';\nexport default defineConfig({ schema: './schema', out: './generated', migrations: { online: false } });\n";

async function historyRows(url: string): Promise<number> {
  return withDatabase(url, async (db) => {
    const [exists] = await db.query<{ present: boolean }>("SELECT to_regclass('schemac.migrations') IS NOT NULL AS present");
    if (!exists!.present) return 0;
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schemac.migrations');
    return rows[0]!.n;
  });
}

describe('malformed declarations', () => {
  it('unknown foreign key target: validate exits 1, generate exits 2, both name file:line and code', async () => {
    const dir = makeProject({
      'schema/index.ts': `${VALID}
export const payments = table('payments', {
  columns: {
    id: uuid({ primaryKey: true }),
    account_id: uuid({ references: { table: 'acounts' } }),
  },
});
`,
    });
    const validate = await runCli(['validate'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('schema/index.ts:13 SC202 error: foreign key payments_account_id_fkey references public.acounts, which is not declared');
    expect(validate.stderr).toContain('hint:');
    const generate = await runCli(['generate'], { cwd: dir });
    expect(generate.code).toBe(2);
    expect(generate.stderr).toContain('SC202');
    noStackTrace(generate);
    expect(generate.stdout).not.toContain('Wrote');
  });

  it('an expression PostgreSQL rejects: SC207 at the declaring line', async () => {
    const dir = makeProject({ 'schema/index.ts': VALID.replace("name: text({ notNull: true }),", "name: text({ notNull: true }),\n    age: integer({ check: sql`age >` }),") });
    const result = await runCli(['generate'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('schema/index.ts:7 SC207 error: check accounts_age_check: syntax error at end of input in `age >`');
    noStackTrace(result);
  });

  it('a TypeScript syntax error: SC103 with file:line, no stack trace', async () => {
    const dir = makeProject({ 'schema/index.ts': VALID.replace('name: text({ notNull: true }),', 'name: text({ notNull: true ),') });
    const result = await runCli(['generate'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('schema/index.ts:6 SC103 error: cannot load schema/index.ts');
    noStackTrace(result);
  });

  it('what only PostgreSQL knows (a view reading a missing column) is SC220 at the view, before any database', async () => {
    const dir = makeProject({ 'schema/index.ts': `${VALID}\nimport { view } from 'schemac';\nexport const v = view('account_names', { query: sql\`SELECT id, nmae FROM accounts\` });\n` });
    const validate = await runCli(['validate'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain('schema/index.ts:11 SC220 error: PostgreSQL rejects view:public.account_names: column "nmae" does not exist');
    const generate = await runCli(['generate'], { cwd: dir });
    expect(generate.code).toBe(2);
    expect(generate.stderr).toContain('SC220');
    noStackTrace(generate);
  });

  it('identifiers longer than 63 bytes and duplicate names are reported', async () => {
    const long = 'a'.repeat(64);
    const dir = makeProject({ 'schema/index.ts': `${VALID}\nexport const t2 = table('${long}', { columns: { id: integer() } });\nexport const dup = table('accounts', { columns: { id: integer() } });\n` });
    const result = await runCli(['validate'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('SC204');
    expect(result.stderr).toContain('SC201');
  });
});

describe('databases that cannot be used', () => {
  it('unreachable server: SC401, exit 2, password not printed', async () => {
    const dir = makeProject({ 'schema/index.ts': VALID });
    await runCli(['generate'], { cwd: dir });
    const result = await runCli(['apply', '--url', 'postgres://someone:topsecret@127.0.0.1:1/nowhere', '--wait', '0'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SC401');
    expect(result.stderr).toContain('postgres://someone:****@127.0.0.1:1/nowhere');
    expect(`${result.stdout}${result.stderr}`).not.toContain('topsecret');
    noStackTrace(result);
  });

  it('wrong password: SC402, exit 2, neither password printed', async () => {
    const dir = makeProject({ 'schema/index.ts': VALID });
    const url = new URL(await freshDatabaseUrl('postgres'));
    url.password = 'wrong-secret';
    const result = await runCli(['drift', '--url', url.toString()], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SC402');
    expect(`${result.stdout}${result.stderr}`).not.toContain('wrong-secret');
    expect(`${result.stdout}${result.stderr}`).not.toContain(PASSWORD);
    expect(inject('postgresAdminUrl')).toContain(PASSWORD);
  });
});

describe('migrations that must not run', () => {
  it('a migration folder edited by hand is refused (SC301) and nothing is applied', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': VALID });
    expect((await runCli(['generate', '--name', 'init'], { cwd: dir })).code).toBe(0);
    const migrations = path.join(dir, 'generated/migrations');
    const [folder] = (await import('node:fs')).readdirSync(migrations);
    const upFile = path.join(migrations, folder!, 'up.sql');
    writeFileSync(upFile, `${readFileSync(upFile, 'utf8')}\nDROP TABLE important;\n`);
    const result = await runCli(['apply', '--url', url], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SC301');
    expect(result.stderr).toContain('up.sql modified');
    expect(await historyRows(url)).toBe(0);
  });

  it('an applied migration edited and re-summed is refused (SC304)', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': VALID });
    await runCli(['generate', '--name', 'init'], { cwd: dir });
    expect((await runCli(['apply', '--url', url], { cwd: dir })).code).toBe(0);
    const migrations = path.join(dir, 'generated/migrations');
    const [folder] = (await import('node:fs')).readdirSync(migrations);
    const downFile = path.join(migrations, folder!, 'down.sql');
    writeFileSync(downFile, `${readFileSync(downFile, 'utf8')}\n-- edited\n`);
    expect((await runCli(['generate', '--rehash'], { cwd: dir })).code).toBe(0);
    const result = await runCli(['apply', '--url', url], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`SC304 error: migration ${folder} was modified after it was applied`);
    const status = await runCli(['status', '--url', url, '--exit-code'], { cwd: dir });
    expect(status.code).toBe(1);
    expect(status.stdout).toContain(`modified ${folder}`);
  });

  it('a failing migration rolls back completely and names up.sql:line', async () => {
    const url = await freshDatabaseUrl('postgres');
    // Offline plans: the whole migration is one transaction.
    const dir = makeProject({ 'schema/index.ts': VALID }, OFFLINE_CONFIG);
    await runCli(['generate', '--name', 'init'], { cwd: dir });
    const withCode = VALID.replace("name: text({ notNull: true }),", "name: text({ notNull: true }),\n    code: text({ unique: true }),");
    // Offline, the unique key is added with a plain ADD CONSTRAINT: generate refuses it until acknowledged.
    writeProjectFiles(dir, { 'schema/index.ts': withCode });
    const refused = await runCli(['generate', '--name', 'add code'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SC225');
    expect(refused.stderr).toContain("acknowledge('SC623', 'constraint:public.accounts.accounts_code_key'");
    writeProjectFiles(dir, { 'schema/index.ts': `${withCode}\nimport { acknowledge } from 'schemac';\nexport const ok = acknowledge('SC623', 'constraint:public.accounts.accounts_code_key', 'small table');\n` });
    expect((await runCli(['generate', '--name', 'add code'], { cwd: dir })).code).toBe(0);
    const [first, second] = (await import('node:fs')).readdirSync(path.join(dir, 'generated/migrations')).sort();
    expect((await runCli(['apply', '--url', url, '--to', first!.slice(0, 14)], { cwd: dir })).code).toBe(0);
    await withDatabase(url, async (db) => {
      // Something already named like the constraint the second migration adds.
      await db.exec('CREATE TABLE public.accounts_code_key (x int)');
    });
    const result = await runCli(['apply', '--url', url], { cwd: dir });
    expect(result.code).toBe(2);
    const upSql = readFileSync(path.join(dir, 'generated/migrations', second!, 'up.sql'), 'utf8').split('\n');
    const failingLine = upSql.findIndex((l) => l.includes('ADD CONSTRAINT "accounts_code_key"')) + 1;
    expect(result.stderr).toContain(`generated/migrations/${second}/up.sql:${failingLine} SC404 error: relation "accounts_code_key" already exists`);
    expect(result.stderr).toContain('nothing was applied');
    noStackTrace(result);
    await withDatabase(url, async (db) => {
      const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'code'");
      expect(rows[0]!.n, 'the failed migration left nothing behind').toBe(0);
    });
    expect(await historyRows(url)).toBe(1);
  });

  it('an online migration that fails part way keeps its completed steps, says so, and the next apply resumes', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': VALID });
    await runCli(['generate', '--name', 'init'], { cwd: dir });
    writeProjectFiles(dir, { 'schema/index.ts': VALID.replace("name: text({ notNull: true }),", "name: text({ notNull: true }),\n    code: text({ unique: true }),") });
    await runCli(['generate', '--name', 'add code'], { cwd: dir });
    const [first, second] = (await import('node:fs')).readdirSync(path.join(dir, 'generated/migrations')).sort();
    expect((await runCli(['apply', '--url', url, '--to', first!.slice(0, 14)], { cwd: dir })).code).toBe(0);
    await withDatabase(url, (db) => db.exec('CREATE TABLE public.accounts_code_key (x int)'));
    const failed = await runCli(['apply', '--url', url], { cwd: dir });
    expect(failed.code).toBe(2);
    const upSql = readFileSync(path.join(dir, 'generated/migrations', second!, 'up.sql'), 'utf8').split('\n');
    const failingLine = upSql.findIndex((l) => l.includes('CREATE UNIQUE INDEX CONCURRENTLY "accounts_code_key"')) + 1;
    expect(failingLine).toBeGreaterThan(0);
    expect(failed.stderr).toContain(`up.sql:${failingLine} SC404 error: relation "accounts_code_key" already exists`);
    expect(failed.stderr).toContain('it resumes at this step');
    noStackTrace(failed);
    const status = await runCli(['status', '--url', url], { cwd: dir });
    expect(status.stdout).toMatch(/partial/);
    expect(await historyRows(url)).toBe(1);
    // Fix the cause; apply resumes after the column that was already added and finishes.
    await withDatabase(url, (db) => db.exec('DROP TABLE public.accounts_code_key'));
    const resumed = await runCli(['apply', '--url', url], { cwd: dir });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(await historyRows(url)).toBe(2);
    expect((await runCli(['drift', '--url', url], { cwd: dir })).code).toBe(0);
    await withDatabase(url, async (db) => {
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schemac.migration_progress');
      expect(rows[0]!.n, 'progress rows are cleared when the migration completes').toBe(0);
    });
  });

  it('concurrent appliers never interleave: each migration is applied exactly once', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': VALID });
    await runCli(['generate', '--name', 'init'], { cwd: dir });
    writeProjectFiles(dir, { 'schema/index.ts': VALID.replace("name: text({ notNull: true }),", "name: text({ notNull: true }),\n    note: text(),") });
    await runCli(['generate', '--name', 'note'], { cwd: dir });
    const results = await Promise.all([1, 2, 3, 4].map(() => runCli(['apply', '--url', url], { cwd: dir })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(results.map((r) => r.stdout).join('\n').match(/applied \d{14}_init/g)).toHaveLength(1);
    expect(await historyRows(url)).toBe(2);
  });
});
