/**
 * Normalisation units: a declared schema cut into pieces that PostgreSQL stores independently of
 * each other, so that each can be normalised once and cached by its own content. A schema of
 * thousands of tables that changed in one place then costs one small build in the dev database,
 * not a rebuild of everything.
 *
 * - the globals: namespaces, extensions, types, sequences, routines and their grants (one unit);
 * - a table with its partitions (one unit per partition tree), with its grants;
 * - a view or materialized view (one unit each), with its grants.
 *
 * A unit's key covers its own content and the globals it names (a column of an enum type, a
 * default calling a function), so changing an enum re-normalises the tables that use it, not all.
 * A view's key also covers what it takes from the relations its query reads: the columns it names
 * (all of them for `SELECT *`) and their keys, not their comments or other columns.
 *
 * Building a unit needs what it references to exist: foreign-key targets, the relations a view or
 * a policy reads. Those are built as stubs — the columns and the keys a foreign key needs, nothing
 * else — whose normalised form is thrown away.
 */
import { createHash } from 'node:crypto';
import type { Grant, Schema, Table, View } from '../model/types.js';

export interface NormalizeUnit {
  /** `table:s.t` (the root of a partition tree) or `view:s.v`. */
  readonly id: string;
  readonly tables: readonly Table[];
  readonly views: readonly View[];
  readonly grants: readonly Grant[];
  /** Relations (`schema\0name`) outside the unit that building it needs. */
  readonly needs: readonly string[];
  readonly key: string;
}

/** What PostgreSQL made of a unit: the same pieces, as introspection read them back. */
export interface NormalizedUnit {
  readonly tables: readonly Table[];
  readonly views: readonly View[];
  readonly grants: readonly Grant[];
}

export interface NormalizedGlobals {
  readonly namespaces: Schema['namespaces'];
  readonly extensions: Schema['extensions'];
  readonly enums: Schema['enums'];
  readonly domains: NonNullable<Schema['domains']>;
  readonly composites: NonNullable<Schema['composites']>;
  readonly sequences: NonNullable<Schema['sequences']>;
  readonly routines: NonNullable<Schema['routines']>;
  readonly grants: readonly Grant[];
}

export interface SchemaUnits {
  readonly globalsKey: string;
  readonly units: readonly NormalizeUnit[];
  /** The extensions, and the globals the value names, as key text (what the value's normalised form may depend on besides itself). */
  readonly globalsNamedIn: (value: unknown) => string;
}

/** `schema\0name`: how units name relations (their own and what they need). */
export const relationKey = (schema: string, name: string): string => `${schema}\0${name}`;
export const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The text keys are hashed from. Plain JSON.stringify, not a key-sorted form: equal text still
 * means equal content, and content built with its keys in another order only misses the cache.
 */
export const contentText = (value: unknown): string => JSON.stringify(value);

/** Grants on relations belong to the relation's unit; the rest to the globals. */
export const isRelationGrant = (g: Grant): boolean => g.kind === 'table';

/** The globals part of a schema (what every unit's build needs). */
export function globalsOf(schema: Schema): Schema {
  return {
    namespaces: schema.namespaces,
    extensions: schema.extensions,
    enums: schema.enums,
    domains: schema.domains ?? [],
    composites: schema.composites ?? [],
    sequences: schema.sequences ?? [],
    routines: schema.routines ?? [],
    grants: (schema.grants ?? []).filter((g) => !isRelationGrant(g)),
    tables: [],
    views: [],
  };
}

/**
 * Identifiers in SQL or JSON text, string literals left out: unquoted words folded to lower case,
 * quoted ones as written. An over-approximation of what the text names, which is what keys and
 * dependencies need (naming too much only costs a stub or a cache miss).
 */
export function identifiersIn(text: string): Set<string> {
  const words = new Set<string>();
  const pattern = /"((?:[^"\\]|\\.|"")*)"|'(?:[^']|'')*'|\$([A-Za-z_]*)\$[\s\S]*?\$\2\$|([A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) words.add(match[1].replaceAll('""', '"'));
    else if (match[3] !== undefined) words.add(match[3].toLowerCase());
  }
  return words;
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/**
 * Which of `names` a unit's content mentions (JSON strings included: type names, SQL text): a
 * string equal to one, a plain name equal to one folded to lower case, or an identifier in SQL
 * text. Only the few names asked about are looked for: SQL text is only scanned when one of them
 * occurs in it at all.
 */
export function namesIn(value: unknown, names: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (names.size === 0) return found;
  const folded = [...names].map((n) => (n.includes('"') ? undefined : n.toLowerCase()));
  const couldName = (text: string): boolean => {
    const lower = text.toLowerCase();
    return folded.some((n) => n === undefined || lower.includes(n));
  };
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (names.has(v)) found.add(v);
      // Most strings are plain names (what identifiersIn would return, folded): no scan needed.
      if (PLAIN_NAME.test(v)) {
        const lower = v.toLowerCase();
        if (names.has(lower)) found.add(lower);
      } else if (couldName(v)) {
        for (const w of identifiersIn(v)) if (names.has(w)) found.add(w);
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return found;
}

/** Cut a declared schema into units, with keys. `version` is folded into every key. */
export function splitSchema(schema: Schema, version: string): SchemaUnits {
  const globals = globalsOf(schema);
  const globalsKey = hash(`${version}\nglobals\n${contentText(globals)}`);

  // Each named global, hashed on its own: a unit's key takes those it names.
  const namedGlobals = new Map<string, string[]>();
  const addGlobal = (name: string, content: unknown): void => {
    const list = namedGlobals.get(name) ?? [];
    list.push(contentText(content));
    namedGlobals.set(name, list);
  };
  for (const e of schema.enums) addGlobal(e.name, e);
  for (const d of schema.domains ?? []) addGlobal(d.name, d);
  for (const c of schema.composites ?? []) addGlobal(c.name, c);
  for (const s of schema.sequences ?? []) addGlobal(s.name, s);
  for (const r of schema.routines ?? []) addGlobal(r.name, r);
  // Extensions are few and change rarely: every key takes all of them.
  const extensions = contentText(schema.extensions);
  const globalNames: ReadonlySet<string> = new Set(namedGlobals.keys());
  const globalsNamedIn = (value: unknown): string => {
    const names = namesIn(value, globalNames);
    const parts = [...namedGlobals.entries()].filter(([name]) => names.has(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return contentText({ extensions, globals: parts });
  };

  // Partition trees: every table to its root.
  const tablesByKey = new Map(schema.tables.map((t) => [relationKey(t.schema, t.name), t]));
  const rootOf = (t: Table): Table => {
    let current = t;
    for (let depth = 0; current.partitionOf && depth < 64; depth++) {
      const parent = tablesByKey.get(relationKey(current.schema, current.partitionOf.table));
      if (!parent) break;
      current = parent;
    }
    return current;
  };
  const trees = new Map<string, Table[]>();
  for (const t of schema.tables) {
    const root = rootOf(t);
    const key = relationKey(root.schema, root.name);
    const tree = trees.get(key) ?? [];
    if (t === root) tree.unshift(t);
    else tree.push(t);
    trees.set(key, tree);
  }
  const treeOf = new Map<string, string>();
  for (const [root, tree] of trees) for (const t of tree) treeOf.set(relationKey(t.schema, t.name), root);

  // Relations by bare name, to resolve what SQL text mentions (any schema: an over-approximation).
  const relationsByName = new Map<string, string[]>();
  const addRelation = (schemaName: string, name: string): void => {
    const list = relationsByName.get(name) ?? [];
    list.push(relationKey(schemaName, name));
    relationsByName.set(name, list);
  };
  for (const t of schema.tables) addRelation(t.schema, t.name);
  for (const v of schema.views) addRelation(v.schema, v.name);
  const mentioned = (sql: readonly string[]): Set<string> => {
    const found = new Set<string>();
    for (const text of sql) for (const word of identifiersIn(text)) for (const r of relationsByName.get(word) ?? []) found.add(r);
    return found;
  };

  const grantsByRelation = new Map<string, Grant[]>();
  for (const g of schema.grants ?? []) {
    if (!isRelationGrant(g)) continue;
    const key = relationKey(g.schema, g.name);
    const list = grantsByRelation.get(key) ?? [];
    list.push(g);
    grantsByRelation.set(key, list);
  }

  const viewKeys = new Set(schema.views.map((v) => relationKey(v.schema, v.name)));
  /** A needed relation, as the unit that holds it: a partition stands for its whole tree. */
  const unitRelation = (relation: string): string => treeOf.get(relation) ?? relation;

  interface Draft { id: string; relation: string; tables: Table[]; views: View[]; grants: Grant[]; needs: Set<string>; content: unknown }
  const drafts: Draft[] = [];
  for (const [root, tree] of trees) {
    const needs = new Set<string>();
    for (const t of tree) {
      for (const fk of t.foreignKeys) needs.add(unitRelation(relationKey(fk.references.schema, fk.references.table)));
      for (const r of mentioned((t.policies ?? []).flatMap((p) => [p.using?.sql ?? '', p.withCheck?.sql ?? '']))) needs.add(unitRelation(r));
    }
    needs.delete(root);
    const grants = tree.flatMap((t) => grantsByRelation.get(relationKey(t.schema, t.name)) ?? []);
    drafts.push({ id: `table:${tree[0]!.schema}.${tree[0]!.name}`, relation: root, tables: tree, views: [], grants, needs, content: { tables: tree, grants } });
  }
  for (const v of schema.views) {
    const relation = relationKey(v.schema, v.name);
    const needs = new Set([...mentioned([v.query.sql])].map(unitRelation));
    needs.delete(relation);
    const grants = grantsByRelation.get(relation) ?? [];
    drafts.push({ id: `view:${v.schema}.${v.name}`, relation, tables: [], views: [v], grants, needs, content: { views: [v], grants } });
  }

  // Keys: own content, the globals named, and for views the content of what they read (transitively).
  const draftByRelation = new Map(drafts.map((d) => [d.relation, d]));
  const keys = new Map<string, string>();
  const keyOf = (d: Draft, visiting: Set<string>): string => {
    const known = keys.get(d.relation);
    if (known) return known;
    const readContent: string[] = [];
    if (viewKeys.has(d.relation) && !visiting.has(d.relation)) {
      visiting.add(d.relation);
      for (const need of [...d.needs].sort()) {
        const other = draftByRelation.get(need);
        if (other) readContent.push(viewKeys.has(need) ? keyOf(other, visiting) : hash(contentText(readByView(other.tables, d.views[0]!.query.sql))));
      }
      visiting.delete(d.relation);
    }
    const key = hash(`${version}\n${d.id}\n${contentText(d.content)}\n${globalsNamedIn(d.content)}\n${readContent.join('\n')}`);
    keys.set(d.relation, key);
    return key;
  };
  const units = drafts.map((d): NormalizeUnit => ({
    id: d.id,
    tables: d.tables,
    views: d.views,
    grants: d.grants,
    needs: [...d.needs].filter((n) => draftByRelation.has(n)).sort(),
    key: keyOf(d, new Set()),
  }));
  return { globalsKey, units, globalsNamedIn };
}

/**
 * What a view's stored form can take from a table it reads: the columns its text names (every
 * column when it has `*` or a NATURAL join) without their comments, and the keys (a primary key
 * lets it group by the key alone). A column added that the view does not name leaves the view's
 * key, and its cached form, as they were.
 */
function readByView(tables: readonly Table[], sql: string): unknown {
  const words = identifiersIn(sql);
  const everyColumn = sql.includes('*') || words.has('natural');
  return tables.map((t) => ({
    schema: t.schema,
    name: t.name,
    columns: t.columns
      .filter((c) => everyColumn || words.has(c.name))
      .map(({ comment: _comment, compliance: _compliance, renamedFrom: _renamed, ...c }) => c),
    primaryKey: t.primaryKey?.columns ?? null,
    uniques: t.uniques.map((u) => u.columns),
  }));
}

/**
 * A table reduced to what others need of it to be created: its columns (without comments) and
 * the keys a foreign key can reference. Its partitions come along as plain partitions.
 */
export function stubTable(t: Table): Table {
  const { comment: _comment, compliance: _compliance, rowLevelSecurity: _rls, renamedFrom: _renamed, ...rest } = t;
  return {
    ...rest,
    columns: t.columns.map(({ comment: _c, renamedFrom: _r, ...c }) => c),
    checks: [],
    foreignKeys: [],
    exclusions: [],
    triggers: [],
    policies: [],
    indexes: t.indexes.filter((i) => i.unique && !i.where).map(({ comment: _c, renamedFrom: _r, ...i }) => i),
    uniques: t.uniques.map(({ comment: _c, ...u }) => u),
    ...(t.primaryKey ? { primaryKey: (({ comment: _c, ...pk }) => pk)(t.primaryKey) } : {}),
  };
}

/** Byte order of UTF-8 (PostgreSQL's "C" collation), which introspection sorts by. */
export function compareC(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
