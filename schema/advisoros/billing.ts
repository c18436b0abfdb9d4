import { bigint, boolean, check, date, enumColumn, index, integer, jsonb, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { invoiceStatus, paymentMethodKind, paymentStatus } from './enums.ts';
import { clients } from './clients.ts';
import { engagements } from './engagements.ts';
import { organizations, users } from './tenancy.ts';
import { clientReference, userReference } from './personal.ts';

/** A bill sent to a client. */
export const invoices = table('invoices', {
  comment: 'A bill sent to a client',
  compliance: { tenant: { column: 'organization_id' }, activities: ['billing'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    engagement_id: uuid({ references: { table: engagements, onDelete: 'set null' }, personal: false }),
    number: varchar({ length: 32, notNull: true, personal: false }),
    status: enumColumn(invoiceStatus, { notNull: true, default: 'draft', personal: false }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    subtotal: numeric({ precision: 14, scale: 2, notNull: true, default: 0, personal: false, sensitivity: 'confidential' }),
    tax_total: numeric({ precision: 14, scale: 2, notNull: true, default: 0, personal: false, sensitivity: 'confidential' }),
    total: numeric({ precision: 14, scale: 2, notNull: true, default: 0, personal: false, sensitivity: 'confidential' }),
    amount_paid: numeric({ precision: 14, scale: 2, notNull: true, default: 0, personal: false, sensitivity: 'confidential' }),
    issued_on: date({ personal: false }),
    due_on: date({ personal: false }),
    memo: text({ personal: false, sensitivity: 'confidential' }),
    issued_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'number'] }],
  checks: [
    check(sql`total = subtotal + tax_total`, { name: 'invoices_total_adds_up' }),
    check(sql`amount_paid >= 0 AND amount_paid <= total`, { name: 'invoices_paid_within_total' }),
    check(sql`status = 'draft' OR issued_on IS NOT NULL`, { name: 'invoices_issued_when_not_draft' }),
    check(sql`currency ~ '^[A-Z]{3}$'`, { name: 'invoices_currency_code' }),
  ],
  indexes: [
    index(['organization_id', 'status', 'due_on']),
    index(['organization_id', 'client_id', { column: 'issued_on', order: 'desc' }], { include: ['total', 'amount_paid', 'status'] }),
    index(['organization_id', 'due_on'], { where: sql`status IN ('issued', 'partially_paid')`, include: ['client_id', 'total', 'amount_paid'], name: 'invoices_receivables_idx' }),
    index(['engagement_id'], { where: sql`engagement_id IS NOT NULL` }),
    index(['client_id']),
    index(['issued_by']),
  ],
});

/** A line of an invoice: time, a fixed fee, an expense or a discount. */
export const invoiceLines = table('invoice_lines', {
  comment: 'A line of an invoice',
  compliance: { tenant: { column: 'organization_id' }, activities: ['billing'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    invoice_id: uuid({ notNull: true, references: { table: invoices, onDelete: 'cascade' }, personal: false }),
    position: integer({ notNull: true, check: sql`position > 0`, personal: false }),
    kind: varchar({ length: 16, notNull: true, check: sql`kind IN ('time', 'fixed_fee', 'expense', 'discount', 'other')`, personal: false }),
    description: text({ notNull: true, personal: false, sensitivity: 'confidential' }),
    quantity: numeric({ precision: 12, scale: 4, notNull: true, default: 1, personal: false }),
    unit_price: numeric({ precision: 12, scale: 2, notNull: true, personal: false, sensitivity: 'confidential' }),
    amount: numeric({ precision: 14, scale: 2, notNull: true, personal: false, sensitivity: 'confidential' }),
    tax_rate: numeric({ precision: 6, scale: 4, notNull: true, default: 0, check: sql`tax_rate >= 0 AND tax_rate < 1`, personal: false }),
    service_code: varchar({ length: 32, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['invoice_id', 'position'] }],
  checks: [check(sql`kind = 'discount' OR amount >= 0`, { name: 'invoice_lines_only_discounts_negative' })],
  indexes: [
    index(['organization_id', 'service_code'], { where: sql`service_code IS NOT NULL`, include: ['amount'], name: 'invoice_lines_service_idx' }),
    index(['invoice_id'], { include: ['amount', 'kind'] }),
  ],
});

/** A stored way for a client to pay: a processor token and the card's last digits only. */
export const paymentMethods = table('payment_methods', {
  comment: 'A stored way for a client to pay: a processor token, never a card number',
  compliance: { tenant: { column: 'organization_id' }, activities: ['billing'], retention: 'card-on-file', subjectKey: 'client_id' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients, onDelete: 'cascade' }, personal: { ...clientReference, erasure: 'delete' } }),
    kind: enumColumn(paymentMethodKind, { notNull: true, personal: false }),
    processor_token: text({
      notNull: true, card: 'tokenised', sensitivity: 'restricted', comment: "The payment processor's token",
      personal: { categories: ['financial.payment_card'], subjects: ['client'], identifiability: 'pseudonymous', erasure: 'delete' },
    }),
    card_last4: varchar({
      length: 4, card: 'truncated', sensitivity: 'confidential',
      personal: { categories: ['financial.payment_card'], subjects: ['client'], identifiability: 'quasi', erasure: 'delete' },
    }),
    card_brand: varchar({ length: 16, personal: false }),
    bank_account_last4: varchar({
      length: 4, sensitivity: 'confidential',
      personal: { categories: ['financial.bank_account'], subjects: ['client'], identifiability: 'quasi', erasure: 'delete' },
    }),
    expires_on: date({ personal: false }),
    is_default: boolean({ notNull: true, default: false, personal: false }),
    removed_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`kind <> 'card' OR card_last4 IS NOT NULL`, { name: 'payment_methods_card_has_last4' })],
  indexes: [
    index(['organization_id', 'client_id'], { where: sql`removed_at IS NULL`, name: 'payment_methods_active_idx' }),
    index(['client_id'], { unique: true, where: sql`is_default AND removed_at IS NULL`, name: 'payment_methods_one_default_idx' }),
    index(['processor_token'], { unique: true }),
    index(['expires_on'], { where: sql`kind = 'card' AND removed_at IS NULL`, name: 'payment_methods_expiring_cards_idx' }),
  ],
});

/** Money received from a client, allocated to one invoice. */
export const payments = table('payments', {
  comment: 'Money received from a client',
  compliance: { tenant: { column: 'organization_id' }, activities: ['billing'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    invoice_id: uuid({ notNull: true, references: { table: invoices }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    payment_method_id: uuid({ references: { table: paymentMethods, onDelete: 'set null' }, personal: false }),
    status: enumColumn(paymentStatus, { notNull: true, default: 'pending', personal: false }),
    amount: numeric({ precision: 14, scale: 2, notNull: true, check: sql`amount > 0`, personal: false, sensitivity: 'confidential' }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    processor_payment_id: text({ personal: false, sensitivity: 'confidential' }),
    failure_code: varchar({ length: 64, personal: false }),
    received_at: timestamptz({ personal: false }),
    processor_payload: jsonb({ notNull: true, default: {}, personal: false, sensitivity: 'confidential' }),
    fee_cents: bigint({ notNull: true, default: 0, check: sql`fee_cents >= 0`, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`status <> 'succeeded' OR received_at IS NOT NULL`, { name: 'payments_received_when_succeeded' })],
  indexes: [
    index(['organization_id', 'status', 'created_at']),
    index(['invoice_id'], { where: sql`status = 'succeeded'`, include: ['amount'], name: 'payments_settled_by_invoice_idx' }),
    index(['client_id', { column: 'received_at', order: 'desc' }]),
    index(['processor_payment_id'], { unique: true, where: sql`processor_payment_id IS NOT NULL`, name: 'payments_processor_payment_key' }),
    index(['payment_method_id']),
    index([{ column: 'processor_payload', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
  ],
});

/** A credit against an invoice (a refund, a write-down). */
export const creditNotes = table('credit_notes', {
  comment: 'A credit against an invoice',
  compliance: { tenant: { column: 'organization_id' }, activities: ['billing'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    invoice_id: uuid({ notNull: true, references: { table: invoices }, personal: false }),
    number: varchar({ length: 32, notNull: true, personal: false }),
    amount: numeric({ precision: 14, scale: 2, notNull: true, check: sql`amount > 0`, personal: false, sensitivity: 'confidential' }),
    reason: text({ notNull: true, personal: false, sensitivity: 'internal' }),
    issued_on: date({ notNull: true, personal: false }),
    approved_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'number'] }],
  indexes: [
    index(['invoice_id'], { include: ['amount'] }),
    index(['organization_id', 'issued_on']),
    index(['approved_by']),
  ],
});
