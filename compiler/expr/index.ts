/**
 * Expressions: parse, canonicalise and compare SQL expressions; validate emitted statements.
 * The only module that imports the PostgreSQL parser.
 */
import { canonicalize, parseExpression, stableStringify } from './canonical.js';
import { loadParser, parseSql, type ParseError } from './parser.js';
import { remembered } from './remembered.js';

export { loadParser, parseSql, splitStatements, type ParseError, type ParseNode, type ScriptStatement } from './parser.js';
export { expressionColumns, expressionFunctionName, parseExpression, stringConstant } from './canonical.js';
export { boundsEqual, compareRangeValues, partitionKeyColumns, partitionKeysEqual, rangeBound, type RangeBound } from './partitions.js';
export { routineDefinitionError, routineIdentity, routineStatementParts, routineReturnChanged, routinesEqual, triggerDefinitionError, triggersEqual } from './routines.js';
export { canonicalQuery, queriesEqual, queryError, queryOutputs, referencedRelations, type QueryOutput, type RelationReference } from './queries.js';
export { readParseFacts, writeParseFacts } from './remembered.js';
export { isVolatileExpression, VOLATILE_FUNCTIONS } from './volatility.js';
export { isConstantExpression, normalizeConstantDefaults, normalizeTypedConstants, type ConstantEvaluator, type ConstantSite } from './constants.js';

const canonicalCache = new Map<string, string>();

/**
 * The canonical key of an expression: equal keys mean equal meaning (see canonical.ts). Cached by
 * content. An expression that does not parse is its own key (it equals only itself).
 */
export function canonicalExpression(sql: string): string {
  let key = canonicalCache.get(sql);
  if (key === undefined) {
    const parsed = parseExpression(sql.trim());
    key = parsed.ok ? stableStringify(canonicalize(parsed.tree)) : `unparsed:${sql.trim()}`;
    canonicalCache.set(sql, key);
  }
  return key;
}

export function expressionsEqual(a: string, b: string): boolean {
  return a === b || canonicalExpression(a) === canonicalExpression(b);
}

/** Why an expression is not a single valid SQL expression, or undefined when it is. */
export function expressionError(sql: string): ParseError | undefined {
  if (remembered('validExpression', sql, () => (parseExpression(sql).ok ? true : undefined))) return undefined;
  const parsed = parseExpression(sql);
  return parsed.ok ? undefined : parsed.error;
}

/** Why SQL text is not valid PostgreSQL, or undefined when every statement parses. */
export function statementError(sql: string): ParseError | undefined {
  const parsed = parseSql(sql);
  return parsed.ok ? undefined : parsed.error;
}

/** Make sure the parser is ready before any synchronous use above. */
export const prepareExpressions = loadParser;
