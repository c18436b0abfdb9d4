import { extensionPath } from '../model/paths.js';
import type { Schema } from '../model/types.js';
import type { Change } from './changes.js';
import { pairByKey } from './pairs.js';

/** CREATE/DROP EXTENSION, ALTER EXTENSION … UPDATE TO a pinned version. A move to another schema is a drop and a create. */
export function diffExtensions(from: Schema, to: Schema): Change[] {
  const pairs = pairByKey(from.extensions, to.extensions, (x) => `${x.name}\0${x.schema}`);
  return [
    ...pairs.onlyTo.map((extension): Change => ({ kind: 'extension.create', path: extensionPath(extension.name), extension })),
    ...pairs.onlyFrom.map((extension): Change => ({ kind: 'extension.drop', path: extensionPath(extension.name), extension })),
    // A version is compared only where the target pins one.
    ...pairs.both
      .filter(([a, b]) => b.version !== undefined && a.version !== undefined && a.version !== b.version)
      .map(([a, b]): Change => ({ kind: 'extension.update', path: extensionPath(b.name), extension: b, from: a.version!, to: b.version! })),
    // Comments too: extensions bring their own, so only a declared one is compared.
    ...pairs.both
      .filter(([a, b]) => b.comment !== undefined && a.comment !== b.comment)
      .map(([a, b]): Change => ({ kind: 'extension.comment', path: extensionPath(b.name), extension: b, from: a.comment, to: b.comment })),
  ];
}
