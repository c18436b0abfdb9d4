'use strict';
/*
 * The embedded dev database on a thread of its own (see dev-database.ts): PGlite starts and runs
 * here, so its long synchronous calls never block the main thread. Plain CommonJS because
 * TypeScript loaders (tsx, vitest) do not reach worker threads.
 *
 * workerData: { pglite, extensions: { id: file } (extensionModuleId), dataDir?, template, conf: string[] }
 * messages in:  { id, op: 'query' | 'exec', sql, params? } | { id, op: 'close' }
 * messages out: { ready: true, serverVersion } | { failed: error }, then { id, rows? } | { id, error }
 */
const { parentPort, workerData } = require('node:worker_threads');
const { existsSync } = require('node:fs');
const path = require('node:path');
const { readTemplate, saveTemplate, templateBytes } = require('./pglite-template.cjs');

/** What the main thread needs of an error to report it like one from `pg` (see databaseErrorInfo). */
function errorData(error) {
  const e = error && typeof error === 'object' ? error : {};
  const data = { message: typeof e.message === 'string' ? e.message : String(error) };
  for (const key of ['code', 'detail', 'hint', 'position']) if (e[key] !== undefined && e[key] !== null) data[key] = e[key];
  return data;
}

/** Where PGlite's PostgreSQL keeps its data directory, in its own file system. */
const PGDATA = '/pglite/data';

/**
 * The files of a tar archive (the template, as PGlite's dumpDataDir writes it: ustar, regular
 * files and folders) written into an Emscripten file system under `root`. Each file's contents is
 * a view of `bytes`, owned by the file system (`canOwn`): the cluster costs its size once, where
 * PGlite's `loadDataDir` copies it four more times (Blob, ArrayBuffer, untar, write): ~35 MB more
 * at the start, and 0.1 s.
 */
function untarInto(FS, bytes, root) {
  const text = (header, offset, length) => {
    const field = header.subarray(offset, offset + length);
    const end = field.indexOf(0);
    return Buffer.from(field.buffer, field.byteOffset, end < 0 ? length : end).toString('utf8');
  };
  for (let at = 0; at + 512 <= bytes.length && bytes[at] !== 0;) {
    const header = bytes.subarray(at, at + 512);
    const prefix = text(header, 345, 155);
    const name = path.posix.join(root, prefix, text(header, 0, 100));
    const size = parseInt(text(header, 124, 12).trim() || '0', 8);
    const type = header[156];
    at += 512;
    if (type === 0x35 /* '5' */) FS.mkdirTree(name);
    else if (type === 0x30 /* '0' */ || type === 0) {
      FS.mkdirTree(path.posix.dirname(name));
      FS.writeFile(name, bytes.subarray(at, at + size), { canOwn: true });
    }
    at += Math.ceil(size / 512) * 512;
  }
}

/** PGlite's file system in memory, its data directory filled from the template before PostgreSQL starts. */
function templateFileSystem(MemoryFS, template) {
  return new (class extends MemoryFS {
    async init(pg, options) {
      const { emscriptenOpts } = await super.init(pg, options);
      const fill = (module) => untarInto(module.FS, template, PGDATA);
      return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), fill] } };
    }
  })();
}

async function open() {
  const { PGlite, MemoryFS } = require(workerData.pglite);
  const extensions = {};
  for (const [id, file] of Object.entries(workerData.extensions)) extensions[id] = require(file)[id];
  const dataDir = workerData.dataDir;
  const fresh = !dataDir || !existsSync(path.join(dataDir, 'PG_VERSION'));
  // In memory, the template goes straight into the file system; on disk, through PGlite (once per cluster).
  const template = fresh && !dataDir ? templateBytes(workerData.template) : undefined;
  const loadDataDir = fresh && dataDir ? readTemplate(workerData.template) : undefined;
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(template ? { fs: templateFileSystem(MemoryFS, template) } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    // A new cluster (see DEV_FORMAT in dev-database.ts): 1 MB WAL segments.
    ...(fresh && !template && !loadDataDir ? { initDbStartParams: ['--wal-segsize=1'] } : {}),
    extensions,
    postgresqlconf: workerData.conf,
  });
  if (fresh && !template && !loadDataDir) {
    await slim(db);
    await saveTemplate(db, workerData.template);
  }
  return db;
}

/**
 * Make a new cluster as small as it can be, before it is saved as the template: only the database
 * it runs in (no template0 or template1: it never creates a database), and only the WAL segments
 * its last checkpoint needs (initdb leaves recycled ones ahead). Best effort: a bigger template
 * works as well.
 */
async function slim(db) {
  try {
    for (const name of ['template0', 'template1']) {
      await db.exec(`ALTER DATABASE ${name} IS_TEMPLATE false ALLOW_CONNECTIONS false`);
      await db.exec(`DROP DATABASE ${name}`);
    }
    await db.exec('CHECKPOINT');
    const [{ redo, current }] = (await db.query('SELECT (pg_control_checkpoint()).redo_wal_file AS redo, pg_walfile_name(pg_current_wal_lsn()) AS current')).rows;
    const { FS } = db.Module;
    const wal = `${PGDATA}/pg_wal`;
    // Segment names of one timeline sort in WAL order: keep those from the redo point to the current one.
    for (const name of FS.readdir(wal)) if (/^[0-9A-F]{24}$/.test(name) && (name < redo || name > current)) FS.unlink(`${wal}/${name}`);
  } catch {
    // Only smaller.
  }
}

async function main() {
  let db;
  try {
    db = await open();
    const [{ version }] = (await db.query("SELECT current_setting('server_version_num')::int AS version")).rows;
    parentPort.postMessage({ ready: true, serverVersion: version });
  } catch (error) {
    parentPort.postMessage({ failed: errorData(error) });
    return;
  }
  // One request at a time, in order: PGlite runs one statement at a time.
  let queue = Promise.resolve();
  parentPort.on('message', (message) => {
    queue = queue.then(async () => {
      try {
        if (message.op === 'close') {
          await db.close();
          parentPort.postMessage({ id: message.id });
          parentPort.close();
        } else if (message.op === 'exec') {
          await db.exec(message.sql);
          parentPort.postMessage({ id: message.id });
        } else {
          parentPort.postMessage({ id: message.id, rows: (await db.query(message.sql, message.params)).rows });
        }
      } catch (error) {
        parentPort.postMessage({ id: message.id, error: errorData(error) });
      }
    });
  });
}

main();
