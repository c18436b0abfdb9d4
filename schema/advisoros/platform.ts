import { boolean, citext, enumColumn, index, integer, jsonb, smallint, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { deliveryStatus, engagementType, integrationProvider, notificationChannel, workflowRunStatus } from './enums.ts';
import { engagements } from './engagements.ts';
import { organizations, users } from './tenancy.ts';
import { userReference } from './personal.ts';

/** An automation: when an event happens, run these steps (create tasks, request documents, notify). */
export const workflows = table('workflows', {
  comment: 'An automation: when an event happens, run these steps',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], retention: 'operational-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    name: citext({ notNull: true, personal: false }),
    trigger_event: varchar({ length: 64, notNull: true, comment: 'engagement.created, tax_return.filed, …', personal: false }),
    engagement_type: enumColumn(engagementType, { personal: false }),
    definition: jsonb({ notNull: true, default: {}, comment: 'The steps, as the workflow editor saves them', personal: false }),
    is_active: boolean({ notNull: true, default: true, personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'name'] }],
  indexes: [
    index(['organization_id', 'trigger_event'], { where: sql`is_active`, include: ['engagement_type'], name: 'workflows_active_trigger_idx' }),
    index([{ column: 'definition', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
    index(['created_by']),
  ],
});

/** One execution of a workflow. */
export const workflowRuns = table('workflow_runs', {
  comment: 'One execution of a workflow',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], retention: 'operational-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    workflow_id: uuid({ notNull: true, references: { table: workflows, onDelete: 'cascade' }, personal: false }),
    engagement_id: uuid({ references: { table: engagements, onDelete: 'cascade' }, personal: false }),
    status: enumColumn(workflowRunStatus, { notNull: true, default: 'pending', personal: false }),
    context: jsonb({ notNull: true, default: {}, personal: false, sensitivity: 'confidential' }),
    error: text({ personal: false }),
    attempt: smallint({ notNull: true, default: 1, personal: false }),
    triggered_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    started_at: timestamptz({ personal: false }),
    finished_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'status', 'created_at']),
    index(['workflow_id', { column: 'created_at', order: 'desc' }], { include: ['status'] }),
    index(['created_at'], { where: sql`status IN ('pending', 'running')`, name: 'workflow_runs_queue_idx' }),
    index(['engagement_id'], { where: sql`engagement_id IS NOT NULL` }),
    index(['triggered_by']),
  ],
});

/** A message to a user: in the app, by e-mail or by text. */
export const notifications = table('notifications', {
  comment: 'A message to a user: in the app, by e-mail or by text',
  compliance: { tenant: { column: 'organization_id' }, activities: ['platform-accounts'], retention: 'operational-data', subjectKey: 'recipient_id' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    recipient_id: uuid({ notNull: true, references: { table: users, onDelete: 'cascade' }, personal: { ...userReference, erasure: 'delete' } }),
    channel: enumColumn(notificationChannel, { notNull: true, default: 'in_app', personal: false }),
    kind: varchar({ length: 64, notNull: true, personal: false }),
    title: text({ notNull: true, personal: false }),
    body: text({
      sensitivity: 'confidential',
      personal: { categories: ['other.free_form'], subjects: ['user', 'client'], identifiability: 'quasi', erasure: 'delete', activities: ['platform-accounts', 'client-services'] },
    }),
    data: jsonb({ notNull: true, default: {}, comment: 'Links to the objects the message is about', personal: false }),
    dedupe_key: text({ personal: false }),
    sent_at: timestamptz({ personal: false }),
    read_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'recipient_id', { column: 'created_at', order: 'desc' }]),
    index(['recipient_id', 'created_at'], { where: sql`read_at IS NULL`, name: 'notifications_unread_idx' }),
    index(['channel', 'created_at'], { where: sql`sent_at IS NULL AND channel <> 'in_app'`, name: 'notifications_outbox_idx' }),
    index(['recipient_id', 'dedupe_key'], { unique: true, where: sql`dedupe_key IS NOT NULL`, name: 'notifications_dedupe_key' }),
    index([{ column: 'data', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
  ],
});

/** A connection to another product (ledger, payroll, e-signature, payments). */
export const integrations = table('integrations', {
  comment: 'A connection to another product',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], retention: 'operational-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    provider: enumColumn(integrationProvider, { notNull: true, personal: false }),
    config: jsonb({ notNull: true, default: {}, personal: false }),
    credentials_ref: text({ notNull: true, comment: 'Secret-manager reference; no secret is stored here', personal: false, sensitivity: 'restricted' }),
    scopes: text({ array: true, notNull: true, default: [], personal: false }),
    connected_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    last_synced_at: timestamptz({ personal: false }),
    disconnected_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  indexes: [
    index(['organization_id', 'provider'], { unique: true, where: sql`disconnected_at IS NULL`, name: 'integrations_one_live_per_provider_key' }),
    index(['provider', 'last_synced_at'], { where: sql`disconnected_at IS NULL`, name: 'integrations_sync_queue_idx' }),
    index(['scopes'], { using: 'gin' }),
    index(['config'], { using: 'gin' }),
    index(['connected_by']),
  ],
});

/** An endpoint of the firm that receives events. */
export const webhooks = table('webhooks', {
  comment: 'An endpoint of the firm that receives events',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], retention: 'operational-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    url: text({ notNull: true, check: sql`url ~ '^https://'`, personal: false }),
    secret_ref: text({ notNull: true, comment: 'Secret-manager reference of the signing secret', personal: false, sensitivity: 'restricted' }),
    events: text({ array: true, notNull: true, default: [], personal: false }),
    description: text({ personal: false }),
    is_active: boolean({ notNull: true, default: true, personal: false }),
    failure_count: integer({ notNull: true, default: 0, personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: { ...userReference, erasure: 'anonymise' } }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'url'] }],
  indexes: [
    index(['organization_id'], { where: sql`is_active`, include: ['url', 'events'], name: 'webhooks_active_idx' }),
    index(['events'], { using: 'gin' }),
    index(['created_by']),
  ],
});

/** One attempt to deliver an event to a webhook. */
export const webhookDeliveries = table('webhook_deliveries', {
  comment: 'One attempt to deliver an event to a webhook',
  compliance: { tenant: { column: 'organization_id' }, activities: ['client-services'], retention: 'delivery-logs-90d' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    webhook_id: uuid({ notNull: true, references: { table: webhooks, onDelete: 'cascade' }, personal: false }),
    event_id: uuid({ notNull: true, personal: false }),
    event: varchar({ length: 64, notNull: true, personal: false }),
    payload: jsonb({
      notNull: true, sensitivity: 'confidential', comment: 'The event as sent; may name clients and users',
      personal: { categories: ['other.event_payload'], subjects: ['client', 'user'], identifiability: 'pseudonymous', erasure: 'delete' },
    }),
    status: enumColumn(deliveryStatus, { notNull: true, default: 'pending', personal: false }),
    attempts: smallint({ notNull: true, default: 0, personal: false }),
    response_code: smallint({ personal: false }),
    next_attempt_at: timestamptz({ personal: false }),
    delivered_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['webhook_id', 'event_id'] }],
  indexes: [
    index(['organization_id', 'created_at']),
    index(['webhook_id', { column: 'created_at', order: 'desc' }], { include: ['status', 'response_code'] }),
    index(['next_attempt_at'], { where: sql`status = 'pending'`, name: 'webhook_deliveries_retry_queue_idx' }),
    index([{ column: 'payload', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
    index(['created_at'], { using: 'brin' }),
  ],
});
