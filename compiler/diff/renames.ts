/**
 * Declared renames (`renamedFrom` on tables and columns), applied to the old schema before
 * comparing: the renamed table or column, and every key, index and foreign key that mentions it,
 * take the new name — exactly as PostgreSQL carries them through ALTER … RENAME. What is left to
 * compare afterwards are real changes only. Renames are never guessed.
 */
import { columnPath, tablePath } from '../model/paths.js';
import type { Schema, Table } from '../model/types.js';
import type { Change } from './changes.js';

const key = (schema: string, name: string): string => `${schema}\0${name}`;

export interface RenamedSchema {
  /** The old schema with every declared rename applied. */
  readonly from: Schema;
  /** The rename changes themselves. */
  readonly changes: readonly Change[];
  /** A table's name before renames, by its new key (for steps that run before the rename). */
  readonly originalName: (schema: string, name: string) => string;
}

export function applyDeclaredRenames(from: Schema, to: Schema): RenamedSchema {
  const fromKeys = new Set(from.tables.map((t) => key(t.schema, t.name)));
  const toByKey = new Map(to.tables.map((t) => [key(t.schema, t.name), t]));
  const changes: Change[] = [];
  const tableNames = new Map<string, string>(); // old key → new name
  const originals = new Map<string, string>(); // new key → old name
  for (const t of to.tables) {
    const oldKey = t.renamedFrom === undefined ? '' : key(t.schema, t.renamedFrom);
    if (t.renamedFrom !== undefined && fromKeys.has(oldKey) && !fromKeys.has(key(t.schema, t.name)) && !toByKey.has(oldKey)) {
      tableNames.set(oldKey, t.name);
      originals.set(key(t.schema, t.name), t.renamedFrom);
      changes.push({ kind: 'table.rename', schema: t.schema, table: t.name, path: tablePath(t.schema, t.name), from: t.renamedFrom });
    }
  }
  const newTableName = (schema: string, name: string): string => tableNames.get(key(schema, name)) ?? name;

  const columnNames = new Map<string, Map<string, string>>(); // new table key → old column → new column
  for (const old of from.tables) {
    const name = newTableName(old.schema, old.name);
    const target = toByKey.get(key(old.schema, name));
    if (!target) continue;
    const renames = new Map<string, string>();
    for (const c of old.columns) {
      const renamed = target.columns.find((n) => n.renamedFrom === c.name && !old.columns.some((o) => o.name === n.name));
      if (!renamed) continue;
      renames.set(c.name, renamed.name);
      changes.push({ kind: 'column.rename', schema: old.schema, table: name, path: columnPath(old.schema, name, renamed.name), from: c.name, to: renamed.name });
    }
    if (renames.size > 0) columnNames.set(key(old.schema, name), renames);
  }
  const column = (schema: string, table: string, name: string): string => columnNames.get(key(schema, table))?.get(name) ?? name;

  const rewrite = (t: Table): Table => {
    const name = newTableName(t.schema, t.name);
    const cols = (list: readonly string[]): string[] => list.map((c) => column(t.schema, name, c));
    return {
      ...t,
      name,
      columns: t.columns.map((c) => ({ ...c, name: column(t.schema, name, c.name) })),
      ...(t.primaryKey ? { primaryKey: { ...t.primaryKey, columns: cols(t.primaryKey.columns) } } : {}),
      uniques: t.uniques.map((u) => ({ ...u, columns: cols(u.columns) })),
      indexes: t.indexes.map((i) => ({
        ...i,
        keys: i.keys.map((k) => (k.column === undefined ? k : { ...k, column: column(t.schema, name, k.column) })),
        include: cols(i.include),
      })),
      foreignKeys: t.foreignKeys.map((fk) => {
        const target = newTableName(fk.references.schema, fk.references.table);
        return {
          ...fk,
          columns: cols(fk.columns),
          references: { ...fk.references, table: target, columns: fk.references.columns.map((c) => column(fk.references.schema, target, c)) },
        };
      }),
    };
  };
  const changed = tableNames.size > 0 || columnNames.size > 0;
  return {
    from: changed ? { ...from, tables: from.tables.map(rewrite) } : from,
    changes,
    originalName: (schema, name) => originals.get(key(schema, name)) ?? name,
  };
}
