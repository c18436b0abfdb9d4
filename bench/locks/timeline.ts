/**
 * What a migration did and when, on the benchmark's clock (performance.now(), milliseconds):
 * the window it held the database, and one span per statement it ran.
 */

/** One statement of the migration, from the moment it was sent until it finished. */
export interface StatementSpan {
  readonly sql: string;
  readonly start: number;
  readonly end: number;
}

export interface MigrationTimeline {
  /** From the migration's first statement being sent to its last one's answer. */
  readonly start: number;
  readonly end: number;
  readonly statements: readonly StatementSpan[];
  /** Wall time of the whole command when it ran as a separate process (`schemac apply`). */
  readonly commandMs?: number;
}

/** Run `sql` on `run` and record its span. */
export async function timed(spans: StatementSpan[], sql: string, run: (sql: string) => Promise<unknown>): Promise<void> {
  const start = performance.now();
  await run(sql);
  spans.push({ sql, start, end: performance.now() });
}
