// A declared enum value rename (in place, keeps the rows), together with an added value.
import { enumType, integer, ofType, table } from '../../../../compiler/index.js';

const before1 = enumType('invoice_state', ['draft', 'sent', 'settled']);
const after1 = enumType('invoice_state', ['draft', 'sent', { value: 'paid', renamedFrom: 'settled' }, 'void']);

const invoices = (t: typeof before1) => table('invoices', { columns: { id: integer({ primaryKey: true }), state: ofType(t, { notNull: true, default: 'draft' }) } });

export const before = [before1, invoices(before1)];
export const after = [after1, invoices(after1)];
