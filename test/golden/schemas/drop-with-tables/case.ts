// Drop a schema with its tables and enum; down recreates the schema, its objects and keys.
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

export const before = [
  accounts,
  namespace('billing', { comment: 'Invoicing and ledgers' }),
  state,
  ledgers,
  table('entries', {
    schema: 'billing',
    columns: { id: uuid({ primaryKey: true }), ledger_id: uuid({ notNull: true, references: { table: ledgers } }), amount_cents: integer({ notNull: true }) },
  }),
];

export const after = [accounts];
