import type { Diagnostic } from './diagnostic.js';
import { compareText } from '../model/paths.js';

/** The docs page of a code, in the schemac package (and repository). */
export const diagnosticPage = (code: string): string => `docs/diagnostics/${code}.md`;

/** `schema/users.ts:12 SC203 error: index "x" references unknown column "y"` + an indented hint and docs page. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.at ? `${d.at.file}${d.at.line > 0 ? `:${d.at.line}` : ''} ` : '';
  const object = d.path && !d.message.includes(d.path) ? ` (${d.path})` : '';
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${where}${d.code} ${d.severity}: ${d.message}${object}${hint}\n  docs: ${diagnosticPage(d.code)} (in the schemac package)`;
}

/** Deterministic order: by file, line, code, message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.at?.file ?? '', b.at?.file ?? '') ||
      (a.at?.line ?? 0) - (b.at?.line ?? 0) ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}
