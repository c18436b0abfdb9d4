/**
 * Validation of a Schema model: names, references, types of keys, expressions. Runs on declared
 * schemas before anything touches a database; every finding names the object and its source line.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { statementError, compareRangeValues, routineDefinitionError, triggerDefinitionError, expressionError, partitionKeyColumns, queryError, rangeBound, referencedRelations } from '../expr/index.js';
import { identifierTooLong } from './naming.js';
import { columnPath, compositePath, constraintPath, domainPath, enumPath, grantPath, indexPath, policyPath, routinePath, sequencePath, tablePath, triggerPath, viewPath, dataStepPath, type ObjectPath } from './paths.js';
import type { Index, Schema, SourceLocator, Table } from './types.js';

const INTEGER_TYPES = new Set(['smallint', 'integer', 'bigint']);

class Findings {
  readonly list: Diagnostic[] = [];
  constructor(private readonly locate: SourceLocator) {}
  add(code: DiagnosticCode, path: ObjectPath, message: string): void {
    this.list.push(diagnostic(code, { message, path, at: this.locate(path) }));
  }
}

function checkName(f: Findings, path: ObjectPath, kind: string, name: string): void {
  if (name.length === 0) f.add('SC213', path, `${kind} has an empty name`);
  else if (identifierTooLong(name)) {
    f.add('SC204', path, `${kind} name "${name}" is ${Buffer.byteLength(name)} bytes; PostgreSQL allows 63`);
  }
}

function checkExpression(f: Findings, path: ObjectPath, what: string, sql: string): void {
  const error = expressionError(sql);
  if (error) f.add('SC207', path, `${what}: ${error.message} in \`${sql}\``);
}

/** Column names by table (checkColumns runs for every key and index of a table). */
const columnNames = new WeakMap<Table, ReadonlySet<string>>();

function checkColumns(f: Findings, t: Table, path: ObjectPath, what: string, columns: readonly string[]): void {
  let names = columnNames.get(t);
  if (!names) columnNames.set(t, (names = new Set(t.columns.map((c) => c.name))));
  if (columns.length === 0) f.add('SC203', path, `${what} lists no columns`);
  for (const column of columns) {
    if (!names.has(column)) f.add('SC203', path, `${what} references column "${column}", which ${t.schema}.${t.name} does not declare`);
  }
}

function validateTableColumns(f: Findings, t: Table): void {
  for (const c of t.columns) {
    const path = columnPath(t.schema, t.name, c.name);
    checkName(f, path, 'column', c.name);
    if (c.default) checkExpression(f, path, `default of ${t.name}.${c.name}`, c.default.sql);
    if (c.generated) checkExpression(f, path, `generated expression of ${t.name}.${c.name}`, c.generated.sql);
    if (c.identity && (c.type.schema !== null || c.type.isArray || !INTEGER_TYPES.has(c.type.name))) {
      f.add('SC210', path, `identity column ${t.name}.${c.name} must be smallint, integer or bigint, not ${c.type.name}`);
    }
    if (c.identity && c.default) f.add('SC210', path, `identity column ${t.name}.${c.name} cannot also have a default`);
    if (c.generated && (c.default || c.identity)) {
      f.add('SC210', path, `generated column ${t.name}.${c.name} cannot have a default or identity`);
    }
    if (c.renamedFrom === c.name) f.add('SC209', path, `column ${t.name}.${c.name} is renamed from itself`);
    if (c.sequence && (c.default || c.identity || c.generated)) {
      f.add('SC210', path, `serial column ${t.name}.${c.name} cannot also have a default, identity or generated expression`);
    }
  }
}

function validateTableKeys(f: Findings, t: Table, relations: Map<string, ObjectPath>): void {
  const constraintNames = new Set<string>();
  const claim = (path: ObjectPath, name: string, kind: string, createsIndex: boolean): void => {
    checkName(f, path, kind, name);
    if (constraintNames.has(name)) f.add('SC201', path, `constraint name "${name}" is used twice on ${t.schema}.${t.name}`);
    constraintNames.add(name);
    if (createsIndex) claimRelation(f, relations, t.schema, name, path);
  };
  if (t.primaryKey) {
    const path = constraintPath(t.schema, t.name, t.primaryKey.name);
    claim(path, t.primaryKey.name, 'primary key', true);
    checkColumns(f, t, path, `primary key ${t.primaryKey.name}`, t.primaryKey.columns);
  }
  for (const u of t.uniques) {
    const path = constraintPath(t.schema, t.name, u.name);
    claim(path, u.name, 'unique constraint', true);
    checkColumns(f, t, path, `unique constraint ${u.name}`, u.columns);
  }
  for (const c of t.checks) {
    const path = constraintPath(t.schema, t.name, c.name);
    claim(path, c.name, 'check constraint', false);
    checkExpression(f, path, `check ${c.name}`, c.expression.sql);
  }
  for (const x of t.exclusions ?? []) {
    const path = constraintPath(t.schema, t.name, x.name);
    claim(path, x.name, 'exclusion constraint', true);
    const columns = x.elements.filter((e) => e.key.column !== undefined).map((e) => e.key.column!);
    if (columns.length > 0 || (x.include ?? []).length > 0) checkColumns(f, t, path, `exclusion ${x.name}`, [...columns, ...(x.include ?? [])]);
    for (const e of x.elements) if (e.key.expression) checkExpression(f, path, `exclusion ${x.name}`, e.key.expression.sql);
    if (x.where) checkExpression(f, path, `predicate of exclusion ${x.name}`, x.where.sql);
  }
  for (const fk of t.foreignKeys) {
    const path = constraintPath(t.schema, t.name, fk.name);
    claim(path, fk.name, 'foreign key', false);
    checkColumns(f, t, path, `foreign key ${fk.name}`, fk.columns);
  }
  for (const ix of t.indexes) {
    const path = indexPath(t.schema, ix.name);
    checkName(f, path, 'index', ix.name);
    claimRelation(f, relations, t.schema, ix.name, path);
    validateIndex(f, t, path, ix);
  }
}

const ORDERED_METHODS = new Set(['btree']);
const INCLUDE_METHODS = new Set(['btree', 'gist', 'spgist']);

function validateIndex(f: Findings, t: Table, path: ObjectPath, ix: Index): void {
  const what = `index ${ix.name}`;
  const columns = ix.keys.filter((k) => k.column !== undefined).map((k) => k.column!);
  if (ix.keys.length === 0) f.add('SC203', path, `${what} has no keys`);
  if (columns.length > 0 || ix.include.length > 0) checkColumns(f, t, path, what, [...columns, ...ix.include]);
  for (const k of ix.keys) {
    if (k.expression) checkExpression(f, path, `expression of ${what}`, k.expression.sql);
    if ((k.descending || k.nulls) && !ORDERED_METHODS.has(ix.method)) f.add('SC215', path, `${what}: access method ${ix.method} does not support ordering (DESC, NULLS)`);
  }
  if (ix.where) checkExpression(f, path, `predicate of ${what}`, ix.where.sql);
  if (ix.unique && ix.method !== 'btree') f.add('SC215', path, `${what}: only btree indexes can be unique, not ${ix.method}`);
  if (ix.include.length > 0 && !INCLUDE_METHODS.has(ix.method)) f.add('SC215', path, `${what}: access method ${ix.method} does not support INCLUDE`);
  if (ix.nullsNotDistinct && !ix.unique) f.add('SC215', path, `${what}: NULLS NOT DISTINCT needs a unique index`);
}

/** Tables, indexes and key constraints share one name space per schema (pg_class). */
function claimRelation(f: Findings, relations: Map<string, ObjectPath>, schema: string, name: string, path: ObjectPath): void {
  const key = `${schema}\0${name}`;
  const previous = relations.get(key);
  if (previous) f.add('SC201', path, `"${schema}.${name}" is already used by ${previous}; tables, indexes and key constraints share one name space`);
  else relations.set(key, path);
}

function validateForeignKeys(f: Findings, schema: Schema): void {
  const tables = new Map(schema.tables.map((t) => [`${t.schema}\0${t.name}`, t]));
  for (const t of schema.tables) {
    for (const fk of t.foreignKeys) {
      const path = constraintPath(t.schema, t.name, fk.name);
      const target = tables.get(`${fk.references.schema}\0${fk.references.table}`);
      if (!target) {
        f.add('SC202', path, `foreign key ${fk.name} references ${fk.references.schema}.${fk.references.table}, which is not declared`);
        continue;
      }
      if (fk.references.columns.length === 0) {
        f.add('SC206', path, `foreign key ${fk.name} names no referenced column and ${target.name} has no primary key`);
        continue;
      }
      checkColumns(f, target, path, `foreign key ${fk.name}`, fk.references.columns);
      if (fk.columns.length !== fk.references.columns.length) {
        f.add('SC205', path, `foreign key ${fk.name} has ${fk.columns.length} column(s) but references ${fk.references.columns.length}`);
      }
      const sameSet = (cols: readonly string[]): boolean =>
        cols.length === fk.references.columns.length && cols.every((c) => fk.references.columns.includes(c));
      const uniqueIndexes = target.indexes.filter((i) => i.unique && !i.where && i.keys.every((k) => k.column !== undefined));
      const constraintKeys = [...(target.primaryKey ? [target.primaryKey] : []), ...target.uniques];
      const keys = [...constraintKeys.filter((k) => !k.deferrable).map((k) => k.columns), ...uniqueIndexes.map((i) => i.keys.map((k) => k.column!))];
      if (constraintKeys.some((k) => k.deferrable && sameSet(k.columns))) {
        f.add('SC206', path, `foreign key ${fk.name} references ${target.name}(${fk.references.columns.join(', ')}), whose key is DEFERRABLE; PostgreSQL cannot reference a deferrable key`);
      } else if (!keys.some((cols) => cols && sameSet(cols))) {
        f.add('SC206', path, `foreign key ${fk.name} references ${target.name}(${fk.references.columns.join(', ')}), which is not its primary key or a unique key`);
      }
    }
  }
}

/** Unique keys of a partitioned table must contain its partition key; bounds must not collide. */
function validatePartitions(f: Findings, schema: Schema): void {
  const tables = new Map(schema.tables.map((t) => [`${t.schema}\0${t.name}`, t]));
  const partitionsOf = new Map<string, Table[]>();
  for (const p of schema.tables) {
    if (!p.partitionOf) continue;
    const parent = `${p.schema}\0${p.partitionOf.table}`;
    partitionsOf.set(parent, [...(partitionsOf.get(parent) ?? []), p]);
  }
  for (const t of schema.tables) {
    const path = tablePath(t.schema, t.name);
    if (t.partitionOf && !tables.get(`${t.schema}\0${t.partitionOf.table}`)?.partitionBy) {
      f.add('SC218', path, `${t.name} is a partition of ${t.partitionOf.table}, which is not a partitioned table`);
    }
    if (!t.partitionBy) continue;
    const keyColumns = partitionKeyColumns(t.partitionBy.strategy, t.partitionBy.key);
    const keys = [...(t.primaryKey ? [t.primaryKey] : []), ...t.uniques];
    for (const k of keys) {
      const missing = (keyColumns ?? []).filter((c) => !k.columns.includes(c));
      if (keyColumns === undefined || missing.length > 0) {
        f.add('SC217', constraintPath(t.schema, t.name, k.name), `${k.name} on partitioned table ${t.name} must include the partition key (${keyColumns ? missing.join(', ') : 'an expression key cannot be part of a unique key'})`);
      }
    }
    validateBounds(f, t, partitionsOf.get(`${t.schema}\0${t.name}`) ?? []);
  }
}

function validateBounds(f: Findings, parent: Table, partitions: readonly Table[]): void {
  const defaults = partitions.filter((p) => p.partitionOf!.bound.trim().toUpperCase() === 'DEFAULT');
  if (defaults.length > 1) f.add('SC218', tablePath(parent.schema, defaults[1]!.name), `${parent.name} has more than one DEFAULT partition (${defaults.map((d) => d.name).join(', ')})`);
  const ranges = partitions.map((p) => ({ p, range: rangeBound(p.partitionOf!.bound) })).filter((r) => r.range !== undefined);
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const [a, b] = [ranges[i]!, ranges[j]!];
      if (compareRangeValues(a.range!.lower, b.range!.upper) < 0 && compareRangeValues(b.range!.lower, a.range!.upper) < 0) {
        f.add('SC218', tablePath(parent.schema, b.p.name), `partition ${b.p.name} overlaps ${a.p.name} (${b.p.partitionOf!.bound} / ${a.p.partitionOf!.bound})`);
      }
    }
  }
}

function validateTypes(f: Findings, schema: Schema, relations: Map<string, ObjectPath>): void {
  for (const d of schema.domains ?? []) {
    const path = domainPath(d.schema, d.name);
    checkName(f, path, 'domain', d.name);
    if (d.default) checkExpression(f, path, `default of domain ${d.name}`, d.default.sql);
    for (const c of d.checks) checkExpression(f, path, `check ${c.name} of domain ${d.name}`, c.expression.sql);
  }
  for (const c of schema.composites ?? []) {
    checkName(f, compositePath(c.schema, c.name), 'type', c.name);
    if (c.attributes.length === 0) f.add('SC203', compositePath(c.schema, c.name), `type ${c.name} has no attributes`);
  }
  for (const q of schema.sequences ?? []) {
    const path = sequencePath(q.schema, q.name);
    checkName(f, path, 'sequence', q.name);
    claimRelation(f, relations, q.schema, q.name, path);
  }
}

const PRIVILEGES: Record<string, ReadonlySet<string>> = {
  table: new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']),
  sequence: new Set(['USAGE', 'SELECT', 'UPDATE']),
  schema: new Set(['USAGE', 'CREATE']),
  function: new Set(['EXECUTE']),
  procedure: new Set(['EXECUTE']),
};

function validateGrants(f: Findings, schema: Schema): void {
  for (const g of schema.grants ?? []) {
    const path = grantPath(g.kind, g.schema, g.name, g.role);
    if (g.role.trim() === '') f.add('SC222', path, `a grant on ${g.name} names no role`);
    if (g.role === 'public' && g.withGrantOption) f.add('SC222', path, `a grant option cannot be given to PUBLIC (on ${g.name}); name a role`);
    for (const p of g.privileges) {
      if (!PRIVILEGES[g.kind]!.has(p)) f.add('SC222', path, `${p} is not a privilege of a ${g.kind}; use ${[...PRIVILEGES[g.kind]!].join(', ')}`);
    }
  }
}

function validateRoutines(f: Findings, schema: Schema): void {
  for (const r of schema.routines ?? []) {
    const error = routineDefinitionError(r.definition);
    if (error) f.add('SC207', routinePath(r.schema, r.name, r.signature), `${r.kind} ${r.name}: ${error.message}`);
  }
  for (const t of schema.tables) {
    for (const p of t.policies ?? []) {
      const path = policyPath(t.schema, t.name, p.name);
      if (!t.rowLevelSecurity) f.add('SC219', path, `policy ${p.name} is on ${t.name}, which does not enable row-level security; the policy would never apply`);
      if (p.using) checkExpression(f, path, `USING of policy ${p.name}`, p.using.sql);
      if (p.withCheck) checkExpression(f, path, `WITH CHECK of policy ${p.name}`, p.withCheck.sql);
      if (p.command === 'insert' && p.using) f.add('SC219', path, `policy ${p.name} FOR INSERT cannot have USING; use withCheck`);
      if ((p.command === 'select' || p.command === 'delete') && p.withCheck) f.add('SC219', path, `policy ${p.name} FOR ${p.command.toUpperCase()} cannot have WITH CHECK; use using`);
    }
    for (const trigger of t.triggers ?? []) {
      const error = triggerDefinitionError(trigger.definition);
      if (error) f.add('SC207', triggerPath(t.schema, t.name, trigger.name), `trigger ${trigger.name}: ${error.message}`);
    }
  }
}

const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema']);

function validateViews(f: Findings, schema: Schema, relations: Map<string, ObjectPath>): void {
  for (const v of schema.views) {
    const path = viewPath(v.schema, v.name);
    checkName(f, path, v.materialized ? 'materialized view' : 'view', v.name);
    claimRelation(f, relations, v.schema, v.name, path);
    for (const ix of v.indexes) claimRelation(f, relations, v.schema, ix.name, indexPath(v.schema, ix.name));
  }
  for (const v of schema.views) {
    const path = viewPath(v.schema, v.name);
    const error = queryError(v.query.sql);
    if (error) {
      f.add('SC207', path, `query of view ${v.name}: ${error.message}`);
      continue;
    }
    for (const r of referencedRelations(v.query.sql)) {
      const known = relations.has(`${r.schema ?? 'public'}\0${r.name}`) || SYSTEM_SCHEMAS.has(r.schema ?? '') || (r.schema === undefined && r.name.startsWith('pg_'));
      if (!known) f.add('SC216', path, `view ${v.name} reads ${r.schema ?? 'public'}.${r.name}, which is not declared`);
    }
  }
}

/** All validation findings for a schema, in declaration-independent order. */
/** Data steps: SQL that parses, and views renamed from a name no longer declared. */
function validateDataSteps(f: Findings, schema: Schema, relations: ReadonlyMap<string, ObjectPath>): void {
  for (const d of schema.dataSteps ?? []) {
    for (const [what, sql] of [['up', d.up], ['down', d.down]] as const) {
      const error = sql === undefined ? undefined : statementError(sql);
      if (error) f.add('SC207', dataStepPath(d.name), `${what} of data step ${d.name} does not parse: ${error.message}`);
    }
  }
  const optional = new Set(schema.extensions.filter((x) => x.optional).map((x) => x.name));
  for (const t of schema.tables) {
    for (const r of t.requires ?? []) {
      if (!optional.has(r)) f.add('SC211', tablePath(t.schema, t.name), `table ${t.name} requires extension ${r}, which is not declared as optional (extension('${r}', { optional: 'what is skipped without it' }))`);
    }
  }
  for (const v of schema.views) {
    if (v.renamedFrom === v.name) f.add('SC209', viewPath(v.schema, v.name), `view ${v.name} is renamed from itself`);
    else if (v.renamedFrom && relations.has(`${v.schema}\0${v.renamedFrom}`)) f.add('SC209', viewPath(v.schema, v.name), `view ${v.name} is renamed from "${v.renamedFrom}", but that name is still declared`);
  }
}

export function validateSchema(schema: Schema, locate: SourceLocator): Diagnostic[] {
  const f = new Findings(locate);
  const relations = new Map<string, ObjectPath>();
  const types = new Set<string>();
  for (const e of schema.enums) {
    const path = enumPath(e.schema, e.name);
    checkName(f, path, 'enum', e.name);
    if (types.has(`${e.schema}\0${e.name}`)) f.add('SC201', path, `enum ${e.schema}.${e.name} is declared twice`);
    types.add(`${e.schema}\0${e.name}`);
    if (e.values.length === 0) f.add('SC212', path, `enum ${e.name} has no values`);
    if (new Set(e.values).size !== e.values.length) f.add('SC212', path, `enum ${e.name} lists a value twice`);
    for (const value of e.values) if (value.length === 0 || identifierTooLong(value)) f.add('SC212', path, `enum ${e.name} value "${value}" must be 1 to 63 bytes`);
  }
  for (const t of schema.tables) {
    const path = tablePath(t.schema, t.name);
    checkName(f, path, 'table', t.name);
    claimRelation(f, relations, t.schema, t.name, path);
    if (t.renamedFrom === t.name) f.add('SC209', path, `table ${t.name} is renamed from itself`);
    validateTableColumns(f, t);
    for (const c of t.columns) if (c.sequence) claimRelation(f, relations, t.schema, c.sequence.name, columnPath(t.schema, t.name, c.name));
  }
  for (const t of schema.tables) validateTableKeys(f, t, relations);
  validateViews(f, schema, relations);
  validatePartitions(f, schema);
  validateRoutines(f, schema);
  validateTypes(f, schema, relations);
  validateGrants(f, schema);
  validateForeignKeys(f, schema);
  validateDataSteps(f, schema, relations);
  for (const t of schema.tables) {
    if (t.renamedFrom && relations.has(`${t.schema}\0${t.renamedFrom}`)) {
      f.add('SC209', tablePath(t.schema, t.name), `table ${t.name} is renamed from "${t.renamedFrom}", but that name is still declared`);
    }
  }
  return f.list;
}
