/**
 * The dev-database normaliser works unit by unit (compiler/normalize/units.ts): cached per table,
 * view and globals, built in chunks with stubs for what a unit references. Its result must be the
 * same, byte for byte, as building the whole schema at once, and a change must rebuild only what
 * it touches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check, enumColumn, enumType, namespace, index, integer, jsonb, materializedView, monthlyPartitions, numeric, partition, sql, table, text, timestamptz, uuid, view } from '../../compiler/index.js';
import { devDatabaseOpen } from '../../compiler/db/dev-database.js';
import { normalizeDeclared, normalizeWholeSchema } from '../../compiler/normalize/index.js';
import { splitSchema } from '../../compiler/normalize/units.js';
import type { Column, Schema, Table } from '../../compiler/model/types.js';
import type { Progress } from '../../compiler/model/progress.js';
import { stableJson } from '../../compiler/render/json.js';
import { loadDeclarations, shutdown } from '../../compiler/workflows.js';
import { declare } from '../helpers/schema.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const cacheDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-units-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  await shutdown();
});

/** Steps the embedded database was asked to build (the largest `total` the progress reported). */
async function normalizeCounting(schema: Schema, dir: string): Promise<{ schema: Schema; built: number; normalized: boolean }> {
  let built = 0;
  const result = await normalizeDeclared(schema, { cacheDir: dir, onProgress: (p: Progress) => { if (p.phase === 'check') built += p.done === 0 ? p.total : 0; } });
  return { schema: result.schema, built, normalized: result.normalized };
}

/** A synthetic module: a chain of tables with foreign keys, a partitioned table and a view reading the first table. */
function moduleDeclarations(schemaName: string, prefix: string, tables: number, options: { extraColumn?: boolean } = {}) {
  const status = enumType(`${prefix}_status`, ['new', 'done'], { schema: schemaName });
  const declared = [];
  let previous: ReturnType<typeof table> | undefined;
  for (let i = 0; i < tables; i++) {
    const t = table(`${prefix}_t${i}`, {
      schema: schemaName,
      columns: {
        id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
        parent_id: uuid(previous ? { references: { table: previous, onDelete: 'cascade' } } : {}),
        state: enumColumn(status, { notNull: true, default: 'new' }),
        amount: numeric({ precision: 10, scale: 2, notNull: true, default: 0, check: sql`amount >= 0` }),
        data: jsonb({ notNull: true, default: sql`'{}'` }),
        at: timestamptz({ notNull: true, default: sql`now()` }),
        ...(options.extraColumn && i === 0 ? { note: text() } : {}),
      },
      indexes: [index(['at'], { where: sql`amount > 0` }), index([{ expression: sql`lower(data->>'name')` }])],
    });
    declared.push(t);
    previous = t as unknown as typeof previous;
  }
  const events = table(`${prefix}_events`, {
    schema: schemaName,
    partitionBy: { strategy: 'range', keys: ['at'] },
    partitions: [...monthlyPartitions(`${prefix}_events`, { from: '2026-01', to: '2026-03' }), partition(`${prefix}_events_default`, { default: true })],
    columns: { id: integer({ notNull: true }), at: timestamptz({ notNull: true }), kind: text({ notNull: true }) },
    primaryKey: ['id', 'at'],
    checks: [check(sql`kind <> ''`, { name: `${prefix}_events_kind_check` })],
  });
  return [
    status,
    ...declared,
    events,
    view(`${prefix}_open`, { schema: schemaName, query: sql`SELECT * FROM ${schemaName}.${prefix}_t0 WHERE state = 'new'` }),
    materializedView(`${prefix}_totals`, { schema: schemaName, query: sql`SELECT parent_id, sum(amount) AS amount FROM ${schemaName}.${prefix}_t1 GROUP BY parent_id`, indexes: [index(['parent_id'], { unique: true })] }),
  ];
}

/**
 * Every plain table (not partitioned, not a partition) gains columns with the definitions of some
 * of its own (by position: keys, defaults, enums, NOT NULL), renamed, one commented.
 */
function withAddedColumns(schema: Schema, positions: readonly number[]): { schema: Schema; changed: number } {
  let changed = 0;
  const tables = schema.tables.map((t): Table => {
    if (t.partitionBy || t.partitionOf || t.columns.length === 0) return t;
    changed++;
    const copies = positions.map((p, i): Column => {
      const { compliance: _compliance, renamedFrom: _renamed, comment: _comment, ...rest } = t.columns.at(p) ?? t.columns[0]!;
      return { ...rest, name: `added_${i}`, ...(i === 0 ? { comment: 'added by the test' } : {}) };
    });
    return { ...t, columns: [...t.columns, ...copies] };
  });
  return { schema: { ...schema, tables }, changed };
}

describe('unit-by-unit normalisation', () => {
  it.each(['clearway', 'angel', 'advisoros', 'pfa', 'aiservice'])('%s: the same schema as one whole build; with columns added to every plain table, derived or built, still the same', async (system) => {
    const loaded = await loadDeclarations({ cwd: REPO, env: {} }, [path.join(REPO, 'schema', system)]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const dir = cacheDir();
    const units = await normalizeDeclared(loaded.schema, { cacheDir: dir });
    const whole = await normalizeWholeSchema(loaded.schema);
    expect(units.normalized).toBe(true);
    expect(stableJson(units.schema)).toBe(stableJson(whole));

    // Tables that only gained columns are derived from the cache (derive.ts) where they can be:
    // the result must still be what PostgreSQL makes of the whole changed schema. Copies of
    // ordinary columns are mostly derived; copies of the first (key, serial, identity) columns
    // are built, as are views reading `*`.
    const built: number[] = [];
    for (const positions of [[1, -1], [0]]) {
      const added = withAddedColumns(loaded.schema, positions);
      expect(added.changed).toBeGreaterThan(3);
      const after = await normalizeCounting(added.schema, dir);
      expect(after.normalized).toBe(true);
      expect(stableJson(after.schema)).toBe(stableJson(await normalizeWholeSchema(added.schema)));
      built.push(after.built);
    }
    expect(built[0]).toBeLessThan(built[1]!);
  });

  it('a table that only gained a column is derived without the dev database, and one whose column changed is built', async () => {
    const base = (extra: Record<string, ReturnType<typeof text>>, amountScale = 2) => {
      const status = enumType('derive_status', ['new', 'done']);
      const t = table('derived', {
        columns: {
          id: uuid({ primaryKey: true, default: sql`gen_random_uuid()` }),
          state: enumColumn(status, { notNull: true, default: 'new' }),
          amount: numeric({ precision: 10, scale: amountScale, notNull: true, default: 0, check: sql`amount >= 0` }),
          label: text(),
          ...extra,
        },
        indexes: [index(['state'], { where: sql`amount > 0` })],
      });
      return [status, t, view('derived_labels', { query: sql`SELECT id, label FROM public.derived` })];
    };
    const dir = cacheDir();
    const first = await normalizeCounting(await declare(...base({})), dir);
    expect(first.built).toBeGreaterThan(0);

    // A nullable text column with a comment: its definition was built before (label), so nothing is built now.
    const grown = await declare(...base({ note: text({ comment: 'added later' }) }));
    const derived = await normalizeCounting(grown, dir);
    expect(derived.built).toBe(0);
    expect(stableJson(derived.schema)).toBe(stableJson(await normalizeWholeSchema(grown)));

    // A changed column (the CHECK's stored text depends on its type) is built.
    const retyped = await declare(...base({ note: text({ comment: 'added later' }) }, 4));
    const built = await normalizeCounting(retyped, dir);
    expect(built.built).toBeGreaterThan(0);
    expect(stableJson(built.schema)).toBe(stableJson(await normalizeWholeSchema(retyped)));
  });

  it('builds in chunks with stubs across them, the same as one whole build, and then rebuilds only what changed', async () => {
    // 12 modules of 14 tables: more than one chunk; the views and foreign keys cross nothing,
    // but the chunks need the enum of each module and the tables' own chains.
    const modules = (extra: boolean) => Array.from({ length: 12 }, (_, m) => moduleDeclarations(m % 2 === 0 ? 'public' : 'side', `m${m}`, 8, { extraColumn: extra && m === 5 })).flat();
    const schema = await declare(namespace('side'), ...modules(false));
    expect(schema.tables.length).toBeGreaterThan(120);
    const dir = cacheDir();
    const first = await normalizeCounting(schema, dir);
    expect(first.normalized).toBe(true);
    expect(devDatabaseOpen(), 'closed after a large build: the rest of the command does not need its memory').toBe(false);
    expect(stableJson(first.schema)).toBe(stableJson(await normalizeWholeSchema(schema)));

    // Unchanged: nothing is built (read from the cache file, not only this process's memory).
    const again = await normalizeCounting(schema, dir);
    expect(again.built).toBe(0);

    // One column added to one table: that table (its unit) and the view reading it are rebuilt, with stubs; not the other 120.
    const changed = await declare(namespace('side'), ...modules(true));
    const after = await normalizeCounting(changed, dir);
    expect(after.normalized).toBe(true);
    expect(after.built).toBeGreaterThan(0);
    expect(after.built).toBeLessThan(20);
    expect(devDatabaseOpen(), 'kept after a small build, for the next one').toBe(true);
    expect(stableJson(after.schema)).toBe(stableJson(await normalizeWholeSchema(changed)));
  });

  it('a declaration PostgreSQL refuses is still named exactly, whichever chunk holds it', async () => {
    const good = Array.from({ length: 3 }, (_, m) => moduleDeclarations('public', `g${m}`, 4)).flat();
    const broken = table('broken', { columns: { id: integer({ primaryKey: true, check: sql`id > 'not a number'` }) } });
    const result = await normalizeDeclared(await declare(...good, broken), { cacheDir: cacheDir() });
    expect(result.normalized).toBe(false);
    expect(result.failure?.path).toBe('table:public.broken');
    expect(result.failure?.message).toMatch(/invalid input syntax for type integer/);
  });

  it("a unit's key follows the globals it names: changing one enum re-keys only the tables that use it", async () => {
    const a = enumType('a_kind', ['x', 'y']);
    const b = enumType('b_kind', ['x', 'y']);
    const usesA = table('uses_a', { columns: { k: enumColumn(a) } });
    const b2 = enumType('b_kind', ['x', 'y', 'z']);
    const before = splitSchema(await declare(a, b, usesA, table('uses_b', { columns: { k: enumColumn(b) } })), 'test');
    const after = splitSchema(await declare(a, b2, usesA, table('uses_b', { columns: { k: enumColumn(b2) } })), 'test');
    const key = (s: typeof before, id: string) => s.units.find((u) => u.id === id)!.key;
    expect(key(after, 'table:public.uses_a')).toBe(key(before, 'table:public.uses_a'));
    expect(key(after, 'table:public.uses_b')).not.toBe(key(before, 'table:public.uses_b'));
    expect(after.globalsKey).not.toBe(before.globalsKey);
  });
});
