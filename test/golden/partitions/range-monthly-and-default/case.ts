// A monthly range-partitioned audit log (timestamptz key, bounds at midnight UTC) with a DEFAULT
// partition, a primary key including the partition key, an index on the parent, and a yearly
// documents table partitioned by a date column.
import { bigint, date, index, jsonb, monthlyPartitions, partition, table, text, timestamptz, uuid, yearlyPartitions } from '../../../../compiler/index.js';

export const before = [];

export const after = [
  table('audit_logs', {
    columns: { id: bigint({ notNull: true }), org: uuid({ notNull: true }), action: text({ notNull: true }), payload: jsonb(), created_at: timestamptz({ notNull: true }) },
    primaryKey: ['id', 'created_at'],
    partitionBy: { strategy: 'range', keys: ['created_at'] },
    partitions: [...monthlyPartitions('audit_logs', { from: '2026-01', to: '2026-03' }), partition('audit_logs_default', { default: true })],
    indexes: [index(['org', 'created_at'])],
  }),
  table('documents', {
    columns: { id: uuid({ notNull: true }), title: text(), filed_on: date({ notNull: true }) },
    primaryKey: ['id', 'filed_on'],
    partitionBy: { strategy: 'range', keys: ['filed_on'] },
    partitions: yearlyPartitions('documents', { from: 2025, to: 2026 }),
  }),
];
