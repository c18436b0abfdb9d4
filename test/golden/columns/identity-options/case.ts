// Identity sequence options beyond START/INCREMENT: MINVALUE, MAXVALUE, CACHE, CYCLE.
import { bigint, integer, table, text } from '../../../../compiler/index.js';

export const before = [table('tickets', { columns: { id: integer({ identity: { kind: 'always', start: 1 } }), code: bigint({ identity: 'by default' }), note: text() } })];
export const after = [table('tickets', { columns: {
  id: integer({ identity: { kind: 'always', start: 100, increment: 10, max: 100000, cache: 20, cycle: true } }),
  code: bigint({ identity: { kind: 'by default', min: 0, start: 5 } }),
  note: text(),
} })];
