/**
 * Functions, procedures and triggers are kept as their CREATE statements and compared as
 * canonical parse trees: options in any order, defaults (VOLATILE, SECURITY INVOKER, …) implied,
 * `public`/`pg_catalog` qualification ignored, OR REPLACE ignored.
 */
import { canonicalize, stableStringify } from './canonical.js';
import { parseSql, type ParseError } from './parser.js';

type Node = Record<string, unknown>;

const DEFAULT_QUALIFIERS = new Set(['public', 'pg_catalog']);
const names = (list: unknown): string[] => ((list as { String?: { sval?: string } }[] | undefined) ?? []).map((n) => n.String?.sval ?? '');
const unqualified = (list: unknown): string[] => {
  const parts = names(list);
  return parts.length > 1 && DEFAULT_QUALIFIERS.has(parts[0]!) ? parts.slice(1) : parts;
};

/** Option values that are PostgreSQL's defaults, so writing them or not is the same. */
const DEFAULT_OPTIONS: Record<string, unknown> = {
  volatility: 'volatile',
  security: false,
  strict: false,
  parallel: 'unsafe',
  leakproof: false,
};

function optionValue(option: Node): unknown {
  const arg = option['arg'] as Node | undefined;
  const value = arg?.['String'] ?? arg?.['Boolean'] ?? arg;
  return (value as Node | undefined)?.['sval'] ?? (value as Node | undefined)?.['boolval'] ?? value;
}

function canonicalFunction(stmt: Node): unknown {
  const options = ((stmt['options'] as { DefElem: Node }[] | undefined) ?? [])
    .map((o) => o.DefElem)
    .filter((o) => !(String(o['defname']) in DEFAULT_OPTIONS && DEFAULT_OPTIONS[String(o['defname'])] === (optionValue(o) ?? false)))
    .map((o) => ({ name: o['defname'], value: canonicalize(o['arg']) }))
    .sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
  return {
    name: unqualified(stmt['funcname']),
    procedure: stmt['is_procedure'] === true,
    parameters: canonicalize(stmt['parameters'] ?? []),
    returns: canonicalize(stmt['returnType'] ?? null),
    options,
    body: canonicalize(stmt['sql_body'] ?? null),
  };
}

/** The table is left out: a trigger is compared under its table, which a rename may have renamed. */
function canonicalTrigger(stmt: Node): unknown {
  const { replace: _replace, relation: _relation, funcname, ...rest } = stmt;
  return { ...(canonicalize(rest) as Node), funcname: unqualified(funcname) };
}

function statementOf(sql: string, kind: 'CreateFunctionStmt' | 'CreateTrigStmt'): Node | ParseError {
  const parsed = parseSql(sql);
  if (!parsed.ok) return parsed.error;
  const stmt = parsed.statements.length === 1 ? ((parsed.statements[0] as Node)[kind] as Node | undefined) : undefined;
  return stmt ?? { message: `expected one ${kind === 'CreateFunctionStmt' ? 'CREATE FUNCTION/PROCEDURE' : 'CREATE TRIGGER'} statement`, position: 0 };
}

const isError = (value: Node | ParseError): value is ParseError => typeof (value as ParseError).message === 'string' && 'position' in value;

export function routineDefinitionError(sql: string): ParseError | undefined {
  const stmt = statementOf(sql, 'CreateFunctionStmt');
  return isError(stmt) ? stmt : undefined;
}

export function triggerDefinitionError(sql: string): ParseError | undefined {
  const stmt = statementOf(sql, 'CreateTrigStmt');
  return isError(stmt) ? stmt : undefined;
}

const cache = new Map<string, string>();

function canonicalKey(sql: string, kind: 'CreateFunctionStmt' | 'CreateTrigStmt'): string {
  const cacheKey = `${kind}\0${sql}`;
  let key = cache.get(cacheKey);
  if (key === undefined) {
    const stmt = statementOf(sql, kind);
    key = isError(stmt) ? `unparsed:${sql}` : stableStringify(kind === 'CreateFunctionStmt' ? canonicalFunction(stmt) : canonicalTrigger(stmt));
    cache.set(cacheKey, key);
  }
  return key;
}

export const routinesEqual = (a: string, b: string): boolean => a === b || canonicalKey(a, 'CreateFunctionStmt') === canonicalKey(b, 'CreateFunctionStmt');
export const triggersEqual = (a: string, b: string): boolean => a === b || canonicalKey(a, 'CreateTrigStmt') === canonicalKey(b, 'CreateTrigStmt');

/** The argument types that identify a routine (IN, INOUT, VARIADIC), canonical. */
export function routineIdentity(sql: string): string {
  const stmt = statementOf(sql, 'CreateFunctionStmt');
  if (isError(stmt)) return `unparsed:${sql}`;
  const parameters = ((stmt['parameters'] as { FunctionParameter: Node }[] | undefined) ?? [])
    .map((p) => p.FunctionParameter)
    .filter((p) => !['FUNC_PARAM_OUT', 'FUNC_PARAM_TABLE'].includes(String(p['mode'])))
    .map((p) => canonicalize(p['argType']));
  return stableStringify({ name: unqualified(stmt['funcname']), parameters });
}

/** Does the new definition change what callers see (return type, OUT parameters)? Then OR REPLACE is refused. */
export function routineReturnChanged(a: string, b: string): boolean {
  const [x, y] = [statementOf(a, 'CreateFunctionStmt'), statementOf(b, 'CreateFunctionStmt')];
  if (isError(x) || isError(y)) return true;
  const shape = (s: Node) => stableStringify({ returns: canonicalize(s['returnType'] ?? null), parameters: canonicalize(s['parameters'] ?? []) });
  return shape(x) !== shape(y);
}

/** A type name from a parse tree as SQL: `"pg_catalog"."int4"`, `"public"."status"[]`. */
function typeNameSql(typeName: Node): string {
  const base = names(typeName['names']).map((n) => `"${n.replaceAll('"', '""')}"`).join('.');
  return `${(typeName['setof'] ? 'SETOF ' : '')}${base}${((typeName['arrayBounds'] as unknown[] | undefined) ?? []).map(() => '[]').join('')}`;
}

/** Schema, name, kind and identity signature of a CREATE FUNCTION/PROCEDURE statement. */
export function routineStatementParts(sql: string): { schema: string | undefined; name: string; procedure: boolean; signature: string } | undefined {
  const stmt = statementOf(sql, 'CreateFunctionStmt');
  if (isError(stmt)) return undefined;
  const parts = names(stmt['funcname']);
  const signature = ((stmt['parameters'] as { FunctionParameter: Node }[] | undefined) ?? [])
    .map((p) => p.FunctionParameter)
    .filter((p) => !['FUNC_PARAM_OUT', 'FUNC_PARAM_TABLE'].includes(String(p['mode'])))
    .map((p) => `${p['mode'] === 'FUNC_PARAM_VARIADIC' ? 'VARIADIC ' : ''}${typeNameSql(p['argType'] as Node)}`)
    .join(', ');
  return { schema: parts.length > 1 ? parts[0] : undefined, name: parts.at(-1) ?? '', procedure: stmt['is_procedure'] === true, signature };
}
