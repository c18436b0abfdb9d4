// Add a column check and drop a table check on the same table.
import { check, integer, sql, table, uuid } from '../../../../compiler/index.js';

export const before = [
  table('line_items', {
    columns: { id: uuid({ primaryKey: true }), quantity: integer({ notNull: true }), discount: integer() },
    checks: [check(sql`discount IS NULL OR discount >= 0`, { name: 'line_items_discount_check' })],
  }),
];

export const after = [
  table('line_items', {
    columns: { id: uuid({ primaryKey: true }), quantity: integer({ notNull: true, check: sql`quantity > 0` }), discount: integer() },
  }),
];
