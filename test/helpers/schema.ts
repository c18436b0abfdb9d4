/** Helpers to run the pipeline in-process: declarations → model → SQL → database → model. */
import type { Database } from '../../compiler/db/connection.js';
import { diffSchemas, type Change } from '../../compiler/diff/index.js';
import { buildSchema } from '../../compiler/dsl/build.js';
import type { Declaration } from '../../compiler/dsl/declarations.js';
import { loadParser } from '../../compiler/expr/index.js';
import { introspect } from '../../compiler/introspect/index.js';
import type { Schema } from '../../compiler/model/types.js';
import { validateSchema } from '../../compiler/model/validate.js';
import { planChanges } from '../../compiler/plan/index.js';
import { renderMigrationFiles, renderSteps } from '../../compiler/render/index.js';
import { runMigrationScript } from '../../compiler/apply/index.js';
import { comparableSchemas } from '../../compiler/workflows.js';
import { quoteIdent } from '../../compiler/render/quote.js';
import { checkCompliance } from '../../compiler/compliance/checks.js';
import { enforceCompliance } from '../../compiler/compliance/enforce.js';
import { freezeSchema } from '../../compiler/model/freeze.js';

/** Build and validate a schema from declarations; throws on any diagnostic. */
export async function declare(...declarations: Declaration[]): Promise<Schema> {
  await loadParser();
  const built = buildSchema(declarations, process.cwd());
  const problems = [...built.diagnostics, ...validateSchema(built.schema, built.locate)];
  if (problems.length > 0) throw new Error(problems.map((d) => `${d.code} ${d.message}`).join('\n'));
  return built.schema;
}

/**
 * Build, validate and check declarations as `generate` does, compliance enforcement included
 * (tenant policies, guard triggers, grants, annotated comments); throws on any error.
 */
export async function declareEnforced(...declarations: Declaration[]): Promise<Schema> {
  await loadParser();
  const built = buildSchema(declarations, process.cwd());
  const problems = [...built.diagnostics, ...validateSchema(built.schema, built.locate), ...checkCompliance(built.schema, built.locate)].filter((d) => d.severity === 'error');
  if (problems.length > 0) throw new Error(problems.map((d) => `${d.code} ${d.message}`).join('\n'));
  return freezeSchema(enforceCompliance(built.schema));
}

/** The up and down migration files between two schemas, exactly as `generate` writes them. */
export async function migrationSql(from: Schema, to: Schema, options: { online?: boolean } = {}): Promise<{ up: string; down: string; changes: Change[] }> {
  await loadParser();
  const changes = diffSchemas(from, to, { dataSteps: true });
  const steps = renderSteps(planChanges(changes, { from, to, ...options }));
  const files = renderMigrationFiles('test', steps);
  return { changes, up: files.up, down: files.down };
}

/** Run a migration file as `apply` runs it: shared steps in one transaction, the others on their own. */
export async function runScript(db: Database, sql: string): Promise<void> {
  await runMigrationScript(db, sql);
}

/**
 * Differences between the live database and a schema (empty: they match), compared exactly as
 * `schemac drift` compares them (`devDatabase: false`: without the embedded dev database, as when
 * it cannot build the schema).
 */
export async function remainingChanges(db: Database, expected: Schema, options: { devDatabase?: boolean } = {}): Promise<Change[]> {
  const comparable = await comparableSchemas(db, expected, await introspect(db), options);
  return diffSchemas(comparable.live, comparable.declared);
}

export const describeChanges = (changes: readonly Change[]): string[] => changes.map((c) => `${c.kind} ${c.path}`);

/** Remove every user object (schemas, extensions) so the next case starts from an empty database. */
export async function resetDatabase(db: Database): Promise<void> {
  const schemas = await db.query<{ name: string }>(
    "SELECT nspname AS name FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname !~ '^pg_(toast_)?temp_'",
  );
  const extensions = await db.query<{ name: string }>("SELECT extname AS name FROM pg_extension WHERE extname <> 'plpgsql'");
  const statements = [
    ...extensions.map((x) => `DROP EXTENSION ${quoteIdent(x.name)} CASCADE`),
    ...schemas.map((s) => `DROP SCHEMA ${quoteIdent(s.name)} CASCADE`),
    'CREATE SCHEMA public',
  ];
  await db.exec(statements.join(';\n'));
}
