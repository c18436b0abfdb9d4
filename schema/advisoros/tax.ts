import { check, date, enumColumn, index, integer, jsonb, numeric, smallint, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { taxReturnStatus } from './enums.ts';
import { clients } from './clients.ts';
import { engagements } from './engagements.ts';
import { organizations, users } from './tenancy.ts';
import { clientFinancial, clientReference, userReference } from './personal.ts';

/** A client's tax return for one year and jurisdiction (federal 1040, state, 1120-S, …). */
export const taxReturns = table('tax_returns', {
  comment: "A client's tax return for one year and jurisdiction",
  compliance: { tenant: { column: 'organization_id' }, activities: ['tax-compliance'], recordClass: 'tax-record', subjectKey: 'client_id', holdable: true },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    engagement_id: uuid({ references: { table: engagements, onDelete: 'set null' }, personal: false }),
    tax_year: smallint({ notNull: true, check: sql`tax_year BETWEEN 1990 AND 2100`, personal: false }),
    jurisdiction: varchar({ length: 8, notNull: true, default: 'US', comment: 'US for federal, else the state code', personal: false }),
    form: varchar({ length: 16, notNull: true, comment: '1040, 1065, 1120-S, 990, …', personal: false }),
    status: enumColumn(taxReturnStatus, { notNull: true, default: 'not_started', personal: false }),
    amendment_number: smallint({ notNull: true, default: 0, check: sql`amendment_number >= 0`, comment: 'Amendment number; 0 for the original return', personal: false }),
    preparer_id: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    reviewer_id: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    due_on: date({ notNull: true, personal: false }),
    extended_due_on: date({ personal: false }),
    filed_at: timestamptz({ personal: false }),
    accepted_at: timestamptz({ personal: false }),
    submission_id: varchar({ length: 20, comment: 'IRS e-file submission id', personal: false, sensitivity: 'confidential' }),
    adjusted_gross_income: numeric({ precision: 16, scale: 2, sensitivity: 'restricted', personal: { ...clientFinancial, categories: ['financial.income'] } }),
    total_tax: numeric({ precision: 16, scale: 2, sensitivity: 'restricted', personal: { ...clientFinancial, categories: ['financial.tax'] } }),
    refund_or_balance_due: numeric({ precision: 16, scale: 2, sensitivity: 'restricted', personal: { ...clientFinancial, categories: ['financial.tax'] } }),
    diagnostics: jsonb({ notNull: true, default: [], comment: 'Preparation software diagnostics', personal: false, sensitivity: 'confidential' }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [
    check(sql`status NOT IN ('filed', 'accepted', 'rejected') OR filed_at IS NOT NULL`, { name: 'tax_returns_filed_has_date' }),
    check(sql`extended_due_on IS NULL OR extended_due_on > due_on`, { name: 'tax_returns_extension_after_due' }),
  ],
  indexes: [
    index(['organization_id', 'client_id', 'tax_year', 'jurisdiction', 'form', 'amendment_number'], { unique: true, name: 'tax_returns_identity_key' }),
    index(['organization_id', 'tax_year', 'status']),
    index(['organization_id', { expression: sql`coalesce(extended_due_on, due_on)` }], { where: sql`status NOT IN ('filed', 'accepted')`, name: 'tax_returns_open_deadline_idx' }),
    index(['preparer_id', 'status'], { include: ['due_on'] }),
    index(['reviewer_id'], { where: sql`status = 'in_review'`, name: 'tax_returns_review_queue_idx' }),
    index(['engagement_id']),
    index(['submission_id'], { unique: true, where: sql`submission_id IS NOT NULL`, name: 'tax_returns_submission_key' }),
    index([{ column: 'diagnostics', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
  ],
});

/** The schedules and forms attached to a return (Schedule C, K-1s, 8829), with their figures. */
export const taxReturnSchedules = table('tax_return_schedules', {
  comment: 'Schedules and forms attached to a return, with their figures',
  compliance: { tenant: { column: 'organization_id' }, activities: ['tax-compliance'], recordClass: 'tax-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    tax_return_id: uuid({ notNull: true, references: { table: taxReturns, onDelete: 'cascade' }, personal: false }),
    schedule: varchar({ length: 16, notNull: true, personal: false }),
    instance: integer({ notNull: true, default: 1, check: sql`instance > 0`, personal: false }),
    figures: jsonb({
      notNull: true, default: {}, sensitivity: 'restricted', comment: 'Line number → amount',
      personal: { ...clientFinancial, categories: ['financial.income', 'financial.tax'] },
    }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['tax_return_id', 'schedule', 'instance'] }],
  indexes: [
    index(['organization_id', 'schedule']),
    index(['figures'], { using: 'gin' }),
  ],
});

/** Quarterly estimated tax payments made by or for a client. */
export const estimatedTaxPayments = table('estimated_tax_payments', {
  comment: 'Quarterly estimated tax payments of a client',
  compliance: { tenant: { column: 'organization_id' }, activities: ['tax-compliance'], recordClass: 'tax-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    tax_year: smallint({ notNull: true, personal: false }),
    quarter: smallint({ notNull: true, check: sql`quarter BETWEEN 1 AND 4`, personal: false }),
    jurisdiction: varchar({ length: 8, notNull: true, default: 'US', personal: false }),
    amount: numeric({ precision: 14, scale: 2, notNull: true, check: sql`amount >= 0`, sensitivity: 'restricted', personal: { ...clientFinancial, categories: ['financial.tax'] } }),
    due_on: date({ notNull: true, personal: false }),
    paid_on: date({ personal: false }),
    confirmation_number: varchar({ length: 32, personal: false, sensitivity: 'confidential' }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['client_id', 'tax_year', 'jurisdiction', 'quarter'] }],
  indexes: [
    index(['organization_id', 'due_on'], { where: sql`paid_on IS NULL`, include: ['client_id', 'amount'], name: 'estimated_tax_payments_unpaid_idx' }),
    index(['organization_id', 'tax_year', 'quarter']),
  ],
});

/** Letters from a tax authority about a client (CP2000, audit notices), and the firm's response. */
export const taxNotices = table('tax_notices', {
  comment: 'Letters from a tax authority about a client, and the response',
  compliance: { tenant: { column: 'organization_id' }, activities: ['tax-compliance'], recordClass: 'tax-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    tax_return_id: uuid({ references: { table: taxReturns, onDelete: 'set null' }, personal: false }),
    authority: varchar({ length: 16, notNull: true, default: 'IRS', personal: false }),
    notice_code: varchar({ length: 16, notNull: true, comment: 'CP2000, LTR 525, …', personal: false }),
    received_on: date({ notNull: true, personal: false }),
    respond_by: date({ personal: false }),
    amount_claimed: numeric({ precision: 14, scale: 2, sensitivity: 'restricted', personal: { ...clientFinancial, categories: ['financial.tax'] } }),
    summary: text({
      sensitivity: 'restricted',
      personal: { categories: ['financial.tax', 'other.free_form'], subjects: ['client'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    assigned_to: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    resolved_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'respond_by'], { where: sql`resolved_at IS NULL`, name: 'tax_notices_open_idx' }),
    index(['organization_id', 'client_id', { column: 'received_on', order: 'desc' }]),
    index(['tax_return_id']),
    index(['assigned_to'], { where: sql`resolved_at IS NULL`, name: 'tax_notices_assignee_open_idx' }),
    index([{ expression: sql`to_tsvector('english', coalesce(notice_code::text, '') || ' ' || coalesce(summary, ''))` }], { using: 'gin', name: 'tax_notices_search_idx' }),
  ],
});
