// EXCLUDE (btree_gist) with a predicate, DEFERRABLE keys and FKs, UNIQUE NULLS NOT DISTINCT with
// INCLUDE, a two-column MATCH FULL key; then the deferrable modes and the exclusion's predicate change.
import { exclude, extension, foreignKey, integer, sql, table, text, unique, uuid, column } from '../../../../compiler/index.js';

const gist = extension('btree_gist');
const rooms = table('rooms', { columns: { id: integer({ primaryKey: true }), code: text() } });
const stays = table('stays', { columns: { id: uuid({ notNull: true }), room_id: integer({ notNull: true }) }, uniques: [unique(['id', 'room_id'])] });

const bookings = (v: 1 | 2) =>
  table('bookings', {
    columns: {
      id: uuid({ notNull: true }),
      room_id: integer({ notNull: true }),
      guest: text(),
      during: column('tstzrange', { notNull: true }),
      status: text({ notNull: true }),
      parent_id: uuid(),
    },
    primaryKey: { columns: ['id'], deferrable: v === 1 ? 'immediate' : 'deferred' },
    uniques: [unique(['room_id', 'guest'], { nullsNotDistinct: true, include: ['status'] })],
    foreignKeys: [
      foreignKey(['room_id'], { table: rooms }, { deferrable: 'deferred', onDelete: 'cascade' }),
      foreignKey(['parent_id', 'room_id'], { table: 'stays', columns: ['id', 'room_id'] }, { matchFull: true, name: 'bookings_stay_fkey' }),
    ],
    exclusions: [
      exclude([{ column: 'room_id', operator: '=' }, { column: 'during', operator: '&&' }], {
        name: 'bookings_no_overlap',
        ...(v === 2 ? { where: sql`status <> 'cancelled'` } : {}),
      }),
    ],
  });

export const before = [gist, rooms, stays, bookings(1)];
export const after = [gist, rooms, stays, bookings(2)];
