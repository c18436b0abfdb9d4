/**
 * The order of steps (up): views, triggers and policies that go away first; schemas, extensions
 * and types; routines; renames; drops of constraints and indexes, columns and tables; creates of
 * tables; columns; constraints (keys before foreign keys); indexes; views, triggers, policies and
 * grants; comments; drops of types, extensions and schemas last. The down plan is the reverse.
 */
import type { Change, ChangeKind } from '../diff/index.js';

export const PHASES: Record<ChangeKind, number> = {
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
  'view.rename': 8.5,
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
  // Defaults, serial sequences and identities in one phase: an identity is dropped before a serial
  // sequence takes its place (and its name) and added after one is dropped (see subPhase).
  'column.default': 17,
  'column.sequence': 17,
  'column.identity': 17,
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
  // Data steps are placed next to the step they name (see placeDataSteps); alone, they run last.
  'data.run': 26,
};

/**
 * Within a phase: dependency depth for views and partitions, column position, keys before foreign
 * keys, identities dropped before defaults and sequences change and added or altered after.
 */
export function subPhase(change: Change): number {
  if (change.kind === 'view.drop') return -change.depth;
  if (change.kind === 'view.create') return change.depth;
  if (change.kind === 'table.create') return change.level;
  if (change.kind === 'column.add') return change.position;
  if (change.kind === 'table.drop') return -change.level;
  if (change.kind === 'column.identity') return change.to === undefined ? -1 : 1;
  if (change.kind === 'constraint.drop') return change.constraint.type === 'foreignKey' ? 0 : 1;
  if (change.kind === 'constraint.add') return change.constraint.type === 'foreignKey' ? 1 : 0;
  return 0;
}
