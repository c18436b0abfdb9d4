/**
 * Settings and bookkeeping shared by the property tests: case counts and seed from the
 * environment, replay instructions on failure, and a summary of what the run covered.
 *
 *   SCHEMAC_PROPERTY_RUNS=5000      cases of the migration property (default 500)
 *   SCHEMAC_PROPERTY_SEED=1234      seed (default: a fixed one, so CI runs the same cases)
 *   SCHEMAC_PROPERTY_PATH=12:0:3    replay one (shrunk) counterexample printed by a failure
 *   SCHEMAC_PROPERTY_DEV_DATABASE=n also compare through the embedded dev database every n-th case
 */
import fc from 'fast-check';

export const DEFAULT_SEED = 20_260_315;

const numberFromEnv = (name: string): number | undefined => {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, not ${JSON.stringify(text)}`);
  return value;
};

export interface PropertySettings {
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
}

/** Runs for a property: `SCHEMAC_PROPERTY_RUNS` scaled by `share` (the identifier property runs a fifth as many). */
export function propertySettings(defaultRuns: number, share = 1): PropertySettings {
  const runs = numberFromEnv('SCHEMAC_PROPERTY_RUNS');
  const path = process.env['SCHEMAC_PROPERTY_PATH'];
  return {
    runs: runs === undefined ? defaultRuns : Math.max(1, Math.round(runs * share)),
    seed: numberFromEnv('SCHEMAC_PROPERTY_SEED') ?? DEFAULT_SEED,
    ...(path ? { path } : {}),
  };
}

/** Every n-th case also compares through the dev database (0: never). */
export const devDatabaseEvery = (): number => numberFromEnv('SCHEMAC_PROPERTY_DEV_DATABASE') ?? 0;

/** fc.assert, with the command that replays a failure added to its message. */
export async function assertProperty<T>(property: fc.IAsyncPropertyWithHooks<T>, settings: PropertySettings, testFile: string): Promise<void> {
  const options: fc.Parameters<T> = {
    numRuns: settings.runs,
    seed: settings.seed,
    ...(settings.path ? { path: settings.path, endOnFailure: true } : {}),
    // Discards are validation rejections; a few per run are normal.
    maxSkipsPerRun: 5,
  };
  try {
    await fc.assert(property, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const found = /seed: (-?\d+), path: "([^"]*)"/.exec(message);
    const replay = found
      ? `Replay: SCHEMAC_PROPERTY_SEED=${found[1]} SCHEMAC_PROPERTY_PATH=${found[2]} npx vitest run ${testFile}`
      : `Seed: ${settings.seed}`;
    throw new Error(`${replay}\n${message}`, { cause: error });
  }
}

/** Counts of what a run exercised, printed at the end. */
export class Coverage {
  readonly counts = new Map<string, number>();
  cases = 0;
  discarded = 0;
  readonly started = performance.now();

  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }

  /** Add the milliseconds since `since` to a timing counter. */
  time(key: string, since: number): void {
    this.add(key, Math.round(performance.now() - since));
  }

  async timed<T>(key: string, work: () => Promise<T>): Promise<T> {
    const since = performance.now();
    try {
      return await work();
    } finally {
      this.time(key, since);
    }
  }

  summary(title: string): string {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    const lines = [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `  ${k}: ${v}`);
    return `${title}: ${this.cases} cases (${this.discarded} discarded: rejected by validation or hitting a known bug) in ${seconds} s\n${lines.join('\n')}`;
  }
}
