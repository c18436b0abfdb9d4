// An enum value removed: the recreation rebuilds the CHECKs and partial indexes of the table using
// it, with their comments (found by the property tests: the comments were lost).
import { check, enumColumn, enumType, index, integer, sql, table } from '../../../../compiler/index.js';

const before_ = enumType('ticket_state', ['open', 'stale', 'closed']);
const after_ = enumType('ticket_state', ['open', 'closed']);

const tickets = (state: typeof before_) => table('tickets', {
  columns: { id: integer({ primaryKey: true }), state: enumColumn(state, { notNull: true }) },
  checks: [check(sql`id > 0`, { name: 'tickets_id_positive', comment: 'Ids start at 1' })],
  indexes: [index(['id'], { name: 'tickets_open_idx', where: sql`state = 'open'`, comment: 'Open tickets only' })],
});

export const before = [before_, tickets(before_)];
export const after = [after_, tickets(after_)];
