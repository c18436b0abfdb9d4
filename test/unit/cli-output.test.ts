/**
 * The CLI's output helpers, without a database: when colour is used, the unified diff, the
 * colouring of plan scripts, and the progress line (with a fake clock and a fake stream — it is
 * terminal drawing, not database behaviour).
 */
import { describe, expect, it } from 'vitest';
import { COLOURED, colourEnabled, ESCAPE, PLAIN, stripEscapes, type ColourInputs } from '../../cli/output/colour.js';
import { describeProgress, fit, progressEnabled, ProgressLine, type Ticker } from '../../cli/output/progress.js';
import { colourScript, stepEffect } from '../../cli/output/script.js';
import { diffLines, formatDiff, unifiedDiff } from '../../cli/output/unified-diff.js';

describe('colour decision', () => {
  const tty: ColourInputs = { format: 'text', colorFlag: true, isTTY: true, env: {} };

  it('colours text and SQL on a terminal only', () => {
    expect(colourEnabled(tty)).toBe(true);
    expect(colourEnabled({ ...tty, format: 'sql' })).toBe(true);
    expect(colourEnabled({ ...tty, isTTY: false })).toBe(false);
    expect(colourEnabled({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
  });

  it('never colours json, markdown or github output, even when forced', () => {
    for (const format of ['json', 'markdown', 'github'] as const) {
      expect(colourEnabled({ ...tty, format }), format).toBe(false);
      expect(colourEnabled({ ...tty, format, env: { FORCE_COLOR: '1' } }), format).toBe(false);
    }
  });

  it('NO_COLOR (any non-empty value) and --no-color turn it off, also over FORCE_COLOR', () => {
    expect(colourEnabled({ ...tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(colourEnabled({ ...tty, env: { NO_COLOR: 'yes' } })).toBe(false);
    expect(colourEnabled({ ...tty, env: { NO_COLOR: '' } })).toBe(true);
    expect(colourEnabled({ ...tty, colorFlag: false })).toBe(false);
    expect(colourEnabled({ ...tty, isTTY: false, env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).toBe(false);
    expect(colourEnabled({ ...tty, isTTY: false, colorFlag: false, env: { FORCE_COLOR: '1' } })).toBe(false);
  });

  it('FORCE_COLOR forces it into a pipe; FORCE_COLOR=0 turns it off', () => {
    expect(colourEnabled({ ...tty, isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(colourEnabled({ ...tty, isTTY: false, env: { FORCE_COLOR: 'true' } })).toBe(true);
    expect(colourEnabled({ ...tty, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(colourEnabled({ ...tty, isTTY: false, env: { FORCE_COLOR: '' } })).toBe(false);
  });

  it('styles each line on its own and leaves plain text alone', () => {
    expect(COLOURED.red('a\n\nb')).toBe('\u001b[31ma\u001b[39m\n\n\u001b[31mb\u001b[39m');
    expect(PLAIN.red('a\nb')).toBe('a\nb');
    expect(stripEscapes(COLOURED.bold(COLOURED.green('x')))).toBe('x');
  });
});

describe('unified diff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb', { from: 'x', to: 'y' })).toEqual([]);
  });

  it('shows a changed line with three lines of context, like diff -u', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n');
    const after = ['1', '2', '3', '4', 'five', '6', '7', '8', '9'].join('\n');
    expect(unifiedDiff(before, after, { from: 'declared', to: 'database' }).map((l) => l.text)).toEqual([
      '--- declared', '+++ database', '@@ -2,7 +2,7 @@', ' 2', ' 3', ' 4', '-5', '+five', ' 6', ' 7', ' 8',
    ]);
  });

  it('splits distant changes into hunks and joins near ones', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const after = before.map((l) => (l === 'line 2' || l === 'line 18' ? `${l}!` : l));
    const hunks = unifiedDiff(before.join('\n'), after.join('\n'), { from: 'a', to: 'b' }).filter((l) => l.kind === 'hunk').map((l) => l.text);
    expect(hunks).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    const near = before.map((l) => (l === 'line 5' || l === 'line 11' ? `${l}!` : l));
    expect(unifiedDiff(before.join('\n'), near.join('\n'), { from: 'a', to: 'b' }).filter((l) => l.kind === 'hunk')).toHaveLength(1);
  });

  it('shows a text that exists on one side only as all removed or all added', () => {
    expect(unifiedDiff('CREATE INDEX i;\n', '', { from: 'declared', to: 'database (missing)' }).map((l) => l.text)).toEqual([
      '--- declared', '+++ database (missing)', '@@ -1 +0,0 @@', '-CREATE INDEX i;',
    ]);
    expect(unifiedDiff('', 'a\nb', { from: 'x', to: 'y' }).map((l) => l.text).slice(2)).toEqual(['@@ -0,0 +1,2 @@', '+a', '+b']);
  });

  it('finds a longest common subsequence, removals before additions, every time the same', () => {
    const edits = diffLines(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']);
    expect(edits.map((e) => `${e.op}${e.line}`)).toEqual([' a', '-b', ' c', '+x', ' d']);
    expect(diffLines(['p', 'q'], ['q', 'p']).map((e) => `${e.op}${e.line}`)).toEqual(['-p', ' q', '+p']);
    const many = Array.from({ length: 300 }, (_, i) => `row ${i % 7} ${i}`);
    const shuffled = [...many.slice(150), ...many.slice(0, 150)];
    expect(diffLines(many, shuffled)).toEqual(diffLines(many, shuffled));
    expect(diffLines(many, shuffled).filter((e) => e.op === ' ')).toHaveLength(150);
  });

  it('colours headers bold, hunks cyan, removals red and additions green — and only with colour on', () => {
    const lines = unifiedDiff('a\nb', 'a\nc', { from: 'x', to: 'y' });
    const coloured = formatDiff(lines, COLOURED);
    expect(coloured).toContain('\u001b[1m--- x\u001b[22m');
    expect(coloured).toContain('\u001b[36m@@ -1,2 +1,2 @@\u001b[39m');
    expect(coloured).toContain('\u001b[31m-b\u001b[39m');
    expect(coloured).toContain('\u001b[32m+c\u001b[39m');
    expect(formatDiff(lines, PLAIN)).toBe('--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n+c');
    expect(stripEscapes(coloured)).toBe(formatDiff(lines, PLAIN));
  });
});

describe('plan script colours', () => {
  const script = [
    '-- schemac plan: bring db to the declared schema',
    '--',
    '-- Hazards:',
    '--   step 2 data-loss: drops column users.age and its values',
    '',
    '-- Step 1/3: create table public.t',
    'CREATE TABLE "public"."t" (',
    '  "id" integer',
    ');',
    '',
    '-- Step 2/3: drop column public.users.age',
    'ALTER TABLE "public"."users" DROP COLUMN "age";',
    '',
    '-- Step 3/3: set default of public.users.name',
    '-- schemac:transaction own',
    'ALTER TABLE "public"."users" ALTER COLUMN "name" SET DEFAULT \'-- Step 4/3: not a header\';',
    '',
  ].join('\n');
  const steps = [{ effect: 'add', hazardous: false }, { effect: 'drop', hazardous: true }, { effect: 'change', hazardous: false }] as const;

  it('greens additions, reddens drops, yellows hazards; the text is unchanged underneath', () => {
    const coloured = colourScript(script, steps, COLOURED);
    expect(stripEscapes(coloured)).toBe(script);
    const line = (start: string) => coloured.split('\n').find((l) => stripEscapes(l).startsWith(start))!;
    expect(line('  "id" integer')).toBe(COLOURED.green('  "id" integer'));
    expect(line('ALTER TABLE "public"."users" DROP')).toMatch(/^\u001b\[31m/);
    expect(line('--   step 2 data-loss')).toMatch(/^\u001b\[33m/);
    expect(line('-- Step 2/3')).toBe(COLOURED.bold(COLOURED.yellow('-- Step 2/3: drop column public.users.age')));
    expect(line('-- Step 1/3')).toBe(COLOURED.bold('-- Step 1/3: create table public.t'));
    expect(line('ALTER TABLE "public"."users" ALTER')).not.toMatch(ESCAPE);
  });

  it('is the plain script without colour', () => {
    expect(colourScript(script, steps, PLAIN)).toBe(script);
  });

  it('classifies changes by kind', () => {
    expect(stepEffect('table.create')).toBe('add');
    expect(stepEffect('constraint.add')).toBe('add');
    expect(stepEffect('enum.addValue')).toBe('add');
    expect(stepEffect('grant.add')).toBe('add');
    expect(stepEffect('index.drop')).toBe('drop');
    expect(stepEffect('grant.revoke')).toBe('drop');
    expect(stepEffect('column.type')).toBe('change');
  });
});

/** A clock that moves only when told to, with the timers it owes. */
class FakeTicker implements Ticker {
  time = 0;
  private timers: { every: number; next: number; tick: () => void }[] = [];
  now(): number {
    return this.time;
  }
  every(ms: number, tick: () => void): () => void {
    const timer = { every: ms, next: this.time + ms, tick };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.time = due.next;
      due.next += due.every;
      due.tick();
    }
    this.time = end;
  }
  get active(): number {
    return this.timers.length;
  }
}

class FakeStream {
  written = '';
  constructor(readonly columns?: number) {}
  write(text: string): boolean {
    this.written += text;
    return true;
  }
}

describe('progress line', () => {
  it('shows nothing during the first second, then one line redrawn in place', () => {
    const ticker = new FakeTicker();
    const stream = new FakeStream(120);
    const line = new ProgressLine({ stream, ticker });
    line.update('introspecting: 1/16 catalog queries');
    ticker.advance(900);
    expect(stream.written).toBe('');
    line.update('introspecting: 7/16 catalog queries');
    ticker.advance(200);
    expect(stream.written).toMatch(/^\r⠋ introspecting: 7\/16 catalog queries\u001b\[K/);
    expect(stream.written).not.toContain('\n');
    ticker.advance(80);
    expect(stream.written.split('\r').filter(Boolean).map((l) => l.slice(0, 1))).toEqual(['⠋', '⠙']);
    line.stop();
    expect(stream.written.endsWith('\r\u001b[K')).toBe(true);
    expect(ticker.active).toBe(0);
  });

  it('never draws for work that ends within the delay', () => {
    const ticker = new FakeTicker();
    const stream = new FakeStream();
    const line = new ProgressLine({ stream, ticker });
    line.update('loading declarations: 1/2 files');
    ticker.advance(500);
    line.stop();
    ticker.advance(5000);
    expect(stream.written).toBe('');
  });

  it('draws on update when the timer is starved (work that keeps the event loop busy)', () => {
    const ticker = new FakeTicker();
    const stream = new FakeStream();
    const line = new ProgressLine({ stream, ticker });
    line.update('step 1');
    ticker.time = 1500; // time passes without the timer firing
    line.update('running: step 2/9');
    expect(stream.written).toContain('running: step 2/9');
    ticker.time = 1510;
    line.update('running: step 3/9'); // too soon for another redraw
    expect(stream.written).not.toContain('step 3/9');
  });

  it('clears itself before other output and comes back on the next tick', () => {
    const ticker = new FakeTicker();
    const stream = new FakeStream();
    const line = new ProgressLine({ stream, ticker, delayMs: 0 });
    line.update('working');
    ticker.advance(80);
    line.clear();
    expect(stream.written.endsWith('\r\u001b[K')).toBe(true);
    const before = stream.written.length;
    line.clear(); // nothing drawn: nothing to clear
    expect(stream.written.length).toBe(before);
    ticker.advance(80);
    expect(stream.written.slice(before)).toContain('working');
  });

  it('fits the line to the terminal width', () => {
    const ticker = new FakeTicker();
    const stream = new FakeStream(20);
    const line = new ProgressLine({ stream, ticker, delayMs: 0 });
    line.update('applying 20260101000000_init: step 1/2'); // no delay: drawn at once
    expect(stream.written).toBe(`\r${fit('⠋ applying 20260101000000_init: step 1/2', 19)}\u001b[K`);
    expect([...fit('⠋ applying 20260101000000_init: step 1/2', 19)]).toHaveLength(19);
  });

  it('is shown only on a terminal, in text output, without --quiet, outside CI', () => {
    const on = { format: 'text', quiet: false, isTTY: true, env: {} } as const;
    expect(progressEnabled(on)).toBe(true);
    expect(progressEnabled({ ...on, isTTY: false })).toBe(false);
    expect(progressEnabled({ ...on, quiet: true })).toBe(false);
    for (const format of ['json', 'markdown', 'github'] as const) expect(progressEnabled({ ...on, format })).toBe(false);
    expect(progressEnabled({ ...on, env: { CI: 'true' } })).toBe(false);
    expect(progressEnabled({ ...on, env: { CI: '1' } })).toBe(false);
    expect(progressEnabled({ ...on, env: { CI: 'false' } })).toBe(true);
    expect(progressEnabled({ ...on, env: { TERM: 'dumb' } })).toBe(false);
  });

  it('words each phase', () => {
    expect(describeProgress({ phase: 'introspect', done: 7, total: 16, detail: 'columns' })).toBe('introspecting: 7/16 catalog queries (columns)');
    expect(describeProgress({ phase: 'run', done: 12, total: 340, detail: 'CREATE INDEX CONCURRENTLY "x" ON "public"."orders" USING btree ("created_at", "customer_id")\n  WHERE true' }, { verb: 'applying', id: '20260101000000_init' }))
      .toBe('applying 20260101000000_init: step 12/340 (CREATE INDEX CONCURRENTLY "x" ON "public"."orders" USING bt…)');
    expect(describeProgress({ phase: 'check', done: 0, total: 40, detail: 'starting the embedded PostgreSQL' })).toBe('checking the declarations with the embedded PostgreSQL (starting the embedded PostgreSQL)');
    expect(describeProgress({ phase: 'load', done: 2, total: 5, detail: 'schema/users.ts' })).toBe('loading declarations: 2/5 files (schema/users.ts)');
  });
});
