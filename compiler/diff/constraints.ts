import { constraintPath } from '../model/paths.js';
import type { Table } from '../model/types.js';
import type { Change, Constraint } from './changes.js';
import { constraintsEquivalent } from './compare.js';
import { pairByKey, pairEquivalent } from './pairs.js';

/** All constraints of a table, tagged. */
export function tableConstraints(t: Table): Constraint[] {
  return [
    ...(t.primaryKey ? [{ type: 'primaryKey', value: t.primaryKey } as const] : []),
    ...t.uniques.map((value) => ({ type: 'unique', value }) as const),
    ...t.checks.map((value) => ({ type: 'check', value }) as const),
    ...t.foreignKeys.map((value) => ({ type: 'foreignKey', value }) as const),
    ...(t.exclusions ?? []).map((value) => ({ type: 'exclusion', value }) as const),
  ];
}

/**
 * Constraint changes of a table present on both sides. Same name and definition: nothing; same
 * name, new definition: drop and add; same definition under another name: a rename (lossless).
 */
export function diffConstraints(a: Table, b: Table, dropFrom: string = b.name): Change[] {
  const on = (name: string) => ({ schema: b.schema, table: b.name, path: constraintPath(b.schema, b.name, name) });
  const onOld = (name: string) => ({ ...on(name), table: dropFrom });
  const byName = pairByKey(tableConstraints(a), tableConstraints(b), (c) => c.value.name);
  const renames = pairEquivalent(byName.onlyFrom, byName.onlyTo, constraintsEquivalent);
  const changes: Change[] = [];
  for (const [x, y] of renames.both) changes.push({ kind: 'constraint.rename', ...on(y.value.name), from: x.value.name, to: y.value.name });
  for (const c of renames.onlyFrom) changes.push({ kind: 'constraint.drop', ...onOld(c.value.name), constraint: c });
  for (const c of renames.onlyTo) changes.push({ kind: 'constraint.add', ...on(c.value.name), constraint: c });
  for (const [x, y] of [...byName.both, ...renames.both]) {
    if (constraintsEquivalent(x, y) && x.value.comment !== y.value.comment) {
      changes.push({ kind: 'constraint.comment', ...on(y.value.name), name: y.value.name, from: x.value.comment, to: y.value.comment });
    }
  }
  for (const [x, y] of byName.both) {
    if (constraintsEquivalent(x, y)) continue;
    changes.push({ kind: 'constraint.drop', ...onOld(x.value.name), constraint: x });
    changes.push({ kind: 'constraint.add', ...on(y.value.name), constraint: y });
  }
  return changes;
}
