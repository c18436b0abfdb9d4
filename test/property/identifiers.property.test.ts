/**
 * Property: hostile names and values survive the whole pipeline. Random table, column, index,
 * constraint and enum names and enum labels (quotes, semicolons, backslashes, `$$`, comment
 * markers, new lines, unicode up to PostgreSQL's 63-byte limit), and string defaults and comments
 * made of the same pieces, go through declarations → generate → apply → introspect and come back
 * exactly: the same names, the same comments, and rows inserted with DEFAULT VALUES read back the
 * declared strings and labels. Then a migration renames the table, a column, an index and an enum
 * label to other hostile names and changes defaults and comments; up and down are checked the same
 * way. On PostgreSQL.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import { introspect } from '../../compiler/introspect/index.js';
import { EMPTY_SCHEMA, type Schema } from '../../compiler/model/types.js';
import { qualify } from '../../compiler/render/quote.js';
import { freshDatabaseUrl, open } from '../helpers/backends.js';
import { declare, describeChanges, migrationSql, remainingChanges, resetDatabase, runScript } from '../helpers/schema.js';
import { hostileNameArb, hostileTextArb } from './arbitraries.js';
import { assertProperty, Coverage, propertySettings } from './harness.js';
import { knownBugHit } from './known-bugs.js';
import { caseSource, cloneSpec, specDeclarations, type SchemaSpec, type TableSpec } from './spec.js';

const settings = propertySettings(100, 0.2);
const coverage = new Coverage();

interface HostileCase {
  readonly before: SchemaSpec;
  readonly after: SchemaSpec;
}

/** Names and texts assigned to the slots of a fixed two-table shape; see the file comment. */
interface HostileTexts {
  readonly defaults: readonly [string, string, string];
  readonly literal: string;
  readonly comments: readonly string[];
}

function hostileCase(names: readonly string[], texts: HostileTexts): HostileCase {
  const [enumName, l0, l1, l2, parent, child, a, b, x, f, check, uniqueName, i0, i1, fkName] = names as string[] as [string, ...string[]];
  const [d0, d1] = texts.defaults;
  const literal = texts.literal;
  const [c0, c1, c2, c3, c4, c5] = texts.comments;
  const parentTable: TableSpec = {
    name: parent!,
    columns: [
      { name: 'id', type: { kind: 'integer', array: false }, notNull: true, keyStyle: 'identity always' },
      { name: a!, type: { kind: 'text', array: false }, notNull: false, default: { form: 'given-string', label: d0 }, comment: c1! },
      { name: b!, type: { kind: 'enum', enumName, array: false }, notNull: false, default: { form: 'label', label: l1 } },
    ],
    primaryKey: ['id'],
    uniques: [{ name: uniqueName!, columns: [a!] }],
    checks: [{ name: check!, form: 'differs-from', columns: [a!], literal: literal! }],
    foreignKeys: [],
    indexes: [
      { name: i0!, using: 'btree', keys: [{ column: b! }], where: { form: 'differs-from', column: a!, literal: literal! } },
      { name: i1!, using: 'btree', keys: [{ column: a! }, { column: 'id', desc: true }], comment: c2! },
    ],
    comment: c3!,
  };
  const childTable: TableSpec = {
    name: child!,
    columns: [
      { name: 'id', type: { kind: 'integer', array: false }, notNull: true, keyStyle: 'identity always' },
      { name: x!, type: { kind: 'varchar', length: 200, array: false }, notNull: true, default: { form: 'given-string', label: d1 }, comment: c4! },
      { name: f!, type: { kind: 'integer', array: false }, notNull: false },
    ],
    primaryKey: ['id'],
    uniques: [],
    checks: [],
    foreignKeys: [{ name: fkName!, column: f!, table: parent!, onDelete: 'cascade', comment: c5! }],
    indexes: [],
  };
  const before: SchemaSpec = { enums: [{ name: enumName!, values: [l0!, l1!, l2!], comment: c0! }], tables: [parentTable, childTable] };
  return { before, after: renamed(before, names.slice(15), [texts.defaults[2], ...texts.comments.slice(6)]) };
}

/** The target: table, column, index and enum label renamed; a label added; defaults and comments changed; an index added. */
function renamed(before: SchemaSpec, names: readonly string[], texts: readonly string[]): SchemaSpec {
  const [table, column, label, added, index, newIndex] = names as [string, ...string[]];
  const [d2, c6, c7, c8] = texts as [string, ...string[]];
  const after = cloneSpec(before);
  const [p, c] = after.tables as [TableSpec, TableSpec];
  const e = after.enums[0]!;
  const [oldLabel, oldColumn, oldTable, oldIndex] = [e.values[2]!, p.columns[1]!.name, p.name, p.indexes[1]!.name!];
  e.values = [e.values[0]!, e.values[1]!, label!, added!];
  e.renamed = [{ from: oldLabel, to: label! }];
  p.renamedFrom = oldTable;
  p.name = table!;
  p.comment = c6!;
  p.columns[1] = { ...p.columns[1]!, name: column!, renamedFrom: oldColumn, default: { form: 'given-string', label: d2 } };
  p.uniques[0]!.columns = [column!];
  p.checks[0]!.columns = [column!];
  p.indexes = [
    { ...p.indexes[0]!, where: { ...p.indexes[0]!.where!, column: column! } },
    { ...p.indexes[1]!, name: index!, renamedFrom: oldIndex, keys: [{ column: column! }, { column: 'id', desc: true }] },
  ];
  c.columns[1]!.comment = c7!;
  c.foreignKeys[0]!.table = table!;
  c.foreignKeys[0]!.comment = c8!;
  c.indexes.push({ name: newIndex!, using: 'btree', keys: [{ column: c.columns[1]!.name }], comment: c6! });
  return after;
}

/**
 * Comments are never empty here: PostgreSQL stores `COMMENT … IS ''` as no comment (see
 * docs/reliability.md); the other texts may be.
 */
const hostileCommentArb = hostileTextArb.filter((text) => text.length > 0);

const hostileCaseArb = fc.tuple(
  fc.uniqueArray(hostileNameArb, { minLength: 21, maxLength: 21 }),
  fc.tuple(hostileTextArb, hostileTextArb, hostileTextArb, hostileTextArb),
  fc.array(hostileCommentArb, { minLength: 9, maxLength: 9 }),
)
  // The CHECK's literal must differ from the defaults, or the rows of defaults would violate it.
  .filter(([, [d0, d1, d2, literal]]) => literal !== d0 && literal !== d2 && d1 !== undefined)
  .map(([names, [d0, d1, d2, literal], comments]) => hostileCase(names, { defaults: [d0, d1, d2], literal, comments }));

/** Names and comments of a schema, in a form to compare. */
function namesOf(schema: Schema): unknown {
  return {
    enums: schema.enums.map((e) => ({ name: e.name, values: e.values, comment: e.comment })),
    tables: schema.tables.map((t) => ({
      name: t.name,
      comment: t.comment,
      // By name: a renamed column keeps its place in the table, the declaration may list it elsewhere.
      columns: byName(t.columns).map((c) => ({ name: c.name, comment: c.comment })),
      primaryKey: t.primaryKey?.name,
      uniques: t.uniques.map((u) => ({ name: u.name, columns: u.columns, comment: u.comment })),
      checks: t.checks.map((k) => ({ name: k.name, comment: k.comment })),
      foreignKeys: t.foreignKeys.map((k) => ({ name: k.name, columns: k.columns, references: k.references, comment: k.comment })),
      indexes: t.indexes.map((ix) => ({ name: ix.name, keys: ix.keys.map((k) => k.column ?? '(expression)'), comment: ix.comment })),
    })),
  };
}

/**
 * Table, column and index names and enum labels of a spec or a model, to check the declared model
 * kept them. Columns are declared as an object, whose integer-like keys ('0') JavaScript lists
 * first: that is the order the model (and CREATE TABLE) has (see docs/reliability.md).
 */
const specNames = (spec: SchemaSpec): unknown => ({
  enums: spec.enums.map((e) => ({ name: e.name, values: [...e.values] })),
  tables: byName(spec.tables).map((t) => ({
    name: t.name,
    columns: Object.keys(Object.fromEntries(t.columns.map((c) => [c.name, true]))),
    indexes: t.indexes.map((ix) => ix.name!).sort(),
  })),
});
const modelNames = (schema: Schema): unknown => ({
  enums: schema.enums.map((e) => ({ name: e.name, values: [...e.values] })),
  tables: byName(schema.tables).map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name), indexes: t.indexes.map((ix) => ix.name).sort() })),
});

const byName = <T extends { name: string }>(list: readonly T[]): T[] => [...list].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));

/** Insert a row of defaults in every table (parents first) and read the rows back as JSON. */
async function defaultRows(db: Database, spec: SchemaSpec): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const t of spec.tables) {
    await db.exec(`INSERT INTO ${qualify('public', t.name)} DEFAULT VALUES`);
    const [row] = await db.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(x) AS row FROM ${qualify('public', t.name)} x`);
    rows.push(row!.row);
  }
  await db.exec(`TRUNCATE ${spec.tables.map((t) => qualify('public', t.name)).join(', ')}`);
  return rows;
}

/** The row `defaultRows` must read: each column's declared default (an enum label, a string), ids aside. */
function expectedRows(spec: SchemaSpec): Record<string, unknown>[] {
  return spec.tables.map((t) => Object.fromEntries(t.columns.filter((c) => c.name !== 'id').map((c) => [c.name, c.default?.label ?? null])));
}

describe('hostile identifiers and values on PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await open(await freshDatabaseUrl('postgres'));
  });
  afterAll(async () => {
    await db?.close();
    process.stdout.write(`${coverage.summary(`identifier property (seed ${settings.seed})`)}\n`);
  });

  async function expectSame(spec: SchemaSpec, declared: Schema, what: string): Promise<void> {
    const live = await introspect(db);
    expect(namesOf({ ...live, tables: byName(live.tables) }), `${what}: names and comments read back`).toEqual(namesOf({ ...declared, tables: byName(declared.tables) }));
    const rows = (await defaultRows(db, spec)).map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id')));
    expect(rows, `${what}: defaults read back`).toEqual(expectedRows(spec));
    const remaining = await remainingChanges(db, declared, { devDatabase: false });
    if (remaining.length > 0) {
      const viaDev = await remainingChanges(db, declared);
      expect(describeChanges(viaDev), `${what}: drift`).toEqual([]);
      coverage.add('differences only without the dev database', remaining.length);
    }
  }

  async function check({ before, after }: HostileCase): Promise<void> {
    let a: Schema;
    let b: Schema;
    try {
      [a, b] = [await declare(...specDeclarations(before)), await declare(...specDeclarations(after))];
    } catch {
      coverage.discarded++;
      fc.pre(false);
      return;
    }
    let stage = 'declare';
    let sql: { up: string; down: string } | undefined;
    try {
      expect(modelNames(a), 'the declared model keeps the names').toEqual(specNames(before));
      expect(modelNames(b), 'the declared model keeps the names').toEqual(specNames(after));
      const migration = await migrationSql(a, b);
      const bug = knownBugHit(migration.changes, a, b);
      if (bug) {
        coverage.add(`discarded: known bug ${bug.id}`);
        coverage.discarded++;
        fc.pre(false);
        return;
      }
      coverage.cases++;
      sql = migration;
      stage = 'create';
      await resetDatabase(db);
      await runScript(db, (await migrationSql(EMPTY_SCHEMA, a)).up);
      await expectSame(before, a, 'after create');
      stage = 'up';
      await runScript(db, migration.up);
      await expectSame(after, b, 'after up');
      stage = 'down';
      await runScript(db, migration.down);
      await expectSame(before, a, 'after down');
    } catch (error) {
      if (fc.PreconditionFailure.isFailure(error)) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error([`[${stage}] ${message}`, '--- case.ts ---', caseSource(before, after), ...(sql ? ['--- up.sql ---', sql.up, '--- down.sql ---', sql.down] : [])].join('\n'), { cause: error });
    }
  }

  it(`${settings.runs} random hostile names, defaults and comments come back exactly`, async () => {
    await assertProperty(fc.asyncProperty(hostileCaseArb, check), settings, 'test/property/identifiers.property.test.ts');
  }, Math.max(600_000, settings.runs * 3_000));
});
