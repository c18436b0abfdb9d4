import { enumColumn, index, jsonb, monthlyPartitions, partition, sql, table, text, timestamptz, uuid, varchar, column } from 'schemac';
import { auditAction } from './enums.ts';
import { organizations } from './tenancy.ts';
import { clientReference, userReference } from './personal.ts';

/**
 * Who read or changed what, and when: append-only (no role may update, delete or truncate it),
 * partitioned by month; entries outside the declared months land in the DEFAULT partition.
 */
export const auditLogs = table('audit_logs', {
  comment: 'Who read or changed what, and when; append-only, partitioned by month',
  compliance: { tenant: { column: 'organization_id' }, activities: ['security-monitoring'], recordClass: 'audit-trail', appendOnly: { writers: [] } },
  partitionBy: { strategy: 'range', keys: ['occurred_at'] },
  partitions: [...monthlyPartitions('audit_logs', { from: '2026-01', to: '2027-06' }), partition('audit_logs_default', { default: true })],
  columns: {
    id: uuid({ notNull: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations }, personal: false }),
    actor_id: uuid({ comment: 'The user who acted; NULL for the system', personal: userReference }),
    actor_kind: varchar({ length: 16, notNull: true, default: 'user', check: sql`actor_kind IN ('user', 'api_key', 'system', 'client_portal')`, personal: false }),
    action: enumColumn(auditAction, { notNull: true, personal: false }),
    entity_type: varchar({ length: 64, notNull: true, personal: false }),
    entity_id: uuid({ personal: false }),
    client_id: uuid({ comment: 'The client the entity belongs to, if any', personal: clientReference }),
    ip_address: column('inet', {
      sensitivity: 'confidential',
      personal: { categories: ['online.ip_address'], subjects: ['user', 'client-contact'], identifiability: 'quasi', erasure: 'retain-legal-claims' },
    }),
    user_agent: text({
      sensitivity: 'internal',
      personal: { categories: ['online.device'], subjects: ['user', 'client-contact'], identifiability: 'quasi', erasure: 'retain-legal-claims' },
    }),
    request_id: uuid({ personal: false }),
    changes: jsonb({
      notNull: true, default: {}, sensitivity: 'restricted', comment: 'Changed fields, old and new values',
      personal: { categories: ['other.change_record'], subjects: ['user', 'client', 'client-contact'], identifiability: 'pseudonymous', erasure: 'retain-legal-claims' },
    }),
    occurred_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  primaryKey: ['id', 'occurred_at'],
  indexes: [
    index(['organization_id', { column: 'occurred_at', order: 'desc' }]),
    index(['organization_id', 'entity_type', 'entity_id', 'occurred_at']),
    index(['actor_id', 'occurred_at'], { where: sql`actor_id IS NOT NULL` }),
    index(['organization_id', 'client_id', 'occurred_at'], { where: sql`client_id IS NOT NULL`, name: 'audit_logs_client_idx' }),
    index(['organization_id', 'action', 'occurred_at'], { where: sql`action IN ('delete', 'export', 'permission_change')`, name: 'audit_logs_sensitive_actions_idx' }),
    index([{ column: 'changes', opclass: 'jsonb_path_ops' }], { using: 'gin' }),
    index(['occurred_at'], { using: 'brin' }),
  ],
});
