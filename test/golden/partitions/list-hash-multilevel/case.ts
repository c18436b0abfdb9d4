// LIST partitions by region, each sub-partitioned by HASH; an expression range key.
import { integer, partition, sql, table, text, timestamptz } from '../../../../compiler/index.js';

export const before = [];

const byHash = { partitionBy: { strategy: 'hash' as const, keys: ['customer_id'] } };

export const after = [
  table('orders', {
    columns: { id: integer({ notNull: true }), region: text({ notNull: true }), customer_id: integer({ notNull: true }) },
    partitionBy: { strategy: 'list', keys: ['region'] },
    partitions: [
      partition('orders_eu', { in: ['de', 'fr', 'nl'] }, { ...byHash, partitions: [partition('orders_eu_0', { modulus: 2, remainder: 0 }), partition('orders_eu_1', { modulus: 2, remainder: 1 })] }),
      partition('orders_us', { in: ['us'] }, { ...byHash, partitions: [partition('orders_us_0', { modulus: 2, remainder: 0 }), partition('orders_us_1', { modulus: 2, remainder: 1 })] }),
      partition('orders_other', { default: true }),
    ],
  }),
  table('metrics', {
    columns: { taken_at: timestamptz({ notNull: true }), value: integer() },
    partitionBy: { strategy: 'range', keys: [sql`date_trunc('day', taken_at AT TIME ZONE 'UTC')`] },
    partitions: [partition('metrics_2026', { from: '2026-01-01', to: '2027-01-01' })],
  }),
];
