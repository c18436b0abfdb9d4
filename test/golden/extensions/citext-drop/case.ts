// Drop a citext column and then the citext extension; down recreates both.
import { citext, extension, table, uuid } from '../../../../compiler/index.js';

export const before = [
  extension('citext'),
  table('accounts', { columns: { id: uuid({ primaryKey: true }), email: citext({ unique: true }) } }),
];

export const after = [table('accounts', { columns: { id: uuid({ primaryKey: true }) } })];
