// An index with the same definition under a new name (no renamedFrom) is renamed, not rebuilt.
import { index, table, timestamptz, uuid } from '../../../../compiler/index.js';

const columns = { id: uuid({ primaryKey: true }), account_id: uuid(), issued_at: timestamptz() };

export const before = [table('invoices', { columns, indexes: [index(['account_id', 'issued_at'], { name: 'invoices_recent' })] })];

export const after = [table('invoices', { columns, indexes: [index(['account_id', 'issued_at'])] })];
