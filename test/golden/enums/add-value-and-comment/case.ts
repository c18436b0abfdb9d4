// A value added to an enum whose comment changes in the same migration: down recreates the type
// with its old comment (the comment change is undone first).
import { enumColumn, enumType, table, uuid } from '../../../../compiler/index.js';

const before_ = enumType('ticket_state', ['open', 'closed'], { comment: 'Old comment' });
const after_ = enumType('ticket_state', ['open', 'closed', 'triaged'], { comment: 'New comment' });

export const before = [before_, table('tickets', { columns: { id: uuid({ primaryKey: true }), state: enumColumn(before_, { notNull: true, default: 'open' }) } })];
export const after = [after_, table('tickets', { columns: { id: uuid({ primaryKey: true }), state: enumColumn(after_, { notNull: true, default: 'open' }) } })];
