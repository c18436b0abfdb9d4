/**
 * Printing: text or JSON, colour only on a TTY (and never with NO_COLOR), errors as one clear
 * message per diagnostic, never a stack trace unless --debug, never a password.
 */
import { formatDiagnostic, redactUrl, SchemacError, sortDiagnostics, type Diagnostic } from '../compiler/index.js';

export type Format = 'text' | 'json' | 'markdown' | 'github' | 'sql';

export interface OutputOptions {
  readonly format: Format;
  readonly quiet: boolean;
  readonly debug: boolean;
}

const useColour = (stream: NodeJS.WriteStream): boolean => stream.isTTY === true && !('NO_COLOR' in process.env);

export const paint = (stream: NodeJS.WriteStream) => (code: number, text: string): string =>
  useColour(stream) ? `\u001b[${code}m${text}\u001b[0m` : text;

/** Replace credentials in anything that looks like a connection URL. */
export function redact(text: string): string {
  return text.replace(/\b(postgres(?:ql)?:\/\/)[^\s'"]+/g, (url) => redactUrl(url));
}

export class Output {
  constructor(readonly options: OutputOptions) {}

  /** A line of human output (suppressed by --quiet and in JSON mode). */
  info(text: string): void {
    if (!this.options.quiet && this.options.format !== 'json') process.stdout.write(`${redact(text)}\n`);
  }

  /** Results: always printed (they are what the command is for). */
  result(text: string): void {
    process.stdout.write(redact(text).endsWith('\n') ? redact(text) : `${redact(text)}\n`);
  }

  json(value: unknown): void {
    process.stdout.write(`${redact(JSON.stringify(value, null, 2))}\n`);
  }

  /** Things the user should know as they happen (a retry after a lock timeout): stderr, unless --quiet. */
  notice(text: string): void {
    if (!this.options.quiet) process.stderr.write(`${redact(text)}\n`);
  }

  /** Progress notes to stderr, so stdout stays clean for SQL/JSON. */
  progress(text: string): void {
    if (!this.options.quiet && process.stderr.isTTY) process.stderr.write(`${redact(text)}\n`);
  }

  diagnostics(list: readonly Diagnostic[]): void {
    const red = paint(process.stderr);
    for (const d of sortDiagnostics(list)) {
      if (this.options.format === 'github') {
        const where = d.at ? ` file=${d.at.file}${d.at.line ? `,line=${d.at.line}` : ''}` : '';
        process.stdout.write(`::${d.severity === 'error' ? 'error' : 'warning'}${where},title=${d.code}::${redact(d.message)}\n`);
      } else {
        const text = redact(formatDiagnostic(d));
        process.stderr.write(`${d.severity === 'error' ? red(31, text.split('\n')[0]!) : text.split('\n')[0]}${text.includes('\n') ? `\n${text.split('\n').slice(1).join('\n')}` : ''}\n`);
      }
    }
  }

  /** Print an error and return the exit code (2): diagnostics, or an unexpected failure. */
  failure(error: unknown): number {
    if (error instanceof SchemacError) {
      if (this.options.format === 'json') process.stdout.write(`${redact(JSON.stringify({ ok: false, diagnostics: error.diagnostics }, null, 2))}\n`);
      else this.diagnostics(error.diagnostics);
      if (this.options.debug && error.cause) process.stderr.write(`${redact(String((error.cause as Error).stack ?? error.cause))}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${redact(`schemac: internal error: ${message}`)}\n  hint: this is a bug in schemac; re-run with --debug for details and report it.\n`);
    if (this.options.debug && error instanceof Error && error.stack) process.stderr.write(`${redact(error.stack)}\n`);
    return 2;
  }
}
