// Declared index rename (renamedFrom): ALTER INDEX … RENAME TO.
import { index, table, timestamptz, uuid } from '../../../../compiler/index.js';

const columns = { id: uuid({ primaryKey: true }), account_id: uuid(), issued_at: timestamptz() };

export const before = [table('invoices', { columns, indexes: [index('account_id', { name: 'inv_acct' })] })];

export const after = [
  table('invoices', { columns, indexes: [index('account_id', { name: 'invoices_account_lookup', renamedFrom: 'inv_acct' })] }),
];
