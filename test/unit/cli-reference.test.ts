/** docs/cli-reference.md is generated from the commander definitions: it must match them. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { cliReference } from '../../scripts/cli-reference.ts';

it('docs/cli-reference.md is current (npm run docs:cli)', () => {
  const committed = readFileSync(new URL('../../docs/cli-reference.md', import.meta.url), 'utf8');
  expect(committed, 'run `npm run docs:cli`').toBe(cliReference());
});
