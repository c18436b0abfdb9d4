import { index, materializedView, sql } from 'schemac';

/** Computed money columns: not personal, as confidential as the amounts they add up. */
const amount = { personal: false, sensitivity: 'confidential' } as const;
const notPersonal = { personal: false } as const;

/**
 * Settled payments per capital call, as both views read them. Materialized views are not subject
 * to row-level security: they hold every tenant's rows, so readers must filter on organization_id
 * (every index below leads with it), and REFRESH must run as a role that sees every tenant's rows
 * (BYPASSRLS): the tenant tables force row-level security on their owner too.
 */
const settledPerCall = sql`SELECT capital_call_id, sum(amount) AS amount_settled, max(settled_at) AS last_settled_at
  FROM public.payments WHERE status = 'settled' GROUP BY capital_call_id`;

/** Capital called and paid per fund and month of the due date (issued calls only). */
export const monthlyCapitalCallSummary = materializedView('monthly_capital_call_summary', {
  comment: 'Capital called and paid per organization, fund, currency and month of the due date; refresh with REFRESH MATERIALIZED VIEW CONCURRENTLY',
  query: sql`SELECT c.organization_id,
    c.fund_name,
    c.currency,
    date_trunc('month', c.due_date)::date AS month,
    count(*) AS calls,
    count(*) FILTER (WHERE c.status = 'paid') AS calls_paid,
    sum(c.amount) AS amount_called,
    coalesce(sum(p.amount_settled), 0) AS amount_paid,
    sum(c.amount) - coalesce(sum(p.amount_settled), 0) AS amount_outstanding,
    now() AS refreshed_at
  FROM public.capital_calls c
  LEFT JOIN (${settledPerCall.text}) p ON p.capital_call_id = c.id
  WHERE c.status NOT IN ('draft', 'cancelled')
  GROUP BY c.organization_id, c.fund_name, c.currency, date_trunc('month', c.due_date)::date`,
  classify: {
    month: notPersonal,
    calls: notPersonal,
    calls_paid: notPersonal,
    amount_called: amount,
    amount_paid: amount,
    amount_outstanding: amount,
    refreshed_at: notPersonal,
  },
  columnComments: { month: 'First day of the month the calls were due', amount_outstanding: 'Called but not yet settled' },
  indexes: [
    // One row per organization, fund, currency and month (needed by REFRESH … CONCURRENTLY). Not an
    // index `comment`: schemac drops comments of materialized-view indexes (not rendered, not diffed).
    index(['organization_id', 'fund_name', 'currency', 'month'], { unique: true, name: 'monthly_capital_call_summary_key' }),
    index(['organization_id', { column: 'month', order: 'desc' }], { name: 'monthly_capital_call_summary_org_month_idx', include: ['amount_called', 'amount_paid'] }),
  ],
});

/** Totals per fund: called, paid, outstanding, overdue calls, latest payment. */
export const fundPerformanceSummary = materializedView('fund_performance_summary', {
  comment: 'Capital called, paid and outstanding per organization, fund and currency; refresh with REFRESH MATERIALIZED VIEW CONCURRENTLY',
  query: sql`SELECT c.organization_id,
    c.fund_name,
    c.currency,
    count(*) AS calls_issued,
    count(*) FILTER (WHERE c.status <> 'paid' AND c.due_date < CURRENT_DATE) AS calls_overdue,
    min(c.due_date) AS first_due_date,
    max(c.due_date) AS last_due_date,
    sum(c.amount) AS total_called,
    coalesce(sum(p.amount_settled), 0) AS total_paid,
    sum(c.amount) - coalesce(sum(p.amount_settled), 0) AS total_outstanding,
    round(coalesce(sum(p.amount_settled), 0) / nullif(sum(c.amount), 0), 4) AS paid_ratio,
    max(p.last_settled_at) AS last_payment_at,
    now() AS refreshed_at
  FROM public.capital_calls c
  LEFT JOIN (${settledPerCall.text}) p ON p.capital_call_id = c.id
  WHERE c.status NOT IN ('draft', 'cancelled')
  GROUP BY c.organization_id, c.fund_name, c.currency`,
  classify: {
    calls_issued: notPersonal,
    calls_overdue: notPersonal,
    first_due_date: notPersonal,
    last_due_date: notPersonal,
    total_called: amount,
    total_paid: amount,
    total_outstanding: amount,
    paid_ratio: amount,
    last_payment_at: notPersonal,
    refreshed_at: notPersonal,
  },
  columnComments: { paid_ratio: 'total_paid / total_called, 4 decimals', calls_overdue: 'Calls past their due date and not fully paid, as of refreshed_at' },
  indexes: [
    // One row per organization, fund and currency (needed by REFRESH … CONCURRENTLY); see above on comments.
    index(['organization_id', 'fund_name', 'currency'], { unique: true, name: 'fund_performance_summary_key' }),
    index(['organization_id', { column: 'total_outstanding', order: 'desc' }], { name: 'fund_performance_summary_org_outstanding_idx' }),
  ],
});
