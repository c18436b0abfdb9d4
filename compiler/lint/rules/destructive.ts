/**
 * Destructive statements: they delete data (or objects holding it) that a rollback of the
 * migration cannot bring back.
 */
import { statementOf, type AnyNode, type StatementNode } from '../nodes.js';
import { NO_HITS, type LintContext, type RuleDefinition, type RuleHit } from '../rule.js';
import { alterTableCommands, objectName, relationName, type QualifiedName } from '../tree.js';
import { DROPPED_KINDS } from '../state.js';
import { columnAt, droppedExisting, hit, isExisting, listed, show, tableAt } from './support.js';

/** `DROP TABLE public.orders` */
export const dropTable: RuleDefinition = {
  code: 'SC601',
  name: 'drop-table',
  severity: 'error',
  category: 'destructive',
  title: 'table dropped',
  why: 'DROP TABLE deletes the table and every row in it; the down migration can recreate the table but not its rows. It also takes an ACCESS EXCLUSIVE lock, and code still reading the table fails at once.',
  fix: 'Stop using the table in the application first and deploy that; keep a backup (or rename the table and drop it in a later release). Then drop it and suppress this finding with the reason.',
  example: {
    bad: 'DROP TABLE public.legacy_events;',
    good: '-- schemac:allow SC601 archived to s3://backups/legacy_events, unused since v42\nDROP TABLE public.legacy_events;',
  },
  check: (statement, context) =>
    droppedExisting(statement.node, ['OBJECT_TABLE'], 'relation', context).map(({ name: table }) =>
      hit(`drops table ${show(table)} and all its rows`, { path: tableAt(table) }),
    ),
};

/** `ALTER TABLE public.users DROP COLUMN nickname` */
export const dropColumn: RuleDefinition = {
  code: 'SC602',
  name: 'drop-column',
  severity: 'error',
  category: 'destructive',
  title: 'column dropped',
  why: "DROP COLUMN deletes the column's data for good, and application code that still selects or inserts the column fails as soon as the migration commits (including `SELECT *` cached by prepared statements).",
  fix: 'Remove every use of the column from the application and deploy that first; then drop the column and suppress this finding with the reason.',
  example: {
    bad: 'ALTER TABLE public.users DROP COLUMN nickname;',
    good: '-- schemac:allow SC602 nickname unused since release 2024-06 (PR #812)\nALTER TABLE public.users DROP COLUMN nickname;',
  },
  check: ({ node }, context) => {
    const alter = alterTableCommands(node);
    if (!alter || !isExisting(context, alter.table)) return NO_HITS;
    return alter.commands
      .filter((c) => c.subtype === 'AT_DropColumn' && c.name)
      .map((c) => hit(`drops column ${show(alter.table)}.${c.name} and its data`, { path: columnAt(alter.table, c.name!) }));
  },
};

/** `DROP SCHEMA reporting` */
export const dropSchema: RuleDefinition = {
  code: 'SC603',
  name: 'drop-schema',
  severity: 'error',
  category: 'destructive',
  title: 'schema dropped',
  why: 'DROP SCHEMA removes the schema; with CASCADE it silently drops every table, view and function in it with their data.',
  fix: 'Drop the objects of the schema one by one (each reviewed), then the empty schema, and suppress this finding with the reason.',
  example: { bad: 'DROP SCHEMA reporting CASCADE;', good: '-- schemac:allow SC603 schema emptied by migration 20240601_drop_reports\nDROP SCHEMA reporting;' },
  check: ({ node }, context) =>
    droppedExisting(node, ['OBJECT_SCHEMA'], 'schema', context).map(({ name: schema }) => hit(`drops schema ${schema.name}`, { path: `schema:${schema.name}` })),
};

/** `TRUNCATE public.sessions` */
export const truncate: RuleDefinition = {
  code: 'SC604',
  name: 'truncate',
  severity: 'error',
  category: 'destructive',
  title: 'table truncated',
  why: 'TRUNCATE deletes every row under an ACCESS EXCLUSIVE lock; the rows cannot be restored by the down migration.',
  fix: 'Delete data in application code or a reviewed maintenance job, not in a schema migration. If it is intended, suppress this finding with the reason.',
  example: { bad: 'TRUNCATE public.sessions;', good: '-- schemac:allow SC604 sessions are re-created on next login\nTRUNCATE public.sessions;' },
  check: ({ node }, context) => {
    const tables = (statementOf(node, 'TruncateStmt')?.relations ?? []).flatMap((r) => (r.RangeVar ? [relationName(r.RangeVar)] : []));
    const existing = tables.filter((t) => isExisting(context, t));
    return existing.length === 0 ? NO_HITS : [hit(`truncates ${listed(existing.map(show))}, deleting all rows`, { path: tableAt(existing[0]!) })];
  },
};

/** `DROP TYPE status CASCADE`, `ALTER TABLE t DROP COLUMN c CASCADE`, `TRUNCATE t CASCADE` */
export const dropCascade: RuleDefinition = {
  code: 'SC605',
  name: 'drop-cascade',
  severity: 'error',
  category: 'destructive',
  title: 'CASCADE drops dependent objects',
  why: 'CASCADE also drops (or truncates) every object that depends on the named one, without listing them: views, foreign keys, columns of a dropped type, tables referencing a truncated one. What gets dropped depends on the database, not on the migration text.',
  fix: 'Drop the dependent objects explicitly first, each one reviewed, then drop the object without CASCADE (PostgreSQL then refuses if something still depends on it).',
  example: { bad: 'DROP TYPE public.status CASCADE;', good: 'ALTER TABLE public.orders DROP COLUMN status;\nDROP TYPE public.status;' },
  check: ({ node }, context) => {
    const drop = statementOf(node, 'DropStmt');
    if (drop?.behavior === 'DROP_CASCADE' && (drop.objects ?? []).some((o) => !isNewObject(drop.removeType, o, context))) {
      return [hit(`${dropVerb(drop.removeType)} with CASCADE also drops every object that depends on it`)];
    }
    const truncated = statementOf(node, 'TruncateStmt');
    if (truncated?.behavior === 'DROP_CASCADE') return [hit('TRUNCATE … CASCADE also empties every table with a foreign key to the truncated ones')];
    const alter = alterTableCommands(node);
    if (!alter || !isExisting(context, alter.table)) return NO_HITS;
    return alter.commands
      .filter((c) => c.behavior === 'DROP_CASCADE' && (c.subtype === 'AT_DropColumn' || c.subtype === 'AT_DropConstraint'))
      .map((c) => hit(`dropping ${c.name ?? 'the object'} from ${show(alter.table)} with CASCADE also drops what depends on it`));
  },
};

function isNewObject(removeType: string, object: AnyNode, context: LintContext): boolean {
  const kind = DROPPED_KINDS[removeType];
  return kind !== undefined && context.file.isNew(kind, objectName(object));
}

const dropVerb = (removeType: string): string => `DROP ${removeType.replace(/^OBJECT_/, '').replace('MATVIEW', 'MATERIALIZED VIEW').replaceAll('_', ' ')}`;

/** `DROP SEQUENCE public.invoice_number_seq` */
export const dropSequence: RuleDefinition = {
  code: 'SC606',
  name: 'drop-sequence',
  severity: 'error',
  category: 'destructive',
  title: 'sequence dropped',
  why: "A sequence's current value is data: recreating it restarts numbering, so new rows can reuse numbers that already exist (invoices, external references). Column defaults calling nextval() on it stop working.",
  fix: 'Make sure no default or code uses the sequence and that its numbers are not needed again; then drop it and suppress this finding with the reason.',
  example: { bad: 'DROP SEQUENCE public.invoice_number_seq;', good: '-- schemac:allow SC606 invoices now numbered by public.invoice_numbers table\nDROP SEQUENCE public.invoice_number_seq;' },
  check: ({ node }, context) =>
    droppedExisting(node, ['OBJECT_SEQUENCE'], 'relation', context).map(({ name: sequence }) =>
      hit(`drops sequence ${show(sequence)} and its current value`, { path: `sequence:${show(sequence)}` }),
    ),
};

/** `DROP TYPE public.status`, `DROP DOMAIN public.email` */
export const dropType: RuleDefinition = {
  code: 'SC607',
  name: 'drop-type',
  severity: 'warning',
  category: 'destructive',
  title: 'type dropped',
  why: 'Code that still casts to the type or writes its values fails once it is gone. PostgreSQL refuses while a column uses the type (unless CASCADE, which drops those columns: see SC605).',
  fix: 'Remove the uses of the type from the application and the columns first; then drop it.',
  example: { bad: 'DROP TYPE public.status;', good: '-- schemac:allow SC607 status replaced by order_state in release 12\nDROP TYPE public.status;' },
  check: ({ node }, context) =>
    droppedExisting(node, ['OBJECT_TYPE', 'OBJECT_DOMAIN'], 'type', context).map(({ name: type }) => hit(`drops type ${show(type)}`, { path: `type:${show(type)}` })),
};

function whereless(node: StatementNode, kind: 'DeleteStmt' | 'UpdateStmt', context: LintContext): QualifiedName | undefined {
  const statement = statementOf(node, kind);
  if (!statement || statement.whereClause) return undefined;
  const table = relationName(statement.relation);
  return isExisting(context, table) ? table : undefined;
}

/** `DELETE FROM public.audit_log` */
export const deleteWithoutWhere: RuleDefinition = {
  code: 'SC608',
  name: 'delete-without-where',
  severity: 'error',
  category: 'destructive',
  title: 'DELETE without WHERE',
  why: 'A DELETE without WHERE empties the table row by row: every row is locked until the migration commits, the table bloats, and the data is gone. It is usually a forgotten condition.',
  fix: 'Add the WHERE clause you meant. To really empty a table, do it outside the migration in batches (or TRUNCATE, reviewed).',
  example: { bad: 'DELETE FROM public.audit_log;', good: "DELETE FROM public.audit_log WHERE created_at < now() - interval '2 years';" },
  check: ({ node }, context): readonly RuleHit[] => {
    const table = whereless(node, 'DeleteStmt', context);
    return table ? [hit(`deletes every row of ${show(table)}`, { path: tableAt(table) })] : NO_HITS;
  },
};

/** `UPDATE public.users SET active = true` */
export const updateWithoutWhere: RuleDefinition = {
  code: 'SC609',
  name: 'update-without-where',
  severity: 'warning',
  category: 'destructive',
  title: 'UPDATE without WHERE',
  why: 'An UPDATE without WHERE overwrites every row in one transaction: all rows stay locked (blocking concurrent writers) until the migration commits, the table doubles in size until vacuumed, and the old values are lost.',
  fix: 'Backfill outside the migration, in batches of a few thousand rows (`UPDATE … WHERE id BETWEEN …`), each committed on its own.',
  example: { bad: 'UPDATE public.users SET active = true;', good: 'UPDATE public.users SET active = true WHERE id BETWEEN 1 AND 10000 AND active IS NULL;' },
  check: ({ node }, context): readonly RuleHit[] => {
    const table = whereless(node, 'UpdateStmt', context);
    return table ? [hit(`updates every row of ${show(table)} in one transaction`, { path: tableAt(table) })] : NO_HITS;
  },
};

export const DESTRUCTIVE_RULES: readonly RuleDefinition[] = [
  dropTable,
  dropColumn,
  dropSchema,
  truncate,
  dropCascade,
  dropSequence,
  dropType,
  deleteWithoutWhere,
  updateWithoutWhere,
];
