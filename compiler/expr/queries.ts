/**
 * View queries: validation (exactly one SELECT), canonical comparison, and the relations a query
 * reads (for ordering views after what they depend on).
 */
import { canonicalize, stableStringify } from './canonical.js';
import { parseSql, type ParseError, type ParseNode } from './parser.js';

type Node = Record<string, unknown>;

function parseQuery(sql: string): { ok: true; tree: ParseNode } | { ok: false; error: ParseError } {
  const parsed = parseSql(sql);
  if (!parsed.ok) return parsed;
  if (parsed.statements.length !== 1 || !('SelectStmt' in parsed.statements[0]!)) {
    return { ok: false, error: { message: 'a view query must be exactly one SELECT (or VALUES) statement', position: 0 } };
  }
  return { ok: true, tree: parsed.statements[0]! };
}

/** Why a view query is not a single SELECT, or undefined. */
export function queryError(sql: string): ParseError | undefined {
  const parsed = parseQuery(sql.trim().replace(/;\s*$/, ''));
  return parsed.ok ? undefined : parsed.error;
}

/**
 * RangeVar schema qualification `public.` is dropped like function qualification. In a query over
 * a single relation, column qualifiers naming it are dropped too: servers differ in whether they
 * print them (PostgreSQL 15 writes `items.id`, 18 writes `id`).
 */
function canonicalQueryTree(node: unknown): unknown {
  const relations = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (!value || typeof value !== 'object') return;
    const rangeVar = (value as Node)['RangeVar'] as Node | undefined;
    if (rangeVar) relations.add(String(((rangeVar['alias'] as Node | undefined)?.['aliasname'] as string | undefined) ?? rangeVar['relname']));
    Object.values(value as Node).forEach(collect);
  };
  collect(node);
  const only = relations.size === 1 ? [...relations][0] : undefined;
  const canonical = canonicalize(node);
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!value || typeof value !== 'object') return value;
    const out: Node = {};
    for (const [key, item] of Object.entries(value as Node)) out[key] = strip(item);
    const fields = out['ColumnRef'] as { String?: { sval?: string } }[] | undefined;
    if (only !== undefined && Array.isArray(fields) && fields.length === 2 && fields[0]?.String?.sval === only) out['ColumnRef'] = fields.slice(1);
    if ('RangeVar' in out) {
      const rangeVar = { ...(out['RangeVar'] as Node) };
      if (rangeVar['schemaname'] === 'public') delete rangeVar['schemaname'];
      delete rangeVar['inh'];
      delete rangeVar['relpersistence'];
      out['RangeVar'] = rangeVar;
    }
    return out;
  };
  return strip(canonical);
}

const queryCache = new Map<string, string>();

/** Canonical key of a view query; equal keys mean the same query. */
export function canonicalQuery(sql: string): string {
  let key = queryCache.get(sql);
  if (key === undefined) {
    const parsed = parseQuery(sql.trim().replace(/;\s*$/, ''));
    key = parsed.ok ? stableStringify(canonicalQueryTree(parsed.tree)) : `unparsed:${sql.trim()}`;
    queryCache.set(sql, key);
  }
  return key;
}

export const queriesEqual = (a: string, b: string): boolean => a.trim() === b.trim() || canonicalQuery(a) === canonicalQuery(b);

export interface RelationReference {
  readonly schema: string | undefined;
  readonly name: string;
}

/** Tables and views a query reads (FROM, JOIN, subqueries), without its own CTE names. */
export function referencedRelations(sql: string): RelationReference[] {
  const parsed = parseQuery(sql.trim().replace(/;\s*$/, ''));
  if (!parsed.ok) return [];
  const found = new Map<string, RelationReference>();
  const cteNames = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    const cte = node['CommonTableExpr'] as Node | undefined;
    if (cte && typeof cte['ctename'] === 'string') cteNames.add(cte['ctename']);
    const rangeVar = node['RangeVar'] as Node | undefined;
    if (rangeVar && typeof rangeVar['relname'] === 'string') {
      const schema = rangeVar['schemaname'] as string | undefined;
      found.set(`${schema ?? ''}\0${rangeVar['relname']}`, { schema, name: rangeVar['relname'] });
    }
    Object.values(node).forEach(visit);
  };
  visit(parsed.tree);
  return [...found.values()].filter((r) => r.schema !== undefined || !cteNames.has(r.name));
}

/** An output column of a view query: its name, and whether it is a plain column reference. */
export interface QueryOutput {
  readonly name: string;
  /** `col` or `alias.col`: the value of a table column, classified where that column is. */
  readonly plain: boolean;
}

/**
 * The output columns of a query's top-level SELECT list (`*` expands to nothing here: it is
 * plain columns of the tables read). Unnamed expressions get PostgreSQL's name for them: the
 * function name, or `?column?`. Set operations use their first branch.
 */
export function queryOutputs(sql: string): QueryOutput[] {
  const parsed = parseQuery(sql.trim().replace(/;\s*$/, ''));
  if (!parsed.ok) return [];
  let select = parsed.tree['SelectStmt'] as Node;
  while (select['larg']) select = select['larg'] as Node;
  const targets = (select['targetList'] as Node[] | undefined) ?? [];
  return targets.flatMap((target): QueryOutput[] => {
    const rt = target['ResTarget'] as Node;
    const value = rt['val'] as Node;
    const ref = value['ColumnRef'] as Node | undefined;
    const fields = (ref?.['fields'] as Node[] | undefined) ?? [];
    if (fields.some((f) => 'A_Star' in f)) return [];
    const last = fields.at(-1)?.['String'] as { sval?: string } | undefined;
    const call = (value['FuncCall'] as Node | undefined)?.['funcname'] as Node[] | undefined;
    const callName = (call?.at(-1)?.['String'] as { sval?: string } | undefined)?.sval;
    const name = (rt['name'] as string | undefined) ?? last?.sval ?? callName ?? '?column?';
    return [{ name, plain: ref !== undefined }];
  });
}
