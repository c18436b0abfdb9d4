/**
 * `schemac verify` through the CLI, on PostgreSQL and PGlite: declared objects present and valid,
 * materialized views populated, query assertions (index use via EXPLAIN, validation queries), and
 * the largest tables; exit 1 on any failure, naming what failed and where it is declared.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { makeProject, runCli } from '../helpers/cli.js';

const SCHEMA = `import { index, integer, materializedView, queryAssertion, sql, table, text, timestamptz, uuid } from 'schemac';

export const invoices = table('invoices', {
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\` }),
    status: text({ notNull: true }),
    total: integer({ notNull: true }),
    issued_at: timestamptz({ notNull: true, default: sql\`now()\` }),
  },
  indexes: [index(['status', { column: 'issued_at', order: 'desc' }], { name: 'invoices_status_issued_at_idx' })],
});

export const totals = materializedView('invoice_totals', {
  query: sql\`SELECT status, sum(total) AS total FROM public.invoices GROUP BY status\`,
  withNoData: true,
});

export const page = queryAssertion('invoices_page_by_status', {
  sql: sql\`SELECT id FROM public.invoices WHERE status = 'sent' ORDER BY issued_at DESC LIMIT 50\`,
  usesIndex: 'invoices_status_issued_at_idx',
});
export const wrongIndex = queryAssertion('invoices_by_total', {
  sql: sql\`SELECT id FROM public.invoices WHERE total > 100\`,
  usesIndex: 'invoices_total_idx',
});
export const noNegatives = queryAssertion('no_negative_totals', {
  sql: sql\`SELECT id, total FROM public.invoices WHERE total < 0\`,
  expect: 'no rows',
});
`;

describe.each(BACKENDS)('schemac verify on %s', (backend) => {
  it('reports each check, fails on what does not hold, and passes once it does', async () => {
    const dir = makeProject({ 'schema/index.ts': SCHEMA });
    const url = await freshDatabaseUrl(backend);
    expect((await runCli(['generate', '--name', 'init'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['apply', '--url', url], { cwd: dir })).code).toBe(0);
    await withDatabase(url, (db) => db.exec("INSERT INTO invoices (status, total) SELECT 'sent', g - 3 FROM generate_series(1, 40) g; ANALYZE invoices"));
    const failing = await runCli(['verify', '--url', url], { cwd: dir });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('ok   declared objects exist and match');
    expect(failing.stdout).toContain('FAIL materialized views populated: not public.invoice_totals');
    expect(failing.stdout).toMatch(/ok {3}assertion invoices_page_by_status: uses invoices_status_issued_at_idx/);
    expect(failing.stdout).toMatch(/FAIL assertion invoices_by_total: the plan does not use invoices_total_idx/);
    expect(failing.stdout).toMatch(/FAIL assertion no_negative_totals: expected no rows, got 2: .*\(schema\/index\.ts:\d+\)/);
    expect(failing.stdout).toMatch(/public\.invoices\s+\d+/);
    // Fix the data and the view; drop the wrong assertion: everything holds.
    await withDatabase(url, (db) => db.exec('DELETE FROM invoices WHERE total < 0; REFRESH MATERIALIZED VIEW invoice_totals'));
    const json = JSON.parse((await runCli(['verify', '--url', url, '--format', 'json'], { cwd: dir })).stdout) as { ok: boolean; assertions: { name: string; ok: boolean }[]; unpopulated: string[] };
    expect(json.unpopulated).toEqual([]);
    expect(json.assertions.filter((a) => !a.ok).map((a) => a.name)).toEqual(['invoices_by_total']);
    // A declared index dropped by hand is a failure of the first check.
    await withDatabase(url, (db) => db.exec('DROP INDEX invoices_status_issued_at_idx'));
    const dropped = await runCli(['verify', '--url', url], { cwd: dir });
    expect(dropped.stdout).toContain('FAIL declared objects exist and match: 1 problem(s)');
    expect(dropped.stdout).toMatch(/FAIL assertion invoices_page_by_status/);
  });
});
