/**
 * Golden files pin the SQL of every change kind: up.sql, down.sql and plan.json per case.
 * Regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMigrationFiles } from '../../compiler/render/index.js';
import { planSteps } from '../../compiler/workflows.js';
import { goldenCaseDirs, loadGoldenCase } from '../helpers/golden.js';
import { declare } from '../helpers/schema.js';

const update = process.env['UPDATE_GOLDEN'] === '1';

describe('golden migrations', () => {
  it('has cases', () => expect(goldenCaseDirs().length).toBeGreaterThan(0));

  for (const entry of goldenCaseDirs()) {
    it(entry.name, async () => {
      const golden = await loadGoldenCase(entry);
      const before = await declare(...golden.before);
      const after = await declare(...golden.after);
      const { steps } = await planSteps(before, after, { dataSteps: true });
      const files = renderMigrationFiles(entry.name.replace('/', '_'), steps);
      // Determinism: the same input renders the same bytes.
      expect(renderMigrationFiles(entry.name.replace('/', '_'), (await planSteps(before, after, { dataSteps: true })).steps)).toEqual(files);
      for (const [file, content] of [['up.sql', files.up], ['down.sql', files.down], ['plan.json', files.plan]] as const) {
        const target = path.join(entry.dir, file);
        if (update || !existsSync(target)) writeFileSync(target, content);
        expect(content, `${entry.name}/${file} (UPDATE_GOLDEN=1 to accept)`).toBe(readFileSync(target, 'utf8'));
      }
    });
  }
});
