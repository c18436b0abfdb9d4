// Widen a varchar, change integer → bigint, text → integer with a default that must be reset.
import { bigint, integer, table, text, uuid, varchar } from '../../../../compiler/index.js';

export const before = [
  table('items', {
    columns: {
      id: uuid({ primaryKey: true }),
      code: varchar({ length: 10, notNull: true }),
      count: integer({ notNull: true, default: 0 }),
      rank: text({ default: '1' }),
    },
  }),
];

export const after = [
  table('items', {
    columns: {
      id: uuid({ primaryKey: true }),
      code: varchar({ length: 40, notNull: true }),
      count: bigint({ notNull: true, default: 0 }),
      rank: integer({ default: 1 }),
    },
  }),
];
