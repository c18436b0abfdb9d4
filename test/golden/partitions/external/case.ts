// Partitions managed outside schemac (pg_partman or the app): the parent changes, children are ignored.
import { integer, table, text, timestamptz } from '../../../../compiler/index.js';

export const before = [];

export const after = [table('page_views', {
  columns: { id: integer({ notNull: true }), path: text(), at: timestamptz({ notNull: true }) },
  partitionBy: { strategy: 'range', keys: ['at'], externalPartitions: true },
})];
