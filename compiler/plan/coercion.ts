/**
 * Type changes PostgreSQL makes without rewriting the table or rebuilding its indexes: the new
 * type is binary-coercible from the old one and accepts every old value (a wider length or
 * precision, a length limit removed). `ALTER COLUMN … TYPE` then only updates the catalog — it
 * still takes an ACCESS EXCLUSIVE lock, but only for a moment.
 */
import type { ColumnType } from '../model/types.js';

interface Parsed {
  readonly base: string;
  readonly args: readonly number[];
}

function parse(name: string): Parsed {
  const match = /^([a-z ]+?)(?:\((\d+)(?:,\s*(-?\d+))?\))?((?: with(?:out)? time zone)?)$/.exec(name);
  if (!match) return { base: name, args: [] };
  const args = [match[2], match[3]].filter((a): a is string => a !== undefined).map(Number);
  return { base: `${match[1]}${match[4] ?? ''}`, args };
}

/** Length-limited string types whose limit can be raised or removed, and text. */
const VARYING = new Set(['character varying', 'bit varying']);
/** Types whose fractional-seconds precision can be raised without a rewrite. */
const PRECISION = new Set(['timestamp without time zone', 'timestamp with time zone', 'time without time zone', 'interval']);

/** True when changing a column from `from` to `to` neither rewrites the table nor fails on data. */
export function isBinaryCoercible(from: ColumnType, to: ColumnType): boolean {
  if (from.isArray !== to.isArray || from.schema !== null || to.schema !== null) return false;
  if ((from.collation?.name ?? '') !== (to.collation?.name ?? '')) return false;
  const [a, b] = [parse(from.name), parse(to.name)];
  if (VARYING.has(a.base) && b.base === a.base) return b.args.length === 0 || (a.args.length > 0 && b.args[0]! >= a.args[0]!);
  if (a.base === 'character varying' && b.base === 'text') return true;
  if (a.base === 'numeric' && b.base === 'numeric') {
    if (b.args.length === 0) return true;
    return a.args.length > 0 && (a.args[1] ?? 0) === (b.args[1] ?? 0) && b.args[0]! >= a.args[0]!;
  }
  if (PRECISION.has(a.base) && b.base === a.base) return b.args.length === 0 || (a.args.length > 0 && b.args[0]! >= a.args[0]!);
  return false;
}
