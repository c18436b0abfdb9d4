/**
 * Constants are stored by PostgreSQL in its own output format: `'2 hours'` reads back as
 * `'02:00:00'::interval`, `'{"a": 1}'` as `'{"a":1}'::jsonb`, `'{"x"}'` as `'{x}'::text[]`. No parse
 * tree can know that; the type's own input/output functions can. So, before comparing declared
 * and live defaults, both sides' constant defaults are evaluated by the same server, in one batched
 * read-only query, and replaced by the literal the server prints.
 */
import { canonicalize, parseExpression } from './canonical.js';
import type { Column, ColumnType, Schema } from '../model/types.js';

/** Is this expression a single constant (possibly cast), such as `'a'`, `0`, `'{}'::jsonb`? */
export function isConstantExpression(sql: string): boolean {
  const parsed = parseExpression(sql);
  if (!parsed.ok) return false;
  const tree = canonicalize(parsed.tree) as { A_Const?: unknown };
  return tree !== null && typeof tree === 'object' && 'A_Const' in tree && tree.A_Const !== 'NULL';
}

export interface ConstantSite {
  readonly sql: string;
  readonly type: ColumnType;
}

/** Evaluates `(sql)::type::text` for each site; null where it could not (the site is left as is). */
export type ConstantEvaluator = (sites: readonly ConstantSite[]) => Promise<readonly (string | null)[]>;

const siteKey = (s: ConstantSite): string => `${s.type.schema ?? ''}\0${s.type.name}\0${s.type.isArray}\0${s.sql}`;

function constantColumns(schema: Schema): ConstantSite[] {
  return schema.tables.flatMap((t) => t.columns.filter((c) => c.default && isConstantExpression(c.default.sql)).map((c) => ({ sql: c.default!.sql, type: c.type })));
}

/**
 * Replace constant defaults in all `schemas` by the server's rendering, `literal(value)`. Sites
 * the evaluator cannot handle keep their text. Returns the schemas in the same order.
 */
export async function normalizeConstantDefaults(
  schemas: readonly Schema[],
  evaluate: ConstantEvaluator,
  literal: (value: string) => string,
): Promise<Schema[]> {
  const unique = new Map<string, ConstantSite>();
  for (const schema of schemas) for (const site of constantColumns(schema)) unique.set(siteKey(site), site);
  if (unique.size === 0) return [...schemas];
  const sites = [...unique.values()];
  const values = await evaluate(sites);
  const rendered = new Map(sites.map((site, i) => [siteKey(site), values[i]]));
  const normalizeColumn = (c: Column): Column => {
    if (!c.default) return c;
    const value = rendered.get(siteKey({ sql: c.default.sql, type: c.type }));
    return value === undefined || value === null ? c : { ...c, default: { sql: literal(value) } };
  };
  return schemas.map((schema) => ({ ...schema, tables: schema.tables.map((t) => ({ ...t, columns: t.columns.map(normalizeColumn) })) }));
}
