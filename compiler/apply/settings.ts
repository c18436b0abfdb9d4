/**
 * How migrations run: timeouts, lock retries, progress. Apart from the runner (runner.ts) so that
 * commands can read the defaults without loading it.
 */
import type { OnProgress } from '../model/progress.js';
import type { Unit } from './script.js';

export interface RunSettings {
  /** `lock_timeout` for every statement, in ms (0: wait forever). */
  readonly lockTimeoutMs: number;
  /** `statement_timeout` for every statement, in ms (0: no limit). */
  readonly statementTimeoutMs: number;
  /** Retries of a unit that hit a lock timeout or deadlock. */
  readonly lockRetries: number;
  /** First wait before a retry, in ms; doubled each time, at most 30 s. */
  readonly retryDelayMs: number;
  /** How long apply and rollback wait for the migration lock another applier holds, in ms (default 60 s; 0: not at all). */
  readonly lockWaitMs?: number;
  readonly onRetry?: (info: { unit: Unit; attempt: number; waitMs: number; message: string }) => void;
  /** Called as each statement of the script starts (`step 12/340`, by the script's step headers). */
  readonly onProgress?: OnProgress;
}

export const DEFAULT_RUN_SETTINGS: RunSettings = { lockTimeoutMs: 5000, statementTimeoutMs: 0, lockRetries: 5, retryDelayMs: 1000, lockWaitMs: 60_000 };
