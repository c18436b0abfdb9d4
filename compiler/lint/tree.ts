/**
 * Reading parse trees: qualified names, column types, the commands of an ALTER TABLE, the
 * constraints of a column, function calls inside an expression.
 */
import {
  nodeOf,
  statementOf,
  type AlterTableCmd,
  type AnyNode,
  type ColumnDef,
  type Constraint,
  type ConstraintType,
  type RangeVar,
  type StatementNode,
  type StringNode,
  type TypeName,
} from './nodes.js';

/** A schema-qualified name; unqualified names are taken as `public` (the default search_path). */
export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

export const DEFAULT_SCHEMA = 'public';

/** `schema.name`: the lookup key and display form of a qualified name. */
export const nameKey = (name: QualifiedName): string => `${name.schema}.${name.name}`;

export function relationName(relation: RangeVar): QualifiedName {
  return { schema: relation.schemaname ?? DEFAULT_SCHEMA, name: relation.relname };
}

/** The text of `String` nodes in a list (`[{String:{sval:'s'}}, …]`). */
export function strings(items: readonly AnyNode[] | undefined): string[] {
  return (items ?? []).map((item) => nodeOf<StringNode['String']>(item, 'String')?.sval ?? '');
}

/** A name written as a list of parts (`s.t`, or `db.s.t`): the last two parts. */
export function nameFromParts(parts: readonly string[]): QualifiedName {
  const name = parts[parts.length - 1] ?? '';
  return { schema: parts.length > 1 ? parts[parts.length - 2]! : DEFAULT_SCHEMA, name };
}

/** The name of a DROP/COMMENT object: `List` of parts, a `String` (schemas), a `TypeName`, or `ObjectWithArgs`. */
export function objectName(object: AnyNode): QualifiedName {
  const list = nodeOf<{ items?: AnyNode[] }>(object, 'List');
  if (list) return nameFromParts(strings(list.items));
  const single = nodeOf<StringNode['String']>(object, 'String');
  if (single) return { schema: single.sval ?? '', name: single.sval ?? '' };
  const type = nodeOf<TypeName>(object, 'TypeName');
  if (type) return nameFromParts(strings(type.names));
  const routine = nodeOf<{ objname?: AnyNode[] }>(object, 'ObjectWithArgs');
  return nameFromParts(strings(routine?.objname));
}

/** A column type as written: `varchar(20)` is `{ name: 'varchar', modifiers: [20], array: false }`. */
export interface ColumnType {
  /** PostgreSQL's internal name (int4, varchar, bpchar, timestamptz, …); user types keep their schema. */
  readonly name: string;
  readonly modifiers: readonly number[];
  readonly array: boolean;
}

export function columnType(typeName: TypeName): ColumnType {
  const parts = strings(typeName.names);
  const builtin = parts.length === 1 || parts[0] === 'pg_catalog';
  const name = builtin ? parts[parts.length - 1]! : parts.join('.');
  const modifiers = (typeName.typmods ?? []).map((m) => nodeOf<{ ival?: { ival?: number } }>(m, 'A_Const')?.ival?.ival ?? 0);
  return { name, modifiers, array: (typeName.arrayBounds ?? []).length > 0 };
}

/** `varchar(20)`, `numeric(10,2)`, `text[]`. */
export function formatType(type: ColumnType): string {
  const modifiers = type.modifiers.length > 0 ? `(${type.modifiers.join(',')})` : '';
  return `${type.name}${modifiers}${type.array ? '[]' : ''}`;
}

export const SERIAL_TYPES: ReadonlySet<string> = new Set(['smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8']);

/** The ALTER TABLE commands of a statement, with the table they act on. */
export function alterTableCommands(node: StatementNode): { table: QualifiedName; commands: readonly AlterTableCmd[] } | undefined {
  const alter = statementOf(node, 'AlterTableStmt');
  if (!alter || (alter.objtype !== undefined && alter.objtype !== 'OBJECT_TABLE')) return undefined;
  return { table: relationName(alter.relation), commands: (alter.cmds ?? []).map((c) => c.AlterTableCmd) };
}

/** The column an ADD COLUMN command adds. */
export const addedColumn = (command: AlterTableCmd): ColumnDef | undefined =>
  command.subtype === 'AT_AddColumn' ? nodeOf<ColumnDef>(command.def, 'ColumnDef') : undefined;

/** The constraint an ADD CONSTRAINT command adds. */
export const addedConstraint = (command: AlterTableCmd): Constraint | undefined =>
  command.subtype === 'AT_AddConstraint' ? nodeOf<Constraint>(command.def, 'Constraint') : undefined;

/** The inline constraints of a column definition (NOT NULL, DEFAULT, PRIMARY KEY, …). */
export function columnConstraints(column: ColumnDef): Constraint[] {
  return (column.constraints ?? []).flatMap((c) => (c.Constraint ? [c.Constraint] : []));
}

export function columnConstraint(column: ColumnDef, type: ConstraintType): Constraint | undefined {
  return columnConstraints(column).find((c) => c.contype === type);
}

/** The columns and table constraints of a CREATE TABLE. */
export function tableElements(elements: readonly AnyNode[] | undefined): { columns: ColumnDef[]; constraints: Constraint[] } {
  const columns: ColumnDef[] = [];
  const constraints: Constraint[] = [];
  for (const element of elements ?? []) {
    const column = nodeOf<ColumnDef>(element, 'ColumnDef');
    if (column) columns.push(column);
    const constraint = nodeOf<Constraint>(element, 'Constraint');
    if (constraint) constraints.push(constraint);
  }
  return { columns, constraints };
}

/** Every node of a tree, depth first (the node itself first). */
export function* descendants(node: unknown): Generator<AnyNode> {
  if (Array.isArray(node)) {
    for (const item of node) yield* descendants(item);
    return;
  }
  if (!node || typeof node !== 'object') return;
  yield node as AnyNode;
  for (const value of Object.values(node)) yield* descendants(value);
}

/** The (unqualified, lower-case) names of the functions called anywhere in an expression. */
export function calledFunctions(expression: unknown): string[] {
  const names: string[] = [];
  for (const node of descendants(expression)) {
    const call = nodeOf<{ funcname?: AnyNode[] }>(node, 'FuncCall');
    if (call) names.push(strings(call.funcname).at(-1) ?? '');
  }
  return names;
}

/** The string constants anywhere in a tree (`'x'` in `'x'::status`). */
export function stringConstants(tree: unknown): string[] {
  const values: string[] = [];
  for (const node of descendants(tree)) {
    const constant = nodeOf<{ sval?: { sval?: string } }>(node, 'A_Const');
    if (constant?.sval) values.push(constant.sval.sval ?? '');
  }
  return values;
}

/** The column a `CHECK (col IS NOT NULL)` tests, or undefined for any other expression. */
export function notNullCheckColumn(constraint: Constraint): string | undefined {
  if (constraint.contype !== 'CONSTR_CHECK') return undefined;
  const test = nodeOf<{ arg?: AnyNode; nulltesttype?: string }>(constraint.raw_expr, 'NullTest');
  if (test?.nulltesttype !== 'IS_NOT_NULL') return undefined;
  const fields = strings(nodeOf<{ fields?: AnyNode[] }>(test.arg, 'ColumnRef')?.fields);
  return fields.length === 1 ? fields[0] : undefined;
}
