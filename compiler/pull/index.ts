/**
 * pull: a Schema (introspected) → TypeScript declarations that compile back to the same schema.
 * Files: `schema/types.ts` (extensions, schemas, enums, domains, composite types, sequences),
 * `schema/routines.ts` (functions and procedures, as their statements), one file per PostgreSQL
 * schema with its tables and views, and a `schemac.config.ts`. Code is emitted and formatted with
 * ts-morph. Constraints and indexes are written with their names, so nothing depends on defaults.
 */
import { Project, QuoteKind, IndentationText } from 'ts-morph';
import { partitionKeyColumns } from '../expr/index.js';
import type {
  Column, ColumnType, CompositeType, Domain, EnumType, Expression, Index, IndexKey, Policy, Routine, Schema, SchemaName, Sequence, Table, View,
} from '../model/types.js';
import { compareText } from '../model/paths.js';

export interface PulledFile {
  readonly path: string;
  readonly content: string;
}

/** A TypeScript literal with single-quoted strings: `'a'`, `['a', 'b']`, `1`. */
function js(value: unknown): string {
  if (typeof value === 'string') return `'${JSON.stringify(value).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(js).join(', ')}]`;
  return JSON.stringify(value);
}

/** An object key: bare when it is an identifier. */
const key = (name: string): string => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : js(name));

/** sql`…` with the text escaped for a template literal. */
const sqlTag = (text: string): string => `sql\`${text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')}\``;
const sqlOf = (e: Expression): string => sqlTag(e.sql);

/** `{ a: 1, b: 'x' }` from entries, skipping undefined values. */
function object(entries: readonly (readonly [string, string | undefined])[]): string {
  const present = entries.filter(([, v]) => v !== undefined) as [string, string][];
  return present.length === 0 ? '{}' : `{ ${present.map(([k, v]) => `${key(k)}: ${v}`).join(', ')} }`;
}

/** The same as a block, one property per line (for tables, views and their columns). */
function block(entries: readonly (readonly [string, string | undefined])[]): string {
  const present = entries.filter(([, v]) => v !== undefined) as [string, string][];
  return present.length === 0 ? '{}' : `{\n${present.map(([k, v]) => `${key(k)}: ${v},`).join('\n')}\n}`;
}

/** An array, one item per line. */
const lines = (items: readonly string[]): string => `[\n${items.map((i) => `${i},`).join('\n')}\n]`;

const RESERVED = new Set(['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'implements', 'interface', 'package', 'private', 'protected', 'public', 'await', 'sql']);

/** Unique, valid TypeScript identifiers for object names. */
class Identifiers {
  private readonly used = new Set<string>();
  take(name: string, suffix = ''): string {
    const words = name.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
    let base = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('') || 'object';
    if (/^\d/.test(base)) base = `_${base}`;
    base += suffix;
    if (RESERVED.has(base)) base += 'Object';
    let candidate = base;
    for (let i = 2; this.used.has(candidate); i++) candidate = `${base}${i}`;
    this.used.add(candidate);
    return candidate;
  }
}

const BUILTIN_HELPERS: Readonly<Record<string, string>> = {
  integer: 'integer', bigint: 'bigint', smallint: 'smallint', text: 'text', boolean: 'boolean', uuid: 'uuid', date: 'date',
  json: 'json', jsonb: 'jsonb', bytea: 'bytea', interval: 'interval', real: 'real', 'double precision': 'doublePrecision',
};

/** The column helper for a type and the options it needs (precision, length, …). */
function typeHelper(type: ColumnType, typeRefs: ReadonlyMap<string, string>, imports: Set<string>): { call: (options: string) => string } {
  const use = (helper: string, extra: readonly (readonly [string, string | undefined])[] = []) => {
    imports.add(helper);
    return { call: (options: string) => `${helper}(${mergeOptions(extra, options)})` };
  };
  if (type.schema !== null) {
    const ref = typeRefs.get(`${type.schema}\0${type.name}`);
    if (ref && !type.modifiers) return { call: (options) => (imports.add('ofType'), `ofType(${ref}${options === '{}' ? '' : `, ${options}`})`) };
    return { call: (options) => (imports.add('column'), `column(${js(type.name + (type.modifiers ?? ''))}, ${mergeOptions([['schema', js(type.schema)]], options)})`) };
  }
  const name = type.name;
  if (BUILTIN_HELPERS[name]) return use(BUILTIN_HELPERS[name]!);
  let m = /^numeric\((\d+),(\d+)\)$/.exec(name);
  if (m) return use('numeric', [['precision', m[1]], ['scale', m[2]]]);
  if (name === 'numeric') return use('numeric');
  m = /^character varying(?:\((\d+)\))?$/.exec(name);
  if (m) return use('varchar', [['length', m[1]]]);
  m = /^character\((\d+)\)$/.exec(name);
  if (m) return use('char', [['length', m[1]]]);
  m = /^(timestamp|time)(?:\((\d)\))? (with|without) time zone$/.exec(name);
  if (m) return use(`${m[1]}${m[3] === 'with' ? 'tz' : ''}`, [['precision', m[2]]]);
  return { call: (options) => (imports.add('column'), `column(${js(name)}${options === '{}' ? '' : `, ${options}`})`) };
}

/** Merge `{ a: 1 }`-style entries into an options object text. */
function mergeOptions(extra: readonly (readonly [string, string | undefined])[], options: string): string {
  const inner = options === '{}' ? '' : options.slice(2, -2);
  const head = extra.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`).join(', ');
  const all = [head, inner].filter(Boolean).join(', ');
  return all ? `{ ${all} }` : '';
}

function columnSource(t: Table, c: Column, typeRefs: ReadonlyMap<string, string>, imports: Set<string>): string {
  const options = object([
    ['notNull', c.notNull && !c.sequence && !c.identity ? 'true' : undefined],
    ['array', c.type.isArray ? 'true' : undefined],
    ['collation', c.type.collation ? schemaNameSource(c.type.collation) : undefined],
    ['default', c.default ? (imports.add('sql'), sqlOf(c.default)) : undefined],
    ['identity', c.identity ? object([
      ['kind', js(c.identity.kind)], ['start', c.identity.start === undefined ? undefined : `${c.identity.start}n`],
      ['increment', c.identity.increment === undefined ? undefined : `${c.identity.increment}n`],
      ['min', c.identity.min === undefined ? undefined : `${c.identity.min}n`], ['max', c.identity.max === undefined ? undefined : `${c.identity.max}n`],
      ['cache', c.identity.cache], ['cycle', c.identity.cycle ? 'true' : undefined],
    ]) : undefined],
    ['generated', c.generated ? (imports.add('sql'), sqlOf(c.generated)) : undefined],
    ['comment', c.comment === undefined ? undefined : js(c.comment)],
  ]);
  if (c.sequence) {
    const helper = c.sequence.type === 'bigint' ? 'bigserial' : c.sequence.type === 'smallint' ? 'smallserial' : 'serial';
    imports.add(helper);
    return `${helper}(${options === '{}' ? '' : options})`;
  }
  return typeHelper(c.type, typeRefs, imports).call(options);
}

const schemaNameSource = (n: SchemaName): string => (n.schema === null ? js(n.name) : object([['schema', js(n.schema)], ['name', js(n.name)]]));

function indexKeySource(k: IndexKey, imports: Set<string>): string {
  const options: [string, string | undefined][] = [
    ['order', k.descending ? js('desc') : undefined],
    ['nulls', k.nulls ? js(k.nulls) : undefined],
    ['opclass', k.opclass ? schemaNameSource(k.opclass) : undefined],
    ['collation', k.collation ? schemaNameSource(k.collation) : undefined],
  ];
  if (k.expression) return (imports.add('sql'), object([['expression', sqlOf(k.expression)], ...options]));
  return options.some(([, v]) => v !== undefined) ? object([['column', js(k.column)], ...options]) : js(k.column);
}

function indexSource(ix: Index, imports: Set<string>): string {
  imports.add('index');
  const options = object([
    ['name', js(ix.name)],
    ['unique', ix.unique ? 'true' : undefined],
    ['using', ix.method === 'btree' ? undefined : js(ix.method)],
    ['include', ix.include.length > 0 ? js(ix.include) : undefined],
    ['where', ix.where ? (imports.add('sql'), sqlOf(ix.where)) : undefined],
    ['nullsNotDistinct', ix.nullsNotDistinct ? 'true' : undefined],
    ['with', ix.storage.length > 0 ? object(ix.storage.map((p) => [p.slice(0, p.indexOf('=')), js(p.slice(p.indexOf('=') + 1))])) : undefined],
    ['comment', ix.comment === undefined ? undefined : js(ix.comment)],
  ]);
  return `index([${ix.keys.map((k) => indexKeySource(k, imports)).join(', ')}], ${options})`;
}

function policySource(p: Policy, imports: Set<string>): string {
  imports.add('policy');
  return `policy(${js(p.name)}, ${object([
    ['restrictive', p.permissive ? undefined : 'true'],
    ['command', p.command === 'all' ? undefined : js(p.command)],
    ['roles', p.roles.length === 1 && p.roles[0] === 'public' ? undefined : js(p.roles)],
    ['using', p.using ? (imports.add('sql'), sqlOf(p.using)) : undefined],
    ['withCheck', p.withCheck ? (imports.add('sql'), sqlOf(p.withCheck)) : undefined],
    ['comment', p.comment === undefined ? undefined : js(p.comment)],
  ])})`;
}

function partitionSource(t: Table, all: readonly Table[], imports: Set<string>): [string, string | undefined][] {
  const partitionBy = t.partitionBy;
  const children = all.filter((p) => p.schema === t.schema && p.partitionOf?.table === t.name);
  const entries: [string, string | undefined][] = [];
  if (partitionBy) {
    const columns = partitionKeyColumns(partitionBy.strategy, partitionBy.key);
    const keys = columns ? js(columns) : (imports.add('sql'), `[${sqlTag(partitionBy.key)}]`);
    entries.push(['partitionBy', object([['strategy', js(partitionBy.strategy)], ['keys', keys], ['externalPartitions', partitionBy.externalPartitions ? 'true' : undefined]])]);
  }
  if (children.length > 0) {
    imports.add('partition');
    entries.push(['partitions', `[${children.map((p) => {
      const nested = partitionSource(p, all, imports);
      const options = object([...nested, ['comment', p.comment === undefined ? undefined : js(p.comment)]]);
      return `partition(${js(p.name)}, { raw: ${js(p.partitionOf!.bound)} }${options === '{}' ? '' : `, ${options}`})`;
    }).join(', ')}]`]);
  }
  return entries;
}

function tableSource(t: Table, all: readonly Table[], typeRefs: ReadonlyMap<string, string>, imports: Set<string>): string {
  imports.add('table');
  const list = <T>(items: readonly T[] | undefined, render: (item: T) => string): string | undefined =>
    items && items.length > 0 ? lines(items.map(render)) : undefined;
  const deferrable = (d: string | undefined) => (d ? js(d) : undefined);
  const options = block([
    ['schema', t.schema === 'public' ? undefined : js(t.schema)],
    ['comment', t.comment === undefined ? undefined : js(t.comment)],
    ['unlogged', t.unlogged ? 'true' : undefined],
    ['with', t.storage && t.storage.length > 0 ? object(t.storage.map((p) => [p.slice(0, p.indexOf('=')), js(p.slice(p.indexOf('=') + 1))])) : undefined],
    ['columns', block(t.columns.map((c) => [c.name, columnSource(t, c, typeRefs, imports)]))],
    ['primaryKey', t.primaryKey ? object([['name', js(t.primaryKey.name)], ['columns', js(t.primaryKey.columns)], ['include', t.primaryKey.include ? js(t.primaryKey.include) : undefined], ['deferrable', deferrable(t.primaryKey.deferrable)], ['comment', t.primaryKey.comment === undefined ? undefined : js(t.primaryKey.comment)]]) : undefined],
    ['uniques', list(t.uniques, (u) => (imports.add('unique'), `unique(${js(u.columns)}, ${object([['name', js(u.name)], ['nullsNotDistinct', u.nullsNotDistinct ? 'true' : undefined], ['include', u.include ? js(u.include) : undefined], ['deferrable', deferrable(u.deferrable)], ['comment', u.comment === undefined ? undefined : js(u.comment)]])})`))],
    ['checks', list(t.checks, (c) => (imports.add('check'), imports.add('sql'), `check(${sqlOf(c.expression)}, ${object([['name', js(c.name)], ['comment', c.comment === undefined ? undefined : js(c.comment)]])})`))],
    ['foreignKeys', list(t.foreignKeys, (fk) => (imports.add('foreignKey'), `foreignKey(${js(fk.columns)}, { table: ${js(`${fk.references.schema}.${fk.references.table}`)}, columns: ${js(fk.references.columns)} }, ${object([
      ['name', js(fk.name)], ['onDelete', fk.onDelete === 'no action' ? undefined : js(fk.onDelete)], ['onUpdate', fk.onUpdate === 'no action' ? undefined : js(fk.onUpdate)],
      ['matchFull', fk.matchFull ? 'true' : undefined], ['deferrable', deferrable(fk.deferrable)], ['comment', fk.comment === undefined ? undefined : js(fk.comment)],
    ])})`))],
    ['exclusions', list(t.exclusions, (x) => (imports.add('exclude'), `exclude([${x.elements.map((e) => {
      const key = indexKeySource(e.key, imports);
      return key.startsWith('{') ? `${key.slice(0, -2)}, operator: ${js(e.operator)} }` : `{ column: ${key}, operator: ${js(e.operator)} }`;
    }).join(', ')}], ${object([['name', js(x.name)], ['using', x.method === 'gist' ? undefined : js(x.method)], ['include', x.include ? js(x.include) : undefined], ['where', x.where ? (imports.add('sql'), sqlOf(x.where)) : undefined], ['deferrable', deferrable(x.deferrable)], ['comment', x.comment === undefined ? undefined : js(x.comment)]])})`))],
    ['indexes', list(t.indexes, (ix) => indexSource(ix, imports))],
    ...partitionSource(t, all, imports),
    ['triggers', list(t.triggers, (tr) => (imports.add('trigger'), imports.add('sql'), `trigger(${js(tr.name)}, ${object([['definition', sqlTag(tr.definition)], ['enabled', tr.enabled === 'origin' ? undefined : js(tr.enabled)], ['comment', tr.comment === undefined ? undefined : js(tr.comment)]])})`))],
    ['rowLevelSecurity', t.rowLevelSecurity ? js(t.rowLevelSecurity) : undefined],
    ['policies', list(t.policies, (p) => policySource(p, imports))],
  ]);
  return `table(${js(t.name)}, ${options})`;
}

function viewSource(v: View, imports: Set<string>): string {
  imports.add(v.materialized ? 'materializedView' : 'view');
  imports.add('sql');
  const options = block([
    ['schema', v.schema === 'public' ? undefined : js(v.schema)],
    ['query', sqlOf(v.query)],
    ['securityInvoker', v.securityInvoker ? 'true' : undefined],
    ['securityBarrier', v.securityBarrier ? 'true' : undefined],
    ['checkOption', v.checkOption ? js(v.checkOption) : undefined],
    ['indexes', v.indexes.length > 0 ? `[${v.indexes.map((ix) => indexSource(ix, imports)).join(', ')}]` : undefined],
    ['comment', v.comment === undefined ? undefined : js(v.comment)],
    ['columnComments', v.columnComments.length > 0 ? object(v.columnComments.map((c) => [c.column, js(c.comment)])) : undefined],
  ]);
  return `${v.materialized ? 'materializedView' : 'view'}(${js(v.name)}, ${options})`;
}

/** Domains and composite types that use others come after them. */
function orderTypes(domains: readonly Domain[], composites: readonly CompositeType[]): (Domain | CompositeType)[] {
  const all: (Domain | CompositeType)[] = [...domains, ...composites];
  const key = (t: { schema: string; name: string }) => `${t.schema}\0${t.name}`;
  const uses = (t: Domain | CompositeType): ColumnType[] => ('attributes' in t ? t.attributes.map((a) => a.type) : [t.type]);
  const ordered: (Domain | CompositeType)[] = [];
  const placed = new Set<string>();
  const visit = (t: Domain | CompositeType, depth = 0): void => {
    if (placed.has(key(t)) || depth > 64) return;
    for (const u of uses(t)) {
      const dep = u.schema === null ? undefined : all.find((o) => o.schema === u.schema && o.name === u.name);
      if (dep) visit(dep, depth + 1);
    }
    placed.add(key(t));
    ordered.push(t);
  };
  all.forEach((t) => visit(t));
  return ordered;
}

interface FileBuilder {
  readonly imports: Set<string>;
  readonly localImports: Map<string, Set<string>>;
  readonly body: string[];
}

const newFile = (): FileBuilder => ({ imports: new Set(), localImports: new Map(), body: [] });

function fileText(f: FileBuilder, header: string): string {
  const dsl = [...f.imports].sort(compareText);
  const local = [...f.localImports.entries()].sort(([a], [b]) => compareText(a, b))
    .map(([from, names]) => `import { ${[...names].sort(compareText).join(', ')} } from ${js(from)};`);
  return [`// ${header}`, `import { ${dsl.join(', ')} } from 'schemac';`, ...local, '', ...f.body, ''].join('\n');
}

function enumSource(e: EnumType, imports: Set<string>): string {
  imports.add('enumType');
  return `enumType(${js(e.name)}, ${js(e.values)}${e.schema === 'public' && e.comment === undefined ? '' : `, ${object([['schema', e.schema === 'public' ? undefined : js(e.schema)], ['comment', e.comment === undefined ? undefined : js(e.comment)]])}`})`;
}

function typeSource(t: Domain | CompositeType, typeRefs: ReadonlyMap<string, string>, imports: Set<string>): string {
  const schema = t.schema === 'public' ? undefined : js(t.schema);
  if ('attributes' in t) {
    imports.add('compositeType');
    const attributes = `{ ${t.attributes.map((a) => `${js(a.name)}: ${typeHelper(a.type, typeRefs, imports).call(a.type.isArray ? '{ array: true }' : '{}')}`).join(', ')} }`;
    return `compositeType(${js(t.name)}, ${object([['schema', schema], ['attributes', attributes], ['comment', t.comment === undefined ? undefined : js(t.comment)]])})`;
  }
  imports.add('domain');
  const checks = t.checks.length > 0 ? (imports.add('check'), imports.add('sql'), `[${t.checks.map((c) => `check(${sqlOf(c.expression)}, { name: ${js(c.name)} })`).join(', ')}]`) : undefined;
  return `domain(${js(t.name)}, ${typeHelper(t.type, typeRefs, imports).call(t.type.isArray ? '{ array: true }' : '{}')}, ${object([
    ['schema', schema], ['notNull', t.notNull ? 'true' : undefined], ['default', t.default ? (imports.add('sql'), sqlOf(t.default)) : undefined], ['checks', checks], ['comment', t.comment === undefined ? undefined : js(t.comment)],
  ])})`;
}

function sequenceSource(q: Sequence, imports: Set<string>): string {
  imports.add('sequence');
  return `sequence(${js(q.name)}, ${object([
    ['schema', q.schema === 'public' ? undefined : js(q.schema)], ['type', js(q.type)], ['start', `${q.start}n`], ['increment', `${q.increment}n`],
    ['min', `${q.min}n`], ['max', `${q.max}n`], ['cache', q.cache], ['cycle', q.cycle ? 'true' : undefined], ['comment', q.comment === undefined ? undefined : js(q.comment)],
  ])})`;
}

function routineSource(r: Routine, imports: Set<string>): string {
  imports.add('routine');
  imports.add('sql');
  return `routine(${sqlTag(r.definition)}${r.comment === undefined ? '' : `, { comment: ${js(r.comment)} }`})`;
}

/** The declaration files (and a config) that describe `schema`. Deterministic. */
export function pullSchema(schema: Schema): PulledFile[] {
  const ids = new Identifiers();
  const typeRefs = new Map<string, string>();
  const types = newFile();
  for (const x of schema.extensions) {
    types.imports.add('extension');
    types.body.push(`export const ${ids.take(x.name, 'Extension')} = extension(${js(x.name)}${x.schema === 'public' ? '' : `, { schema: ${js(x.schema)} }`});`);
  }
  for (const n of schema.namespaces) {
    types.imports.add('namespace');
    types.body.push(`export const ${ids.take(n.name, 'Schema')} = namespace(${js(n.name)}${n.comment === undefined ? '' : `, { comment: ${js(n.comment)} }`});`);
  }
  for (const e of schema.enums) {
    const id = ids.take(e.name);
    typeRefs.set(`${e.schema}\0${e.name}`, id);
    types.body.push(`export const ${id} = ${enumSource(e, types.imports)};`);
  }
  for (const t of orderTypes(schema.domains ?? [], schema.composites ?? [])) {
    const id = ids.take(t.name);
    types.body.push(`export const ${id} = ${typeSource(t, typeRefs, types.imports)};`);
    typeRefs.set(`${t.schema}\0${t.name}`, id);
  }
  const sequenceIds = new Map<string, string>();
  for (const q of schema.sequences ?? []) {
    const id = ids.take(q.name, 'Sequence');
    sequenceIds.set(`${q.schema}\0${q.name}`, id);
    types.body.push(`export const ${id} = ${sequenceSource(q, types.imports)};`);
  }

  const files: { path: string; builder: FileBuilder; header: string }[] = [];
  if (types.body.length > 0) files.push({ path: 'schema/types.ts', builder: types, header: 'Types, schemas and extensions (schemac pull).' });
  // Where each object's declaration lives, for grants: key → [file, identifier].
  const declared = new Map<string, [string, string]>();
  for (const q of schema.sequences ?? []) declared.set(`sequence\0${q.schema}\0${q.name}`, ['./types.ts', sequenceIds.get(`${q.schema}\0${q.name}`)!]);
  const routines = newFile();
  for (const r of schema.routines ?? []) {
    const id = ids.take(r.name, r.kind === 'procedure' ? 'Procedure' : 'Function');
    declared.set(`${r.kind}\0${r.schema}\0${r.name}\0${r.signature}`, ['./routines.ts', id]);
    routines.body.push(`export const ${id} = ${routineSource(r, routines.imports)};`);
  }
  if (routines.body.length > 0) files.push({ path: 'schema/routines.ts', builder: routines, header: 'Functions and procedures (schemac pull).' });

  const namespaces = [...new Set([...schema.tables.map((t) => t.schema), ...schema.views.map((v) => v.schema)])].sort(compareText);
  for (const ns of namespaces) {
    const f = newFile();
    const typeImports = new Set<string>();
    const add = (code: string): void => {
      for (const id of typeRefs.values()) if (code.includes(`ofType(${id}`)) typeImports.add(id);
      f.body.push(code);
    };
    const fileName = `${ns.replace(/[^A-Za-z0-9_-]/g, '_')}${['types', 'routines', 'grants'].includes(ns) ? '_schema' : ''}`;
    for (const t of schema.tables.filter((t) => t.schema === ns && !t.partitionOf)) {
      const id = ids.take(t.name);
      declared.set(`table\0${t.schema}\0${t.name}`, [`./${fileName}.ts`, id]);
      add(`export const ${id} = ${tableSource(t, schema.tables, typeRefs, f.imports)};`);
    }
    for (const v of schema.views.filter((v) => v.schema === ns)) {
      const id = ids.take(v.name);
      declared.set(`table\0${v.schema}\0${v.name}`, [`./${fileName}.ts`, id]);
      add(`export const ${id} = ${viewSource(v, f.imports)};`);
    }
    if (typeImports.size > 0) f.localImports.set('./types.ts', typeImports);
    files.push({ path: `schema/${fileName}.ts`, builder: f, header: `Tables and views of PostgreSQL schema "${ns}" (schemac pull).` });
  }

  const grants = newFile();
  for (const g of schema.grants ?? []) {
    const target = g.kind === 'schema' ? undefined : declared.get(`${g.kind}\0${g.schema}\0${g.name}${g.kind === 'function' || g.kind === 'procedure' ? `\0${g.signature ?? ''}` : ''}`);
    if (g.kind !== 'schema' && !target) continue; // an object pull did not write (a partition, an owned sequence)
    if (target) grants.localImports.set(target[0], new Set([...(grants.localImports.get(target[0]) ?? []), target[1]]));
    grants.imports.add('grant');
    const on = target ? target[1] : object([['schema', js(g.name)]]);
    grants.body.push(`export const ${ids.take(`${g.name}_${g.role}`, 'Grant')} = grant(${js(g.privileges)}, ${on}, ${js(g.role)}${g.withGrantOption ? ', { withGrantOption: true }' : ''});`);
  }
  if (grants.body.length > 0) files.push({ path: 'schema/grants.ts', builder: grants, header: 'Privileges (schemac pull).' });

  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { quoteKind: QuoteKind.Single, indentationText: IndentationText.TwoSpaces } });
  const pulled = files.map(({ path, builder, header }) => {
    const source = project.createSourceFile(path, fileText(builder, header), { overwrite: true });
    source.formatText({ indentSize: 2, convertTabsToSpaces: true });
    return { path, content: source.getFullText() };
  });
  pulled.push({
    path: 'schemac.config.ts',
    content: "import { defineConfig } from 'schemac';\n\nexport default defineConfig({ schema: './schema', out: './generated' });\n",
  });
  return pulled;
}
