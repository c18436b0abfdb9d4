/**
 * A database that counts what is sent through it: statements, and round trips (a statement sent
 * while none is in flight starts one; statements sent together, pipelined, share it). Used by the
 * introspection test and the scale benchmark.
 */
import type { Database } from '../../compiler/db/connection.js';

export interface CountingDatabase extends Database {
  readonly statements: number;
  readonly roundTrips: number;
}

export function countingDatabase(db: Database): CountingDatabase {
  let inFlight = 0;
  const counted = async <T>(send: () => Promise<T>): Promise<T> => {
    wrapper.statements++;
    if (inFlight++ === 0) wrapper.roundTrips++;
    try {
      return await send();
    } finally {
      inFlight--;
    }
  };
  const wrapper = {
    backend: db.backend,
    description: db.description,
    serverVersion: db.serverVersion,
    statements: 0,
    roundTrips: 0,
    query: <Row>(sql: string, params?: readonly unknown[]) => counted(() => db.query<Row>(sql, params)),
    exec: (sql: string) => counted(() => db.exec(sql)),
    close: () => db.close(),
  };
  return wrapper;
}
