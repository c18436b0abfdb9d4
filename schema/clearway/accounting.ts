import { check, date, enumColumn, index, jsonb, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { accountingEntryKind, accountingProvider, accountingSyncStatus, integrationStatus } from './enums.ts';
import { capitalCalls } from './funds.ts';
import { organizations, users } from './organizations.ts';
import { payments } from './payments.ts';
import { investorName, settingsUserReference } from './personal.ts';

/** An organization's connection to its accounting system (the fund's general ledger). */
export const accountingConnections = table('accounting_connections', {
  comment: 'An organization\'s connection to its accounting system',
  compliance: { tenant: { column: 'organization_id' }, activities: ['fund-accounting'], retention: 'account-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    provider: enumColumn(accountingProvider, { notNull: true, personal: false }),
    external_tenant_id: text({ notNull: true, comment: 'The company / realm id in the accounting system', personal: false, sensitivity: 'internal' }),
    status: enumColumn(integrationStatus, { notNull: true, default: 'pending', personal: false }),
    credentials_ciphertext: text({
      comment: 'OAuth tokens, encrypted by the application',
      personal: false,
      sensitivity: 'restricted',
      protection: { encryption: 'application' },
    }),
    default_currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    account_map: jsonb({ notNull: true, default: {}, comment: 'clearway posting kinds → ledger account codes', personal: false, sensitivity: 'internal' }),
    last_synced_at: timestamptz({ personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: settingsUserReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'provider', 'external_tenant_id'] }],
  checks: [check(sql`default_currency IN ('USD', 'EUR', 'GBP', 'CHF')`, { name: 'accounting_connections_currency_known' })],
  indexes: [
    index(['organization_id', 'status']),
    index(['created_by'], { where: sql`created_by IS NOT NULL` }),
  ],
});

/** Ledger entries clearway posts (or has posted) for capital calls and payments. */
export const accountingTransactions = table('accounting_transactions', {
  comment: 'Ledger entries posted to the accounting system for capital calls and payments',
  compliance: { tenant: { column: 'organization_id' }, activities: ['fund-accounting'], recordClass: 'fund-record' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    connection_id: uuid({ notNull: true, references: { table: accountingConnections }, personal: false }),
    external_id: text({ comment: 'Id in the accounting system, once posted', personal: false }),
    kind: enumColumn(accountingEntryKind, { notNull: true, personal: false }),
    payment_id: uuid({ references: { table: payments, onDelete: 'set null' }, personal: false }),
    capital_call_id: uuid({ references: { table: capitalCalls, onDelete: 'set null' }, personal: false }),
    account_code: varchar({ length: 32, notNull: true, personal: false }),
    amount: numeric({ precision: 18, scale: 2, notNull: true, comment: 'Debit (positive) or credit (negative)', personal: false, sensitivity: 'confidential' }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    posted_on: date({ notNull: true, personal: false }),
    counterparty_name: text({ sensitivity: 'confidential', personal: investorName }),
    memo: text({
      sensitivity: 'confidential',
      personal: { categories: ['financial.transaction'], subjects: ['investor'], identifiability: 'quasi', erasure: 'retain-legal-obligation' },
    }),
    sync_status: enumColumn(accountingSyncStatus, { notNull: true, default: 'pending', personal: false }),
    synced_at: timestamptz({ personal: false }),
    error: text({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [
    check(sql`amount <> 0`, { name: 'accounting_transactions_amount_not_zero' }),
    check(sql`currency IN ('USD', 'EUR', 'GBP', 'CHF')`, { name: 'accounting_transactions_currency_known' }),
    check(sql`sync_status <> 'synced' OR (external_id IS NOT NULL AND synced_at IS NOT NULL)`, { name: 'accounting_transactions_synced_has_external_id' }),
    check(sql`payment_id IS NOT NULL OR capital_call_id IS NOT NULL`, { name: 'accounting_transactions_has_source' }),
  ],
  indexes: [
    index(['organization_id', { column: 'posted_on', order: 'desc' }], { name: 'accounting_transactions_org_posted_idx' }),
    index(['organization_id', 'account_code', 'posted_on'], { name: 'accounting_transactions_org_account_posted_idx', include: ['amount'] }),
    index(['connection_id', 'external_id'], {
      unique: true,
      name: 'accounting_transactions_connection_external_id_key',
      where: sql`external_id IS NOT NULL`,
      comment: 'An entry of the accounting system is recorded once',
    }),
    index(['connection_id', 'created_at'], { name: 'accounting_transactions_unsynced_idx', where: sql`sync_status IN ('pending', 'failed')`, comment: 'The posting queue' }),
    index(['payment_id'], { where: sql`payment_id IS NOT NULL` }),
    index(['capital_call_id'], { where: sql`capital_call_id IS NOT NULL` }),
  ],
});
