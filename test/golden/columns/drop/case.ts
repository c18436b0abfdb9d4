// Drop columns (with defaults and NOT NULL); down adds them back with the same definitions.
import { boolean, integer, sql, table, text, timestamptz, uuid } from '../../../../compiler/index.js';

export const before = [
  table('accounts', {
    columns: {
      id: uuid({ primaryKey: true }),
      plan: text({ notNull: true, default: 'free' }),
      seats: integer({ notNull: true, default: 1 }),
      active: boolean({ notNull: true, default: true }),
      nickname: text({ comment: 'shown in the UI' }),
      updated_at: timestamptz({ notNull: true, default: sql`now()` }),
    },
  }),
];

export const after = [table('accounts', { columns: { id: uuid({ primaryKey: true }) } })];
