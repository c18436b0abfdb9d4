// Change an identity column's kind (by default → always), start and increment.
import { integer, table, text } from '../../../../compiler/index.js';

export const before = [
  table('orders', { columns: { id: integer({ primaryKey: true, identity: 'by default' }), note: text() } }),
];

export const after = [
  table('orders', {
    columns: { id: integer({ primaryKey: true, identity: { kind: 'always', start: 1000, increment: 10 } }), note: text() },
  }),
];
