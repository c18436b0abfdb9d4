import { queryAssertion, sql } from 'schemac';

/**
 * Query assertions checked by `schemac verify` on a live database: the pages and queues the
 * application reads most must be served by the index built for them.
 */

/** The payments screen: one organization's payments in a status, newest first. */
export const paymentsByStatusPage = queryAssertion('payments_by_organization_status_page', {
  sql: sql`SELECT id, amount, currency, created_at
    FROM public.payments
    WHERE organization_id = '00000000-0000-0000-0000-000000000001' AND status = 'settled'
    ORDER BY created_at DESC
    LIMIT 50`,
  usesIndex: 'payments_org_status_created_idx',
  comment: 'Payments list filtered by status; amount and currency come from the INCLUDE columns. (Open payments, pending or processing, are served by the smaller partial index payments_open_idx.)',
});

/** The audit trail of an organization, newest first (auditors page through it). */
export const auditTrailPage = queryAssertion('audit_log_organization_page', {
  sql: sql`SELECT id, actor_type, action, object_type, object_id, created_at
    FROM public.audit_log
    WHERE organization_id = '00000000-0000-0000-0000-000000000001'
    ORDER BY created_at DESC
    LIMIT 100`,
  usesIndex: 'audit_log_org_created_idx',
});

/** The review queue of investors a fund administrator reported that no mapping covers yet. */
export const unmappedInvestorQueue = queryAssertion('fund_admin_unmapped_investor_queue', {
  sql: sql`SELECT id, external_investor_id, investor_name, created_at
    FROM public.fund_admin_unmapped_investors
    WHERE organization_id = '00000000-0000-0000-0000-000000000001' AND resolved_at IS NULL AND NOT ignored
    ORDER BY created_at
    LIMIT 50`,
  usesIndex: 'fund_admin_unmapped_investors_open_idx',
});
