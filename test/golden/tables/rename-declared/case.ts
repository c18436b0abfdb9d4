// Declared table rename (renamedFrom) keeps the data columns; default-named key and index follow the new name.
import { index, table, text, timestamptz, uuid } from '../../../../compiler/index.js';

export const before = [
  table('accounts', {
    columns: {
      id: uuid({ primaryKey: true }),
      email: text({ notNull: true, unique: true }),
      created_at: timestamptz({ notNull: true }),
    },
    indexes: [index('created_at')],
  }),
];

export const after = [
  table('customers', {
    renamedFrom: 'accounts',
    columns: {
      id: uuid({ primaryKey: true }),
      email: text({ notNull: true, unique: true }),
      created_at: timestamptz({ notNull: true }),
    },
    indexes: [index('created_at')],
  }),
];
