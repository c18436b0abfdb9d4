/**
 * Plan: Change[] → ordered Steps. Each step carries the change (or one online part of it), its
 * hazards, the lock it takes, what it does to the table's rows, how it runs with respect to
 * transactions, and whether its reverse can give back what it removes. The reverse plan (down) is
 * the same steps in reverse order, each running its own reverse SQL.
 */
import type { Change } from '../diff/index.js';
import { compareText } from '../model/paths.js';
import { changeTable, irreversibility, longLockHazards, plainEffect, plainHazards, plainLock } from './hazards.js';
import { onlineContext, onlineParts, tableKey } from './online.js';
import { PHASES, subPhase } from './order.js';
import type { Plan, PlanOptions, Step } from './types.js';
import type { Schema } from '../model/types.js';
import { tableRequirements, viewRequirements } from '../model/optional.js';

export type { Hazard, HazardKind, LockLevel, Plan, PlanOptions, Step, StepForm, StepFormKind, TableEffect, TransactionMode } from './types.js';
export { notNullCheckName, partitionIndexName } from './online.js';
export { isBinaryCoercible } from './coercion.js';

/** Relations this plan creates: changes on them lock nothing, scan nothing and cannot fail on data. */
function createdRelations(changes: readonly Change[]): Set<string> {
  const created = new Set<string>();
  for (const c of changes) {
    if (c.kind === 'table.create') created.add(tableKey(c.table.schema, c.table.name));
    if (c.kind === 'view.create' && c.view.materialized) created.add(tableKey(c.view.schema, c.view.name));
  }
  return created;
}

const ON_NEW_RELATION = new Set([
  'constraint.add', 'index.create', 'column.nullability', 'column.add', 'column.type', 'column.default', 'index.comment', 'constraint.comment',
  'table.rowLevelSecurity', 'policy.create', 'policy.comment', 'trigger.create', 'trigger.enabled', 'trigger.comment',
]);

function onCreatedRelation(change: Change, created: ReadonlySet<string>): boolean {
  const on = changeTable(change);
  return ON_NEW_RELATION.has(change.kind) && on !== undefined && created.has(tableKey(on.schema, on.table));
}

/**
 * Adding an enum value commits on its own, so later steps of the same migration can use it; a
 * data step runs as it was declared.
 */
function transactionOf(change: Change): Step['transaction'] {
  if (change.kind === 'enum.addValue') return 'own';
  if (change.kind === 'data.run') return change.step.transaction ?? 'shared';
  return 'shared';
}

function plainStep(change: Change, fresh: boolean): Step {
  const { up, down } = plainHazards(change);
  const lock = fresh ? 'none' : plainLock(change);
  const effect = fresh ? 'none' : plainEffect(change);
  const irreversible = irreversibility(change);
  return {
    change,
    form: { kind: 'plain' },
    hazards: fresh ? [] : [...up, ...longLockHazards(change, lock, effect)],
    downHazards: down,
    lock,
    effect,
    transaction: transactionOf(change),
    ...(irreversible ? { irreversible } : {}),
  };
}

/** The optional extensions each change needs, from the schemas on both sides. */
function requirementsFinder(options: PlanOptions): (change: Change) => readonly string[] {
  const maps = [options.to, options.from].filter((s): s is Schema => s !== undefined).map((schema) => {
    const tables = tableRequirements(schema);
    return { tables, views: viewRequirements(schema, tables), optional: new Set(schema.extensions.filter((x) => x.optional).map((x) => x.name)) };
  });
  return (change) => {
    const found = new Set<string>();
    const on = changeTable(change);
    const relation = on ? tableKey(on.schema, on.table)
      : change.kind === 'table.create' || change.kind === 'table.drop' ? tableKey(change.table.schema, change.table.name)
      : change.kind === 'view.create' || change.kind === 'view.drop' ? tableKey(change.view.schema, change.view.name) : undefined;
    for (const m of maps) {
      if (relation) for (const e of [...(m.tables.get(relation) ?? []), ...(m.views.get(relation) ?? [])]) found.add(e);
      if ((change.kind === 'extension.create' || change.kind === 'extension.drop') && m.optional.has(change.extension.name)) found.add(change.extension.name);
    }
    return [...found].sort();
  };
}

/**
 * Order changes into steps. Deterministic: by phase, then sub-phase (dependency depth, column
 * position), then object path, then diff order. Data steps then move next to the step they name.
 */
export function planChanges(changes: readonly Change[], options: PlanOptions = {}): Plan {
  const created = createdRelations(changes);
  const context = onlineContext(options.from, options.to);
  const ordered = changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) =>
      PHASES[a.change.kind] - PHASES[b.change.kind] ||
      subPhase(a.change) - subPhase(b.change) ||
      compareText(a.change.path, b.change.path) ||
      a.i - b.i)
    .map(({ change }) => change);
  const requirementsOf = requirementsFinder(options);
  const steps = ordered.flatMap((change): Step[] => {
    const fresh = onCreatedRelation(change, created);
    const parts = options.online !== false && !fresh ? onlineParts(change, context) : undefined;
    const requires = requirementsOf(change);
    const extra = requires.length > 0 ? { requires } : {};
    if (!parts) return [{ ...plainStep(change, fresh), ...extra }];
    return parts.map((p) => ({ change, ...p, ...extra }));
  });
  return { steps: placeDataSteps(steps) };
}

/**
 * Data steps run right before or after the last step of the change they name (`before`/`after`
 * an object path); a data step naming nothing in this plan runs at the end.
 */
function placeDataSteps(steps: readonly Step[]): Step[] {
  const data = steps.filter((s) => s.change.kind === 'data.run');
  if (data.length === 0) return [...steps];
  const out = steps.filter((s) => s.change.kind !== 'data.run');
  const trailing: Step[] = [];
  for (const step of data) {
    if (step.change.kind !== 'data.run') continue;
    const { before, after } = step.change.step;
    const anchor = before ?? after;
    const indexes = out.map((s, i) => (anchor !== undefined && s.change.kind !== 'data.run' && s.change.path === anchor ? i : -1)).filter((i) => i >= 0);
    if (indexes.length === 0) {
      trailing.push(step);
      continue;
    }
    let at = before !== undefined ? indexes[0]! : indexes.at(-1)! + 1;
    // Data steps at the same place keep their (name) order.
    while (at < out.length && out[at]!.change.kind === 'data.run') at++;
    out.splice(at, 0, step);
  }
  return [...out, ...trailing];
}
