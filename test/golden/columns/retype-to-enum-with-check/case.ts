// A text column changed to an enum while a CHECK and a partial index read it: both are dropped
// before ALTER COLUMN … TYPE and re-created (with their comments) after it, in both directions.
// The CHECK on another column stays.
import { check, enumColumn, enumType, index, integer, sql, table, text } from '../../../../compiler/index.js';

const state = enumType('ticket_state', ['open', 'closed']);
const checks = [
  check(sql`state::text <> 'x'`, { name: 'tickets_state_check', comment: 'Not x' }),
  check(sql`id > 0`, { name: 'tickets_id_check' }),
];
const indexes = [index(['id'], { name: 'tickets_stated_idx', where: sql`state IS NOT NULL`, comment: 'Tickets with a state' })];

export const before = [state, table('tickets', { columns: { id: integer({ primaryKey: true }), state: text() }, checks, indexes })];
export const after = [state, table('tickets', { columns: { id: integer({ primaryKey: true }), state: enumColumn(state) }, checks, indexes })];
