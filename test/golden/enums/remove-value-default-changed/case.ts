// An enum value removed that a default named, the default changed in the same migration: the
// recreation leaves the column without a default for the default change to set; on the way down
// that change drops its default and the recreation sets the old one.
import { enumColumn, enumType, integer, table } from '../../../../compiler/index.js';

const before_ = enumType('ticket_state', ['new', 'open', 'closed']);
const after_ = enumType('ticket_state', ['open', 'closed']);

export const before = [before_, table('tickets', { columns: { id: integer({ primaryKey: true }), state: enumColumn(before_, { default: 'new' }) } })];
export const after = [after_, table('tickets', { columns: { id: integer({ primaryKey: true }), state: enumColumn(after_, { default: 'open' }) } })];
