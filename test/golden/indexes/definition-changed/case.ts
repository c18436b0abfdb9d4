// Same index name, new definition (columns, order, uniqueness): drop and create.
import { index, table, text, timestamptz, uuid } from '../../../../compiler/index.js';

const columns = { id: uuid({ primaryKey: true }), account_id: uuid(), status: text(), issued_at: timestamptz() };

export const before = [table('invoices', { columns, indexes: [index(['account_id'], { name: 'invoices_lookup' })] })];

export const after = [
  table('invoices', {
    columns,
    indexes: [index(['account_id', { column: 'issued_at', order: 'desc' }], { name: 'invoices_lookup', unique: true })],
  }),
];
