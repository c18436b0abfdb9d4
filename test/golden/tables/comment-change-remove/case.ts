// Change one table comment (with a quote) and remove another.
import { table, uuid } from '../../../../compiler/index.js';

export const before = [
  table('invoices', { comment: 'Bills', columns: { id: uuid({ primaryKey: true }) } }),
  table('payments', { comment: 'Money received', columns: { id: uuid({ primaryKey: true }) } }),
];

export const after = [
  table('invoices', { comment: "Bills sent to customers' billing contacts", columns: { id: uuid({ primaryKey: true }) } }),
  table('payments', { columns: { id: uuid({ primaryKey: true }) } }),
];
