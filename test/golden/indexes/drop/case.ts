// Drop indexes from an existing table; down recreates them.
import { index, table, text, timestamptz, uuid } from '../../../../compiler/index.js';

const columns = { id: uuid({ primaryKey: true }), account_id: uuid(), status: text(), issued_at: timestamptz() };

export const before = [
  table('invoices', { columns, indexes: [index('account_id'), index(['status', 'issued_at'], { name: 'invoices_by_status' })] }),
];

export const after = [table('invoices', { columns })];
