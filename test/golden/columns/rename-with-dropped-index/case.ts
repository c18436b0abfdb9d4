// A declared column rename and, in the same migration, the drop of an index, a unique key and a
// foreign key that name the old column: the drops run before the rename (under the old names), and
// their reverse on the way down re-creates them after the rename is undone, with the old names.
import { foreignKey, index, table, text, unique, uuid } from '../../../../compiler/index.js';

const owners = table('owners', { columns: { id: uuid({ primaryKey: true }) } });

export const before = [
  owners,
  table('pets', {
    columns: { id: uuid({ primaryKey: true }), tag: text(), owner: uuid() },
    indexes: [index(['tag'], { name: 'pets_tag_idx' })],
    uniques: [unique(['tag', 'owner'], { name: 'pets_tag_owner_key' })],
    foreignKeys: [foreignKey(['owner'], { table: 'owners' }, { name: 'pets_owner_fkey' })],
  }),
];

export const after = [
  owners,
  table('pets', {
    columns: { id: uuid({ primaryKey: true }), label: text({ renamedFrom: 'tag' }), owner_id: uuid({ renamedFrom: 'owner' }) },
  }),
];
