/**
 * Preloaded into the `schemac apply` process by the lock benchmark (NODE_OPTIONS=--import …):
 * appends one JSON line per statement the process sends through `pg` — its text, and when it was
 * sent and answered on the epoch clock with sub-millisecond precision — to $BENCH_TRACE_FILE.
 * It only observes: arguments and results pass through unchanged. Plain JavaScript because it is
 * loaded before tsx.
 */
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.BENCH_TRACE_FILE;
// The same `pg` module instance schemac imports: both resolve to the repository's node_modules.
const pg = createRequire(import.meta.url)('pg');
const now = () => performance.timeOrigin + performance.now();

if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function tracedQuery(config, ...rest) {
    const sql = typeof config === 'string' ? config : String(config?.text ?? '');
    const start = now();
    const result = query.call(this, config, ...rest);
    const record = (ok) => appendFileSync(file, `${JSON.stringify({ sql, start, end: now(), ok })}\n`);
    if (result && typeof result.then === 'function') result.then(() => record(true), () => record(false));
    return result;
  };
}
