import { boolean, check, date, enumColumn, index, integer, jsonb, numeric, smallint, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { accountType, journalEntryStatus, statementKind } from './enums.ts';
import { clients } from './clients.ts';
import { engagements } from './engagements.ts';
import { organizations, users } from './tenancy.ts';
import { clientReference, userReference } from './personal.ts';

/** A client's chart of accounts (the firm keeps the client's books). */
export const chartOfAccounts = table('chart_of_accounts', {
  comment: "A client's chart of accounts",
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    parent_id: uuid({ references: { table: 'chart_of_accounts' }, personal: false }),
    code: varchar({ length: 16, notNull: true, personal: false }),
    name: text({ notNull: true, personal: false }),
    type: enumColumn(accountType, { notNull: true, personal: false }),
    subtype: varchar({ length: 32, personal: false }),
    tax_line: varchar({ length: 32, comment: 'Tax return line the account maps to', personal: false }),
    is_active: boolean({ notNull: true, default: true, personal: false }),
    external_ids: jsonb({ notNull: true, default: {}, comment: 'Ids in connected ledgers (QuickBooks, Xero)', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['client_id', 'code'] }],
  indexes: [
    index(['organization_id', 'client_id', 'type'], { where: sql`is_active`, include: ['code', 'name'], name: 'chart_of_accounts_active_idx' }),
    index(['parent_id'], { where: sql`parent_id IS NOT NULL` }),
    index(['client_id', 'tax_line'], { where: sql`tax_line IS NOT NULL`, name: 'chart_of_accounts_tax_mapping_idx' }),
    index([{ column: 'external_ids', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
  ],
});

/** Accounting periods of a client, closed once reviewed. */
export const fiscalPeriods = table('fiscal_periods', {
  comment: 'Accounting periods of a client, closed once reviewed',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    fiscal_year: smallint({ notNull: true, personal: false }),
    period_number: smallint({ notNull: true, check: sql`period_number BETWEEN 1 AND 13`, personal: false }),
    starts_on: date({ notNull: true, personal: false }),
    ends_on: date({ notNull: true, personal: false }),
    closed_at: timestamptz({ personal: false }),
    closed_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['client_id', 'fiscal_year', 'period_number'] }],
  checks: [check(sql`ends_on >= starts_on`, { name: 'fiscal_periods_order' })],
  indexes: [
    index(['organization_id', 'client_id', 'starts_on', 'ends_on']),
    index(['organization_id', 'ends_on'], { where: sql`closed_at IS NULL`, name: 'fiscal_periods_open_idx' }),
  ],
});

/** A journal entry in a client's books: balanced debits and credits. */
export const journalEntries = table('journal_entries', {
  comment: "A journal entry in a client's books",
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    fiscal_period_id: uuid({ notNull: true, references: { table: fiscalPeriods }, personal: false }),
    entry_number: integer({ notNull: true, personal: false }),
    entry_date: date({ notNull: true, personal: false }),
    status: enumColumn(journalEntryStatus, { notNull: true, default: 'draft', personal: false }),
    source: varchar({ length: 32, notNull: true, default: 'manual', comment: 'manual, bank_feed, adjusting, closing, import', personal: false }),
    memo: text({ personal: false, sensitivity: 'confidential' }),
    reverses_entry_id: uuid({ references: { table: 'journal_entries' }, personal: false }),
    posted_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    posted_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['client_id', 'entry_number'] }],
  checks: [check(sql`(status = 'draft') = (posted_at IS NULL)`, { name: 'journal_entries_posted_has_date' })],
  indexes: [
    index(['organization_id', 'client_id', 'entry_date']),
    index(['fiscal_period_id', 'status']),
    index(['organization_id', 'created_at'], { where: sql`status = 'draft'`, name: 'journal_entries_drafts_idx' }),
    index(['reverses_entry_id'], { unique: true, where: sql`reverses_entry_id IS NOT NULL`, name: 'journal_entries_reversed_once_key' }),
    index(['posted_by']),
    index([{ expression: sql`to_tsvector('english', coalesce(memo, ''))` }], { using: 'gin', name: 'journal_entries_memo_search_idx' }),
  ],
});

/** A debit or credit line of a journal entry. */
export const journalLines = table('journal_lines', {
  comment: 'A debit or credit line of a journal entry',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    journal_entry_id: uuid({ notNull: true, references: { table: journalEntries, onDelete: 'cascade' }, personal: false }),
    account_id: uuid({ notNull: true, references: { table: chartOfAccounts }, personal: false }),
    line_number: smallint({ notNull: true, check: sql`line_number > 0`, personal: false }),
    debit: numeric({ precision: 16, scale: 2, notNull: true, default: 0, check: sql`debit >= 0`, personal: false, sensitivity: 'confidential' }),
    credit: numeric({ precision: 16, scale: 2, notNull: true, default: 0, check: sql`credit >= 0`, personal: false, sensitivity: 'confidential' }),
    description: text({ personal: false, sensitivity: 'confidential' }),
    dimensions: jsonb({ notNull: true, default: {}, comment: 'Class, location, project', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['journal_entry_id', 'line_number'] }],
  checks: [check(sql`(debit = 0) <> (credit = 0)`, { name: 'journal_lines_debit_xor_credit' })],
  indexes: [
    index(['organization_id', 'account_id'], { include: ['debit', 'credit'] }),
    index(['account_id', 'journal_entry_id']),
    index([{ column: 'dimensions', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
  ],
});

/** A financial statement prepared for a client (compiled, reviewed or audited). */
export const financialStatements = table('financial_statements', {
  comment: 'A financial statement prepared for a client',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], recordClass: 'workpaper' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    engagement_id: uuid({ references: { table: engagements, onDelete: 'set null' }, personal: false }),
    kind: enumColumn(statementKind, { notNull: true, personal: false }),
    assurance_level: varchar({ length: 16, notNull: true, default: 'compilation', check: sql`assurance_level IN ('compilation', 'review', 'audit', 'none')`, personal: false }),
    period_start: date({ notNull: true, personal: false }),
    period_end: date({ notNull: true, personal: false }),
    basis: varchar({ length: 16, notNull: true, default: 'accrual', check: sql`basis IN ('accrual', 'cash', 'tax', 'modified_cash')`, personal: false }),
    figures: jsonb({ notNull: true, default: {}, personal: false, sensitivity: 'confidential' }),
    version: integer({ notNull: true, default: 1, personal: false }),
    prepared_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    released_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['client_id', 'kind', 'period_end', 'version'] }],
  checks: [check(sql`period_end > period_start`, { name: 'financial_statements_period_order' })],
  indexes: [
    index(['organization_id', 'client_id', { column: 'period_end', order: 'desc' }], { include: ['kind', 'assurance_level'] }),
    index(['engagement_id']),
    index(['organization_id', 'created_at'], { where: sql`released_at IS NULL`, name: 'financial_statements_unreleased_idx' }),
    index(['figures'], { using: 'gin' }),
    index(['prepared_by']),
  ],
});
