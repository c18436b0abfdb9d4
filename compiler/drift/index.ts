/**
 * Drift: the differences between a live database and the declarations, each with its object path
 * and the file:line of the declaration it concerns (or of the table it would belong to).
 */
import { diffSchemas, type Change } from '../diff/index.js';
import { tablePath, type ObjectPath } from '../model/paths.js';
import type { Schema, SourceLocator, SourceRef, UnmanagedObject } from '../model/types.js';
import { describeChange } from '../render/describe.js';

export type DriftKind = 'missing' | 'unexpected' | 'different';

export interface DriftItem {
  readonly path: ObjectPath;
  readonly kind: DriftKind;
  /** What differs, in words. */
  readonly message: string;
  /** The change that would bring the database to the declared state. */
  readonly change: Change['kind'];
  readonly at?: SourceRef;
}

export interface DriftReport {
  readonly items: readonly DriftItem[];
  /** Objects of kinds schemac does not manage: listed, not compared, not drift. */
  readonly unmanaged: readonly UnmanagedObject[];
}

function driftKind(change: Change): DriftKind {
  if (change.kind.endsWith('.create') || change.kind === 'column.add' || change.kind === 'constraint.add' || change.kind === 'enum.addValue') return 'missing';
  if (change.kind.endsWith('.drop')) return 'unexpected';
  return 'different';
}

function driftMessage(change: Change, kind: DriftKind, classified: boolean): string {
  const target = change.path.slice(change.path.indexOf(':') + 1);
  const what = change.path.slice(0, change.path.indexOf(':'));
  if (change.kind === 'enum.addValue') return `enum ${target} lacks the declared value '${change.value}'`;
  if (change.kind === 'index.drop' && change.index.invalid) return `index ${target} is INVALID (a concurrent build failed or was interrupted) and must be built again`;
  if (kind === 'missing') return `${what} ${target} is declared but missing from the database`;
  if (kind === 'unexpected' && classified && (what === 'table' || what === 'column')) {
    return `${what} ${target} exists in the database but is not declared: its data is unclassified`;
  }
  if (kind === 'unexpected') return `${what} ${target} exists in the database but is not declared`;
  return `${what} ${target} differs from its declaration (to fix: ${describeChange(change)})`;
}

/**
 * Compare a live schema (`actual`) with the declared one (`declared`). Empty report: no drift.
 * With `classified` (the project uses compliance annotations), undeclared tables and columns are
 * reported as unclassified data.
 */
export function detectDrift(actual: Schema, declared: Schema, locate: SourceLocator, options: { classified?: boolean } = {}): DriftReport {
  const changes = diffSchemas(actual, declared);
  // An INVALID index is one item (its rebuild), not a drop and a create.
  const rebuilt = new Set(changes.filter((c) => c.kind === 'index.drop' && c.index.invalid).map((c) => c.path));
  const items = changes.filter((c) => !(c.kind === 'index.create' && rebuilt.has(c.path))).map((change): DriftItem => {
    const kind = driftKind(change);
    const owner = 'table' in change && 'schema' in change ? tablePath(change.schema, change.table) : undefined;
    const at = locate(change.path) ?? (owner ? locate(owner) : undefined);
    return { path: change.path, kind, message: driftMessage(change, kind, options.classified === true), change: change.kind, ...(at ? { at } : {}) };
  });
  return { items, unmanaged: actual.unmanaged ?? [] };
}
