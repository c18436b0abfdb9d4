import { namespacePath } from '../model/paths.js';
import type { Schema } from '../model/types.js';
import type { Change } from './changes.js';
import { pairByKey } from './pairs.js';

/** CREATE/DROP SCHEMA and schema comments. */
export function diffNamespaces(from: Schema, to: Schema): Change[] {
  const pairs = pairByKey(from.namespaces, to.namespaces, (n) => n.name);
  return [
    ...pairs.onlyTo.map((namespace): Change => ({ kind: 'namespace.create', path: namespacePath(namespace.name), namespace })),
    ...pairs.onlyFrom.map((namespace): Change => ({ kind: 'namespace.drop', path: namespacePath(namespace.name), namespace })),
    ...pairs.both
      .filter(([a, b]) => a.comment !== b.comment)
      .map(([a, b]): Change => ({ kind: 'namespace.comment', path: namespacePath(b.name), name: b.name, from: a.comment, to: b.comment })),
  ];
}
