// json and jsonb columns with object and array defaults; change a jsonb default.
import { json, jsonb, table, uuid } from '../../../../compiler/index.js';

export const before = [
  table('settings', { columns: { id: uuid({ primaryKey: true }), prefs: jsonb({ notNull: true, default: {} }) } }),
];

export const after = [
  table('settings', {
    columns: {
      id: uuid({ primaryKey: true }),
      prefs: jsonb({ notNull: true, default: { theme: 'dark', beta: false } }),
      history: json({ notNull: true, default: [] }),
      meta: jsonb({ default: { note: "it's \"quoted\"" } }),
    },
  }),
];
