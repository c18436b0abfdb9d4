/**
 * Optional parts of a schema: tables that require an optional extension (`extension('vector',
 * { optional: 'document embeddings' })` and `table(…, { requires: ['vector'] })`), with their
 * partitions and the views that read them. On a server that lacks the extension the part is
 * skipped — by apply, drift, verify and plan alike — and said so, instead of failing everything.
 */
import { referencedRelations } from '../expr/index.js';
import type { Schema, Table } from './types.js';

const key = (schema: string, name: string): string => `${schema}\0${name}`;

/** The optional extensions each table needs (its own `requires`, or its parent's), by schema\0name. */
export function tableRequirements(schema: Schema): Map<string, readonly string[]> {
  const optional = new Set(schema.extensions.filter((x) => x.optional).map((x) => x.name));
  const byKey = new Map(schema.tables.map((t) => [key(t.schema, t.name), t]));
  const needs = (t: Table): readonly string[] => {
    const own = (t.requires ?? []).filter((r) => optional.has(r));
    const parent = t.partitionOf ? byKey.get(key(t.schema, t.partitionOf.table)) : undefined;
    return [...new Set([...own, ...(parent ? needs(parent) : [])])].sort();
  };
  const out = new Map<string, readonly string[]>();
  for (const t of schema.tables) {
    const n = needs(t);
    if (n.length > 0) out.set(key(t.schema, t.name), n);
  }
  return out;
}

/** The optional extensions each view needs: those of the tables (and views) it reads. */
export function viewRequirements(schema: Schema, tables: ReadonlyMap<string, readonly string[]>): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  // A view needs only what the tables it reads need: when no table needs anything, no view does
  // (and no view query has to be parsed to find out).
  if (tables.size === 0) return out;
  for (let grew = true; grew;) {
    grew = false;
    for (const v of schema.views) {
      const k = key(v.schema, v.name);
      const needs = new Set(out.get(k) ?? []);
      const before = needs.size;
      for (const r of referencedRelations(v.query.sql)) {
        const read = key(r.schema ?? 'public', r.name);
        for (const e of [...(tables.get(read) ?? []), ...(out.get(read) ?? [])]) needs.add(e);
      }
      if (needs.size > before) {
        out.set(k, [...needs].sort());
        grew = true;
      }
    }
  }
  return out;
}

export interface SkippedPart {
  readonly extension: string;
  /** What the declarations say is lost without it. */
  readonly what: string;
  /** Object paths left out. */
  readonly objects: readonly string[];
}

/**
 * The schema without the parts whose optional extension is not available, and what was left out.
 * Views reading a skipped table are skipped with it.
 */
export function withoutUnavailableParts(schema: Schema, available: (extension: string) => boolean): { schema: Schema; skipped: SkippedPart[] } {
  const missing = schema.extensions.filter((x) => x.optional && !available(x.name));
  if (missing.length === 0) return { schema, skipped: [] };
  const gone = new Set(missing.map((x) => x.name));
  const requirements = tableRequirements(schema);
  const skippedTables = new Set([...requirements].filter(([, r]) => r.some((e) => gone.has(e))).map(([k]) => k));
  const skippedViews = new Set([...viewRequirements(schema, requirements)].filter(([, r]) => r.some((e) => gone.has(e))).map(([k]) => k));
  const dropped = new Set([...skippedTables, ...skippedViews]);
  const skipped = missing.map((x) => ({
    extension: x.name,
    what: x.optional!,
    objects: [
      `extension:${x.name}`,
      ...schema.tables.filter((t) => skippedTables.has(key(t.schema, t.name)) && (requirements.get(key(t.schema, t.name)) ?? []).includes(x.name)).map((t) => `table:${t.schema}.${t.name}`),
      ...schema.views.filter((v) => skippedViews.has(key(v.schema, v.name))).map((v) => `view:${v.schema}.${v.name}`),
    ],
  }));
  return {
    schema: {
      ...schema,
      extensions: schema.extensions.filter((x) => !gone.has(x.name)),
      tables: schema.tables.filter((t) => !skippedTables.has(key(t.schema, t.name))),
      views: schema.views.filter((v) => !skippedViews.has(key(v.schema, v.name))),
      ...(schema.grants ? { grants: schema.grants.filter((g) => !(g.kind === 'table' && dropped.has(key(g.schema, g.name)))) } : {}),
    },
    skipped,
  };
}
