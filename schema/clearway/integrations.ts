import { boolean, check, citext, enumColumn, index, integer, jsonb, numeric, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { inboundWebhookStatus, integrationStatus, syncDirection, syncStatus } from './enums.ts';
import { organizations, users } from './organizations.ts';
import { investorName, settingsUserReference, userReference } from './personal.ts';

/** Third-party fund administrators clearway can connect to (SS&C, Citco, …): one catalogue for all tenants. */
export const fundAdministrators = table('fund_administrators', {
  comment: 'Third-party fund administrators clearway integrates with',
  compliance: { tenant: { global: 'catalogue of integration providers, the same for every client firm' } },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    code: varchar({ length: 63, notNull: true, unique: true, check: sql`code ~ '^[a-z0-9_]+$'`, personal: false }),
    name: text({ notNull: true, personal: false }),
    website: text({ personal: false }),
    api_base_url: text({ check: sql`api_base_url ~ '^https://'`, personal: false }),
    supports_webhooks: boolean({ notNull: true, default: false, personal: false }),
    active: boolean({ notNull: true, default: true, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [index([{ expression: sql`lower(name)` }], { unique: true, name: 'fund_administrators_lower_name_key' })],
});

/** An organization's connection to its fund administrator's API. */
export const fundAdminConnections = table('fund_admin_connections', {
  comment: 'An organization\'s connection to its fund administrator',
  compliance: { tenant: { column: 'organization_id' }, activities: ['fund-admin-integration'], retention: 'account-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    fund_administrator_id: uuid({ notNull: true, references: { table: fundAdministrators }, personal: false }),
    external_account_id: text({ notNull: true, comment: 'The client\'s account id at the administrator', personal: false, sensitivity: 'internal' }),
    status: enumColumn(integrationStatus, { notNull: true, default: 'pending', personal: false }),
    credentials_ciphertext: text({
      comment: 'API credentials or OAuth tokens, encrypted by the application',
      personal: false,
      sensitivity: 'restricted',
      protection: { encryption: 'application' },
    }),
    sync_interval_minutes: integer({ notNull: true, default: 60, check: sql`sync_interval_minutes BETWEEN 5 AND 10080`, personal: false }),
    last_synced_at: timestamptz({ personal: false }),
    last_error: text({ personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: settingsUserReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'fund_administrator_id', 'external_account_id'] }],
  indexes: [
    index(['organization_id', 'status']),
    index(['fund_administrator_id']),
    index([{ column: 'last_synced_at', nulls: 'first' }], {
      name: 'fund_admin_connections_due_idx',
      where: sql`status = 'active'`,
      comment: 'The scheduler picks the active connections synced longest ago',
    }),
    index(['created_by'], { where: sql`created_by IS NOT NULL` }),
  ],
});

/** Which investor entity an investor id at the administrator stands for. */
export const fundAdminInvestorMappings = table('fund_admin_investor_mappings', {
  comment: 'Investor ids at a fund administrator mapped to clearway investor entities',
  compliance: { tenant: { column: 'organization_id' }, activities: ['fund-admin-integration'], retention: 'integration-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    connection_id: uuid({ notNull: true, references: { table: fundAdminConnections, onDelete: 'cascade' }, personal: false }),
    external_investor_id: text({ notNull: true, personal: false, sensitivity: 'internal' }),
    investor_organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    external_name: text({ comment: 'The investor\'s name as the administrator spells it', sensitivity: 'confidential', personal: { ...investorName, erasure: 'delete' } }),
    mapped_by: uuid({ references: { table: users, onDelete: 'set null' }, comment: 'NULL when mapped automatically', personal: settingsUserReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['connection_id', 'external_investor_id'] }],
  indexes: [
    index(['organization_id', 'investor_organization_id'], { name: 'fund_admin_investor_mappings_org_investor_idx' }),
    index(['investor_organization_id']),
    index(['mapped_by'], { where: sql`mapped_by IS NOT NULL` }),
  ],
});

/** Which clearway fund (by name, as capital calls name it) a fund id at the administrator stands for. */
export const fundAdminFundMappings = table('fund_admin_fund_mappings', {
  comment: 'Fund ids at a fund administrator mapped to the funds of an organization',
  compliance: { tenant: { column: 'organization_id' } },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    connection_id: uuid({ notNull: true, references: { table: fundAdminConnections, onDelete: 'cascade' }, personal: false }),
    external_fund_id: text({ notNull: true, personal: false, sensitivity: 'internal' }),
    fund_name: text({ notNull: true, comment: 'As capital_calls.fund_name', personal: false, sensitivity: 'internal' }),
    currency: varchar({ length: 3, notNull: true, default: 'USD', personal: false }),
    active: boolean({ notNull: true, default: true, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['connection_id', 'external_fund_id'] }],
  checks: [check(sql`currency IN ('USD', 'EUR', 'GBP', 'CHF')`, { name: 'fund_admin_fund_mappings_currency_known' })],
  indexes: [
    index(['organization_id', 'fund_name']),
    index(['connection_id', 'fund_name'], {
      unique: true,
      name: 'fund_admin_fund_mappings_active_fund_key',
      where: sql`active`,
      comment: 'A fund is mapped to one administrator fund per connection at a time',
    }),
  ],
});

/** One run of a synchronisation with a fund administrator. */
export const fundAdminSyncLogs = table('fund_admin_sync_logs', {
  comment: 'Runs of the synchronisation with a fund administrator',
  compliance: { tenant: { column: 'organization_id' }, activities: ['fund-admin-integration'], retention: 'operational-logs' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    connection_id: uuid({ notNull: true, references: { table: fundAdminConnections, onDelete: 'cascade' }, personal: false }),
    direction: enumColumn(syncDirection, { notNull: true, default: 'import', personal: false }),
    status: enumColumn(syncStatus, { notNull: true, default: 'running', personal: false }),
    triggered_by: uuid({ references: { table: users, onDelete: 'set null' }, comment: 'NULL for scheduled runs', personal: { ...userReference, erasure: 'delete' } }),
    records_received: integer({ notNull: true, default: 0, check: sql`records_received >= 0`, personal: false }),
    records_applied: integer({ notNull: true, default: 0, check: sql`records_applied >= 0`, personal: false }),
    records_failed: integer({ notNull: true, default: 0, check: sql`records_failed >= 0`, personal: false }),
    errors: jsonb({ notNull: true, default: [], comment: 'Per-record errors: [{ "record": …, "message": … }]', personal: false, sensitivity: 'internal' }),
    finished_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, comment: 'When the run started', personal: false }),
  },
  checks: [
    check(sql`finished_at IS NULL OR finished_at >= created_at`, { name: 'fund_admin_sync_logs_finished_after_start' }),
    check(sql`(status = 'running') = (finished_at IS NULL)`, { name: 'fund_admin_sync_logs_finished_unless_running' }),
  ],
  indexes: [
    index(['connection_id', { column: 'created_at', order: 'desc' }], { name: 'fund_admin_sync_logs_connection_created_idx' }),
    index(['organization_id', 'status', { column: 'created_at', order: 'desc' }], { name: 'fund_admin_sync_logs_org_status_created_idx' }),
    index(['connection_id'], {
      unique: true,
      name: 'fund_admin_sync_logs_one_running_key',
      where: sql`status = 'running'`,
      comment: 'At most one run per connection at a time',
    }),
    index(['created_at'], { using: 'brin', name: 'fund_admin_sync_logs_created_brin_idx' }),
    index(['triggered_by'], { where: sql`triggered_by IS NOT NULL` }),
  ],
});

/** Investors the administrator reports that no mapping covers yet: the review queue. */
export const fundAdminUnmappedInvestors = table('fund_admin_unmapped_investors', {
  comment: 'Investors reported by a fund administrator that are not mapped yet',
  compliance: { tenant: { column: 'organization_id' }, activities: ['fund-admin-integration'], retention: 'integration-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    connection_id: uuid({ notNull: true, references: { table: fundAdminConnections, onDelete: 'cascade' }, personal: false }),
    external_investor_id: text({ notNull: true, personal: false, sensitivity: 'internal' }),
    investor_name: text({ notNull: true, sensitivity: 'confidential', personal: { ...investorName, erasure: 'delete' } }),
    investor_email: citext({
      sensitivity: 'confidential',
      personal: { categories: ['contact.email'], subjects: ['investor'], identifiability: 'direct', erasure: 'delete' },
    }),
    commitment_amount: numeric({ precision: 18, scale: 2, check: sql`commitment_amount >= 0`, personal: false, sensitivity: 'confidential' }),
    resolved_mapping_id: uuid({ references: { table: fundAdminInvestorMappings, onDelete: 'set null' }, personal: false }),
    resolved_at: timestamptz({ personal: false }),
    ignored: boolean({ notNull: true, default: false, personal: false }),
    last_seen_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['connection_id', 'external_investor_id'] }],
  indexes: [
    index(['organization_id', 'created_at'], {
      name: 'fund_admin_unmapped_investors_open_idx',
      where: sql`resolved_at IS NULL AND NOT ignored`,
      comment: 'The review queue of an organization',
    }),
    index(['resolved_mapping_id'], { where: sql`resolved_mapping_id IS NOT NULL` }),
  ],
});

/** Webhooks received from fund administrators, kept for idempotency, replay and debugging. */
export const fundAdminWebhookLogs = table('fund_admin_webhook_logs', {
  comment: 'Webhooks received from fund administrators',
  compliance: { tenant: { column: 'organization_id' }, activities: ['fund-admin-integration'], retention: 'operational-logs' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    connection_id: uuid({ notNull: true, references: { table: fundAdminConnections, onDelete: 'cascade' }, personal: false }),
    external_event_id: text({ notNull: true, comment: 'The administrator\'s event id (idempotency key)', personal: false }),
    event_type: text({ notNull: true, personal: false }),
    payload: jsonb({
      notNull: true,
      sensitivity: 'confidential',
      personal: { categories: ['identity.name', 'contact.email', 'financial.investment'], subjects: ['investor'], identifiability: 'direct', erasure: 'delete' },
    }),
    signature_valid: boolean({ notNull: true, personal: false }),
    status: enumColumn(inboundWebhookStatus, { notNull: true, default: 'received', personal: false }),
    error: text({ personal: false }),
    processed_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, comment: 'When the webhook was received', personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['connection_id', 'external_event_id'] }],
  checks: [check(sql`status NOT IN ('processed', 'ignored') OR processed_at IS NOT NULL`, { name: 'fund_admin_webhook_logs_processed_when_done' })],
  indexes: [
    index(['organization_id', { column: 'created_at', order: 'desc' }], { name: 'fund_admin_webhook_logs_org_created_idx' }),
    index(['created_at'], { name: 'fund_admin_webhook_logs_pending_idx', where: sql`status IN ('received', 'failed')`, comment: 'Processing and retry queue' }),
    index(['organization_id', 'event_type', { column: 'created_at', order: 'desc' }], { name: 'fund_admin_webhook_logs_org_type_created_idx' }),
    index([{ column: 'payload', opclass: 'jsonb_path_ops' }], { using: 'gin', name: 'fund_admin_webhook_logs_payload_gin_idx' }),
    index(['created_at'], { using: 'brin', name: 'fund_admin_webhook_logs_created_brin_idx' }),
  ],
});
