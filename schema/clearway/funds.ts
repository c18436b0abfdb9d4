import { bigint, check, date, enumColumn, index, integer, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { capitalCallStatus, documentKind } from './enums.ts';
import { organizations, users } from './organizations.ts';

/** Files uploaded or generated for an organization (notices, K-1s, agreements). */
export const documents = table('documents', {
  comment: 'Files uploaded or generated for an organization',
  compliance: { tenant: { column: 'organization_id' }, activities: ['fund-administration'], recordClass: 'fund-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    uploaded_by: uuid({
      references: { table: users, onDelete: 'set null' },
      personal: { categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' },
    }),
    kind: enumColumn(documentKind, { notNull: true, default: 'other', personal: false }),
    title: text({ notNull: true, personal: false, sensitivity: 'confidential' }),
    storage_key: text({ notNull: true, unique: true, comment: 'Object-store key of the file', personal: false, sensitivity: 'restricted' }),
    content_type: varchar({ length: 255, notNull: true, default: 'application/pdf', personal: false }),
    size_bytes: bigint({ notNull: true, check: sql`size_bytes >= 0`, personal: false }),
    tags: text({ array: true, notNull: true, default: [], personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [index(['organization_id', 'kind', 'created_at'])],
});

/** A request from a fund to its investors for committed capital. */
export const capitalCalls = table('capital_calls', {
  comment: 'A request from a fund to its investors for committed capital',
  compliance: { tenant: { column: 'organization_id' }, activities: ['fund-administration'], recordClass: 'fund-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    notice_document_id: uuid({ references: { table: documents, onDelete: 'set null' }, personal: false }),
    call_number: integer({ notNull: true, personal: false }),
    fund_name: text({ notNull: true, personal: false, sensitivity: 'internal' }),
    amount: numeric({ precision: 18, scale: 2, notNull: true, comment: 'Total called, in the fund currency', personal: false, sensitivity: 'confidential' }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    status: enumColumn(capitalCallStatus, { notNull: true, default: 'draft', personal: false }),
    due_date: date({ notNull: true, personal: false }),
    issued_at: timestamptz({ personal: false }),
    created_by: uuid({
      references: { table: users },
      personal: { categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' },
    }),
    created_at: timestamptz({ notNull: true, default: sql`CURRENT_TIMESTAMP`, personal: false }),
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
