import { enumPath } from '../model/paths.js';
import type { EnumType, Schema } from '../model/types.js';
import type { Change, EnumUsage } from './changes.js';
import { pairByKey } from './pairs.js';

/** Columns of `schema` whose type is the enum `e` (they must follow it through a recreate). */
export function enumUsages(schema: Schema, e: { schema: string; name: string }): EnumUsage[] {
  return schema.tables.flatMap((t) => {
    const columns = t.columns.filter((c) => c.type.schema === e.schema && c.type.name === e.name);
    // Rebuilt once per table, with its first enum column.
    const checks = t.checks;
    const indexes = t.indexes.filter((i) => i.where !== undefined || i.keys.some((k) => k.expression !== undefined));
    return columns.map((c, i) => ({
      schema: t.schema,
      table: t.name,
      column: c.name,
      isArray: c.type.isArray,
      ...(c.default ? { default: c.default } : {}),
      checks: i === 0 ? checks : [],
      indexes: i === 0 ? indexes : [],
    }));
  });
}

/**
 * Appending or inserting values keeps the old values in order: ALTER TYPE … ADD VALUE per new
 * value. Anything else (a value removed, values reordered) recreates the type.
 */
function valueChanges(from: Schema, to: Schema, old: EnumType, b: EnumType): Change[] {
  const path = enumPath(b.schema, b.name);
  // Declared renames first: the old value exists, the new one does not yet.
  const renames = (b.renamedValues ?? []).filter((r) => old.values.includes(r.from) && !old.values.includes(r.to));
  const renameChanges = renames.map((r): Change => ({ kind: 'enum.renameValue', path, enum: b, from: r.from, to: r.to }));
  const a: EnumType = { ...old, values: old.values.map((v) => renames.find((r) => r.from === v)?.to ?? v) };
  return [...renameChanges, ...valueChangesAfterRenames(from, to, a, b)];
}

function valueChangesAfterRenames(from: Schema, to: Schema, a: EnumType, b: EnumType): Change[] {
  const path = enumPath(b.schema, b.name);
  const kept = b.values.filter((v) => a.values.includes(v));
  const onlyAdds = kept.length === a.values.length && kept.every((v, i) => v === a.values[i]);
  if (!onlyAdds) {
    return [{ kind: 'enum.recreate', path, from: a, to: b, usagesBefore: enumUsages(from, a), usagesAfter: enumUsages(to, b) }];
  }
  const changes: Change[] = [];
  let current = a.values;
  b.values.forEach((value, i) => {
    if (current.includes(value)) return;
    const before = b.values.slice(i + 1).find((v) => current.includes(v));
    const previous: EnumType = { ...a, values: current };
    changes.push({ kind: 'enum.addValue', path, enum: b, value, ...(before ? { before } : {}), from: previous, usagesBefore: enumUsages(from, a) });
    current = before ? [...current.slice(0, current.indexOf(before)), value, ...current.slice(current.indexOf(before))] : [...current, value];
  });
  return changes;
}

export function diffEnums(from: Schema, to: Schema): Change[] {
  const pairs = pairByKey(from.enums, to.enums, (e) => `${e.schema}\0${e.name}`);
  return [
    ...pairs.onlyTo.map((e): Change => ({ kind: 'enum.create', path: enumPath(e.schema, e.name), enum: e })),
    ...pairs.onlyFrom.map((e): Change => ({ kind: 'enum.drop', path: enumPath(e.schema, e.name), enum: e })),
    ...pairs.both.flatMap(([a, b]): Change[] => [
      ...valueChanges(from, to, a, b),
      ...(a.comment === b.comment ? [] : [{ kind: 'enum.comment', path: enumPath(b.schema, b.name), enum: b, from: a.comment, to: b.comment } as Change]),
    ]),
  ];
}
