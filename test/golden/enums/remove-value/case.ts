// Remove an enum value (recreate the type) while a column uses it with a default.
import { enumColumn, enumType, table, uuid } from '../../../../compiler/index.js';

const statusBefore = enumType('invoice_status', ['draft', 'sent', 'paid', 'void']);
const statusAfter = enumType('invoice_status', ['draft', 'sent', 'paid']);

const invoices = (status: typeof statusBefore) =>
  table('invoices', { columns: { id: uuid({ primaryKey: true }), status: enumColumn(status, { notNull: true, default: 'draft' }) } });

export const before = [statusBefore, invoices(statusBefore)];
export const after = [statusAfter, invoices(statusAfter)];
