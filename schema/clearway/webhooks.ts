import { boolean, check, enumColumn, index, integer, jsonb, smallint, sql, table, text, timestamptz, uuid } from 'schemac';
import { webhookDeliveryStatus } from './enums.ts';
import { organizations, users } from './organizations.ts';
import { settingsUserReference } from './personal.ts';

/** URLs of the client's systems that receive clearway's events. */
export const webhookEndpoints = table('webhook_endpoints', {
  comment: 'Endpoints of a client firm\'s systems that receive clearway events',
  compliance: { tenant: { column: 'organization_id' }, activities: ['webhook-notifications'], retention: 'account-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    url: text({ notNull: true, check: sql`url ~ '^https://'`, personal: false, sensitivity: 'internal' }),
    description: text({ personal: false }),
    signing_secret_ciphertext: text({
      notNull: true,
      comment: 'HMAC signing secret, encrypted by the application',
      personal: false,
      sensitivity: 'restricted',
      protection: { encryption: 'application' },
    }),
    event_types: text({ array: true, notNull: true, default: [], comment: 'Subscribed events (capital_call.issued, payment.settled, …)', personal: false }),
    active: boolean({ notNull: true, default: true, personal: false }),
    consecutive_failures: integer({ notNull: true, default: 0, check: sql`consecutive_failures >= 0`, personal: false }),
    disabled_at: timestamptz({ personal: false }),
    created_by: uuid({ references: { table: users, onDelete: 'set null' }, personal: settingsUserReference }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    updated_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['organization_id', 'url'] }],
  checks: [check(sql`cardinality(event_types) > 0`, { name: 'webhook_endpoints_subscribes_to_events' })],
  indexes: [
    index(['organization_id'], { name: 'webhook_endpoints_active_idx', where: sql`active`, include: ['event_types'] }),
    index(['event_types'], { using: 'gin', name: 'webhook_endpoints_event_types_gin_idx' }),
    index(['created_by'], { where: sql`created_by IS NOT NULL` }),
  ],
});

/** One event sent (or to be sent) to one endpoint, with its retries. */
export const webhookDeliveries = table('webhook_deliveries', {
  comment: 'Deliveries of events to webhook endpoints, with their retries',
  compliance: { tenant: { column: 'organization_id' }, activities: ['webhook-notifications'], retention: 'operational-logs' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    endpoint_id: uuid({ notNull: true, references: { table: webhookEndpoints, onDelete: 'cascade' }, personal: false }),
    event_id: uuid({ notNull: true, comment: 'The event; the same for every endpoint it goes to (receivers deduplicate on it)', personal: false }),
    event_type: text({ notNull: true, personal: false }),
    payload: jsonb({
      notNull: true,
      sensitivity: 'confidential',
      personal: { categories: ['identity.name', 'financial.investment'], subjects: ['investor', 'user'], identifiability: 'direct', erasure: 'delete' },
    }),
    status: enumColumn(webhookDeliveryStatus, { notNull: true, default: 'pending', personal: false }),
    attempts: smallint({ notNull: true, default: 0, check: sql`attempts BETWEEN 0 AND 20`, personal: false }),
    next_attempt_at: timestamptz({ personal: false }),
    last_response_status: smallint({ check: sql`last_response_status BETWEEN 100 AND 599`, personal: false }),
    last_response_excerpt: text({ comment: 'First 1 kB of the last response body', check: sql`length(last_response_excerpt) <= 1024`, personal: false }),
    delivered_at: timestamptz({ personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [{ kind: 'unique', columns: ['endpoint_id', 'event_id'] }],
  checks: [
    check(sql`status <> 'succeeded' OR delivered_at IS NOT NULL`, { name: 'webhook_deliveries_delivered_when_succeeded' }),
    check(sql`status NOT IN ('pending', 'failed') OR next_attempt_at IS NOT NULL`, { name: 'webhook_deliveries_retry_is_scheduled' }),
  ],
  indexes: [
    index(['next_attempt_at'], { name: 'webhook_deliveries_due_idx', where: sql`status IN ('pending', 'failed')`, comment: 'The delivery worker\'s queue' }),
    index(['organization_id', { column: 'created_at', order: 'desc' }], { name: 'webhook_deliveries_org_created_idx' }),
    index(['endpoint_id', { column: 'created_at', order: 'desc' }], { name: 'webhook_deliveries_endpoint_created_idx', include: ['status', 'last_response_status'] }),
    index(['organization_id', 'event_type', { column: 'created_at', order: 'desc' }], { name: 'webhook_deliveries_org_event_type_idx' }),
    index(['created_at'], { using: 'brin', name: 'webhook_deliveries_created_brin_idx' }),
  ],
});
