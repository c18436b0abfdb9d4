import type { SeedExpectations } from './expectations.js';

/**
 * Clearway phase 2 (issue 6): 27 tables, 70+ indexes, 15+ foreign keys, 2 materialized views — the
 * plan's minimums. Applied, the schema holds 27 tables, 147 indexes (PK/unique included, matview
 * indexes included), 72 foreign keys and 2 materialized views (compliance.legal_holds not counted).
 */
export const expected: SeedExpectations = { tables: 27, indexes: 70, foreignKeys: 15, partitions: 0, materializedViews: 2 };
