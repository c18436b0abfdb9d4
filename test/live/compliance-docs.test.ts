/**
 * `schemac docs` through the real CLI on PostgreSQL: after generate + apply, the data inventory and
 * the Art. 30 record are written; the security measures in the record are those the database
 * shows (tenant policies, guard triggers, annotated protections), so a trigger dropped or an
 * annotation edited by hand in the database changes the record, while the inventory (declarations)
 * does not change.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { makeProject, runCli } from '../helpers/cli.js';

const SCHEMA = `import { index, numeric, processingActivity, recordClass, retentionRule, sql, table, text, timestamptz, uuid } from 'schemac';

export const onboarding = processingActivity('onboarding', {
  name: 'Investor onboarding', purpose: 'KYC before accepting subscriptions', lawfulBasis: 'legal-obligation', subjects: ['investor'],
  recipients: ['KYC provider'], dpia: 'DPIA-7',
});
export const aml = retentionRule('aml-5y', { duration: 'P5Y', start: { column: 'created_at' }, bound: 'minimum', action: 'delete', citations: ['31 CFR 1010.430'] });
export const books = retentionRule('sec-17a-4', { duration: 'P6Y', start: { column: 'created_at' }, bound: 'minimum', action: 'archive', citations: ['SEC Rule 17a-4(b)'] });
export const capitalCall = recordClass('capital-call', { description: 'Capital call notices', retention: 'sec-17a-4' });

export const investors = table('investors', {
  compliance: { tenant: { column: 'organization_id' }, activities: ['onboarding'], retention: 'aml-5y', subjectKey: 'id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\`, personal: false }),
    organization_id: uuid({ notNull: true, personal: false }),
    email: text({ notNull: true, comment: 'Sign-in address, "primary"', sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['investor'], identifiability: 'direct', erasure: 'retain-legal-obligation' } }),
    tax_id: text({ sensitivity: 'restricted', protection: { encryption: 'application' },
      personal: { categories: ['identity.government_id'], subjects: ['investor'], identifiability: 'direct', erasure: 'retain-legal-obligation' } }),
    created_at: timestamptz({ notNull: true, default: sql\`now()\`, personal: false }),
  },
  indexes: [index(['organization_id', 'created_at'])],
});

export const capitalCalls = table('capital_calls', {
  compliance: { tenant: { global: 'issued by the fund, to every tenant' }, recordClass: 'capital-call', appendOnly: { writers: [] } },
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\`, personal: false }),
    amount: numeric({ precision: 12, scale: 2, notNull: true, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql\`now()\`, personal: false }),
  },
});
`;

const FILES = ['article-30.md', 'data-inventory.csv', 'data-inventory.json', 'data-inventory.md'];

const read = (dir: string, out: string) => Object.fromEntries(FILES.map((f) => [f, readFileSync(path.join(dir, out, f), 'utf8')]));

describe('schemac docs on postgres', () => {
  it('writes the inventory and an Art. 30 record whose security measures come from the database', async () => {
    const url = await freshDatabaseUrl('postgres');
    const dir = makeProject({ 'schema/index.ts': SCHEMA });
    const generated = await runCli(['generate', '--name', 'compliance'], { cwd: dir });
    expect(generated.stderr).toBe('');
    expect(generated.code).toBe(0);
    expect((await runCli(['apply', '--url', url], { cwd: dir })).code).toBe(0);

    // Without a database: the measures are not verified; the default folder is docs/schema.
    const offline = await runCli(['docs'], { cwd: dir });
    expect(offline.stderr).toBe('');
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain(`wrote ${path.join('docs', 'schema', 'article-30.md')}`);
    expect(offline.stdout).toContain('Security measures not verified');
    const unverified = read(dir, 'docs/schema');
    expect(unverified['article-30.md']).toContain('Not verified against a database');

    const live = await runCli(['docs', '--url', url, '--out', 'reports', '--format', 'json', '--controller', 'Example Fund GmbH'], { cwd: dir });
    expect(live.stderr).toBe('');
    expect(live.code).toBe(0);
    // The compliance reports, and the structure files (ER diagram, data dictionary) beside them.
    expect(JSON.parse(live.stdout)).toMatchObject({ files: [...FILES, 'data-dictionary.md', 'erd.md'].sort().map((f) => path.join('reports', f)), verified: true });
    const verified = read(dir, 'reports');
    // The inventory comes from the declarations: the same with or without a database.
    for (const f of ['data-inventory.csv', 'data-inventory.json', 'data-inventory.md']) expect(verified[f], f).toBe(unverified[f]);
    expect(verified['data-inventory.csv']).toContain('public,investors,table,email,3,text,yes,contact.email,investor,direct,confidential,,,,,,,,onboarding,aml-5y,P5Y,,retain-legal-obligation,organization_id (app.organization_id),no,rows by id\r\n');
    expect(JSON.parse(verified['data-inventory.json']!).columns.map((c: { table: string; column: string }) => `${c.table}.${c.column}`)).toEqual([
      'capital_calls.id', 'capital_calls.amount', 'capital_calls.created_at',
      'investors.id', 'investors.organization_id', 'investors.email', 'investors.tax_id', 'investors.created_at',
    ]);

    // Enforcement found in the database (these depend on compliance/enforce.ts being applied by generate).
    const record = verified['article-30.md']!;
    expect(record).toContain('- **Controller** (Art. 30(1)(a)): Example Fund GmbH');
    expect(record).toContain('## Investor onboarding (`onboarding`)');
    expect(record).toContain('Row-level security forced on `public.investors`: policies `tenant_access` (permissive, all, tenant), `tenant_isolation` (restrictive, all, tenant).');
    expect(record).toContain('`public.investors` keeps the rows of subjects under legal hold: the trigger(s) `investors_legal_hold_rows`');
    expect(record).toContain('Row-level legal holds are recorded in `compliance.legal_holds`.');
    expect(record).toContain('`public.investors.tax_id` encrypted (application), as recorded by its intact annotation.');
    expect(record).toMatch(/`public\.capital_calls` is append-only: the trigger\(s\) `capital_calls_append_only` \(BEFORE (UPDATE OR DELETE|DELETE OR UPDATE)\), `capital_calls_append_only_truncate` \(BEFORE TRUNCATE\) refuse those changes\./);
    expect(record).toContain('### Declared but not found in the database\n\n- none\n');
    expect(record).toContain('### Annotations edited by hand\n\n- none\n');

    // Deterministic: the same inputs give the same bytes.
    expect((await runCli(['docs', '--url', url, '--out', 'reports', '--controller', 'Example Fund GmbH'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'reports')).toEqual(verified);

    // A trigger dropped and an annotation edited by hand: the record says so; the inventory does not change.
    await withDatabase(url, async (db) => {
      await db.exec('DROP TRIGGER capital_calls_append_only ON public.capital_calls');
      const [row] = await db.query<{ comment: string }>("SELECT col_description('public.investors'::regclass, 4) AS comment");
      await db.exec(`COMMENT ON COLUMN public.investors.tax_id IS '${row!.comment.replace('application', 'pgcrypto').replaceAll("'", "''")}'`);
    });
    expect((await runCli(['docs', '--url', url, '--out', 'reports'], { cwd: dir })).code).toBe(0);
    const after = read(dir, 'reports');
    expect(after['article-30.md']).not.toContain('`capital_calls_append_only` (');
    expect(after['article-30.md']).toContain('`capital_calls_append_only_truncate` (BEFORE TRUNCATE)');
    expect(after['article-30.md']).toContain('- `public.capital_calls`: declared append-only, but no enabled append-only trigger refuses UPDATE, DELETE');
    expect(after['article-30.md']).not.toContain('`public.investors.tax_id` encrypted');
    expect(after['article-30.md']).toContain('- `column:public.investors.tax_id`: its `@compliance` block does not match its hash');
    expect(after['data-inventory.csv']).toBe(verified['data-inventory.csv']);
  });
});
