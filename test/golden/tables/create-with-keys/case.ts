// A new table with primary key, unique, check, foreign key (to an existing table), index, comments.
import { check, index, integer, sql, table, text, timestamptz, uuid } from '../../../../compiler/index.js';

const accounts = table('accounts', { columns: { id: uuid({ primaryKey: true }) } });

export const before = [accounts];

export const after = [
  accounts,
  table('invoices', {
    comment: 'Bills sent to accounts',
    columns: {
      id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
      account_id: uuid({ notNull: true, references: { table: accounts, onDelete: 'cascade' } }),
      number: text({ notNull: true, unique: true, comment: 'Human-facing number' }),
      amount_cents: integer({ notNull: true }),
      issued_at: timestamptz({ notNull: true, default: sql`now()` }),
    },
    checks: [check(sql`amount_cents >= 0`, { name: 'invoices_amount_nonnegative' })],
    indexes: [index(['account_id', 'issued_at'])],
  }),
];
