import type { SourceRef } from '../model/types.js';
import type { ObjectPath } from '../model/paths.js';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** A problem found by a phase. Errors are data: phases return these, only the CLI prints them. */
export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  readonly hint?: string;
  readonly at?: SourceRef;
  readonly path?: ObjectPath;
}

export interface DiagnosticInit {
  readonly message: string;
  readonly hint?: string;
  readonly at?: SourceRef;
  readonly path?: ObjectPath;
  readonly severity?: Severity;
}

export function diagnostic(code: DiagnosticCode, init: DiagnosticInit): Diagnostic {
  return {
    code,
    severity: init.severity ?? 'error',
    message: init.message,
    hint: init.hint ?? DIAGNOSTIC_CODES[code].hint,
    ...(init.at ? { at: init.at } : {}),
    ...(init.path ? { path: init.path } : {}),
  };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');

const SCHEMAC_ERROR = Symbol.for('schemac.error');

/**
 * A failure that must stop a command: carries diagnostics up to the CLI. Thrown by phases that do
 * I/O (loading, database, files) where returning through every caller would obscure the flow.
 *
 * `instanceof` recognises one thrown by another copy of this module too: the installed command
 * runs the compiler bundled into one script (scripts/bundle-cli.mjs), while a project's config
 * and declarations import the package's modules.
 */
export class SchemacError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[], options?: { cause?: unknown }) {
    super(diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'), options);
    this.name = 'SchemacError';
    this.diagnostics = diagnostics;
    Object.defineProperty(this, SCHEMAC_ERROR, { value: true });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[SCHEMAC_ERROR] === true;
  }
}

export function fail(code: DiagnosticCode, init: DiagnosticInit, cause?: unknown): never {
  throw new SchemacError([diagnostic(code, init)], cause === undefined ? undefined : { cause });
}
