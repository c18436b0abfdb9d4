/**
 * Semantic search over documents: the one part of advisoros that needs the `vector` extension
 * (pgvector). Everything that depends on it is in this file: the extension is optional and
 * document_embeddings requires it, so on a server without pgvector apply skips this part and says
 * so, and drift and verify leave it out (see docs/dsl.md, optional extensions).
 */
import { column, extension, foreignKey, index, integer, processingActivity, sql, table, text, timestamptz, uuid, varchar } from 'schemac';
import { documents } from './documents.ts';
import { organizations } from './tenancy.ts';

/** pgvector: the vector(n) type and the hnsw / ivfflat index methods. */
export const vectorExtension = extension('vector', { optional: 'semantic search over documents (document_embeddings and its hnsw index)' });

export const documentSearch = processingActivity('document-search', {
  name: 'Document search',
  purpose: 'Letting staff find documents in a client file by meaning, not only by exact words',
  lawfulBasis: 'legitimate-interests',
  legitimateInterest: 'Finding the right client document quickly; embeddings are derived from documents the firm already holds, stay within the firm and are deleted with their document',
  subjects: ['client', 'client-contact'],
  recipients: ['embedding model provider (processor)'],
  transfers: [{ country: 'US', mechanism: 'SCCs 2021/914' }],
});

/** One chunk of a document's text and its embedding (1536 dimensions). */
export const documentEmbeddings = table('document_embeddings', {
  comment: "One chunk of a document's text and its embedding",
  compliance: { tenant: { column: 'organization_id' }, activities: ['document-search'], retention: 'client-relationship' },
  requires: ['vector'],
  columns: {
    id: uuid({ primaryKey: true, default: sql`uuid_generate_v4()`, personal: false }),
    organization_id: uuid({ notNull: true, references: { table: organizations, onDelete: 'cascade' }, personal: false }),
    document_id: uuid({ notNull: true, personal: false }),
    document_created_at: timestamptz({ notNull: true, comment: "The document's partition key", personal: false }),
    chunk_index: integer({ notNull: true, check: sql`chunk_index >= 0`, personal: false }),
    content: text({
      notNull: true, sensitivity: 'restricted', comment: 'The chunk of text that was embedded',
      personal: { categories: ['other.document_content', 'financial.records'], subjects: ['client', 'client-contact'], identifiability: 'direct', erasure: 'delete' },
    }),
    model: varchar({ length: 64, notNull: true, default: 'text-embedding-3-small', personal: false }),
    embedding: column('vector(1536)', {
      schema: 'public', notNull: true, sensitivity: 'restricted', comment: 'Derived from the content; can leak it, so classified like it',
      personal: { categories: ['other.derived_embedding'], subjects: ['client', 'client-contact'], identifiability: 'pseudonymous', erasure: 'delete' },
    }),
    token_count: integer({ notNull: true, check: sql`token_count > 0`, personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  foreignKeys: [
    foreignKey(['document_id', 'document_created_at'], { table: documents, columns: ['id', 'created_at'] }, { onDelete: 'cascade', name: 'document_embeddings_document_fkey' }),
  ],
  uniques: [{ kind: 'unique', columns: ['document_id', 'document_created_at', 'model', 'chunk_index'] }],
  indexes: [
    index(['organization_id', 'model'], { include: ['document_id'] }),
    index([{ column: 'embedding', opclass: 'vector_cosine_ops' }], { using: 'hnsw', with: { m: 16, ef_construction: 64 }, name: 'document_embeddings_embedding_hnsw_idx' }),
    index(['organization_id', 'created_at']),
  ],
});
