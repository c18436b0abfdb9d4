/** Number formatting and aligned markdown tables for benchmark output. */

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align?: Align;
}

/**
 * A markdown table whose columns are padded to the same width, so it reads well both in a
 * terminal and rendered:
 *
 * | variant | stall  |
 * |:--------|-------:|
 * | naive   | 3.10 s |
 */
export function markdownTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) => Math.max(3, column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const pad = (text: string, i: number): string => (columns[i]?.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: readonly string[]): string => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${columns.map((column, i) => (column.align === 'right' ? `${'-'.repeat(widths[i]! + 1)}:` : `:${'-'.repeat(widths[i]! + 1)}`)).join('|')}|`;
  return [line(columns.map((column) => column.header)), rule, ...rows.map((row) => line(columns.map((_, i) => row[i] ?? '')))].join('\n');
}

/** Seconds with two decimals (`3.14 s`), or milliseconds below one second (`87 ms`). */
export function formatSeconds(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** A rate per second, rounded (`1,234/s`). */
export function formatRate(perSecond: number): string {
  return Number.isFinite(perSecond) ? `${Math.round(perSecond).toLocaleString('en-US')}/s` : '—';
}

/** A whole number with thousands separators (`2,000,000`). */
export const formatCount = (n: number): string => n.toLocaleString('en-US');
