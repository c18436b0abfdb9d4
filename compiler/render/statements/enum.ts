import type { ChangeOf, EnumUsage } from '../../diff/index.js';
import { makeObjectName } from '../../model/naming.js';
import type { EnumType } from '../../model/types.js';
import { commentSql, type StatementPair } from '../definitions.js';
import { createDependentsSql, dropDependentsSql } from './dependents.js';
import { qualify, quoteIdent, quoteLiteral } from '../quote.js';

const typeTarget = (e: EnumType): string => `TYPE ${qualify(e.schema, e.name)}`;

export function createEnumSql(e: EnumType): string[] {
  return [
    `CREATE TYPE ${qualify(e.schema, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')})`,
    ...(e.comment === undefined ? [] : [commentSql(typeTarget(e), e.comment)]),
  ];
}

/**
 * Replace an enum type by one with other values: rename the old type aside, create the new one,
 * convert every column through text (resetting defaults that mention the type), drop the old one.
 * Fails, changing nothing, if a row holds a value the new type lacks. `keepChangedDefaults`: set
 * again even the defaults a later step of the migration changes (the way down, where that step
 * has already run its reverse).
 */
export function recreateEnumSql(to: EnumType, usages: readonly EnumUsage[], options: { keepChangedDefaults: boolean }): string[] {
  const aside = makeObjectName(to.name, undefined, 'schemac_old');
  const type = qualify(to.schema, to.name);
  const columns = usages.flatMap((u) => {
    const table = qualify(u.schema, u.table);
    const column = quoteIdent(u.column);
    const suffix = u.isArray ? '[]' : '';
    const restored = u.default !== undefined && (options.keepChangedDefaults || u.defaultChanges !== true) ? u.default : undefined;
    return [
      ...(u.default ? [`ALTER TABLE ${table} ALTER COLUMN ${column} DROP DEFAULT`] : []),
      `ALTER TABLE ${table} ALTER COLUMN ${column} TYPE ${type}${suffix} USING ${column}::text${suffix}::${type}${suffix}`,
      ...(restored ? [`ALTER TABLE ${table} ALTER COLUMN ${column} SET DEFAULT ${restored.sql}`] : []),
    ];
  });
  // CHECKs and partial/expression indexes compare with literals of the old type: rebuild them.
  return [
    ...usages.flatMap((u) => dropDependentsSql(u, u)),
    `ALTER TYPE ${type} RENAME TO ${quoteIdent(aside)}`,
    ...createEnumSql(to),
    ...columns,
    `DROP TYPE ${qualify(to.schema, aside)}`,
    ...usages.flatMap((u) => createDependentsSql(u, u)),
  ];
}

export function renderCreateEnum(c: ChangeOf<'enum.create'>): StatementPair {
  return { up: createEnumSql(c.enum), down: [`DROP TYPE ${qualify(c.enum.schema, c.enum.name)}`] };
}

export function renderDropEnum(c: ChangeOf<'enum.drop'>): StatementPair {
  const created = renderCreateEnum({ ...c, kind: 'enum.create' });
  return { up: created.down, down: created.up };
}

/** ADD VALUE cannot be undone in place; the reverse recreates the type without the value. */
export function renderAddEnumValue(c: ChangeOf<'enum.addValue'>): StatementPair {
  const position = c.before === undefined ? '' : ` BEFORE ${quoteLiteral(c.before)}`;
  return {
    up: [`ALTER TYPE ${qualify(c.enum.schema, c.enum.name)} ADD VALUE ${quoteLiteral(c.value)}${position}`],
    // The type as it was, comment included: a comment change in the same migration is undone before this.
    down: recreateEnumSql(c.from, c.usagesBefore, { keepChangedDefaults: true }),
  };
}

export const renderRecreateEnum = (c: ChangeOf<'enum.recreate'>): StatementPair => ({
  up: recreateEnumSql(c.to, c.usagesBefore, { keepChangedDefaults: false }),
  down: recreateEnumSql(c.from, c.usagesBefore, { keepChangedDefaults: true }),
});

export const renderEnumComment = (c: ChangeOf<'enum.comment'>): StatementPair => ({
  up: [commentSql(typeTarget(c.enum), c.to)],
  down: [commentSql(typeTarget(c.enum), c.from)],
});


export const renderRenameEnumValue = (c: ChangeOf<'enum.renameValue'>): StatementPair => ({
  up: [`ALTER TYPE ${qualify(c.enum.schema, c.enum.name)} RENAME VALUE ${quoteLiteral(c.from)} TO ${quoteLiteral(c.to)}`],
  down: [`ALTER TYPE ${qualify(c.enum.schema, c.enum.name)} RENAME VALUE ${quoteLiteral(c.to)} TO ${quoteLiteral(c.from)}`],
});
