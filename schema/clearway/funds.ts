import { bigint, check, date, enumColumn, index, integer, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { capitalCallStatus, documentKind } from './enums.ts';
import { organizations, users } from './organizations.ts';

/** Files uploaded or generated for an organization (notices, K-1s, agreements). */
export const documents = table('documents', {
  comment: 'Files uploaded or generated for an organization',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' } }),
    uploaded_by: uuid({ references: { table: users, onDelete: 'set null' } }),
    kind: enumColumn(documentKind, { notNull: true, default: 'other' }),
    title: text({ notNull: true }),
    storage_key: text({ notNull: true, unique: true, comment: 'Object-store key of the file' }),
    content_type: varchar({ length: 255, notNull: true, default: 'application/pdf' }),
    size_bytes: bigint({ notNull: true, check: sql`size_bytes >= 0` }),
    tags: text({ array: true, notNull: true, default: [] }),
    created_at: timestamptz({ notNull: true, default: sql`now()` }),
  },
  indexes: [index(['organization_id', 'kind', 'created_at'])],
});

/** A request from a fund to its investors for committed capital. */
export const capitalCalls = table('capital_calls', {
  comment: 'A request from a fund to its investors for committed capital',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' } }),
    notice_document_id: uuid({ references: { table: documents, onDelete: 'set null' } }),
    call_number: integer({ notNull: true }),
    fund_name: text({ notNull: true }),
    amount: numeric({ precision: 18, scale: 2, notNull: true, comment: 'Total called, in the fund currency' }),
    currency: varchar({ length: 3, notNull: true, default: 'USD' }),
    status: enumColumn(capitalCallStatus, { notNull: true, default: 'draft' }),
    due_date: date({ notNull: true }),
    issued_at: timestamptz(),
    created_by: uuid({ references: { table: users } }),
    created_at: timestamptz({ notNull: true, default: sql`CURRENT_TIMESTAMP` }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'fund_name', 'call_number'] }],
  checks: [
    check(sql`amount > 0`, { name: 'capital_calls_amount_positive' }),
    check(sql`currency IN ('USD', 'EUR', 'GBP', 'CHF')`, { name: 'capital_calls_currency_known' }),
    check(sql`status = 'draft' OR issued_at IS NOT NULL`, { name: 'capital_calls_issued_when_not_draft' }),
  ],
  indexes: [
    index(['organization_id', 'status', 'due_date']),
    index([{ column: 'due_date', order: 'desc' }], { name: 'capital_calls_due_date_desc_idx' }),
  ],
});
