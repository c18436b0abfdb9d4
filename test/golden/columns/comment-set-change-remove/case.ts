// Column comments: set one, change one (with quotes), remove one.
import { integer, table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('invoices', {
    columns: {
      id: uuid({ primaryKey: true }),
      number: text(),
      amount_cents: integer({ comment: 'amount' }),
      memo: text({ comment: 'free text' }),
    },
  }),
];

export const after = [
  table('invoices', {
    columns: {
      id: uuid({ primaryKey: true }),
      number: text({ comment: 'Human-facing number' }),
      amount_cents: integer({ comment: "total in cents; it's never negative" }),
      memo: text(),
    },
  }),
];
