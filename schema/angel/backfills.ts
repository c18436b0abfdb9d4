/**
 * The marketplace plan's backfills (migration 2), each run right after the table it fills is
 * created: the platform already holds users, investments and leads. Each marks the rows it writes
 * (`origin`), so its reverse removes exactly those.
 *
 * None of these tables is tenant-scoped (the marketplace is one community, not tenants), so no
 * row-level security filters the inserts.
 */
import { dataStep, sql } from 'schemac';

/** Every existing user gets a compliance profile, with KYC not started and a review due in 30 days. */
export const backfillComplianceProfiles = dataStep('backfill_compliance_profiles', {
  after: 'table:public.compliance_profiles',
  up: sql`INSERT INTO public.compliance_profiles (user_id, next_review_due, origin)
SELECT u.id, CURRENT_DATE + 30, 'user_backfill'
FROM public.users u
ON CONFLICT (user_id) DO NOTHING`,
  down: sql`DELETE FROM public.compliance_profiles WHERE origin = 'user_backfill'`,
  comment: 'one compliance profile per existing user (KYC not started, review due in 30 days)',
});

/**
 * Every existing investment that was not cancelled gets a Regulation D record: Rule 506(b) (the
 * platform did not solicit generally before the marketplace), pending review by compliance.
 */
export const backfillRegDRecords = dataStep('backfill_reg_d_records', {
  after: 'table:public.reg_d_records',
  up: sql`INSERT INTO public.reg_d_records (investment_id, exemption, review_status, origin)
SELECT i.id, 'rule_506b', 'pending_review', 'investment_backfill'
FROM public.investments i
WHERE i.status <> 'cancelled'
ON CONFLICT (investment_id) DO NOTHING`,
  down: sql`DELETE FROM public.reg_d_records WHERE origin = 'investment_backfill'`,
  comment: 'one Regulation D record (Rule 506(b), pending review) per existing investment that was not cancelled',
});

/** Every open or converted lead becomes a syndicate led by the same investor. */
export const backfillSyndicates = dataStep('backfill_syndicates_from_leads', {
  after: 'table:public.syndicates',
  up: sql`INSERT INTO public.syndicates (lead_id, lead_investor_id, company_id, name, description, status, carry_percent, minimum_investment, target_amount, opened_at, closed_at, origin, created_at)
SELECT l.id, l.lead_investor_id, l.company_id, l.title, l.summary,
       CASE l.status WHEN 'open' THEN 'open' ELSE 'closed' END::public.syndicate_status,
       l.carry_percent, l.minimum_check, l.target_raise,
       l.created_at, CASE WHEN l.status = 'converted' THEN greatest(l.updated_at, l.created_at) END,
       'lead_backfill', l.created_at
FROM public.leads l
WHERE l.status IN ('open', 'converted')
ON CONFLICT (lead_id) DO NOTHING`,
  down: sql`DELETE FROM public.syndicates WHERE origin = 'lead_backfill'`,
  comment: 'one syndicate per open or converted lead (open leads stay open; converted ones are closed)',
});
