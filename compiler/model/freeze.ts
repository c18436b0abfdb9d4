import { inKeyOrder, sortByKey } from './paths.js';
import type { Grant, Index, Schema, Table, View } from './types.js';

/** Object, role and grant option: one grant entry per key. */
export const grantKey = (g: Grant): string => `${g.kind}\0${g.schema}\0${g.name}\0${g.signature ?? ''}\0${g.role}\0${g.withGrantOption ? 1 : 0}`;

/**
 * Whether models are frozen all the way down. A development check: schemac's own tests run with
 * it (vitest sets VITEST, and the CLI processes they start inherit it), so a phase that changes
 * data it was given fails there; a user's run only freezes the top (its types are readonly
 * either way), which saves ~0.1 s of a one-column `generate` at 2,000 tables. SCHEMAC_FREEZE=1
 * turns it on anywhere.
 */
const FREEZE_DEEPLY = process.env['VITEST'] !== undefined || process.env['SCHEMAC_FREEZE'] === '1';

/**
 * Freeze every object reachable from `value`; frozen parts (shared with an earlier schema) are not
 * walked again. Children are frozen before their parent: walking an object V8 has not frozen yet
 * is about twice as fast. (Model data is a tree: no cycles.)
 */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (!FREEZE_DEEPLY) return Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  } else {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (typeof item === 'object' && item !== null) deepFreeze(item);
    }
  }
  return Object.freeze(value);
}

/** Lists added to Index after snapshots were first written default to empty when read back. */
const normalizeIndex = (i: Index): Index => ({ ...i, include: i.include ?? [], storage: i.storage ?? [] });

/**
 * Whether a table is in canonical form already (a table read from a snapshot or the cache, or one
 * an earlier freezeSchema made): then it is kept as it is, not copied.
 */
function isCanonical(t: Table): boolean {
  const byName = <T extends { name: string }>(list: readonly T[]): boolean => inKeyOrder(list, (x) => x.name) === list;
  const optional = <T extends { name: string }>(list: readonly T[] | undefined): boolean => list === undefined || (list.length > 0 && byName(list));
  return byName(t.uniques) && byName(t.checks) && byName(t.foreignKeys) && byName(t.indexes) &&
    t.indexes.every((i) => i.include !== undefined && i.storage !== undefined) &&
    optional(t.exclusions) && optional(t.triggers) && optional(t.policies) && (t.policies ?? []).every((p) => inKeyOrder(p.roles, (r) => r) === p.roles);
}

function normalizeTable(t: Table): Table {
  if (isCanonical(t)) return t;
  const { exclusions: _exclusions, triggers: _triggers, policies: _policies, ...rest } = t;
  return {
    ...rest,
    uniques: sortByKey(t.uniques, (u) => u.name),
    checks: sortByKey(t.checks, (c) => c.name),
    foreignKeys: sortByKey(t.foreignKeys, (f) => f.name),
    ...(t.exclusions && t.exclusions.length > 0 ? { exclusions: sortByKey(t.exclusions, (x) => x.name) } : {}),
    ...(t.triggers && t.triggers.length > 0 ? { triggers: sortByKey(t.triggers, (x) => x.name) } : {}),
    ...(t.policies && t.policies.length > 0 ? { policies: sortByKey(t.policies, (x) => x.name).map((p) => ({ ...p, roles: [...p.roles].sort() })) } : {}),
    indexes: sortByKey(t.indexes, (i) => i.name).map(normalizeIndex),
  };
}

function normalizeView(v: View): View {
  return { ...v, indexes: sortByKey(v.indexes ?? [], (i) => i.name).map(normalizeIndex), columnComments: sortByKey(v.columnComments ?? [], (c) => c.column) };
}

/**
 * The canonical, frozen form of a schema: every list sorted by object path (columns keep their
 * table order), so equal schemas serialise to equal bytes.
 */
export function freezeSchema(schema: Schema): Schema {
  return deepFreeze({
    namespaces: sortByKey(schema.namespaces, (n) => n.name),
    extensions: sortByKey(schema.extensions, (x) => x.name),
    enums: sortByKey(schema.enums, (e) => `${e.schema}\0${e.name}`),
    tables: sortByKey(schema.tables, (t) => `${t.schema}\0${t.name}`).map(normalizeTable),
    // Snapshots written before views existed have no `views`.
    views: sortByKey(schema.views ?? [], (v) => `${v.schema}\0${v.name}`).map(normalizeView),
    ...(schema.domains && schema.domains.length > 0
      ? { domains: sortByKey(schema.domains, (d) => `${d.schema}\0${d.name}`).map((d) => ({ ...d, checks: sortByKey(d.checks, (c) => c.name) })) }
      : {}),
    ...(schema.composites && schema.composites.length > 0 ? { composites: sortByKey(schema.composites, (c) => `${c.schema}\0${c.name}`) } : {}),
    ...(schema.sequences && schema.sequences.length > 0 ? { sequences: sortByKey(schema.sequences, (q) => `${q.schema}\0${q.name}`) } : {}),
    ...(schema.grants && schema.grants.length > 0
      ? { grants: sortByKey(schema.grants, grantKey).map((g) => ({ ...g, privileges: [...g.privileges].sort() })) }
      : {}),
    ...(schema.unmanaged && schema.unmanaged.length > 0 ? { unmanaged: sortByKey(schema.unmanaged, (u) => `${u.kind}\0${u.schema}\0${u.name}`) } : {}),
    ...(schema.routines && schema.routines.length > 0
      ? { routines: sortByKey(schema.routines, (r) => `${r.schema}\0${r.name}\0${r.signature}`) }
      : {}),
    // Several data steps at the same place run in name order.
    ...(schema.dataSteps && schema.dataSteps.length > 0 ? { dataSteps: sortByKey(schema.dataSteps, (d) => d.name) } : {}),
    ...(schema.compliance
      ? {
          compliance: {
            activities: sortByKey(schema.compliance.activities, (a) => a.id),
            retentionRules: sortByKey(schema.compliance.retentionRules, (r) => r.id),
            recordClasses: sortByKey(schema.compliance.recordClasses, (r) => r.id),
            waivers: sortByKey(schema.compliance.waivers, (w) => `${w.rule}\0${w.target}`),
          },
        }
      : {}),
    ...(schema.assertions && schema.assertions.length > 0 ? { assertions: sortByKey(schema.assertions, (a) => a.name) } : {}),
    ...(schema.acknowledgements && schema.acknowledgements.length > 0
      ? { acknowledgements: sortByKey(schema.acknowledgements, (a) => `${a.code}\0${a.object}\0${a.reason}`) }
      : {}),
  });
}
