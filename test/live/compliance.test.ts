/**
 * Compliance annotations enforced on real databases: tenants cannot see or write each other's
 * rows through the generated policies; an append-only table refuses UPDATE, DELETE and TRUNCATE;
 * a held subject's rows cannot be deleted or changed; a hand-removed tenant policy is drift; and,
 * through the CLI, generate refuses to drop a table under legal hold.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import { detectDrift } from '../../compiler/drift/index.js';
import { index, jsonb, processingActivity, retentionRule, sql, table, text, timestamptz, uuid } from '../../compiler/index.js';
import { introspect } from '../../compiler/introspect/index.js';
import { EMPTY_SCHEMA, NO_SOURCES } from '../../compiler/model/types.js';
import { comparableSchemas } from '../../compiler/workflows.js';
import { BACKENDS, freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { makeProject, runCli, writeProjectFiles } from '../helpers/cli.js';
import { declareEnforced, describeChanges, migrationSql, remainingChanges, runScript } from '../helpers/schema.js';

const ORG_A = '00000000-0000-0000-0000-00000000000a';
const ORG_B = '00000000-0000-0000-0000-00000000000b';

const onboarding = processingActivity('onboarding', { name: 'Investor onboarding', purpose: 'KYC', lawfulBasis: 'legal-obligation', subjects: ['investor'] });
const aml = retentionRule('aml-5y', { duration: 'P5Y', start: { column: 'created_at' }, bound: 'minimum', action: 'delete', citations: ['31 CFR 1010.430'] });
const notPersonal = { personal: false } as const;

const investors = table('investors', {
  compliance: { tenant: { column: 'organization_id' }, activities: ['onboarding'], retention: 'aml-5y', subjectKey: 'id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    organization_id: uuid({ notNull: true, ...notPersonal }),
    email: text({ notNull: true, sensitivity: 'confidential', personal: { categories: ['contact.email'], subjects: ['investor'], identifiability: 'direct', erasure: 'retain-legal-obligation' } }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  indexes: [index(['organization_id', 'created_at'])],
});

const auditLog = table('audit_log', {
  compliance: { tenant: { global: 'platform audit trail, read by operators only' }, appendOnly: { writers: [] }, retention: 'aml-5y' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, ...notPersonal }),
    action: text({ notNull: true, ...notPersonal }),
    payload: jsonb(notPersonal),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
});

/** A role without BYPASSRLS that the test session switches to, as an application would connect. */
async function asApplication(db: Database, role: string): Promise<void> {
  await db.exec(`DO $$ BEGIN CREATE ROLE ${role}; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
    GRANT USAGE ON SCHEMA public TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON public.investors TO ${role}`);
}

describe.each(BACKENDS)('compliance enforcement on %s', (backend) => {
  it('tenant isolation, append-only and row-level legal holds hold on the database, and removing a policy is drift', async () => {
    const schema = await declareEnforced(onboarding, aml, investors, auditLog);
    const role = `tenant_app_${backend}`;
    await withDatabase(await freshDatabaseUrl(backend), async (db) => {
      const { up, down } = await migrationSql(EMPTY_SCHEMA, schema);
      await runScript(db, up);
      expect(describeChanges(await remainingChanges(db, schema))).toEqual([]);
      await asApplication(db, role);

      // Tenants: each sees and writes only its own rows.
      await db.exec(`SET ROLE ${role}; SET app.organization_id = '${ORG_A}'`);
      await db.exec(`INSERT INTO public.investors (organization_id, email) VALUES ('${ORG_A}', 'a1@x'), ('${ORG_A}', 'a2@x')`);
      await expect(db.exec(`INSERT INTO public.investors (organization_id, email) VALUES ('${ORG_B}', 'sneaky@x')`)).rejects.toThrow(/row-level security/);
      await db.exec(`SET app.organization_id = '${ORG_B}'`);
      await db.exec(`INSERT INTO public.investors (organization_id, email) VALUES ('${ORG_B}', 'b1@x')`);
      const seenByB = await db.query<{ email: string }>('SELECT email FROM public.investors ORDER BY email');
      expect(seenByB.map((r) => r.email)).toEqual(['b1@x']);
      await db.exec(`UPDATE public.investors SET email = 'hijacked' WHERE organization_id = '${ORG_A}'`);
      await db.exec('RESET app.organization_id');
      expect(await db.query('SELECT * FROM public.investors'), 'no tenant set: no rows').toEqual([]);
      await db.exec('RESET ROLE');
      const all = await db.query<{ email: string }>('SELECT email FROM public.investors ORDER BY email');
      expect(all.map((r) => r.email), "B could not change A's rows").toEqual(['a1@x', 'a2@x', 'b1@x']);

      // Append-only: rows go in, never change or go away — not even for the owner.
      await db.exec("INSERT INTO public.audit_log (action) VALUES ('signed')");
      await expect(db.exec("UPDATE public.audit_log SET action = 'edited'")).rejects.toThrow(/UPDATE on public\.audit_log is not allowed: the table is append-only/);
      await expect(db.exec('DELETE FROM public.audit_log')).rejects.toThrow(/DELETE on public\.audit_log is not allowed/);
      await expect(db.exec('TRUNCATE public.audit_log')).rejects.toThrow(/TRUNCATE on public\.audit_log is not allowed/);

      // Row-level legal hold: the held subject's rows cannot be deleted or changed; others can.
      const [held] = await db.query<{ id: string }>("SELECT id::text FROM public.investors WHERE email = 'a1@x'");
      await db.exec(`INSERT INTO compliance.legal_holds (relation, subject, matter, placed_by) VALUES ('public.investors', '${held!.id}', 'SEC v. Example', 'counsel@example.com')`);
      await expect(db.exec(`DELETE FROM public.investors WHERE id = '${held!.id}'`)).rejects.toThrow(/under legal hold/);
      await expect(db.exec(`UPDATE public.investors SET email = 'x' WHERE id = '${held!.id}'`)).rejects.toThrow(/under legal hold/);
      await db.exec("DELETE FROM public.investors WHERE email = 'a2@x'");
      await db.exec(`UPDATE compliance.legal_holds SET released_at = now() WHERE subject = '${held!.id}'`);
      await db.exec(`DELETE FROM public.investors WHERE id = '${held!.id}'`);

      // Drift: a tenant policy dropped by hand, and an annotation edited by hand.
      await db.exec('DROP POLICY tenant_isolation ON public.investors');
      await db.exec(`COMMENT ON COLUMN public.investors.email IS 'just an email'`);
      await db.exec('CREATE TABLE public.shadow_copy (email text)');
      const comparable = await comparableSchemas(db, schema, await introspect(db), { devDatabase: false });
      const report = detectDrift(comparable.live, comparable.declared, NO_SOURCES, { classified: true });
      expect(report.items.map((i) => `${i.kind} ${i.path}`)).toEqual(expect.arrayContaining(['missing policy:public.investors.tenant_isolation', 'different column:public.investors.email']));
      expect(report.items.map((i) => i.message)).toContain('table public.shadow_copy exists in the database but is not declared: its data is unclassified');
      await db.exec('DROP TABLE public.shadow_copy');

      // The rollback removes everything again (the guards included).
      await db.exec('CREATE POLICY tenant_isolation ON public.investors AS RESTRICTIVE USING (true)');
      await db.exec(`DELETE FROM compliance.legal_holds; REVOKE USAGE ON SCHEMA public FROM ${role}`);
      await runScript(db, down);
      expect(describeChanges(await remainingChanges(db, EMPTY_SCHEMA)).filter((c) => !c.includes('schema:public'))).toEqual([]);
    });
  });
});

const HELD = `import { processingActivity, retentionRule, sql, table, text, timestamptz, uuid } from 'schemac';

export const filings = retentionRule('sec-17a-4', { duration: 'P6Y', start: { column: 'filed_at' }, bound: 'minimum', action: 'archive', citations: ['SEC Rule 17a-4(b)'] });

export const documents = table('documents', {
  compliance: { retention: 'sec-17a-4', legalHold: { matter: 'SEC v. Fund IV', placedBy: 'general.counsel@example.com', placedAt: '2026-10-01' } },
  columns: {
    id: uuid({ primaryKey: true, default: sql\`gen_random_uuid()\`, personal: false }),
    title: text({ notNull: true, personal: false }),
    filed_at: timestamptz({ notNull: true, default: sql\`now()\`, personal: false }),
  },
});
`;

describe('legal holds at generate time (CLI)', () => {
  it('a migration that drops or changes a held table is refused, and cannot be waived', async () => {
    const dir = makeProject({ 'schema/index.ts': HELD });
    const init = await runCli(['generate', '--name', 'init'], { cwd: dir });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    // Drop the table (acknowledging the lint finding and waiving retention is not enough).
    writeProjectFiles(dir, {
      'schema/index.ts': `${HELD.replace(/export const documents[\s\S]*$/, '')}
import { acknowledge, waiver } from 'schemac';
export const ok = acknowledge('SC601', 'table:public.documents', 'case closed');
export const w = waiver({ rule: 'SC720', target: 'table:public.documents', reason: 'case closed', approver: 'gc@example.com', expires: '2999-01-01' });
`,
    });
    const dropped = await runCli(['generate', '--name', 'drop documents'], { cwd: dir });
    expect(dropped.code).toBe(2);
    expect(dropped.stderr).toContain('SC720 error: table public.documents is under legal hold (SEC v. Fund IV, placed by general.counsel@example.com on 2026-10-01); this migration drops it');
    expect(dropped.stderr).toContain('SC721 error: dropping table public.documents deletes records kept for at least P6Y under sec-17a-4');
    // Retyping a column of a held table is refused too.
    writeProjectFiles(dir, { 'schema/index.ts': HELD.replace("title: text({ notNull: true, personal: false })", "title: text({ notNull: true, personal: false, sensitivity: 'public' }),\n    pages: text({ personal: false })") });
    expect((await runCli(['generate', '--check'], { cwd: dir })).code, 'adding a column to a held table is fine').toBe(1);
    writeProjectFiles(dir, { 'schema/index.ts': HELD.replace("filed_at: timestamptz({ notNull: true, default: sql\\`now()\\`, personal: false })", "filed_at: timestamptz({ notNull: true, default: sql\\`now()\\`, personal: false }),\n    x: text({ personal: false })").replace("title: text(", "title: integer(").replace("import { processingActivity,", "import { integer, processingActivity,") });
    const retyped = await runCli(['generate'], { cwd: dir });
    expect(retyped.code).toBe(2);
    expect(retyped.stderr).toContain('this migration changes the type of title');
  });
});
