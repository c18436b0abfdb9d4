/**
 * Plan: Change[] → ordered Steps. Each step carries the change, its hazards, the lock it takes and
 * whether it may run in a transaction. The reverse plan (down) is the same steps in reverse order,
 * each running its own reverse SQL.
 *
 * Order (up): create schemas, extensions and types; renames; drop constraints and indexes; drop
 * columns and tables; create tables; add and alter columns; add constraints (keys before foreign
 * keys); create indexes; comments; drop types, extensions and schemas last.
 */
import type { Change, ChangeKind } from '../diff/index.js';
import { compareText } from '../model/paths.js';

export type HazardKind =
  | 'data-loss'
  | 'data-dependent'
  | 'table-rewrite'
  | 'long-lock'
  | 'backward-incompatible';

export interface Hazard {
  readonly kind: HazardKind;
  readonly message: string;
}

export type LockLevel =
  | 'none'
  | 'ACCESS EXCLUSIVE'
  | 'SHARE ROW EXCLUSIVE'
  | 'SHARE'
  | 'SHARE UPDATE EXCLUSIVE';

export interface Step {
  readonly change: Change;
  /** Hazards of running the step forward (up). */
  readonly hazards: readonly Hazard[];
  /** Hazards of running its reverse (down). */
  readonly downHazards: readonly Hazard[];
  readonly lock: LockLevel;
  readonly transactional: boolean;
}

export interface Plan {
  readonly steps: readonly Step[];
}

const PHASES: Record<ChangeKind, number> = {
  // Views go first and come back last: tables under them can then change freely.
  'view.drop': 0,
  'trigger.drop': 0.5,
  'policy.drop': 0.6,
  'grant.revoke': 0.7,
  'namespace.create': 1,
  'extension.create': 2,
  'extension.update': 2.5,
  'enum.create': 3,
  'domain.create': 3.1,
  'composite.create': 3.2,
  'sequence.create': 3.3,
  'domain.alter': 3.4,
  'composite.alter': 3.5,
  'enum.renameValue': 3.9,
  'enum.recreate': 4,
  'enum.addValue': 5,
  // Routines come before tables (defaults and checks may call them); bodies are not checked yet.
  'routine.create': 5.5,
  'routine.replace': 5.5,
  // Constraints and indexes that go away are dropped before renames, under their old names, so
  // that on the way down they come back after the renames are undone.
  'constraint.drop': 6,
  'index.drop': 7,
  'table.rename': 8,
  'column.rename': 9,
  'constraint.rename': 10,
  'index.rename': 11,
  'column.drop': 12,
  'table.drop': 13,
  'table.create': 14,
  'table.partitionBound': 14.5,
  'column.add': 15,
  'column.type': 16,
  'table.persistence': 16.5,
  'table.storage': 16.5,
  'column.default': 17,
  'column.sequence': 17,
  'column.identity': 18,
  'column.nullability': 19,
  'constraint.add': 20,
  'index.create': 21,
  'view.create': 21.5,
  'trigger.create': 21.7,
  'trigger.enabled': 21.8,
  'policy.create': 21.85,
  'policy.alter': 21.85,
  'table.rowLevelSecurity': 21.9,
  'grant.add': 21.95,
  'view.comment': 22,
  'namespace.comment': 22,
  'enum.comment': 22,
  'table.comment': 22,
  'column.comment': 22,
  'constraint.comment': 22,
  'policy.comment': 22,
  'extension.comment': 22,
  'index.comment': 22,
  'routine.comment': 22,
  'trigger.comment': 22,
  'routine.drop': 22.5,
  'sequence.alter': 22.6,
  'sequence.drop': 22.7,
  'composite.drop': 22.8,
  'domain.drop': 22.9,
  'enum.drop': 23,
  'extension.drop': 24,
  'namespace.drop': 25,
};

/** Within the constraint phases: foreign keys are dropped first and added last. */
function subPhase(change: Change): number {
  if (change.kind === 'view.drop') return -change.depth;
  if (change.kind === 'view.create') return change.depth;
  if (change.kind === 'table.create') return change.level;
  if (change.kind === 'column.add') return change.position;
  if (change.kind === 'table.drop') return -change.level;
  if (change.kind === 'constraint.drop') return change.constraint.type === 'foreignKey' ? 0 : 1;
  if (change.kind === 'constraint.add') return change.constraint.type === 'foreignKey' ? 1 : 0;
  return 0;
}

const hazard = (kind: HazardKind, message: string): Hazard => ({ kind, message });

function hazardsOf(change: Change): { up: Hazard[]; down: Hazard[] } {
  switch (change.kind) {
    case 'table.drop':
      return { up: [hazard('data-loss', `drops table ${change.table.schema}.${change.table.name} and its rows`)], down: [] };
    case 'table.create':
      return { up: [], down: [hazard('data-loss', `rollback drops table ${change.table.schema}.${change.table.name} and its rows`)] };
    case 'column.drop':
      return { up: [hazard('data-loss', `drops column ${change.table}.${change.column.name} and its values`)], down: [] };
    case 'column.add':
      return {
        up: change.column.notNull && !change.column.default && !change.column.identity && !change.column.generated
          ? [hazard('data-dependent', `fails if ${change.table} has rows: ${change.column.name} is NOT NULL without a default`)]
          : [],
        down: [hazard('data-loss', `rollback drops column ${change.table}.${change.column.name} and its values`)],
      };
    case 'column.sequence':
      return {
        up: change.from && !change.to ? [hazard('data-loss', `drops sequence ${change.from.name}; its position is lost`)] : [],
        down: change.to && !change.from ? [hazard('data-loss', `rollback drops sequence ${change.to.name}; its position is lost`)] : [],
      };
    case 'column.identity':
      return change.to && !change.from
        ? { up: [hazard('data-dependent', `the identity sequence of ${change.table}.${change.column} starts at ${change.to.start ?? '1'}; existing values may collide with generated ones`)], down: [] }
        : { up: [], down: [] };
    case 'column.type':
      return {
        up: [hazard('table-rewrite', `changes the type of ${change.table}.${change.column}; may rewrite the table`), hazard('data-dependent', 'fails if existing values do not convert')],
        down: [hazard('data-dependent', `rollback converts ${change.table}.${change.column} back; fails if values do not convert`)],
      };
    case 'column.nullability':
      return change.notNull
        ? { up: [hazard('data-dependent', `fails if ${change.table}.${change.column} has NULLs`)], down: [] }
        : { up: [], down: [hazard('data-dependent', `rollback fails if ${change.table}.${change.column} has NULLs`)] };
    case 'constraint.add':
      return change.constraint.type === 'check' || change.constraint.type === 'foreignKey' || change.constraint.type === 'unique' || change.constraint.type === 'primaryKey'
        ? { up: [hazard('data-dependent', `fails if existing rows violate ${change.constraint.value.name}`)], down: [] }
        : { up: [], down: [] };
    case 'constraint.drop':
      return { up: [], down: [hazard('data-dependent', `rollback fails if rows violate ${change.constraint.value.name}`)] };
    case 'enum.recreate':
      return { up: [hazard('data-dependent', `recreates type ${change.to.name}; fails if rows hold a removed value`)], down: [] };
    case 'enum.addValue':
      return { up: [], down: [hazard('data-dependent', `rollback recreates type ${change.enum.name} without "${change.value}"; fails if rows hold it`)] };
    case 'table.rename':
    case 'column.rename':
    case 'enum.renameValue':
      return { up: [hazard('backward-incompatible', 'running code that uses the old name breaks')], down: [] };
    case 'grant.revoke':
      return { up: [hazard('backward-incompatible', `${change.grant.role} loses ${change.grant.privileges.join(', ')} on ${change.grant.name}`)], down: [] };
    case 'domain.alter':
      return { up: [hazard('data-dependent', `fails if existing values of columns of domain ${change.to.name} violate its new rules`)], down: [] };
    case 'composite.alter':
      return { up: [hazard('data-loss', `attributes dropped from type ${change.to.name} lose their values`)], down: [] };
    case 'sequence.drop':
      return { up: [hazard('data-loss', `drops sequence ${change.sequence.name}; its position is lost`)], down: [] };
    case 'table.rowLevelSecurity':
      return change.to && !change.from
        ? { up: [hazard('backward-incompatible', `enables row-level security on ${change.table}: roles without a matching policy see no rows`)], down: [] }
        : !change.to
          ? { up: [hazard('backward-incompatible', `disables row-level security on ${change.table}: every role with table privileges sees every row`)], down: [] }
          : { up: [], down: [] };
    case 'routine.replace':
      return { up: [hazard('backward-incompatible', `replaces the body of ${change.to.name}; callers see the new behaviour at once`)], down: [] };
    case 'table.persistence':
      return { up: [hazard('table-rewrite', `SET ${change.unlogged ? 'UNLOGGED' : 'LOGGED'} rewrites ${change.table}`)], down: [hazard('table-rewrite', `rollback rewrites ${change.table}`)] };
    case 'table.partitionBound':
      return {
        up: [hazard('data-dependent', `re-attaching ${change.table} checks every row against the new bound`)],
        down: [hazard('data-dependent', `rollback re-attaches ${change.table} with its old bound; fails if rows no longer fit`)],
      };
    case 'view.create':
      return change.view.materialized && !change.view.withNoData
        ? { up: [hazard('long-lock', `populates materialized view ${change.view.schema}.${change.view.name}; takes as long as its query`)], down: [] }
        : { up: [], down: [] };
    default:
      return { up: [], down: [] };
  }
}

function lockOf(change: Change): LockLevel {
  switch (change.kind) {
    case 'index.create':
    case 'index.drop':
      return change.kind === 'index.create' ? 'SHARE' : 'ACCESS EXCLUSIVE';
    case 'trigger.create':
    case 'trigger.drop':
    case 'trigger.enabled':
      return 'SHARE ROW EXCLUSIVE';
    case 'policy.create':
    case 'policy.drop':
    case 'policy.alter':
    case 'table.rowLevelSecurity':
      return 'ACCESS EXCLUSIVE';
    case 'constraint.add':
      return change.constraint.type === 'foreignKey' ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'view.create':
      return 'none';
    case 'view.comment':
    case 'policy.comment':
    case 'extension.comment':
    case 'enum.renameValue':
    case 'constraint.comment':
    case 'index.comment':
    case 'extension.update':
    case 'grant.add':
    case 'grant.revoke':
    case 'domain.create':
    case 'domain.drop':
    case 'domain.alter':
    case 'composite.create':
    case 'composite.drop':
    case 'composite.alter':
    case 'sequence.create':
    case 'sequence.drop':
    case 'sequence.alter':
    case 'routine.create':
    case 'routine.replace':
    case 'routine.drop':
    case 'routine.comment':
    case 'trigger.comment':
    case 'namespace.create':
    case 'namespace.drop':
    case 'namespace.comment':
    case 'extension.create':
    case 'extension.drop':
    case 'enum.create':
    case 'enum.comment':
    case 'table.create':
      return 'none';
    default:
      return 'ACCESS EXCLUSIVE';
  }
}

/** Tables this plan creates: their constraints and indexes lock nothing and cannot fail on data. */
function createdTables(changes: readonly Change[]): Set<string> {
  return new Set(changes.filter((c) => c.kind === 'table.create').map((c) => (c.kind === 'table.create' ? `${c.table.schema}\0${c.table.name}` : '')));
}

function onCreatedTable(change: Change, created: ReadonlySet<string>): boolean {
  return (change.kind === 'constraint.add' || change.kind === 'index.create') && created.has(`${change.schema}\0${change.table}`);
}

/**
 * Order changes into steps. Deterministic: by phase, then sub-phase (dependency depth, column
 * position), then object path, then diff order.
 */
export function planChanges(changes: readonly Change[]): Plan {
  const created = createdTables(changes);
  const steps = changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) =>
      PHASES[a.change.kind] - PHASES[b.change.kind] ||
      subPhase(a.change) - subPhase(b.change) ||
      compareText(a.change.path, b.change.path) ||
      a.i - b.i)
    .map(({ change }): Step => {
      const { up, down } = hazardsOf(change);
      const fresh = onCreatedTable(change, created);
      return { change, hazards: fresh ? [] : up, downHazards: down, lock: fresh ? 'none' : lockOf(change), transactional: true };
    });
  return { steps };
}
