// Declared column rename where the column has a default-named unique key and index (both named after it).
import { index, table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('accounts', {
    columns: { id: uuid({ primaryKey: true }), mail: text({ notNull: true, unique: true }) },
    indexes: [index('mail')],
  }),
];

export const after = [
  table('accounts', {
    columns: { id: uuid({ primaryKey: true }), email: text({ notNull: true, unique: true, renamedFrom: 'mail' }) },
    indexes: [index('email')],
  }),
];
