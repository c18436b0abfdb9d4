/**
 * Progress of long operations: one line on stderr that updates in place and is cleared when the
 * work is done, e.g.
 *
 *   ⠋ applying 20260101120000_init: step 12/340 (CREATE INDEX CONCURRENTLY "orders_by_day" …)
 *
 * Shown only on a terminal, only after the command has worked for a while (a second by default:
 * quick commands never flicker), never in --quiet or machine formats, never in CI (see
 * `progressEnabled`). The compiler reports plain `Progress` data; this module words and draws it.
 */
import type { Progress } from '../../compiler/index.js';
import type { Format } from './index.js';

export interface ProgressInputs {
  readonly format: Format;
  readonly quiet: boolean;
  /** Whether stderr is a terminal. */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A CI job's log is not a terminal that redraws lines, even when a pseudo-terminal says it is. */
const inCI = (env: ProgressInputs['env']): boolean => env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== '0' && env['CI'] !== 'false';

export function progressEnabled(inputs: ProgressInputs): boolean {
  return inputs.isTTY && !inputs.quiet && (inputs.format === 'text' || inputs.format === 'sql') && !inCI(inputs.env) && inputs.env['TERM'] !== 'dumb';
}

/** Where the line is drawn: stderr, or a fake in tests. */
export interface ProgressStream {
  readonly columns?: number;
  write(text: string): unknown;
}

/** Time and a repeating timer: the real ones, or a fake clock in tests. */
export interface Ticker {
  now(): number;
  /** Call `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const REAL_TICKER: Ticker = {
  now: () => performance.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    timer.unref(); // a spinner never keeps the process alive
    return () => clearInterval(timer);
  },
};

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface ProgressLineOptions {
  readonly stream: ProgressStream;
  readonly ticker?: Ticker;
  /** Nothing is drawn before the command has run this long (ms). */
  readonly delayMs?: number;
  /** Redraw (spinner frame) interval (ms). */
  readonly intervalMs?: number;
}

/**
 * The updating line. `update` records the latest text and draws it when a redraw is due; a timer
 * also redraws it, so the spinner turns while one long statement runs. (Both are needed: work that
 * keeps the event loop busy, like the embedded database, starves the timer.) Nothing is drawn
 * before the delay. `clear` removes a drawn line before other output is written (the next redraw
 * puts it back below that output); `stop` removes it for good.
 */
export class ProgressLine {
  private readonly ticker: Ticker;
  private readonly started: number;
  private readonly delayMs: number;
  private text: string | undefined;
  private drawn = false;
  private lastDraw = -Infinity;
  private frame = 0;
  private stopTimer: (() => void) | undefined;

  constructor(private readonly options: ProgressLineOptions) {
    this.ticker = options.ticker ?? REAL_TICKER;
    this.started = this.ticker.now();
    this.delayMs = options.delayMs ?? 1000;
  }

  update(text: string): void {
    this.text = text;
    this.stopTimer ??= this.ticker.every(this.intervalMs, () => this.draw());
    if (this.ticker.now() - this.lastDraw >= this.intervalMs) this.draw();
  }

  private get intervalMs(): number {
    return this.options.intervalMs ?? 80;
  }

  /** Remove the line (if drawn) so that other output starts at the beginning of a clean line. */
  clear(): void {
    if (!this.drawn) return;
    this.options.stream.write('\r\u001b[K');
    this.drawn = false;
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.text = undefined;
    this.clear();
  }

  private draw(): void {
    const now = this.ticker.now();
    if (this.text === undefined || now - this.started < this.delayMs) return;
    this.lastDraw = now;
    const line = `${FRAMES[this.frame++ % FRAMES.length]} ${this.text}`;
    this.options.stream.write(`\r${fit(line, (this.options.stream.columns || 80) - 1)}\u001b[K`);
    this.drawn = true;
  }
}

/** The text cut to the terminal's width (a wrapped line could not be redrawn in place). */
export function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** What is running migrations: `applying 20260101120000_init` or `rolling back …`. */
export interface RunningMigration {
  readonly verb: 'applying' | 'rolling back';
  readonly id: string;
}

/** The first line of a statement or description, shortened: details are for recognising, not reading. */
const brief = (detail: string): string => fit(detail.split('\n')[0]!.trim(), 60);

/** The words for a progress report. */
export function describeProgress(p: Progress, running?: RunningMigration): string {
  const detail = p.detail ? ` (${brief(p.detail)})` : '';
  switch (p.phase) {
    case 'load': return `loading declarations: ${p.done}/${p.total} files${detail}`;
    case 'check': return p.done === 0 ? `checking the declarations with the embedded PostgreSQL${detail}` : `checking the declarations with the embedded PostgreSQL: step ${p.done}/${p.total}${detail}`;
    case 'introspect': return `introspecting: ${p.done}/${p.total} catalog queries${detail}`;
    case 'run': return `${running ? `${running.verb} ${running.id}` : 'running'}: step ${p.done}/${p.total}${detail}`;
  }
}
