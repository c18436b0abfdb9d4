/** Triggers of a table: by name; a changed definition is a drop and a create. */
import { triggersEqual } from '../expr/index.js';
import { triggerPath } from '../model/paths.js';
import type { Table, Trigger } from '../model/types.js';
import type { Change } from './changes.js';
import { pairByKey } from './pairs.js';

const on = (t: Table, trigger: Trigger) => ({ schema: t.schema, table: t.name, path: triggerPath(t.schema, t.name, trigger.name) });

export const createTriggers = (t: Table): Change[] => (t.triggers ?? []).map((trigger) => ({ kind: 'trigger.create', ...on(t, trigger), trigger }));
export const dropTriggers = (t: Table): Change[] => (t.triggers ?? []).map((trigger) => ({ kind: 'trigger.drop', ...on(t, trigger), trigger }));

export function diffTriggers(a: Table, b: Table, dropFrom: string = b.name): Change[] {
  const pairs = pairByKey(a.triggers ?? [], b.triggers ?? [], (x) => x.name);
  const changes: Change[] = [
    ...pairs.onlyTo.map((trigger): Change => ({ kind: 'trigger.create', ...on(b, trigger), trigger })),
    ...pairs.onlyFrom.map((trigger): Change => ({ kind: 'trigger.drop', ...on(b, trigger), table: dropFrom, trigger })),
  ];
  for (const [x, y] of pairs.both) {
    if (!triggersEqual(x.definition, y.definition)) {
      changes.push({ kind: 'trigger.drop', ...on(b, x), table: dropFrom, trigger: x }, { kind: 'trigger.create', ...on(b, y), trigger: y });
      continue;
    }
    if (x.enabled !== y.enabled) changes.push({ kind: 'trigger.enabled', ...on(b, y), name: y.name, from: x.enabled, to: y.enabled });
    if (x.comment !== y.comment) changes.push({ kind: 'trigger.comment', ...on(b, y), name: y.name, from: x.comment, to: y.comment });
  }
  return changes;
}
