/**
 * The angel system's backfills on a database that already holds the pre-marketplace platform:
 * migration 1 (core) is applied, rows are inserted, then migration 2 (marketplace_and_compliance)
 * creates the compliance profiles, Regulation D records and syndicates for them. The declared
 * validation queries (schema/angel/assertions.ts) then find nothing, and do find a violation;
 * the hot lookups can use their indexes; rolling migration 2 back keeps the core rows.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshDatabaseUrl, withDatabase } from '../helpers/backends.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const cli = (args: readonly string[]) => runCli(['--project', 'angel', ...args], { cwd: REPO_ROOT });
const [core, marketplace] = readdirSync(path.join(REPO_ROOT, 'generated/angel/migrations')).sort();

/** `schemac verify --format json`: each declared assertion's outcome, by name. */
async function verify(url: string): Promise<{ code: number; ok: boolean; assertions: Record<string, boolean> }> {
  const result = await cli(['verify', '--url', url, '--format', 'json']);
  const report = JSON.parse(result.stdout) as { ok: boolean; assertions: { name: string; ok: boolean }[] };
  return { code: result.code, ok: report.ok, assertions: Object.fromEntries(report.assertions.map((a) => [a.name, a.ok])) };
}

const PLATFORM = `
INSERT INTO users (id, email, full_name, role, country) VALUES
  ('00000000-0000-0000-0000-0000000000a1', 'ada@example.com', 'Ada Lead', 'syndicate_lead', 'US'),
  ('00000000-0000-0000-0000-0000000000a2', 'bob@example.com', 'Bob Investor', 'investor', 'GB'),
  ('00000000-0000-0000-0000-0000000000a3', 'cy@example.com', 'Cy Founder', 'founder', 'US');
INSERT INTO companies (id, name, legal_name, slug, founder_id) VALUES
  ('00000000-0000-0000-0000-000000000001', 'Rocket', 'Rocket Labs, Inc.', 'rocket', '00000000-0000-0000-0000-0000000000a3'),
  ('00000000-0000-0000-0000-000000000002', 'Kettle', 'Kettle AI, Inc.', 'kettle', NULL);
INSERT INTO investments (investor_id, company_id, amount, instrument, status, invested_at) VALUES
  ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001', 25000, 'safe', 'funded', now()),
  ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000001', 10000, 'safe', 'committed', NULL),
  ('00000000-0000-0000-0000-0000000000a2', '00000000-0000-0000-0000-000000000002', 5000, 'convertible_note', 'cancelled', NULL);
INSERT INTO leads (id, company_id, lead_investor_id, title, summary, target_raise, status, created_at, updated_at) VALUES
  ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-0000000000a1', 'Rocket seed', 'Reusable rockets', 500000, 'open', now() - interval '10 days', now()),
  ('00000000-0000-0000-0000-0000000000b2', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-0000000000a1', 'Kettle pre-seed', NULL, 250000, 'converted', now() - interval '90 days', now() - interval '30 days'),
  ('00000000-0000-0000-0000-0000000000b3', '00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-0000000000a1', 'Kettle bridge', NULL, 100000, 'withdrawn', now() - interval '20 days', now());
`;

const count = async (url: string, query: string): Promise<number> =>
  withDatabase(url, async (db) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${query}) q`))[0]!.n);

describe('angel backfills (postgres)', () => {
  it('migration 2 fills compliance profiles, Reg D records and syndicates from the existing platform', async () => {
    expect(core).toMatch(/_core$/);
    expect(marketplace).toMatch(/_marketplace_and_compliance$/);
    const url = await freshDatabaseUrl('postgres');
    const first = await cli(['apply', '--url', url, '--to', core!.slice(0, 14)]);
    expect(first.stderr).toBe('');
    await withDatabase(url, (db) => db.exec(PLATFORM));

    const second = await cli(['apply', '--url', url]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);

    await withDatabase(url, async (db) => {
      const profiles = await db.query<{ user_id: string; origin: string; kyc_status: string; accredited: boolean; due: boolean }>(
        "SELECT user_id::text, origin, kyc_status::text, accredited, next_review_due = CURRENT_DATE + 30 AS due FROM compliance_profiles ORDER BY user_id");
      expect(profiles).toHaveLength(3);
      expect(profiles.every((p) => p.origin === 'user_backfill' && p.kyc_status === 'not_started' && !p.accredited && p.due)).toBe(true);

      const regD = await db.query<{ amount: string; exemption: string; review_status: string; origin: string }>(
        'SELECT i.amount::text, r.exemption::text, r.review_status::text, r.origin FROM reg_d_records r JOIN investments i ON i.id = r.investment_id ORDER BY i.amount');
      expect(regD).toEqual([
        { amount: '10000.00', exemption: 'rule_506b', review_status: 'pending_review', origin: 'investment_backfill' },
        { amount: '25000.00', exemption: 'rule_506b', review_status: 'pending_review', origin: 'investment_backfill' },
      ]);

      const syndicates = await db.query<{ lead: string; name: string; status: string; description: string | null; target: string; closed: boolean; same_start: boolean }>(
        `SELECT s.lead_id::text AS lead, s.name, s.status::text, s.description, s.target_amount::text AS target,
                s.closed_at IS NOT NULL AS closed, s.opened_at = l.created_at AND s.created_at = l.created_at AS same_start
         FROM syndicates s JOIN leads l ON l.id = s.lead_id ORDER BY s.name`);
      expect(syndicates).toEqual([
        { lead: '00000000-0000-0000-0000-0000000000b2', name: 'Kettle pre-seed', status: 'closed', description: null, target: '250000.00', closed: true, same_start: true },
        { lead: '00000000-0000-0000-0000-0000000000b1', name: 'Rocket seed', status: 'open', description: 'Reusable rockets', target: '500000.00', closed: false, same_start: true },
      ]);
      expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM syndicates WHERE origin = 'lead_backfill' AND lead_investor_id = '00000000-0000-0000-0000-0000000000a1'"))[0]!.n).toBe(2);
    });

    // The declared validation queries find nothing after the migration, and the hot lookups can
    // use their indexes …
    const clean = await verify(url);
    expect(clean.assertions).toEqual({
      accreditation_expiry_job_uses_index: true,
      every_investment_has_reg_d_record: true,
      every_open_or_converted_lead_has_syndicate: true,
      every_user_has_compliance_profile: true,
      no_expired_accreditation_marked_accredited: true,
      no_investment_limit_exceeded: true,
      no_sanctioned_investor_with_live_commitment: true,
      open_order_book_uses_index: true,
    });
    expect(clean.ok).toBe(true);
    expect(clean.code).toBe(0);

    // … and they do find what the backfills would have missed, had these rows been there.
    await withDatabase(url, (db) => db.exec(`
      INSERT INTO users (id, email, full_name) VALUES ('00000000-0000-0000-0000-0000000000a4', 'dee@example.com', 'Dee New');
      INSERT INTO investments (investor_id, company_id, amount, instrument) VALUES ('00000000-0000-0000-0000-0000000000a4', '00000000-0000-0000-0000-000000000002', 2500, 'safe');
      INSERT INTO leads (company_id, lead_investor_id, title, target_raise) VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-0000000000a1', 'Kettle A', 900000);
      INSERT INTO compliance_profiles (user_id, accredited, accreditation_method, accreditation_verified_at, accreditation_expires_at)
        VALUES ('00000000-0000-0000-0000-0000000000a4', true, 'income', now() - interval '120 days', now() - interval '30 days');`));
    const broken = await verify(url);
    expect(broken.code).toBe(1);
    expect(broken.assertions).toMatchObject({
      every_investment_has_reg_d_record: false,
      every_open_or_converted_lead_has_syndicate: false,
      no_expired_accreditation_marked_accredited: false,
      every_user_has_compliance_profile: true,
    });

    // Rolling migration 2 back (it strips legal-hold triggers from the core tables: --force) runs
    // the reverse of each data step and keeps the platform's rows.
    const refused = await cli(['rollback', '--url', url, '--to', core!.slice(0, 14)]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('SC723');
    expect(refused.stderr).toContain('users_legal_hold_rows');
    const rolledBack = await cli(['rollback', '--url', url, '--to', core!.slice(0, 14), '--force']);
    expect(rolledBack.stderr).toBe('');
    expect(rolledBack.code).toBe(0);
    expect(await count(url, 'SELECT 1 FROM users')).toBe(4);
    expect(await count(url, 'SELECT 1 FROM investments')).toBe(4);
    expect(await count(url, "SELECT 1 FROM pg_class WHERE relname IN ('compliance_profiles', 'reg_d_records', 'syndicates')")).toBe(0);
  });
});
