// Add the citext extension and a citext column (with a unique key) to an existing table.
import { citext, extension, table, uuid } from '../../../../compiler/index.js';

export const before = [table('accounts', { columns: { id: uuid({ primaryKey: true }) } })];

export const after = [
  extension('citext'),
  table('accounts', { columns: { id: uuid({ primaryKey: true }), email: citext({ unique: true }) } }),
];
