/** Benchmark settings from environment variables, checked so a typo fails instead of being ignored. */

/** A positive whole number from `name` (underscores allowed: `2_000_000`), or `fallback` when unset. */
export function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, got ${JSON.stringify(raw)}`);
  return value;
}

/** True when `name` is set to `1` or `true`. */
export function flagFromEnv(name: string): boolean {
  return ['1', 'true'].includes((process.env[name] ?? '').trim().toLowerCase());
}
