// An identity column changed to serial: the identity (and its sequence, which holds the name the
// serial sequence takes) is dropped first; on the way down the serial sequence goes first.
import { integer, serial, table } from '../../../../compiler/index.js';

export const before = [table('events', { columns: { id: integer({ identity: 'by default' }) } })];
export const after = [table('events', { columns: { id: serial() } })];
