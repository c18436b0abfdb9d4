// A table in an undeclared schema: the schema is created implicitly (and dropped by down).
import { table, text, timestamptz, uuid } from '../../../../compiler/index.js';

export const before = [];

export const after = [
  table('events', { schema: 'audit', columns: { id: uuid({ primaryKey: true }), action: text({ notNull: true }), at: timestamptz({ notNull: true }) } }),
];
