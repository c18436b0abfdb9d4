'use strict';
/*
 * The saved template of a freshly initialised PGlite cluster (see templateFile in connection.ts):
 * read and written by the embedded target (connection.ts) and by the dev database's worker
 * (dev-worker.cjs). Plain CommonJS so that both, one of them on a worker thread that TypeScript
 * loaders do not reach, share it.
 */
const { readFileSync, renameSync, writeFileSync } = require('node:fs');

/** The template's bytes, or undefined when there is none (or it cannot be read). */
function templateBytes(file) {
  try {
    const data = readFileSync(file);
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch {
    return undefined;
  }
}

/** The template as PGlite's `loadDataDir`, or undefined when there is none (or it cannot be read). */
function readTemplate(file) {
  const bytes = templateBytes(file);
  return bytes ? new Blob([bytes]) : undefined;
}

/** Save a fresh cluster as the template (written aside, then renamed: readers never see half a file). */
async function saveTemplate(db, file) {
  try {
    const dump = await db.dumpDataDir('none');
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
    renameSync(temporary, file);
  } catch {
    // Only a speed-up: never fail a command because the template could not be written.
  }
}

module.exports = { readTemplate, saveTemplate, templateBytes };
