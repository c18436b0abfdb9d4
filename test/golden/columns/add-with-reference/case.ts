// Add a nullable foreign key column to an existing table (column.add plus constraint.add).
import { table, text, uuid } from '../../../../compiler/index.js';

const accounts = table('accounts', { columns: { id: uuid({ primaryKey: true }), name: text() } });

export const before = [accounts, table('invoices', { columns: { id: uuid({ primaryKey: true }) } })];

export const after = [
  accounts,
  table('invoices', {
    columns: { id: uuid({ primaryKey: true }), account_id: uuid({ references: { table: accounts, onDelete: 'restrict' } }) },
  }),
];
