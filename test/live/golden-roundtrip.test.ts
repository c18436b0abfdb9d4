/**
 * Every golden case on real databases: create `before`, run up (→ `after`, no drift), down
 * (→ `before`, no drift), up again (→ `after`). On PostgreSQL 15 and on PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../compiler/db/connection.js';
import { EMPTY_SCHEMA } from '../../compiler/model/types.js';
import { BACKENDS, freshDatabaseUrl, open } from '../helpers/backends.js';
import { goldenCaseDirs, loadGoldenCase } from '../helpers/golden.js';
import { declare, describeChanges, migrationSql, remainingChanges, resetDatabase, runScript } from '../helpers/schema.js';

describe.each(BACKENDS)('golden cases up → down → up on %s', (backend) => {
  let db: Database;
  beforeAll(async () => {
    db = await open(await freshDatabaseUrl(backend));
  });
  afterAll(async () => db?.close());

  for (const entry of goldenCaseDirs()) {
    it(entry.name, async () => {
      const golden = await loadGoldenCase(entry);
      const before = await declare(...golden.before);
      const after = await declare(...golden.after);
      await resetDatabase(db);
      await runScript(db, (await migrationSql(EMPTY_SCHEMA, before)).up);
      expect(describeChanges(await remainingChanges(db, before)), 'setup reaches before').toEqual([]);
      const { up, down } = await migrationSql(before, after);
      await runScript(db, up);
      expect(describeChanges(await remainingChanges(db, after)), 'up reaches after').toEqual([]);
      await runScript(db, down);
      expect(describeChanges(await remainingChanges(db, before)), 'down returns to before').toEqual([]);
      await runScript(db, up);
      expect(describeChanges(await remainingChanges(db, after)), 'up again reaches after').toEqual([]);
    });
  }
});
