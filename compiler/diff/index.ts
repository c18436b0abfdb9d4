/**
 * Diff: Schema × Schema → Change[]. Pure: no database, no files. Expressions are compared in
 * canonical form (compiler/expr), so a declared default and its server readback are equal.
 */
import { compareText } from '../model/paths.js';
import type { Schema } from '../model/types.js';
import type { Change } from './changes.js';
import { defaultsAcrossRecreations, diffEnums, withRenamedEnumValues } from './enums.js';
import { diffExtensions } from './extensions.js';
import { diffNamespaces } from './namespaces.js';
import { diffRoutines } from './routines.js';
import { withGrants } from './grants.js';
import { diffComposites, diffDomains, diffSequences } from './types.js';
import { diffTables } from './tables.js';
import { diffViews } from './views.js';
import { diffDataSteps } from './data.js';

export type { Change, ChangeKind, ChangeOf, Constraint, EnumUsage, TableDependents } from './changes.js';
export { assertNever } from './changes.js';

/** The changes that turn `from` into `to`, sorted by object path (the plan orders them). */
export interface DiffOptions {
  /** Include data steps declared in `to` and not yet run in `from` (migrations between snapshots). */
  readonly dataSteps?: boolean;
}

export { editedDataSteps } from './data.js';
export { suspectedRenames, type SuspectedRename } from './suspicions.js';

export function diffSchemas(declaredFrom: Schema, to: Schema, options: DiffOptions = {}): Change[] {
  const from = withRenamedEnumValues(declaredFrom, to);
  const enumChanges = diffEnums(from, to);
  const tableChanges = diffTables(from, to);
  const changes = defaultsAcrossRecreations(withGrants([
    ...diffNamespaces(from, to), ...diffExtensions(from, to), ...enumChanges, ...diffDomains(from, to), ...diffComposites(from, to),
    ...diffSequences(from, to), ...diffRoutines(from, to), ...tableChanges,
    ...diffViews(from, to, [...enumChanges, ...tableChanges]),
  ], from, to)).concat(options.dataSteps ? diffDataSteps(from, to) : []);
  return changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => compareText(a.change.path, b.change.path) || a.i - b.i)
    .map(({ change }) => change);
}
