// Declared column rename combined with a type change (integer → bigint) and a default.
import { bigint, integer, table, uuid } from '../../../../compiler/index.js';

export const before = [
  table('invoices', { columns: { id: uuid({ primaryKey: true }), amount: integer({ notNull: true, default: 0 }) } }),
];

export const after = [
  table('invoices', {
    columns: { id: uuid({ primaryKey: true }), amount_cents: bigint({ notNull: true, default: 0, renamedFrom: 'amount' }) },
  }),
];
