/** Small helpers shared by the rule files. */
import { columnPath, tablePath, type ObjectPath } from '../../model/paths.js';
import { statementOf, type StatementNode } from '../nodes.js';
import type { LintContext, RuleHit } from '../rule.js';
import type { CreatedKind } from '../state.js';
import { nameKey, objectName, type QualifiedName } from '../tree.js';

/** A table (or view, sequence) that the file did not create: other sessions may be using it. */
export const isExisting = (context: LintContext, relation: QualifiedName): boolean => !context.file.isNew('relation', relation);

export const show = nameKey;

export const tableAt = (table: QualifiedName): ObjectPath => tablePath(table.schema, table.name);

export const columnAt = (table: QualifiedName, column: string): ObjectPath => columnPath(table.schema, table.name, column);

export function hit(message: string, extra: { hint?: string; path?: ObjectPath } = {}): RuleHit {
  return { message, ...(extra.hint !== undefined ? { hint: extra.hint } : {}), ...(extra.path ? { path: extra.path } : {}) };
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The objects a `DROP` of one of `removeTypes` names that the file did not create, with the DROP's object type. */
export function droppedExisting(
  node: StatementNode,
  removeTypes: readonly string[],
  kind: CreatedKind,
  context: LintContext,
): { type: string; name: QualifiedName }[] {
  const drop = statementOf(node, 'DropStmt');
  if (!drop || !removeTypes.includes(drop.removeType)) return [];
  return (drop.objects ?? []).map((o) => ({ type: drop.removeType, name: objectName(o) })).filter(({ name }) => !context.file.isNew(kind, name));
}
