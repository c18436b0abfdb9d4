/**
 * What the statements of a file did so far: the objects it created (statements on those are safe:
 * nobody else uses them yet), column types it declared, constraints it added NOT VALID and
 * validated, enum values it added, and whether it set lock_timeout. The linter records each
 * statement after checking it, so checks see only the statements before theirs.
 */
import { nodeOf, statementOf, type AnyNode, type ColumnDef, type Constraint, type StatementNode } from './nodes.js';
import type { Transaction } from './transactions.js';
import {
  addedColumn,
  addedConstraint,
  alterTableCommands,
  calledFunctions,
  columnType,
  descendants,
  nameFromParts,
  nameKey,
  notNullCheckColumn,
  objectName,
  relationName,
  strings,
  tableElements,
  type ColumnType,
  type QualifiedName,
} from './tree.js';

/** Kinds of object a file can create. Relations are tables, views, materialized views and sequences. */
export type CreatedKind = 'relation' | 'type' | 'schema' | 'function';

export interface AddedEnumValue {
  readonly type: QualifiedName;
  readonly value: string;
  readonly transaction: Transaction;
}

/** What checks may ask about the earlier statements of the file. */
export interface FileFacts {
  /** Created earlier in the file (and not dropped since). */
  isNew(kind: CreatedKind, name: QualifiedName): boolean;
  /** The index was created earlier in the file on a table created in the file. */
  isNewIndex(index: QualifiedName): boolean;
  /** A column's type, when the file declared it. */
  columnType(table: QualifiedName, column: string): ColumnType | undefined;
  /** A `SET lock_timeout` (or set_config) to a non-zero value ran earlier. */
  readonly lockTimeoutSet: boolean;
  /** The transaction a constraint was added NOT VALID in, when the file added it so. */
  notValidConstraint(table: QualifiedName, constraint: string): Transaction | undefined;
  /** A valid `CHECK (column IS NOT NULL)` exists: added valid, or added NOT VALID and validated. */
  hasValidNotNullCheck(table: QualifiedName, column: string): boolean;
  /** Some CHECK constraint on the table was added valid, or added NOT VALID and validated, in the file. */
  hasValidatedCheck(table: QualifiedName): boolean;
  readonly addedEnumValues: readonly AddedEnumValue[];
}

const key = (kind: string, name: QualifiedName): string => `${kind}:${nameKey(name)}`;
const columnKey = (table: QualifiedName, column: string): string => `${nameKey(table)}.${column}`;

export class FileState implements FileFacts {
  private readonly created = new Set<string>();
  private readonly indexTables = new Map<string, QualifiedName>();
  private readonly columnTypes = new Map<string, ColumnType>();
  private readonly notValid = new Map<string, { transaction: Transaction; check: boolean; notNullColumn?: string }>();
  private readonly validNotNull = new Set<string>();
  private readonly validatedChecks = new Set<string>();
  private readonly enumValues: AddedEnumValue[] = [];
  private timeoutSet = false;

  isNew(kind: CreatedKind, name: QualifiedName): boolean {
    return this.created.has(key(kind, name));
  }

  isNewIndex(index: QualifiedName): boolean {
    const table = this.indexTables.get(nameKey(index));
    return table !== undefined && this.isNew('relation', table);
  }

  columnType(table: QualifiedName, column: string): ColumnType | undefined {
    return this.columnTypes.get(columnKey(table, column));
  }

  get lockTimeoutSet(): boolean {
    return this.timeoutSet;
  }

  notValidConstraint(table: QualifiedName, constraint: string): Transaction | undefined {
    return this.notValid.get(columnKey(table, constraint))?.transaction;
  }

  hasValidNotNullCheck(table: QualifiedName, column: string): boolean {
    return this.validNotNull.has(columnKey(table, column));
  }

  hasValidatedCheck(table: QualifiedName): boolean {
    return this.validatedChecks.has(nameKey(table));
  }

  get addedEnumValues(): readonly AddedEnumValue[] {
    return this.enumValues;
  }

  /** Take note of what a statement did. */
  record(node: StatementNode, transaction: Transaction): void {
    this.recordCreated(node);
    this.recordDropped(node);
    this.recordRenamed(node);
    this.recordAlterTable(node, transaction);
    this.recordSettings(node);
    const added = statementOf(node, 'AlterEnumStmt');
    if (added?.newVal !== undefined && added.oldVal === undefined) {
      this.enumValues.push({ type: nameFromParts(strings(added.typeName)), value: added.newVal, transaction });
    }
  }

  private create(kind: CreatedKind, name: QualifiedName): void {
    this.created.add(key(kind, name));
  }

  private recordCreated(node: StatementNode): void {
    const table = statementOf(node, 'CreateStmt');
    if (table) {
      const name = relationName(table.relation);
      this.create('relation', name);
      for (const column of tableElements(table.tableElts).columns) this.recordColumn(name, column);
    }
    const into = statementOf(node, 'CreateTableAsStmt')?.into.rel ?? statementOf(node, 'SelectStmt')?.intoClause?.rel;
    if (into) this.create('relation', relationName(into));
    const view = statementOf(node, 'ViewStmt');
    if (view && !view.replace) this.create('relation', relationName(view.view));
    const sequence = statementOf(node, 'CreateSeqStmt');
    if (sequence) this.create('relation', relationName(sequence.sequence));
    const index = statementOf(node, 'IndexStmt');
    if (index?.idxname) {
      const table = relationName(index.relation);
      this.indexTables.set(nameKey({ schema: table.schema, name: index.idxname }), table);
    }
    const type = statementOf(node, 'CreateEnumStmt')?.typeName ?? statementOf(node, 'CreateDomainStmt')?.domainname;
    if (type) this.create('type', nameFromParts(strings(type)));
    const composite = statementOf(node, 'CompositeTypeStmt');
    if (composite) this.create('type', relationName(composite.typevar));
    const schema = statementOf(node, 'CreateSchemaStmt')?.schemaname;
    if (schema) this.create('schema', { schema, name: schema });
    const routine = statementOf(node, 'CreateFunctionStmt');
    if (routine && !routine.replace) this.create('function', nameFromParts(strings(routine.funcname)));
  }

  private recordDropped(node: StatementNode): void {
    const drop = statementOf(node, 'DropStmt');
    if (!drop) return;
    const kind = DROPPED_KINDS[drop.removeType];
    if (!kind) return;
    for (const object of drop.objects ?? []) this.created.delete(key(kind, objectName(object)));
  }

  private recordRenamed(node: StatementNode): void {
    const rename = statementOf(node, 'RenameStmt');
    if (!rename?.relation) return;
    const table = relationName(rename.relation);
    if (rename.renameType === 'OBJECT_COLUMN' && rename.subname) {
      const type = this.columnType(table, rename.subname);
      if (type) this.columnTypes.set(columnKey(table, rename.newname), type);
    } else if (RELATION_KINDS.has(rename.renameType) && this.isNew('relation', table)) {
      this.create('relation', { schema: table.schema, name: rename.newname });
    }
  }

  private recordColumn(table: QualifiedName, column: ColumnDef): void {
    if (column.colname && column.typeName) this.columnTypes.set(columnKey(table, column.colname), columnType(column.typeName));
  }

  private recordAlterTable(node: StatementNode, transaction: Transaction): void {
    const alter = alterTableCommands(node);
    if (!alter) return;
    for (const command of alter.commands) {
      const column = addedColumn(command);
      if (column) this.recordColumn(alter.table, column);
      if (command.subtype === 'AT_AlterColumnType' && command.name) {
        const type = nodeOf<ColumnDef>(command.def, 'ColumnDef')?.typeName;
        if (type) this.columnTypes.set(columnKey(alter.table, command.name), columnType(type));
      }
      const constraint = addedConstraint(command);
      if (constraint) this.recordConstraint(alter.table, constraint, transaction);
      if (command.subtype === 'AT_ValidateConstraint' && command.name) this.recordValidated(alter.table, command.name);
    }
  }

  private recordConstraint(table: QualifiedName, constraint: Constraint, transaction: Transaction): void {
    const check = constraint.contype === 'CONSTR_CHECK';
    const notNullColumn = notNullCheckColumn(constraint);
    if (constraint.skip_validation) {
      if (constraint.conname) this.notValid.set(columnKey(table, constraint.conname), { transaction, check, ...(notNullColumn ? { notNullColumn } : {}) });
      return;
    }
    if (check) this.validatedChecks.add(nameKey(table));
    if (notNullColumn) this.validNotNull.add(columnKey(table, notNullColumn));
  }

  private recordValidated(table: QualifiedName, constraint: string): void {
    const added = this.notValid.get(columnKey(table, constraint));
    if (added?.check) this.validatedChecks.add(nameKey(table));
    if (added?.notNullColumn) this.validNotNull.add(columnKey(table, added.notNullColumn));
  }

  private recordSettings(node: StatementNode): void {
    const set = statementOf(node, 'VariableSetStmt');
    if (set?.kind === 'VAR_SET_VALUE' && set.name === 'lock_timeout') this.timeoutSet = !isZeroSetting(set.args);
    // RESET lock_timeout, SET lock_timeout TO DEFAULT, RESET ALL: back to the server default (0, no timeout).
    if ((set?.kind === 'VAR_RESET' || set?.kind === 'VAR_SET_DEFAULT') && set.name === 'lock_timeout') this.timeoutSet = false;
    if (set?.kind === 'VAR_RESET_ALL') this.timeoutSet = false;
    const select = statementOf(node, 'SelectStmt');
    if (select && setsLockTimeoutByFunction(select)) this.timeoutSet = true;
  }
}

/** The kind of created object a `DROP` of each object type removes. */
export const DROPPED_KINDS: Readonly<Record<string, CreatedKind>> = {
  OBJECT_TABLE: 'relation',
  OBJECT_VIEW: 'relation',
  OBJECT_MATVIEW: 'relation',
  OBJECT_SEQUENCE: 'relation',
  OBJECT_TYPE: 'type',
  OBJECT_DOMAIN: 'type',
  OBJECT_SCHEMA: 'schema',
  OBJECT_FUNCTION: 'function',
  OBJECT_PROCEDURE: 'function',
  OBJECT_ROUTINE: 'function',
};

const RELATION_KINDS: ReadonlySet<string> = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE']);

/** `SET lock_timeout = 0` (or `'0'`, `'0s'`) turns the timeout off. */
function isZeroSetting(args: readonly AnyNode[] | undefined): boolean {
  const value = nodeOf<{ ival?: { ival?: number }; sval?: { sval?: string } }>(args?.[0], 'A_Const');
  if (!value) return false;
  if (value.ival) return (value.ival.ival ?? 0) === 0;
  return /^\s*0+\s*(ms|s|min|h|d)?\s*$/i.test(value.sval?.sval ?? '');
}

/** `SELECT set_config('lock_timeout', '2s', …)`. */
function setsLockTimeoutByFunction(select: unknown): boolean {
  if (!calledFunctions(select).includes('set_config')) return false;
  for (const node of descendants(select)) {
    const call = nodeOf<{ funcname?: AnyNode[]; args?: AnyNode[] }>(node, 'FuncCall');
    if (call && strings(call.funcname).at(-1) === 'set_config') {
      const setting = nodeOf<{ sval?: { sval?: string } }>(call.args?.[0], 'A_Const')?.sval?.sval;
      if (setting === 'lock_timeout' && !isZeroSetting(call.args?.slice(1))) return true;
    }
  }
  return false;
}
