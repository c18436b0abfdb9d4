/**
 * schemac.config.ts: where the declarations are, where generated files go, which database.
 * A config holds one project, or several under `projects` (e.g. one per schema/<system>/).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, SchemacError } from '../diagnostics/diagnostic.js';
import { loadModules } from './modules.js';
import { FILTER_KINDS, type Filters, type ObjectFilter } from '../model/filter.js';

export interface ProjectConfig {
  /** Declaration module(s): files, or folders whose .ts/.js files are all loaded. */
  readonly schema: string | readonly string[];
  /** Output folder for migrations, snapshot and sum. Default `generated`. */
  readonly out?: string;
  /** Database URL (a `--url`, DATABASE_URL or PG* variables take precedence... see docs). */
  readonly url?: string;
  /** How migrations are planned and applied. */
  readonly migrations?: MigrationSettings;
  /** Manage only these objects (by schema, table pattern, object kind): the rest is neither created nor drift. */
  readonly include?: ObjectFilter;
  readonly exclude?: ObjectFilter;
  /** `SET ROLE` after connecting: objects are created (and owned) by this role. */
  readonly role?: string;
  /** `SET search_path` for the session: unqualified names in data steps and hand-written SQL resolve here. */
  readonly searchPath?: readonly string[];
}

/**
 * Migration safety settings. `online` (default true): changes to tables that already exist use
 * online-safe statements (CONCURRENTLY, NOT VALID + VALIDATE); false writes the plain statements.
 * `apply` sets `lock_timeout` and `statement_timeout` for every step and retries a step that timed
 * out waiting for a lock, up to `lockRetries` times with doubling waits from `retryDelay`; it waits
 * up to `lockWait` for another applier to finish.
 */
export interface MigrationSettings {
  readonly online?: boolean;
  /** PostgreSQL interval text: `'5s'`, `'500ms'`. Default `'5s'`; `'0'` waits forever. */
  readonly lockTimeout?: string;
  /** Default `'0'` (no limit): online steps may run long without blocking anyone. */
  readonly statementTimeout?: string;
  /** Default 5. */
  readonly lockRetries?: number;
  /** First wait between retries, doubled each time (capped at 30s). Default `'1s'`. */
  readonly retryDelay?: string;
  /**
   * How long `apply` and `rollback` wait for the migration lock while another applier holds it,
   * before giving up with SC405. Default `'60s'`; `'0'` gives up at once.
   */
  readonly lockWait?: string;
  /** PostgreSQL major version the migrations run on (14–18), for lint rules that depend on it. Default 14. */
  readonly postgresVersion?: number;
}

export interface SchemacConfig extends Partial<ProjectConfig> {
  readonly projects?: Readonly<Record<string, ProjectConfig>>;
  /** The project used when --project is not given (default: the only project). */
  readonly defaultProject?: string;
}

/** Typed identity: `export default defineConfig({ schema: './schema', out: './generated' })`. */
export const defineConfig = (config: SchemacConfig): SchemacConfig => config;

export interface ResolvedProject {
  readonly name: string;
  readonly configFile: string;
  /** Folder of the config file: relative paths in it resolve here. */
  readonly root: string;
  readonly schemaPaths: readonly string[];
  readonly outDir: string;
  readonly url?: string;
  readonly migrations: MigrationSettings;
  readonly filters: Filters;
  readonly role?: string;
  readonly searchPath?: readonly string[];
}

export const CONFIG_FILES = ['schemac.config.ts', 'schemac.config.mts', 'schemac.config.js', 'schemac.config.mjs'];

export function findConfig(cwd: string, explicit?: string): string {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new SchemacError([diagnostic('SC100', { message: `config file ${explicit} does not exist` })]);
    }
    return file;
  }
  const found = CONFIG_FILES.map((name) => path.join(cwd, name)).find((file) => existsSync(file));
  if (!found) {
    throw new SchemacError([diagnostic('SC100', { message: `no schemac.config.ts (or .js/.mjs) in ${cwd}` })]);
  }
  return found;
}

function invalid(file: string, message: string): never {
  throw new SchemacError([diagnostic('SC101', { message, at: { file, line: 0 } })]);
}

function checkProject(file: string, name: string, project: unknown): ProjectConfig {
  const p = project as Partial<ProjectConfig> | undefined;
  const schema = p?.schema;
  const valid = typeof schema === 'string' || (Array.isArray(schema) && schema.length > 0 && schema.every((s) => typeof s === 'string'));
  if (!valid) invalid(file, `project "${name}" needs \`schema\`: a path or a list of paths to the declaration modules`);
  if (p!.out !== undefined && typeof p!.out !== 'string') invalid(file, `project "${name}": \`out\` must be a path`);
  if (p!.url !== undefined && typeof p!.url !== 'string') invalid(file, `project "${name}": \`url\` must be a string`);
  checkMigrationSettings(file, name, p!.migrations);
  for (const key of ['include', 'exclude'] as const) checkFilter(file, name, key, p![key]);
  if (p!.role !== undefined && (typeof p!.role !== 'string' || p!.role === '')) invalid(file, `project "${name}": \`role\` must be a role name`);
  if (p!.searchPath !== undefined && (!Array.isArray(p!.searchPath) || !p!.searchPath.every((x) => typeof x === 'string' && x !== ''))) invalid(file, `project "${name}": \`searchPath\` must be a list of schema names`);
  return p as ProjectConfig;
}

const DURATION = /^\s*\d+(\.\d+)?\s*(us|ms|s|min|h|d)?\s*$/;

/** Milliseconds of a PostgreSQL-style duration (`'5s'`, `'500ms'`, `'2min'`; a bare number is ms). */
export function durationMs(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/.exec(text);
  if (!match) return NaN;
  const factor = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 }[(match[2] ?? 'ms') as 'ms'];
  return Number(match[1]) * factor;
}

function checkMigrationSettings(file: string, name: string, settings: unknown): void {
  if (settings === undefined) return;
  if (!settings || typeof settings !== 'object') invalid(file, `project "${name}": \`migrations\` must be an object`);
  const m = settings as Record<string, unknown>;
  const known = ['online', 'lockTimeout', 'statementTimeout', 'lockRetries', 'retryDelay', 'lockWait', 'postgresVersion'];
  const unknown = Object.keys(m).filter((k) => !known.includes(k));
  if (unknown.length > 0) invalid(file, `project "${name}": unknown \`migrations\` setting ${unknown.join(', ')} (known: ${known.join(', ')})`);
  if (m['online'] !== undefined && typeof m['online'] !== 'boolean') invalid(file, `project "${name}": \`migrations.online\` must be true or false`);
  for (const key of ['lockTimeout', 'statementTimeout', 'retryDelay', 'lockWait']) {
    if (m[key] !== undefined && (typeof m[key] !== 'string' || !DURATION.test(m[key] as string))) invalid(file, `project "${name}": \`migrations.${key}\` must be a duration such as '5s' or '500ms'`);
  }
  const version = m['postgresVersion'];
  if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version) || version < 14 || version > 18)) invalid(file, `project "${name}": \`migrations.postgresVersion\` must be a major version from 14 to 18`);
  const retries = m['lockRetries'];
  if (retries !== undefined && (typeof retries !== 'number' || !Number.isInteger(retries) || retries < 0 || retries > 100)) invalid(file, `project "${name}": \`migrations.lockRetries\` must be a whole number from 0 to 100`);
}

function checkFilter(file: string, name: string, key: 'include' | 'exclude', filter: unknown): void {
  if (filter === undefined) return;
  const f = filter as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!filter || typeof filter !== 'object') invalid(file, `project "${name}": \`${key}\` must be an object { schemas?, tables?, kinds? }`);
  const unknown = Object.keys(f).filter((k) => !['schemas', 'tables', 'kinds'].includes(k));
  if (unknown.length > 0) invalid(file, `project "${name}": unknown \`${key}\` field ${unknown.join(', ')} (known: schemas, tables, kinds)`);
  for (const field of ['schemas', 'tables', 'kinds']) if (f[field] !== undefined && !strings(f[field])) invalid(file, `project "${name}": \`${key}.${field}\` must be a list of strings`);
  const badKinds = ((f['kinds'] as string[] | undefined) ?? []).filter((k) => !(FILTER_KINDS as readonly string[]).includes(k));
  if (badKinds.length > 0) invalid(file, `project "${name}": \`${key}.kinds\` has ${badKinds.join(', ')}; kinds are ${FILTER_KINDS.join(', ')}`);
}

/** Load the config and pick a project. */
export async function loadProject(options: { cwd: string; config?: string; project?: string }): Promise<ResolvedProject> {
  const file = findConfig(options.cwd, options.config);
  const display = path.relative(options.cwd, file) || file;
  const module = (await loadModules([file], { cwd: options.cwd, cacheDir: path.join(path.dirname(file), '.schemac', 'cache', 'modules') }))[0]!;
  const config = (module['default'] ?? module['config']) as SchemacConfig | undefined;
  if (!config || typeof config !== 'object') invalid(display, 'the config must `export default defineConfig({ … })`');
  const projects: Record<string, unknown> = config.projects ? { ...config.projects } : { default: config };
  const names = Object.keys(projects);
  const name = options.project ?? config.defaultProject ?? (names.length === 1 ? names[0]! : undefined);
  if (!name) {
    throw new SchemacError([diagnostic('SC102', { message: `the config has several projects (${names.join(', ')}); choose one with --project`, at: { file: display, line: 0 } })]);
  }
  if (!(name in projects)) {
    throw new SchemacError([diagnostic('SC102', { message: `no project "${name}" in ${display}; projects: ${names.join(', ')}`, at: { file: display, line: 0 } })]);
  }
  const project = checkProject(display, name, projects[name]);
  const root = path.dirname(file);
  const schemaPaths = (typeof project.schema === 'string' ? [project.schema] : project.schema).map((p) => path.resolve(root, p));
  return {
    name,
    configFile: file,
    root,
    schemaPaths,
    outDir: path.resolve(root, project.out ?? 'generated'),
    ...(project.url ? { url: project.url } : {}),
    migrations: project.migrations ?? {},
    filters: { ...(project.include ? { include: project.include } : {}), ...(project.exclude ? { exclude: project.exclude } : {}) },
    ...(project.role ? { role: project.role } : {}),
    ...(project.searchPath ? { searchPath: project.searchPath } : {}),
  };
}
