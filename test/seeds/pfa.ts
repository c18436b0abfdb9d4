import type { SeedExpectations } from './expectations.js';

/**
 * pfa (issue 6, system 4): a cached mirror + delta. 4 tables (connections, the JSONB mirror with
 * generated columns, the modifications delta, the append-only sync log); 20 indexes (B-tree on the
 * generated columns, GIN jsonb_path_ops on the payload, partial indexes, and the unique indexes
 * that let both materialized views refresh concurrently); 2 foreign keys; 2 materialized views
 * (KPI summary, timeline bounds).
 */
export const expected: SeedExpectations = { tables: 4, indexes: 20, foreignKeys: 2, partitions: 0, materializedViews: 2 };
