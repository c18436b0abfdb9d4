// Drop column defaults (an expression default and a literal default); down sets them again.
import { integer, sql, table, uuid } from '../../../../compiler/index.js';

export const before = [
  table('invoices', {
    columns: {
      id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
      quantity: integer({ notNull: true, default: 1 }),
    },
  }),
];

export const after = [
  table('invoices', { columns: { id: uuid({ primaryKey: true }), quantity: integer({ notNull: true }) } }),
];
