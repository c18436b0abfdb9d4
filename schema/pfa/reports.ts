import { index, materializedView, sql } from 'schemac';
import type { PersonalData } from 'schemac';

/**
 * Aggregates of the holder's transactions are still their financial data, processed for the same
 * activity; a total lives as long as the mirrored rows it is computed from (the next refresh after
 * they go drops it), so it carries their retention rule.
 */
const holderTotals: PersonalData = {
  categories: ['financial.transactions'], subjects: ['account holder'], identifiability: 'quasi', erasure: 'retain-legal-obligation',
  activities: ['household-finances'], retention: 'tax-records',
};

/**
 * KPI summary: totals by account, month and currency, over the mirror with the local delta applied
 * (records deleted locally but not yet pushed are left out). The unique index lets it be refreshed
 * with REFRESH MATERIALIZED VIEW CONCURRENTLY, without blocking readers.
 *
 * The local deletes are excluded with an anti-join rather than `NOT EXISTS (…)`: with the
 * subquery, PostgreSQL 15 stores the outer columns as `t.account_id` and 16+ as `account_id`, and
 * schemac's query comparison (expr/queries.ts strips qualifiers only when the whole query reads one
 * relation) reported the view as drift on PostgreSQL 15. The LEFT JOIN cannot duplicate rows:
 * modifications_one_open_per_record allows one open edit per record.
 */
export const kpiMonthly = materializedView('kpi_monthly', {
  comment: 'Totals by account, month and currency (refresh concurrently after each sync)',
  query: sql`
    SELECT t.account_id,
           date_trunc('month', t.occurred_on)::date AS month,
           t.currency,
           count(*) AS transactions,
           count(*) FILTER (WHERE t.status = 'pending') AS pending,
           coalesce(sum(t.amount) FILTER (WHERE t.amount > 0), 0) AS inflow,
           coalesce(-sum(t.amount) FILTER (WHERE t.amount < 0), 0) AS outflow,
           sum(t.amount) AS net
      FROM mirror_transactions t
      LEFT JOIN modifications m
        ON m.source_id = t.source_id AND m.kind = 'delete' AND m.state IN ('pending', 'pushing')
     WHERE t.status <> 'void'
       AND t.removed_at IS NULL
       AND m.id IS NULL
     GROUP BY t.account_id, date_trunc('month', t.occurred_on)::date, t.currency`,
  columnComments: { month: 'First day of the month', outflow: 'Money out, as a positive amount', net: 'inflow − outflow' },
  classify: {
    month: { personal: false },
    transactions: { personal: false },
    pending: { personal: false },
    inflow: { personal: holderTotals, sensitivity: 'confidential' },
    outflow: { personal: holderTotals, sensitivity: 'confidential' },
    net: { personal: holderTotals, sensitivity: 'confidential' },
  },
  indexes: [
    index(['account_id', 'month', 'currency'], { unique: true, name: 'kpi_monthly_account_month_currency_key' }),
    index([{ column: 'month', order: 'desc' }]),
  ],
});

/** Timeline bounds: the first and last transaction date of each account, for the date pickers. */
export const timelineBounds = materializedView('timeline_bounds', {
  comment: 'First and last transaction date per account (refresh concurrently after each sync)',
  query: sql`
    SELECT account_id,
           min(occurred_on) AS first_on,
           max(occurred_on) AS last_on,
           count(*) AS transactions,
           max(upstream_updated_at) AS last_upstream_change
      FROM mirror_transactions
     WHERE removed_at IS NULL
     GROUP BY account_id`,
  classify: {
    first_on: { personal: holderTotals, sensitivity: 'confidential' },
    last_on: { personal: holderTotals, sensitivity: 'confidential' },
    transactions: { personal: false },
    last_upstream_change: { personal: false },
  },
  indexes: [index(['account_id'], { unique: true, name: 'timeline_bounds_account_id_key' })],
});
