// Drop a table and the enum its column used: the table first, then the type.
import { enumColumn, enumType, table, uuid } from '../../../../compiler/index.js';

const status = enumType('invoice_status', ['draft', 'sent', 'paid', 'void']);

export const before = [
  status,
  table('invoices', { columns: { id: uuid({ primaryKey: true }), status: enumColumn(status, { notNull: true, default: 'draft' }) } }),
];

export const after = [];
