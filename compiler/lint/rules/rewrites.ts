/**
 * Table rewrites: statements after which PostgreSQL writes a new copy of the whole table (and
 * rebuilds its indexes) while holding an ACCESS EXCLUSIVE lock, so neither reads nor writes
 * proceed until it is done: minutes to hours on a large table.
 */
import { VOLATILE_FUNCTIONS } from '../../expr/index.js';
import { nodeOf, statementOf, type AnyNode, type ColumnDef, type StatementNode, type TypeName } from '../nodes.js';
import { NO_HITS, type LintContext, type RuleDefinition, type RuleHit } from '../rule.js';
import {
  addedColumn,
  alterTableCommands,
  calledFunctions,
  columnConstraint,
  columnType,
  formatType,
  relationName,
  SERIAL_TYPES,
  strings,
  type ColumnType,
  type QualifiedName,
} from '../tree.js';
import { isVacuumFull } from '../locks.js';
import { coercibleSources, isBinaryCoercible } from './column-types.js';
import { columnAt, hit, isExisting, listed, show, tableAt } from './support.js';

/** Columns added to a table that the file did not create. */
function columnsAddedToExisting(node: StatementNode, context: LintContext): { table: QualifiedName; column: ColumnDef }[] {
  const alter = alterTableCommands(node);
  if (!alter || !isExisting(context, alter.table)) return [];
  return alter.commands.flatMap((c) => {
    const column = addedColumn(c);
    return column ? [{ table: alter.table, column }] : [];
  });
}

/** `ALTER TABLE public.users ALTER COLUMN id TYPE bigint` */
export const columnTypeChange: RuleDefinition = {
  code: 'SC610',
  name: 'column-type-change',
  severity: 'warning',
  category: 'rewrite',
  title: 'column type change rewrites the table',
  why: 'Changing a column type rewrites the whole table and rebuilds its indexes under an ACCESS EXCLUSIVE lock, unless the old type is binary-coercible to the new one: varchar(n) → varchar(m ≥ n), varchar or text; numeric(p,s) → numeric(q ≥ p,s) or numeric; varbit(n) → varbit(m ≥ n); cidr → inet; timestamp(p) → timestamp(q ≥ p). timestamp → timestamptz is not one of them.',
  fix: 'Add a new column of the new type, keep it in sync (trigger or application double-write), backfill it in batches, switch reads, then drop the old column. If the change is a known safe widening, suppress this finding and name the old type in the reason.',
  example: {
    bad: 'ALTER TABLE public.users ALTER COLUMN id TYPE bigint;',
    good: 'ALTER TABLE public.users ADD COLUMN id_new bigint;\n-- backfill in batches, then swap the columns in a later migration',
  },
  check: ({ node }, context) => {
    const alter = alterTableCommands(node);
    if (!alter || !isExisting(context, alter.table)) return NO_HITS;
    return alter.commands.flatMap((command) => {
      const type = nodeOf<ColumnDef>(command.def, 'ColumnDef');
      if (command.subtype !== 'AT_AlterColumnType' || !command.name || !type?.typeName) return [];
      return typeChangeHits(alter.table, command.name, type, context);
    });
  },
};

function typeChangeHits(table: QualifiedName, column: string, definition: ColumnDef, context: LintContext): RuleHit[] {
  const to = columnType(definition.typeName!);
  const from = context.file.columnType(table, column);
  const target = `${show(table)}.${column}`;
  const path = columnAt(table, column);
  const rewrite = 'PostgreSQL rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock';
  if (definition.raw_default && !isPlainCast(definition.raw_default, column, to)) {
    return [hit(`changes the type of ${target} to ${formatType(to)} with USING: ${rewrite}`, { path })];
  }
  if (definition.collClause) return [hit(`changes the type of ${target} to ${formatType(to)} with a COLLATE clause: ${rewrite}`, { path })];
  if (from) return isBinaryCoercible(from, to) ? [] : [hit(`changes the type of ${target} from ${formatType(from)} to ${formatType(to)}: ${rewrite}`, { path })];
  const sources = coercibleSources(to);
  if (!sources) return [hit(`changes the type of ${target} to ${formatType(to)}: ${rewrite}`, { path })];
  return [
    hit(`changes the type of ${target} to ${formatType(to)}: unless the column is now ${sources}, ${rewrite}`, {
      path,
      hint: `The linter cannot see the current type. If it is ${sources}, no rewrite happens: suppress this finding with \`-- schemac:allow SC610 <current type>\`. Otherwise add a new column, backfill it in batches and switch over.`,
    }),
  ];
}

/** `USING col` or `USING col::<the new type>`: the same as no USING clause. */
function isPlainCast(using: AnyNode, column: string, to: ColumnType): boolean {
  const cast = nodeOf<{ arg?: AnyNode; typeName?: TypeName }>(using, 'TypeCast');
  if (cast && (!cast.typeName || formatType(columnType(cast.typeName)) !== formatType(to))) return false;
  const reference = nodeOf<{ fields?: AnyNode[] }>(cast ? cast.arg : using, 'ColumnRef');
  return reference !== undefined && strings(reference.fields).join('.') === column;
}


/** `ALTER TABLE public.orders ADD COLUMN token uuid DEFAULT gen_random_uuid()` */
export const volatileDefault: RuleDefinition = {
  code: 'SC611',
  name: 'volatile-default',
  severity: 'warning',
  category: 'rewrite',
  title: 'new column with a volatile default rewrites the table',
  why: 'Since PostgreSQL 11 a column added with a constant or stable default (0, now(), CURRENT_TIMESTAMP) is stored once in the catalog. A volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval(), a serial type) must be computed for every existing row, so the table is rewritten under an ACCESS EXCLUSIVE lock.',
  fix: 'Add the column without a default, then `ALTER COLUMN … SET DEFAULT <volatile expression>` (applies to new rows only, instantly), and backfill existing rows in batches.',
  example: {
    bad: 'ALTER TABLE public.orders ADD COLUMN token uuid DEFAULT gen_random_uuid();',
    good: 'ALTER TABLE public.orders ADD COLUMN token uuid;\nALTER TABLE public.orders ALTER COLUMN token SET DEFAULT gen_random_uuid();\n-- backfill existing rows in batches',
  },
  check: ({ node }, context) =>
    columnsAddedToExisting(node, context).flatMap(({ table, column }) => {
      const serial = column.typeName && SERIAL_TYPES.has(columnType(column.typeName).name);
      const volatile = calledFunctions(columnConstraint(column, 'CONSTR_DEFAULT')?.raw_expr).filter((f) => VOLATILE_FUNCTIONS.has(f));
      if (!serial && volatile.length === 0) return [];
      const what = serial ? `a ${columnType(column.typeName!).name} type (default nextval())` : `a volatile default (${listed([...new Set(volatile)].map((f) => `${f}()`))})`;
      return [hit(`adds column ${show(table)}.${column.colname} with ${what}: every existing row gets its own value, so the table is rewritten`, { path: columnAt(table, column.colname ?? '') })];
    }),
};

/** `ALTER TABLE public.events SET LOGGED` */
export const setLogged: RuleDefinition = {
  code: 'SC612',
  name: 'set-logged-unlogged',
  severity: 'warning',
  category: 'rewrite',
  title: 'SET LOGGED / UNLOGGED rewrites the table',
  why: 'ALTER TABLE … SET LOGGED and SET UNLOGGED rewrite the whole table under an ACCESS EXCLUSIVE lock; SET LOGGED also writes all of it to the WAL (and to replicas).',
  fix: 'Create a new table with the wanted persistence, copy the rows in batches, and swap the tables; or schedule the change in a maintenance window.',
  example: { bad: 'ALTER TABLE public.events SET LOGGED;', good: '-- schemac:allow SC612 events holds 2k rows; measured at 40 ms\nALTER TABLE public.events SET LOGGED;' },
  check: ({ node }, context) => {
    const alter = alterTableCommands(node);
    if (!alter || !isExisting(context, alter.table)) return NO_HITS;
    return alter.commands
      .filter((c) => c.subtype === 'AT_SetLogged' || c.subtype === 'AT_SetUnLogged')
      .map((c) => hit(`${c.subtype === 'AT_SetLogged' ? 'SET LOGGED' : 'SET UNLOGGED'} rewrites ${show(alter.table)} under an ACCESS EXCLUSIVE lock`, { path: tableAt(alter.table) }));
  },
};

/** `ALTER TABLE public.events SET TABLESPACE fast_ssd` */
export const setTablespace: RuleDefinition = {
  code: 'SC613',
  name: 'set-tablespace',
  severity: 'warning',
  category: 'rewrite',
  title: 'SET TABLESPACE copies the relation',
  why: 'Moving a table, index or materialized view to another tablespace copies every block of it while holding an ACCESS EXCLUSIVE lock.',
  fix: 'Move large relations in a maintenance window, or rebuild them concurrently in the new tablespace (CREATE INDEX CONCURRENTLY … TABLESPACE, REINDEX (TABLESPACE x) CONCURRENTLY) and swap.',
  example: { bad: 'ALTER TABLE public.events SET TABLESPACE fast_ssd;', good: 'REINDEX (TABLESPACE fast_ssd) INDEX CONCURRENTLY public.events_created_at_idx;' },
  check: ({ node }, context) => {
    const alter = statementOf(node, 'AlterTableStmt');
    if (!alter || !isExisting(context, relationName(alter.relation))) return NO_HITS;
    const moved = (alter.cmds ?? []).some((c) => c.AlterTableCmd.subtype === 'AT_SetTableSpace');
    return moved ? [hit(`moves ${show(relationName(alter.relation))} to another tablespace, copying it under an ACCESS EXCLUSIVE lock`)] : NO_HITS;
  },
};

/** `VACUUM FULL public.events` */
export const vacuumFull: RuleDefinition = {
  code: 'SC614',
  name: 'vacuum-full',
  severity: 'warning',
  category: 'rewrite',
  title: 'VACUUM FULL rewrites the table',
  why: 'VACUUM FULL writes a compacted copy of the table and its indexes under an ACCESS EXCLUSIVE lock; without a table name it does so for every table of the database. It also cannot run inside a transaction block.',
  fix: 'Use plain VACUUM (no lock on reads or writes), or an online repacking tool such as pg_repack or pg_squeeze, outside the migration.',
  example: { bad: 'VACUUM FULL public.events;', good: 'VACUUM (ANALYZE) public.events;' },
  check: ({ node }, context) => {
    const vacuum = statementOf(node, 'VacuumStmt');
    if (!vacuum?.is_vacuumcmd || !isVacuumFull(vacuum)) return NO_HITS;
    const tables = (vacuum.rels ?? []).flatMap((r) => (r.VacuumRelation?.relation ? [relationName(r.VacuumRelation.relation)] : []));
    if (tables.length === 0) return [hit('VACUUM FULL without a table rewrites every table of the database, each under an ACCESS EXCLUSIVE lock')];
    const existing = tables.filter((t) => isExisting(context, t));
    return existing.length === 0 ? NO_HITS : [hit(`VACUUM FULL rewrites ${listed(existing.map(show))} under an ACCESS EXCLUSIVE lock`)];
  },
};

/** `CLUSTER public.events USING events_created_at_idx` */
export const cluster: RuleDefinition = {
  code: 'SC615',
  name: 'cluster',
  severity: 'warning',
  category: 'rewrite',
  title: 'CLUSTER rewrites the table',
  why: 'CLUSTER rewrites the table in index order under an ACCESS EXCLUSIVE lock; without a table name it does so for every previously clustered table.',
  fix: 'Run CLUSTER in a maintenance window, or use pg_repack --order-by online, outside the migration.',
  example: { bad: 'CLUSTER public.events USING events_created_at_idx;', good: '-- run `pg_repack --table=public.events --order-by=created_at` during low traffic' },
  check: ({ node }, context) => {
    const statement = statementOf(node, 'ClusterStmt');
    if (!statement) return NO_HITS;
    if (!statement.relation) return [hit('CLUSTER without a table rewrites every clustered table of the database under ACCESS EXCLUSIVE locks')];
    const table = relationName(statement.relation);
    return isExisting(context, table) ? [hit(`CLUSTER rewrites ${show(table)} under an ACCESS EXCLUSIVE lock`, { path: tableAt(table) })] : NO_HITS;
  },
};

/** `ALTER TABLE public.orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED` */
export const storedGeneratedColumn: RuleDefinition = {
  code: 'SC616',
  name: 'stored-generated-column',
  severity: 'warning',
  category: 'rewrite',
  title: 'new stored generated column rewrites the table',
  why: 'Adding a STORED generated column to an existing table computes and writes its value for every row: a full table rewrite under an ACCESS EXCLUSIVE lock.',
  fix: 'Add a plain column, fill it with a trigger for new rows and a batched backfill for old ones; or compute the value in a view or in queries.',
  example: {
    bad: 'ALTER TABLE public.orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;',
    good: 'ALTER TABLE public.orders ADD COLUMN total_cents bigint;\n-- trigger for new rows, batched backfill for existing ones',
  },
  check: ({ node }, context) =>
    columnsAddedToExisting(node, context).flatMap(({ table, column }) =>
      columnConstraint(column, 'CONSTR_GENERATED')
        ? [
            hit(`adds stored generated column ${show(table)}.${column.colname}: every row is rewritten`, {
              path: columnAt(table, column.colname ?? ''),
              ...(context.postgresVersion >= 18
                ? { hint: `${storedGeneratedColumn.fix} On PostgreSQL 18, a VIRTUAL generated column (computed when read) is added without a rewrite.` }
                : {}),
            }),
          ]
        : [],
    ),
};

/** `ALTER TABLE public.events ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY` */
export const identityColumn: RuleDefinition = {
  code: 'SC617',
  name: 'add-identity-column',
  severity: 'warning',
  category: 'rewrite',
  title: 'new identity column rewrites the table',
  why: 'Adding an identity column to an existing table numbers every existing row: the table is rewritten under an ACCESS EXCLUSIVE lock.',
  fix: 'Add a plain bigint column, give new rows values with a sequence default set afterwards (`ALTER COLUMN … SET DEFAULT nextval(…)` is instant), and backfill existing rows in batches. Once the column is NOT NULL it can become an identity column without a rewrite (`ALTER COLUMN … ADD GENERATED BY DEFAULT AS IDENTITY (START WITH …)`).',
  example: {
    bad: 'ALTER TABLE public.events ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;',
    good: "CREATE SEQUENCE public.events_id_seq;\nALTER TABLE public.events ADD COLUMN id bigint;\nALTER TABLE public.events ALTER COLUMN id SET DEFAULT nextval('public.events_id_seq');\n-- backfill existing rows in batches",
  },
  check: ({ node }, context) =>
    columnsAddedToExisting(node, context).flatMap(({ table, column }) =>
      columnConstraint(column, 'CONSTR_IDENTITY')
        ? [hit(`adds identity column ${show(table)}.${column.colname}: every existing row is numbered, rewriting the table`, { path: columnAt(table, column.colname ?? '') })]
        : [],
    ),
};

export const REWRITE_RULES: readonly RuleDefinition[] = [
  columnTypeChange,
  volatileDefault,
  setLogged,
  setTablespace,
  vacuumFull,
  cluster,
  storedGeneratedColumn,
  identityColumn,
];
