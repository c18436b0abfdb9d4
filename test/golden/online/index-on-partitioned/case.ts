// An index added to a partitioned table that holds rows: created ON ONLY the parent, built
// concurrently on each partition (including a sub-partitioned one), attached; the parent index
// turns valid with its last partition. Down drops the parent index, which takes its partitions' along.
import { bigint, index, partition, table, text, timestamptz } from '../../../../compiler/index.js';

const events = (indexes: ReturnType<typeof index>[]) =>
  table('events', {
    columns: { id: bigint({ notNull: true }), kind: text({ notNull: true }), region: text({ notNull: true }), at: timestamptz({ notNull: true }) },
    primaryKey: ['id', 'at', 'region'],
    partitionBy: { strategy: 'range', keys: ['at'] },
    partitions: [
      partition('events_2026_01', { from: '2026-01-01 00:00:00+00', to: '2026-02-01 00:00:00+00' }),
      partition('events_2026_02', { from: '2026-02-01 00:00:00+00', to: '2026-03-01 00:00:00+00' }, {
        partitionBy: { strategy: 'list', keys: ['region'] },
        partitions: [partition('events_2026_02_eu', { in: ['eu'] }), partition('events_2026_02_rest', { default: true })],
      }),
    ],
    indexes,
  });

export const before = [events([])];
export const after = [events([index(['kind', 'at'], { name: 'events_kind_at_idx' })])];
