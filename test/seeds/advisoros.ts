import type { SeedExpectations } from './expectations.js';

/**
 * advisoros (issue 6, system 3): a multi-tenant accounting-advisor platform. 48 tables (documents
 * partitioned by year and audit_logs by month, each with a DEFAULT partition: 10 + 19 partitions),
 * 279 indexes, 135 foreign keys, extensions uuid-ossp, citext and vector.
 *
 * vector is optional (schema/advisoros/embeddings.ts): document_embeddings requires it, with 5 of
 * the indexes and 2 of the foreign keys. On a server without pgvector apply skips that part and says
 * so; the rest holds 47 tables, 274 indexes and 133 foreign keys, so the index and foreign key
 * minimums below hold either way.
 */
export const expected: SeedExpectations = {
  tables: 48,
  indexes: 270,
  foreignKeys: 130,
  partitions: 29,
  materializedViews: 0,
  extensions: ['uuid-ossp', 'citext', 'vector'],
};
