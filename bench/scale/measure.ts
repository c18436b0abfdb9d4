/**
 * One timed command: wall time and peak memory (maximum resident set size, from GNU time) of a
 * child process, with a time limit so a tool that grows badly cannot stall the benchmark.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';

export interface Measurement {
  readonly ms: number;
  /** Peak resident memory in MiB (NaN when GNU time is missing). */
  readonly peakMiB: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

export interface MeasureOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
}

/** Run `command args…`, measured. Never throws for the command's own failure (see `code`). */
export function measure(command: string, args: readonly string[], options: MeasureOptions): Promise<Measurement> {
  const withTime = existsSync(GNU_TIME);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-bench-time-'));
  const report = path.join(dir, 'rss');
  const [file, argv] = withTime ? [GNU_TIME, ['-f', '%M', '-o', report, command, ...args]] : [command, [...args]];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      let peakMiB = Number.NaN;
      try {
        const kib = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kib)) peakMiB = kib / 1024;
      } catch {
        // no report: killed, or no GNU time
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ ms, peakMiB, code: code ?? -1, stdout, stderr, timedOut });
    });
  });
}
