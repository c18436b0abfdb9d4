#!/usr/bin/env node
/**
 * The schemac command line: commander wiring only. Parse flags, call the compiler's workflows,
 * print, and exit 0 (success / nothing found), 1 (findings) or 2 (errors). See docs/cli.md.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { DEFAULT_DOCS_DIR, docsProject, workflows, type Change, type MigrationStatus } from '../compiler/index.js';
import { initProject } from './init.js';
import { Output, type Format } from './output/index.js';
import { colourScript, stepEffect } from './output/script.js';
import { formatDiff, unifiedDiff } from './output/unified-diff.js';

/** schemac's own package.json: one folder up from source (cli/), two from the build (dist/cli/). */
function packageVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'schemac' && parsed.version) return parsed.version;
    } catch {
      // not there: try the next
    }
  }
  return 'unknown';
}

interface GlobalOptions {
  config?: string;
  project?: string;
  url?: string;
  format: Format;
  quiet?: boolean;
  debug?: boolean;
  /** false after --no-color. */
  color?: boolean;
  wait: string;
}

type Action = (ctx: workflows.Context, options: Record<string, unknown> & GlobalOptions, out: Output, args: string[]) => Promise<number>;

function contextFor(options: GlobalOptions, out: Output): workflows.Context {
  const wait = Number(options.wait);
  return {
    cwd: process.cwd(),
    env: process.env,
    onWait: (m) => out.progress(m),
    onProgress: (p) => out.advance(p),
    waitSeconds: Number.isFinite(wait) && wait >= 0 ? wait : 15,
  };
}

function run(action: Action) {
  return async (...received: unknown[]): Promise<void> => {
    const command = received.at(-1) as Command;
    const options = command.optsWithGlobals() as Record<string, unknown> & GlobalOptions;
    const args = received.slice(0, -2).flat().filter((a): a is string => typeof a === 'string');
    const out = new Output({ format: options.format, quiet: options.quiet === true, debug: options.debug === true, color: options.color !== false });
    try {
      process.exitCode = await action(contextFor(options, out), options, out, args);
    } catch (error) {
      out.finish();
      process.exitCode = out.failure(error);
    } finally {
      out.finish();
    }
  };
}

async function project(ctx: workflows.Context, options: GlobalOptions): Promise<workflows.ResolvedProject> {
  return workflows.loadProject({ cwd: ctx.cwd, ...(options.config ? { config: options.config } : {}), ...(options.project ? { project: options.project } : {}) });
}

async function projectAndTarget(ctx: workflows.Context, options: GlobalOptions) {
  const p = await project(ctx, options);
  return { project: p, target: workflows.projectTarget(ctx, p, options.url) };
}

const validate: Action = async (ctx, options, out) => {
  const p = await project(ctx, options);
  const loaded = await workflows.validateProject(ctx, p);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (options.format === 'json') out.json({ ok: errors.length === 0, tables: loaded.schema.tables.length, diagnostics: loaded.diagnostics });
  else {
    out.diagnostics(loaded.diagnostics);
    if (errors.length === 0) out.info(`${out.colour.green('ok')}: ${loaded.schema.tables.length} tables, ${loaded.schema.enums.length} enums in ${loaded.files.length} file(s)`);
  }
  return errors.length === 0 ? 0 : 1;
};

const SUMMARY_LINES = 30;

/**
 * One line per change (the first SUMMARY_LINES), marked and coloured by what it does:
 * `+ table public.users`, `- index public.users_email_idx`, `~ column public.users.email (column.type)`.
 */
function changeSummary(out: Output, changes: readonly Change[]): string {
  const marks = { add: ['+', out.colour.green], drop: ['-', out.colour.red], change: ['~', out.colour.yellow] } as const;
  const lines = changes.slice(0, SUMMARY_LINES).map((c) => {
    const [mark, style] = marks[stepEffect(c.kind)];
    return `  ${style(`${mark} ${c.path.replace(':', ' ')}`)}${c.kind.endsWith('.create') || c.kind.endsWith('.drop') ? '' : out.colour.dim(` (${c.kind})`)}`;
  });
  const more = changes.length - SUMMARY_LINES;
  return [...lines, ...(more > 0 ? [`  … and ${more} more`] : [])].join('\n');
}

const generate: Action = async (ctx, options, out) => {
  const p = await project(ctx, options);
  if (options['rehash'] === true) {
    workflows.rehashProject(p);
    out.info(`Recomputed ${workflows.displayPath(ctx)(p.outDir)}/migrations.sum: the current files are now the accepted ones.`);
    return 0;
  }
  const check = options['check'] === true;
  const result = await workflows.generate(ctx, p, { check, ...(typeof options['name'] === 'string' ? { name: options['name'] } : {}) });
  if (options.format === 'json') {
    out.json({ changes: result.changes.length, migration: result.id ?? null, written: result.written ? workflows.displayPath(ctx)(result.written) : null, warnings: result.warnings });
    return check && result.changes.length > 0 ? 1 : 0;
  }
  if (result.warnings.length > 0) out.diagnostics(result.warnings);
  if (result.changes.length === 0) {
    out.info('No changes: the declarations match the latest migration.');
  } else if (check) {
    out.result(`A migration is missing: the declarations differ from the latest snapshot by ${result.changes.length} change(s). Run \`schemac generate\`.`);
    out.info(changeSummary(out, result.changes));
  } else {
    out.info(`Wrote ${workflows.displayPath(ctx)(result.written!)} (${result.changes.length} change(s)):`);
    out.info(changeSummary(out, result.changes));
  }
  return check && result.changes.length > 0 ? 1 : 0;
};

/** How a rendered step is coloured in a script: by what it does, yellow when it has hazards. */
const scriptStep = (s: workflows.PlanResult['steps'][number]) => ({ effect: stepEffect(s.step.change.kind), hazardous: s.step.hazards.length > 0 });

/** `plan --format markdown`: a pull-request comment — changes, hazards, compliance impact, rollback summary. */
function planMarkdown(result: workflows.PlanResult): string {
  const reports = result.reports;
  const hazards = reports.flatMap((r, i) => r.rendered.step.hazards.map((h) => ({ step: i + 1, ...h })));
  const irreversible = reports.flatMap((r, i) => (r.rendered.step.irreversible ? [{ step: i + 1, reason: r.rendered.step.irreversible }] : []));
  const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const lines = [
    `### schemac plan for ${result.database}`,
    '',
    `**${reports.length} step(s)**, ${hazards.length} hazard(s), ${irreversible.length} irreversible.`,
    '',
    '| # | step | lock | effect | transaction | declared at |',
    '|---|---|---|---|---|---|',
    ...reports.map((r, i) => `| ${i + 1} | ${cell(r.rendered.description)} | ${r.rendered.step.lock} | ${r.rendered.step.effect} | ${r.rendered.step.transaction} | ${r.at ? `${r.at.file}:${r.at.line}` : ''} |`),
    '',
    '#### Hazards',
    ...(hazards.length === 0 ? ['None.'] : hazards.map((h) => `- step ${h.step} **${h.kind}**: ${h.message}`)),
    '',
    '#### Compliance impact',
    ...(() => {
      const items = [
        ...reports.flatMap((r, i) => (r.protects ? [`- step ${i + 1} puts in place: ${r.protects}`] : [])),
        ...[...new Set(reports.flatMap((r) => (r.personalData ? [r.personalData] : [])))].map((t) => `- changes \`${t}\`, which holds personal data`),
      ];
      return items.length === 0 ? ['None.'] : items;
    })(),
    '',
    '#### Rollback',
    ...(irreversible.length === 0 ? ['Every step has a rollback that restores what it changed.'] : irreversible.map((x) => `- step ${x.step} is irreversible: ${x.reason}`)),
    '',
    '<details><summary>SQL</summary>',
    '',
    '```sql',
    result.sql.trimEnd(),
    '```',
    '',
    '</details>',
  ];
  return lines.join('\n');
}

const plan: Action = async (ctx, options, out) => {
  const { project: p, target } = await projectAndTarget(ctx, options);
  const result = await workflows.planProject(ctx, p, target);
  if (options.format === 'json') {
    out.json({
      version: 1,
      database: result.database,
      steps: result.reports.map((r) => ({
        description: r.rendered.description, kind: r.rendered.step.change.kind, form: r.rendered.step.form.kind, path: r.rendered.step.change.path,
        lock: r.rendered.step.lock, effect: r.rendered.step.effect, transaction: r.rendered.step.transaction, hazards: r.rendered.step.hazards,
        ...(r.rendered.step.irreversible ? { irreversible: r.rendered.step.irreversible } : {}), ...(r.at ? { at: r.at } : {}),
        ...(r.protects ? { protects: r.protects } : {}), ...(r.personalData ? { personalData: r.personalData } : {}), sql: r.rendered.up,
      })),
    });
  } else if (options.format === 'github') {
    for (const [i, r] of result.reports.entries()) {
      for (const h of r.rendered.step.hazards) {
        const where = r.at ? ` file=${r.at.file}${r.at.line ? `,line=${r.at.line}` : ''}` : '';
        out.result(`::${h.kind === 'data-loss' ? 'error' : 'warning'}${where},title=schemac plan step ${i + 1} (${h.kind})::${h.message}`);
      }
    }
  } else if (options.format === 'markdown') {
    out.result(result.changes.length === 0 ? `### schemac plan for ${result.database}\n\nNothing to do: the database matches the declarations.` : planMarkdown(result));
  } else if (result.changes.length === 0) out.info(`${result.database} matches the declarations: nothing to do.`);
  else out.result(colourScript(result.sql, result.steps.map(scriptStep), out.colour));
  return 0;
};

/** Lock and statement timeouts, retries and the migration lock wait: the config's, overridden by flags. */
function settingsFrom(p: workflows.ResolvedProject, options: Record<string, unknown>, out: Output) {
  const retries = options['lockRetries'] === undefined ? undefined : Number(options['lockRetries']);
  if (retries !== undefined && (!Number.isInteger(retries) || retries < 0)) throw usage('--lock-retries takes a whole number ≥ 0');
  return workflows.runSettings(p, {
    ...(typeof options['lockTimeout'] === 'string' ? { lockTimeout: options['lockTimeout'] } : {}),
    ...(typeof options['statementTimeout'] === 'string' ? { statementTimeout: options['statementTimeout'] } : {}),
    ...(retries !== undefined ? { lockRetries: retries } : {}),
    ...(typeof options['lockWait'] === 'string' ? { lockWait: options['lockWait'] } : {}),
  }, (r) => out.notice(`lock not available (${r.message}); retry ${r.attempt} of steps ${r.unit.steps.join(', ')} in ${(r.waitMs / 1000).toFixed(1)}s`));
}

/** Steps skipped because the server lacks an optional extension: said, never silent. */
const skipNotice = (out: Output) => (m: { id: string }, steps: readonly number[], extensions: readonly string[]): void =>
  out.notice(`skipped step${steps.length > 1 ? 's' : ''} ${steps.join(', ')} of ${m.id}: they need extension ${extensions.join(', ')}, which this server does not have`);

/** Optional parts left out of a comparison, in words. */
function printSkipped(out: Output, skipped: readonly { extension: string; what: string; objects: readonly string[] }[]): void {
  for (const s of skipped) out.notice(`skipped (extension ${s.extension} is not available on this server): ${s.what} — ${s.objects.join(', ')}`);
}

const apply: Action = async (ctx, options, out) => {
  const { project: p, target } = await projectAndTarget(ctx, options);
  const dryRun = options['dryRun'] === true;
  const result = await workflows.applyProject(ctx, p, target, {
    dryRun,
    settings: settingsFrom(p, options, out),
    onSkip: skipNotice(out),
    ...(typeof options['to'] === 'string' ? { to: options['to'] } : {}),
    onMigration: (m, phase, ms) => (phase === 'done' ? out.info(`applied ${m.id} (${ms} ms)`) : out.runningMigration({ verb: 'applying', id: m.id })),
  });
  if (options.format === 'json') out.json({ database: result.database, dryRun, applied: result.applied.map((m) => m.id), pending: result.pending.map((m) => m.id) });
  else if (dryRun) {
    if (result.pending.length === 0) out.info('Nothing to apply.');
    for (const m of result.pending) out.result(`-- ${m.id}\n${m.up}`);
  } else out.info(result.applied.length === 0 ? `${result.database} is up to date.` : `${result.applied.length} migration(s) applied to ${result.database}.`);
  return 0;
};

const rollback: Action = async (ctx, options, out) => {
  const { project: p, target } = await projectAndTarget(ctx, options);
  const steps = options['steps'] === undefined ? undefined : Number(options['steps']);
  if (steps !== undefined && (!Number.isInteger(steps) || steps < 1)) throw usage('--steps takes a whole number ≥ 1');
  const result = await workflows.rollbackProject(ctx, p, target, {
    dryRun: options['dryRun'] === true,
    force: options['force'] === true,
    settings: settingsFrom(p, options, out),
    onSkip: skipNotice(out),
    ...(steps !== undefined ? { steps } : {}),
    ...(typeof options['to'] === 'string' ? { to: options['to'] } : {}),
    onMigration: (m, phase, ms) => (phase === 'done' ? out.info(`rolled back ${m.id} (${ms} ms)`) : out.runningMigration({ verb: 'rolling back', id: m.id })),
  });
  if (options.format === 'json') out.json({ database: result.database, rolledBack: result.rolledBack.map((m) => m.id) });
  else if (result.rolledBack.length === 0) out.info('Nothing to roll back.');
  return 0;
};

const status: Action = async (ctx, options, out) => {
  const { project: p, target } = await projectAndTarget(ctx, options);
  const result = await workflows.statusProject(ctx, p, target);
  const count = (state: MigrationStatus['state']) => result.statuses.filter((s) => s.state === state).length;
  if (options.format === 'json') out.json({ database: result.database, migrations: result.statuses });
  else {
    for (const s of result.statuses) out.result(`${s.state.padEnd(8)} ${s.id}${s.progress ? ` (${s.progress.done} of ${s.progress.total} parts done: run apply to finish it)` : ''}`);
    out.info(`${count('applied')} applied, ${count('pending')} pending, ${count('partial') ? `${count('partial')} partially applied, ` : ''}${count('modified')} modified, ${count('missing')} missing (${result.database})`);
  }
  const findings = count('modified') + count('missing') + count('pending') + count('partial');
  return options['exitCode'] === true && findings > 0 ? 1 : 0;
};

function printDrift(out: Output, format: Format, result: workflows.DriftResult): void {
  const { database, items, unmanaged } = result;
  if (format === 'json') return out.json({ version: 1, database, drift: items.length > 0, items, unmanaged });
  if (format === 'text' && unmanaged.length > 0) {
    out.info(`Not managed by schemac (listed, not compared): ${unmanaged.map((u) => `${u.kind} ${u.schema ? `${u.schema}.` : ''}${u.name}`).join(', ')}`);
  }
  if (format === 'github') {
    for (const i of items) out.result(`::error${i.at ? ` file=${i.at.file}${i.at.line ? `,line=${i.at.line}` : ''}` : ''},title=schemac drift::${i.message}`);
    return;
  }
  if (format === 'markdown') {
    out.result(items.length === 0 ? `**No drift** in ${database}.` : [`**Drift:** ${items.length} difference(s) in ${database}`, '', '| object | difference | declared at |', '|---|---|---|',
      ...items.map((i) => `| \`${i.path}\` | ${i.message} | ${i.at ? `${i.at.file}:${i.at.line}` : ''} |`)].join('\n'));
    return;
  }
  if (items.length === 0) return out.info(`${out.colour.green('No drift')}: ${database} matches the declarations.`);
  out.result(`${out.colour.yellow('Drift')}: ${items.length} difference(s) between ${database} and the declarations:`);
  for (const i of items) out.result(`  ${i.at ? `${i.at.file}:${i.at.line}  ` : ''}${i.message}  [${i.path}]`);
  for (const d of result.definitions ?? []) out.info(`\n${driftDiff(out, result, d)}`);
}

/**
 * One drifting object as a unified diff: its SQL as declared (`-`) against the database's (`+`).
 *
 *   --- declared: table public.users (schema/users.ts:4)
 *   +++ database: table public.users
 *   @@ -2,3 +2,3 @@ …
 */
function driftDiff(out: Output, result: workflows.DriftResult, d: NonNullable<workflows.DriftResult['definitions']>[number]): string {
  const name = d.path.replace(':', ' ');
  const at = result.items.find((i) => d.items.includes(i.path) && i.at)?.at;
  const lines = unifiedDiff(d.declared ?? '', d.actual ?? '', {
    from: d.declared === undefined ? `declared: ${name} (not declared)` : `declared: ${name}${at ? ` (${at.file}:${at.line})` : ''}`,
    to: d.actual === undefined ? `database: ${name} (missing)` : `database: ${name}`,
  });
  return formatDiff(lines, out.colour);
}

const lint: Action = async (ctx, options, out, files) => {
  let p: workflows.ResolvedProject | undefined;
  try {
    p = await project(ctx, options);
  } catch (error) {
    if (files.length === 0) throw error; // without files, the project names what to lint
  }
  const version = options['postgresVersion'] === undefined ? undefined : Number(options['postgresVersion']);
  if (version !== undefined && (!Number.isInteger(version) || version < 14 || version > 18)) throw usage('--postgres-version takes a major version from 14 to 18');
  const results = await workflows.lintFiles(ctx, files, { ...(p ? { project: p } : {}), ...(version ? { postgresVersion: version } : {}) });
  const active = results.flatMap((r) => r.findings.filter((f) => !f.suppressed));
  const errors = active.filter((f) => f.severity === 'error').length;
  if (options.format === 'json') {
    out.json({ version: 1, files: results.map((r) => ({ file: r.file, findings: r.findings })), errors, warnings: active.length - errors });
  } else if (options.format === 'markdown') {
    out.result(active.length === 0 ? '**Lint:** no findings.' : ['| file:line | code | severity | finding |', '|---|---|---|---|',
      ...active.map((f) => `| ${f.at ? `${f.at.file}:${f.at.line}` : ''} | ${f.code} ${f.rule} | ${f.severity} | ${f.message.replaceAll('|', '\\|')} |`)].join('\n'));
  } else {
    out.diagnostics(active);
    const suppressed = results.flatMap((r) => r.findings).length - active.length;
    if (options.format === 'text') out.info(`${results.length} file(s): ${errors} error(s), ${active.length - errors} warning(s)${suppressed ? `, ${suppressed} allowed by schemac:allow` : ''}`);
  }
  return errors > 0 ? 1 : 0;
};

const docs: Action = async (ctx, options, out) => {
  const p = await project(ctx, options);
  const text = (name: string) => (typeof options[name] === 'string' ? { [name]: options[name] as string } : {});
  const result = await docsProject(ctx, p, { outDir: (options['out'] as string | undefined) ?? DEFAULT_DOCS_DIR, ...(options.url ? { url: options.url } : {}), ...text('controller'), ...text('dpo') });
  const files = result.files.map(workflows.displayPath(ctx));
  if (options.format === 'json') out.json({ files, database: result.database ?? null, verified: result.database !== undefined });
  else {
    for (const file of files) out.info(`wrote ${file}`);
    out.info(result.database ? `Security measures read from ${result.database}.` : 'Security measures not verified: no database named (--url or the config\'s url).');
  }
  return 0;
};

const verify: Action = async (ctx, options, out) => {
  const { project: p, target } = await projectAndTarget(ctx, options);
  const report = await workflows.verifyProject(ctx, p, target);
  if (options.format !== 'json') printSkipped(out, report.skipped);
  if (options.format === 'json') {
    out.json({ version: 1, ...report });
    return report.ok ? 0 : 1;
  }
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'FAIL');
  out.result(`Verifying ${report.database}`);
  out.result(`${mark(report.objects.length === 0)} declared objects exist and match${report.objects.length ? `: ${report.objects.length} problem(s)` : ''}`);
  for (const i of report.objects) out.result(`       ${i.at ? `${i.at.file}:${i.at.line}  ` : ''}${i.message}`);
  out.result(`${mark(report.unpopulated.length === 0)} materialized views populated${report.unpopulated.length ? `: not ${report.unpopulated.join(', ')}` : ''}`);
  for (const a of report.assertions) out.result(`${mark(a.ok)} assertion ${a.name}: ${a.message}${a.at ? `  (${a.at.file}:${a.at.line})` : ''}`);
  if (report.largest.length > 0) {
    out.result('\nLargest tables (estimated rows, total size):');
    for (const t of report.largest) out.result(`  ${`${t.schema}.${t.table}`.padEnd(48)} ${String(t.rows ?? '?').padStart(12)}  ${(t.bytes / 1024).toFixed(0).padStart(8)} kB`);
  }
  out.info(report.ok ? 'verify: everything holds.' : 'verify: failures above.');
  return report.ok ? 0 : 1;
};

const drift: Action = async (ctx, options, out) => {
  const { project: p, target } = await projectAndTarget(ctx, options);
  const result = await workflows.driftProject(ctx, p, target, { definitions: options.format === 'text' && options.quiet !== true });
  if (options.format !== 'json') printSkipped(out, result.skipped);
  printDrift(out, options.format, result);
  return result.items.length > 0 ? 1 : 0;
};

const diff: Action = async (ctx, options, out) => {
  const from = options['from'] as string;
  const to = options['to'] as string;
  // Two servers are read at the same time (each introspection mostly waits on its server).
  const servers = [from, to].every((s) => /^postgres(ql)?:\/\//.test(s));
  const [source, target] = servers
    ? await Promise.all([workflows.resolveSource(ctx, from, options.project), workflows.resolveSource(ctx, to, options.project)])
    : [await workflows.resolveSource(ctx, from, options.project), await workflows.resolveSource(ctx, to, options.project)];
  const { changes, steps } = await workflows.planSteps(source.schema, target.schema);
  if (options.format === 'json') out.json({ from: source.description, to: target.description, changes });
  else if (changes.length > 0) out.result(colourScript(await workflows.renderDiffScript(`from ${source.description} to ${target.description}`, steps), steps.map(scriptStep), out.colour));
  else out.info('-- no differences');
  return options['exitCode'] === true && changes.length > 0 ? 1 : 0;
};

const inspect: Action = async (ctx, options, out) => {
  let target;
  try {
    target = workflows.projectTarget(ctx, await project(ctx, options), options.url);
  } catch (error) {
    if (options.url === undefined && !process.env['DATABASE_URL']) throw error;
    target = workflows.projectTarget(ctx, undefined, options.url);
  }
  const schema = await workflows.inspectTarget(ctx, target);
  if (options.format === 'sql') {
    const { steps } = await workflows.planSteps(workflows.EMPTY, schema);
    out.result(await workflows.renderDiffScript('the inspected schema, from an empty database', steps));
  } else out.json(schema);
  return 0;
};

const usage = (message: string): Error => workflows.usageError(message);

const pull: Action = async (ctx, options, out) => {
  let project: workflows.ResolvedProject | undefined;
  try {
    project = await workflows.loadProject({ cwd: ctx.cwd, ...(options.config ? { config: options.config } : {}), ...(options.project ? { project: options.project } : {}) });
  } catch {
    project = undefined; // pull works without a config: it writes one
  }
  const target = workflows.projectTarget(ctx, project, options.url);
  const result = await workflows.pullProject(ctx, target, options['out'] as string, { force: options['force'] === true });
  if (options.format === 'json') out.json(result);
  else {
    for (const file of result.files) out.info(`wrote ${file}`);
    out.info(`Pulled ${result.database}. Next: cd ${options['out'] as string} && schemac generate`);
  }
  return 0;
};

// A reader that goes away (`schemac plan | head`) must not crash the command with a stack trace, nor
// stop work under way (an apply keeps going): output is simply dropped from then on.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

const program = new Command('schemac')
  .description('Declarative schema-as-code compiler for PostgreSQL')
  .version(packageVersion())
  .option('--config <file>', 'config file (default: schemac.config.ts in the working directory)')
  .option('--project <name>', 'project of a multi-project config')
  .option('--url <url>', 'database URL: postgres://…, pglite:<dir> or pglite:memory')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown', 'github', 'sql']).default('text'))
  .option('--quiet', 'print only results and errors: no notes, warnings or progress')
  .option('--no-color', 'no colour, even on a terminal (also: NO_COLOR=1; FORCE_COLOR=1 forces it)')
  .option('--debug', 'print stack traces of errors')
  .option('--wait <seconds>', 'how long to wait for a database that is still starting', '15')
  .showHelpAfterError()
  .exitOverride();

program.command('init').description('scaffold schemac.config.ts, schema/index.ts and generated/').action(run(async (ctx, _o, out) => {
  for (const line of initProject(ctx.cwd)) out.info(line);
  return 0;
}));
program.command('validate').description('load and check the declarations; exit 1 on errors').action(run(validate));
program.command('generate').description('write the next migration from the declarations')
  .option('--name <slug>', 'migration name').option('--check', 'write nothing; exit 1 if a migration is missing')
  .option('--rehash', 'accept intended manual edits of generated/: recompute migrations.sum').action(run(generate));
program.command('plan').description('print the SQL that brings the database to the declared state').action(run(plan));
const withTimeouts = (command: Command): Command => command
  .option('--lock-timeout <duration>', 'lock_timeout of every step, e.g. 5s (config: migrations.lockTimeout)')
  .option('--statement-timeout <duration>', 'statement_timeout of every step; 0: none (config: migrations.statementTimeout)')
  .option('--lock-retries <n>', 'retries of a step that timed out waiting for a lock (config: migrations.lockRetries)')
  .option('--lock-wait <duration>', 'how long to wait while another apply or rollback holds the migration lock, e.g. 5min; 0: not at all (config: migrations.lockWait; default 60s)');

withTimeouts(program.command('apply').description('apply pending migrations (and finish one an earlier apply left part way)')
  .option('--dry-run', 'print what would be applied').option('--to <version>', 'apply up to and including this version')).action(run(apply));
withTimeouts(program.command('rollback').description('run rollback scripts of applied migrations, newest first')
  .option('--steps <n>', 'how many migrations to roll back (default 1)').option('--to <version>', 'roll back everything newer than this version (0: all)')
  .option('--force', 'also roll back migrations with irreversible steps (their removed data does not come back)')
  .option('--dry-run', 'list what would be rolled back')).action(run(rollback));
program.command('status').description('applied, pending and modified migrations').option('--exit-code', 'exit 1 when anything is pending, modified or missing').action(run(status));
program.command('lint').description('safety lint of migration SQL (default: the newest migration); exit 1 on errors')
  .argument('[files...]', 'SQL files to lint').option('--postgres-version <major>', 'PostgreSQL version the SQL runs on (14–18; config: migrations.postgresVersion)').action(run(lint));
program.command('verify').description('declared objects exist and are valid, largest tables, declared query assertions (EXPLAIN); exit 1 on failure').action(run(verify));
program.command('drift').description('compare the database with the declarations; exit 1 on drift').action(run(drift));
program.command('docs').description('write the data inventory and the GDPR Art. 30 record (security measures read from --url or the config\'s url)')
  .option('--out <dir>', 'folder to write into', DEFAULT_DOCS_DIR).option('--controller <text>', 'controller named in the Art. 30 record')
  .option('--dpo <text>', 'data protection officer named in the Art. 30 record').action(run(docs));
program.command('diff').description('SQL that turns one schema source into another')
  .requiredOption('--from <source>', 'postgres URL, pglite:<dir>, config or schema file, snapshot:<file>, or empty')
  .requiredOption('--to <source>', 'same kinds of source as --from')
  .option('--exit-code', 'exit 1 when there are differences').action(run(diff));
program.command('pull').description('introspect a database and write TypeScript declarations and a config')
  .requiredOption('--out <dir>', 'folder to write the project into').option('--force', 'overwrite an existing project there').action(run(pull));
program.command('inspect').description('print the introspected model of a database (--format json or sql)').action(run(inspect));

/**
 * The command-line reference in Markdown, straight from the commander definitions above (so it
 * cannot go stale): `npm run docs:cli` writes it to docs/cli-reference.md.
 */
function referenceMarkdown(): string {
  const optionRows = (command: Command) => command.options.map((o) => `| \`${o.flags}\` | ${o.description}${o.defaultValue !== undefined ? ` (default: \`${String(o.defaultValue)}\`)` : ''}${o.argChoices ? ` — one of ${o.argChoices.map((c) => `\`${c}\``).join(', ')}` : ''} |`);
  const sections = program.commands.map((c) => [
    `## \`schemac ${c.name()}${c.registeredArguments.map((a) => ` ${a.required ? `<${a.name()}>` : `[${a.name()}${a.variadic ? '…' : ''}]`}`).join('')}\``,
    '',
    c.description(),
    '',
    ...(c.options.length > 0 ? ['| option | meaning |', '|---|---|', ...optionRows(c), ''] : []),
  ].join('\n'));
  return [
    '# CLI reference',
    '',
    '<!-- Generated from the commander definitions in cli/main.ts by `npm run docs:cli`; do not edit. -->',
    '',
    'Global options (every command):',
    '',
    '| option | meaning |',
    '|---|---|',
    ...optionRows(program),
    '',
    ...sections,
  ].join('\n');
}

/** Run the command line (no top-level await: the build bundles this file as a script, see scripts/bundle-cli.mjs). */
async function main(): Promise<void> {
  try {
    if (process.env['SCHEMAC_CLI_REFERENCE'] === '1') process.stdout.write(referenceMarkdown());
    else await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    } else {
      process.exitCode = new Output({ format: 'text', quiet: false, debug: process.argv.includes('--debug') }).failure(error);
    }
  } finally {
    await workflows.shutdown();
    // A command is finished here: whatever a library left running must not keep the process (and a
    // CI job) waiting. The timer does not itself keep the process alive.
    setTimeout(() => process.exit(), 2000).unref();
  }
}

void main();
