// Add columns to an existing table: NOT NULL with a default, nullable, boolean, and a sql`now()` default.
import { boolean, integer, sql, table, text, timestamptz, uuid } from '../../../../compiler/index.js';

export const before = [table('accounts', { columns: { id: uuid({ primaryKey: true }) } })];

export const after = [
  table('accounts', {
    columns: {
      id: uuid({ primaryKey: true }),
      plan: text({ notNull: true, default: 'free' }),
      seats: integer({ notNull: true, default: 1 }),
      active: boolean({ notNull: true, default: true }),
      nickname: text(),
      updated_at: timestamptz({ notNull: true, default: sql`now()` }),
    },
  }),
];
