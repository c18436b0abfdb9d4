/**
 * Data-dependent statements: they succeed or fail depending on the rows already in the table, so
 * a migration that passed on an empty development database can fail in production.
 */
import { nodeOf, statementOf, type AnyNode } from '../nodes.js';
import { NO_HITS, type RuleDefinition } from '../rule.js';
import { addedColumn, addedConstraint, alterTableCommands, columnConstraint, columnType, relationName, SERIAL_TYPES, strings } from '../tree.js';
import { isOnOnly } from './locks.js';
import { columnAt, hit, isExisting, show, tableAt } from './support.js';

/** `ALTER TABLE public.users ADD COLUMN tenant_id bigint NOT NULL` */
export const notNullWithoutDefault: RuleDefinition = {
  code: 'SC630',
  name: 'not-null-without-default',
  severity: 'error',
  category: 'data-dependent',
  title: 'NOT NULL column added without a default',
  why: 'A column added NOT NULL (or PRIMARY KEY) without a default is NULL in every existing row, so the statement fails as soon as the table has a row: fine on an empty development database, broken in production.',
  fix: 'Add the column with a constant default (instant since PostgreSQL 11), or add it nullable, backfill it in batches and then make it NOT NULL with the CHECK … NOT VALID recipe (SC622).',
  example: { bad: 'ALTER TABLE public.users ADD COLUMN tenant_id bigint NOT NULL;', good: 'ALTER TABLE public.users ADD COLUMN tenant_id bigint NOT NULL DEFAULT 0;' },
  check: ({ node }, context) => {
    const alter = alterTableCommands(node);
    if (!alter || !isExisting(context, alter.table)) return NO_HITS;
    return alter.commands.flatMap((command) => {
      const column = addedColumn(command);
      if (!column?.colname) return [];
      const required = columnConstraint(column, 'CONSTR_NOTNULL') ?? columnConstraint(column, 'CONSTR_PRIMARY');
      const filled =
        columnConstraint(column, 'CONSTR_DEFAULT') ??
        columnConstraint(column, 'CONSTR_IDENTITY') ??
        columnConstraint(column, 'CONSTR_GENERATED') ??
        (column.typeName && SERIAL_TYPES.has(columnType(column.typeName).name) ? column : undefined);
      if (!required || filled) return [];
      return [hit(`adds NOT NULL column ${show(alter.table)}.${column.colname} without a default: fails if the table has any row`, { path: columnAt(alter.table, column.colname) })];
    });
  },
};

/** The columns (or expressions) an index is on, for a message. */
function indexColumns(params: readonly AnyNode[] | undefined): string {
  const names = (params ?? []).map((p) => nodeOf<{ name?: string }>(p, 'IndexElem')?.name ?? '(expression)');
  return names.join(', ');
}

/** `CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users (email)` */
export const uniqueOnExistingTable: RuleDefinition = {
  code: 'SC631',
  name: 'unique-on-existing-table',
  severity: 'warning',
  category: 'data-dependent',
  title: 'uniqueness added to an existing table',
  why: 'A unique index, unique constraint or primary key on an existing table fails if the rows already hold duplicates. CREATE UNIQUE INDEX CONCURRENTLY that fails leaves an INVALID index behind, which still slows down writes until dropped.',
  fix: 'Look for duplicates first (`SELECT cols, count(*) … GROUP BY cols HAVING count(*) > 1`) and resolve them in an earlier release. If the index build fails, DROP INDEX CONCURRENTLY the invalid index before retrying.',
  example: {
    bad: '-- schemac:transaction none\nCREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users (email);',
    good: '-- schemac:allow SC631 duplicates removed by migration 20240610_dedupe_emails\n-- schemac:transaction none\nCREATE UNIQUE INDEX CONCURRENTLY users_email_key ON public.users (email);',
  },
  check: ({ node }, context) => {
    const index = statementOf(node, 'IndexStmt');
    if (index?.unique && !isOnOnly(index.relation)) {
      const table = relationName(index.relation);
      return isExisting(context, table) ? [hit(`makes (${indexColumns(index.indexParams)}) unique on ${show(table)}: fails if existing rows hold duplicates`, { path: tableAt(table) })] : NO_HITS;
    }
    const alter = alterTableCommands(node);
    if (!alter || !isExisting(context, alter.table)) return NO_HITS;
    return alter.commands.flatMap((command) => {
      const constraint = addedConstraint(command);
      if (!constraint || constraint.indexname || (constraint.contype !== 'CONSTR_UNIQUE' && constraint.contype !== 'CONSTR_PRIMARY')) return [];
      return [hit(`makes (${strings(constraint.keys).join(', ')}) unique on ${show(alter.table)}: fails if existing rows hold duplicates`, { path: tableAt(alter.table) })];
    });
  },
};

export const DATA_RULES: readonly RuleDefinition[] = [notNullWithoutDefault, uniqueOnExistingTable];
