/**
 * Performance and analytics (migration 2): aggregates computed by batch jobs. They hold no personal
 * data: per-investor figures stay in the securities records they are computed from.
 */
import { bigint, check, date, enumColumn, index, integer, jsonb, numeric, sql, table, timestamptz, uuid } from 'schemac';
import { confidential, notPersonal } from './classify.ts';
import { spvs, syndicates } from './marketplace.ts';
import { analyticsScope } from './enums.ts';

/** Valuation multiples of a syndicate or SPV, as of a date (Advisers Act Rule 204-2(a)(16)). */
export const performanceMetrics = table('performance_metrics', {
  comment: 'Valuation multiples of a syndicate or an SPV as of a date',
  compliance: { recordClass: 'securities-record' },
  columns: {
    id: bigint({ primaryKey: true, identity: 'always', ...notPersonal }),
    syndicate_id: uuid({ references: { table: syndicates, onDelete: 'restrict' }, ...notPersonal }),
    spv_id: uuid({ references: { table: spvs, onDelete: 'restrict' }, ...notPersonal }),
    as_of: date({ notNull: true, ...notPersonal }),
    total_invested: numeric({ precision: 18, scale: 2, notNull: true, check: sql`total_invested >= 0`, ...confidential }),
    current_value: numeric({ precision: 18, scale: 2, notNull: true, check: sql`current_value >= 0`, ...confidential }),
    realized_value: numeric({ precision: 18, scale: 2, notNull: true, default: 0, check: sql`realized_value >= 0`, ...confidential }),
    tvpi: numeric({ precision: 10, scale: 4, comment: 'Total value to paid-in', ...confidential }),
    dpi: numeric({ precision: 10, scale: 4, comment: 'Distributions to paid-in', ...confidential }),
    irr: numeric({ precision: 9, scale: 6, comment: 'Net IRR as a fraction (0.25 = 25 %)', ...confidential }),
    valuation_source: jsonb({ notNull: true, default: {}, comment: 'Marks used: last round, 409A, secondary trades', ...confidential }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  checks: [check(sql`num_nonnulls(syndicate_id, spv_id) = 1`, { name: 'performance_metrics_one_subject' })],
  indexes: [
    index(['syndicate_id', { column: 'as_of', order: 'desc' }], { name: 'performance_metrics_syndicate_as_of_key', unique: true, where: sql`syndicate_id IS NOT NULL` }),
    index(['spv_id', { column: 'as_of', order: 'desc' }], { name: 'performance_metrics_spv_as_of_key', unique: true, where: sql`spv_id IS NOT NULL` }),
  ],
});

/** Daily platform, syndicate, SPV and company aggregates for dashboards. */
export const analyticsSnapshots = table('analytics_snapshots', {
  comment: 'Daily aggregates for dashboards: platform-wide, or of one syndicate, SPV or company',
  columns: {
    id: bigint({ primaryKey: true, identity: 'always', ...notPersonal }),
    snapshot_date: date({ notNull: true, ...notPersonal }),
    scope: enumColumn(analyticsScope, { notNull: true, ...notPersonal }),
    scope_id: uuid({ comment: 'The syndicate, SPV or company; NULL for the platform', ...notPersonal }),
    active_investors: integer({ notNull: true, default: 0, check: sql`active_investors >= 0`, ...notPersonal }),
    total_committed: numeric({ precision: 18, scale: 2, notNull: true, default: 0, ...confidential }),
    total_funded: numeric({ precision: 18, scale: 2, notNull: true, default: 0, ...confidential }),
    open_orders: integer({ notNull: true, default: 0, ...notPersonal }),
    trade_volume: numeric({ precision: 20, scale: 2, notNull: true, default: 0, ...confidential }),
    metrics: jsonb({ notNull: true, default: {}, comment: 'Further aggregates (no per-investor values)', ...confidential }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, ...notPersonal }),
  },
  checks: [check(sql`(scope = 'platform') = (scope_id IS NULL)`, { name: 'analytics_snapshots_scope_id_matches_scope' })],
  indexes: [
    index(['scope', 'scope_id', 'snapshot_date'], { name: 'analytics_snapshots_scope_date_key', unique: true, nullsNotDistinct: true }),
    index(['snapshot_date'], { using: 'brin' }),
  ],
});
