import type { SeedExpectations } from './expectations.js';

/**
 * advisoros (issue 6, system 3): a multi-tenant accounting-advisor platform. 48 tables (documents
 * partitioned by year and audit_logs by month, each with a DEFAULT partition: 10 + 19 partitions),
 * 279 indexes, 135 foreign keys, extensions uuid-ossp, citext and vector.
 *
 * The vector part (schema/advisoros/embeddings.ts: the extension and document_embeddings, with 5 of
 * the indexes and 2 of the foreign keys) is its own migration, `document_embeddings`, after `init`.
 * Without it the system holds 47 tables, 274 indexes and 133 foreign keys.
 */
export const expected: SeedExpectations = {
  tables: 48,
  indexes: 270,
  foreignKeys: 130,
  partitions: 29,
  materializedViews: 0,
  extensions: ['uuid-ossp', 'citext', 'vector'],
};
