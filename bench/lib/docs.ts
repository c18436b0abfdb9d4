/**
 * Writing results into docs/benchmarks.md: each benchmark owns the text between its two markers
 * (`<!-- results:locks:start -->` … `<!-- results:locks:end -->`) under its own `## ` heading;
 * the prose around them is written by hand and left alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const BENCHMARKS_DOC = path.resolve(import.meta.dirname, '../../docs/benchmarks.md');

export interface ResultsSection {
  /** Marker id, e.g. `locks`. */
  readonly id: string;
  /** The `## ` heading to add the markers under when they are missing, e.g. `Lock benchmark`. */
  readonly heading: string;
  readonly body: string;
}

/** Replace the section's results in docs/benchmarks.md (adding heading and markers when missing). */
export function writeResults(section: ResultsSection, file = BENCHMARKS_DOC): void {
  const start = `<!-- results:${section.id}:start -->`;
  const end = `<!-- results:${section.id}:end -->`;
  const block = `${start}\n${section.body.trim()}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const updated = from >= 0 && to > from
    ? text.slice(0, from) + block + text.slice(to + end.length)
    : insertUnderHeading(text, `## ${section.heading}`, block);
  writeFileSync(file, updated);
}

/** Put `block` at the end of the heading's section, or a new section at the end of the file. */
function insertUnderHeading(text: string, heading: string, block: string): string {
  const at = text.split('\n').findIndex((line) => line.trim() === heading);
  if (at < 0) return `${text.trimEnd()}\n\n${heading}\n\n${block}\n`;
  const lines = text.split('\n');
  const next = lines.findIndex((line, i) => i > at && line.startsWith('## '));
  const cut = next < 0 ? lines.length : next;
  const before = lines.slice(0, cut).join('\n').trimEnd();
  const after = lines.slice(cut).join('\n');
  return `${before}\n\n${block}\n${after ? `\n${after}` : ''}`;
}
