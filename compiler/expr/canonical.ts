/**
 * Canonical form of SQL expressions, so that what a user declares and what PostgreSQL reads back
 * compare equal when they mean the same thing. Both sides go through the same function:
 *
 *   declared  price > 0                     read back  (price > (0)::numeric)
 *   declared  status IN ('a', 'b')          read back  ((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))
 *   declared  CURRENT_TIMESTAMP             read back  CURRENT_TIMESTAMP   (≡ now())
 *   declared  'member'                      read back  'member'::public.user_role
 *
 * The canonical form is PostgreSQL's raw parse tree with positions removed and with the rewrites
 * PostgreSQL's analyser applies undone on both sides: implicit casts of constants, column
 * references and constant arrays; IN → = ANY (ARRAY[…]); BETWEEN → AND of comparisons; LIKE as its
 * operator; CURRENT_TIMESTAMP → now(); `pg_catalog.`/`public.` qualification of functions, types
 * and operators; nested AND/OR flattened. Never regular expressions over SQL text.
 */
import { parseSql, type ParseError, type ParseNode } from './parser.js';

const SELECT_PREFIX = 'SELECT ';

export type ExpressionParse =
  | { readonly ok: true; readonly tree: ParseNode }
  | { readonly ok: false; readonly error: ParseError };

/**
 * Parse a single SQL value expression. Rejects anything that is not exactly one expression
 * (`1; DROP TABLE x`, `a FROM t`, `1, 2`).
 */
export function parseExpression(sql: string): ExpressionParse {
  const result = parseSql(SELECT_PREFIX + sql);
  if (!result.ok) {
    const position = Math.max(0, result.error.position - SELECT_PREFIX.length);
    return { ok: false, error: { message: result.error.message, position } };
  }
  const notOne = { ok: false as const, error: { message: 'expected exactly one SQL expression', position: 0 } };
  if (result.statements.length !== 1) return notOne;
  const select = (result.statements[0] as { SelectStmt?: Record<string, unknown> }).SelectStmt;
  if (!select) return notOne;
  const extraClauses = Object.keys(select).filter((k) => !['targetList', 'limitOption', 'op'].includes(k));
  const targets = select['targetList'] as { ResTarget: { val: ParseNode; name?: string } }[] | undefined;
  if (extraClauses.length > 0 || !targets || targets.length !== 1 || targets[0]!.ResTarget.name) return notOne;
  return { ok: true, tree: targets[0]!.ResTarget.val };
}

type Node = Record<string, unknown>;

const IGNORED_FIELDS = new Set(['location', 'funcformat', 'row_format', 'typemod']);
const DEFAULT_QUALIFIERS = new Set(['pg_catalog', 'public']);

function names(list: unknown): string[] {
  return ((list as { String?: { sval?: string } }[] | undefined) ?? []).map((n) => n.String?.sval ?? '');
}

function nameList(values: readonly string[]): Node[] {
  return values.map((sval) => ({ String: { sval } }));
}

function unqualified(list: unknown): Node[] {
  const parts = names(list);
  const keep = parts.length > 1 && DEFAULT_QUALIFIERS.has(parts[0]!) ? parts.slice(1) : parts;
  return nameList(keep);
}

function constantText(constant: Node): string {
  if (constant['isnull']) return 'NULL';
  const pick = (key: string): unknown => (constant[key] as Node | undefined)?.[key];
  if (constant['ival']) return String(pick('ival') ?? 0);
  if (constant['fval']) return String(pick('fval'));
  if (constant['boolval']) return String(pick('boolval') ?? false);
  if (constant['sval']) return String(pick('sval') ?? '');
  if (constant['bsval']) return String(pick('bsval') ?? '');
  return '';
}

/** Nodes whose casts PostgreSQL adds implicitly, so a cast around them is not significant. */
function isCastTransparent(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false;
  const n = node as Node;
  if ('A_Const' in n || 'ColumnRef' in n) return true;
  if ('A_ArrayExpr' in n) {
    const elements = ((n['A_ArrayExpr'] as Node)['elements'] as unknown[] | undefined) ?? [];
    return elements.every(isCastTransparent);
  }
  return false;
}

function canonicalNode(kind: string, body: Node): Node | undefined {
  switch (kind) {
    case 'TypeCast': {
      const arg = canonicalize(body['arg']);
      if (isCastTransparent(arg)) return arg as Node;
      return { TypeCast: { arg, typeName: canonicalize(body['typeName']) } };
    }
    case 'TypeName':
      return { TypeName: { ...(canonicalize(body) as Node), names: unqualified(body['names']) } };
    case 'A_Const':
      return { A_Const: constantText(body) };
    case 'ColumnRef':
      // All fields are kept: NEW.a and OLD.a (triggers) or two tables' columns must stay apart.
      return { ColumnRef: canonicalize(body['fields']) };
    case 'FuncCall':
      return { FuncCall: { ...(canonicalize(body) as Node), funcname: unqualified(body['funcname']) } };
    case 'SQLValueFunction':
      if (body['op'] === 'SVFOP_CURRENT_TIMESTAMP') return { FuncCall: { funcname: nameList(['now']) } };
      return undefined;
    case 'A_Expr':
      return canonicalOperator(body);
    case 'BoolExpr': {
      const op = body['boolop'];
      const args = (canonicalize(body['args']) as Node[]).flatMap((arg) => {
        const inner = arg['BoolExpr'] as Node | undefined;
        return inner && inner['boolop'] === op && op !== 'NOT_EXPR' ? (inner['args'] as Node[]) : [arg];
      });
      return { BoolExpr: { boolop: op, args } };
    }
    default:
      return undefined;
  }
}

function operator(name: string, lexpr: unknown, rexpr: unknown, kind = 'AEXPR_OP'): Node {
  return { A_Expr: { kind, name: nameList([name]), lexpr, rexpr } };
}

function canonicalOperator(body: Node): Node {
  const kind = body['kind'] as string;
  const name = unqualified(body['name']);
  const opName = names(name).join('.');
  const lexpr = canonicalize(body['lexpr']);
  const items = (body['rexpr'] as { List?: { items: unknown[] } } | undefined)?.List?.items;
  switch (kind) {
    case 'AEXPR_IN': {
      // PostgreSQL turns a one-element list into a plain comparison: a IN (1) → a = 1.
      if (items && items.length === 1) return operator(opName, lexpr, canonicalize(items[0]));
      const array = { A_ArrayExpr: { elements: canonicalize(items ?? []) } };
      return operator(opName, lexpr, array, opName === '=' ? 'AEXPR_OP_ANY' : 'AEXPR_OP_ALL');
    }
    case 'AEXPR_BETWEEN':
    case 'AEXPR_NOT_BETWEEN': {
      const [low, high] = canonicalize(items ?? []) as unknown[];
      const between = kind === 'AEXPR_BETWEEN';
      return {
        BoolExpr: {
          boolop: between ? 'AND_EXPR' : 'OR_EXPR',
          args: [operator(between ? '>=' : '<', lexpr, low), operator(between ? '<=' : '>', lexpr, high)],
        },
      };
    }
    case 'AEXPR_LIKE':
    case 'AEXPR_ILIKE':
      return operator(opName, lexpr, canonicalize(body['rexpr']));
    default:
      return { A_Expr: { kind, name, lexpr, rexpr: canonicalize(body['rexpr']) } };
  }
}

/** Canonicalise any parse (sub)tree. */
export function canonicalize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(canonicalize);
  if (!node || typeof node !== 'object') return node;
  const entries = Object.entries(node as Node).filter(([key]) => !IGNORED_FIELDS.has(key));
  if (entries.length === 1) {
    const [kind, body] = entries[0]!;
    if (/^[A-Z]/.test(kind) && body && typeof body === 'object' && !Array.isArray(body)) {
      const special = canonicalNode(kind, body as Node);
      if (special) return special;
    }
  }
  const out: Node = {};
  for (const [key, value] of entries) out[key] = canonicalize(value);
  return out;
}

/** JSON with sorted keys: equal trees give equal strings. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Node)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The function an expression calls at its top (`lower(email)` → `lower`), as PostgreSQL names index columns. */
export function expressionFunctionName(sql: string): string | undefined {
  const parsed = parseExpression(sql);
  if (!parsed.ok) return undefined;
  const call = (parsed.tree as { FuncCall?: { funcname?: { String?: { sval?: string } }[] } }).FuncCall;
  return call?.funcname?.at(-1)?.String?.sval;
}

/**
 * The columns an expression reads, by their last name part (`t.c` → `c`), or undefined when it
 * does not parse (then it may read anything). `c::text <> 'x' AND lower(d) = 'y'` → `['c', 'd']`.
 */
export function expressionColumns(sql: string): string[] | undefined {
  const parsed = parseExpression(sql.trim());
  if (!parsed.ok) return undefined;
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const ref = (node as Node)['ColumnRef'] as Node | undefined;
    const last = (ref?.['fields'] as { String?: { sval?: string } }[] | undefined)?.at(-1)?.String?.sval;
    if (last !== undefined) found.add(last);
    Object.values(node as Node).forEach(visit);
  };
  visit(parsed.tree);
  return [...found];
}

/**
 * The text of an expression that is one string constant, cast or not (`'draft'`,
 * `'draft'::public.e0`), or undefined for anything else.
 */
export function stringConstant(sql: string): string | undefined {
  const parsed = parseExpression(sql.trim());
  if (!parsed.ok) return undefined;
  let node = parsed.tree as Node;
  while (node['TypeCast']) node = (node['TypeCast'] as Node)['arg'] as Node;
  const constant = node['A_Const'] as Node | undefined;
  const text = (constant?.['sval'] as { sval?: string } | undefined)?.sval;
  return constant && !constant['isnull'] && constant['sval'] ? text ?? '' : undefined;
}
