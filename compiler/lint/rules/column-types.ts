/**
 * Which column type changes PostgreSQL makes without rewriting the table: those where the old type
 * is binary-coercible to the new one and no value can fail the new type modifier.
 *
 * ```sql
 * ALTER TABLE t ALTER COLUMN name TYPE varchar(100);  -- from varchar(50): no rewrite
 * ALTER TABLE t ALTER COLUMN name TYPE varchar(20);   -- from varchar(50): rewrite (and a check)
 * ALTER TABLE t ALTER COLUMN at TYPE timestamptz;     -- from timestamp: rewrite
 * ```
 */
import type { ColumnType } from '../tree.js';

const unconstrained = (type: ColumnType): boolean => type.modifiers.length === 0;

/** `to` accepts every value of `from` with the same bits: `to`'s limit is absent or not smaller. */
const notNarrower = (from: ColumnType, to: ColumnType): boolean =>
  unconstrained(to) || (!unconstrained(from) && to.modifiers[0]! >= from.modifiers[0]!);

const STRINGS: ReadonlySet<string> = new Set(['varchar', 'text']);
const PRECISION_TYPES: ReadonlySet<string> = new Set(['timestamp', 'timestamptz', 'time', 'timetz', 'interval']);

/** Whether changing a column from `from` to `to` keeps every stored value as it is. */
export function isBinaryCoercible(from: ColumnType, to: ColumnType): boolean {
  if (from.array !== to.array) return false;
  if (from.name === to.name && from.modifiers.join() === to.modifiers.join()) return true;
  if (to.name === 'text') return STRINGS.has(from.name);
  if (to.name === 'varchar') return from.name === 'text' ? unconstrained(to) : from.name === 'varchar' && notNarrower(from, to);
  if (to.name === 'numeric') return from.name === 'numeric' && numericWidens(from, to);
  if (to.name === 'varbit') return from.name === 'varbit' && notNarrower(from, to);
  if (to.name === 'inet') return from.name === 'cidr';
  if (PRECISION_TYPES.has(to.name)) return from.name === to.name && notNarrower(from, to);
  return false;
}

/** numeric(p,s) → numeric(q,s) with q ≥ p, or → numeric. */
function numericWidens(from: ColumnType, to: ColumnType): boolean {
  if (unconstrained(to)) return true;
  if (unconstrained(from)) return false;
  const [fromPrecision, fromScale = 0] = from.modifiers;
  const [toPrecision, toScale = 0] = to.modifiers;
  return toScale === fromScale && toPrecision! >= fromPrecision!;
}

/**
 * The old types from which a change to `to` would need no rewrite, described for a message
 * (`varchar(n) with n ≤ 40`), or undefined when no change to `to` avoids one.
 */
export function coercibleSources(to: ColumnType): string | undefined {
  const suffix = to.array ? '[]' : '';
  const [limit, scale = 0] = to.modifiers;
  switch (to.name) {
    case 'text':
      return `varchar${suffix}`;
    case 'varchar':
      return unconstrained(to) ? `varchar(n)${suffix} or text${suffix}` : `varchar(n)${suffix} with n ≤ ${limit}`;
    case 'numeric':
      return unconstrained(to) ? `numeric(p,s)${suffix}` : `numeric(p,${scale})${suffix} with p ≤ ${limit}`;
    case 'varbit':
      return unconstrained(to) ? `varbit(n)${suffix}` : `varbit(n)${suffix} with n ≤ ${limit}`;
    case 'inet':
      return `cidr${suffix}`;
    default:
      return PRECISION_TYPES.has(to.name) && !unconstrained(to) ? `${to.name}(p)${suffix} with p ≤ ${limit}` : undefined;
  }
}
