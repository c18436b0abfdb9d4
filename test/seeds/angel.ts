import type { SeedExpectations } from './expectations.js';

/**
 * Angel (issue 6, system 2): the core platform (users, companies, investments, leads) and the
 * marketplace and compliance expansion — 19 tables, 82 indexes (incl. primary keys and uniques),
 * 47 foreign keys; no partitions or materialized views. Needs citext.
 */
export const expected: SeedExpectations = { tables: 19, indexes: 82, foreignKeys: 47, partitions: 0, materializedViews: 0, extensions: ['citext'] };
