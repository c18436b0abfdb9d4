/**
 * Which objects a project manages: `include`/`exclude` filters by PostgreSQL schema, by table (or
 * view) name pattern and by object kind, applied the same way to the declarations and to a live
 * database — so an excluded schema or table is neither created nor reported as drift.
 *
 *   include: { schemas: ['app', 'billing'] }
 *   exclude: { tables: ['tmp_*', 'app.legacy_*'], kinds: ['grant'] }
 */
import type { Schema } from './types.js';

/** Object kinds a filter can name. */
export type FilterKind = 'table' | 'view' | 'enum' | 'domain' | 'type' | 'sequence' | 'function' | 'trigger' | 'policy' | 'grant' | 'extension';
export const FILTER_KINDS: readonly FilterKind[] = ['table', 'view', 'enum', 'domain', 'type', 'sequence', 'function', 'trigger', 'policy', 'grant', 'extension'];

export interface ObjectFilter {
  readonly schemas?: readonly string[];
  /** `name` or `schema.name` patterns; `*` matches any run of characters. */
  readonly tables?: readonly string[];
  readonly kinds?: readonly FilterKind[];
}

export interface Filters {
  readonly include?: ObjectFilter;
  readonly exclude?: ObjectFilter;
}

const pattern = (glob: string): RegExp => new RegExp(`^${glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

function matchesName(patterns: readonly string[], schema: string, name: string): boolean {
  return patterns.some((p) => {
    const re = pattern(p);
    return p.includes('.') ? re.test(`${schema}.${name}`) : re.test(name);
  });
}

/** Is an object of this kind, schema and name managed under the filters? */
export function managed(filters: Filters, kind: FilterKind, schema: string, name?: string): boolean {
  const { include, exclude } = filters;
  if (include?.kinds && !include.kinds.includes(kind)) return false;
  if (exclude?.kinds?.includes(kind)) return false;
  if (schema !== '' && include?.schemas && !include.schemas.includes(schema)) return false;
  if (schema !== '' && exclude?.schemas?.includes(schema)) return false;
  if (name !== undefined && (kind === 'table' || kind === 'view')) {
    if (include?.tables && !matchesName(include.tables, schema, name)) return false;
    if (exclude?.tables && matchesName(exclude.tables, schema, name)) return false;
  }
  return true;
}

const isEmpty = (f: Filters): boolean => !f.include && !f.exclude;

/** The part of a schema the filters manage. */
export function filterSchema(schema: Schema, filters: Filters): Schema {
  if (isEmpty(filters)) return schema;
  const keep = (kind: FilterKind, s: string, name?: string) => managed(filters, kind, s, name);
  const tables = schema.tables
    .filter((t) => keep('table', t.schema, t.partitionOf?.table ?? t.name))
    .map((t) => ({
      ...t,
      ...(t.triggers && !keep('trigger', t.schema) ? { triggers: [] } : {}),
      ...(t.policies && !keep('policy', t.schema) ? { policies: [] } : {}),
    }));
  const relations = new Set([...tables.map((t) => `${t.schema}.${t.name}`), ...schema.views.filter((v) => keep('view', v.schema, v.name)).map((v) => `${v.schema}.${v.name}`)]);
  return {
    ...schema,
    namespaces: schema.namespaces.filter((n) => managed(filters, 'table', n.name) || managed(filters, 'view', n.name)),
    extensions: schema.extensions.filter((x) => keep('extension', x.schema)),
    enums: schema.enums.filter((e) => keep('enum', e.schema)),
    tables,
    views: schema.views.filter((v) => keep('view', v.schema, v.name)),
    ...(schema.routines ? { routines: schema.routines.filter((r) => keep('function', r.schema)) } : {}),
    ...(schema.domains ? { domains: schema.domains.filter((d) => keep('domain', d.schema)) } : {}),
    ...(schema.composites ? { composites: schema.composites.filter((c) => keep('type', c.schema)) } : {}),
    ...(schema.sequences ? { sequences: schema.sequences.filter((q) => keep('sequence', q.schema)) } : {}),
    ...(schema.grants
      ? { grants: schema.grants.filter((g) => keep('grant', g.schema) && (g.kind !== 'table' || relations.has(`${g.schema}.${g.name}`))) }
      : {}),
  };
}
