// Declared renames of a table and a column whose names need quoting (capitals, spaces).
import { table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('Customer Accounts', { columns: { ID: uuid({ primaryKey: true }), 'Display Name': text() } }),
];

export const after = [
  table('CustomerAccounts', {
    renamedFrom: 'Customer Accounts',
    columns: { ID: uuid({ primaryKey: true }), displayName: text({ renamedFrom: 'Display Name' }) },
  }),
];
