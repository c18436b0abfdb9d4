// Multi-column unique index with a DESC key, and a plain DESC index.
import { index, integer, table, timestamptz, uuid } from '../../../../compiler/index.js';

const columns = { id: uuid({ primaryKey: true }), account_id: uuid({ notNull: true }), version: integer({ notNull: true }), created_at: timestamptz() };

export const before = [table('documents', { columns })];

export const after = [
  table('documents', {
    columns,
    indexes: [
      index(['account_id', { column: 'version', order: 'desc' }], { unique: true, name: 'documents_account_version_key' }),
      index({ column: 'created_at', order: 'desc' }),
    ],
  }),
];
