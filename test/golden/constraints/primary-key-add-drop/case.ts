// Add a primary key to a table that had none, and drop another table's primary key.
import { bigint, table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('events', { columns: { id: bigint({ notNull: true }), name: text() } }),
  table('audit_log', { columns: { id: uuid({ primaryKey: true }), entry: text() } }),
];

export const after = [
  table('events', { columns: { id: bigint({ primaryKey: true }), name: text() } }),
  table('audit_log', { columns: { id: uuid({ notNull: true }), entry: text() } }),
];
