import type { SeedExpectations } from './expectations.js';

/**
 * aiservice (issue 6, system 5): an AI document-processing service over four PostgreSQL schemas —
 * public (users, api_keys, documents, jobs), financial (invoices, statements, ledger_entries),
 * tagging (models, tags, tag_assignments), trading (signals, orders, positions). 13 tables; 65
 * indexes, most of them pagination indexes (created_at DESC, id DESC; <filter>, created_at DESC);
 * 24 foreign keys, 14 of them across schemas.
 */
export const expected: SeedExpectations = {
  tables: 13,
  indexes: 65,
  foreignKeys: 24,
  partitions: 0,
  materializedViews: 0,
  schemas: ['financial', 'tagging', 'trading'],
};
