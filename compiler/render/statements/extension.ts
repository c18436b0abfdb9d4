import type { ChangeOf } from '../../diff/index.js';
import type { StatementPair } from '../definitions.js';
import { quoteIdent } from '../quote.js';

export function renderCreateExtension(c: ChangeOf<'extension.create'>): StatementPair {
  const { name, schema } = c.extension;
  return {
    up: [`CREATE EXTENSION ${quoteIdent(name)} WITH SCHEMA ${quoteIdent(schema)}`],
    down: [`DROP EXTENSION ${quoteIdent(name)}`],
  };
}

export function renderDropExtension(c: ChangeOf<'extension.drop'>): StatementPair {
  const created = renderCreateExtension({ ...c, kind: 'extension.create' });
  return { up: created.down, down: created.up };
}
