// Retyping a column that a view (and a view on that view) reads: both are dropped first and recreated last.
import { integer, numeric, sql, table, text, view } from '../../../../compiler/index.js';

const views = [
  view('priced_items', { query: sql`SELECT id, name, price FROM items WHERE price IS NOT NULL` }),
  view('expensive_items', { query: sql`SELECT id, name FROM priced_items WHERE price > 100` }),
];

export const before = [table('items', { columns: { id: integer({ primaryKey: true }), name: text(), price: integer() } }), ...views];
export const after = [table('items', { columns: { id: integer({ primaryKey: true }), name: text(), price: numeric({ precision: 12, scale: 2 }) } }), ...views];
