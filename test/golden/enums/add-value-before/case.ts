// Insert an enum value before an existing one and append another; down recreates the type.
import { enumColumn, enumType, table, uuid } from '../../../../compiler/index.js';

const statusBefore = enumType('ticket_status', ['open', 'closed']);
const statusAfter = enumType('ticket_status', ['open', 'in_progress', 'closed', 'archived']);

const tickets = (status: typeof statusBefore) =>
  table('tickets', { columns: { id: uuid({ primaryKey: true }), status: enumColumn(status, { notNull: true, default: 'open' }) } });

export const before = [statusBefore, tickets(statusBefore)];
export const after = [statusAfter, tickets(statusAfter)];
