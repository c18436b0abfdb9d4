// A serial column becomes a plain integer with a literal default, another gains a serial sequence.
import { integer, serial, table } from '../../../../compiler/index.js';

export const before = [table('counters', { columns: { id: serial({ primaryKey: true }), value: integer({ notNull: true, default: 0 }) } })];

export const after = [table('counters', { columns: { id: integer({ primaryKey: true, default: 1 }), value: serial() } })];
