// Next months are added, an old month dropped, and a partition's bound is widened (detach + attach).
import { integer, monthlyPartitions, partition, table, timestamptz } from '../../../../compiler/index.js';

const columns = { id: integer({ notNull: true }), at: timestamptz({ notNull: true }) };

export const before = [table('events', {
  columns,
  partitionBy: { strategy: 'range', keys: ['at'] },
  partitions: [...monthlyPartitions('events', { from: '2026-01', to: '2026-02' }), partition('events_old', { from: '2020-01-01', to: '2025-01-01' })],
})];

export const after = [table('events', {
  columns,
  partitionBy: { strategy: 'range', keys: ['at'] },
  partitions: [...monthlyPartitions('events', { from: '2026-02', to: '2026-04' }), partition('events_old', { from: 'MINVALUE', to: '2026-01-01' })],
})];
