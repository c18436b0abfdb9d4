import type { ChangeOf } from '../../diff/index.js';
import { splitStatements } from '../../expr/index.js';
import { diagnostic, SchemacError } from '../../diagnostics/diagnostic.js';
import type { StatementPair } from '../definitions.js';

/** The statements of a data step's SQL, split by PostgreSQL's grammar; unparsable SQL is refused. */
function statementsOf(name: string, sql: string | undefined): string[] {
  if (sql === undefined) return [];
  const split = splitStatements(sql);
  if (!split.ok) {
    throw new SchemacError([diagnostic('SC207', { message: `data step ${name} does not parse: ${split.error.message}`, path: `data:${name}` })]);
  }
  return split.statements.map((s) => s.sql);
}

/** A data step: its SQL as written (`INSERT … SELECT …`), and its reverse if it has one. */
export const renderDataStep = (c: ChangeOf<'data.run'>): StatementPair => ({
  up: statementsOf(c.step.name, c.step.up),
  down: statementsOf(c.step.name, c.step.down),
});
