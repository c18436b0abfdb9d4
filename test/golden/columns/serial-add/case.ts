// serial and bigserial columns: owned sequences created with the table or the column, dropped with them.
import { bigserial, serial, table, text } from '../../../../compiler/index.js';

export const before = [table('tickets', { columns: { id: serial({ primaryKey: true }), title: text() } })];

export const after = [
  table('tickets', { columns: { id: serial({ primaryKey: true }), title: text(), position: bigserial() } }),
  table('events', { columns: { id: bigserial({ primaryKey: true }), name: text({ notNull: true }) } }),
];
