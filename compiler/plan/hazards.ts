/**
 * What a change does when run as its plain statements: hazards in both directions, the lock it
 * takes, whether it reads or rewrites the table, and whether its reverse can give back what it
 * removes. (Online forms of a change carry their own; see online.ts.)
 */
import type { Change } from '../diff/index.js';
import { isVolatileExpression } from '../expr/index.js';
import { isBinaryCoercible } from './coercion.js';
import type { Hazard, HazardKind, LockLevel, TableEffect } from './types.js';

/** The table a change is on, for changes that are on one. */
export function changeTable(change: Change): { schema: string; table: string } | undefined {
  return 'table' in change && typeof change.table === 'string' && 'schema' in change && typeof change.schema === 'string' ? { schema: change.schema, table: change.table } : undefined;
}

export const hazard = (kind: HazardKind, message: string): Hazard => ({ kind, message });

interface Hazards {
  readonly up: readonly Hazard[];
  readonly down: readonly Hazard[];
}
const NONE: Hazards = { up: [], down: [] };

const columnAddHazards = (change: Extract<Change, { kind: 'column.add' }>): Hazards => {
  const c = change.column;
  return {
    up: c.notNull && !c.default && !c.identity && !c.generated
      ? [hazard('data-dependent', `fails if ${change.table} has rows: ${c.name} is NOT NULL without a default`)]
      : [],
    down: [hazard('data-loss', `rollback drops column ${change.table}.${c.name} and its values`)],
  };
};

const columnTypeHazards = (change: Extract<Change, { kind: 'column.type' }>): Hazards =>
  isBinaryCoercible(change.from, change.to)
    ? { up: [], down: [hazard('data-dependent', `rollback narrows ${change.table}.${change.column} back; fails if values do not fit`)] }
    : {
        up: [hazard('table-rewrite', `changes the type of ${change.table}.${change.column}: rewrites the table and its indexes under an ACCESS EXCLUSIVE lock`), hazard('data-dependent', 'fails if existing values do not convert')],
        down: [hazard('data-dependent', `rollback converts ${change.table}.${change.column} back; fails if values do not convert`)],
      };

const rowLevelSecurityHazards = (change: Extract<Change, { kind: 'table.rowLevelSecurity' }>): Hazards => {
  if (change.to && !change.from) return { up: [hazard('backward-incompatible', `enables row-level security on ${change.table}: roles without a matching policy see no rows`)], down: [] };
  if (!change.to) return { up: [hazard('backward-incompatible', `disables row-level security on ${change.table}: every role with table privileges sees every row`)], down: [] };
  return NONE;
};

/** Hazards of a change's plain statements, up and down. */
export function plainHazards(change: Change): Hazards {
  switch (change.kind) {
    case 'table.drop':
      return {
        up: [
          hazard('data-loss', `drops table ${change.table.schema}.${change.table.name} and its rows`),
          hazard('backward-incompatible', `running code that uses ${change.table.schema}.${change.table.name} breaks`),
        ],
        down: [],
      };
    case 'table.create':
      return { up: [], down: [hazard('data-loss', `rollback drops table ${change.table.schema}.${change.table.name} and its rows`)] };
    case 'column.drop':
      return {
        up: [
          hazard('data-loss', `drops column ${change.table}.${change.column.name} and its values`),
          hazard('backward-incompatible', `running code that reads or writes ${change.table}.${change.column.name} breaks`),
        ],
        down: [],
      };
    case 'column.add':
      return columnAddHazards(change);
    case 'column.sequence':
      return {
        up: change.from && !change.to ? [hazard('data-loss', `drops sequence ${change.from.name}; its position is lost`)] : [],
        down: change.to && !change.from ? [hazard('data-loss', `rollback drops sequence ${change.to.name}; its position is lost`)] : [],
      };
    case 'column.identity':
      return change.to && !change.from
        ? { up: [hazard('data-dependent', `the identity sequence of ${change.table}.${change.column} starts at ${change.to.start ?? '1'}; existing values may collide with generated ones`)], down: [] }
        : NONE;
    case 'column.type':
      return columnTypeHazards(change);
    case 'column.nullability':
      return change.notNull
        ? { up: [hazard('data-dependent', `fails if ${change.table}.${change.column} has NULLs`)], down: [] }
        : { up: [], down: [hazard('data-dependent', `rollback fails if ${change.table}.${change.column} has NULLs`)] };
    case 'constraint.add':
      return change.constraint.type === 'check' || change.constraint.type === 'foreignKey' || change.constraint.type === 'unique' || change.constraint.type === 'primaryKey' || change.constraint.type === 'exclusion'
        ? { up: [hazard('data-dependent', `fails if existing rows violate ${change.constraint.value.name}`)], down: [] }
        : NONE;
    case 'constraint.drop':
      return { up: [], down: [hazard('data-dependent', `rollback fails if rows violate ${change.constraint.value.name}`)] };
    case 'enum.recreate':
      return { up: [hazard('data-dependent', `recreates type ${change.to.name}; fails if rows hold a removed value`)], down: [] };
    case 'enum.addValue':
      return { up: [], down: [hazard('data-dependent', `rollback recreates type ${change.enum.name} without "${change.value}"; fails if rows hold it`)] };
    case 'table.rename':
    case 'column.rename':
    case 'view.rename':
    case 'enum.renameValue':
      return { up: [hazard('backward-incompatible', 'running code that uses the old name breaks')], down: [hazard('backward-incompatible', 'running code that uses the new name breaks')] };
    case 'grant.revoke':
      return { up: [hazard('backward-incompatible', `${change.grant.role} loses ${change.grant.privileges.join(', ')} on ${change.grant.name}`)], down: [] };
    case 'domain.alter':
      return { up: [hazard('data-dependent', `fails if existing values of columns of domain ${change.to.name} violate its new rules`)], down: [] };
    case 'composite.alter':
      return { up: [hazard('data-loss', `attributes dropped from type ${change.to.name} lose their values`)], down: [] };
    case 'sequence.drop':
      return { up: [hazard('data-loss', `drops sequence ${change.sequence.name}; its position is lost`)], down: [] };
    case 'table.rowLevelSecurity':
      return rowLevelSecurityHazards(change);
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
        : NONE;
    case 'data.run':
      return { up: [hazard('data-dependent', `runs data step ${change.step.name}`)], down: change.step.down === undefined ? [] : [hazard('data-dependent', `rollback runs the reverse of data step ${change.step.name}`)] };
    default:
      return NONE;
  }
}

/** The strongest lock a change's plain statements take on an existing table. */
export function plainLock(change: Change): LockLevel {
  switch (change.kind) {
    case 'index.create':
      return 'SHARE';
    case 'trigger.create':
    case 'trigger.drop':
    case 'trigger.enabled':
      return 'SHARE ROW EXCLUSIVE';
    case 'constraint.add':
      return change.constraint.type === 'foreignKey' ? 'SHARE ROW EXCLUSIVE' : 'ACCESS EXCLUSIVE';
    case 'index.drop':
    case 'index.rename':
    case 'policy.create':
    case 'policy.drop':
    case 'policy.alter':
    case 'table.rowLevelSecurity':
    case 'table.drop':
    case 'table.rename':
    case 'table.partitionBound':
    case 'table.persistence':
    case 'table.storage':
    case 'column.add':
    case 'column.drop':
    case 'column.rename':
    case 'column.type':
    case 'column.nullability':
    case 'column.default':
    case 'column.sequence':
    case 'column.identity':
    case 'constraint.drop':
    case 'constraint.rename':
    case 'view.drop':
    case 'view.rename':
    case 'enum.recreate':
      return 'ACCESS EXCLUSIVE';
    default:
      return 'none';
  }
}

/** Whether a change's plain statements read every row of the table, or write a new copy of it. */
export function plainEffect(change: Change): TableEffect {
  switch (change.kind) {
    case 'index.create':
    case 'column.nullability':
    case 'table.partitionBound':
      return change.kind === 'column.nullability' && !change.notNull ? 'none' : 'scan';
    case 'constraint.add':
      return 'scan';
    case 'column.type':
      return isBinaryCoercible(change.from, change.to) ? 'none' : 'rewrite';
    case 'column.add': {
      const c = change.column;
      return c.identity || c.generated || c.sequence || (c.default && isVolatileExpression(c.default.sql)) ? 'rewrite' : 'none';
    }
    case 'table.persistence':
    case 'enum.recreate':
      return 'rewrite';
    case 'view.create':
      return change.view.materialized && !change.view.withNoData ? 'scan' : 'none';
    default:
      return 'none';
  }
}

/** Why the reverse of a change cannot give back what it removes, or undefined when it can. */
export function irreversibility(change: Change): string | undefined {
  switch (change.kind) {
    case 'table.drop':
      return `drops table ${change.table.schema}.${change.table.name}: rollback recreates it empty`;
    case 'column.drop':
      return `drops column ${change.table}.${change.column.name}: rollback recreates it without its values`;
    case 'sequence.drop':
      return `drops sequence ${change.sequence.schema}.${change.sequence.name}: rollback recreates it at its start value`;
    case 'column.sequence':
      return change.from && !change.to ? `drops sequence ${change.from.name}: rollback recreates it at its start value` : undefined;
    case 'composite.alter':
      return change.from.attributes.some((a) => !change.to.attributes.some((b) => b.name === a.name))
        ? `drops attributes of type ${change.to.schema}.${change.to.name}: rollback re-adds them without their values`
        : undefined;
    case 'data.run':
      return change.step.irreversible === undefined ? undefined : `data step ${change.step.name}: ${change.step.irreversible}`;
    default:
      return undefined;
  }
}

/** Hazards of a lock held during a whole scan or rewrite: every writer (or reader) waits. */
export function longLockHazards(change: Change, lock: LockLevel, effect: TableEffect): Hazard[] {
  if (effect === 'none' || lock === 'none' || lock === 'SHARE UPDATE EXCLUSIVE') return [];
  const on = changeTable(change);
  const table = on ? `${on.schema}.${on.table}` : change.path;
  const blocked = lock === 'SHARE' || lock === 'SHARE ROW EXCLUSIVE' ? 'writes to' : 'reads and writes of';
  return [hazard('long-lock', `holds ${lock} on ${table} while it ${effect === 'scan' ? 'reads every row' : 'rewrites the table'}: ${blocked} the table wait`)];
}
