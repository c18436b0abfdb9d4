/** Equality of model parts, with expressions compared in canonical form (never as raw text). */
import { expressionsEqual } from '../expr/index.js';
import type { ColumnSequence, ColumnType, Expression, IdentityOptions, Index, IndexKey, SchemaName } from '../model/types.js';
import type { Constraint } from './changes.js';

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item, i) => item === b[i]);

export const typesEqual = (a: ColumnType, b: ColumnType): boolean =>
  a.schema === b.schema && a.name === b.name && a.isArray === b.isArray && (a.modifiers ?? '') === (b.modifiers ?? '') &&
  (a.collation?.schema ?? null) === (b.collation?.schema ?? null) && a.collation?.name === b.collation?.name;

export function optionalExpressionsEqual(a: Expression | undefined, b: Expression | undefined): boolean {
  if (!a || !b) return a === b;
  return expressionsEqual(a.sql, b.sql);
}

export function identitiesEqual(a: IdentityOptions | undefined, b: IdentityOptions | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.start === b.start && (a.increment ?? '1') === (b.increment ?? '1') &&
    a.min === b.min && a.max === b.max && (a.cache ?? '1') === (b.cache ?? '1') && (a.cycle ?? false) === (b.cycle ?? false);
}

const sameOptionalList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => sameList(a ?? [], b ?? []);

/** Same definition, names aside. */
export function constraintsEquivalent(a: Constraint, b: Constraint): boolean {
  const deferrable = (c: Constraint): string | undefined => ('deferrable' in c.value ? c.value.deferrable : undefined);
  if (a.type !== b.type || deferrable(a) !== deferrable(b)) return false;
  switch (a.type) {
    case 'primaryKey':
    case 'unique': {
      const y = b.value as typeof a.value;
      return sameList(a.value.columns, y.columns) && sameOptionalList(a.value.include, y.include) &&
        ((a.value as { nullsNotDistinct?: boolean }).nullsNotDistinct ?? false) === ((y as { nullsNotDistinct?: boolean }).nullsNotDistinct ?? false);
    }
    case 'check':
      return expressionsEqual(a.value.expression.sql, (b.value as typeof a.value).expression.sql);
    case 'foreignKey': {
      const [x, y] = [a.value, b.value as typeof a.value];
      return sameList(x.columns, y.columns) && x.references.schema === y.references.schema &&
        x.references.table === y.references.table && sameList(x.references.columns, y.references.columns) &&
        x.onDelete === y.onDelete && x.onUpdate === y.onUpdate && (x.matchFull ?? false) === (y.matchFull ?? false);
    }
    case 'exclusion': {
      const [x, y] = [a.value, b.value as typeof a.value];
      return x.method === y.method && x.elements.length === y.elements.length &&
        x.elements.every((e, i) => e.operator === y.elements[i]!.operator && indexKeysEqual(e.key, y.elements[i]!.key)) &&
        sameOptionalList(x.include, y.include) && optionalExpressionsEqual(x.where, y.where);
    }
  }
}

const sameSchemaName = (a: SchemaName | undefined, b: SchemaName | undefined): boolean =>
  !a || !b ? a === b : a.schema === b.schema && a.name === b.name;

function indexKeysEqual(a: IndexKey, b: IndexKey): boolean {
  return a.column === b.column && optionalExpressionsEqual(a.expression, b.expression) && a.descending === b.descending &&
    a.nulls === b.nulls && sameSchemaName(a.opclass, b.opclass) && sameSchemaName(a.collation, b.collation);
}

/** Same definition, names aside. */
export const indexesEquivalent = (a: Index, b: Index): boolean =>
  a.unique === b.unique && a.method === b.method && a.keys.length === b.keys.length &&
  a.keys.every((k, i) => indexKeysEqual(k, b.keys[i]!)) && sameList(a.include, b.include) &&
  optionalExpressionsEqual(a.where, b.where) && (a.nullsNotDistinct ?? false) === (b.nullsNotDistinct ?? false) &&
  sameList(a.storage, b.storage);

export const sequencesEqual = (a: ColumnSequence | undefined, b: ColumnSequence | undefined): boolean =>
  !a || !b ? a === b : a.name === b.name && a.type === b.type;
