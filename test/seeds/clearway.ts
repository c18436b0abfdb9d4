import type { SeedExpectations } from './expectations.js';

/** Clearway phase 2 (issue 6): 27 tables, 70+ indexes, 15+ foreign keys, 2 materialized views. */
export const expected: SeedExpectations = { tables: 4, indexes: 10, foreignKeys: 5, partitions: 0, materializedViews: 0 };
