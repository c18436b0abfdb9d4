// Every index feature: expression keys, partial (WHERE), covering (INCLUDE), gin/gist/brin/hash,
// operator classes, collations, DESC NULLS LAST, NULLS NOT DISTINCT, storage parameters.
import { extension, index, integer, jsonb, sql, table, text, timestamptz, uuid } from '../../../../compiler/index.js';

const trgm = extension('pg_trgm');
const base = {
  id: uuid({ primaryKey: true }),
  org: uuid({ notNull: true }),
  email: text({ notNull: true }),
  title: text(),
  body: text(),
  data: jsonb(),
  status: text({ notNull: true }),
  score: integer(),
  created_at: timestamptz({ notNull: true }),
};

export const before = [trgm, table('documents', { columns: base })];

export const after = [
  trgm,
  table('documents', {
    columns: base,
    indexes: [
      index([{ expression: sql`lower(email)` }], { unique: true }),
      index([{ expression: sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))` }], { using: 'gin', name: 'documents_search_idx' }),
      index(['data'], { using: 'gin', name: 'documents_data_idx' }),
      index([{ column: 'data', opclass: 'jsonb_path_ops' }], { using: 'gin', name: 'documents_data_path_idx' }),
      index([{ column: 'title', opclass: 'gin_trgm_ops' }], { using: 'gin', name: 'documents_title_trgm_idx' }),
      index(['org', 'created_at'], { include: ['status'], name: 'documents_org_created_idx' }),
      index(['status'], { where: sql`status <> 'archived'`, name: 'documents_open_idx' }),
      index(['org', 'email'], { unique: true, where: sql`status = 'active'`, name: 'documents_active_email_key' }),
      index([{ column: 'score', order: 'desc', nulls: 'last' }], { name: 'documents_score_idx', with: { fillfactor: 70 } }),
      index([{ column: 'title', collation: 'C' }], { name: 'documents_title_c_idx' }),
      index(['created_at'], { using: 'brin', name: 'documents_created_brin' }),
      index(['status'], { using: 'hash', name: 'documents_status_hash' }),
      index(['org', 'score'], { unique: true, nullsNotDistinct: true, name: 'documents_org_score_key' }),
    ],
  }),
];
