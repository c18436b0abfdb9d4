/** One-line, human descriptions of changes, for step comments and drift reports. */
import { assertNever, type Change } from '../diff/index.js';

const q = (schema: string, name: string): string => `${schema}.${name}`;

export function describeChange(c: Change): string {
  switch (c.kind) {
    case 'namespace.create': return `create schema ${c.namespace.name}`;
    case 'namespace.drop': return `drop schema ${c.namespace.name}`;
    case 'namespace.comment': return `set comment on schema ${c.name}`;
    case 'extension.create': return `create extension ${c.extension.name}`;
    case 'extension.drop': return `drop extension ${c.extension.name}`;
    case 'enum.create': return `create enum ${q(c.enum.schema, c.enum.name)}`;
    case 'enum.drop': return `drop enum ${q(c.enum.schema, c.enum.name)}`;
    case 'enum.addValue': return `add value '${c.value}' to enum ${q(c.enum.schema, c.enum.name)}`;
    case 'enum.recreate': return `recreate enum ${q(c.to.schema, c.to.name)} with values (${c.to.values.join(', ')})`;
    case 'enum.renameValue': return `rename value '${c.from}' of enum ${q(c.enum.schema, c.enum.name)} to '${c.to}'`;
    case 'enum.comment': return `set comment on enum ${q(c.enum.schema, c.enum.name)}`;
    case 'domain.create': return `create domain ${q(c.domain.schema, c.domain.name)}`;
    case 'domain.drop': return `drop domain ${q(c.domain.schema, c.domain.name)}`;
    case 'domain.alter': return `alter domain ${q(c.to.schema, c.to.name)}`;
    case 'composite.create': return `create type ${q(c.composite.schema, c.composite.name)}`;
    case 'composite.drop': return `drop type ${q(c.composite.schema, c.composite.name)}`;
    case 'composite.alter': return `alter type ${q(c.to.schema, c.to.name)}`;
    case 'sequence.create': return `create sequence ${q(c.sequence.schema, c.sequence.name)}`;
    case 'sequence.drop': return `drop sequence ${q(c.sequence.schema, c.sequence.name)}`;
    case 'sequence.alter': return `alter sequence ${q(c.to.schema, c.to.name)}`;
    case 'grant.add': return `grant ${c.grant.privileges.join(', ')} on ${c.grant.kind} ${c.grant.schema ? `${c.grant.schema}.` : ''}${c.grant.name} to ${c.grant.role}`;
    case 'grant.revoke': return `revoke ${c.grant.privileges.join(', ')} on ${c.grant.kind} ${c.grant.schema ? `${c.grant.schema}.` : ''}${c.grant.name} from ${c.grant.role}`;
    case 'routine.create': return `create ${c.routine.kind} ${q(c.routine.schema, c.routine.name)}(${c.routine.signature})`;
    case 'routine.drop': return `drop ${c.routine.kind} ${q(c.routine.schema, c.routine.name)}(${c.routine.signature})`;
    case 'routine.replace': return `replace ${c.to.kind} ${q(c.to.schema, c.to.name)}(${c.to.signature})`;
    case 'routine.comment': return `set comment on ${c.routine.kind} ${q(c.routine.schema, c.routine.name)}`;
    case 'trigger.create': return `create trigger ${c.trigger.name} on ${q(c.schema, c.table)}`;
    case 'trigger.drop': return `drop trigger ${c.trigger.name} on ${q(c.schema, c.table)}`;
    case 'trigger.enabled': return `set trigger ${c.name} on ${q(c.schema, c.table)} to ${c.to}`;
    case 'trigger.comment': return `set comment on trigger ${c.name} on ${q(c.schema, c.table)}`;
    case 'policy.create': return `create policy ${c.policy.name} on ${q(c.schema, c.table)}`;
    case 'policy.drop': return `drop policy ${c.policy.name} on ${q(c.schema, c.table)}`;
    case 'policy.alter': return `alter policy ${c.to.name} on ${q(c.schema, c.table)}`;
    case 'table.rowLevelSecurity': return `set row-level security of ${q(c.schema, c.table)} to ${c.to ?? 'disabled'}`;
    case 'view.create': return `create ${c.view.materialized ? 'materialized view' : 'view'} ${q(c.view.schema, c.view.name)}`;
    case 'view.drop': return `drop ${c.view.materialized ? 'materialized view' : 'view'} ${q(c.view.schema, c.view.name)}`;
    case 'view.comment': return `set comments on view ${q(c.to.schema, c.to.name)}`;
    case 'table.create': return `create ${c.table.partitionOf ? `partition of ${c.table.partitionOf.table}` : 'table'} ${q(c.table.schema, c.table.name)}`;
    case 'table.drop': return `drop table ${q(c.table.schema, c.table.name)}`;
    case 'table.persistence': return `set ${q(c.schema, c.table)} ${c.unlogged ? 'UNLOGGED' : 'LOGGED'}`;
    case 'table.storage': return `set storage parameters of ${q(c.schema, c.table)}`;
    case 'table.partitionBound': return `move partition ${q(c.schema, c.table)} of ${c.parent} to ${c.to}`;
    case 'table.rename': return `rename table ${q(c.schema, c.from)} to ${c.table}`;
    case 'table.comment': return `set comment on table ${q(c.schema, c.table)}`;
    case 'column.add': return `add column ${q(c.schema, c.table)}.${c.column.name}`;
    case 'column.drop': return `drop column ${q(c.schema, c.table)}.${c.column.name}`;
    case 'column.rename': return `rename column ${q(c.schema, c.table)}.${c.from} to ${c.to}`;
    case 'column.type': return `change type of ${q(c.schema, c.table)}.${c.column}`;
    case 'column.nullability': return `${c.notNull ? 'set' : 'drop'} NOT NULL on ${q(c.schema, c.table)}.${c.column}`;
    case 'column.default': return `${c.to ? 'set' : 'drop'} default of ${q(c.schema, c.table)}.${c.column}`;
    case 'column.sequence': return `${c.to ? (c.from ? 'change' : 'add') : 'drop'} serial sequence of ${q(c.schema, c.table)}.${c.column}`;
    case 'column.identity': return `change identity of ${q(c.schema, c.table)}.${c.column}`;
    case 'column.comment': return `set comment on column ${q(c.schema, c.table)}.${c.column}`;
    case 'constraint.add': return `add ${c.constraint.type} ${c.constraint.value.name} on ${q(c.schema, c.table)}`;
    case 'constraint.drop': return `drop ${c.constraint.type} ${c.constraint.value.name} on ${q(c.schema, c.table)}`;
    case 'constraint.rename': return `rename constraint ${c.from} on ${q(c.schema, c.table)} to ${c.to}`;
    case 'constraint.comment': return `set comment on constraint ${c.name} on ${q(c.schema, c.table)}`;
    case 'index.comment': return `set comment on index ${q(c.schema, c.name)}`;
    case 'extension.update': return `update extension ${c.extension.name} from ${c.from} to ${c.to}`;
    case 'policy.comment': return `set comment on policy ${c.name} on ${q(c.schema, c.table)}`;
    case 'extension.comment': return `set comment on extension ${c.extension.name}`;
    case 'index.create': return `create index ${q(c.schema, c.index.name)}`;
    case 'index.drop': return `drop index ${q(c.schema, c.index.name)}`;
    case 'index.rename': return `rename index ${q(c.schema, c.from)} to ${c.to}`;
    case 'view.rename': return `rename ${c.view.materialized ? 'materialized view' : 'view'} ${q(c.view.schema, c.from)} to ${c.view.name}`;
    case 'data.run': return `data step ${c.step.name}${c.step.comment ? `: ${c.step.comment}` : ''}`;
    default: return assertNever(c);
  }
}
