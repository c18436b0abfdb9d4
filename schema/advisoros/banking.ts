import { boolean, check, date, enumColumn, index, jsonb, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { bankFeedStatus, integrationProvider, reconciliationStatus } from './enums.ts';
import { clients } from './clients.ts';
import { chartOfAccounts, journalEntries } from './ledger.ts';
import { organizations, users } from './tenancy.ts';
import { clientReference, userReference } from './personal.ts';

/** A client's bank or card account whose transactions the firm books. */
export const bankAccounts = table('bank_accounts', {
  comment: "A client's bank or card account whose transactions the firm books",
  compliance: { tenant: { column: 'organization_id' }, activities: ['bank-data'], recordClass: 'accounting-record', retention: 'client-relationship' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    client_id: uuid({ notNull: true, references: { table: clients }, personal: clientReference }),
    ledger_account_id: uuid({ references: { table: chartOfAccounts, onDelete: 'set null' }, personal: false }),
    institution_name: text({ notNull: true, personal: false }),
    account_name: text({ notNull: true, personal: false, sensitivity: 'internal' }),
    account_number_token: text({
      notNull: true, sensitivity: 'restricted', comment: 'Vault token of the account number',
      personal: { categories: ['financial.bank_account'], subjects: ['client'], identifiability: 'direct', erasure: 'retain-legal-obligation' },
      protection: { encryption: 'application' },
    }),
    account_number_last4: varchar({
      length: 4, notNull: true, sensitivity: 'confidential',
      personal: { categories: ['financial.bank_account'], subjects: ['client'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    routing_number: varchar({ length: 9, check: sql`routing_number ~ '^[0-9]{9}$'`, comment: 'Identifies the bank, not the holder', personal: false }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    is_active: boolean({ notNull: true, default: true, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'client_id'], { where: sql`is_active`, name: 'bank_accounts_active_idx' }),
    index(['account_number_token'], { unique: true }),
    index(['ledger_account_id']),
  ],
});

/** The connection that imports a bank account's transactions (through an aggregator). */
export const bankFeeds = table('bank_feeds', {
  comment: "The connection that imports a bank account's transactions",
  compliance: { tenant: { column: 'organization_id' }, activities: ['bank-data'], retention: 'operational-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    bank_account_id: uuid({ notNull: true, unique: true, references: { table: bankAccounts, onDelete: 'cascade' }, personal: false }),
    provider: enumColumn(integrationProvider, { notNull: true, default: 'plaid', personal: false }),
    access_token_ref: text({ notNull: true, comment: 'Secret-manager reference of the access token', personal: false, sensitivity: 'restricted' }),
    status: enumColumn(bankFeedStatus, { notNull: true, default: 'connected', personal: false }),
    cursor: text({ comment: "The aggregator's sync cursor", personal: false }),
    last_synced_at: timestamptz({ personal: false }),
    error: jsonb({ personal: false }),
    connected_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'status']),
    index(['last_synced_at'], { where: sql`status = 'connected'`, name: 'bank_feeds_sync_queue_idx' }),
    index(['connected_by']),
  ],
});

/** A transaction imported from a bank feed or statement, matched to a journal entry once booked. */
export const bankTransactions = table('bank_transactions', {
  comment: 'A transaction imported from a bank feed or statement',
  compliance: { tenant: { column: 'organization_id' }, activities: ['bank-data'], recordClass: 'accounting-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    bank_account_id: uuid({ notNull: true, references: { table: bankAccounts }, personal: false }),
    external_id: text({ notNull: true, comment: "The bank's or aggregator's transaction id", personal: false }),
    posted_on: date({ notNull: true, personal: false }),
    amount: numeric({
      precision: 16, scale: 2, notNull: true, sensitivity: 'confidential',
      personal: { categories: ['financial.transactions'], subjects: ['client'], identifiability: 'pseudonymous', erasure: 'retain-legal-obligation' },
    }),
    description: text({
      notNull: true, sensitivity: 'confidential', comment: 'As the bank prints it: names payees and payers',
      personal: { categories: ['financial.transactions'], subjects: ['client'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    merchant_name: text({ personal: false }),
    category_guess: varchar({ length: 64, personal: false }),
    journal_entry_id: uuid({ references: { table: journalEntries, onDelete: 'set null' }, personal: false }),
    is_excluded: boolean({ notNull: true, default: false, personal: false }),
    raw: jsonb({
      notNull: true, default: {}, sensitivity: 'confidential', comment: 'The transaction as received',
      personal: { categories: ['financial.transactions'], subjects: ['client'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['bank_account_id', 'external_id'] }],
  indexes: [
    index(['organization_id', 'bank_account_id', { column: 'posted_on', order: 'desc' }]),
    index(['bank_account_id', 'posted_on'], { where: sql`journal_entry_id IS NULL AND NOT is_excluded`, include: ['amount'], name: 'bank_transactions_unmatched_idx' }),
    index(['journal_entry_id'], { where: sql`journal_entry_id IS NOT NULL` }),
    index([{ expression: sql`to_tsvector('simple', coalesce(description, '') || ' ' || coalesce(merchant_name, ''))` }], { using: 'gin', name: 'bank_transactions_search_idx' }),
    index([{ column: 'raw', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
    index(['posted_on'], { using: 'brin' }),
  ],
});

/** A bank reconciliation: a statement balance agreed to the books. */
export const reconciliations = table('reconciliations', {
  comment: 'A bank reconciliation: a statement balance agreed to the books',
  compliance: { tenant: { column: 'organization_id' }, activities: ['bank-data'], recordClass: 'workpaper' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    bank_account_id: uuid({ notNull: true, references: { table: bankAccounts }, personal: false }),
    statement_date: date({ notNull: true, personal: false }),
    statement_balance: numeric({ precision: 16, scale: 2, notNull: true, personal: false, sensitivity: 'confidential' }),
    book_balance: numeric({ precision: 16, scale: 2, personal: false, sensitivity: 'confidential' }),
    difference: numeric({ precision: 16, scale: 2, generated: sql`statement_balance - book_balance`, personal: false, sensitivity: 'confidential' }),
    status: enumColumn(reconciliationStatus, { notNull: true, default: 'open', personal: false }),
    prepared_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    reviewed_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: userReference }),
    completed_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`status <> 'completed' OR (completed_at IS NOT NULL AND difference = 0)`, { name: 'reconciliations_completed_balances' })],
  indexes: [
    index(['bank_account_id', 'statement_date'], { unique: true, where: sql`status <> 'reopened'`, name: 'reconciliations_statement_key' }),
    index(['organization_id', 'status', 'statement_date']),
    index(['prepared_by']),
    index(['reviewed_by'], { where: sql`status = 'in_progress'`, name: 'reconciliations_review_queue_idx' }),
  ],
});
