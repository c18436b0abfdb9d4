/**
 * pgbench-style writers: K `pg` clients, each in a tight loop of single-row statements on
 * `accounts` — half INSERTs of a new account, half UPDATEs of a random existing id — recording
 * when every statement started and ended (performance.now(), milliseconds).
 */
import pg from 'pg';
import { ORG_COUNT } from './dataset.js';

/** One writer statement: when it was sent and when its result (or error) came back. */
export interface WriterStatement {
  readonly start: number;
  readonly end: number;
  readonly failed: boolean;
}

export interface WriterSamples {
  readonly statements: readonly WriterStatement[];
  /** First few distinct error messages, for the report. */
  readonly errors: readonly string[];
}

export interface Writers {
  /** Stop every loop after its current statement and return everything recorded. */
  stop(): Promise<WriterSamples>;
}

const INSERT = 'INSERT INTO public.accounts (org_id, email, balance) VALUES ($1, $2, $3)';
const UPDATE = 'UPDATE public.accounts SET balance = balance + 1 WHERE id = $1';

const randomInt = (max: number): number => 1 + Math.floor(Math.random() * max);

/** One statement of writer `writer`: an INSERT or an UPDATE, chosen at random. */
function nextStatement(writer: number, sequence: number, rows: number): pg.QueryConfig {
  return Math.random() < 0.5
    ? { name: 'bench_insert', text: INSERT, values: [randomInt(ORG_COUNT), `writer${writer}-${sequence}@example.com`, randomInt(1000)] }
    : { name: 'bench_update', text: UPDATE, values: [randomInt(rows)] };
}

/** Connect `count` writers to `url` and start their loops; `rows` bounds the ids they update. */
export async function startWriters(url: string, options: { count: number; rows: number }): Promise<Writers> {
  const clients = await Promise.all(Array.from({ length: options.count }, async () => {
    const client = new pg.Client({ connectionString: url, application_name: 'bench-writer' });
    client.on('error', () => undefined); // the server may go away on Ctrl-C; the loop sees the failure
    await client.connect();
    return client;
  }));
  const statements: WriterStatement[] = [];
  const errors = new Set<string>();
  let running = true;
  const loop = async (client: pg.Client, writer: number): Promise<void> => {
    for (let sequence = 0; running; sequence++) {
      const start = performance.now();
      let failed = false;
      try {
        await client.query(nextStatement(writer, sequence, options.rows));
      } catch (error) {
        failed = true;
        if (errors.size < 5) errors.add(error instanceof Error ? error.message : String(error));
        if (!(error instanceof pg.DatabaseError)) break; // connection lost: no point looping on it
      }
      statements.push({ start, end: performance.now(), failed });
    }
  };
  const loops = clients.map((client, i) => loop(client, i));
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      return { statements, errors: [...errors] };
    },
  };
}
