/**
 * Constants are stored by PostgreSQL in its own output format: `'2 hours'` reads back as
 * `'02:00:00'::interval`, `'{"a": 1}'` as `'{"a":1}'::jsonb`, `'{"x"}'` as `'{x}'::text[]`. No parse
 * tree can know that; the type's own input/output functions can. So, before comparing declared
 * and live defaults, both sides' constant defaults are evaluated by the same server, in one batched
 * read-only query, and replaced by the literal the server prints.
 */
import { canonicalize, parseExpression, stableStringify } from './canonical.js';
import type { Column, ColumnType, Index, Schema, Table } from '../model/types.js';

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

type Node = Record<string, unknown>;

/** The constants of a canonical tree, in order, and its shape with each constant as a placeholder. */
function constantsAndShape(sql: string): { constants: string[]; shape: string } | undefined {
  const parsed = parseExpression(sql.trim());
  if (!parsed.ok) return undefined;
  const constants: string[] = [];
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== 'object') return node;
    const n = node as Node;
    if (typeof n['A_Const'] === 'string' && Object.keys(n).length === 1) {
      constants.push(n['A_Const']);
      return { A_Const: '?' };
    }
    return Object.fromEntries(Object.entries(n).map(([k, v]) => [k, strip(v)]));
  };
  const shape = stableStringify(strip(canonicalize(parsed.tree)));
  return { constants, shape };
}

/** The type of a cast's TypeName as a column type (`'…'::timestamp(3) without time zone`), or undefined when unsure. */
function castType(typeName: Node): ColumnType | undefined {
  const names = ((typeName['names'] as { String?: { sval?: string } }[] | undefined) ?? []).map((n) => n.String?.sval);
  if (names.length === 0 || names.length > 2 || names.some((n) => n === undefined) || typeName['setof'] || typeName['pct_type']) return undefined;
  const typmods = (typeName['typmods'] as Node[] | undefined) ?? [];
  const values = typmods.map((m) => {
    const constant = m['A_Const'] as Node | undefined;
    return constant && 'ival' in constant ? (constant['ival'] as { ival?: number }).ival ?? 0 : undefined;
  });
  const name = names.at(-1)!;
  // Interval field restrictions (interval day) are typmods too, but not written as (n).
  if (values.some((v) => v === undefined) || (values.length > 0 && name === 'interval')) return undefined;
  return {
    schema: names.length === 2 ? names[0]! : 'pg_catalog',
    name,
    isArray: Array.isArray(typeName['arrayBounds']) && (typeName['arrayBounds'] as unknown[]).length > 0,
    ...(values.length > 0 ? { modifiers: `(${values.join(',')})` } : {}),
  };
}

/** The type a stored expression casts the constant `text` to (`'2000-01-01 00:00:00'::timestamp`), if one. */
function typeOfConstant(sql: string, text: string): ColumnType | undefined {
  const parsed = parseExpression(sql.trim());
  if (!parsed.ok) return undefined;
  const found: ColumnType[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const cast = (node as Node)['TypeCast'] as Node | undefined;
    const arg = cast?.['arg'] as Node | undefined;
    const constant = canonicalize(arg) as { A_Const?: unknown } | undefined;
    if (cast && arg && 'A_Const' in arg && constant?.A_Const === text) {
      const type = castType(cast['typeName'] as Node);
      if (type) found.push(type);
    }
    Object.values(node as Node).forEach(visit);
  };
  visit(parsed.tree);
  const keys = new Set(found.map((t) => JSON.stringify(t)));
  return keys.size === 1 ? found[0] : undefined;
}

/** A declared expression and the stored one it should equal: CHECKs, index predicates and expressions. */
interface ExpressionPair {
  readonly declared: string;
  readonly live: string;
  /** The live schema with the stored expression replaced by `sql`. */
  readonly replace: (schema: Schema, sql: string) => Schema;
}

function expressionPairs(declared: Schema, live: Schema): ExpressionPair[] {
  const pairs: ExpressionPair[] = [];
  const mapTable = (schema: Schema, key: string, f: (t: Table) => Table): Schema =>
    ({ ...schema, tables: schema.tables.map((t) => (`${t.schema}\0${t.name}` === key ? f(t) : t)) });
  for (const lt of live.tables) {
    const key = `${lt.schema}\0${lt.name}`;
    const dt = declared.tables.find((t) => `${t.schema}\0${t.name}` === key);
    if (!dt) continue;
    for (const lc of lt.checks) {
      const dc = dt.checks.find((c) => c.name === lc.name);
      if (dc) pairs.push({ declared: dc.expression.sql, live: lc.expression.sql, replace: (s, sql) => mapTable(s, key, (t) => ({ ...t, checks: t.checks.map((c) => (c.name === lc.name ? { ...c, expression: { ...c.expression, sql } } : c)) })) });
    }
    for (const li of lt.indexes) {
      const di = dt.indexes.find((i) => i.name === li.name);
      if (!di) continue;
      const mapIndex = (s: Schema, f: (i: Index) => Index): Schema => mapTable(s, key, (t) => ({ ...t, indexes: t.indexes.map((i) => (i.name === li.name ? f(i) : i)) }));
      if (di.where && li.where) pairs.push({ declared: di.where.sql, live: li.where.sql, replace: (s, sql) => mapIndex(s, (i) => ({ ...i, where: { ...i.where!, sql } })) });
      li.keys.forEach((lk, k) => {
        const dk = di.keys[k];
        if (dk?.expression && lk.expression) {
          pairs.push({ declared: dk.expression.sql, live: lk.expression.sql, replace: (s, sql) => mapIndex(s, (i) => ({ ...i, keys: i.keys.map((x, j) => (j === k ? { ...x, expression: { ...x.expression!, sql } } : x)) })) });
        }
      });
    }
  }
  return pairs;
}

/**
 * Without the dev database: CHECKs, index predicates and index expressions that differ only in
 * how their constants are written — declared `at > '2000-01-01'`, stored `(at > '2000-01-01
 * 00:00:00'::timestamp without time zone)`; `interval '0 seconds'`, stored `'00:00:00'::interval`
 * — compared by the server. Each pair of differing constants is read as the type the stored one is
 * cast to and printed (`('2000-01-01')::timestamp::text`); when every pair prints the same, the
 * stored expression takes the declared text (they mean the same). Returns the live schema.
 */
export async function normalizeTypedConstants(
  declared: Schema,
  live: Schema,
  evaluate: ConstantEvaluator,
  literal: (value: string) => string,
): Promise<Schema> {
  const candidates = expressionPairs(declared, live).flatMap((pair) => {
    if (pair.declared === pair.live) return [];
    const [d, l] = [constantsAndShape(pair.declared), constantsAndShape(pair.live)];
    if (!d || !l || d.shape !== l.shape || d.constants.length !== l.constants.length) return [];
    const differing = d.constants.flatMap((text, i) => (text === l.constants[i] ? [] : [{ declared: text, live: l.constants[i]! }]));
    if (differing.length === 0) return [];
    const typed = differing.map((c) => ({ ...c, type: typeOfConstant(pair.live, c.live) }));
    if (typed.some((c) => c.type === undefined)) return [];
    return [{ pair, sites: typed.flatMap((c): ConstantSite[] => [{ sql: literal(c.declared), type: c.type! }, { sql: literal(c.live), type: c.type! }]) }];
  });
  if (candidates.length === 0) return live;
  const values = await evaluate(candidates.flatMap((c) => c.sites));
  let offset = 0;
  let result = live;
  for (const { pair, sites } of candidates) {
    const printed = values.slice(offset, offset + sites.length);
    offset += sites.length;
    const same = printed.every((v, i) => v !== null && (i % 2 === 1 || v === printed[i + 1]));
    if (same) result = pair.replace(result, pair.declared);
  }
  return result;
}
