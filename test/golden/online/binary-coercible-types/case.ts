// Widening a varchar, a numeric's precision and a timestamp's precision, and varchar → text: the
// catalog changes, the table is not rewritten (no table-rewrite hazard). Narrowing back is flagged.
import { numeric, table, text, timestamp, uuid, varchar } from '../../../../compiler/index.js';

export const before = [
  table('accounts', {
    columns: { id: uuid({ primaryKey: true }), name: varchar({ length: 50 }), code: varchar({ length: 10 }), balance: numeric({ precision: 10, scale: 2 }), seen_at: timestamp({ precision: 3 }) },
  }),
];
export const after = [
  table('accounts', {
    columns: { id: uuid({ primaryKey: true }), name: varchar({ length: 200 }), code: text(), balance: numeric({ precision: 14, scale: 2 }), seen_at: timestamp({ precision: 6 }) },
  }),
];
