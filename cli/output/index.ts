/**
 * Printing: text or JSON, colour only where it helps (see colour.ts), a progress line for long
 * operations (see progress.ts), errors as one clear message per diagnostic, never a stack trace
 * unless --debug, never a password.
 */
import { formatDiagnostic, redactUrl, SchemacError, sortDiagnostics, type Diagnostic, type Progress } from '../../compiler/index.js';
import { colourEnabled, palette, type Palette } from './colour.js';
import { describeProgress, progressEnabled, ProgressLine, type RunningMigration } from './progress.js';

export type Format = 'text' | 'json' | 'markdown' | 'github' | 'sql';

export interface OutputOptions {
  readonly format: Format;
  readonly quiet: boolean;
  readonly debug: boolean;
  /** false after `--no-color`. */
  readonly color?: boolean;
}

/** Replace credentials in anything that looks like a connection URL. */
export function redact(text: string): string {
  return text.replace(/\b(postgres(?:ql)?:\/\/)[^\s'"]+/g, (url) => redactUrl(url));
}

export class Output {
  /** Styles for what goes to stdout and to stderr (plain where colour is off). */
  readonly colour: Palette;
  readonly errorColour: Palette;
  private readonly progressLine: ProgressLine | undefined;
  private running: RunningMigration | undefined;

  constructor(readonly options: OutputOptions, env: NodeJS.ProcessEnv = process.env) {
    const colour = (stream: NodeJS.WriteStream) => palette(colourEnabled({ format: options.format, colorFlag: options.color !== false, isTTY: stream.isTTY === true, env }));
    this.colour = colour(process.stdout);
    this.errorColour = colour(process.stderr);
    const showProgress = progressEnabled({ format: options.format, quiet: options.quiet, isTTY: process.stderr.isTTY === true, env });
    // SCHEMAC_PROGRESS_DELAY_MS: how long work runs before the line shows (default 1000; tests use 0).
    const delay = Number(env['SCHEMAC_PROGRESS_DELAY_MS'] || 1000);
    this.progressLine = showProgress ? new ProgressLine({ stream: process.stderr, delayMs: Number.isFinite(delay) ? delay : 1000 }) : undefined;
  }

  /** Every write goes through here: a progress line is cleared first (and redrawn by its timer). */
  private write(stream: NodeJS.WriteStream, text: string): void {
    this.progressLine?.clear();
    stream.write(text);
  }

  /** A line of human output (suppressed by --quiet and in JSON mode). */
  info(text: string): void {
    if (!this.options.quiet && this.options.format !== 'json') this.write(process.stdout, `${redact(text)}\n`);
  }

  /** Results: always printed (they are what the command is for). */
  result(text: string): void {
    this.write(process.stdout, redact(text).endsWith('\n') ? redact(text) : `${redact(text)}\n`);
  }

  json(value: unknown): void {
    this.write(process.stdout, `${redact(JSON.stringify(value, null, 2))}\n`);
  }

  /** Things the user should know as they happen (a retry after a lock timeout): stderr, unless --quiet. */
  notice(text: string): void {
    if (!this.options.quiet) this.write(process.stderr, `${redact(text)}\n`);
  }

  /** Progress notes to stderr, so stdout stays clean for SQL/JSON. */
  progress(text: string): void {
    if (!this.options.quiet && process.stderr.isTTY) this.write(process.stderr, `${redact(text)}\n`);
  }

  /** Report how a long operation advances: the updating line on stderr, where it is shown at all. */
  advance(progress: Progress): void {
    this.progressLine?.update(redact(describeProgress(progress, this.running)));
  }

  /** The migration whose statements the next `run` progress reports are about. */
  runningMigration(running: RunningMigration | undefined): void {
    this.running = running;
  }

  /** The work is done: remove the progress line. */
  finish(): void {
    this.progressLine?.stop();
  }

  /** Diagnostics on stderr (warnings left out with --quiet), or as annotations with --format github. */
  diagnostics(list: readonly Diagnostic[]): void {
    for (const d of sortDiagnostics(list)) {
      if (this.options.format === 'github') {
        const where = d.at ? ` file=${d.at.file}${d.at.line ? `,line=${d.at.line}` : ''}` : '';
        this.write(process.stdout, `::${d.severity === 'error' ? 'error' : 'warning'}${where},title=${d.code}::${redact(d.message)}\n`);
      } else if (d.severity === 'error' || !this.options.quiet) {
        const [first, ...rest] = redact(formatDiagnostic(d)).split('\n');
        const style = d.severity === 'error' ? this.errorColour.red : this.errorColour.yellow;
        this.write(process.stderr, `${[style(first!), ...rest].join('\n')}\n`);
      }
    }
  }

  /** Print an error and return the exit code (2): diagnostics, or an unexpected failure. */
  failure(error: unknown): number {
    if (error instanceof SchemacError) {
      if (this.options.format === 'json') this.write(process.stdout, `${redact(JSON.stringify({ ok: false, diagnostics: error.diagnostics }, null, 2))}\n`);
      else this.diagnostics(error.diagnostics);
      if (this.options.debug && error.cause) this.write(process.stderr, `${redact(String((error.cause as Error).stack ?? error.cause))}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.write(process.stderr, `${redact(`schemac: internal error: ${message}`)}\n  hint: this is a bug in schemac; re-run with --debug for details and report it.\n`);
    if (this.options.debug && error instanceof Error && error.stack) this.write(process.stderr, `${redact(error.stack)}\n`);
    return 2;
  }
}
