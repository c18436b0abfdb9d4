/**
 * One interface over two back ends: `pg` for PostgreSQL servers and PGlite for the embedded
 * default. Everything above this file runs the same code on both.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { diagnostic, SchemacError } from '../diagnostics/diagnostic.js';
import { describeTarget, type DatabaseTarget } from './target.js';

export interface Database {
  readonly backend: 'postgres' | 'pglite';
  /** Where it is, safe to print (no password). */
  readonly description: string;
  /** `server_version_num`, e.g. 150018. */
  readonly serverVersion: number;
  /** One statement, with $1… parameters. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Any number of statements, no parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** An error from PostgreSQL, reduced to what we print. */
export interface DatabaseErrorInfo {
  readonly code?: string;
  readonly message: string;
  readonly detail?: string;
  readonly hint?: string;
  /** 1-based character position in the statement text, when PostgreSQL gave one. */
  readonly position?: number;
}

export function databaseErrorInfo(error: unknown): DatabaseErrorInfo {
  const e = error as { code?: unknown; message?: unknown; detail?: unknown; hint?: unknown; position?: unknown };
  return {
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    message: typeof e.message === 'string' ? e.message : String(error),
    ...(typeof e.detail === 'string' ? { detail: e.detail } : {}),
    ...(typeof e.hint === 'string' ? { hint: e.hint } : {}),
    ...(e.position !== undefined && Number(e.position) > 0 ? { position: Number(e.position) } : {}),
  };
}

export interface ConnectOptions {
  /** How long to keep retrying a server that refuses connections or is starting up. */
  readonly waitSeconds?: number;
  /** Called once when the first attempt fails and we start waiting. */
  readonly onWait?: (message: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Embedded databases only: the extensions to make available (names as in CREATE EXTENSION);
   * default all of EMBEDDED_EXTENSIONS. Each one costs start-up time and memory.
   */
  readonly embeddedExtensions?: ReadonlySet<string>;
}

const RETRYABLE_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'EAI_AGAIN', 'ETIMEDOUT']);
const RETRYABLE_SQLSTATE = new Set(['57P03' /* cannot_connect_now: starting up */, '53300' /* too many connections */]);
const AUTH_SQLSTATE = new Set(['28P01', '28000']);

class PostgresDatabase implements Database {
  readonly backend = 'postgres';
  constructor(private readonly client: pg.Client, readonly description: string, readonly serverVersion: number) {}
  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await this.client.query(sql, params as unknown[]);
    return result.rows as Row[];
  }
  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }
  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}

let pgLoading: Promise<typeof pg> | undefined;

/**
 * `pg`, loaded on first use: commands that never reach a server (generate, validate) skip it.
 * Imported by name, so the CLI bundle (scripts/bundle-cli.mjs) includes it and runs it from V8's
 * code cache, instead of resolving, reading and compiling its ~30 files on every command (~8 ms).
 * When it loads, pg asks whether it runs in a Cloudflare Worker: through `navigator.userAgent`,
 * or, where there is no `navigator` (Node 20), by constructing a fetch `Response`, which loads
 * Node's whole fetch implementation (undici): 30 of pg's 55 ms, a twentieth of a diff at 500
 * tables. A `navigator` that exists only while pg loads answers the question without it.
 */
function loadPg(): Promise<typeof pg> {
  pgLoading ??= (async () => {
    const global = globalThis as { navigator?: unknown };
    if (global.navigator !== undefined) return (await import('pg')).default;
    global.navigator = { userAgent: 'Node.js' };
    try {
      return (await import('pg')).default;
    } finally {
      delete global.navigator;
    }
  })();
  return pgLoading;
}

/** pg's connection, as far as we listen to it: the settings the server reports (ParameterStatus). */
interface SessionMessages {
  on(event: 'parameterStatus', listener: (message: { parameterName: string; parameterValue: string }) => void): unknown;
}

/**
 * `server_version` as a server reports it when the session starts (`15.18 (Debian 15.18-0+deb12u1)`,
 * `18beta1`) as `server_version_num` (150018, 180000), which saves asking for it: one round trip
 * less on every connection. Undefined for anything else (a proxy that reports its own version, a
 * server before 10, whose numbers have three parts): then the server is asked.
 */
export function serverVersionNumber(reported: string | undefined): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?(?![\d.])/.exec(reported ?? '');
  if (!match) return undefined;
  const major = Number(match[1]);
  if (major < 10 || major > 99) return undefined;
  return major * 10000 + (match[2] === undefined ? 0 : Number(match[2]));
}

async function connectPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>, options: ConnectOptions): Promise<Database> {
  const description = describeTarget(target, options.env);
  const deadline = Date.now() + (options.waitSeconds ?? 15) * 1000;
  let waited = false;
  const postgres = await loadPg();
  for (let attempt = 1; ; attempt++) {
    const client = new postgres.Client({
      ...(target.url ? { connectionString: target.url } : {}),
      connectionTimeoutMillis: 10_000,
      application_name: 'schemac',
      // Queries issued together go out together (introspection's catalog queries): the server
      // runs the next while Node reads the rows of the last. One after the other, as every other
      // caller awaits them, nothing changes.
      pipeline: true,
    });
    // A server that goes away later must not crash the process through an unhandled 'error' event.
    client.on('error', () => undefined);
    let reported: string | undefined;
    (client as unknown as { connection: SessionMessages }).connection.on('parameterStatus', (message) => {
      if (message.parameterName === 'server_version') reported = message.parameterValue;
    });
    try {
      await client.connect();
      const version = serverVersionNumber(reported)
        ?? ((await client.query("SELECT current_setting('server_version_num')::int AS version")).rows as { version: number }[])[0]!.version;
      return new PostgresDatabase(client, description, version);
    } catch (error) {
      await client.end().catch(() => undefined);
      const info = databaseErrorInfo(error);
      const code = info.code ?? '';
      if (AUTH_SQLSTATE.has(code)) {
        throw new SchemacError([diagnostic('SC402', { message: `authentication failed for ${description}: ${info.message}` })]);
      }
      const retryable = RETRYABLE_NETWORK.has(code) || RETRYABLE_SQLSTATE.has(code);
      if (!retryable) {
        throw new SchemacError([diagnostic('SC401', { message: `cannot connect to ${description}: ${info.message}` })]);
      }
      if (Date.now() >= deadline) {
        const code = waited ? 'SC403' : 'SC401';
        const after = waited ? ` (gave up after ${attempt} attempts)` : '';
        throw new SchemacError([diagnostic(code, { message: `cannot connect to ${description}: ${info.message}${after}` })]);
      }
      if (!waited) options.onWait?.(`waiting for ${description} to accept connections…`);
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2000)));
    }
  }
}

interface PGliteLike {
  query<Row>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

class EmbeddedDatabase implements Database {
  readonly backend = 'pglite';
  constructor(private readonly db: PGliteLike, readonly description: string, readonly serverVersion: number) {}
  async query<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.db.query<Row>(sql, [...params])).rows;
  }
  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }
  async close(): Promise<void> {
    await this.db.close();
  }
}

/** The installed PGlite version (its package.json is not exported; read it next to the entry point). */
function pgliteVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    return (JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export const PGLITE_VERSION = pgliteVersion();

/** Names of the extensions the embedded database can create (besides plpgsql). */
export const EMBEDDED_EXTENSIONS: ReadonlySet<string> = new Set([
  'plpgsql', 'citext', 'uuid-ossp', 'pg_trgm', 'btree_gin', 'btree_gist', 'hstore', 'pgcrypto', 'ltree', 'fuzzystrmatch', 'unaccent', 'intarray',
]);

/**
 * Where PGlite keeps an extension's code (loaded on CREATE EXTENSION): the module
 * `@electric-sql/pglite/contrib/<id>`, its export `<id>`, and the key of PGlite's `extensions`
 * option, `<id>` being the CREATE EXTENSION name with `_` for `-` (`uuid-ossp` → `uuid_ossp`).
 */
export const extensionModuleId = (name: string): string => name.replaceAll('-', '_');

/** PGlite's `extensions` option for the wanted extensions (all when not given). */
async function embeddedExtensions(wanted: ReadonlySet<string> | undefined): Promise<Record<string, unknown>> {
  const ids = [...EMBEDDED_EXTENSIONS].filter((name) => name !== 'plpgsql' && (wanted === undefined || wanted.has(name))).map(extensionModuleId);
  const modules = await Promise.all(ids.map(async (id) => ((await import(`@electric-sql/pglite/contrib/${id}`)) as Record<string, unknown>)[id]));
  return Object.fromEntries(ids.map((id, i) => [id, modules[i]]));
}

/**
 * A freshly initialised embedded cluster, saved once per machine and PGlite version: starting from
 * it takes a few hundred milliseconds instead of running initdb again (about two seconds).
 */
export function templateFile(version: string): string {
  return path.join(os.tmpdir(), `schemac-pglite-${version.replace(/[^0-9a-z.]/gi, '_')}-template.tar`);
}

/** Reading and saving the template: shared with the dev database's worker thread (pglite-template.cjs). */
const { readTemplate, saveTemplate } = createRequire(import.meta.url)('./pglite-template.cjs') as {
  readTemplate(file: string): Blob | undefined;
  saveTemplate(db: unknown, file: string): Promise<void>;
};

const isEmptyDir = (dir: string): boolean => !existsSync(dir) || readdirSync(dir).length === 0;

/** Lock slots per connection of the embedded database: room for a migration of ~10,000 tables with their indexes. */
export const EMBEDDED_MAX_LOCKS = 512;

async function connectEmbedded(target: Extract<DatabaseTarget, { kind: 'pglite' }>, wanted: ReadonlySet<string> | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const description = describeTarget(target);
  try {
    const fresh = target.dataDir === 'memory' || isEmptyDir(target.dataDir);
    if (target.dataDir !== 'memory') mkdirSync(target.dataDir, { recursive: true });
    const extensions = await embeddedExtensions(wanted);
    const template = templateFile(PGLITE_VERSION);
    const loadDataDir = fresh ? readTemplate(template) : undefined;
    const pglite = await PGlite.create({
      ...(target.dataDir === 'memory' ? {} : { dataDir: target.dataDir }),
      ...(loadDataDir ? { loadDataDir } : {}),
      extensions: extensions as never,
      // The default (64 per connection) runs out near 1,600 tables created in one transaction.
      postgresqlconf: [`max_locks_per_transaction = ${EMBEDDED_MAX_LOCKS}`],
    });
    if (fresh && !loadDataDir) await saveTemplate(pglite, template);
    const db = pglite as unknown as PGliteLike;
    const rows = (await db.query<{ version: number }>("SELECT current_setting('server_version_num')::int AS version")).rows;
    return new EmbeddedDatabase(db, description, rows[0]!.version);
  } catch (error) {
    throw new SchemacError([diagnostic('SC401', { message: `cannot open ${description}: ${databaseErrorInfo(error).message}` })], { cause: error });
  }
}

export async function connect(target: DatabaseTarget, options: ConnectOptions = {}): Promise<Database> {
  return target.kind === 'pglite' ? connectEmbedded(target, options.embeddedExtensions) : connectPostgres(target, options);
}

/** Run `work` with a connection, always closing it. */
export async function withDatabase<T>(target: DatabaseTarget, options: ConnectOptions, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await connect(target, options);
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}
