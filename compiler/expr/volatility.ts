/**
 * Does an expression call a volatile function? Adding a column whose default is volatile
 * (`gen_random_uuid()`, `random()`, `clock_timestamp()`, `nextval(…)`) makes PostgreSQL evaluate it
 * for every existing row, rewriting the table; a constant or stable default (`now()`, `'x'`) is
 * stored once in the catalog instead (PostgreSQL 11+).
 */
import { parseExpression } from './canonical.js';

/** Volatile functions (built in, pgcrypto, uuid-ossp) that appear in column defaults. The linter uses the same list. */
export const VOLATILE_FUNCTIONS: ReadonlySet<string> = new Set([
  'random', 'random_normal', 'setseed', 'gen_random_uuid', 'uuidv4', 'uuidv7', 'uuid_generate_v1', 'uuid_generate_v1mc', 'uuid_generate_v4',
  'clock_timestamp', 'timeofday', 'nextval', 'setval', 'txid_current', 'pg_current_xact_id', 'gen_random_bytes', 'gen_salt',
]);

function callsVolatile(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(callsVolatile);
  if (!node || typeof node !== 'object') return false;
  const call = (node as { FuncCall?: { funcname?: { String?: { sval?: string } }[] } }).FuncCall;
  const name = call?.funcname?.at(-1)?.String?.sval;
  if (name !== undefined && VOLATILE_FUNCTIONS.has(name.toLowerCase())) return true;
  return Object.values(node).some(callsVolatile);
}

/** True when the expression calls a known volatile function (unparsable text counts as volatile). */
export function isVolatileExpression(sql: string): boolean {
  const parsed = parseExpression(sql);
  return parsed.ok ? callsVolatile(parsed.tree) : true;
}
