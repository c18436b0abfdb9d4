// Create a schema (with a comment) holding an enum and tables, one referencing a public table.
import { enumColumn, enumType, integer, namespace, table, uuid } from '../../../../compiler/index.js';

const accounts = table('accounts', { columns: { id: uuid({ primaryKey: true }) } });
const state = enumType('ledger_state', ['open', 'closed'], { schema: 'billing' });
const ledgers = table('ledgers', {
  schema: 'billing',
  columns: {
    id: uuid({ primaryKey: true }),
    account_id: uuid({ notNull: true, references: { table: accounts } }),
    state: enumColumn(state, { notNull: true, default: 'open' }),
  },
});

export const before = [accounts];

export const after = [
  accounts,
  namespace('billing', { comment: 'Invoicing and ledgers' }),
  state,
  ledgers,
  table('entries', {
    schema: 'billing',
    columns: { id: uuid({ primaryKey: true }), ledger_id: uuid({ notNull: true, references: { table: ledgers } }), amount_cents: integer({ notNull: true }) },
  }),
];
