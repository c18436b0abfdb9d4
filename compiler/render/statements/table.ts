import type { ChangeOf } from '../../diff/index.js';
import { commentSql, createIndexSql, createTableSql, storageParameterSql, tableName, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';
import { grantStatements } from './grant.js';

export function renderCreateTable(c: ChangeOf<'table.create'>): StatementPair {
  return { up: [...createTableSql(c.table), ...grantStatements(c.grants)], down: [`DROP TABLE ${tableName(c.table)}`] };
}

/** The reverse recreates the table with its keys, checks, indexes and comments (not its rows). */
export function renderDropTable(c: ChangeOf<'table.drop'>): StatementPair {
  const t = c.table;
  return {
    up: [`DROP TABLE ${tableName(t)}`],
    down: [
      ...createTableSql(t),
      ...t.indexes.flatMap((index) => [createIndexSql(t.schema, t.name, index), ...(index.comment === undefined ? [] : [commentSql(`INDEX ${qualify(t.schema, index.name)}`, index.comment)])]),
      ...grantStatements(c.grants),
    ],
  };
}

export const renderRenameTable = (c: ChangeOf<'table.rename'>): StatementPair => ({
  up: [`ALTER TABLE ${qualify(c.schema, c.from)} RENAME TO ${quoteIdent(c.table)}`],
  down: [`ALTER TABLE ${qualify(c.schema, c.table)} RENAME TO ${quoteIdent(c.from)}`],
});

export const renderTableComment = (c: ChangeOf<'table.comment'>): StatementPair => ({
  up: [commentSql(`TABLE ${qualify(c.schema, c.table)}`, c.to)],
  down: [commentSql(`TABLE ${qualify(c.schema, c.table)}`, c.from)],
});

/** A partition moved to another bound: detach it and attach it again (every row is checked). */
export const renderPartitionBound = (c: ChangeOf<'table.partitionBound'>): StatementPair => {
  const parent = qualify(c.schema, c.parent);
  const child = qualify(c.schema, c.table);
  return {
    up: [`ALTER TABLE ${parent} DETACH PARTITION ${child}`, `ALTER TABLE ${parent} ATTACH PARTITION ${child} ${c.to}`],
    down: [`ALTER TABLE ${parent} DETACH PARTITION ${child}`, `ALTER TABLE ${parent} ATTACH PARTITION ${child} ${c.from}`],
  };
};

export const renderTablePersistence = (c: ChangeOf<'table.persistence'>): StatementPair => ({
  up: [`ALTER TABLE ${qualify(c.schema, c.table)} SET ${c.unlogged ? 'UNLOGGED' : 'LOGGED'}`],
  down: [`ALTER TABLE ${qualify(c.schema, c.table)} SET ${c.unlogged ? 'LOGGED' : 'UNLOGGED'}`],
});

/** Parameters that go away are RESET, the others SET. */
function storageChangeSql(schema: string, table: string, from: readonly string[], to: readonly string[]): string[] {
  const name = (p: string): string => p.slice(0, p.indexOf('=') < 0 ? p.length : p.indexOf('='));
  const reset = from.filter((p) => !to.some((q) => name(q) === name(p))).map(name);
  const set = to.filter((p) => !from.includes(p));
  return [
    ...(reset.length > 0 ? [`ALTER TABLE ${qualify(schema, table)} RESET (${reset.map(quoteIdent).join(', ')})`] : []),
    ...(set.length > 0 ? [`ALTER TABLE ${qualify(schema, table)} SET (${set.map(storageParameterSql).join(', ')})`] : []),
  ];
}

export const renderTableStorage = (c: ChangeOf<'table.storage'>): StatementPair => ({
  up: storageChangeSql(c.schema, c.table, c.from, c.to),
  down: storageChangeSql(c.schema, c.table, c.to, c.from),
});
