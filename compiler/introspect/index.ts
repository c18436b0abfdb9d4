/**
 * Introspection: a live database → the same Schema model the DSL builds. A fixed number of catalog
 * queries (one per object kind, see queries/*.sql), whatever the number of tables, all in one
 * read-only REPEATABLE READ transaction (one snapshot) with an empty search_path so that every
 * non-catalog name comes back schema-qualified.
 */
import { readFileSync } from 'node:fs';
import type { Database } from '../db/connection.js';
import { freezeSchema } from '../model/freeze.js';
import { identityWithoutDefaults } from '../model/sequences.js';
import type { OnProgress } from '../model/progress.js';
import type { Column, ColumnType, IdentityOptions, CompositeType, Domain, Grant, Sequence, EnumType, ExclusionConstraint, Policy, Routine, Trigger, TriggerEnabled, Extension, Index, IndexKey, Namespace, PartitionStrategy, ReferentialAction, Schema, Table, View } from '../model/types.js';
import { ROW_FIELDS } from './rows.js';
import type { CatalogRows, ColumnRef, ColumnRow, ConstraintRow, IndexKeyRow, IndexRow, PolicyRow, QueryName, TableRow, TriggerRow, ViewRow } from './rows.js';

/**
 * A catalog query as a server of this version runs it (`queries/<name>.sql`): columns newer than
 * the server are read as NULL (pg_index.indnullsnotdistinct: PostgreSQL 15). Each query reads them
 * directly where they exist (reading them through to_jsonb of the whole row cost ~20 % of the
 * index query).
 */
export function catalogQuerySql(name: QueryName, serverVersion: number): string {
  const text = readFileSync(new URL(`./queries/${name}.sql`, import.meta.url), 'utf8');
  return serverVersion < 150000 ? text.replace(/\b\w+\.indnullsnotdistinct\b/g, 'NULL::boolean') : text;
}

const queryText = new Map<string, string>();

/**
 * What introspection sends for a catalog query (catalogQuerySql), kept per query and version.
 *
 * The rows come back as one JSON array (`json_agg`), in the query's order: a subquery with ORDER BY
 * is never flattened into the query above it, and a plain aggregate reads its input in that order.
 * One value per query, parsed natively, instead of a protocol message per row with a JavaScript
 * parser per field. Each row is an array of its fields' values in ROW_FIELDS order
 * (`json_build_array(q.table_oid, q.name, …)`), not an object: the field names are not sent
 * again with every row, which is a third of the bytes of the column query's rows (most of a row's
 * values are NULL) — less for the server to write and for Node to read. Values keep their JSON
 * types: text (oids, 64-bit numbers are cast to text in the queries), booleans, small integers,
 * arrays and JSON.
 */
function catalogQuery(name: QueryName, serverVersion: number): string {
  const key = `${name}:${serverVersion >= 150000}`;
  let text = queryText.get(key);
  if (text === undefined) {
    const values = ROW_FIELDS[name].map((field) => `q.${field}`).join(', ');
    text = `SELECT coalesce(json_agg(json_build_array(${values})), '[]') AS rows FROM (\n${catalogQuerySql(name, serverVersion).trimEnd()}\n) q`;
    queryText.set(key, text);
  }
  return text;
}

type RowReader<Row> = (values: readonly unknown[]) => Row;
const rowReaders = new Map<QueryName, RowReader<unknown>>();

/**
 * Reads a row's array of values into its row object: `(v) => ({ table_oid: v[0], name: v[1], … })`,
 * compiled once per query from ROW_FIELDS (our own identifiers, never input). A loop that sets
 * each field by name costs ~20 times as much: every row passes the same assignment through as many
 * object shapes as it has fields, and V8 stops optimising it.
 */
function rowReader<Q extends QueryName>(name: Q): RowReader<CatalogRows[Q]> {
  let reader = rowReaders.get(name);
  if (reader === undefined) {
    const fields = ROW_FIELDS[name].map((field, i) => {
      if (!/^[a-z_]+$/.test(field)) throw new Error(`catalog row field ${JSON.stringify(field)} is not a plain name`);
      return `${field}: values[${i}]`;
    });
    reader = new Function('values', `return { ${fields.join(', ')} };`) as RowReader<unknown>;
    rowReaders.set(name, reader);
  }
  return reader as RowReader<CatalogRows[Q]>;
}

/** Number of catalog round trips one introspection makes (constant). */
export const CATALOG_QUERY_COUNT = Object.keys(ROW_FIELDS).length;

const ACTIONS: Record<string, ReferentialAction> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

const optional = <K extends string>(key: K, value: string | null): { [P in K]?: string } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: string };

const SEQUENCE_TYPES = new Set(['smallint', 'integer', 'bigint']);

/** Identity options, keeping only what differs from PostgreSQL's defaults for the column type. */
function identityOf(row: ColumnRow): IdentityOptions {
  return identityWithoutDefaults(row.identity === 'a' ? 'always' : 'by default', row.builtin_type, {
    start: row.identity_start ?? '1',
    increment: row.identity_increment ?? '1',
    min: row.identity_min ?? '1',
    max: row.identity_max ?? '',
    cache: row.identity_cache ?? '1',
    cycle: row.identity_cycle === true,
  });
}

/** A type by its schema and name: built-in (pg_catalog) types as format_type printed them. */
function typeOf(schema: string | null, name: string | null, formatted: string, isArray: boolean): ColumnType {
  if (schema === null || name === null || schema === 'pg_catalog') return { schema: null, name: formatted, isArray };
  // format_type prints `public.vector(1536)`: what follows the name in parentheses is the modifier.
  const open = formatted.endsWith(')') ? formatted.lastIndexOf('(') : -1;
  return { schema, name, isArray, ...(open > 0 ? { modifiers: formatted.slice(open) } : {}) };
}

function toColumn(row: ColumnRow): Column {
  const serial = row.default_is_owned_sequence === true && row.owned_sequence !== null && SEQUENCE_TYPES.has(row.owned_sequence_type ?? '');
  return {
    name: row.name,
    type: {
      ...typeOf(row.type_schema, row.type_name, row.builtin_type, row.is_array === true),
      ...(row.collation === null ? {} : { collation: { schema: row.collation_schema, name: row.collation } }),
    },
    notNull: row.not_null,
    ...(serial ? { sequence: { name: row.owned_sequence!, type: row.owned_sequence_type as 'integer' } } : {}),
    ...(row.default_expression === null || serial ? {} : { default: { sql: row.default_expression } }),
    ...(row.identity === null ? {} : { identity: identityOf(row) }),
    ...(row.generated_expression === null ? {} : { generated: { sql: row.generated_expression } }),
    ...optional('comment', row.comment),
  };
}

function toIndexKey(row: IndexKeyRow | ColumnRef, tableOid: string, named: ColumnNamer): IndexKey {
  if (typeof row !== 'object') return { column: named.name(tableOid, row), descending: false };
  const descending = (row.option & 1) === 1;
  const nullsFirst = (row.option & 2) === 2;
  return {
    ...(row.column === null ? {} : { column: named.name(tableOid, row.column) }),
    ...(row.expression === null ? {} : { expression: { sql: row.expression } }),
    descending,
    ...(nullsFirst === descending ? {} : { nulls: nullsFirst ? 'first' as const : 'last' as const }),
    ...(row.opclass === null ? {} : { opclass: { schema: row.opclass_schema, name: row.opclass } }),
    ...(row.collation === null ? {} : { collation: { schema: row.collation_schema, name: row.collation } }),
  };
}

function toIndex(row: IndexRow, named: ColumnNamer): Index {
  return {
    name: row.name,
    unique: row.is_unique,
    method: row.method,
    keys: (row.keys ?? []).map((key) => toIndexKey(key, row.table_oid, named)),
    include: row.include === null ? [] : named.names(row.table_oid, row.include),
    ...(row.predicate === null ? {} : { where: { sql: row.predicate } }),
    ...(row.nulls_not_distinct ? { nullsNotDistinct: true } : {}),
    storage: row.storage === null ? [] : [...row.storage].sort(),
    ...optional('comment', row.comment),
    ...(row.invalid ? { invalid: true } : {}),
  };
}

/** `RANGE (created_at)` → { strategy: 'range', key: 'created_at' }; a partition's parent and bound. */
function partitioning(row: TableRow): Pick<Table, 'partitionBy' | 'partitionOf'> {
  const key = row.partition_key;
  return {
    ...(key === null ? {} : {
      partitionBy: { strategy: key.slice(0, key.indexOf(' ')).toLowerCase() as PartitionStrategy, key: key.slice(key.indexOf('(') + 1, key.lastIndexOf(')')) },
    }),
    ...(row.partition_parent === null || row.partition_bound === null ? {} : { partitionOf: { table: row.partition_parent, bound: row.partition_bound } }),
  };
}

const TRIGGER_ENABLED: Record<string, TriggerEnabled> = { O: 'origin', A: 'always', R: 'replica', D: 'disabled' };

/** Names a table's columns by number (attnum). */
interface ColumnNamer {
  name(tableOid: string, ref: ColumnRef): string;
  names(tableOid: string, refs: readonly ColumnRef[]): string[];
}

/**
 * Names columns by number from the column rows, which hold every column of the tables that
 * constraints.sql and indexes.sql leave to us to name (a name they send is kept). A number not
 * among them is a bug in those queries.
 */
function columnNamer(columns: readonly ColumnRow[]): ColumnNamer {
  const byTable = new Map<string, string[]>();
  let last: string[] = [];
  let lastOid = '';
  for (const row of columns) {
    if (row.table_oid !== lastOid) {
      lastOid = row.table_oid;
      last = byTable.get(lastOid) ?? [];
      byTable.set(lastOid, last);
    }
    last[row.attnum] = row.name;
  }
  const name = (tableOid: string, ref: ColumnRef): string => {
    if (typeof ref === 'string') return ref;
    const found = byTable.get(tableOid)?.[ref];
    if (found === undefined) throw new Error(`introspection: column ${ref} of table ${tableOid} is not among the columns read (its catalog query should have named it)`);
    return found;
  };
  return { name, names: (tableOid, refs) => refs.map((ref) => name(tableOid, ref)) };
}

/** The rows a table is assembled from, one list per catalog query. */
interface TableRows {
  readonly tables: TableRow[];
  readonly columns: ColumnRow[];
  readonly constraints: ConstraintRow[];
  readonly indexes: IndexRow[];
  readonly triggers: TriggerRow[];
  readonly policies: PolicyRow[];
}

function assembleTables({ tables, columns, constraints, indexes, triggers, policies }: TableRows, named: ColumnNamer): Table[] {
  const byOid = new Map(tables.map((t) => [t.oid, {
    schema: t.schema, name: t.name, columns: [] as Column[], uniques: [] as Table['uniques'][number][], checks: [] as Table['checks'][number][],
    foreignKeys: [] as Table['foreignKeys'][number][], exclusions: [] as ExclusionConstraint[], triggers: [] as Trigger[], policies: [] as Policy[], indexes: [] as Index[],
    ...(t.row_level_security === null ? {} : { rowLevelSecurity: t.row_level_security }),
    ...(t.unlogged ? { unlogged: true } : {}),
    ...(t.storage === null || t.storage.length === 0 ? {} : { storage: [...t.storage].sort() }), primaryKey: undefined as Table['primaryKey'], comment: t.comment,
    ...partitioning(t),
  }]));
  for (const row of columns) byOid.get(row.table_oid)?.columns.push(toColumn(row));
  const exclusionIndexes = new Map(indexes.filter((i) => i.exclusion_constraint !== null).map((i) => [`${i.table_oid}\0${i.exclusion_constraint}`, i]));
  for (const row of constraints) {
    const t = byOid.get(row.table_oid);
    if (!t) continue;
    const include = row.include ?? (row.include_numbers === null ? null : named.names(row.table_oid, row.include_numbers));
    const options = {
      ...(row.deferrable === null ? {} : { deferrable: row.deferrable }),
      ...(include === null ? {} : { include }),
      ...optional('comment', row.comment),
    };
    const keyColumns = (): string[] => row.columns ?? named.names(row.table_oid, row.column_numbers ?? []);
    if (row.type === 'p') t.primaryKey = { name: row.name, columns: keyColumns(), ...options };
    else if (row.type === 'u') t.uniques.push({ name: row.name, columns: keyColumns(), ...options, ...(row.nulls_not_distinct ? { nullsNotDistinct: true } : {}) });
    else if (row.type === 'c') t.checks.push({ name: row.name, expression: { sql: row.check_expression ?? '' }, ...optional('comment', row.comment) });
    else if (row.type === 'x') {
      const index = exclusionIndexes.get(`${row.table_oid}\0${row.name}`);
      if (!index) continue;
      const base = toIndex(index, named);
      t.exclusions.push({
        name: row.name,
        method: base.method,
        elements: base.keys.map((key, i) => ({ key, operator: row.exclusion_operators?.[i] ?? '=' })),
        ...options,
        ...(base.where ? { where: base.where } : {}),
      });
    } else if (row.type === 'f') {
      t.foreignKeys.push({
        name: row.name,
        columns: keyColumns(),
        references: {
          schema: row.ref_schema ?? '',
          table: row.ref_table ?? '',
          columns: row.ref_columns ?? named.names(row.ref_table_oid ?? '', row.ref_column_numbers ?? []),
        },
        onDelete: ACTIONS[row.on_delete ?? 'a'] ?? 'no action',
        onUpdate: ACTIONS[row.on_update ?? 'a'] ?? 'no action',
        ...(row.match_full ? { matchFull: true } : {}),
        ...(row.deferrable === null ? {} : { deferrable: row.deferrable }),
        ...optional('comment', row.comment),
      });
    }
  }
  for (const row of indexes) if (row.exclusion_constraint === null) byOid.get(row.table_oid)?.indexes.push(toIndex(row, named));
  for (const row of policies) {
    byOid.get(row.table_oid)?.policies.push({
      name: row.name,
      permissive: row.permissive,
      command: row.command,
      roles: row.roles,
      ...(row.using_expression === null ? {} : { using: { sql: row.using_expression } }),
      ...(row.check_expression === null ? {} : { withCheck: { sql: row.check_expression } }),
      ...optional('comment', row.comment),
    });
  }
  for (const row of triggers) {
    byOid.get(row.table_oid)?.triggers.push({ name: row.name, definition: row.definition, enabled: TRIGGER_ENABLED[row.enabled] ?? 'origin', ...optional('comment', row.comment) });
  }
  return [...byOid.values()].map(({ primaryKey, comment, ...t }) => ({
    ...t,
    ...(primaryKey ? { primaryKey } : {}),
    ...(comment === null ? {} : { comment }),
  }));
}

const option = (options: readonly string[], name: string): string | undefined =>
  options.find((o) => o.startsWith(`${name}=`))?.slice(name.length + 1);

function assembleViews(rows: ViewRow[], indexes: IndexRow[], named: ColumnNamer): View[] {
  return rows.map((row): View => {
    const checkOption = option(row.options, 'check_option');
    return {
      schema: row.schema,
      name: row.name,
      materialized: row.materialized,
      query: { sql: row.query.trim().replace(/;$/, '') },
      ...(option(row.options, 'security_invoker') === 'true' ? { securityInvoker: true } : {}),
      ...(option(row.options, 'security_barrier') === 'true' ? { securityBarrier: true } : {}),
      ...(checkOption === 'local' || checkOption === 'cascaded' ? { checkOption } : {}),
      indexes: indexes.filter((i) => i.table_oid === row.oid && i.exclusion_constraint === null).map((i) => toIndex(i, named)),
      ...optional('comment', row.comment),
      columnComments: row.column_comments ?? [],
    };
  });
}

/** Read the schema of a live database. Never reports schemac's own bookkeeping schema. */
export async function introspect(db: Database, options: { inTransaction?: boolean; onProgress?: OnProgress } = {}): Promise<Schema> {
  // Empty search_path: names come back schema-qualified. UTC: timestamptz bounds print the same
  // everywhere. No JIT: the planner's estimates for these queries can pass the server's JIT
  // thresholds (the index query's did at 2,000 tables, after ANALYZE), and compiling them took
  // 1.2 s for a query that runs in 0.15 s.
  const saved = options.inTransaction
    ? (await db.query<{ path: string; zone: string; jit: string }>(
        "SELECT current_setting('search_path') AS path, current_setting('TimeZone') AS zone, current_setting('jit') AS jit"))[0]!
    : undefined;
  const settings = "SET LOCAL search_path = ''; SET LOCAL TimeZone = 'UTC'; SET LOCAL jit = off";
  // The transaction, every catalog query and the end of the transaction are sent at once: on a
  // server they are pipelined (one round trip in all), and run in this order. Nothing waits for
  // BEGIN's answer before sending the queries, so whatever runs next in this process (loading the
  // parser for the diff that follows) cannot hold them back.
  const begin = db.exec(saved ? settings : `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${settings}`);
  // Each catalog query reported as it completes (`introspecting: 7/16 catalog queries`).
  let done = 0;
  const query = async <Q extends QueryName>(name: Q): Promise<CatalogRows[Q][]> => {
    const values = (await db.query<{ rows: unknown[][] }>(catalogQuery(name, db.serverVersion)))[0]!.rows;
    options.onProgress?.({ phase: 'introspect', done: ++done, total: CATALOG_QUERY_COUNT, detail: name });
    return values.map(rowReader(name));
  };
  const reading = Promise.all([
    query('namespaces'),
    query('extensions'),
    query('enums'),
    query('tables'),
    query('columns'),
    query('constraints'),
    query('indexes'),
    query('views'),
    query('routines'),
    query('triggers'),
    query('policies'),
    query('domains'),
    query('composites'),
    query('sequences'),
    query('grants'),
    query('unmanaged'),
  ]);
  // After a failed query the transaction is aborted: COMMIT then ends it (as a rollback) without
  // an error, and the caller's settings are restored by its own rollback.
  const end = saved
    ? db.query("SELECT set_config('search_path', $1, true), set_config('TimeZone', $2, true), set_config('jit', $3, true)", [saved.path, saved.zone, saved.jit])
    : db.exec('COMMIT');
  // Marked handled now (each is still awaited below): one may fail while another is awaited.
  for (const sent of [begin, reading, end]) sent.catch(() => undefined);
  let failed = false;
  try {
    await begin;
    const [namespaces, extensions, enums, tables, columns, constraints, indexes, views, routines, triggers, policies, domains, composites, sequences, grants, unmanaged] = await reading;
    const named = columnNamer(columns);
    return freezeSchema({
      namespaces: namespaces
        .filter((n) => n.name !== 'public')
        .map((n): Namespace => ({ name: n.name, ...optional('comment', n.comment) })),
      extensions: extensions.map((x): Extension => ({ name: x.name, schema: x.schema, version: x.version, ...optional('comment', x.comment) })),
      enums: enums.map((e): EnumType => ({ schema: e.schema, name: e.name, values: e.values, ...optional('comment', e.comment) })),
      tables: assembleTables({ tables, columns, constraints, indexes, triggers, policies }, named),
      views: assembleViews(views, indexes, named),
      domains: domains.map((d): Domain => ({
        schema: d.schema,
        name: d.name,
        type: typeOf(d.base_schema, d.base_name, d.base_builtin, false),
        notNull: d.not_null,
        ...(d.default_expression === null ? {} : { default: { sql: d.default_expression } }),
        checks: (d.checks ?? []).map((c) => ({ name: c.name, expression: { sql: c.expression } })),
        ...optional('comment', d.comment),
      })),
      composites: composites.map((c): CompositeType => ({
        schema: c.schema,
        name: c.name,
        attributes: (c.attributes ?? []).map((a) => ({ name: a.name, type: typeOf(a.type_schema, a.type_name, a.builtin, a.is_array) })),
        ...optional('comment', c.comment),
      })),
      sequences: sequences.map(({ comment, ...q }): Sequence => ({ ...q, ...optional('comment', comment) })),
      unmanaged,
      grants: grants.map((g): Grant => ({
        kind: g.kind, schema: g.schema, name: g.name, ...optional('signature', g.signature), role: g.role, privileges: g.privileges,
        ...(g.with_grant_option ? { withGrantOption: true } : {}),
      })),
      routines: routines.map((r): Routine => ({
        schema: r.schema, name: r.name, kind: r.kind, signature: r.signature, definition: r.definition.trim(), ...optional('comment', r.comment),
      })),
    });
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // The first failure is the one reported; the statements after it fail because of it.
    if (failed) await end.catch(() => undefined);
    else await end;
  }
}
