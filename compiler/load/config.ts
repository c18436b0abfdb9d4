/**
 * schemac.config.ts: where the declarations are, where generated files go, which database.
 * A config holds one project, or several under `projects` (e.g. one per schema/<system>/).
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, SchemacError } from '../diagnostics/diagnostic.js';
import { importModule } from './modules.js';

export interface ProjectConfig {
  /** Declaration module(s): files, or folders whose .ts/.js files are all loaded. */
  readonly schema: string | readonly string[];
  /** Output folder for migrations, snapshot and sum. Default `generated`. */
  readonly out?: string;
  /** Database URL (a `--url`, DATABASE_URL or PG* variables take precedence... see docs). */
  readonly url?: string;
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
  return p as ProjectConfig;
}

/** Load the config and pick a project. */
export async function loadProject(options: { cwd: string; config?: string; project?: string }): Promise<ResolvedProject> {
  const file = findConfig(options.cwd, options.config);
  const display = path.relative(options.cwd, file) || file;
  const module = await importModule(file, options.cwd);
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
  };
}
