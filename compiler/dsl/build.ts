/**
 * Declarations → the frozen Schema model. Fills PostgreSQL's default names, renders literal
 * defaults, resolves references, and reports malformed declarations as diagnostics. Reference
 * and naming rules that apply to any model (declared or introspected) live in model/validate.ts.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { freezeSchema } from '../model/freeze.js';
import { identityWithoutDefaults, sequenceDefaults } from '../model/sequences.js';
import {
  makeObjectName,
  defaultCheckName,
  defaultForeignKeyName,
  defaultIndexName,
  defaultPrimaryKeyName,
  defaultUniqueName,
} from '../model/naming.js';
import {
  columnPath,
  constraintPath,
  enumPath,
  extensionPath,
  indexPath,
  namespacePath,
  tablePath,
  viewPath,
  routinePath,
  triggerPath,
  policyPath,
  domainPath,
  compositePath,
  sequencePath,
  grantPath,
  dataStepPath,
  compliancePath,
  assertionPath,
  type ObjectPath,
} from '../model/paths.js';
import type { ColumnCompliance, ComplianceRegistry, TableCompliance } from '../model/compliance.js';
import type {
  Acknowledgement,
  DataStep,
  QueryAssertion,
  CheckConstraint,
  Column,
  Deferrable,
  ExclusionConstraint,
  EnumType,
  Expression,
  Extension,
  ForeignKey,
  IdentityOptions,
  Index,
  IndexKey,
  Namespace,
  SchemaName,
  PrimaryKey,
  Schema,
  SourceLocator,
  Table,
  UniqueConstraint,
  View,
  Routine,
  Trigger,
  Policy,
  Domain,
  CompositeType,
  Sequence,
  Grant,
} from '../model/types.js';
import { BUILT_IN_NAMESPACES } from '../model/types.js';
import type {
  QueryAssertionDeclaration,
  AcknowledgementDeclaration,
  DataStepDeclaration,
  ColumnDeclaration,
  Declaration,
  DefaultValue,
  LiteralValue,
  EnumDeclaration,
  ExtensionDeclaration,
  NamespaceDeclaration,
  ReferenceOptions,
  SqlExpression,
  TableDeclaration,
  TableReference,
  IndexDeclaration,
  IndexKeyDeclaration,
  SchemaNameInput,
  ViewDeclaration,
  RoutineDeclaration,
  TriggerDeclaration,
  PolicyDeclaration,
  DomainDeclaration,
  CompositeTypeDeclaration,
  SequenceDeclaration,
  GrantDeclaration,
} from './declarations.js';
import { jsonLiteralSql, literalSql } from './literal.js';
import { buildPartitions, partitionByModel } from './partitions.js';
import { routineDefinition, routineSignature, triggerDefinition } from './routines.js';
import { hasSite, siteOf } from './source.js';
import { expressionFunctionName, routineStatementParts } from '../expr/index.js';

export interface BuildResult {
  readonly schema: Schema;
  readonly diagnostics: readonly Diagnostic[];
  readonly locate: SourceLocator;
}

const DECLARATION_KINDS = new Set(['table', 'view', 'routine', 'domain', 'composite', 'sequence', 'grant', 'enum', 'extension', 'namespace', 'dataStep', 'acknowledge', 'processingActivity', 'retentionRule', 'recordClass', 'waiver', 'queryAssertion']);

/**
 * Is this exported value a schemac declaration? One made by a DSL helper always is, whatever its
 * name (`table(names.typo, …)` is undefined at run time: buildSchema reports it, rather than the
 * table silently going missing); another object only with a declaration kind and a string name.
 */
export function isDeclaration(value: unknown): value is Declaration {
  return typeof value === 'object' && value !== null && DECLARATION_KINDS.has((value as { kind?: unknown }).kind as string) &&
    (typeof (value as { name?: unknown }).name === 'string' || hasSite(value));
}

/** Declarations whose name is not a string are SC104 at their site, and left out of the model. */
function withStringNames(b: Builder, declarations: readonly Declaration[]): Declaration[] {
  return declarations.filter((d) => {
    const name: unknown = d.name;
    if (typeof name === 'string') return true;
    const shown = name === undefined ? 'undefined' : name === null ? 'null' : typeof name;
    b.diagnostics.push(diagnostic('SC104', {
      message: `${d.kind} name must be a string, not ${shown}`,
      hint: 'Pass the name as a string: one read from an object or a variable (`names.acount`) is undefined when its key is misspelt.',
      ...(siteOf(d, b.root) ? { at: siteOf(d, b.root)! } : {}),
    }));
    return false;
  });
}

/** Declarations found in a module's exports: direct values and arrays/objects of them. */
export function collectDeclarations(exports: Record<string, unknown>): Declaration[] {
  const found: Declaration[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (isDeclaration(value)) found.push(value);
    else if (depth < 2 && Array.isArray(value)) value.forEach((item) => visit(item, depth + 1));
    else if (depth < 2 && value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      Object.values(value).forEach((item) => visit(item, depth + 1));
    }
  };
  for (const key of Object.keys(exports).sort()) visit(exports[key], 0);
  return found;
}

class Builder {
  readonly diagnostics: Diagnostic[] = [];
  /** Object path → the declaration that wrote it, and a fallback (e.g. its table). Resolved lazily. */
  readonly sites = new Map<ObjectPath, object>();
  readonly fallbacks = new Map<ObjectPath, object>();
  readonly tablesByKey = new Map<string, TableDeclaration>();
  /** Types columns use that must be declared too: enums and extension types. */
  readonly typeUses: { readonly path: ObjectPath; readonly column: ColumnDeclaration }[] = [];

  constructor(readonly root: string) {}

  locate: SourceLocator = (path) => {
    const [declaration, fallback] = [this.sites.get(path as ObjectPath), this.fallbacks.get(path as ObjectPath)];
    return (declaration && siteOf(declaration, this.root)) || (fallback && siteOf(fallback, this.root)) || undefined;
  };

  site(path: ObjectPath, declaration: object, fallback?: object): void {
    this.sites.set(path, declaration);
    if (fallback) this.fallbacks.set(path, fallback);
    else this.fallbacks.delete(path);
  }

  malformed(path: ObjectPath, message: string): void {
    this.diagnostics.push(diagnostic('SC104', { message, path, at: this.locate(path) }));
  }

  expression(path: ObjectPath, value: unknown, what: string): Expression | undefined {
    const sql = value as SqlExpression | undefined;
    if (!sql || sql.kind !== 'sql' || typeof sql.text !== 'string') {
      this.malformed(path, `${what} must be written as sql\`...\``);
      return undefined;
    }
    return { sql: sql.text.trim() };
  }

  defaultValue(path: ObjectPath, value: DefaultValue, type: ColumnDeclaration['type']): Expression | undefined {
    if (value && typeof value === 'object' && (value as SqlExpression).kind === 'sql' && typeof (value as SqlExpression).text === 'string') {
      return { sql: (value as SqlExpression).text.trim() };
    }
    const isJson = type.schema === null && !type.isArray && (type.name === 'json' || type.name === 'jsonb');
    const literal = isJson && value !== null ? jsonLiteralSql(value) : literalSql(value as LiteralValue);
    if ('error' in literal) {
      this.malformed(path, `default of ${path}: ${literal.error}`);
      return undefined;
    }
    // A NULL default is no default: PostgreSQL does not store it.
    return literal.sql === 'NULL' ? undefined : { sql: literal.sql };
  }

  /** `'name'` (same schema as `fromSchema`), `'schema.name'`, or a table declaration. */
  referencedTable(target: TableReference | string, fromSchema: string): { schema: string; table: string } {
    if (typeof target !== 'string') return { schema: target.schema, table: target.name };
    const dot = target.indexOf('.');
    return dot < 0 ? { schema: fromSchema, table: target } : { schema: target.slice(0, dot), table: target.slice(dot + 1) };
  }

  /** Primary key columns of a declared table, for references that name no column. */
  primaryKeyOf(schema: string, name: string): readonly string[] | undefined {
    const target = this.tablesByKey.get(`${schema}.${name}`);
    if (!target) return undefined;
    const tableLevel = target.primaryKey;
    if (tableLevel) return Array.isArray(tableLevel) ? tableLevel : (tableLevel as { columns: readonly string[] }).columns;
    const columns = Object.entries(target.columns ?? {}).filter(([, c]) => c?.primaryKey).map(([n]) => n);
    return columns.length > 0 ? columns : undefined;
  }
}

/** Identity options with PostgreSQL's defaults (for the column type) left out, as introspection reads them. */
function identityOptions(value: ColumnDeclaration['identity'], typeName: string): IdentityOptions | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return { kind: value };
  const increment = value.increment === undefined ? '1' : String(value.increment);
  const defaults = sequenceDefaults(typeName, increment);
  const min = value.min === undefined ? defaults.min : String(value.min);
  const max = value.max === undefined ? defaults.max : String(value.max);
  const start = value.start === undefined ? (increment.startsWith('-') ? max : min) : String(value.start);
  return identityWithoutDefaults(value.kind, typeName, { start, increment, min, max, cache: String(value.cache ?? 1), cycle: value.cycle === true });
}

interface TableParts {
  readonly columns: Column[];
  readonly primaryKey: string[];
  readonly uniques: UniqueConstraint[];
  readonly checks: CheckConstraint[];
  readonly foreignKeys: ForeignKey[];
}

function buildColumn(b: Builder, t: TableDeclaration, name: string, c: ColumnDeclaration, parts: TableParts): void {
  const path = columnPath(t.schema, t.name, name);
  b.site(path, c, t);
  if (!c || c.kind !== 'column' || !c.type) {
    b.malformed(path, `column "${name}" of ${t.schema}.${t.name} is not a column declaration; use a type helper such as text() or uuid()`);
    return;
  }
  const defaultExpression = c.default === undefined ? undefined : b.defaultValue(path, c.default, c.type);
  const generated = c.generated === undefined ? undefined : b.expression(path, c.generated, `generated column ${name}`);
  const identity = identityOptions(c.identity, c.type.name);
  const sequence = c.serial ? { name: makeObjectName(t.name, name, 'seq'), type: c.type.name as 'integer' } : undefined;
  const column: Column = {
    name,
    type: c.type,
    notNull: c.notNull === true || c.primaryKey === true || identity !== undefined || sequence !== undefined,
    ...(sequence ? { sequence } : {}),
    ...(defaultExpression ? { default: defaultExpression } : {}),
    ...(identity ? { identity } : {}),
    ...(generated ? { generated } : {}),
    ...(c.comment === undefined ? {} : { comment: c.comment }),
    ...(c.renamedFrom === undefined ? {} : { renamedFrom: c.renamedFrom }),
    ...columnCompliance(c),
  };
  parts.columns.push(column);
  if (c.enumRef || c.extension) b.typeUses.push({ path, column: c });
  if (c.primaryKey) parts.primaryKey.push(name);
  if (c.unique) {
    const uniqueName = typeof c.unique === 'string' ? c.unique : defaultUniqueName(t.name, [name]);
    parts.uniques.push({ name: uniqueName, columns: [name] });
    b.site(constraintPath(t.schema, t.name, uniqueName), c, t);
  }
  if (c.check) {
    const named = (c.check as { name?: string }).name;
    const expression = b.expression(path, typeof c.check === 'object' && 'expression' in c.check ? c.check.expression : c.check, `check on column ${name}`);
    const checkName = named ?? defaultCheckName(t.name, name);
    if (expression) parts.checks.push({ name: checkName, expression });
    b.site(constraintPath(t.schema, t.name, checkName), c, t);
  }
  if (c.references) buildColumnReference(b, t, name, c, c.references, parts);
}

function buildColumnReference(b: Builder, t: TableDeclaration, name: string, c: ColumnDeclaration, ref: ReferenceOptions, parts: TableParts): void {
  const target = b.referencedTable(ref.table, t.schema);
  const columns = ref.column ? [ref.column] : b.primaryKeyOf(target.schema, target.table) ?? [];
  const fkName = ref.name ?? defaultForeignKeyName(t.name, [name]);
  parts.foreignKeys.push({
    name: fkName,
    columns: [name],
    references: { ...target, columns },
    onDelete: ref.onDelete ?? 'no action',
    onUpdate: ref.onUpdate ?? 'no action',
    ...(ref.matchFull ? { matchFull: true } : {}),
    ...(ref.deferrable ? { deferrable: ref.deferrable } : {}),
  });
  b.site(constraintPath(t.schema, t.name, fkName), c, t);
}

function buildTable(b: Builder, t: TableDeclaration): Table {
  const path = tablePath(t.schema, t.name);
  b.site(path, t);
  const parts: TableParts = { columns: [], primaryKey: [], uniques: [], checks: [], foreignKeys: [] };
  if (!t.columns || typeof t.columns !== 'object') b.malformed(path, `table ${t.schema}.${t.name} needs a columns object`);
  for (const [name, c] of Object.entries(t.columns ?? {})) buildColumn(b, t, name, c, parts);

  let primaryKey: PrimaryKey | undefined;
  const declaredPk = t.primaryKey;
  if (declaredPk) {
    const columns = Array.isArray(declaredPk) ? declaredPk : (declaredPk as { columns: readonly string[] }).columns;
    const options = (Array.isArray(declaredPk) ? {} : declaredPk) as { name?: string; include?: readonly string[]; deferrable?: Deferrable; comment?: string };
    const name = options.name ?? defaultPrimaryKeyName(t.name);
    primaryKey = {
      name,
      columns: [...columns],
      ...(options.include && options.include.length > 0 ? { include: [...options.include] } : {}),
      ...(options.deferrable ? { deferrable: options.deferrable } : {}),
      ...(options.comment === undefined ? {} : { comment: options.comment }),
    };
    if (parts.primaryKey.length > 0) {
      b.diagnostics.push(diagnostic('SC214', {
        message: `table ${t.schema}.${t.name} declares its primary key twice (on column ${parts.primaryKey.join(', ')} and on the table)`,
        path, at: b.locate(path),
      }));
    }
  } else if (parts.primaryKey.length > 0) {
    primaryKey = { name: defaultPrimaryKeyName(t.name), columns: parts.primaryKey };
  }
  if (primaryKey) {
    b.site(constraintPath(t.schema, t.name, primaryKey.name), t);
    // PostgreSQL makes primary key columns NOT NULL, whichever way the key is declared.
    const keyColumns = new Set(primaryKey.columns);
    parts.columns.splice(0, parts.columns.length, ...parts.columns.map((c) => (keyColumns.has(c.name) ? { ...c, notNull: true } : c)));
  }

  for (const u of t.uniques ?? []) {
    const name = u.name ?? defaultUniqueName(t.name, u.columns);
    parts.uniques.push({
      name,
      columns: [...u.columns],
      ...(u.include && u.include.length > 0 ? { include: [...u.include] } : {}),
      ...(u.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
      ...(u.deferrable ? { deferrable: u.deferrable } : {}),
      ...(u.comment === undefined ? {} : { comment: u.comment }),
    });
    b.site(constraintPath(t.schema, t.name, name), u, t);
  }
  for (const c of t.checks ?? []) {
    const name = c.name ?? defaultCheckName(t.name, undefined);
    const expression = b.expression(constraintPath(t.schema, t.name, name), c.expression, `check ${name}`);
    if (expression) parts.checks.push({ name, expression, ...(c.comment === undefined ? {} : { comment: c.comment }) });
    b.site(constraintPath(t.schema, t.name, name), c, t);
  }
  for (const fk of t.foreignKeys ?? []) {
    const target = b.referencedTable(fk.references.table, t.schema);
    const name = fk.name ?? defaultForeignKeyName(t.name, fk.columns);
    parts.foreignKeys.push({
      name,
      columns: [...fk.columns],
      references: { ...target, columns: [...(fk.references.columns ?? b.primaryKeyOf(target.schema, target.table) ?? [])] },
      onDelete: fk.onDelete ?? 'no action',
      onUpdate: fk.onUpdate ?? 'no action',
      ...(fk.matchFull ? { matchFull: true } : {}),
      ...(fk.deferrable ? { deferrable: fk.deferrable } : {}),
      ...(fk.comment === undefined ? {} : { comment: fk.comment }),
    });
    b.site(constraintPath(t.schema, t.name, name), fk, t);
  }
  const exclusions: ExclusionConstraint[] = [];
  for (const x of t.exclusions ?? []) {
    const provisional = constraintPath(t.schema, t.name, x.name ?? '?');
    const elements = x.elements.map((e) => ({ key: buildIndexKey(b, provisional, e), operator: e.operator }));
    const name = x.name ?? makeObjectName(t.name, elements.map((e) => keyNamePart(e.key)).join('_'), 'excl');
    const path = constraintPath(t.schema, t.name, name);
    b.site(path, x, t);
    const where = x.where === undefined ? undefined : b.expression(path, x.where, `predicate of exclusion ${name}`);
    exclusions.push({
      name,
      method: x.using ?? 'gist',
      elements,
      ...(x.include && x.include.length > 0 ? { include: [...x.include] } : {}),
      ...(where ? { where } : {}),
      ...(x.deferrable ? { deferrable: x.deferrable } : {}),
      ...(x.comment === undefined ? {} : { comment: x.comment }),
    });
  }
  const indexes: Index[] = (t.indexes ?? []).map((ix) => buildIndex(b, t, ix));

  return {
    schema: t.schema,
    name: t.name,
    columns: parts.columns,
    ...(primaryKey ? { primaryKey } : {}),
    uniques: parts.uniques,
    checks: parts.checks,
    foreignKeys: parts.foreignKeys,
    ...(exclusions.length > 0 ? { exclusions } : {}),
    ...((t.triggers ?? []).length > 0 ? { triggers: (t.triggers ?? []).map((x) => buildTrigger(b, t, x)) } : {}),
    ...(t.rowLevelSecurity ? { rowLevelSecurity: t.rowLevelSecurity } : {}),
    ...((t.policies ?? []).length > 0 ? { policies: (t.policies ?? []).map((x) => buildPolicy(b, t, x)) } : {}),
    indexes,
    ...(t.partitionBy ? { partitionBy: partitionByModel(t.partitionBy) } : {}),
    ...(t.unlogged ? { unlogged: true } : {}),
    ...(t.with && Object.keys(t.with).length > 0 ? { storage: Object.entries(t.with).map(([k, v]) => `${k}=${String(v)}`).sort() } : {}),
    ...(t.comment === undefined ? {} : { comment: t.comment }),
    ...(t.renamedFrom === undefined ? {} : { renamedFrom: t.renamedFrom }),
    ...tableCompliance(t),
    ...(t.requires && t.requires.length > 0 ? { requires: [...t.requires].sort() } : {}),
  };
}

/** The compliance annotations of a column, as declared (checked later by compliance/). */
function columnCompliance(c: Pick<ColumnDeclaration, 'personal' | 'sensitivity' | 'card' | 'protection'>): { compliance?: ColumnCompliance } {
  if (c.personal === undefined && c.sensitivity === undefined && c.card === undefined && c.protection === undefined) return {};
  return {
    compliance: {
      ...(c.personal === undefined ? {} : { personal: c.personal }),
      ...(c.sensitivity === undefined ? {} : { sensitivity: c.sensitivity }),
      ...(c.card === undefined ? {} : { card: c.card }),
      ...(c.protection === undefined ? {} : { protection: c.protection }),
    },
  };
}

function tableCompliance(t: TableDeclaration): { compliance?: TableCompliance } {
  const c = t.compliance;
  if (!c) return {};
  const { tenant: declared, ...rest } = c;
  const tenant = declared && 'column' in declared ? { column: declared.column, setting: declared.setting ?? `app.${declared.column}` } : declared;
  return { compliance: { ...rest, ...(tenant ? { tenant } : {}) } };
}

function buildAssertion(b: Builder, a: QueryAssertionDeclaration): QueryAssertion | undefined {
  const path = assertionPath(a.name);
  b.site(path, a);
  const query = b.expression(path, a.sql, `query of assertion ${a.name}`);
  if (a.usesIndex === undefined && a.expect === undefined) b.malformed(path, `query assertion ${a.name} checks nothing: give usesIndex and/or expect`);
  if (a.expect !== undefined && a.expect !== 'no rows' && a.expect !== 'rows') b.malformed(path, `query assertion ${a.name}: expect is 'no rows' or 'rows'`);
  if (!query) return undefined;
  const uses = a.usesIndex === undefined ? [] : typeof a.usesIndex === 'string' ? [a.usesIndex] : [...a.usesIndex];
  return {
    name: a.name,
    sql: query.sql,
    ...(uses.length > 0 ? { usesIndex: uses } : {}),
    ...(a.expect ? { expect: a.expect } : {}),
    ...(a.comment ? { comment: a.comment } : {}),
  };
}

/** The registries: processing activities, retention rules, record classes, waivers. */
function buildRegistry(b: Builder, declarations: readonly Declaration[]): ComplianceRegistry | undefined {
  const of = <K extends Declaration['kind']>(kind: K) => declarations.filter((d): d is Extract<Declaration, { kind: K }> => d.kind === kind);
  const activities = of('processingActivity').map(({ kind: _, ...a }) => (b.site(compliancePath('activity', a.id), a), { ...a, recipients: a.recipients ?? [], transfers: a.transfers ?? [] }));
  const retentionRules = of('retentionRule').map(({ kind: _, name: __, ...r }) => (b.site(compliancePath('retention', r.id), r), { ...r, citations: r.citations ?? [] }));
  const recordClasses = of('recordClass').map(({ kind: _, name: __, ...r }) => (b.site(compliancePath('recordClass', r.id), r), r));
  const waivers = of('waiver').map(({ kind: _, name: __, ...w }) => (b.site(compliancePath('waiver', `${w.rule} ${w.target}`), w), { ...w, target: w.target as ObjectPath }));
  if (activities.length + retentionRules.length + recordClasses.length + waivers.length === 0) return undefined;
  return { activities, retentionRules, recordClasses, waivers };
}

/** A table declaration → the table and, for partitioned tables, every declared partition. */
function buildTableWithPartitions(b: Builder, t: TableDeclaration): Table[] {
  const table = buildTable(b, t);
  const builder = { site: b.site.bind(b), malformed: b.malformed.bind(b) };
  return [table, ...buildPartitions(builder, { schema: t.schema, name: t.name, columns: table.columns, declaration: t }, t.partitionBy, t.partitions ?? [])];
}

const schemaName = (value: SchemaNameInput): SchemaName =>
  typeof value === 'string' ? { schema: null, name: value } : { schema: value.schema, name: value.name };

/** The name part PostgreSQL derives from an index key: the column, the function name, or `expr`. */
function keyNamePart(key: IndexKey): string {
  if (key.column !== undefined) return key.column;
  return key.expression ? expressionFunctionName(key.expression.sql) ?? 'expr' : 'expr';
}

function buildIndexKey(b: Builder, path: ObjectPath, k: IndexKeyDeclaration): IndexKey {
  if (typeof k === 'string') return { column: k, descending: false };
  const descending = k.order === 'desc';
  const expression = 'expression' in k ? b.expression(path, k.expression, 'index expression') : undefined;
  return {
    ...('column' in k ? { column: k.column } : {}),
    ...(expression ? { expression } : {}),
    descending,
    ...(k.nulls === undefined || (k.nulls === 'first') === descending ? {} : { nulls: k.nulls }),
    ...(k.opclass === undefined ? {} : { opclass: schemaName(k.opclass) }),
    ...(k.collation === undefined ? {} : { collation: schemaName(k.collation) }),
  };
}

function buildIndex(b: Builder, t: TableDeclaration, ix: IndexDeclaration): Index {
  const provisional = indexPath(t.schema, ix.name ?? '?');
  const keys = ix.columns.map((k) => buildIndexKey(b, provisional, k));
  const name = ix.name ?? defaultIndexName(t.name, keys.map(keyNamePart));
  const path = indexPath(t.schema, name);
  b.site(path, ix, t);
  const where = ix.where === undefined ? undefined : b.expression(path, ix.where, `predicate of index ${name}`);
  return {
    name,
    unique: ix.unique === true,
    method: ix.using ?? 'btree',
    keys,
    include: [...(ix.include ?? [])],
    ...(where ? { where } : {}),
    ...(ix.nullsNotDistinct ? { nullsNotDistinct: true } : {}),
    storage: Object.entries(ix.with ?? {}).map(([k, v]) => `${k}=${String(v)}`).sort(),
    ...(ix.renamedFrom === undefined ? {} : { renamedFrom: ix.renamedFrom }),
    ...(ix.comment === undefined ? {} : { comment: ix.comment }),
  };
}

function buildView(b: Builder, v: ViewDeclaration): View {
  const path = viewPath(v.schema, v.name);
  b.site(path, v);
  const query = b.expression(path, v.query, `query of view ${v.name}`);
  const pseudoTable = { ...v, kind: 'table' as const, columns: {} } as unknown as TableDeclaration;
  return {
    schema: v.schema,
    name: v.name,
    materialized: v.materialized,
    query: query ?? { sql: '' },
    ...(v.securityInvoker ? { securityInvoker: true } : {}),
    ...(v.securityBarrier ? { securityBarrier: true } : {}),
    ...(v.checkOption ? { checkOption: v.checkOption } : {}),
    ...(v.withNoData ? { withNoData: true } : {}),
    indexes: v.materialized ? (v.indexes ?? []).map((ix) => buildIndex(b, pseudoTable, ix)) : [],
    ...(v.comment === undefined ? {} : { comment: v.comment }),
    columnComments: Object.entries(v.columnComments ?? {}).map(([column, comment]) => ({ column, comment })),
    ...(v.renamedFrom === undefined ? {} : { renamedFrom: v.renamedFrom }),
    ...(v.classify ? { classify: Object.fromEntries(Object.entries(v.classify).map(([column, c]) => [column, columnCompliance(c).compliance ?? {}])) } : {}),
  };
}

const OBJECT_PATH = /^(schema|extension|enum|table|column|constraint|index|view|function|trigger|policy|domain|type|sequence|grant|data):.+$/;

function buildDataStep(b: Builder, d: DataStepDeclaration): DataStep | undefined {
  const path = dataStepPath(d.name);
  b.site(path, d);
  const up = b.expression(path, d.up, `up of data step ${d.name}`);
  const down = d.down === undefined ? undefined : b.expression(path, d.down, `down of data step ${d.name}`);
  if (d.before !== undefined && d.after !== undefined) b.malformed(path, `data step ${d.name} names both before and after; choose one`);
  for (const anchor of [d.before, d.after]) {
    if (anchor !== undefined && !OBJECT_PATH.test(anchor)) b.malformed(path, `data step ${d.name}: "${anchor}" is not an object path such as table:public.orders or column:public.users.email`);
  }
  if (d.transaction !== undefined && !['shared', 'own', 'none'].includes(d.transaction)) b.malformed(path, `data step ${d.name}: transaction must be 'shared', 'own' or 'none'`);
  if (!up) return undefined;
  return {
    name: d.name,
    up: up.sql,
    ...(down ? { down: down.sql } : {}),
    ...(d.before !== undefined ? { before: d.before as ObjectPath } : {}),
    ...(d.after !== undefined ? { after: d.after as ObjectPath } : {}),
    ...(d.transaction !== undefined && d.transaction !== 'shared' ? { transaction: d.transaction } : {}),
    ...(typeof d.irreversible === 'string' && d.irreversible.trim() !== '' ? { irreversible: d.irreversible.trim() } : {}),
    ...(d.comment !== undefined ? { comment: d.comment } : {}),
  };
}

function buildAcknowledgement(b: Builder, a: AcknowledgementDeclaration): Acknowledgement | undefined {
  const path = `data:acknowledge ${a.code} ${a.object}` as ObjectPath;
  b.site(path, a);
  if (typeof a.code !== 'string' || !/^SC\d{3}$/.test(a.code)) return b.malformed(path, `acknowledge(): "${String(a.code)}" is not a diagnostic code such as SC601`), undefined;
  if (typeof a.object !== 'string' || (a.object !== '*' && !OBJECT_PATH.test(a.object))) return b.malformed(path, `acknowledge(): "${String(a.object)}" is not an object path such as table:public.orders (or * for any)`), undefined;
  if (typeof a.reason !== 'string' || a.reason.trim() === '') return b.malformed(path, `acknowledge(${a.code}, ${a.object}) needs a reason`), undefined;
  return { code: a.code, object: a.object === '*' ? '*' : (a.object as ObjectPath), reason: a.reason.trim() };
}

function buildPolicy(b: Builder, t: TableDeclaration, p: PolicyDeclaration): Policy {
  const path = policyPath(t.schema, t.name, p.name);
  b.site(path, p, t);
  const using = p.using === undefined ? undefined : b.expression(path, p.using, `USING of policy ${p.name}`);
  const withCheck = p.withCheck === undefined ? undefined : b.expression(path, p.withCheck, `WITH CHECK of policy ${p.name}`);
  return {
    name: p.name,
    permissive: p.restrictive !== true,
    command: p.command ?? 'all',
    roles: [...(p.roles && p.roles.length > 0 ? p.roles : ['public'])].sort(),
    ...(using ? { using } : {}),
    ...(withCheck ? { withCheck } : {}),
    ...(p.comment === undefined ? {} : { comment: p.comment }),
  };
}

function buildTrigger(b: Builder, t: TableDeclaration, x: TriggerDeclaration): Trigger {
  b.site(triggerPath(t.schema, t.name, x.name), x, t);
  return {
    name: x.name,
    definition: triggerDefinition(x, t.schema, t.name),
    enabled: x.enabled ?? 'origin',
    ...(x.comment === undefined ? {} : { comment: x.comment }),
  };
}

function buildRoutine(b: Builder, r: RoutineDeclaration): Routine {
  // A routine given as a statement: its schema, name, kind and arguments come from the statement.
  const parts = r.definition !== undefined ? routineStatementParts(r.definition) : undefined;
  const schema = parts?.schema ?? r.schema;
  const name = parts?.name ?? r.name;
  const signature = parts?.signature ?? routineSignature(r);
  const path = routinePath(schema, name, signature);
  b.site(path, r);
  if (r.definition !== undefined && !parts) b.malformed(path, 'routine(…) needs one CREATE FUNCTION or CREATE PROCEDURE statement');
  return {
    schema,
    name,
    kind: parts ? (parts.procedure ? 'procedure' : 'function') : r.routine,
    signature,
    definition: routineDefinition(r),
    ...(r.comment === undefined ? {} : { comment: r.comment }),
  };
}

function buildDomain(b: Builder, d: DomainDeclaration): Domain {
  const path = domainPath(d.schema, d.name);
  b.site(path, d);
  const defaultExpression = d.default === undefined ? undefined : b.defaultValue(path, d.default, d.type.type);
  return {
    schema: d.schema,
    name: d.name,
    type: d.type.type,
    notNull: d.notNull === true,
    ...(defaultExpression ? { default: defaultExpression } : {}),
    checks: (d.checks ?? []).flatMap((c) => {
      const expression = b.expression(path, c.expression, `check of domain ${d.name}`);
      return expression ? [{ name: c.name ?? makeObjectName(d.name, undefined, 'check'), expression }] : [];
    }),
    ...(d.comment === undefined ? {} : { comment: d.comment }),
  };
}

function buildComposite(b: Builder, c: CompositeTypeDeclaration): CompositeType {
  b.site(compositePath(c.schema, c.name), c);
  return {
    schema: c.schema,
    name: c.name,
    attributes: Object.entries(c.attributes).map(([name, a]) => ({ name, type: a.type })),
    ...(c.comment === undefined ? {} : { comment: c.comment }),
  };
}

/** A sequence with PostgreSQL's defaults filled in, so it compares equal to what the catalog holds. */
function buildSequence(b: Builder, q: SequenceDeclaration): Sequence {
  b.site(sequencePath(q.schema, q.name), q);
  const type = q.type ?? 'bigint';
  const increment = String(q.increment ?? 1);
  const defaults = sequenceDefaults(type, increment);
  const min = q.min === undefined ? defaults.min : String(q.min);
  const max = q.max === undefined ? defaults.max : String(q.max);
  return {
    schema: q.schema,
    name: q.name,
    type,
    start: String(q.start ?? (increment.startsWith('-') ? max : min)),
    increment,
    min,
    max,
    cache: String(q.cache ?? 1),
    cycle: q.cycle === true,
    ...(q.comment === undefined ? {} : { comment: q.comment }),
  };
}

/** One Grant per role of a grant() declaration. */
function buildGrants(b: Builder, g: GrantDeclaration, routineOf: ReadonlyMap<object, Routine>): Grant[] {
  const on = g.on as { kind?: string; schema: string; name?: string };
  const routineTarget = routineOf.get(g.on);
  const target: Pick<Grant, 'kind' | 'schema' | 'name' | 'signature'> | undefined =
    routineTarget ? { kind: routineTarget.kind, schema: routineTarget.schema, name: routineTarget.name, signature: routineTarget.signature }
    : on.kind === 'table' || on.kind === 'view' ? { kind: 'table', schema: on.schema, name: on.name! }
    : on.kind === 'sequence' ? { kind: 'sequence', schema: on.schema, name: on.name! }
    : on.kind === 'namespace' ? { kind: 'schema', schema: '', name: on.name! }
    : on.kind === undefined && typeof on.schema === 'string' ? { kind: 'schema', schema: '', name: on.schema }
    : undefined;
  if (!target) {
    b.diagnostics.push(diagnostic('SC104', { message: 'grant(…) needs a table, view, sequence, schema or routine declaration to grant on' }));
    return [];
  }
  return g.to.map((role) => {
    const grant: Grant = { ...target, role, privileges: [...g.privileges].sort(), ...(g.withGrantOption ? { withGrantOption: true } : {}) };
    b.site(grantPath(target.kind, target.schema, target.name, role), g);
    return grant;
  });
}

function buildEnum(b: Builder, e: EnumDeclaration): EnumType {
  b.site(enumPath(e.schema, e.name), e);
  return {
    schema: e.schema,
    name: e.name,
    values: [...e.values],
    ...(e.renamedValues ? { renamedValues: e.renamedValues.map((r) => ({ ...r })) } : {}),
    ...(e.comment === undefined ? {} : { comment: e.comment }),
  };
}

function buildExtension(b: Builder, x: ExtensionDeclaration): Extension {
  b.site(extensionPath(x.name), x);
  return {
    name: x.name, schema: x.schema, ...(x.version ? { version: x.version } : {}), ...(x.comment === undefined ? {} : { comment: x.comment }),
    ...(x.optional ? { optional: x.optional } : {}),
  };
}

function checkTypeUses(b: Builder, declared: ReadonlySet<Declaration>, extensions: ReadonlySet<string>): void {
  for (const { path, column } of b.typeUses) {
    if (column.enumRef && !declared.has(column.enumRef)) {
      b.diagnostics.push(diagnostic('SC208', {
        message: `${path} uses type ${column.enumRef.schema}.${column.enumRef.name}, which is not among the exported declarations`,
        path, at: b.locate(path),
      }));
    }
    if (column.extension && !extensions.has(column.extension)) {
      b.diagnostics.push(diagnostic('SC211', {
        message: `${path} has type ${column.type.name} from extension "${column.extension}", which is not declared`,
        hint: `Export extension('${column.extension}') from the schema.`,
        path, at: b.locate(path),
      }));
    }
  }
}

/** Build the Schema model from declarations. `root` makes source paths relative. */
export function buildSchema(declarations: readonly Declaration[], root: string): BuildResult {
  const b = new Builder(root);
  const unique = withStringNames(b, [...new Set(declarations)]);
  const tables = unique.filter((d): d is TableDeclaration => d.kind === 'table');
  for (const t of tables) b.tablesByKey.set(`${t.schema}.${t.name}`, t);

  const namespaces = new Map<string, Namespace>();
  for (const n of unique.filter((d): d is NamespaceDeclaration => d.kind === 'namespace')) {
    b.site(namespacePath(n.name), n);
    namespaces.set(n.name, { name: n.name, ...(n.comment === undefined ? {} : { comment: n.comment }) });
  }
  const enums = unique.filter((d): d is EnumDeclaration => d.kind === 'enum').map((e) => buildEnum(b, e));
  const extensions = unique.filter((d): d is ExtensionDeclaration => d.kind === 'extension').map((x) => buildExtension(b, x));
  const builtTables = tables.flatMap((t) => buildTableWithPartitions(b, t));
  const views = unique.filter((d): d is ViewDeclaration => d.kind === 'view').map((v) => buildView(b, v));
  const routineDeclarations = unique.filter((d): d is RoutineDeclaration => d.kind === 'routine');
  const routines = routineDeclarations.map((r) => buildRoutine(b, r));
  const routineOf = new Map(routineDeclarations.map((d, i) => [d as object, routines[i]!]));
  const grants = unique.filter((d): d is GrantDeclaration => d.kind === 'grant').flatMap((g) => buildGrants(b, g, routineOf));
  const domains = unique.filter((d): d is DomainDeclaration => d.kind === 'domain').map((d) => buildDomain(b, d));
  const composites = unique.filter((d): d is CompositeTypeDeclaration => d.kind === 'composite').map((c) => buildComposite(b, c));
  const sequences = unique.filter((d): d is SequenceDeclaration => d.kind === 'sequence').map((q) => buildSequence(b, q));
  const registry = buildRegistry(b, unique);
  const assertions = unique.filter((d): d is QueryAssertionDeclaration => d.kind === 'queryAssertion').map((a) => buildAssertion(b, a)).filter((a): a is QueryAssertion => a !== undefined);
  const dataSteps = unique.filter((d): d is DataStepDeclaration => d.kind === 'dataStep').map((d) => buildDataStep(b, d)).filter((d): d is DataStep => d !== undefined);
  const acknowledgements = unique.filter((d): d is AcknowledgementDeclaration => d.kind === 'acknowledge').map((a) => buildAcknowledgement(b, a)).filter((a): a is Acknowledgement => a !== undefined);

  checkTypeUses(b, new Set(unique), new Set(extensions.map((x) => x.name)));
  for (const used of [...builtTables, ...views, ...routines, ...domains, ...composites, ...sequences, ...enums, ...extensions]) {
    if (!namespaces.has(used.schema) && !BUILT_IN_NAMESPACES.has(used.schema)) namespaces.set(used.schema, { name: used.schema });
  }
  const schema = freezeSchema({
    namespaces: [...namespaces.values()].filter((n) => !BUILT_IN_NAMESPACES.has(n.name)),
    extensions,
    enums,
    tables: builtTables,
    views,
    routines,
    domains,
    composites,
    sequences,
    grants,
    dataSteps,
    acknowledgements,
    ...(registry ? { compliance: registry } : {}),
    ...(assertions.length > 0 ? { assertions } : {}),
  });
  return { schema, diagnostics: b.diagnostics, locate: b.locate };
}
