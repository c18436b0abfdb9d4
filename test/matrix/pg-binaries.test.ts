/**
 * The version matrix's servers are installed and start: each major 14–18 resolves to binaries that
 * report that major (so `npm run test:matrix` cannot silently test the wrong server), and
 * SCHEMAC_PG_VERSION is parsed strictly.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MATRIX_VERSIONS, requestedMajor, serverBinaries } from './pg-binaries.js';

describe('PostgreSQL binaries of the version matrix', () => {
  it.each(MATRIX_VERSIONS)('%i resolves to a server of that major', (major) => {
    const binaries = serverBinaries(major);
    const version = spawnSync(path.join(binaries.binDir, 'postgres'), ['--version'], { encoding: 'utf8' });
    expect(version.stderr).toBe('');
    expect(version.stdout).toMatch(new RegExp(`^postgres \\(PostgreSQL\\) ${major}\\.\\d+`));
    const initdb = spawnSync(path.join(binaries.binDir, 'initdb'), ['--version'], { encoding: 'utf8' });
    expect(initdb.stdout).toMatch(new RegExp(`^initdb \\(PostgreSQL\\) ${major}\\.\\d+`));
  });

  it('reads SCHEMAC_PG_VERSION as a major version', () => {
    expect(requestedMajor(undefined)).toBeUndefined();
    expect(requestedMajor('')).toBeUndefined();
    expect(requestedMajor('17')).toBe(17);
    expect(() => requestedMajor('17.2')).toThrow(/major version/);
    expect(() => requestedMajor('latest')).toThrow(/major version/);
  });
});
