// Declared column rename (renamedFrom) with a default and a comment that stay as they are.
import { table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('accounts', {
    columns: { id: uuid({ primaryKey: true }), mail: text({ notNull: true, default: '', comment: 'login' }) },
  }),
];

export const after = [
  table('accounts', {
    columns: { id: uuid({ primaryKey: true }), email: text({ notNull: true, default: '', comment: 'login', renamedFrom: 'mail' }) },
  }),
];
