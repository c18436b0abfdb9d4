// Add a comment to an existing table.
import { table, text, uuid } from '../../../../compiler/index.js';

export const before = [table('invoices', { columns: { id: uuid({ primaryKey: true }), number: text() } })];

export const after = [
  table('invoices', { comment: 'Bills sent to customers', columns: { id: uuid({ primaryKey: true }), number: text() } }),
];
