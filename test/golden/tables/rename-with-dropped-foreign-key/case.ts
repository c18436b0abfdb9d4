// A declared table rename and, in the same migration, the drop of the foreign key that references
// it: the key is dropped before the rename, and re-added on the way down after the rename is
// undone, so it references the old name (found by the property tests).
import { foreignKey, integer, table } from '../../../../compiler/index.js';

export const before = [
  table('parent', { columns: { id: integer({ primaryKey: true }) } }),
  table('child', { columns: { id: integer(), parent_id: integer() }, foreignKeys: [foreignKey(['parent_id'], { table: 'parent' })] }),
];

export const after = [
  table('parent2', { renamedFrom: 'parent', columns: { id: integer({ primaryKey: true }) } }),
  table('child', { columns: { id: integer(), parent_id: integer() } }),
];
