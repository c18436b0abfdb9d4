/**
 * Schema design: column types and table shapes that are cheap to choose right now and expensive
 * (a table rewrite) to change once the table is large.
 */
import { nodeOf, statementOf, type ColumnDef, type StatementNode } from '../nodes.js';
import { NO_HITS, type RuleDefinition } from '../rule.js';
import {
  addedColumn,
  alterTableCommands,
  columnConstraint,
  columnConstraints,
  columnType,
  relationName,
  SERIAL_TYPES,
  strings,
  tableElements,
  type ColumnType,
  type QualifiedName,
} from '../tree.js';
import { columnAt, hit, show, tableAt } from './support.js';

/** A column a statement declares (CREATE TABLE, ADD COLUMN) or retypes (ALTER COLUMN … TYPE). */
interface DeclaredColumn {
  readonly table: QualifiedName;
  readonly column: string;
  readonly type: ColumnType;
  readonly primaryKey: boolean;
}

function declaredColumns(node: StatementNode): DeclaredColumn[] {
  const create = statementOf(node, 'CreateStmt');
  if (create) {
    const table = relationName(create.relation);
    const { columns, constraints } = tableElements(create.tableElts);
    const keyColumns = new Set(constraints.filter((c) => c.contype === 'CONSTR_PRIMARY').flatMap((c) => strings(c.keys)));
    return columns.flatMap((column) => declared(table, column, keyColumns.has(column.colname ?? '')));
  }
  const alter = alterTableCommands(node);
  return (alter?.commands ?? []).flatMap((command) => {
    const column = addedColumn(command);
    if (column) return declared(alter!.table, column, false);
    const retyped = command.subtype === 'AT_AlterColumnType' ? nodeOf<ColumnDef>(command.def, 'ColumnDef') : undefined;
    return retyped?.typeName && command.name ? [{ table: alter!.table, column: command.name, type: columnType(retyped.typeName), primaryKey: false }] : [];
  });
}

function declared(table: QualifiedName, column: ColumnDef, tablePrimaryKey: boolean): DeclaredColumn[] {
  if (!column.colname || !column.typeName) return [];
  const primaryKey = tablePrimaryKey || columnConstraint(column, 'CONSTR_PRIMARY') !== undefined;
  return [{ table, column: column.colname, type: columnType(column.typeName), primaryKey }];
}

/** `created_at timestamp` */
export const preferTimestamptz: RuleDefinition = {
  code: 'SC642',
  name: 'prefer-timestamptz',
  severity: 'warning',
  category: 'design',
  title: 'timestamp without time zone',
  why: '`timestamp` (without time zone) stores a wall-clock reading with no zone: values written by sessions or servers in different time zones cannot be compared, and daylight-saving changes create ambiguous or missing hours. Converting the column later rewrites the table.',
  fix: 'Use `timestamptz` (timestamp with time zone): it stores an absolute instant and shows it in the session time zone.',
  example: { bad: 'ALTER TABLE public.orders ADD COLUMN shipped_at timestamp;', good: 'ALTER TABLE public.orders ADD COLUMN shipped_at timestamptz;' },
  check: ({ node }) =>
    declaredColumns(node)
      .filter((c) => c.type.name === 'timestamp')
      .map((c) => hit(`column ${show(c.table)}.${c.column} is timestamp without time zone`, { path: columnAt(c.table, c.column) })),
};

/** `id serial PRIMARY KEY` */
export const preferIdentity: RuleDefinition = {
  code: 'SC643',
  name: 'prefer-identity',
  severity: 'info',
  category: 'design',
  title: 'serial column',
  why: 'serial types create a separately owned sequence with its own permissions, which dumps, copies (CREATE TABLE … LIKE) and grants handle awkwardly, and they let inserts bypass the sequence silently. Identity columns are the SQL-standard replacement.',
  fix: 'Use `bigint GENERATED ALWAYS AS IDENTITY` (or BY DEFAULT if rows are sometimes inserted with explicit ids).',
  example: { bad: 'CREATE TABLE public.events (id serial PRIMARY KEY);', good: 'CREATE TABLE public.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);' },
  check: ({ node }) =>
    declaredColumns(node)
      .filter((c) => SERIAL_TYPES.has(c.type.name))
      .map((c) => hit(`column ${show(c.table)}.${c.column} is ${c.type.name}; use an identity column`, { path: columnAt(c.table, c.column) })),
};

const SMALL_KEY_TYPES: ReadonlySet<string> = new Set(['int2', 'int4', 'smallserial', 'serial', 'serial2', 'serial4']);

/** `id integer PRIMARY KEY` */
export const preferBigintKey: RuleDefinition = {
  code: 'SC644',
  name: 'prefer-bigint-key',
  severity: 'warning',
  category: 'design',
  title: 'integer primary key',
  why: 'An integer (int4) key runs out after about 2.1 billion values (sequences also skip values on rollbacks), and widening it later rewrites the table and every table whose foreign keys reference it. bigint costs 4 more bytes per row.',
  fix: 'Use bigint (`bigint GENERATED ALWAYS AS IDENTITY`) for surrogate keys, or uuid.',
  example: { bad: 'CREATE TABLE public.events (id integer PRIMARY KEY);', good: 'CREATE TABLE public.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);' },
  check: ({ node }) =>
    declaredColumns(node)
      .filter((c) => c.primaryKey && SMALL_KEY_TYPES.has(c.type.name) && !c.type.array)
      .map((c) => hit(`primary key column ${show(c.table)}.${c.column} is ${c.type.name}; it can run out of values`, { path: columnAt(c.table, c.column) })),
};

/** `code char(3)` */
export const preferTextOverChar: RuleDefinition = {
  code: 'SC645',
  name: 'prefer-text-over-char',
  severity: 'warning',
  category: 'design',
  title: 'char(n) column',
  why: 'char(n) pads values with spaces to n characters, ignores trailing spaces in comparisons but not in LIKE or concatenation, and is no faster than text or varchar in PostgreSQL.',
  fix: 'Use text (with a CHECK constraint on the length if one is needed) or varchar(n).',
  example: { bad: 'ALTER TABLE public.countries ADD COLUMN code char(2);', good: 'ALTER TABLE public.countries ADD COLUMN code text CHECK (length(code) = 2);' },
  check: ({ node }) =>
    declaredColumns(node)
      .filter((c) => c.type.name === 'bpchar')
      .map((c) => hit(`column ${show(c.table)}.${c.column} is char(${c.type.modifiers[0] ?? 1}), which pads with spaces`, { path: columnAt(c.table, c.column) })),
};

/** `CREATE TABLE public.events (payload jsonb)` */
export const tableWithoutPrimaryKey: RuleDefinition = {
  code: 'SC646',
  name: 'table-without-primary-key',
  severity: 'warning',
  category: 'design',
  title: 'table without a primary key',
  why: 'Rows without a key cannot be addressed reliably (updates and deletes of duplicates, ORMs), and logical replication cannot replicate their UPDATEs and DELETEs (REPLICA IDENTITY needs a key). Adding one later to a large table locks it (SC623).',
  fix: 'Declare a primary key when creating the table, e.g. `id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`.',
  example: {
    bad: 'CREATE TABLE public.events (payload jsonb);',
    good: 'CREATE TABLE public.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb);',
  },
  check: ({ node }) => {
    const create = statementOf(node, 'CreateStmt');
    if (!create || create.relation.relpersistence === 't' || (create.inhRelations ?? []).length > 0) return NO_HITS;
    if ((create.tableElts ?? []).some((e) => nodeOf(e, 'TableLikeClause'))) return NO_HITS;
    const { columns, constraints } = tableElements(create.tableElts);
    const keyed = constraints.some((c) => c.contype === 'CONSTR_PRIMARY') || columns.some((c) => columnConstraints(c).some((k) => k.contype === 'CONSTR_PRIMARY'));
    const table = relationName(create.relation);
    return keyed ? NO_HITS : [hit(`table ${show(table)} has no primary key`, { path: tableAt(table) })];
  },
};

export const DESIGN_RULES: readonly RuleDefinition[] = [preferTimestamptz, preferIdentity, preferBigintKey, preferTextOverChar, tableWithoutPrimaryKey];
