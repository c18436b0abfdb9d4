/**
 * Which database a command talks to, and how to print it without secrets.
 * `--url` > DATABASE_URL > config > PG* variables > the embedded default (PGlite in .schemac/pglite).
 */
import path from 'node:path';

export type DatabaseTarget =
  | { readonly kind: 'postgres'; readonly url?: string }
  | { readonly kind: 'pglite'; readonly dataDir: string | 'memory' };

export interface TargetInputs {
  readonly url?: string;
  readonly env: NodeJS.ProcessEnv;
  readonly configUrl?: string;
  /** Folder of the config: the embedded database lives in `<root>/.schemac/pglite`. */
  readonly root: string;
}

const PG_VARIABLES = ['PGHOST', 'PGPORT', 'PGDATABASE', 'PGUSER', 'PGHOSTADDR', 'PGSERVICE'];

/** Parse a URL-ish source: `postgres://…`, `postgresql://…`, `pglite:memory`, `pglite:<dir>`. */
export function parseTarget(url: string, root: string): DatabaseTarget {
  if (url.startsWith('pglite:')) {
    const dir = url.slice('pglite:'.length);
    return { kind: 'pglite', dataDir: dir === 'memory' || dir === '' ? 'memory' : path.resolve(root, dir) };
  }
  return { kind: 'postgres', url };
}

export function resolveTarget(inputs: TargetInputs): DatabaseTarget {
  const url = inputs.url ?? inputs.env['DATABASE_URL'] ?? inputs.configUrl;
  if (url) return parseTarget(url, inputs.root);
  if (PG_VARIABLES.some((name) => inputs.env[name])) return { kind: 'postgres' };
  return { kind: 'pglite', dataDir: path.join(inputs.root, '.schemac', 'pglite') };
}

/** A URL with its password replaced by `****`; never print a URL any other way. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass/i.test(key)) parsed.searchParams.set(key, '****');
    }
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':****@');
  }
}

export function describeTarget(target: DatabaseTarget, env: NodeJS.ProcessEnv = process.env): string {
  if (target.kind === 'pglite') return target.dataDir === 'memory' ? 'embedded PGlite (in memory)' : `embedded PGlite (${target.dataDir})`;
  if (target.url) return redactUrl(target.url);
  return `postgres via PG* variables (${env['PGUSER'] ?? ''}@${env['PGHOST'] ?? 'localhost'}:${env['PGPORT'] ?? '5432'}/${env['PGDATABASE'] ?? ''})`;
}
