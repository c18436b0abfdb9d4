// A new enum value used at once by a column default and a CHECK in the same migration: the value
// is added in a transaction of its own, committed before the steps that use it.
import { check, enumColumn, enumType, sql, table, uuid } from '../../../../compiler/index.js';

const before_ = enumType('ticket_state', ['open', 'closed']);
const after_ = enumType('ticket_state', ['open', 'closed', 'triaged']);

export const before = [before_, table('tickets', { columns: { id: uuid({ primaryKey: true }), state: enumColumn(before_, { notNull: true, default: 'open' }) } })];
export const after = [
  after_,
  table('tickets', {
    columns: { id: uuid({ primaryKey: true }), state: enumColumn(after_, { notNull: true, default: 'triaged' }) },
    checks: [check(sql`state <> 'triaged'::ticket_state OR id IS NOT NULL`, { name: 'tickets_triaged_check' })],
  }),
];
