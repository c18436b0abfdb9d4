import { bigint, char, check, date, enumColumn, foreignKey, index, numeric, sql, table, text, timestamptz, unique, uuid } from 'schemac';
import { invoiceStatus } from './namespaces.ts';
import { byNewestFirst, newestFirst } from './pagination.ts';
import { documents, jobs, users } from './public.ts';

const userReference = { categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' } as const;
const money = (comment?: string) => numeric({ precision: 18, scale: 2, notNull: true, personal: false, sensitivity: 'confidential', ...(comment ? { comment } : {}) });

/** Invoices extracted from uploaded documents, reviewed and approved by the user. */
export const invoices = table('invoices', {
  schema: 'financial',
  comment: 'Invoices extracted from uploaded documents',
  compliance: { activities: ['bookkeeping'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users }, personal: userReference }),
    document_id: uuid({ references: { table: documents, onDelete: 'set null' }, comment: 'The upload it was extracted from (goes after a year)', personal: false }),
    job_id: uuid({ references: { table: jobs, onDelete: 'set null' }, personal: false }),
    vendor_name: text({
      notNull: true, sensitivity: 'confidential',
      personal: { categories: ['identity.name'], subjects: ['counterparty'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
    }),
    vendor_tax_id: text({
      sensitivity: 'restricted',
      personal: { categories: ['identity.tax_id'], subjects: ['counterparty'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
    }),
    invoice_number: text({ notNull: true, personal: false }),
    issue_date: date({ notNull: true, personal: false }),
    due_date: date({ personal: false }),
    currency: char({ length: 3, notNull: true, check: sql`currency ~ '^[A-Z]{3}$'`, personal: false }),
    subtotal: money(),
    tax: money(),
    total: money('subtotal + tax'),
    status: enumColumn(invoiceStatus, { notNull: true, default: 'extracted', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [unique(['user_id', 'vendor_name', 'invoice_number'])],
  checks: [
    check(sql`total = subtotal + tax`, { name: 'invoices_total_adds_up' }),
    check(sql`due_date IS NULL OR due_date >= issue_date`, { name: 'invoices_due_after_issue' }),
  ],
  indexes: [
    newestFirst(),
    index(['status', { column: 'created_at', order: 'desc' }]),
    index(['user_id', { column: 'issue_date', order: 'desc' }]),
    index(['document_id']),
    index(['job_id']),
  ],
});

/** Bank and card statements extracted from uploaded documents. */
export const statements = table('statements', {
  schema: 'financial',
  comment: 'Account statements extracted from uploaded documents',
  compliance: { activities: ['bookkeeping'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    user_id: uuid({ notNull: true, references: { table: users }, personal: userReference }),
    document_id: uuid({ references: { table: documents, onDelete: 'set null' }, personal: false }),
    institution: text({ notNull: true, personal: false }),
    account_last4: char({
      length: 4, notNull: true, check: sql`account_last4 ~ '^[0-9]{4}$'`, comment: 'Last four digits of the account number', sensitivity: 'confidential',
      personal: { categories: ['financial.bank_account'], subjects: ['user'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    period_start: date({ notNull: true, personal: false }),
    period_end: date({ notNull: true, personal: false }),
    currency: char({ length: 3, notNull: true, personal: false }),
    opening_balance: numeric({
      precision: 18, scale: 2, notNull: true, sensitivity: 'confidential',
      personal: { categories: ['financial.balance'], subjects: ['user'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    closing_balance: numeric({
      precision: 18, scale: 2, notNull: true, sensitivity: 'confidential',
      personal: { categories: ['financial.balance'], subjects: ['user'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`period_end >= period_start`, { name: 'statements_period_ordered' })],
  indexes: [
    newestFirst(),
    index(['user_id', { column: 'period_end', order: 'desc' }]),
    index(['document_id']),
  ],
});

/** Ledger entries: the lines of statements and invoices, booked to the user's ledger. */
export const ledgerEntries = table('ledger_entries', {
  schema: 'financial',
  comment: 'Ledger lines from statements and invoices',
  compliance: { activities: ['bookkeeping'], recordClass: 'accounting-record' },
  columns: {
    id: bigint({ primaryKey: true, identity: 'always', personal: false }),
    user_id: uuid({ notNull: true, references: { table: users }, personal: userReference }),
    statement_id: uuid({ personal: false }),
    invoice_id: uuid({ references: { table: invoices }, personal: false }),
    booked_on: date({ notNull: true, personal: false }),
    description: text({
      notNull: true, comment: 'Booking text as printed (may name people)', sensitivity: 'confidential',
      personal: { categories: ['financial.transactions'], subjects: ['user', 'counterparty'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    amount: numeric({
      precision: 18, scale: 2, notNull: true, check: sql`amount <> 0`, sensitivity: 'confidential',
      personal: { categories: ['financial.transactions'], subjects: ['user'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    currency: char({ length: 3, notNull: true, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  foreignKeys: [foreignKey(['statement_id'], { table: statements }, { onDelete: 'cascade' })],
  checks: [check(sql`statement_id IS NOT NULL OR invoice_id IS NOT NULL`, { name: 'ledger_entries_has_source' })],
  indexes: [
    newestFirst(),
    byNewestFirst('user_id'),
    index(['user_id', { column: 'booked_on', order: 'desc' }, { column: 'id', order: 'desc' }]),
    index(['statement_id']),
    index(['invoice_id']),
  ],
});
