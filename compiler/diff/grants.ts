/** Privileges: per object, role and grant option, the privileges to GRANT and to REVOKE. */
import { grantKey } from '../model/freeze.js';
import { grantPath } from '../model/paths.js';
import type { Grant, Schema } from '../model/types.js';
import type { Change } from './changes.js';

/** The object a grant is on: `table\0s\0t`, `function\0s\0f\0(sig)`. */
const objectKey = (kind: string, schema: string, name: string, signature = ''): string => `${kind}\0${schema}\0${name}\0${signature}`;
const grantObject = (g: Grant): string => objectKey(g.kind, g.schema, g.name, g.signature ?? '');

/** The object a create or drop change is about, as grants name it. */
function changedObject(c: Change): string | undefined {
  switch (c.kind) {
    case 'namespace.create': case 'namespace.drop': return objectKey('schema', '', c.namespace.name);
    case 'sequence.create': case 'sequence.drop': return objectKey('sequence', c.sequence.schema, c.sequence.name);
    case 'routine.create': case 'routine.drop': return objectKey(c.routine.kind, c.routine.schema, c.routine.name, c.routine.signature);
    case 'routine.replace': return c.recreate ? objectKey(c.to.kind, c.to.schema, c.to.name, c.to.signature) : undefined;
    case 'view.create': case 'view.drop': return objectKey('table', c.view.schema, c.view.name);
    case 'table.create': case 'table.drop': return objectKey('table', c.table.schema, c.table.name);
    default: return undefined;
  }
}

/**
 * Objects created or dropped by a migration carry their own grants (granted again right after
 * each creation, in both directions); all other objects' grants are diffed on their own.
 */
export function withGrants(changes: readonly Change[], from: Schema, to: Schema): Change[] {
  const grantsOf = (schema: Schema) => {
    const map = new Map<string, Grant[]>();
    for (const g of schema.grants ?? []) map.set(grantObject(g), [...(map.get(grantObject(g)) ?? []), g]);
    return map;
  };
  const [before, after] = [grantsOf(from), grantsOf(to)];
  const handled = new Set<string>();
  const attached = changes.map((c): Change => {
    const object = changedObject(c);
    if (object === undefined) return c;
    handled.add(object);
    if (c.kind === 'routine.replace') return { ...c, grantsBefore: before.get(object) ?? [], grantsAfter: after.get(object) ?? [] };
    const grants = (c.kind.endsWith('.create') ? after : before).get(object);
    return grants ? ({ ...c, grants } as Change) : c;
  });
  return [...attached, ...diffGrants(from, to, handled)];
}

function diffGrants(from: Schema, to: Schema, handled: ReadonlySet<string>): Change[] {
  const before = new Map((from.grants ?? []).filter((g) => !handled.has(grantObject(g))).map((g) => [grantKey(g), g]));
  const after = new Map((to.grants ?? []).filter((g) => !handled.has(grantObject(g))).map((g) => [grantKey(g), g]));
  const changes: Change[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const [a, b] = [before.get(key), after.get(key)];
    const g = (b ?? a)!;
    const path = grantPath(g.kind, g.schema, g.name, g.role);
    const added = (b?.privileges ?? []).filter((p) => !(a?.privileges ?? []).includes(p));
    const removed = (a?.privileges ?? []).filter((p) => !(b?.privileges ?? []).includes(p));
    const only = (privileges: string[]): Grant => ({ ...g, privileges });
    if (removed.length > 0) changes.push({ kind: 'grant.revoke', path, grant: only(removed) });
    if (added.length > 0) changes.push({ kind: 'grant.add', path, grant: only(added) });
  }
  return changes;
}
