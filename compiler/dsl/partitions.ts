/**
 * Partitioned tables in the DSL → the model: the parent's PARTITION BY, and one table per
 * partition (recursively, for sub-partitions) with its bound written as PostgreSQL prints it.
 */
import { tablePath, type ObjectPath } from '../model/paths.js';
import type { Column, PartitionBy, Table } from '../model/types.js';
import { quoteIdent, quoteLiteral } from '../render/quote.js';
import type { BoundValue, PartitionBoundDeclaration, PartitionByDeclaration, PartitionDeclaration } from './declarations.js';

export interface PartitionBuilder {
  site(path: ObjectPath, declaration: object, fallback?: object): void;
  malformed(path: ObjectPath, message: string): void;
}

/** `{ strategy: 'range', keys: ['created_at'] }` → `{ strategy: 'range', key: '"created_at"' }`. */
export function partitionByModel(decl: PartitionByDeclaration): PartitionBy {
  const key = decl.keys.map((k) => (typeof k === 'string' ? quoteIdent(k) : `(${k.text.trim()})`)).join(', ');
  return { strategy: decl.strategy, key, ...(decl.externalPartitions ? { externalPartitions: true } : {}) };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A bound value as SQL. Plain dates bound a timestamptz key at midnight UTC, never the session's zone. */
function boundValueSql(value: BoundValue, timestamptzKey: boolean): string {
  if (value === null) return 'NULL';
  if (value === 'MINVALUE' || value === 'MAXVALUE') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return quoteLiteral(timestamptzKey && ISO_DATE.test(value) ? `${value} 00:00:00+00` : value);
}

const list = (value: BoundValue | readonly BoundValue[]): readonly BoundValue[] => (Array.isArray(value) ? value : [value as BoundValue]);

export function boundSql(bound: PartitionBoundDeclaration, timestamptzKey: boolean): string {
  const values = (items: readonly BoundValue[]): string => items.map((v) => boundValueSql(v, timestamptzKey)).join(', ');
  if ('raw' in bound) return bound.raw;
  if ('default' in bound) return 'DEFAULT';
  if ('in' in bound) return `FOR VALUES IN (${values(bound.in)})`;
  if ('modulus' in bound) return `FOR VALUES WITH (modulus ${bound.modulus}, remainder ${bound.remainder})`;
  return `FOR VALUES FROM (${values(list(bound.from))}) TO (${values(list(bound.to))})`;
}

/** Is the first key of a range partitioning a timestamptz column of the table? */
function firstKeyIsTimestamptz(decl: PartitionByDeclaration, columns: readonly Column[]): boolean {
  const first = decl.keys[0];
  if (decl.strategy !== 'range' || typeof first !== 'string') return false;
  const type = columns.find((c) => c.name === first)?.type;
  return type !== undefined && type.schema === null && /^timestamp(\(\d\))? with time zone$/.test(type.name);
}

/** The partitions of `parent` (and theirs, recursively) as tables. */
export function buildPartitions(
  b: PartitionBuilder,
  parent: { schema: string; name: string; columns: readonly Column[]; declaration: object },
  partitionBy: PartitionByDeclaration | undefined,
  partitions: readonly PartitionDeclaration[],
): Table[] {
  if (partitions.length === 0) return [];
  const parentPath = tablePath(parent.schema, parent.name);
  if (!partitionBy) {
    b.malformed(parentPath, `table ${parent.schema}.${parent.name} lists partitions but has no partitionBy`);
    return [];
  }
  const timestamptzKey = firstKeyIsTimestamptz(partitionBy, parent.columns);
  return partitions.flatMap((p) => {
    const path = tablePath(parent.schema, p.name);
    b.site(path, p, parent.declaration);
    const table: Table = {
      schema: parent.schema,
      name: p.name,
      columns: [],
      uniques: [],
      checks: [],
      foreignKeys: [],
      indexes: [],
      partitionOf: { table: parent.name, bound: boundSql(p.bound, timestamptzKey) },
      ...(p.partitionBy ? { partitionBy: partitionByModel(p.partitionBy) } : {}),
      ...(p.comment === undefined ? {} : { comment: p.comment }),
    };
    const children = buildPartitions(b, { schema: parent.schema, name: p.name, columns: parent.columns, declaration: p }, p.partitionBy, p.partitions ?? []);
    return [table, ...children];
  });
}
