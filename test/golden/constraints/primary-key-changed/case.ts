// The primary key changes columns (id → tenant_id, id) under the same name: drop and add.
import { table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('documents', { columns: { tenant_id: uuid({ notNull: true }), id: uuid({ primaryKey: true }), title: text() } }),
];

export const after = [
  table('documents', {
    columns: { tenant_id: uuid({ notNull: true }), id: uuid({ notNull: true }), title: text() },
    primaryKey: ['tenant_id', 'id'],
  }),
];
