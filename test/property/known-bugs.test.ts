/**
 * The minimal reproductions of the bugs the property tests found (docs/reliability.md). Those still
 * open are listed in known-bugs.ts and skipped here, so the suite stays green;
 * `SCHEMAC_PROPERTY_KNOWN_BUGS=fail` runs them to check a fix. Once a bug is fixed its entry is
 * deleted and its reproduction runs with the others (and gets a golden case).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import type { Declaration } from '../../compiler/dsl/declarations.js';
import {
  check, enumColumn, enumType, foreignKey, index, integer, interval, serial, sql, table, text, timestamp, unique,
} from '../../compiler/index.js';
import { EMPTY_SCHEMA } from '../../compiler/model/types.js';
import { freshDatabaseUrl, open } from '../helpers/backends.js';
import { declare, describeChanges, migrationSql, remainingChanges, resetDatabase, runScript } from '../helpers/schema.js';
import { skipsKnownBug } from './known-bugs.js';

interface Reproduction {
  readonly bug: string;
  readonly title: string;
  readonly before: readonly Declaration[];
  readonly after: readonly Declaration[];
  /** Compare without the dev database (the fallback comparison), as well as with it. */
  readonly fallback?: boolean;
}

const e0 = enumType('e0', ['draft']);
const e0Renamed = enumType('e0', [{ value: 'paid', renamedFrom: 'draft' }]);
const e1 = enumType('e1', ['a', 'b']);
const e1Removed = enumType('e1', ['b']);

const REPRODUCTIONS: readonly Reproduction[] = [
  {
    bug: 'drop-with-rename',
    title: 'a column renamed and its index dropped: down re-creates the index on the new column name',
    before: [table('t', { columns: { id: integer(), c: text() }, indexes: [index(['c'], { name: 't_c_idx' })] })],
    after: [table('t', { columns: { id: integer(), d: text({ renamedFrom: 'c' }) } })],
  },
  {
    bug: 'drop-with-rename',
    title: 'a table renamed and the foreign key to it dropped: down re-adds the key referencing the new table name',
    before: [
      table('parent', { columns: { id: integer({ primaryKey: true }) } }),
      table('child', { columns: { id: integer(), parent_id: integer() }, foreignKeys: [foreignKey(['parent_id'], { table: 'parent' })] }),
    ],
    after: [
      table('parent2', { renamedFrom: 'parent', columns: { id: integer({ primaryKey: true }) } }),
      table('child', { columns: { id: integer(), parent_id: integer() } }),
    ],
  },
  {
    bug: 'drop-with-rename',
    title: 'a column renamed and its unique constraint dropped: down re-adds UNIQUE on the new column name',
    before: [table('t', { columns: { id: integer(), c: text() }, uniques: [unique(['c'], { name: 't_c_key' })] })],
    after: [table('t', { columns: { id: integer(), d: text({ renamedFrom: 'c' }) } })],
  },
  {
    bug: 'enum-recreate-drops-comments',
    title: 'an enum value removed: the CHECKs and partial indexes of the table lose their comments',
    before: [e1, table('t', { columns: { id: integer(), c: enumColumn(e1) }, checks: [check(sql`id > 0`, { name: 't_ck', comment: 'kept?' })], indexes: [index(['id'], { name: 't_ix', where: sql`id > 0`, comment: 'kept?' })] })],
    after: [e1Removed, table('t', { columns: { id: integer(), c: enumColumn(e1Removed) }, checks: [check(sql`id > 0`, { name: 't_ck', comment: 'kept?' })], indexes: [index(['id'], { name: 't_ix', where: sql`id > 0`, comment: 'kept?' })] })],
  },
  {
    bug: 'enum-rename-with-default',
    title: 'an enum value renamed that a default names: down sets the old label before renaming it back',
    before: [e0, table('t', { columns: { id: integer(), c: enumColumn(e0, { default: 'draft' }) } })],
    after: [e0Renamed, table('t', { columns: { id: integer(), c: enumColumn(e0Renamed, { default: 'paid' }) } })],
  },
  {
    bug: 'enum-rename-with-default',
    title: 'an enum value renamed and a table whose default names it dropped: down re-creates the table before renaming the value back',
    before: [e0, table('t', { columns: { id: integer(), c: enumColumn(e0, { default: 'draft' }) } })],
    after: [e0Renamed],
  },
  {
    bug: 'enum-rename-with-default',
    title: 'an enum value renamed that an array default names, the column dropped: down re-adds it before renaming the value back',
    before: [e0, table('t', { columns: { id: integer(), c: enumColumn(e0, { array: true, default: ['draft'] }) } })],
    after: [e0Renamed, table('t', { columns: { id: integer() } })],
  },
  {
    bug: 'enum-remove-value-with-default',
    title: 'an enum value removed that the default named, the column renamed and its default changed',
    before: [e1, table('t', { columns: { id: integer(), c: enumColumn(e1, { default: 'a' }) } })],
    after: [e1Removed, table('t', { columns: { id: integer(), d: enumColumn(e1Removed, { default: 'b', renamedFrom: 'c' }) } })],
  },
  {
    bug: 'enum-remove-value-with-default',
    title: 'an enum value removed that the default named, the default changed: the recreation sets the old default',
    before: [e1, table('t', { columns: { id: integer(), c: enumColumn(e1, { default: 'a' }) } })],
    after: [e1Removed, table('t', { columns: { id: integer(), c: enumColumn(e1Removed, { default: 'b' }) } })],
  },
  {
    bug: 'retype-to-enum-with-check',
    title: 'a text column with a CHECK changed to an enum: ALTER COLUMN TYPE fails on the stored CHECK',
    before: [e1, table('t', { columns: { id: integer(), c: text() }, checks: [check(sql`c::text <> 'x'`, { name: 't_c_check' })] })],
    after: [e1, table('t', { columns: { id: integer(), c: enumColumn(e1) }, checks: [check(sql`c::text <> 'x'`, { name: 't_c_check' })] })],
  },
  {
    bug: 'enum-to-enum-retype',
    title: 'a column changed from one enum type to another: no cast between the two enums',
    before: [e1, e0, table('t', { columns: { id: integer(), c: enumColumn(e1) } })],
    after: [e1, e0, table('t', { columns: { id: integer(), c: enumColumn(e0) } })],
  },
  {
    bug: 'enum-to-enum-retype',
    title: 'an array column changed from one enum type to another',
    before: [e1, e0, table('t', { columns: { id: integer(), c: enumColumn(e1, { array: true }) } })],
    after: [e1, e0, table('t', { columns: { id: integer(), c: enumColumn(e0, { array: true }) } })],
  },
  {
    bug: 'retype-to-enum-with-check',
    title: 'an enum column with a commented CHECK and partial index reading it changed to text',
    before: [e1, table('t', { columns: { id: integer(), c: enumColumn(e1) }, checks: [check(sql`c::text <> 'x'`, { name: 't_c_check', comment: 'kept' })], indexes: [index(['id'], { name: 't_ix', where: sql`c IS NOT NULL`, comment: 'kept' })] })],
    after: [e1, table('t', { columns: { id: integer(), c: text() }, checks: [check(sql`c::text <> 'x'`, { name: 't_c_check', comment: 'kept' })], indexes: [index(['id'], { name: 't_ix', where: sql`c IS NOT NULL`, comment: 'changed' })] })],
  },
  {
    bug: 'identity-to-serial',
    title: 'an identity column changed to serial: the new sequence collides with the identity sequence',
    before: [table('t', { columns: { id: integer({ identity: 'by default' }) } })],
    after: [table('t', { columns: { id: serial() } })],
  },
  {
    bug: 'enum-add-value-with-comment',
    title: "an enum value added and the enum's comment set: down recreates the type with the new comment",
    before: [enumType('e2', ['draft'])],
    after: [enumType('e2', ['draft', 'sent'], { comment: 'new comment' })],
  },
  {
    bug: 'newline-in-comment-lines',
    title: 'a table name with a line break: the rest of the name runs as SQL from the step comment',
    before: [table('victim', { columns: { id: integer() } })],
    after: [table('victim', { columns: { id: integer() } }), table('t\nDROP TABLE public.victim; --', { columns: { id: integer() } })],
  },
  {
    bug: 'fallback-typed-constants',
    title: 'without the dev database, a CHECK comparing with an untyped timestamp or interval literal is drift',
    before: [],
    after: [table('t', { columns: { at: timestamp(), wait: interval() }, checks: [check(sql`at > '2000-01-01'`, { name: 't_at' }), check(sql`wait >= interval '0 seconds'`, { name: 't_wait' })] })],
    fallback: true,
  },
  {
    bug: 'fallback-empty-comment',
    title: "without the dev database, a declared empty comment ('') is drift (PostgreSQL stores it as no comment)",
    before: [],
    after: [table('t', { comment: '', columns: { id: integer({ comment: '' }) } })],
    fallback: true,
  },
];

describe('bugs found by the property tests: minimal reproductions (skipped while open)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await open(await freshDatabaseUrl('postgres'));
  });
  afterAll(async () => db?.close());

  const matches = async (schema: Awaited<ReturnType<typeof declare>>, fallback: boolean): Promise<string[]> => [
    ...describeChanges(await remainingChanges(db, schema)),
    ...(fallback ? describeChanges(await remainingChanges(db, schema, { devDatabase: false })).map((c) => `${c} (without the dev database)`) : []),
  ];

  for (const r of REPRODUCTIONS) {
    // Skipped while the bug is open (listed in known-bugs.ts).
    (skipsKnownBug(r.bug) ? it.skip : it)(`${r.bug}: ${r.title}`, async () => {
      const before = await declare(...r.before);
      const after = await declare(...r.after);
      await resetDatabase(db);
      await runScript(db, (await migrationSql(EMPTY_SCHEMA, before)).up);
      const { up, down } = await migrationSql(before, after);
      await runScript(db, up);
      expect(await matches(after, r.fallback === true), 'up reaches after').toEqual([]);
      await runScript(db, down);
      expect(await matches(before, r.fallback === true), 'down returns to before').toEqual([]);
    });
  }
});
