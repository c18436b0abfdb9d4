/**
 * Backward-incompatible statements: the application version running while (and right after) the
 * migration is applied still uses the old names and objects, and fails on the new schema.
 */
import { statementOf, type AnyNode, type StatementNode } from '../nodes.js';
import { NO_HITS, type RuleDefinition, type RuleHit } from '../rule.js';
import type { CreatedKind } from '../state.js';
import { nameFromParts, objectName, relationName, strings, type QualifiedName } from '../tree.js';
import { columnAt, droppedExisting, hit, isExisting, show } from './support.js';

/** `ALTER TABLE public.users RENAME COLUMN name TO full_name` */
export const renameColumn: RuleDefinition = {
  code: 'SC632',
  name: 'rename-column',
  severity: 'warning',
  category: 'backward-incompatible',
  title: 'column renamed',
  why: 'Application code deployed before the migration still reads and writes the old column name and fails from the moment the rename commits until the new code is everywhere.',
  fix: 'Expand and contract: add the new column, write both (trigger or application), backfill, switch reads to the new column, and drop the old one in a later release. For a short overlap, a view exposing the old name can bridge.',
  example: {
    bad: 'ALTER TABLE public.users RENAME COLUMN name TO full_name;',
    good: 'ALTER TABLE public.users ADD COLUMN full_name text;\n-- write both columns, backfill, switch reads; drop "name" in a later release',
  },
  check: ({ node }, context) => {
    const rename = statementOf(node, 'RenameStmt');
    if (rename?.renameType !== 'OBJECT_COLUMN' || !rename.relation || !rename.subname) return NO_HITS;
    const table = relationName(rename.relation);
    if (!isExisting(context, table)) return NO_HITS;
    return [hit(`renames column ${show(table)}.${rename.subname} to ${rename.newname}: running code that uses the old name fails`, { path: columnAt(table, rename.subname) })];
  },
};

/** How each renamable kind is found, named and shown. */
const RENAMED_KINDS: Readonly<Record<string, { readonly kind: CreatedKind; readonly label: string }>> = {
  OBJECT_TABLE: { kind: 'relation', label: 'table' },
  OBJECT_VIEW: { kind: 'relation', label: 'view' },
  OBJECT_MATVIEW: { kind: 'relation', label: 'materialized view' },
  OBJECT_SCHEMA: { kind: 'schema', label: 'schema' },
  OBJECT_TYPE: { kind: 'type', label: 'type' },
  OBJECT_DOMAIN: { kind: 'type', label: 'domain' },
  OBJECT_FUNCTION: { kind: 'function', label: 'function' },
  OBJECT_PROCEDURE: { kind: 'function', label: 'procedure' },
};

function renamedObject(node: StatementNode): { type: string; name: QualifiedName; change: string } | undefined {
  const rename = statementOf(node, 'RenameStmt');
  if (rename && RENAMED_KINDS[rename.renameType]) {
    const name =
      rename.renameType === 'OBJECT_SCHEMA'
        ? { schema: rename.subname ?? '', name: rename.subname ?? '' }
        : rename.relation
          ? relationName(rename.relation)
          : objectName(rename.object as AnyNode);
    return { type: rename.renameType, name, change: `renames ${RENAMED_KINDS[rename.renameType]!.label} ${display(rename.renameType, name)} to ${rename.newname}` };
  }
  const moved = statementOf(node, 'AlterObjectSchemaStmt');
  if (moved && RENAMED_KINDS[moved.objectType]) {
    const name = moved.relation ? relationName(moved.relation) : objectName(moved.object as AnyNode);
    return { type: moved.objectType, name, change: `moves ${RENAMED_KINDS[moved.objectType]!.label} ${show(name)} to schema ${moved.newschema}` };
  }
  return undefined;
}

const display = (type: string, name: QualifiedName): string => (type === 'OBJECT_SCHEMA' ? name.name : show(name));

function renamedEnumValue(node: StatementNode): RuleHit[] {
  const alter = statementOf(node, 'AlterEnumStmt');
  if (alter?.oldVal === undefined || alter.newVal === undefined) return [];
  const type = nameFromParts(strings(alter.typeName));
  return [hit(`renames value '${alter.oldVal}' of enum ${show(type)} to '${alter.newVal}': running code that writes or compares the old value fails`)];
}

/** `ALTER TABLE public.users RENAME TO accounts`, `ALTER TYPE public.status RENAME TO order_status` */
export const renameObject: RuleDefinition = {
  code: 'SC633',
  name: 'rename-object',
  severity: 'warning',
  category: 'backward-incompatible',
  title: 'table, view, schema, type or function renamed',
  why: 'Renaming (or moving to another schema) a table, view, schema, type, enum value or function breaks every query of the running application that uses the old name, from the moment the migration commits.',
  fix: 'Keep the old name working during the deploy: rename, then create a view (for tables: a simple, updatable view) or wrapper function under the old name; drop it once no code uses it. Or create the new object, migrate the code, and drop the old one later.',
  example: {
    bad: 'ALTER TABLE public.users RENAME TO accounts;',
    good: '-- schemac:allow SC633 public.users stays readable and writable through the view below\nALTER TABLE public.users RENAME TO accounts;\nCREATE VIEW public.users AS SELECT * FROM public.accounts;  -- drop in a later release',
  },
  check: ({ node }, context) => {
    const renamed = renamedObject(node);
    if (!renamed) return [...renamedEnumValue(node)];
    if (context.file.isNew(RENAMED_KINDS[renamed.type]!.kind, renamed.name)) return NO_HITS;
    return [hit(`${renamed.change}: running code that uses the old name fails`)];
  },
};

/** `DROP VIEW public.active_users` */
export const dropView: RuleDefinition = {
  code: 'SC634',
  name: 'drop-view',
  severity: 'warning',
  category: 'backward-incompatible',
  title: 'view dropped',
  why: 'Running code (and reports, other services) that still query the view fail once it is gone. A materialized view also loses its computed contents.',
  fix: 'Remove the uses of the view from every client and deploy that first; then drop it and suppress this finding with the reason. To change a view, prefer CREATE OR REPLACE VIEW when the columns stay compatible.',
  example: { bad: 'DROP VIEW public.active_users;', good: 'CREATE OR REPLACE VIEW public.active_users AS SELECT id, email, last_seen_at FROM public.users WHERE active;' },
  check: ({ node }, context) =>
    droppedExisting(node, ['OBJECT_VIEW', 'OBJECT_MATVIEW'], 'relation', context).map(({ type, name }) =>
      hit(`drops ${type === 'OBJECT_MATVIEW' ? 'materialized view' : 'view'} ${show(name)}: running code that queries it fails`, { path: `view:${show(name)}` }),
    ),
};

/** `DROP FUNCTION public.full_name(public.users)` */
export const dropFunction: RuleDefinition = {
  code: 'SC635',
  name: 'drop-function',
  severity: 'warning',
  category: 'backward-incompatible',
  title: 'function or procedure dropped',
  why: 'Running code, triggers defined elsewhere, and other services that call the function fail once it is gone.',
  fix: 'Remove the callers first and deploy that; then drop the function and suppress this finding with the reason. To change a function, prefer CREATE OR REPLACE FUNCTION with a compatible signature.',
  example: {
    bad: 'DROP FUNCTION public.full_name(public.users);',
    good: "CREATE OR REPLACE FUNCTION public.full_name(u public.users) RETURNS text LANGUAGE sql AS $$ SELECT u.first_name || ' ' || u.last_name $$;",
  },
  check: ({ node }, context) =>
    droppedExisting(node, ['OBJECT_FUNCTION', 'OBJECT_PROCEDURE', 'OBJECT_ROUTINE'], 'function', context).map(({ type, name }) =>
      hit(`drops ${type === 'OBJECT_PROCEDURE' ? 'procedure' : 'function'} ${show(name)}: running code that calls it fails`),
    ),
};

export const COMPATIBILITY_RULES: readonly RuleDefinition[] = [renameColumn, renameObject, dropView, dropFunction];
