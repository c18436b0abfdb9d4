/**
 * A unified diff of two short texts, line by line, as `diff -u` prints it:
 *
 *   --- declared
 *   +++ database
 *   @@ -2,3 +2,3 @@
 *      "id" uuid NOT NULL,
 *   -  "email" text NOT NULL,
 *   +  "email" character varying(255),
 *      "name" text
 *
 * The edit script is a longest common subsequence of lines (after the common head and tail are
 * set aside), so it is minimal and the same inputs always give the same output: where several
 * scripts are equally short, removals come before additions. Definitions are short; a middle part
 * beyond MAX_CELLS is shown as removed and added whole rather than spend quadratic time on it.
 */
import type { Palette } from './colour.js';

export type DiffLineKind = 'header' | 'hunk' | 'context' | 'removed' | 'added';

export interface DiffLine {
  readonly kind: DiffLineKind;
  /** The line as printed, with its `-`/`+`/space marker. */
  readonly text: string;
}

export interface DiffOptions {
  /** Name of the first text (`--- from`). */
  readonly from: string;
  /** Name of the second text (`+++ to`). */
  readonly to: string;
  /** Unchanged lines shown around each change (default 3). */
  readonly context?: number;
}

interface Edit {
  readonly op: ' ' | '-' | '+';
  readonly line: string;
}

const MAX_CELLS = 4_000_000;

const linesOf = (text: string): string[] => (text === '' ? [] : (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n'));

/** The edit script between two line lists: common head, LCS of the middle, common tail. */
export function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  return [
    ...a.slice(0, head).map((line): Edit => ({ op: ' ', line })),
    ...middleEdits(middleA, middleB),
    ...a.slice(a.length - tail).map((line): Edit => ({ op: ' ', line })),
  ];
}

function middleEdits(a: readonly string[], b: readonly string[]): Edit[] {
  if (a.length * b.length > MAX_CELLS || a.length === 0 || b.length === 0) {
    return [...a.map((line): Edit => ({ op: '-', line })), ...b.map((line): Edit => ({ op: '+', line }))];
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) edits.push({ op: ' ', line: a[i++]! }), j++;
    else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) edits.push({ op: '-', line: a[i++]! });
    else edits.push({ op: '+', line: b[j++]! });
  }
  while (i < a.length) edits.push({ op: '-', line: a[i++]! });
  while (j < b.length) edits.push({ op: '+', line: b[j++]! });
  return edits;
}

/** `-3,2`, or `-3` for one line; an empty range names the line before it (`-0,0` at the start). */
const range = (start: number, count: number): string => (count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`);

/** The unified diff of `before` and `after`; no lines at all when they are equal. */
export function unifiedDiff(before: string, after: string, options: DiffOptions): DiffLine[] {
  const edits = diffLines(linesOf(before), linesOf(after));
  const context = options.context ?? 3;
  const changed = edits.flatMap((e, i) => (e.op === ' ' ? [] : [i]));
  if (changed.length === 0) return [];
  // Position of each edit in the old and the new text.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let o = 0;
  let n = 0;
  for (const e of edits) {
    oldAt.push(o);
    newAt.push(n);
    if (e.op !== '+') o++;
    if (e.op !== '-') n++;
  }
  const lines: DiffLine[] = [{ kind: 'header', text: `--- ${options.from}` }, { kind: 'header', text: `+++ ${options.to}` }];
  let k = 0;
  while (k < changed.length) {
    let last = k;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * context + 1) last++;
    const start = Math.max(0, changed[k]! - context);
    const end = Math.min(edits.length, changed[last]! + context + 1);
    const hunk = edits.slice(start, end);
    const oldCount = hunk.filter((e) => e.op !== '+').length;
    const newCount = hunk.filter((e) => e.op !== '-').length;
    lines.push({ kind: 'hunk', text: `@@ -${range(oldAt[start]!, oldCount)} +${range(newAt[start]!, newCount)} @@` });
    for (const e of hunk) lines.push({ kind: e.op === ' ' ? 'context' : e.op === '-' ? 'removed' : 'added', text: `${e.op}${e.line}` });
    k = last + 1;
  }
  return lines;
}

/** The diff as text: headers bold, hunk headers cyan, removed lines red, added lines green. */
export function formatDiff(lines: readonly DiffLine[], colour: Palette): string {
  const styles: Record<DiffLineKind, (text: string) => string> = {
    header: colour.bold,
    hunk: colour.cyan,
    context: (text) => text,
    removed: colour.red,
    added: colour.green,
  };
  return lines.map((l) => styles[l.kind](l.text)).join('\n');
}
