/**
 * The server version is read from what the server reports when a session starts (ParameterStatus
 * `server_version`), not asked for; anything that does not look like PostgreSQL 10 or later is
 * asked for instead (undefined here).
 */
import { describe, expect, it } from 'vitest';
import { serverVersionNumber } from '../../compiler/db/connection.js';

describe('serverVersionNumber', () => {
  it.each([
    ['15.18 (Debian 15.18-0+deb12u1)', 150018],
    ['18.1', 180001],
    ['16.0', 160000],
    ['10.23', 100023],
    ['18beta1', 180000],
    ['17rc1', 170000],
    ['19devel', 190000],
  ])('%s → %d', (reported, expected) => {
    expect(serverVersionNumber(reported)).toBe(expected);
  });

  it.each([undefined, '', '9.6.24', '15.18.1', 'CockroachDB CCL v23.1', 'v15.4', '150018'])('%s → asked for instead', (reported) => {
    expect(serverVersionNumber(reported)).toBeUndefined();
  });
});
