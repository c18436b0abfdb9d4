/**
 * The table locks a statement takes, for the rules that explain them and for the lock_timeout
 * rule. A lock that conflicts with ordinary reads or writes (SHARE and stronger) is *strong*: while
 * it waits for a long-running query, every later query on the table queues behind it.
 */
import { nodeOf, statementOf, type AlterTableCmd, type Constraint, type PartitionCmd, type RangeVar, type StatementNode } from './nodes.js';
import { objectName, relationName, type QualifiedName } from './tree.js';

/** PostgreSQL's table lock modes, weakest first (the numbers are PostgreSQL's own). */
export type LockMode =
  | 'ACCESS SHARE'
  | 'ROW SHARE'
  | 'ROW EXCLUSIVE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'SHARE'
  | 'SHARE ROW EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'ACCESS EXCLUSIVE';

const MODES: readonly LockMode[] = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
];

/** LOCK TABLE's `mode` field: 1 = ACCESS SHARE … 8 = ACCESS EXCLUSIVE. */
export const lockModeNumbered = (mode: number): LockMode => MODES[Math.min(Math.max(mode, 1), 8) - 1]!;

export const isStrong = (mode: LockMode): boolean => MODES.indexOf(mode) >= MODES.indexOf('SHARE');

const stronger = (a: LockMode, b: LockMode): LockMode => (MODES.indexOf(a) >= MODES.indexOf(b) ? a : b);

/** A lock on a relation; `index` when the statement names an index (the lock is on its table). */
export interface TableLock {
  readonly relation: QualifiedName;
  readonly mode: LockMode;
  readonly index?: boolean;
}

/** ALTER TABLE commands that take less than ACCESS EXCLUSIVE. */
const ALTER_TABLE_LOCKS: Readonly<Record<string, LockMode>> = {
  AT_ValidateConstraint: 'SHARE UPDATE EXCLUSIVE',
  AT_SetStatistics: 'SHARE UPDATE EXCLUSIVE',
  AT_ClusterOn: 'SHARE UPDATE EXCLUSIVE',
  AT_DropCluster: 'SHARE UPDATE EXCLUSIVE',
  AT_AttachPartition: 'SHARE UPDATE EXCLUSIVE',
  AT_EnableTrig: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableTrigAll: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrigAll: 'SHARE ROW EXCLUSIVE',
  AT_EnableTrigUser: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrigUser: 'SHARE ROW EXCLUSIVE',
};

function alterTableCommandLocks(table: QualifiedName, command: AlterTableCmd): TableLock[] {
  const constraint = nodeOf<Constraint>(command.def, 'Constraint');
  const partition = nodeOf<PartitionCmd>(command.def, 'PartitionCmd');
  if (constraint?.contype === 'CONSTR_FOREIGN') {
    const referenced = constraint.pktable ? [{ relation: relationName(constraint.pktable), mode: 'SHARE ROW EXCLUSIVE' as const }] : [];
    return [{ relation: table, mode: 'SHARE ROW EXCLUSIVE' }, ...referenced];
  }
  if (command.subtype === 'AT_DetachPartition' && partition?.concurrent) return [{ relation: table, mode: 'SHARE UPDATE EXCLUSIVE' }];
  if (partition) {
    const own = command.subtype === 'AT_AttachPartition' ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    return [{ relation: table, mode: own }, { relation: relationName(partition.name), mode: 'ACCESS EXCLUSIVE' }];
  }
  return [{ relation: table, mode: ALTER_TABLE_LOCKS[command.subtype] ?? 'ACCESS EXCLUSIVE' }];
}

const DROPPED_RELATIONS: ReadonlySet<string> = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_INDEX', 'OBJECT_SEQUENCE']);

/** The table locks a statement takes (on each relation, the strongest). */
export function tableLocks(node: StatementNode): TableLock[] {
  const alter = statementOf(node, 'AlterTableStmt');
  if (alter) {
    const table = relationName(alter.relation);
    return mergeLocks((alter.cmds ?? []).flatMap((c) => alterTableCommandLocks(table, c.AlterTableCmd)));
  }
  const create = statementOf(node, 'CreateStmt');
  if (create) {
    const parents = (create.inhRelations ?? []).flatMap((r) => {
      const parent = nodeOf<RangeVar>(r, 'RangeVar');
      return parent ? [{ relation: relationName(parent), mode: 'ACCESS EXCLUSIVE' as const }] : [];
    });
    const referenced = foreignKeyTargets(create.tableElts).map((relation) => ({ relation, mode: 'SHARE ROW EXCLUSIVE' as const }));
    return mergeLocks([...parents, ...referenced]);
  }
  const index = statementOf(node, 'IndexStmt');
  if (index) return [{ relation: relationName(index.relation), mode: index.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE' }];
  const drop = statementOf(node, 'DropStmt');
  if (drop && DROPPED_RELATIONS.has(drop.removeType)) {
    const index = drop.removeType === 'OBJECT_INDEX';
    const mode = drop.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    return (drop.objects ?? []).map((o) => ({ relation: objectName(o), mode, ...(index ? { index } : {}) }));
  }
  return otherStatementLocks(node);
}

function otherStatementLocks(node: StatementNode): TableLock[] {
  const truncate = statementOf(node, 'TruncateStmt');
  if (truncate) return (truncate.relations ?? []).flatMap((r) => (r.RangeVar ? [{ relation: relationName(r.RangeVar), mode: 'ACCESS EXCLUSIVE' as const }] : []));
  const lock = statementOf(node, 'LockStmt');
  if (lock) {
    const mode = lockModeNumbered(lock.mode ?? 8);
    return (lock.relations ?? []).flatMap((r) => (r.RangeVar ? [{ relation: relationName(r.RangeVar), mode }] : []));
  }
  const rename = statementOf(node, 'RenameStmt');
  if (rename?.relation) return [{ relation: relationName(rename.relation), mode: 'ACCESS EXCLUSIVE', ...(rename.renameType === 'OBJECT_INDEX' ? { index: true } : {}) }];
  const cluster = statementOf(node, 'ClusterStmt');
  if (cluster?.relation) return [{ relation: relationName(cluster.relation), mode: 'ACCESS EXCLUSIVE' }];
  const vacuum = statementOf(node, 'VacuumStmt');
  if (vacuum && isVacuumFull(vacuum)) return (vacuum.rels ?? []).flatMap((r) => (r.VacuumRelation?.relation ? [{ relation: relationName(r.VacuumRelation.relation), mode: 'ACCESS EXCLUSIVE' as const }] : []));
  const refresh = statementOf(node, 'RefreshMatViewStmt');
  if (refresh) return [{ relation: relationName(refresh.relation), mode: refresh.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE' }];
  const reindex = statementOf(node, 'ReindexStmt');
  if (reindex?.relation && !isConcurrentReindex(reindex)) {
    const index = reindex.kind === 'REINDEX_OBJECT_INDEX';
    return [{ relation: relationName(reindex.relation), mode: index ? 'ACCESS EXCLUSIVE' : 'SHARE', ...(index ? { index } : {}) }];
  }
  const trigger = statementOf(node, 'CreateTrigStmt');
  if (trigger) return [{ relation: relationName(trigger.relation), mode: 'SHARE ROW EXCLUSIVE' }];
  return [];
}

/** The tables referenced by the foreign keys of a CREATE TABLE (column and table constraints). */
function foreignKeyTargets(elements: readonly unknown[] | undefined): QualifiedName[] {
  const targets: QualifiedName[] = [];
  for (const element of elements ?? []) {
    const column = nodeOf<{ constraints?: readonly { Constraint?: Constraint }[] }>(element, 'ColumnDef');
    const constraints = column ? (column.constraints ?? []).flatMap((c) => (c.Constraint ? [c.Constraint] : [])) : [nodeOf<Constraint>(element, 'Constraint')];
    for (const constraint of constraints) if (constraint?.contype === 'CONSTR_FOREIGN' && constraint.pktable) targets.push(relationName(constraint.pktable));
  }
  return targets;
}

function mergeLocks(locks: readonly TableLock[]): TableLock[] {
  const byRelation = new Map<string, TableLock>();
  for (const lock of locks) {
    const key = `${lock.relation.schema}.${lock.relation.name}`;
    const seen = byRelation.get(key);
    byRelation.set(key, seen ? { ...seen, mode: stronger(seen.mode, lock.mode) } : lock);
  }
  return [...byRelation.values()];
}

/** `VACUUM FULL t`, `VACUUM (FULL) t`, `VACUUM (FULL true) t`; not `VACUUM (FULL false)`. */
export function isVacuumFull(vacuum: { readonly options?: readonly unknown[] }): boolean {
  return (vacuum.options ?? []).some((option) => {
    const element = nodeOf<{ defname?: string; arg?: unknown }>(option, 'DefElem');
    return element?.defname === 'full' && !isFalseOption(element.arg);
  });
}

export function isConcurrentReindex(reindex: { readonly params?: readonly unknown[] }): boolean {
  return (reindex.params ?? []).some((param) => {
    const element = nodeOf<{ defname?: string; arg?: unknown }>(param, 'DefElem');
    return element?.defname === 'concurrently' && !isFalseOption(element.arg);
  });
}

/** An option value that turns it off: `false`, `off`, `0` (written as a word or a number). */
function isFalseOption(arg: unknown): boolean {
  const integer = nodeOf<{ ival?: number }>(arg, 'Integer');
  if (integer) return (integer.ival ?? 0) === 0;
  const word = nodeOf<{ sval?: string }>(arg, 'String')?.sval?.toLowerCase();
  return word === 'false' || word === 'off' || word === 'no';
}
