/**
 * The ways of running the migration under test, each returning its timeline:
 * - `naive`: the plain statements in one transaction, as most migrators run them;
 * - `naive-autocommit`: the same statements, each in its own transaction — not a real migrator's
 *   behaviour, but it shows what each statement stalls on its own;
 * - `schemac`: `schemac apply` of the generated migration, in its own process, its statements
 *   traced (trace-queries.mjs).
 */
import pg from 'pg';
import { NAIVE_STATEMENTS } from './declarations.js';
import { applyMigrations, type SchemacProject } from './project.js';
import { timed, type MigrationTimeline, type StatementSpan } from './timeline.js';
import { createQueryTrace } from './trace.js';

export type VariantName = 'naive' | 'naive-autocommit' | 'schemac';

export const VARIANT_NAMES: readonly VariantName[] = ['naive', 'naive-autocommit', 'schemac'];

export interface Variant {
  readonly name: VariantName;
  /** What the row in the results table stands for. */
  readonly description: string;
  /** Run the migration against `url` (tables created and loaded) while writers run. */
  migrate(url: string): Promise<MigrationTimeline>;
}

/** Run the plain statements on one connection, in one transaction or each on its own. */
async function runNaive(url: string, options: { transaction: boolean }): Promise<MigrationTimeline> {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-naive' });
  await client.connect();
  const spans: StatementSpan[] = [];
  const run = (sql: string): Promise<unknown> => client.query(sql);
  try {
    const statements = options.transaction ? ['BEGIN', ...NAIVE_STATEMENTS, 'COMMIT'] : NAIVE_STATEMENTS;
    for (const sql of statements) await timed(spans, sql, run);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  return { start: spans[0]!.start, end: spans.at(-1)!.end, statements: spans };
}

/** `schemac apply` as a child process, its statements traced; the window is its first statement to its last. */
async function runSchemac(project: SchemacProject, url: string): Promise<MigrationTimeline> {
  const trace = createQueryTrace();
  try {
    const started = performance.now();
    await applyMigrations(project, url, { env: trace.env });
    const ended = performance.now();
    const statements = trace.read();
    return { start: statements[0]?.start ?? started, end: statements.at(-1)?.end ?? ended, statements, commandMs: ended - started };
  } finally {
    trace.remove();
  }
}

export function variants(project: SchemacProject): Record<VariantName, Variant> {
  return {
    naive: {
      name: 'naive',
      description: 'the four plain statements in one transaction',
      migrate: (url) => runNaive(url, { transaction: true }),
    },
    'naive-autocommit': {
      name: 'naive-autocommit',
      description: 'the four plain statements, each in its own transaction',
      migrate: (url) => runNaive(url, { transaction: false }),
    },
    schemac: {
      name: 'schemac',
      description: '`schemac apply` of the generated migration',
      migrate: (url) => runSchemac(project, url),
    },
  };
}
