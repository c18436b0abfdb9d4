/**
 * Databases that watch what is sent through them. countingDatabase counts statements, and round
 * trips (a statement sent while none is in flight starts one; statements sent together, pipelined,
 * share it): used by the introspection test and the scale benchmark. withQuery puts a function in
 * front of every query.
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

/** `db` with `query` in front of its queries (which it passes on, changed or not); the rest as they are. */
export function withQuery(db: Database, query: (sql: string, params: readonly unknown[] | undefined) => Promise<unknown[]>): Database {
  return {
    backend: db.backend,
    description: db.description,
    serverVersion: db.serverVersion,
    query: <Row>(sql: string, params?: readonly unknown[]) => query(sql, params) as Promise<Row[]>,
    exec: (sql: string) => db.exec(sql),
    close: () => db.close(),
  };
}
