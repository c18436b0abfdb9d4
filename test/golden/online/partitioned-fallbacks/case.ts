// What cannot be done online keeps its plain form and its long-lock hazard: a foreign key on a
// partitioned table (PostgreSQL refuses NOT VALID there), a UNIQUE on one (USING INDEX is
// refused), dropping a partitioned index (no DROP INDEX CONCURRENTLY) and an exclusion constraint.
import { bigint, column, exclude, extension, foreignKey, index, partition, table, timestamptz, unique, uuid } from '../../../../compiler/index.js';

const orgs = table('orgs', { columns: { id: uuid({ primaryKey: true }) } });
const ledger = (extra: { fk?: boolean; unique?: boolean; index?: boolean }) =>
  table('ledger', {
    columns: { id: bigint({ notNull: true }), org: uuid({ notNull: true }), at: timestamptz({ notNull: true }) },
    primaryKey: ['id', 'at'],
    partitionBy: { strategy: 'range', keys: ['at'] },
    partitions: [partition('ledger_2026', { from: '2026-01-01 00:00:00+00', to: '2027-01-01 00:00:00+00' })],
    foreignKeys: extra.fk ? [foreignKey(['org'], { table: 'orgs' })] : [],
    uniques: extra.unique ? [unique(['org', 'at'], { name: 'ledger_org_at_key' })] : [],
    indexes: extra.index ? [index(['org'], { name: 'ledger_org_idx' })] : [],
  });
const rooms = (exclusion: boolean) =>
  table('bookings', {
    columns: { id: uuid({ primaryKey: true }), room: bigint({ notNull: true }), during: column('tstzrange', { notNull: true }) },
    exclusions: exclusion ? [exclude([{ column: 'room', operator: '=' }, { column: 'during', operator: '&&' }], { name: 'bookings_no_overlap', using: 'gist' })] : [],
  });

const gist = extension('btree_gist');

export const before = [gist, orgs, ledger({ index: true }), rooms(false)];
export const after = [gist, orgs, ledger({ fk: true, unique: true }), rooms(true)];
