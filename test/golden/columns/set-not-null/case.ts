// Make nullable columns NOT NULL (SET NOT NULL); down drops NOT NULL again.
import { date, table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('invoices', { columns: { id: uuid({ primaryKey: true }), number: text(), due_on: date() } }),
];

export const after = [
  table('invoices', { columns: { id: uuid({ primaryKey: true }), number: text({ notNull: true }), due_on: date({ notNull: true }) } }),
];
