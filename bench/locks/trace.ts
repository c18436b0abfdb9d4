/**
 * Statement spans of another process: `schemac apply` runs with trace-queries.mjs preloaded, which
 * writes every statement it sends to a file; here they are read back onto this process's clock.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StatementSpan } from './timeline.js';

const HOOK = pathToFileURL(path.join(import.meta.dirname, 'trace-queries.mjs')).href;

interface TraceLine {
  readonly sql: string;
  /** Epoch milliseconds, sub-millisecond precision. */
  readonly start: number;
  readonly end: number;
}

export interface QueryTrace {
  /** Environment that makes a Node child process write its statements to this trace. */
  readonly env: NodeJS.ProcessEnv;
  /** The statements written so far, on this process's performance.now() clock, in order. */
  read(): StatementSpan[];
  remove(): void;
}

export function createQueryTrace(): QueryTrace {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemac-bench-trace-'));
  const file = path.join(dir, 'statements.jsonl');
  const inherited = process.env['NODE_OPTIONS'];
  return {
    env: { BENCH_TRACE_FILE: file, NODE_OPTIONS: `${inherited ? `${inherited} ` : ''}--import ${HOOK}` },
    read() {
      if (!existsSync(file)) return [];
      const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as TraceLine);
      return lines
        .map((line) => ({ sql: line.sql, start: line.start - performance.timeOrigin, end: line.end - performance.timeOrigin }))
        .sort((a, b) => a.start - b.start);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
