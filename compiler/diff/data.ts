/**
 * Data steps: a declared data step runs once, in the first migration generated after it is
 * declared. The snapshot remembers the data steps that ran; a declared one it does not know is new.
 * Only migrations between snapshots run data steps: a live database never records them, so drift
 * and `plan` leave them out.
 */
import { dataStepPath } from '../model/paths.js';
import type { DataStep, Schema } from '../model/types.js';
import type { Change } from './changes.js';

export function diffDataSteps(from: Schema, to: Schema): Change[] {
  const ran = new Set((from.dataSteps ?? []).map((d) => d.name));
  return (to.dataSteps ?? []).filter((d) => !ran.has(d.name)).map((step) => ({ kind: 'data.run', path: dataStepPath(step.name), step }));
}

/** Data steps that already ran whose SQL has changed since: the change has no effect. */
export function editedDataSteps(from: Schema, to: Schema): { readonly before: DataStep; readonly after: DataStep }[] {
  const ran = new Map((from.dataSteps ?? []).map((d) => [d.name, d]));
  return (to.dataSteps ?? []).flatMap((after) => {
    const before = ran.get(after.name);
    return before && (before.up !== after.up || before.down !== after.down) ? [{ before, after }] : [];
  });
}
