/**
 * Progress of a long operation, as plain data: phases call an optional `onProgress` callback and
 * never print anything themselves (the CLI decides whether and how to show it).
 */

/** What is being worked on: loading declaration modules, building them in the embedded database
 * (the check), reading a database's catalogs, running migration statements. */
export type ProgressPhase = 'load' | 'check' | 'introspect' | 'run';

export interface Progress {
  readonly phase: ProgressPhase;
  /** Items finished or under way (1-based position of the current one where there is one). */
  readonly done: number;
  readonly total: number;
  /** The item under way, in a few words (a file, a query, the first line of a statement). */
  readonly detail?: string;
}

export type OnProgress = (progress: Progress) => void;
