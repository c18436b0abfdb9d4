/**
 * Column type helpers. Each returns a frozen column declaration whose type is spelled the way
 * PostgreSQL's format_type prints it, so declarations and introspection agree:
 *
 *   varchar({ length: 255 })        → character varying(255)
 *   timestamptz({ precision: 3 })   → timestamp(3) with time zone
 *   numeric({ precision: 12, scale: 2 }) → numeric(12,2)
 */
import type { ColumnType } from '../model/types.js';
import type { ColumnDeclaration, ColumnOptions, CompositeTypeDeclaration, DomainDeclaration, EnumDeclaration } from './declarations.js';
import { recordSite } from './source.js';

function make(helper: (...args: never[]) => unknown, name: string, options: ColumnOptions = {}, extra: Partial<ColumnDeclaration> = {}, schema: string | null = null): ColumnDeclaration {
  const collation = options.collation === undefined ? undefined
    : typeof options.collation === 'string' ? { schema: null, name: options.collation } : { schema: options.collation.schema, name: options.collation.name };
  const type: ColumnType = Object.freeze({ schema, name, isArray: options.array === true, ...(collation ? { collation } : {}) });
  return recordSite(Object.freeze({ ...options, ...extra, kind: 'column' as const, type }), helper);
}

const withPrecision = (base: string, precision: number | undefined, suffix = ''): string =>
  `${base}${precision === undefined ? '' : `(${precision})`}${suffix}`;

export const smallint = (o?: ColumnOptions): ColumnDeclaration => make(smallint, 'smallint', o);
export const integer = (o?: ColumnOptions): ColumnDeclaration => make(integer, 'integer', o);
export const bigint = (o?: ColumnOptions): ColumnDeclaration => make(bigint, 'bigint', o);
export const real = (o?: ColumnOptions): ColumnDeclaration => make(real, 'real', o);
export const doublePrecision = (o?: ColumnOptions): ColumnDeclaration => make(doublePrecision, 'double precision', o);
export const text = (o?: ColumnOptions): ColumnDeclaration => make(text, 'text', o);
export const boolean = (o?: ColumnOptions): ColumnDeclaration => make(boolean, 'boolean', o);
export const uuid = (o?: ColumnOptions): ColumnDeclaration => make(uuid, 'uuid', o);
export const date = (o?: ColumnOptions): ColumnDeclaration => make(date, 'date', o);
export const interval = (o?: ColumnOptions): ColumnDeclaration => make(interval, 'interval', o);
export const json = (o?: ColumnOptions): ColumnDeclaration => make(json, 'json', o);
export const jsonb = (o?: ColumnOptions): ColumnDeclaration => make(jsonb, 'jsonb', o);
export const bytea = (o?: ColumnOptions): ColumnDeclaration => make(bytea, 'bytea', o);

/** `serial`: integer fed by an owned sequence named `<table>_<column>_seq`, NOT NULL. */
export const serial = (o?: ColumnOptions): ColumnDeclaration => make(serial, 'integer', o, { serial: true });
export const bigserial = (o?: ColumnOptions): ColumnDeclaration => make(bigserial, 'bigint', o, { serial: true });
export const smallserial = (o?: ColumnOptions): ColumnDeclaration => make(smallserial, 'smallint', o, { serial: true });

export const numeric = (o: ColumnOptions & { precision?: number; scale?: number } = {}): ColumnDeclaration => {
  const { precision, scale, ...rest } = o;
  const name = precision === undefined ? 'numeric' : `numeric(${precision},${scale ?? 0})`;
  return make(numeric, name, rest);
};

export const varchar = (o: ColumnOptions & { length?: number } = {}): ColumnDeclaration => {
  const { length, ...rest } = o;
  return make(varchar, withPrecision('character varying', length), rest);
};

/** `char(n)`; PostgreSQL's `char` without a length is `character(1)`. */
export const char = (o: ColumnOptions & { length?: number } = {}): ColumnDeclaration => {
  const { length, ...rest } = o;
  return make(char, `character(${length ?? 1})`, rest);
};

type TimeOptions = ColumnOptions & { precision?: number };
const timeHelper = (base: string, zone: string, helper: () => (o?: TimeOptions) => ColumnDeclaration) =>
  (o: TimeOptions = {}): ColumnDeclaration => {
    const { precision, ...rest } = o;
    return make(helper(), withPrecision(base, precision, ` ${zone}`), rest);
  };

export const timestamp: (o?: TimeOptions) => ColumnDeclaration = timeHelper('timestamp', 'without time zone', () => timestamp);
export const timestamptz: (o?: TimeOptions) => ColumnDeclaration = timeHelper('timestamp', 'with time zone', () => timestamptz);
export const time: (o?: TimeOptions) => ColumnDeclaration = timeHelper('time', 'without time zone', () => time);
export const timetz: (o?: TimeOptions) => ColumnDeclaration = timeHelper('time', 'with time zone', () => timetz);

/** A column of a declared enum, domain or composite type. */
export const ofType = (type: EnumDeclaration | DomainDeclaration | CompositeTypeDeclaration, o?: ColumnOptions): ColumnDeclaration =>
  make(ofType, type.name, o, { enumRef: type }, type.schema);

/** A column of a declared enum type. */
export const enumColumn = (type: EnumDeclaration, o?: ColumnOptions): ColumnDeclaration =>
  make(enumColumn, type.name, o, { enumRef: type }, type.schema);

/** citext (case-insensitive text) from the citext extension; declare `extension('citext')` too. */
export const citext = (o: ColumnOptions & { schema?: string } = {}): ColumnDeclaration => {
  const { schema, ...rest } = o;
  return make(citext, 'citext', rest, { extension: 'citext' }, schema ?? 'public');
};

/**
 * Any other type, spelled exactly as PostgreSQL's format_type prints it (`inet`, `tsvector`,
 * `character varying(20)`); `schema` for types that live in a schema (extension or user types).
 */
export const column = (type: string, o: ColumnOptions & { schema?: string } = {}): ColumnDeclaration => {
  const { schema, ...rest } = o;
  if (schema === undefined) return make(column, TYPE_ALIASES[type.trim().toLowerCase()] ?? type.trim(), rest, {}, null);
  // A type in a schema with modifiers, e.g. column('vector(1536)', { schema: 'public' }).
  const open = type.endsWith(')') ? type.indexOf('(') : -1;
  const declaration = make(column, open > 0 ? type.slice(0, open) : type, rest, {}, schema);
  return open > 0 ? recordSite(Object.freeze({ ...declaration, type: Object.freeze({ ...declaration.type, modifiers: type.slice(open) }) }), column) : declaration;
};

/** Short spellings PostgreSQL accepts, mapped to the names format_type prints. */
const TYPE_ALIASES: Readonly<Record<string, string>> = {
  int: 'integer', int4: 'integer', int2: 'smallint', int8: 'bigint', serial4: 'integer',
  float4: 'real', float8: 'double precision', float: 'double precision', 'double': 'double precision',
  bool: 'boolean', varchar: 'character varying', 'char': 'character(1)', bpchar: 'character',
  decimal: 'numeric', timestamptz: 'timestamp with time zone', timestamp: 'timestamp without time zone',
  timetz: 'time with time zone', time: 'time without time zone',
};
