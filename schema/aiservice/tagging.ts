import { bigint, check, enumColumn, index, real, sql, table, text, timestamptz, unique, uuid } from 'schemac';
import { assignmentStatus, modelKind } from './namespaces.ts';
import { byNewestFirst, newestFirst } from './pagination.ts';
import { documents, users } from './public.ts';

/** The AI models the service runs (extractors, classifiers, taggers, signal models), by version. */
export const models = table('models', {
  schema: 'tagging',
  comment: 'AI models the service runs, one row per version',
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    name: text({ notNull: true, personal: false }),
    version: text({ notNull: true, personal: false }),
    kind: enumColumn(modelKind, { notNull: true, personal: false }),
    provider: text({ notNull: true, comment: 'Who hosts the model (in-house or a processor)', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
    retired_at: timestamptz({ personal: false }),
  },
  uniques: [unique(['name', 'version'])],
  indexes: [newestFirst(), index(['kind'], { name: 'models_active_kind_idx', where: sql`retired_at IS NULL` })],
});

/** The tag vocabulary: a tree of tags (parent_id), some created by users. */
export const tags = table('tags', {
  schema: 'tagging',
  comment: 'Tag vocabulary, as a tree',
  compliance: { activities: ['document-processing'], retention: 'account-data' },
  columns: {
    id: uuid({ primaryKey: true, default: sql`gen_random_uuid()`, personal: false }),
    slug: text({ notNull: true, unique: true, check: sql`slug ~ '^[a-z0-9-]+(/[a-z0-9-]+)*$'`, personal: false }),
    label: text({ notNull: true, personal: false }),
    parent_id: uuid({ references: { table: 'tagging.tags', onDelete: 'set null' }, personal: false }),
    created_by: uuid({
      references: { table: users, onDelete: 'set null' }, comment: 'NULL for the built-in vocabulary',
      personal: { categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'delete' },
    }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  checks: [check(sql`parent_id IS DISTINCT FROM id`, { name: 'tags_not_own_parent' })],
  indexes: [newestFirst(), index(['parent_id'])],
});

/** Tags on documents: suggested by a model (with its confidence), then accepted or rejected by the user. */
export const tagAssignments = table('tag_assignments', {
  schema: 'tagging',
  comment: 'Tags on documents, suggested by models or set by users',
  compliance: { activities: ['document-processing'], retention: 'processing-inputs' },
  columns: {
    id: bigint({ primaryKey: true, identity: 'always', personal: false }),
    document_id: uuid({ notNull: true, references: { table: documents, onDelete: 'cascade' }, personal: false }),
    tag_id: uuid({ notNull: true, references: { table: tags, onDelete: 'cascade' }, personal: false }),
    model_id: uuid({ references: { table: models }, comment: 'The model that suggested it (NULL: set by hand)', personal: false }),
    assigned_by: uuid({
      references: { table: users, onDelete: 'set null' }, comment: 'The user who set or confirmed it',
      personal: { categories: ['identity.user_reference'], subjects: ['user'], identifiability: 'pseudonymous', erasure: 'delete' },
    }),
    confidence: real({ check: sql`confidence BETWEEN 0 AND 1`, personal: false }),
    status: enumColumn(assignmentStatus, { notNull: true, default: 'suggested', personal: false }),
    created_at: timestamptz({ notNull: true, default: sql`now()`, personal: false }),
  },
  uniques: [unique(['document_id', 'tag_id'])],
  checks: [
    check(sql`model_id IS NOT NULL OR assigned_by IS NOT NULL`, { name: 'tag_assignments_has_author' }),
    check(sql`(model_id IS NULL) = (confidence IS NULL)`, { name: 'tag_assignments_confidence_from_model' }),
  ],
  indexes: [
    newestFirst(),
    byNewestFirst('tag_id'),
    index(['status', { column: 'created_at', order: 'desc' }]),
    index(['model_id']),
  ],
});
