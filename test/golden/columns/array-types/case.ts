// Array columns: add text[] and integer[] with array defaults, change one array default.
import { integer, table, text, uuid } from '../../../../compiler/index.js';

export const before = [
  table('articles', { columns: { id: uuid({ primaryKey: true }), tags: text({ array: true, notNull: true, default: [] }) } }),
];

export const after = [
  table('articles', {
    columns: {
      id: uuid({ primaryKey: true }),
      tags: text({ array: true, notNull: true, default: ['news', 'a b'] }),
      scores: integer({ array: true, default: [1, 2, 3] }),
      aliases: text({ array: true }),
    },
  }),
];
