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
const { readTemplate, saveTemplate } = require('./pglite-template.cjs');

/** What the main thread needs of an error to report it like one from `pg` (see databaseErrorInfo). */
function errorData(error) {
  const e = error && typeof error === 'object' ? error : {};
  const data = { message: typeof e.message === 'string' ? e.message : String(error) };
  for (const key of ['code', 'detail', 'hint', 'position']) if (e[key] !== undefined && e[key] !== null) data[key] = e[key];
  return data;
}

async function open() {
  const { PGlite } = require(workerData.pglite);
  const extensions = {};
  for (const [id, file] of Object.entries(workerData.extensions)) extensions[id] = require(file)[id];
  const dataDir = workerData.dataDir;
  const fresh = !dataDir || !existsSync(path.join(dataDir, 'PG_VERSION'));
  const loadDataDir = fresh ? readTemplate(workerData.template) : undefined;
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions,
    postgresqlconf: workerData.conf,
  });
  if (fresh && !loadDataDir) await saveTemplate(db, workerData.template);
  return db;
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
