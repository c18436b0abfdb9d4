/**
 * Partition keys and bounds, read with PostgreSQL's grammar: canonical comparison, the plain
 * columns of a key, and the values of single-column range bounds (for overlap checks).
 */
import { canonicalize, stableStringify } from './canonical.js';
import { parseSql } from './parser.js';
import { remembered } from './remembered.js';

type Node = Record<string, unknown>;

function partitionSpec(strategy: string, key: string): Node | undefined {
  const parsed = parseSql(`CREATE TABLE t () PARTITION BY ${strategy.toUpperCase()} (${key})`);
  if (!parsed.ok || parsed.statements.length !== 1) return undefined;
  return ((parsed.statements[0] as Node)['CreateStmt'] as Node | undefined)?.['partspec'] as Node | undefined;
}

function boundSpec(bound: string): Node | undefined {
  const parsed = parseSql(`CREATE TABLE c PARTITION OF p ${bound}`);
  if (!parsed.ok || parsed.statements.length !== 1) return undefined;
  return ((parsed.statements[0] as Node)['CreateStmt'] as Node | undefined)?.['partbound'] as Node | undefined;
}

export function partitionKeysEqual(a: { strategy: string; key: string }, b: { strategy: string; key: string }): boolean {
  if (a.strategy !== b.strategy) return false;
  if (a.key === b.key) return true;
  const [x, y] = [partitionSpec(a.strategy, a.key), partitionSpec(b.strategy, b.key)];
  return x !== undefined && y !== undefined && stableStringify(canonicalize(x)) === stableStringify(canonicalize(y));
}

/** The key's plain columns, or undefined when a key part is an expression. */
export function partitionKeyColumns(strategy: string, key: string): string[] | undefined {
  const columns = remembered('partitionKeyColumns', `${strategy}\0${key}`, () => keyColumnsOf(strategy, key) ?? null);
  return columns === null || columns === undefined ? undefined : [...columns];
}

function keyColumnsOf(strategy: string, key: string): string[] | undefined {
  const params = (partitionSpec(strategy, key)?.['partParams'] as { PartitionElem: Node }[] | undefined) ?? [];
  const names = params.map((p) => p.PartitionElem['name']);
  return names.every((n): n is string => typeof n === 'string') && names.length > 0 ? names : undefined;
}

export function boundsEqual(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  const [x, y] = [boundSpec(a), boundSpec(b)];
  return x !== undefined && y !== undefined && stableStringify(canonicalize(x)) === stableStringify(canonicalize(y));
}

export type RangeValue = { readonly kind: 'min' } | { readonly kind: 'max' } | { readonly kind: 'value'; readonly value: string | number };

export interface RangeBound {
  readonly lower: RangeValue;
  readonly upper: RangeValue;
}

function datum(node: Node | undefined): RangeValue | undefined {
  if (!node) return undefined;
  const ref = node['ColumnRef'] as Node | undefined;
  if (ref) {
    const name = ((ref['fields'] as { String?: { sval?: string } }[])[0]?.String?.sval ?? '').toLowerCase();
    return name === 'minvalue' ? { kind: 'min' } : name === 'maxvalue' ? { kind: 'max' } : undefined;
  }
  const canonical = canonicalize(node) as { A_Const?: string };
  if (typeof canonical?.A_Const !== 'string') return undefined;
  const number = Number(canonical.A_Const);
  return { kind: 'value', value: canonical.A_Const !== '' && Number.isFinite(number) && !/^\d{4}-/.test(canonical.A_Const) ? number : canonical.A_Const };
}

/** Lower and upper values of a single-column range bound; undefined for anything else. */
export function rangeBound(bound: string): RangeBound | undefined {
  return remembered('rangeBound', bound, () => rangeBoundOf(bound) ?? null) ?? undefined;
}

function rangeBoundOf(bound: string): RangeBound | undefined {
  const spec = boundSpec(bound);
  if (!spec || spec['strategy'] !== 'r') return undefined;
  const lower = spec['lowerdatums'] as Node[] | undefined;
  const upper = spec['upperdatums'] as Node[] | undefined;
  if (lower?.length !== 1 || upper?.length !== 1) return undefined;
  const [l, u] = [datum(lower[0]), datum(upper[0])];
  return l && u ? { lower: l, upper: u } : undefined;
}

/** Order of range values (MINVALUE < values < MAXVALUE; numbers by value, text by code units). */
export function compareRangeValues(a: RangeValue, b: RangeValue): number {
  const rank = (v: RangeValue): number => (v.kind === 'min' ? 0 : v.kind === 'value' ? 1 : 2);
  if (rank(a) !== rank(b) || a.kind !== 'value' || b.kind !== 'value') return rank(a) - rank(b);
  if (typeof a.value === 'number' && typeof b.value === 'number') return a.value - b.value;
  const [x, y] = [String(a.value), String(b.value)];
  return x < y ? -1 : x > y ? 1 : 0;
}
