import { indexPath } from '../model/paths.js';
import type { Table } from '../model/types.js';
import type { Change } from './changes.js';
import { indexesEquivalent } from './compare.js';
import { pairByKey, pairEquivalent } from './pairs.js';

/**
 * Index changes of a table present on both sides: declared renames and same-definition renames
 * become ALTER INDEX … RENAME; a changed definition is a drop and a create.
 */
export function diffIndexes(a: Table, b: Table, dropFrom: string = b.name): Change[] {
  const on = (name: string) => ({ schema: b.schema, table: b.name, path: indexPath(b.schema, name) });
  const onOld = (name: string) => ({ ...on(name), table: dropFrom });
  const declaredRenames = new Map(b.indexes.filter((i) => i.renamedFrom).map((i) => [i.renamedFrom!, i.name]));
  const fromIndexes = a.indexes.map((i) => {
    const renamedTo = declaredRenames.get(i.name);
    return renamedTo && !a.indexes.some((o) => o.name === renamedTo) ? { ...i, name: renamedTo, previousName: i.name } : { ...i, previousName: i.name };
  });
  const byName = pairByKey(fromIndexes, b.indexes.map((i) => ({ ...i, previousName: i.name })), (i) => i.name);
  const renames = pairEquivalent(byName.onlyFrom, byName.onlyTo, indexesEquivalent);
  const changes: Change[] = [];
  const strip = <T extends { previousName: string }>({ previousName: _, ...index }: T) => index;
  for (const [x, y] of [...byName.both, ...renames.both]) {
    // An INVALID index (a failed concurrent build) is no index at all: build it again.
    if (!indexesEquivalent(x, y) || (x.invalid === true && y.invalid !== true)) {
      // Drops run before renames: drop the index under its old name, create the new one.
      changes.push({ kind: 'index.drop', ...onOld(x.previousName), index: { ...strip(x), name: x.previousName } });
      changes.push({ kind: 'index.create', ...on(y.name), index: strip(y) });
    } else {
      if (x.previousName !== y.name) changes.push({ kind: 'index.rename', ...on(y.name), from: x.previousName, to: y.name });
      if (x.comment !== y.comment) changes.push({ kind: 'index.comment', ...on(y.name), name: y.name, from: x.comment, to: y.comment });
    }
  }
  for (const i of renames.onlyFrom) changes.push({ kind: 'index.drop', ...onOld(i.previousName), index: { ...strip(i), name: i.previousName } });
  for (const i of renames.onlyTo) changes.push({ kind: 'index.create', ...on(i.name), index: strip(i) });
  return changes;
}
