import { char, check, date, enumColumn, index, jsonb, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { bankAccountPurpose, bankAccountStatus, paymentMethod, paymentStatus, reconciliationStatus } from './enums.ts';
import { capitalCalls } from './funds.ts';
import { organizations, users } from './organizations.ts';
import { investorName, userReference } from './personal.ts';

/** The fund's own accounts and its investors' accounts, as payments move through them. */
export const bankAccounts = table('bank_accounts', {
  comment: 'Bank accounts of a fund (operating, receipts, distributions) and of its investors',
  compliance: {
    tenant: { column: 'organization_id' },
    activities: ['investor-payments'],
    retention: 'aml-customer-records',
    subjectKey: 'investor_organization_id',
    holdable: true,
  },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    investor_organization_id: uuid({
      references: { table: organizations },
      comment: 'The investor entity holding the account; NULL for the fund\'s own accounts',
      personal: false,
    }),
    purpose: enumColumn(bankAccountPurpose, { notNull: true, personal: false }),
    account_holder_name: text({ notNull: true, sensitivity: 'confidential', personal: investorName }),
    bank_name: text({ notNull: true, personal: false }),
    account_number_ciphertext: text({
      notNull: true,
      comment: 'Account number (or IBAN), encrypted by the application; never stored in clear',
      sensitivity: 'restricted',
      protection: { encryption: 'application' },
      personal: { categories: ['financial.bank_account'], subjects: ['investor'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
    }),
    account_fingerprint: text({
      notNull: true,
      comment: 'Keyed hash (HMAC) of the account number, to find duplicates without decrypting',
      sensitivity: 'confidential',
      personal: { categories: ['financial.bank_account'], subjects: ['investor'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' },
    }),
    account_number_last4: char({
      length: 4,
      notNull: true,
      check: sql`account_number_last4 ~ '^[0-9A-Z]{4}$'`,
      sensitivity: 'confidential',
      personal: { categories: ['financial.bank_account'], subjects: ['investor'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    routing_number: varchar({ length: 9, comment: 'ABA routing number (US accounts)', personal: false }),
    swift_bic: varchar({ length: 11, check: sql`swift_bic ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$'`, personal: false }),
    country: char({ length: 2, notNull: true, check: sql`country ~ '^[A-Z]{2}$'`, personal: false }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    status: enumColumn(bankAccountStatus, { notNull: true, default: 'pending_verification', personal: false }),
    verified_at: timestamptz({ personal: false }),
    verified_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    closed_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [
    check(sql`(purpose = 'investor') = (investor_organization_id IS NOT NULL)`, { name: 'bank_accounts_investor_accounts_name_investor' }),
    check(sql`status <> 'verified' OR verified_at IS NOT NULL`, { name: 'bank_accounts_verified_when_verified' }),
    check(sql`status <> 'closed' OR closed_at IS NOT NULL`, { name: 'bank_accounts_closed_when_closed' }),
    check(sql`currency IN ('USD', 'EUR', 'GBP', 'CHF')`, { name: 'bank_accounts_currency_known' }),
  ],
  indexes: [
    index(['organization_id', 'status']),
    index(['organization_id', 'purpose'], { name: 'bank_accounts_verified_purpose_idx', where: sql`status = 'verified'` }),
    index(['investor_organization_id'], { where: sql`investor_organization_id IS NOT NULL` }),
    index(['organization_id', 'account_fingerprint'], {
      unique: true,
      name: 'bank_accounts_open_fingerprint_key',
      where: sql`status <> 'closed'`,
      comment: 'One open record per account number and organization',
    }),
    index(['verified_by'], { where: sql`verified_by IS NOT NULL` }),
  ],
});

/** Money received from an investor against a capital call. */
export const payments = table('payments', {
  comment: 'Money received from an investor against a capital call',
  compliance: {
    tenant: { column: 'organization_id' },
    activities: ['investor-payments'],
    recordClass: 'fund-record',
    retention: 'bsa-aml-5y',
    subjectKey: 'investor_organization_id',
    holdable: true,
  },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    capital_call_id: uuid({ notNull: true, references: { table: capitalCalls }, personal: false }),
    investor_organization_id: uuid({ notNull: true, references: { table: organizations }, comment: 'The investor entity that paid', personal: false }),
    bank_account_id: uuid({ references: { table: bankAccounts, onDelete: 'set null' }, comment: 'Account the money arrived in', personal: false }),
    amount: numeric({ precision: 18, scale: 2, notNull: true, personal: false, sensitivity: 'confidential' }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    method: enumColumn(paymentMethod, { notNull: true, default: 'wire', personal: false }),
    status: enumColumn(paymentStatus, { notNull: true, default: 'pending', personal: false }),
    payer_name: text({ comment: 'Name of the remitter as the bank reports it', sensitivity: 'confidential', personal: investorName }),
    external_reference: text({ comment: 'Bank reference of the transfer (IMAD/OMAD, end-to-end id)', personal: false, sensitivity: 'internal' }),
    value_date: date({ personal: false }),
    settled_at: timestamptz({ personal: false }),
    failure_reason: text({ personal: false }),
    metadata: jsonb({ notNull: true, default: {}, comment: 'Processor-specific details', personal: false, sensitivity: 'internal' }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [
    check(sql`amount > 0`, { name: 'payments_amount_positive' }),
    check(sql`currency IN ('USD', 'EUR', 'GBP', 'CHF')`, { name: 'payments_currency_known' }),
    check(sql`status <> 'settled' OR settled_at IS NOT NULL`, { name: 'payments_settled_when_settled' }),
    check(sql`status NOT IN ('failed', 'returned') OR failure_reason IS NOT NULL`, { name: 'payments_failure_has_reason' }),
  ],
  indexes: [
    index(['organization_id', 'status', { column: 'created_at', order: 'desc' }], {
      name: 'payments_org_status_created_idx',
      include: ['amount', 'currency'],
      comment: 'Payment lists of an organization by status, newest first',
    }),
    index(['capital_call_id', 'status'], { include: ['amount'] }),
    index(['investor_organization_id', { column: 'created_at', order: 'desc' }], { name: 'payments_investor_created_idx' }),
    index(['bank_account_id'], { where: sql`bank_account_id IS NOT NULL` }),
    index(['organization_id', 'external_reference'], {
      unique: true,
      name: 'payments_org_external_reference_key',
      where: sql`external_reference IS NOT NULL`,
      comment: 'A bank transfer is recorded once',
    }),
    index(['organization_id', 'created_at'], { name: 'payments_open_idx', where: sql`status IN ('pending', 'processing')` }),
    index([{ column: 'metadata', opclass: 'jsonb_path_ops' }], { using: 'gin', name: 'payments_metadata_gin_idx' }),
    index(['created_by'], { where: sql`created_by IS NOT NULL` }),
  ],
});

/** Lines of a bank statement, matched to the payments they record. */
export const statementReconciliations = table('statement_reconciliations', {
  comment: 'Bank statement lines and the payments they were matched to',
  compliance: {
    tenant: { column: 'organization_id' },
    activities: ['investor-payments'],
    recordClass: 'fund-record',
    retention: 'bsa-aml-5y',
  },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    bank_account_id: uuid({ notNull: true, references: { table: bankAccounts }, personal: false }),
    payment_id: uuid({ references: { table: payments, onDelete: 'set null' }, personal: false }),
    statement_date: date({ notNull: true, personal: false }),
    line_reference: text({ notNull: true, comment: 'The bank\'s identifier of the statement line', personal: false }),
    value_date: date({ personal: false }),
    amount: numeric({ precision: 18, scale: 2, notNull: true, comment: 'Credit (positive) or debit (negative)', personal: false, sensitivity: 'confidential' }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    counterparty_name: text({ sensitivity: 'confidential', personal: investorName }),
    narrative: text({
      comment: 'Free text of the statement line',
      sensitivity: 'confidential',
      personal: { categories: ['financial.transaction'], subjects: ['investor'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    status: enumColumn(reconciliationStatus, { notNull: true, default: 'unmatched', personal: false }),
    match_confidence: numeric({ precision: 5, scale: 4, check: sql`match_confidence BETWEEN 0 AND 1`, personal: false }),
    matched_by: uuid({ references: { table: users, onDelete: 'set null' }, comment: 'NULL when matched automatically', personal: userReference }),
    matched_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['bank_account_id', 'statement_date', 'line_reference'] }],
  checks: [
    check(sql`amount <> 0`, { name: 'statement_reconciliations_amount_not_zero' }),
    check(sql`status NOT IN ('matched', 'partially_matched') OR (payment_id IS NOT NULL AND matched_at IS NOT NULL)`, {
      name: 'statement_reconciliations_matched_has_payment',
    }),
  ],
  indexes: [
    index(['organization_id', 'status', { column: 'statement_date', order: 'desc' }], { name: 'statement_reconciliations_org_status_date_idx' }),
    index(['organization_id', 'statement_date'], { name: 'statement_reconciliations_unmatched_idx', where: sql`status = 'unmatched'` }),
    index(['payment_id'], { where: sql`payment_id IS NOT NULL` }),
    index(['matched_by'], { where: sql`matched_by IS NOT NULL` }),
  ],
});
