/**
 * Normalised tables derived from cached ones, without the dev database, for the most common edit:
 * columns added to a table whose everything else is unchanged.
 *
 * Two facts make it exact:
 * - A column's stored form (type, NOT NULL, default) depends on its own definition and the
 *   globals it names, not on its table, unless it is a serial, identity or generated column
 *   (sequence names, expressions over other columns) or in the primary key (which makes it NOT
 *   NULL): those are never remembered. Each other column of a plain table built in the dev
 *   database is remembered by that definition (a "fragment", `column:<key>`).
 * - A table whose "skeleton" — everything but its columns, and the globals its whole content
 *   names — is unchanged, and whose columns are the old ones (unchanged, by content) plus new
 *   ones, is stored as the old table with the new columns in declared order: nothing else can
 *   refer to a column that did not exist (it would have failed before).
 *
 * Anything else (a changed, removed or retyped column, a changed index, a partitioned table, a
 * fragment never built) is left to the dev database. test/live/normalize-units.test.ts checks
 * derived tables against whole builds.
 */
import type { Column, Table } from '../model/types.js';
import { contentText, hash, namesIn, type NormalizedUnit, type NormalizeUnit, type SchemaUnits } from './units.js';

/** What a unit built or derived remembers of its declaration: the skeleton's key and each column's content hash. */
export interface UnitShape {
  readonly skeleton: string;
  readonly columns: readonly (readonly [name: string, content: string])[];
}

/** A cache entry of a table unit: the normalised unit and, when it can be a base, its shape. */
export type StoredUnit = NormalizedUnit & { readonly shape?: UnitShape };

const FRAGMENT_PREFIX = 'column:';
export const isFragmentKey = (key: string): boolean => key.startsWith(FRAGMENT_PREFIX);

/** A short content hash: it only tells a table's columns apart from their earlier versions. */
const columnHash = (column: Column): string => hash(contentText(column)).slice(0, 20);

/** The one table of a unit that can be derived (or be a base): no partitions, not partitioned. */
function soleTable(unit: NormalizeUnit): Table | undefined {
  const [table, ...more] = unit.tables;
  return table && more.length === 0 && unit.views.length === 0 && !table.partitionBy && !table.partitionOf ? table : undefined;
}

/** A column's definition apart from its name and what only its comment carries. */
function definitionOf(column: Column): Omit<Column, 'name' | 'comment' | 'renamedFrom' | 'compliance'> | undefined {
  const { name: _name, comment: _comment, renamedFrom: _renamed, compliance: _compliance, ...definition } = column;
  return definition.sequence || definition.identity || definition.generated ? undefined : definition;
}

export class Derivation {
  constructor(private readonly split: SchemaUnits, private readonly version: string) {}

  /** The key of a unit's skeleton, or undefined when the unit cannot be derived. */
  skeletonOf(unit: NormalizeUnit): string | undefined {
    const table = soleTable(unit);
    if (!table) return undefined;
    const { columns: _columns, ...rest } = table;
    return hash(`${this.version}\nskeleton\n${unit.id}\n${contentText({ table: rest, grants: unit.grants })}\n${this.split.globalsNamedIn({ tables: unit.tables, grants: unit.grants })}`);
  }

  shapeOf(unit: NormalizeUnit): UnitShape | undefined {
    const skeleton = this.skeletonOf(unit);
    return skeleton === undefined ? undefined : { skeleton, columns: soleTable(unit)!.columns.map((c) => [c.name, columnHash(c)] as const) };
  }

  private fragmentKey(column: Column): string | undefined {
    const definition = definitionOf(column);
    return definition && `${FRAGMENT_PREFIX}${hash(`${this.version}\n${contentText(definition)}\n${this.split.globalsNamedIn(definition)}`)}`;
  }

  /**
   * Remember the columns of a unit built in the dev database by their definitions; a stored form
   * that names its table or column is not remembered (it is not independent of them).
   */
  rememberColumns(unit: NormalizeUnit, built: NormalizedUnit, cache: Map<string, unknown>): void {
    const declared = soleTable(unit);
    const stored = built.tables[0];
    if (!declared || !stored || stored.name !== declared.name) return;
    // A primary key makes its columns NOT NULL whatever they declare: their stored form is the table's doing.
    const keyColumns = new Set(declared.primaryKey?.columns ?? []);
    const byName = new Map(stored.columns.map((c) => [c.name, c]));
    for (const column of declared.columns) {
      const key = this.fragmentKey(column);
      const normalized = byName.get(column.name);
      if (!key || !normalized || keyColumns.has(column.name) || cache.has(key)) continue;
      const { name: _name, comment: _comment, ...definition } = normalized;
      if (namesIn(definition, new Set([column.name, declared.name])).size === 0) cache.set(key, definition);
    }
  }

  /** The normalised unit, derived from a cached base with the same skeleton; undefined when it cannot be. */
  derive(unit: NormalizeUnit, bases: ReadonlyMap<string, readonly StoredUnit[]>, cache: ReadonlyMap<string, unknown>): StoredUnit | undefined {
    const shape = this.shapeOf(unit);
    if (!shape) return undefined;
    for (const base of bases.get(shape.skeleton) ?? []) {
      const derived = this.deriveFrom(unit, shape, base, cache);
      if (derived) return derived;
    }
    return undefined;
  }

  private deriveFrom(unit: NormalizeUnit, shape: UnitShape, base: StoredUnit, cache: ReadonlyMap<string, unknown>): StoredUnit | undefined {
    const baseTable = base.tables[0];
    if (!base.shape || !baseTable || base.tables.length !== 1) return undefined;
    const before = new Map(base.shape.columns);
    const stored = new Map(baseTable.columns.map((c) => [c.name, c]));
    // Columns are only added: every old one is still there, unchanged.
    if (shape.columns.filter(([name, content]) => before.get(name) === content).length !== before.size) return undefined;
    const columns: Column[] = [];
    for (const [i, column] of soleTable(unit)!.columns.entries()) {
      const [name] = shape.columns[i]!;
      if (before.has(name)) {
        // Unchanged (checked above): as stored.
        const kept = stored.get(name);
        if (!kept) return undefined;
        columns.push(kept);
        continue;
      }
      const key = this.fragmentKey(column);
      const fragment = key === undefined ? undefined : (cache.get(key) as Omit<Column, 'name' | 'comment'> | undefined);
      if (!fragment) return undefined;
      // PostgreSQL keeps a comment as written; an empty one is none.
      columns.push({ name, ...fragment, ...(column.comment ? { comment: column.comment } : {}) });
    }
    return { tables: [{ ...baseTable, columns }], views: [], grants: base.grants, shape };
  }
}

/** Cached table units that can be bases, by skeleton key (the newest first). */
export function basesOf(entries: Iterable<unknown>): Map<string, StoredUnit[]> {
  const bases = new Map<string, StoredUnit[]>();
  for (const entry of entries) {
    const shape = (entry as StoredUnit | undefined)?.shape;
    if (shape) bases.set(shape.skeleton, [entry as StoredUnit, ...(bases.get(shape.skeleton) ?? [])]);
  }
  return bases;
}
