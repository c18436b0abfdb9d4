/**
 * Post-migration validation queries, checked by `schemac verify`: a validation query lists what is
 * wrong (`expect: 'no rows'`); `usesIndex` says a hot lookup can be served by its index.
 */
import { queryAssertion, sql } from 'schemac';

export const everyInvestmentHasRegDRecord = queryAssertion('every_investment_has_reg_d_record', {
  sql: sql`SELECT i.id FROM public.investments i
WHERE i.status <> 'cancelled'
  AND NOT EXISTS (SELECT 1 FROM public.reg_d_records r WHERE r.investment_id = i.id)`,
  expect: 'no rows',
  comment: 'every sale relies on a Regulation D exemption that is on record',
});

export const everyUserHasComplianceProfile = queryAssertion('every_user_has_compliance_profile', {
  sql: sql`SELECT u.id FROM public.users u
WHERE NOT EXISTS (SELECT 1 FROM public.compliance_profiles p WHERE p.user_id = u.id)`,
  expect: 'no rows',
});

export const everyLiveLeadHasSyndicate = queryAssertion('every_open_or_converted_lead_has_syndicate', {
  sql: sql`SELECT l.id FROM public.leads l
WHERE l.status IN ('open', 'converted')
  AND NOT EXISTS (SELECT 1 FROM public.syndicates s WHERE s.lead_id = l.id)`,
  expect: 'no rows',
});

export const noExpiredAccreditation = queryAssertion('no_expired_accreditation_marked_accredited', {
  sql: sql`SELECT p.user_id, p.accreditation_expires_at FROM public.compliance_profiles p
WHERE p.accredited AND p.accreditation_expires_at <= now()`,
  expect: 'no rows',
  comment: 'the daily expiry job clears accredited once the verification runs out',
});

export const noSanctionedMemberWithLiveCommitment = queryAssertion('no_sanctioned_investor_with_live_commitment', {
  sql: sql`SELECT c.id, c.investor_id FROM public.syndicate_investments c
JOIN public.compliance_profiles p ON p.user_id = c.investor_id
WHERE p.sanctions_status = 'confirmed_match' AND c.status IN ('committed', 'funded')`,
  expect: 'no rows',
});

export const noLimitExceeded = queryAssertion('no_investment_limit_exceeded', {
  sql: sql`SELECT p.user_id FROM public.compliance_profiles p
WHERE p.annual_investment_limit IS NOT NULL AND p.investment_limit_used > p.annual_investment_limit`,
  expect: 'no rows',
});

export const openOrderBook = queryAssertion('open_order_book_uses_index', {
  sql: sql`SELECT o.id, o.limit_price, o.quantity - o.filled_quantity AS remaining FROM public.orders o
WHERE o.company_id = '00000000-0000-0000-0000-000000000001' AND o.side = 'buy' AND o.status IN ('open', 'partially_filled')
ORDER BY o.limit_price DESC LIMIT 50`,
  usesIndex: 'orders_open_book_idx',
  comment: 'the order book page: best bids of one company',
});

export const accreditationExpiryJob = queryAssertion('accreditation_expiry_job_uses_index', {
  sql: sql`SELECT p.user_id FROM public.compliance_profiles p
WHERE p.accredited AND p.accreditation_expires_at < now() + interval '7 days'`,
  usesIndex: 'compliance_profiles_accreditation_expiry_idx',
  comment: 'the daily job that warns of and clears expiring accreditations',
});
