// Change a generated column's expression: drop and re-add (its values are derived).
import { integer, sql, table, uuid } from '../../../../compiler/index.js';

export const before = [
  table('line_items', {
    columns: {
      id: uuid({ primaryKey: true }),
      quantity: integer({ notNull: true }),
      unit_cents: integer({ notNull: true }),
      total_cents: integer({ generated: sql`quantity * unit_cents` }),
    },
  }),
];

export const after = [
  table('line_items', {
    columns: {
      id: uuid({ primaryKey: true }),
      quantity: integer({ notNull: true }),
      unit_cents: integer({ notNull: true }),
      total_cents: integer({ generated: sql`quantity * unit_cents + 100` }),
    },
  }),
];
