// A foreign key keeps its name but changes ON DELETE / ON UPDATE actions: drop and add.
import { table, uuid } from '../../../../compiler/index.js';

const accounts = table('accounts', { columns: { id: uuid({ primaryKey: true }) } });

export const before = [
  accounts,
  table('invoices', { columns: { id: uuid({ primaryKey: true }), account_id: uuid({ references: { table: accounts } }) } }),
];

export const after = [
  accounts,
  table('invoices', {
    columns: { id: uuid({ primaryKey: true }), account_id: uuid({ references: { table: accounts, onDelete: 'set null', onUpdate: 'cascade' } }) },
  }),
];
