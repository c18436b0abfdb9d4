/**
 * The operations behind each command, composed from the phases: load → validate → diff → plan →
 * render → files / apply / drift. The CLI only parses flags, calls these and prints results.
 *
 * Phases that only some commands use (declaration loading and compliance, the dev database's
 * normaliser, lint and review, verify, docs) are imported by the function that needs them, not
 * here: a command loads only its own code. A database-to-database diff loads 91 of the 139
 * modules, and connects after 36 of them; diff, plan, render and the parser load while the
 * servers answer its catalog queries.
 */
import path from 'node:path';
import type { ApplyOptions, ApplyResult, MigrationStatus, RollbackOptions } from './apply/index.js';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from './apply/settings.js';
import { connect, withDatabase, type ConnectOptions, type Database } from './db/connection.js';
import { parseTarget, resolveTarget, type DatabaseTarget } from './db/target.js';
import { diagnostic, hasErrors, SchemacError, type Diagnostic } from './diagnostics/diagnostic.js';
import type { Change } from './diff/index.js';
import type { LintFinding } from './lint/index.js';
import { dataStepPath } from './model/paths.js';
import type { BuildResult } from './dsl/build.js';
import type { Declaration } from './dsl/declarations.js';
import type { DriftReport } from './drift/index.js';
import type { DriftDefinition } from './drift/definitions.js';
import type { ConstantSite } from './expr/index.js';
import { introspect } from './introspect/index.js';
import { closeDevDatabase } from './db/dev-database.js';
import { durationMs, findConfig, loadProject, type MigrationSettings, type ResolvedProject } from './load/config.js';
import { loadModules, moduleFiles } from './load/modules.js';
import { freezeSchema } from './model/freeze.js';
import type { OnProgress } from './model/progress.js';
import { EMPTY_SCHEMA, NO_SOURCES, type Schema, type SourceLocator, type SourceRef } from './model/types.js';
import { nextVersion, readMigrationFolder, rehash, slugify, writeMigration, type Migration, type MigrationFolder } from './render/folder.js';
import type { RenderedStep } from './render/index.js';
import { typeSql } from './render/definitions.js';
import { quoteIdent, quoteLiteral } from './render/quote.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { SkippedPart } from './model/optional.js';
import { filterSchema } from './model/filter.js';
import type { VerifyReport } from './verify/index.js';
import type * as DocsWorkflow from './compliance/docs-workflow.js';

export interface Context {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Called when a database is still starting and we wait for it. */
  readonly onWait?: (message: string) => void;
  readonly waitSeconds?: number;
  /** Called as long operations advance (loading, the embedded check, introspection, migrations). */
  readonly onProgress?: OnProgress;
}

/** Where derived, disposable data lives: `.schemac/cache` next to the config. */
const cacheDirOf = (project: ResolvedProject): string => path.join(project.root, '.schemac', 'cache');

/** A path as users should see it: relative to the working directory. */
export const displayPath = (ctx: Context) => (file: string): string => path.relative(ctx.cwd, file) || '.';

export interface LoadedDeclarations extends BuildResult {
  readonly files: readonly string[];
}

/** Load declaration modules from files/folders, build the model and validate it. */
export async function loadDeclarations(ctx: Context, schemaPaths: readonly string[], options: { cacheDir?: string } = {}): Promise<LoadedDeclarations> {
  await prepareParser();
  const { readParseFacts, writeParseFacts } = await expressions();
  const [{ buildSchema, collectDeclarations }, { validateSchema }, { checkCompliance }, { enforceCompliance }] = await Promise.all([
    import('./dsl/build.js'), import('./model/validate.js'), import('./compliance/checks.js'), import('./compliance/enforce.js'),
  ]);
  const files = schemaPaths.flatMap((p) => moduleFiles(p, ctx.cwd));
  const modules = await loadModules(files, {
    cwd: ctx.cwd,
    ...(options.cacheDir ? { cacheDir: path.join(options.cacheDir, 'modules') } : {}),
    onLoaded: (i) => ctx.onProgress?.({ phase: 'load', done: i + 1, total: files.length, detail: displayPath(ctx)(files[i]!) }),
  });
  const declarations: Declaration[] = modules.flatMap((exports) => collectDeclarations(exports));
  const built = buildSchema(declarations, ctx.cwd);
  if (options.cacheDir) readParseFacts(options.cacheDir);
  const diagnostics = [...built.diagnostics, ...(hasErrors(built.diagnostics) ? [] : validateSchema(built.schema, built.locate))];
  if (options.cacheDir) writeParseFacts(options.cacheDir);
  if (hasErrors(diagnostics)) return { ...built, diagnostics, files };
  // Compliance: checked as declared, then enforced with ordinary objects (policies, triggers, grants, comments).
  const compliance = checkCompliance(built.schema, built.locate);
  const schema = hasErrors(compliance) ? built.schema : freezeSchema(enforceCompliance(built.schema));
  return { ...built, schema, diagnostics: [...diagnostics, ...compliance], files };
}

/**
 * PostgreSQL's own verdict on the declarations: the schema is built in the embedded dev database
 * (cached by content). A statement it refuses is SC220 at the declaring line; an extension the
 * embedded database lacks only means the check could not run (SC221, a warning).
 */
export async function checkWithPostgres(loaded: LoadedDeclarations, cacheDir: string, onProgress?: OnProgress): Promise<Diagnostic[]> {
  const { normalizeDeclared } = await import('./normalize/index.js');
  const result = await normalizeDeclared(loaded.schema, { cacheDir, onProgress });
  if (result.normalized) return [];
  const failure = result.failure;
  if (!failure || failure.kind === 'extension.create') {
    return [diagnostic('SC221', { severity: 'warning', message: `the declarations could not be checked with the embedded PostgreSQL: ${result.reason ?? 'it did not start'}`, ...(failure ? { path: failure.path, at: locateWithParents(loaded.locate, failure.path) } : {}) })];
  }
  return [diagnostic('SC220', {
    message: `PostgreSQL rejects ${failure.path}: ${failure.message}`,
    path: failure.path,
    ...(locateWithParents(loaded.locate, failure.path) ? { at: locateWithParents(loaded.locate, failure.path)! } : {}),
  })];
}

/** Where an object was declared, or failing that its table (`column:s.t.c` → `table:s.t`). */
function locateWithParents(locate: SourceLocator, path: string): ReturnType<SourceLocator> {
  const found = locate(path);
  if (found) return found;
  const [kind, rest] = [path.slice(0, path.indexOf(':')), path.slice(path.indexOf(':') + 1)];
  const parts = rest.split('.');
  return ['column', 'constraint', 'trigger', 'policy'].includes(kind) && parts.length >= 3 ? locate(`table:${parts[0]}.${parts[1]}`) : undefined;
}

/** `schemac validate`: schemac's checks, then (when those pass) PostgreSQL's own. */
export async function validateProject(ctx: Context, project: ResolvedProject): Promise<LoadedDeclarations> {
  const loaded = await loadDeclarations(ctx, project.schemaPaths, { cacheDir: cacheDirOf(project) });
  if (hasErrors(loaded.diagnostics)) return loaded;
  return { ...loaded, diagnostics: [...loaded.diagnostics, ...(await checkWithPostgres(loaded, cacheDirOf(project), ctx.onProgress))] };
}

/** Declarations that must be valid to go on (errors stop the command), limited to what the project manages. */
export async function loadValidDeclarations(ctx: Context, project: ResolvedProject): Promise<LoadedDeclarations> {
  const loaded = await loadDeclarations(ctx, project.schemaPaths, { cacheDir: cacheDirOf(project) });
  if (hasErrors(loaded.diagnostics)) throw new SchemacError(loaded.diagnostics);
  const managedPart = { ...loaded, schema: filterSchema(loaded.schema, project.filters) };
  const checked = await checkWithPostgres(managedPart, cacheDirOf(project), ctx.onProgress);
  if (hasErrors(checked)) throw new SchemacError(checked);
  return { ...managedPart, diagnostics: [...loaded.diagnostics, ...checked] };
}

export function projectTarget(ctx: Context, project: ResolvedProject | undefined, url: string | undefined): DatabaseTarget {
  return resolveTarget({ ...(url ? { url } : {}), env: ctx.env, ...(project?.url ? { configUrl: project.url } : {}), root: project?.root ?? ctx.cwd });
}

function connectOptions(ctx: Context): ConnectOptions {
  return { env: ctx.env, ...(ctx.onWait ? { onWait: ctx.onWait } : {}), ...(ctx.waitSeconds !== undefined ? { waitSeconds: ctx.waitSeconds } : {}) };
}

export async function openDatabase(ctx: Context, target: DatabaseTarget): Promise<Database> {
  return connect(target, connectOptions(ctx));
}

const usingDatabase = <T>(ctx: Context, target: DatabaseTarget, work: (db: Database) => Promise<T>, project?: ResolvedProject): Promise<T> =>
  withDatabase(target, connectOptions(ctx), async (db) => {
    // The project's role and search_path, for everything the session runs (apply, data steps).
    if (project?.role) await db.exec(`SET ROLE ${quoteIdent(project.role)}`);
    if (project?.searchPath) await db.exec(`SET search_path = ${project.searchPath.map(quoteIdent).join(', ')}`);
    return work(db);
  });

/** PostgreSQL's parser and what is built on it (expr/), imported on first use. */
const expressions = () => import('./expr/index.js');

/** PostgreSQL's parser loaded (expr/ imported, its WebAssembly started), once per process. */
const prepareParser = async (): Promise<void> => (await expressions()).prepareExpressions();

let planning: Promise<[typeof import('./diff/index.js'), typeof import('./plan/index.js'), typeof import('./render/index.js')]> | undefined;

/**
 * The phases from two schemas to SQL (diff → plan → render), imported on first use; commands that
 * read a database first start the import while its server answers (they are half of a diff's code).
 */
const planningPhases = () => (planning ??= Promise.all([import('./diff/index.js'), import('./plan/index.js'), import('./render/index.js')]));

/** Diff → plan → rendered steps (every statement parsed before it is returned). */
export async function planSteps(from: Schema, to: Schema, options: { online?: boolean; dataSteps?: boolean } = {}): Promise<{ changes: Change[]; steps: RenderedStep[] }> {
  const [[{ diffSchemas }, { planChanges }, { renderSteps }]] = await Promise.all([planningPhases(), prepareParser()]);
  const changes = diffSchemas(from, to, { dataSteps: options.dataSteps === true });
  return { changes, steps: renderSteps(planChanges(changes, { from, to, ...(options.online === false ? { online: false } : {}) })) };
}

/** The run settings of a project's migrations (config), with command-line overrides. */
export function runSettings(project: ResolvedProject, overrides: Partial<MigrationSettings> = {}, onRetry?: RunSettings['onRetry']): RunSettings {
  const m = { ...project.migrations, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as MigrationSettings;
  const ms = (value: string | undefined, fallback: number): number => (value === undefined ? fallback : durationMs(value));
  const settings = {
    lockTimeoutMs: ms(m.lockTimeout, DEFAULT_RUN_SETTINGS.lockTimeoutMs),
    statementTimeoutMs: ms(m.statementTimeout, DEFAULT_RUN_SETTINGS.statementTimeoutMs),
    lockRetries: m.lockRetries ?? DEFAULT_RUN_SETTINGS.lockRetries,
    retryDelayMs: ms(m.retryDelay, DEFAULT_RUN_SETTINGS.retryDelayMs),
    lockWaitMs: ms(m.lockWait, DEFAULT_RUN_SETTINGS.lockWaitMs!),
    ...(onRetry ? { onRetry } : {}),
  };
  for (const [key, value] of Object.entries(settings)) {
    if (typeof value === 'number' && !Number.isFinite(value)) throw usageError(`${key.replace(/Ms$/, '')} is not a duration such as '5s' or '500ms'`);
  }
  return settings;
}

export interface GenerateResult {
  readonly changes: readonly Change[];
  /** Warnings: lint findings below error level, data steps edited after they ran. */
  readonly warnings: readonly Diagnostic[];
  /** The folder written, or undefined when nothing changed (or in check mode). */
  readonly written?: string;
  readonly id?: string;
}

export interface GenerateOptions {
  readonly name?: string;
  readonly check?: boolean;
  readonly now?: Date;
}

function defaultSlug(from: Schema, changes: readonly Change[], steps: readonly RenderedStep[]): string {
  if (from.tables.length === 0 && from.enums.length === 0 && from.namespaces.length === 0) return 'init';
  return changes.length === 1 || steps.length === 1 ? slugify(steps[0]!.description) : slugify(`${steps[0]!.description} and more`);
}

/** SC224: data steps whose SQL changed after the migration that ran them was generated. */
async function editedDataStepWarnings(from: Schema, to: Schema, locate: SourceLocator): Promise<Diagnostic[]> {
  const [{ editedDataSteps }] = await planningPhases();
  return editedDataSteps(from, to).map(({ after }) => diagnostic('SC224', {
    severity: 'warning',
    message: `data step ${after.name} changed after the migration that runs it was generated; the change has no effect`,
    path: dataStepPath(after.name),
    ...(locate(dataStepPath(after.name)) ? { at: locate(dataStepPath(after.name))! } : {}),
  }));
}

/**
 * Diff the declarations against the snapshot and write the next migration (unless `check`). The
 * migration is linted first: error-level findings need a declared acknowledgement, and drops that
 * look like renames need renamedFrom or an acknowledged drop; otherwise nothing is written.
 */
export async function generate(ctx: Context, project: ResolvedProject, options: GenerateOptions = {}): Promise<GenerateResult> {
  const declared = await loadValidDeclarations(ctx, project);
  const folder = readMigrationFolder(project.outDir, displayPath(ctx));
  const { changes, steps } = await planSteps(folder.snapshot, declared.schema, { online: project.migrations.online !== false, dataSteps: true });
  const edited = await editedDataStepWarnings(folder.snapshot, declared.schema, declared.locate);
  if (changes.length === 0) return { changes, warnings: edited };
  const [[{ suspectedRenames }, , { renderMigrationFiles }], { checkComplianceChanges }, { reviewMigration }, { protectionCreated }] = await Promise.all([
    planningPhases(),
    import('./compliance/changes.js'), import('./review/index.js'), import('./compliance/enforce.js'),
  ]);
  const compliance = checkComplianceChanges(folder.snapshot, declared.schema, changes, declared.locate, options.now ?? new Date());
  if (hasErrors(compliance)) throw new SchemacError(compliance);
  const slug = options.name ? slugify(options.name) : defaultSlug(folder.snapshot, changes, steps);
  const id = `${nextVersion(folder.migrations, options.now ?? new Date())}_${slug}`;
  const review = reviewMigration(slug, steps, {
    file: displayPath(ctx)(path.join(project.outDir, 'migrations', id, 'up.sql')),
    acknowledgements: declared.schema.acknowledgements ?? [],
    locate: declared.locate,
    suspectedRenames: suspectedRenames(changes),
    ...(project.migrations.postgresVersion ? { postgresVersion: project.migrations.postgresVersion } : {}),
  });
  if (review.refused.length > 0) throw new SchemacError(review.refused);
  // Protections added to tables that outlive a rollback: the rollback strips them (it needs --force).
  const created = new Set(changes.flatMap((c) => (c.kind === 'table.create' ? [`${c.table.schema}.${c.table.name}`] : [])));
  const reviewed = review.steps.map((s) => {
    const protects = protectionCreated(s.step.change);
    const on = 'table' in s.step.change && typeof s.step.change.table === 'string' && 'schema' in s.step.change ? `${s.step.change.schema}.${s.step.change.table}` : '';
    return protects && s.down.length > 0 && !created.has(on) ? { ...s, protects } : s;
  });
  const warnings = [...edited, ...review.warnings];
  if (options.check) return { changes, warnings };
  const files = renderMigrationFiles(slug, reviewed);
  const written = writeMigration(project.outDir, { id, ...files, snapshot: declared.schema });
  return { changes, written, id, warnings };
}

export interface LintFileResult {
  readonly file: string;
  readonly findings: readonly LintFinding[];
}

/**
 * `schemac lint [files…]`: lint SQL files (default: the newest migration's up.sql). Files in a
 * migration folder, or with schemac's header, are linted as run by apply (in a transaction).
 */
export async function lintFiles(ctx: Context, files: readonly string[], options: { project?: ResolvedProject; postgresVersion?: number } = {}): Promise<LintFileResult[]> {
  await prepareParser();
  let targets = files.map((f) => path.resolve(ctx.cwd, f));
  if (targets.length === 0) {
    if (!options.project) throw usageError('name the SQL files to lint, or run it in a project (it lints the newest migration)');
    const newest = readMigrationFolder(options.project.outDir, displayPath(ctx)).migrations.at(-1);
    if (!newest) return [];
    targets = [path.join(newest.dir, 'up.sql')];
  }
  const { lintSql } = await import('./lint/index.js');
  const version = options.postgresVersion ?? options.project?.migrations.postgresVersion;
  return targets.map((file) => {
    if (!existsSync(file)) throw usageError(`${displayPath(ctx)(file)} does not exist`);
    const sql = readFileSync(file, 'utf8');
    const display = displayPath(ctx)(file);
    const inMigration = /(^|[\\/])migrations[\\/]\d{14}_[a-z0-9_]+[\\/](up|down)\.sql$/.test(file);
    const result = lintSql(sql, { file: display, ...(version ? { postgresVersion: version } : {}), ...(inMigration ? { wrapped: true } : {}) });
    return { file: display, findings: result.parseError ? [{ ...result.parseError, rule: 'parse-error', statement: 0 }] : result.findings };
  });
}

/** Accept intended manual edits: recompute migrations.sum (`generate --rehash`). */
export function rehashProject(project: ResolvedProject): void {
  rehash(project.outDir);
}

export async function readFolder(ctx: Context, project: ResolvedProject): Promise<MigrationFolder> {
  return readMigrationFolder(project.outDir, displayPath(ctx));
}

/** Run settings that report each statement to the context's progress callback. */
const withProgress = (ctx: Context, settings: RunSettings = DEFAULT_RUN_SETTINGS): RunSettings => (ctx.onProgress ? { ...settings, onProgress: ctx.onProgress } : settings);

export async function applyProject(ctx: Context, project: ResolvedProject, target: DatabaseTarget, options: Omit<ApplyOptions, 'display'> = {}): Promise<ApplyResult & { database: string }> {
  const folder = await readFolder(ctx, project);
  const settings = withProgress(ctx, options.settings);
  const { applyMigrations } = await import('./apply/index.js');
  return usingDatabase(ctx, target, async (db) => ({ ...(await applyMigrations(db, folder, { ...options, settings, display: displayPath(ctx) })), database: db.description }), project);
}

export async function rollbackProject(ctx: Context, project: ResolvedProject, target: DatabaseTarget, options: Omit<RollbackOptions, 'display'> = {}): Promise<{ rolledBack: readonly Migration[]; database: string }> {
  const folder = await readFolder(ctx, project);
  const settings = withProgress(ctx, options.settings);
  const { rollbackMigrations } = await import('./apply/index.js');
  return usingDatabase(ctx, target, async (db) => ({ rolledBack: await rollbackMigrations(db, folder, { ...options, settings, display: displayPath(ctx) }), database: db.description }), project);
}

export async function statusProject(ctx: Context, project: ResolvedProject, target: DatabaseTarget): Promise<{ statuses: MigrationStatus[]; database: string }> {
  const folder = await readFolder(ctx, project);
  const { readStatus } = await import('./apply/index.js');
  return usingDatabase(ctx, target, async (db) => ({ statuses: await readStatus(db, folder), database: db.description }));
}

export async function inspectTarget(ctx: Context, target: DatabaseTarget): Promise<Schema> {
  return usingDatabase(ctx, target, (db) => introspect(db, { onProgress: ctx.onProgress }));
}

/**
 * Evaluate constant defaults with the database itself (see expr/constants.ts): one query to learn
 * which types exist there, one to evaluate every constant whose type does. Read-only. On any
 * failure nothing is normalised (comparison falls back to parse trees alone).
 */
async function evaluateConstants(db: Database, sites: readonly ConstantSite[]): Promise<(string | null)[]> {
  try {
    const typeNames = [...new Set(sites.map((s) => typeSql(s.type)))];
    const rows = await db.query<{ name: string; exists: boolean }>('SELECT name, to_regtype(name) IS NOT NULL AS exists FROM unnest($1::text[]) AS name', [typeNames]);
    const existing = new Set(rows.filter((r) => r.exists).map((r) => r.name));
    const evaluable = sites.map((s, i) => ({ s, i })).filter(({ s }) => existing.has(typeSql(s.type)));
    if (evaluable.length === 0) return sites.map(() => null);
    const items = evaluable.map(({ s }) => `((${s.sql})::${typeSql(s.type)})::text`);
    const [row] = await db.query<{ values: (string | null)[] }>(`SELECT ARRAY[${items.join(', ')}]::text[] AS values`);
    const values: (string | null)[] = sites.map(() => null);
    evaluable.forEach(({ i }, k) => (values[i] = row?.values[k] ?? null));
    return values;
  } catch {
    return sites.map(() => null);
  }
}

/**
 * Declared and live schemas made comparable: the declared one as PostgreSQL stores it (built in an
 * embedded dev database, cached by content); failing that, at least its constant defaults, and the
 * constants of CHECKs and index predicates and expressions, in the compared server's own
 * rendering, and its empty comments as none.
 */
export async function comparableSchemas(
  db: Database,
  declared: Schema,
  live: Schema,
  options: { cacheDir?: string; devDatabase?: boolean; onProgress?: OnProgress } = {},
): Promise<{ declared: Schema; live: Schema }> {
  if (options.devDatabase !== false) {
    const { normalizeDeclared } = await import('./normalize/index.js');
    const normalized = await normalizeDeclared(declared, { ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}), onProgress: options.onProgress });
    if (normalized.normalized) return { declared: normalized.schema, live };
  }
  const readOnly = async <T>(work: () => Promise<T>): Promise<T> => {
    await db.exec('BEGIN READ ONLY');
    try {
      return await work();
    } finally {
      await db.exec('ROLLBACK');
    }
  };
  const { normalizeConstantDefaults, normalizeTypedConstants } = await expressions();
  const evaluate = (sites: readonly ConstantSite[]) => evaluateConstants(db, sites);
  const [d, l] = await readOnly(() => normalizeConstantDefaults([withoutEmptyComments(declared), live], evaluate, quoteLiteral));
  // A batch the server refuses aborts its transaction: the typed constants get one of their own.
  return { declared: d!, live: await readOnly(() => normalizeTypedConstants(d!, l!, evaluate, quoteLiteral)) };
}

/**
 * The declared schema as PostgreSQL stores its comments: `COMMENT ON … IS ''` removes the comment,
 * so an empty declared comment reads back as none (a view column's empty comment, as no entry).
 */
function withoutEmptyComments<T>(value: T): T {
  if (Array.isArray(value)) {
    const emptyColumnComment = (item: unknown): boolean =>
      !!item && typeof item === 'object' && (item as { comment?: unknown }).comment === '' && Object.keys(item).length === 2 && 'column' in item;
    return value.filter((item) => !emptyColumnComment(item)).map(withoutEmptyComments) as T;
  }
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k, v]) => !(k === 'comment' && v === '')).map(([k, v]) => [k, withoutEmptyComments(v)])) as T;
}

export interface DriftResult extends DriftReport {
  readonly database: string;
  /** Optional parts left out: their extension is not available on this server. */
  readonly skipped: readonly SkippedPart[];
  /** With `definitions`: the SQL of each drifting object as declared and as found, to show side by side. */
  readonly definitions?: readonly DriftDefinition[];
}

/** The declared schema as this server can hold it: optional parts whose extension it lacks left out. */
async function partsForServer(db: Database, declared: Schema): Promise<{ schema: Schema; skipped: SkippedPart[] }> {
  const optional = declared.extensions.filter((x) => x.optional).map((x) => x.name);
  const [{ unavailableExtensions }, { withoutUnavailableParts }] = await Promise.all([import('./apply/index.js'), import('./model/optional.js')]);
  const missing = await unavailableExtensions(db, optional);
  return withoutUnavailableParts(declared, (name) => !missing.has(name));
}

/**
 * The declarations and the database made comparable: the part of each the project manages
 * (include/exclude filters), without optional parts this server cannot hold.
 */
async function compareWithDatabase(db: Database, project: ResolvedProject, declared: Schema, options: { onProgress?: OnProgress; introspected?: Promise<Schema> } = {}) {
  const introspected = await (options.introspected ?? introspect(db, options));
  const parts = await partsForServer(db, declared);
  const live = filterSchema(introspected, project.filters);
  const comparable = await comparableSchemas(db, parts.schema, live, { cacheDir: cacheDirOf(project), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  return { parts, comparable };
}

/**
 * Load the declarations and read the database at the same time (one mostly waits on the server,
 * the other works the CPU), then run `work`. Errors come in the order they did one after the
 * other: the declarations' first, then the database's.
 */
async function withDeclarationsAndDatabase<T>(
  ctx: Context,
  project: ResolvedProject,
  target: DatabaseTarget,
  work: (declared: LoadedDeclarations, db: Database, introspected: Promise<Schema>) => Promise<T>,
): Promise<T> {
  const loading = loadValidDeclarations(ctx, project);
  loading.catch(() => undefined); // awaited below
  try {
    return await usingDatabase(ctx, target, async (db) => {
      const introspected = introspect(db, { onProgress: ctx.onProgress });
      introspected.catch(() => undefined); // awaited by work
      planningPhases().catch(() => undefined); // every caller diffs
      let declared: LoadedDeclarations;
      try {
        declared = await loading;
      } catch (error) {
        await introspected.catch(() => undefined); // the connection is closed only once it is idle
        throw error;
      }
      return work(declared, db, introspected);
    });
  } catch (error) {
    await loading; // a declaration error wins over a database error
    throw error;
  }
}

export async function driftProject(ctx: Context, project: ResolvedProject, target: DatabaseTarget, options: { definitions?: boolean } = {}): Promise<DriftResult> {
  return withDeclarationsAndDatabase(ctx, project, target, async (declared, db, introspected) => {
    const { parts, comparable } = await compareWithDatabase(db, project, declared.schema, { onProgress: ctx.onProgress, introspected });
    const [{ usesCompliance }, { detectDrift }, { driftDefinitions }] = await Promise.all([import('./compliance/checks.js'), import('./drift/index.js'), import('./drift/definitions.js')]);
    const report = detectDrift(comparable.live, comparable.declared, declared.locate, { classified: usesCompliance(declared.schema) });
    const definitions = options.definitions ? { definitions: driftDefinitions(comparable.live, comparable.declared, report.items) } : {};
    return { ...report, database: db.description, skipped: parts.skipped, ...definitions };
  });
}

/**
 * `schemac verify`: declared objects exist and are valid (drift's missing and different items, no
 * INVALID index, populated materialized views), the largest tables, and the query assertions.
 */
export async function verifyProject(ctx: Context, project: ResolvedProject, target: DatabaseTarget): Promise<VerifyReport & { skipped: readonly SkippedPart[] }> {
  return withDeclarationsAndDatabase(ctx, project, target, async (declared, db, introspected) => {
    const { parts, comparable } = await compareWithDatabase(db, project, declared.schema, { onProgress: ctx.onProgress, introspected });
    const { detectDrift } = await import('./drift/index.js');
    const drift = detectDrift(comparable.live, comparable.declared, declared.locate);
    const objects = drift.items.filter((i) => i.kind !== 'unexpected');
    const { largestTables, runAssertions, unpopulatedViews } = await import('./verify/index.js');
    const unpopulated = await unpopulatedViews(db);
    const assertions = await runAssertions(db, declared.schema.assertions ?? [], declared.locate);
    const largest = await largestTables(db);
    const ok = objects.length === 0 && unpopulated.length === 0 && assertions.every((a) => a.ok);
    return { database: db.description, objects, unpopulated, largest, assertions, ok, skipped: parts.skipped };
  });
}

/** `schemac plan`: the SQL that brings the database to the declared state, with hazards. */
/** A planned step as the CLI reports it: with its declaring line and what it means for compliance. */
export interface PlanStepReport {
  readonly rendered: RenderedStep;
  readonly at?: SourceRef;
  /** The protection the step puts in place (tenant policy, guard trigger, forced RLS). */
  readonly protects?: string;
  /** The step touches a table that holds personal data (by the declarations). */
  readonly personalData?: string;
}

export interface PlanResult {
  readonly sql: string;
  readonly changes: readonly Change[];
  readonly steps: readonly RenderedStep[];
  readonly reports: readonly PlanStepReport[];
  readonly database: string;
}

/** `schemac plan`: the SQL that brings the database to the declared state, with hazards. */
export async function planProject(ctx: Context, project: ResolvedProject, target: DatabaseTarget): Promise<PlanResult> {
  return withDeclarationsAndDatabase(ctx, project, target, async (declared, db, introspected) => {
    const { comparable } = await compareWithDatabase(db, project, declared.schema, { onProgress: ctx.onProgress, introspected });
    const { changes, steps } = await planSteps(comparable.live, comparable.declared, { online: project.migrations.online !== false });
    const [{ protectionCreated }, [, , { renderScript }]] = await Promise.all([import('./compliance/enforce.js'), planningPhases()]);
    const personal = new Set(declared.schema.tables.filter((t) => t.columns.some((c) => c.compliance?.personal)).map((t) => `${t.schema}.${t.name}`));
    const reports = steps.map((rendered): PlanStepReport => {
      const change = rendered.step.change;
      const at = locateWithParents(declared.locate, change.path);
      const protects = protectionCreated(change);
      const table = 'table' in change && typeof change.table === 'string' && 'schema' in change ? `${change.schema}.${change.table}` : undefined;
      return { rendered, ...(at ? { at } : {}), ...(protects ? { protects } : {}), ...(table && personal.has(table) ? { personalData: table } : {}) };
    });
    return { sql: renderScript(`bring ${db.description} to the declared schema`, steps), changes, steps, reports, database: db.description };
  });
}

export interface ResolvedSource {
  readonly schema: Schema;
  readonly locate: SourceLocator;
  readonly description: string;
}

function readSnapshotFile(ctx: Context, file: string): Schema {
  try {
    const parsed = JSON.parse(readFileSync(path.resolve(ctx.cwd, file), 'utf8')) as { schema?: Schema };
    return freezeSchema(parsed.schema ?? (parsed as unknown as Schema));
  } catch (error) {
    throw new SchemacError([diagnostic('SC303', { message: `cannot read snapshot ${file}: ${(error as Error).message}` })]);
  }
}

/**
 * A `diff` source: `empty`, `snapshot:<file>`, a postgres URL, `pglite:<dir>`, a config file
 * (with `project`), or a declaration file/folder.
 */
export async function resolveSource(ctx: Context, source: string, project?: string): Promise<ResolvedSource> {
  if (source === 'empty') return { schema: EMPTY_SCHEMA, locate: NO_SOURCES, description: 'an empty database' };
  if (source.startsWith('snapshot:')) return { schema: readSnapshotFile(ctx, source.slice(9)), locate: NO_SOURCES, description: source };
  if (/^(postgres(ql)?:\/\/|pglite:)/.test(source)) {
    return usingDatabase(ctx, parseTarget(source, ctx.cwd), async (db) => {
      const reading = introspect(db, { onProgress: ctx.onProgress });
      // The diff that follows needs the parser and the planning phases: they load once the first
      // catalog query is sent, while the server answers.
      prepareParser().catch(() => undefined);
      planningPhases().catch(() => undefined);
      return { schema: await reading, locate: NO_SOURCES, description: db.description };
    });
  }
  const isConfig = /schemac\.config\.[mc]?[jt]s$/.test(source);
  const declarations = isConfig
    ? await loadValidDeclarations(ctx, await loadProject({ cwd: ctx.cwd, config: source, ...(project ? { project } : {}) }))
    : await loadDeclarations(ctx, [path.resolve(ctx.cwd, source)]);
  if (hasErrors(declarations.diagnostics)) throw new SchemacError(declarations.diagnostics);
  return { schema: declarations.schema, locate: declarations.locate, description: source };
}

export interface PullResult {
  readonly files: readonly string[];
  readonly database: string;
}

/**
 * `schemac pull`: introspect a database and write declarations (and a config) into `outDir`.
 * Refuses to overwrite an existing project there unless `force`.
 */
export async function pullProject(ctx: Context, target: DatabaseTarget, outDir: string, options: { force?: boolean } = {}): Promise<PullResult> {
  const out = path.resolve(ctx.cwd, outDir);
  if (!options.force && existsSync(path.join(out, 'schemac.config.ts'))) {
    throw new SchemacError([diagnostic('SC101', { message: `${displayPath(ctx)(out)} already holds a schemac project`, hint: 'Choose an empty folder, or pass --force to overwrite its files.' })]);
  }
  await prepareParser();
  return usingDatabase(ctx, target, async (db) => {
    // ts-morph (code generation) is big: loaded only by the command that needs it.
    const { pullSchema } = await import('./pull/index.js');
    const files = pullSchema(await introspect(db, { onProgress: ctx.onProgress }));
    for (const file of files) {
      const full = path.join(out, file.path);
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, file.content);
    }
    return { files: files.map((f) => displayPath(ctx)(path.join(out, f.path))), database: db.description };
  });
}

/** Where `schemac docs` writes, relative to the working directory, unless told otherwise. */
export const DEFAULT_DOCS_DIR = path.join('docs', 'schema');

/** `schemac docs` (compliance/docs-workflow.ts). */
export async function docsProject(...args: Parameters<typeof DocsWorkflow.docsProject>): Promise<DocsWorkflow.DocsResult> {
  return (await import('./compliance/docs-workflow.js')).docsProject(...args);
}

/** Release what a command may have started in the background (the embedded dev database). */
export const shutdown = closeDevDatabase;

/** A usage error (exit 2) raised by the CLI after flag parsing. */
export const usageError = (message: string): SchemacError => new SchemacError([diagnostic('SC901', { message })]);

/** The SQL script of planned steps (`diff`, `inspect --format sql`). */
export async function renderDiffScript(description: string, steps: readonly RenderedStep[]): Promise<string> {
  const [, , { renderScript }] = await planningPhases();
  return renderScript(description, steps);
}
export const EMPTY = EMPTY_SCHEMA;

export { findConfig, loadProject, type ResolvedProject, type Diagnostic, type DatabaseTarget };
