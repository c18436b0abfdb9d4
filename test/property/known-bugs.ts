/**
 * Compiler bugs the properties found that are not fixed yet. A case whose planned changes show one
 * is discarded (and counted), so the suite stays green while the bug is open; each entry names the
 * bug as docs/reliability.md records it. Delete the entry when the bug is fixed.
 * `SCHEMAC_PROPERTY_KNOWN_BUGS=fail` runs such cases anyway (to check a fix).
 */
import type { Change } from '../../compiler/diff/index.js';
import type { Schema } from '../../compiler/model/types.js';

export interface KnownBug {
  readonly id: string;
  readonly summary: string;
  /** Whether the planned changes of a case (from one schema to another) can hit the bug. */
  readonly hits: (changes: readonly Change[], from: Schema, to: Schema) => boolean;
}

export const KNOWN_BUGS: readonly KnownBug[] = [
  // None open: the bugs found so far are fixed (docs/reliability.md, "Bugs found"). An entry is
  // { id, summary, hits(changes, from, to) }; its reproduction in known-bugs.test.ts names the id.
];

const enforced = process.env['SCHEMAC_PROPERTY_KNOWN_BUGS'] === 'fail';

/** Whether generation steers clear of a known bug (no case could be recognised afterwards). */
export const skipsKnownBug = (id: string): boolean => !enforced && KNOWN_BUGS.some((bug) => bug.id === id);

/** The known bug a case would hit, unless known bugs are set to fail. */
export function knownBugHit(changes: readonly Change[], from: Schema, to: Schema): KnownBug | undefined {
  return enforced ? undefined : KNOWN_BUGS.find((bug) => bug.hits(changes, from, to));
}
