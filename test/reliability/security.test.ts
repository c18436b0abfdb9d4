/**
 * Credentials and least privilege. A password — given in the URL (percent-encoded, with the
 * characters URLs reserve), in the URL's query, or in PGPASSWORD — never appears in anything the
 * CLI prints (text, JSON, --debug stack traces) or writes, whether the command succeeds or fails
 * (wrong password, missing database, failing statement). `drift` and `inspect` work for a role
 * that can log in and read the catalogs, and nothing else: no privilege on any table, no USAGE on
 * any schema, not even `public`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { quoteIdent, quoteLiteral } from '../../compiler/render/quote.js';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { makeProject, runCli, type CliResult } from '../helpers/cli.js';
import { INIT, THREE_MIGRATIONS, copyProject, expectNoStackTrace, generatedProject, sharedGeneratedProject } from './support.js';

const suffix = `${process.pid}_${Date.now().toString(36)}`;

/** A URL for `user` with `password` on the test server's database `database`. */
function urlFor(user: string, password: string, database: string): string {
  const url = new URL(inject('postgresAdminUrl'));
  url.username = user;
  url.password = encodeURIComponent(password);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Every file under `dir` (not following the node_modules/schemac link), with its text. */
function filesUnder(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry === 'node_modules') return [];
    return statSync(full).isDirectory() ? filesUnder(full) : [{ file: full, text: readFileSync(full, 'latin1') }];
  });
}

describe('passwords', () => {
  it('never appear in output, errors, stack traces or written files', async () => {
    const role = `pw_${suffix}`;
    // Characters URLs reserve, quotes, a space and a non-ASCII letter.
    const secret = `Sëcret:/@?#%'" ${suffix}`;
    const wrong = `Wrong:/@?#%'" ${suffix}`;
    const adminUrl = inject('postgresAdminUrl');
    const database = `owned_${suffix}`;
    await withDatabase(adminUrl, async (db) => {
      await db.exec(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(secret)}`);
      await db.exec(`CREATE DATABASE ${quoteIdent(database)} OWNER ${quoteIdent(role)} TEMPLATE template0`);
    });
    const url = urlFor(role, secret, database);
    // The init migration will fail there: its table already exists.
    await withDatabase(url, (db) => db.exec('CREATE TABLE public.accounts (id bigint)'));
    const dir = copyProject((await sharedGeneratedProject(THREE_MIGRATIONS)).stages[0]!);
    const server = new URL(adminUrl);
    const pgEnv = { PGHOST: server.hostname, PGPORT: server.port, PGUSER: role, PGDATABASE: database };
    const queryUrl = `postgres://${role}@${server.host}/missing_${suffix}?password=${encodeURIComponent(secret)}`;

    const noPrivilegeUrl = urlFor(role, secret, new URL(await freshDatabaseUrl('postgres')).pathname.slice(1));
    const commands: Record<string, Promise<CliResult>> = {
      'failing statement, URL, --debug': runCli(['apply', '--url', url, '--debug'], { cwd: dir }),
      'missing database, password in the query, json': runCli(['apply', '--url', queryUrl, '--format', 'json', '--wait', '0'], { cwd: dir }),
      'wrong password, URL, --debug': runCli(['drift', '--url', urlFor(role, wrong, database), '--debug'], { cwd: dir }),
      'failing statement, PGPASSWORD': runCli(['apply'], { cwd: dir, env: { ...pgEnv, PGPASSWORD: secret } }),
      'wrong password, PGPASSWORD, json': runCli(['status', '--format', 'json'], { cwd: dir, env: { ...pgEnv, PGPASSWORD: wrong } }),
      'success, URL': runCli(['pull', '--url', url, '--out', 'pulled'], { cwd: dir }),
      'no privilege, URL': runCli(['apply', '--url', noPrivilegeUrl], { cwd: dir }),
    };
    const runs = Object.fromEntries(await Promise.all(Object.entries(commands).map(async ([name, run]) => [name, await run] as const)));
    expect(runs['failing statement, URL, --debug']!.stderr).toContain('SC404 error: relation "accounts" already exists');
    expect(runs['failing statement, URL, --debug']!.stderr, '--debug prints the stack').toMatch(/\n\s+at /);
    expect(runs['missing database, password in the query, json']!.stdout).toContain('"code": "SC401"');
    expect(runs['wrong password, URL, --debug']!.stderr).toContain('SC402 error: authentication failed');
    expect(runs['failing statement, PGPASSWORD']!.stderr).toContain('SC404 error: relation "accounts" already exists');
    expect(runs['wrong password, PGPASSWORD, json']!.stdout).toContain('"code": "SC402"');
    expect(runs['success, URL']!.code).toBe(0);
    expect(runs['no privilege, URL']!.code).toBe(2); // an internal error for now: see the skipped test below

    const forms = [secret, wrong, encodeURIComponent(secret), encodeURIComponent(wrong), new URLSearchParams({ p: secret }).toString().slice(2), 'Sëcret', 'S%C3%ABcret', 'Wrong:'];
    for (const [name, run] of Object.entries(runs)) {
      for (const form of forms) expect(`${run.stdout}${run.stderr}`, `${name} printed a password`).not.toContain(form);
    }
    expect(runs['missing database, password in the query, json']!.stdout, 'the URL is printed, redacted').toContain('?password=****');
    for (const { file, text } of filesUnder(dir)) {
      for (const form of forms) expect(text, `${file} holds a password`).not.toContain(form);
    }
  });
  // BUG (compiler/apply/index.ts): errors of the history-table statements (HISTORY_DDL in
  // applyMigrations, readHistory in status) are not turned into diagnostics. A role without CREATE
  // on the database gets "schemac: internal error: permission denied for database … this is a bug
  // in schemac" from apply, and one without access to schema schemac gets the same from status.
  it('apply and status by a role without privileges give a diagnostic, not an internal error', async () => {
    const role = `np_${suffix}`;
    await withDatabase(inject('postgresAdminUrl'), (db) => db.exec(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD 'np'`));
    const ownerUrl = await freshDatabaseUrl('postgres');
    const url = urlFor(role, 'np', new URL(ownerUrl).pathname.slice(1));
    const dir = makeProject({ 'schema/index.ts': INIT });
    expect((await runCli(['generate', '--name', 'init'], { cwd: dir })).code).toBe(0);
    const apply = await runCli(['apply', '--url', url], { cwd: dir });
    expect(apply.code).toBe(2);
    expect.soft(apply.stderr).not.toContain('internal error');
    expect.soft(apply.stderr).toMatch(/SC4\d\d error: .*permission denied for database/);
    expect((await runCli(['apply', '--url', ownerUrl], { cwd: dir })).code).toBe(0);
    const status = await runCli(['status', '--url', url], { cwd: dir });
    expect(status.code).toBe(2);
    expect.soft(status.stderr).not.toContain('internal error');
    expect.soft(status.stderr).toMatch(/SC4\d\d error: .*permission denied for schema schemac/);
  });
});

const READER_ROLE = 'schemac_reliability_reader';

/** Every kind of object introspection reads, in a schema of its own (and one table in public). */
const RICH = `import { bigint, check, domain, enumColumn, enumType, fn, grant, index, integer, materializedView, namespace, numeric, ofType, policy, sequence, sql, table, text, timestamptz, trigger, view } from 'schemac';

export const app = namespace('app', { comment: 'the application' });
export const status = enumType('invoice_status', ['draft', 'sent', "it's paid"], { schema: 'app' });
export const money = domain('money_amount', numeric({ precision: 12, scale: 2 }), { schema: 'app', checks: [check(sql\`VALUE >= 0\`)] });
export const numbers = sequence('invoice_numbers', { schema: 'app', start: 1000 });
export const customers = table('customers', {
  columns: { id: bigint({ primaryKey: true, identity: 'always' }), name: text({ notNull: true, comment: "the customer's name" }) },
});
export const touch = fn('touch_updated_at', { schema: 'app', returns: 'trigger', language: 'plpgsql', body: 'BEGIN NEW.updated_at := now(); RETURN NEW; END;' });
export const invoices = table('invoices', {
  schema: 'app',
  comment: 'bills',
  columns: {
    id: bigint({ primaryKey: true }),
    number: integer({ notNull: true, default: sql\`nextval('app.invoice_numbers')\` }),
    customer_id: bigint({ notNull: true, references: { table: customers } }),
    status: enumColumn(status, { notNull: true, default: 'draft' }),
    total: ofType(money, { notNull: true, default: 0 }),
    org_id: text({ notNull: true }),
    updated_at: timestamptz({ notNull: true, default: sql\`now()\` }),
  },
  checks: [check(sql\`number > 0\`)],
  indexes: [index(['customer_id'], { where: sql\`status <> 'draft'\` }), index([{ expression: sql\`lower(org_id)\` }])],
  triggers: [trigger('invoices_touch', { timing: 'before', events: ['update'], function: touch })],
  rowLevelSecurity: 'forced',
  policies: [policy('invoices_org', { using: sql\`org_id = current_setting('app.org_id', true)\` })],
});
export const openInvoices = view('open_invoices', { schema: 'app', query: sql\`SELECT id, total FROM app.invoices WHERE status <> 'draft'\` });
export const totals = materializedView('customer_totals', {
  schema: 'app',
  query: sql\`SELECT customer_id, sum(total) AS total FROM app.invoices GROUP BY customer_id\`,
  indexes: [index(['customer_id'], { unique: true })],
});
export const readers = grant(['SELECT'], openInvoices, '${READER_ROLE}');
`;

describe('a role that can only read the catalogs', () => {
  it('runs drift (no drift) and inspect (the same model the owner sees)', async () => {
    await withDatabase(inject('postgresAdminUrl'), (db) =>
      db.exec(`DO $$ BEGIN CREATE ROLE ${READER_ROLE}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`));
    const { dir } = await generatedProject([{ name: 'rich', files: { 'schema/index.ts': RICH } }]);
    const ownerUrl = await freshDatabaseUrl('postgres');
    expect((await runCli(['apply', '--url', ownerUrl], { cwd: dir })).code).toBe(0);
    const role = `ro_${suffix}`;
    const password = `ro-secret-${suffix}`;
    const database = new URL(ownerUrl).pathname.slice(1);
    await withDatabase(ownerUrl, (db) => db.exec(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(password)}; REVOKE ALL ON SCHEMA public FROM PUBLIC`));
    const readOnlyUrl = urlFor(role, password, database);
    await withDatabase(readOnlyUrl, async (db) => {
      // What the role cannot do: read any table (public's, app's, schemac's history).
      for (const relation of ['public.customers', 'app.invoices', 'schemac.migrations']) {
        await expect(db.query(`SELECT * FROM ${relation}`), relation).rejects.toThrow(/permission denied/);
      }
    });

    const drift = await runCli(['drift', '--url', readOnlyUrl], { cwd: dir });
    expect(drift.stderr).toBe('');
    expect(drift.stdout).toContain('No drift');
    expect(drift.code).toBe(0);
    const [asReader, asOwner] = await Promise.all([
      runCli(['inspect', '--url', readOnlyUrl, '--format', 'json'], { cwd: dir }),
      runCli(['inspect', '--url', ownerUrl, '--format', 'json'], { cwd: dir }),
    ]);
    expect(asReader.code).toBe(0);
    expectNoStackTrace(asReader);
    expect(JSON.parse(asReader.stdout)).toEqual(JSON.parse(asOwner.stdout));
    expect(asOwner.stdout).toContain('"invoices_org"');
  });
});
