// An enum value renamed that a default names, and a table whose default names it dropped: the
// default follows the label (PostgreSQL keeps it by the label's OID), so nothing sets it, and the
// way down re-creates the dropped table with the label it has then, before renaming it back.
import { enumColumn, enumType, integer, table } from '../../../../compiler/index.js';

const before_ = enumType('invoice_state', ['draft', 'sent']);
const after_ = enumType('invoice_state', [{ value: 'pending', renamedFrom: 'draft' }, 'sent']);

export const before = [
  before_,
  table('invoices', { columns: { id: integer({ primaryKey: true }), state: enumColumn(before_, { default: 'draft' }), history: enumColumn(before_, { array: true, default: ['draft', 'sent'] }) } }),
  table('drafts', { columns: { id: integer({ primaryKey: true }), state: enumColumn(before_, { default: 'draft' }) } }),
];
export const after = [
  after_,
  table('invoices', { columns: { id: integer({ primaryKey: true }), state: enumColumn(after_, { default: 'pending' }), history: enumColumn(after_, { array: true, default: ['pending', 'sent'] }) } }),
];
