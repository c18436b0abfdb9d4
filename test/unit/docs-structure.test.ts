/** `schemac docs` structure files: the Mermaid ER diagram and the data dictionary. */
import { beforeAll, expect, it } from 'vitest';
import { dataDictionary, erDiagram } from '../../compiler/docs/erd.js';
import { loadParser } from '../../compiler/expr/index.js';
import { index, integer, namespace, sql, table, text, uuid } from '../../compiler/index.js';
import { declare } from '../helpers/schema.js';

beforeAll(loadParser);

it('draws tables with keys and relationships, and documents columns, keys and indexes', async () => {
  const orgs = table('organizations', { comment: 'Tenants', columns: { id: uuid({ primaryKey: true }), name: text({ notNull: true, comment: 'Legal name' }) } });
  const ledger = table('ledger', {
    schema: 'financial',
    columns: { id: uuid({ primaryKey: true }), org: uuid({ notNull: true, references: { table: orgs } }), parent: uuid({ references: { table: 'financial.ledger' } }), amount: integer({ default: 0 }) },
    indexes: [index(['org'], { where: sql`amount > 0` })],
  });
  const schema = await declare(namespace('financial'), orgs, ledger);
  const erd = erDiagram(schema);
  expect(erd).toContain('  financial_ledger {\n    uuid id PK\n    uuid org FK\n    uuid parent FK\n    integer amount\n  }');
  expect(erd).toContain('  organizations ||--|{ financial_ledger : "ledger_org_fkey"');
  expect(erd).toContain('  financial_ledger ||--o{ financial_ledger : "ledger_parent_fkey"');
  const dictionary = dataDictionary(schema);
  expect(dictionary).toContain('## public.organizations\n\nTenants\n');
  expect(dictionary).toContain('| name | text | not null |  | Legal name |');
  expect(dictionary).toContain('- foreign key ledger_org_fkey (org) → public.organizations (id)');
  expect(dictionary).toContain('- index ledger_org_idx using btree where `amount > 0`');
});
