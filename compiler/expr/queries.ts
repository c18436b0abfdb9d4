/**
 * View queries: validation (exactly one SELECT), canonical comparison, and the relations a query
 * reads (for ordering views after what they depend on).
 */
import { canonicalize, stableStringify } from './canonical.js';
import { parseSql, type ParseError, type ParseNode } from './parser.js';
import { remembered } from './remembered.js';

type Node = Record<string, unknown>;

/** A view query as written (surrounding space and a final `;` ignored): exactly one SELECT. */
function parseQuery(sql: string): { ok: true; tree: ParseNode } | { ok: false; error: ParseError } {
  const parsed = parseSql(sql.trim().replace(/;\s*$/, ''));
  if (!parsed.ok) return parsed;
  if (parsed.statements.length !== 1 || !('SelectStmt' in parsed.statements[0]!)) {
    return { ok: false, error: { message: 'a view query must be exactly one SELECT (or VALUES) statement', position: 0 } };
  }
  return { ok: true, tree: parsed.statements[0]! };
}

/** Why a view query is not a single SELECT, or undefined. */
export function queryError(sql: string): ParseError | undefined {
  if (remembered('validQuery', sql, () => (parseQuery(sql).ok ? true : undefined))) return undefined;
  const parsed = parseQuery(sql);
  return parsed.ok ? undefined : parsed.error;
}

/**
 * RangeVar schema qualification `public.` is dropped like function qualification. Column
 * qualifiers naming the only relation of their own SELECT level are dropped too: servers differ in
 * whether they print them (PostgreSQL 15 writes `items.id`, 18 writes `id`), also in a query whose
 * subqueries read other relations. A qualifier naming a relation of an enclosing level (a
 * correlated reference) is kept: it is what tells the two apart.
 */
function canonicalQueryTree(node: unknown): unknown {
  return stripQualifiers(canonicalize(node), undefined);
}

/** The alias (or name) of the only relation in a SELECT's own FROM list, if it has exactly one. */
function soleRelation(select: Node): string | undefined {
  const from = (select['fromClause'] as Node[] | undefined) ?? [];
  if (from.length !== 1) return undefined;
  const rangeVar = from[0]!['RangeVar'] as Node | undefined;
  if (!rangeVar) return undefined;
  return String(((rangeVar['alias'] as Node | undefined)?.['aliasname'] as string | undefined) ?? rangeVar['relname']);
}

function stripQualifiers(value: unknown, sole: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => stripQualifiers(item, sole));
  if (!value || typeof value !== 'object') return value;
  const node = value as Node;
  // A SELECT starts a level of its own: its sole relation, if any, is the one that may go unnamed.
  const level = 'SelectStmt' in node ? soleRelation(node['SelectStmt'] as Node) : undefined;
  const inner = 'SelectStmt' in node ? level : sole;
  const out: Node = {};
  for (const [key, item] of Object.entries(node)) out[key] = stripQualifiers(item, inner);
  const fields = out['ColumnRef'] as { String?: { sval?: string } }[] | undefined;
  if (sole !== undefined && Array.isArray(fields) && fields.length === 2 && fields[0]?.String?.sval === sole) out['ColumnRef'] = fields.slice(1);
  if ('RangeVar' in out) {
    const rangeVar = { ...(out['RangeVar'] as Node) };
    if (rangeVar['schemaname'] === 'public') delete rangeVar['schemaname'];
    delete rangeVar['inh'];
    delete rangeVar['relpersistence'];
    out['RangeVar'] = rangeVar;
  }
  return out;
}

const queryCache = new Map<string, string>();

/** Canonical key of a view query; equal keys mean the same query. */
export function canonicalQuery(sql: string): string {
  let key = queryCache.get(sql);
  if (key === undefined) {
    const parsed = parseQuery(sql);
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
  const relations = remembered('referencedRelations', sql, () => {
    const parsed = parseQuery(sql);
    return parsed.ok ? readRelations(parsed.tree) : undefined;
  });
  // Remembered as JSON: a relation without a schema has none (not `schema: undefined`).
  return (relations ?? []).map((r) => ({ schema: r.schema ?? undefined, name: r.name }));
}

function readRelations(tree: ParseNode): RelationReference[] {
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
  visit(tree);
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
  const parsed = parseQuery(sql);
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
