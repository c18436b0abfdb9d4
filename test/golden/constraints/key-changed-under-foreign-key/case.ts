// A primary key that foreign keys reference changes (gains INCLUDE): the referencing foreign keys
// are dropped before it and added back after it.
import { integer, table, text } from '../../../../compiler/index.js';

const accounts = (include: boolean) => table('accounts', {
  columns: { id: integer({ notNull: true }), name: text() },
  primaryKey: include ? { columns: ['id'], include: ['name'] } : ['id'],
});
const invoices = table('invoices', { columns: { id: integer({ primaryKey: true }), account_id: integer({ references: { table: 'accounts' } }) } });

export const before = [accounts(false), invoices];
export const after = [accounts(true), invoices];
