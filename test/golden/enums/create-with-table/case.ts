// Create an enum and a table whose column uses it with a default.
import { enumColumn, enumType, table, uuid } from '../../../../compiler/index.js';

const status = enumType('invoice_status', ['draft', 'sent', 'paid', 'void']);

export const before = [];

export const after = [
  status,
  table('invoices', { columns: { id: uuid({ primaryKey: true }), status: enumColumn(status, { notNull: true, default: 'draft' }) } }),
];
