/**
 * Functions and procedures, identified by schema, name and argument types. A changed body or
 * option is CREATE OR REPLACE; a changed return type or parameter list cannot be replaced: the
 * routine is dropped and created in the same step (which fails, changing nothing, while other
 * objects depend on it).
 */
import { routineIdentity, routineReturnChanged, routinesEqual } from '../expr/index.js';
import { routinePath } from '../model/paths.js';
import type { Routine, Schema } from '../model/types.js';
import type { Change } from './changes.js';
import { pairByKey } from './pairs.js';

const identity = (r: Routine): string => `${r.schema}\0${routineIdentity(r.definition)}`;
const path = (r: Routine) => routinePath(r.schema, r.name, r.signature);

export function diffRoutines(from: Schema, to: Schema): Change[] {
  const pairs = pairByKey(from.routines ?? [], to.routines ?? [], identity);
  const changes: Change[] = [
    ...pairs.onlyTo.map((routine): Change => ({ kind: 'routine.create', path: path(routine), routine })),
    ...pairs.onlyFrom.map((routine): Change => ({ kind: 'routine.drop', path: path(routine), routine })),
  ];
  for (const [a, b] of pairs.both) {
    if (!routinesEqual(a.definition, b.definition)) {
      changes.push({ kind: 'routine.replace', path: path(b), from: a, to: b, recreate: routineReturnChanged(a.definition, b.definition) });
    }
    if (a.comment !== b.comment) changes.push({ kind: 'routine.comment', path: path(b), routine: b, from: a.comment, to: b.comment });
  }
  return changes;
}
