// Make a NOT NULL column nullable (DROP NOT NULL); down sets NOT NULL again.
import { table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('invoices', { columns: { id: uuid({ primaryKey: true }), memo: text({ notNull: true }) } }),
];

export const after = [table('invoices', { columns: { id: uuid({ primaryKey: true }), memo: text() } })];
