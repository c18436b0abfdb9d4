// Drop unique constraints (single and multi-column); down adds them back.
import { table, text, unique, uuid } from '../../../../compiler/index.js';

export const before = [
  table('invoices', {
    columns: { id: uuid({ primaryKey: true }), account_id: uuid({ notNull: true }), number: text({ notNull: true, unique: true }) },
    uniques: [unique(['account_id', 'number'], { name: 'invoices_account_number_key' })],
  }),
];

export const after = [
  table('invoices', { columns: { id: uuid({ primaryKey: true }), account_id: uuid({ notNull: true }), number: text({ notNull: true }) } }),
];
