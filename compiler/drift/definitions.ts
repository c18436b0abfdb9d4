/**
 * The definitions behind drift items, so that what differs can be shown side by side (the CLI
 * prints them as a unified diff): each object as SQL, rendered from the declared schema and from
 * the database's, the way a migration from an empty database would create it. A column or a
 * table's own constraint is shown within its table's CREATE TABLE.
 */
import { diffSchemas } from '../diff/index.js';
import type { ObjectPath } from '../model/paths.js';
import { EMPTY_SCHEMA, type Schema, type Table } from '../model/types.js';
import { planChanges } from '../plan/index.js';
import { renderSteps } from '../render/index.js';
import type { DriftItem } from './index.js';

export interface DriftDefinition {
  /** The object shown: the item's own, or the table a column or constraint belongs to. */
  readonly path: ObjectPath;
  /** The drift items it shows, in report order. */
  readonly items: readonly ObjectPath[];
  /** Its SQL as declared; undefined when it is not declared. */
  readonly declared?: string;
  /** Its SQL as the database has it; undefined when the database lacks it. */
  readonly actual?: string;
}

/** The statements creating each object from an empty database, by object path. */
function definitionsByPath(schema: Schema): Map<ObjectPath, string> {
  const steps = renderSteps(planChanges(diffSchemas(EMPTY_SCHEMA, schema), { online: false }));
  const statements = new Map<ObjectPath, string[]>();
  for (const s of steps) {
    const list = statements.get(s.step.change.path) ?? [];
    list.push(...s.up.map((statement) => `${statement};`));
    statements.set(s.step.change.path, list);
  }
  return new Map([...statements].map(([path, list]) => [path, list.join('\n')]));
}

const TABLE_PARTS = new Set(['column', 'constraint', 'trigger', 'policy']);

/**
 * The object whose definition shows an item: the item itself when it has statements of its own;
 * a grant's object; a column's or constraint's table (names may hold dots: every split is tried,
 * longest table name first).
 */
function shownPath(path: ObjectPath, known: (path: ObjectPath) => boolean): ObjectPath | undefined {
  if (known(path)) return path;
  const kind = path.slice(0, path.indexOf(':'));
  const rest = path.slice(kind.length + 1);
  if (kind === 'grant') {
    const grant = /^(\w+) (.+) to [^ ]+$/.exec(rest);
    const object = grant ? (`${grant[1]}:${grant[2]}` as ObjectPath) : undefined;
    return object && known(object) ? object : undefined;
  }
  if (!TABLE_PARTS.has(kind)) return undefined;
  for (let dot = rest.lastIndexOf('.'); dot > 0; dot = rest.lastIndexOf('.', dot - 1)) {
    const table = `table:${rest.slice(0, dot)}` as ObjectPath;
    if (known(table)) return table;
  }
  return undefined;
}

/**
 * The schema with only the tables the items concern (each table's statements depend on the table
 * alone): rendering every table of a large database to show one of them would cost seconds.
 */
function focused(schema: Schema, items: readonly DriftItem[]): Schema {
  const names = items.map((i) => i.path.slice(i.path.indexOf(':') + 1));
  const concerns = (t: Table): boolean => {
    const key = `${t.schema}.${t.name}`;
    return names.some((n) => n === key || n.startsWith(`${key}.`) || n.includes(` ${key} to `))
      || t.indexes.some((i) => names.includes(`${t.schema}.${i.name}`));
  };
  return { ...schema, tables: schema.tables.filter(concerns) };
}

/**
 * The declared and live definitions of the objects that drift items concern. Objects whose
 * rendered SQL is the same on both sides (a difference SQL text does not show) are left out.
 */
export function driftDefinitions(actual: Schema, declared: Schema, items: readonly DriftItem[]): DriftDefinition[] {
  if (items.length === 0) return [];
  const live = definitionsByPath(focused(actual, items));
  const wanted = definitionsByPath(focused(declared, items));
  const groups = new Map<ObjectPath, ObjectPath[]>();
  for (const item of items) {
    const path = shownPath(item.path, (p) => live.has(p) || wanted.has(p));
    if (path) groups.set(path, [...(groups.get(path) ?? []), item.path]);
  }
  return [...groups].flatMap(([path, paths]): DriftDefinition[] => {
    const before = wanted.get(path);
    const after = live.get(path);
    if (before === after) return [];
    return [{ path, items: [...new Set(paths)], ...(before === undefined ? {} : { declared: before }), ...(after === undefined ? {} : { actual: after }) }];
  });
}
