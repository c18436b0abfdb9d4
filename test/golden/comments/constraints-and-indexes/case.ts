// Comments on keys, checks, foreign keys and indexes: set with the objects, then changed and removed.
import { check, foreignKey, index, integer, sql, table, text, unique } from '../../../../compiler/index.js';

const parents = table('parents', { columns: { id: integer({ primaryKey: true }) } });
const children = (v: 1 | 2) => table('children', {
  columns: { id: integer({ notNull: true }), parent_id: integer(), code: text() },
  primaryKey: { columns: ['id'], comment: v === 1 ? 'surrogate key' : 'row id' },
  uniques: [unique(['code'], v === 1 ? { comment: 'codes are unique' } : {})],
  checks: [check(sql`length(code) > 1`, { name: 'children_code_length', comment: v === 1 ? undefined : 'at least two characters' })],
  foreignKeys: [foreignKey(['parent_id'], { table: parents }, { comment: 'owner' })],
  indexes: [index(['parent_id'], { comment: v === 1 ? 'lookups by parent' : 'parent lookups' })],
});

export const before = [parents, children(1)];
export const after = [parents, children(2)];
