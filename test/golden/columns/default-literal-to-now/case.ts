// Change a timestamptz default from a literal to sql`now()` (and a text default from one literal to another).
import { sql, table, text, timestamptz, uuid } from '../../../../compiler/index.js';

export const before = [
  table('invoices', {
    columns: {
      id: uuid({ primaryKey: true }),
      issued_at: timestamptz({ notNull: true, default: '2000-01-01 00:00:00+00' }),
      currency: text({ notNull: true, default: 'USD' }),
    },
  }),
];

export const after = [
  table('invoices', {
    columns: {
      id: uuid({ primaryKey: true }),
      issued_at: timestamptz({ notNull: true, default: sql`now()` }),
      currency: text({ notNull: true, default: 'EUR' }),
    },
  }),
];
