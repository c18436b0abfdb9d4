/**
 * Drops that look like renames: in one table a column dropped and another added with the same
 * type, or a table dropped and another created with the same columns. Renames are never guessed
 * (a wrong guess would corrupt data); but neither may a rename silently become DROP + ADD, which
 * loses the values. generate refuses these until the declarations say which it is: `renamedFrom`
 * on the new object, or an acknowledgement of the drop.
 */
import type { Column } from '../model/types.js';
import type { ObjectPath } from '../model/paths.js';
import type { Change } from './changes.js';

export interface SuspectedRename {
  readonly kind: 'column' | 'table';
  /** The object dropped, and the one added in its place. */
  readonly dropped: ObjectPath;
  readonly added: ObjectPath;
  readonly droppedName: string;
  readonly addedName: string;
}

const typeKey = (c: Column): string => JSON.stringify([c.type.schema, c.type.name, c.type.isArray, c.type.modifiers ?? '']);
const shapeKey = (columns: readonly Column[]): string => columns.map((c) => `${c.name}:${typeKey(c)}`).sort().join(',');

export function suspectedRenames(changes: readonly Change[]): SuspectedRename[] {
  const found: SuspectedRename[] = [];
  const added = changes.filter((c): c is Extract<Change, { kind: 'column.add' }> => c.kind === 'column.add');
  for (const drop of changes) {
    if (drop.kind !== 'column.drop') continue;
    const twin = added.find((a) => a.schema === drop.schema && a.table === drop.table && typeKey(a.column) === typeKey(drop.column));
    if (twin) found.push({ kind: 'column', dropped: drop.path, added: twin.path, droppedName: drop.column.name, addedName: twin.column.name });
  }
  const created = changes.filter((c): c is Extract<Change, { kind: 'table.create' }> => c.kind === 'table.create');
  for (const drop of changes) {
    if (drop.kind !== 'table.drop' || drop.table.partitionOf) continue;
    const twin = created.find((c) => c.table.schema === drop.table.schema && !c.table.partitionOf && c.table.columns.length > 0 && shapeKey(c.table.columns) === shapeKey(drop.table.columns));
    if (twin) found.push({ kind: 'table', dropped: drop.path, added: twin.path, droppedName: drop.table.name, addedName: twin.table.name });
  }
  return found;
}
