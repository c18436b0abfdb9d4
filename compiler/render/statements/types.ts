import type { ChangeOf } from '../../diff/index.js';
import type { CompositeType, Domain, Sequence } from '../../model/types.js';
import { commentSql, constraintDefinition, typeSql, type StatementPair } from '../definitions.js';
import { qualify, quoteIdent } from '../quote.js';
import { grantStatements } from './grant.js';

const domainName = (d: Domain): string => qualify(d.schema, d.name);

function createDomainSql(d: Domain): string[] {
  const parts = [`CREATE DOMAIN ${domainName(d)} AS ${typeSql(d.type)}`];
  if (d.default) parts.push(`DEFAULT ${d.default.sql}`);
  if (d.notNull) parts.push('NOT NULL');
  for (const value of d.checks) parts.push(constraintDefinition({ type: 'check', value }));
  return [parts.join(' '), ...(d.comment === undefined ? [] : [commentSql(`DOMAIN ${domainName(d)}`, d.comment)])];
}

/** Changes to a domain that keeps its base type: default, NOT NULL, CHECKs (dropped, then added), comment. */
function alterDomainSql(from: Domain, to: Domain): string[] {
  const name = domainName(to);
  const statements: string[] = [];
  if (from.default?.sql !== to.default?.sql) statements.push(`ALTER DOMAIN ${name} ${to.default ? `SET DEFAULT ${to.default.sql}` : 'DROP DEFAULT'}`);
  const kept = (c: Domain['checks'][number], other: Domain) => other.checks.some((o) => o.name === c.name && o.expression.sql === c.expression.sql);
  for (const c of from.checks) if (!kept(c, to)) statements.push(`ALTER DOMAIN ${name} DROP CONSTRAINT ${quoteIdent(c.name)}`);
  if (from.notNull !== to.notNull) statements.push(`ALTER DOMAIN ${name} ${to.notNull ? 'SET' : 'DROP'} NOT NULL`);
  for (const c of to.checks) if (!kept(c, from)) statements.push(`ALTER DOMAIN ${name} ADD ${constraintDefinition({ type: 'check', value: c })}`);
  if (from.comment !== to.comment) statements.push(commentSql(`DOMAIN ${name}`, to.comment));
  return statements;
}

export const renderCreateDomain = (c: ChangeOf<'domain.create'>): StatementPair => ({ up: createDomainSql(c.domain), down: [`DROP DOMAIN ${domainName(c.domain)}`] });
export const renderDropDomain = (c: ChangeOf<'domain.drop'>): StatementPair => ({ up: [`DROP DOMAIN ${domainName(c.domain)}`], down: createDomainSql(c.domain) });
export const renderAlterDomain = (c: ChangeOf<'domain.alter'>): StatementPair => ({ up: alterDomainSql(c.from, c.to), down: alterDomainSql(c.to, c.from) });

const compositeName = (t: CompositeType): string => qualify(t.schema, t.name);

function createCompositeSql(t: CompositeType): string[] {
  const attributes = t.attributes.map((a) => `${quoteIdent(a.name)} ${typeSql(a.type)}`).join(', ');
  return [`CREATE TYPE ${compositeName(t)} AS (${attributes})`, ...(t.comment === undefined ? [] : [commentSql(`TYPE ${compositeName(t)}`, t.comment)])];
}

/** Attributes dropped, retyped, added (in that order), as ALTER TYPE … actions. */
function alterCompositeSql(from: CompositeType, to: CompositeType): string[] {
  const actions: string[] = [];
  for (const a of from.attributes) if (!to.attributes.some((b) => b.name === a.name)) actions.push(`DROP ATTRIBUTE ${quoteIdent(a.name)}`);
  for (const b of to.attributes) {
    const a = from.attributes.find((x) => x.name === b.name);
    if (a && typeSql(a.type) !== typeSql(b.type)) actions.push(`ALTER ATTRIBUTE ${quoteIdent(b.name)} TYPE ${typeSql(b.type)}`);
  }
  for (const b of to.attributes) if (!from.attributes.some((a) => a.name === b.name)) actions.push(`ADD ATTRIBUTE ${quoteIdent(b.name)} ${typeSql(b.type)}`);
  return [
    ...(actions.length > 0 ? [`ALTER TYPE ${compositeName(to)} ${actions.join(', ')}`] : []),
    ...(from.comment !== to.comment ? [commentSql(`TYPE ${compositeName(to)}`, to.comment)] : []),
  ];
}

export const renderCreateComposite = (c: ChangeOf<'composite.create'>): StatementPair => ({ up: createCompositeSql(c.composite), down: [`DROP TYPE ${compositeName(c.composite)}`] });
export const renderDropComposite = (c: ChangeOf<'composite.drop'>): StatementPair => ({ up: [`DROP TYPE ${compositeName(c.composite)}`], down: createCompositeSql(c.composite) });
export const renderAlterComposite = (c: ChangeOf<'composite.alter'>): StatementPair => ({ up: alterCompositeSql(c.from, c.to), down: alterCompositeSql(c.to, c.from) });

const sequenceName = (q: Sequence): string => qualify(q.schema, q.name);
const sequenceOptions = (q: Sequence): string =>
  `AS ${q.type} INCREMENT BY ${q.increment} MINVALUE ${q.min} MAXVALUE ${q.max} START WITH ${q.start} CACHE ${q.cache} ${q.cycle ? 'CYCLE' : 'NO CYCLE'}`;

function createSequenceSql(q: Sequence): string[] {
  return [`CREATE SEQUENCE ${sequenceName(q)} ${sequenceOptions(q)}`, ...(q.comment === undefined ? [] : [commentSql(`SEQUENCE ${sequenceName(q)}`, q.comment)])];
}

const alterSequenceSql = (from: Sequence, to: Sequence): string[] => [
  `ALTER SEQUENCE ${sequenceName(to)} ${sequenceOptions(to)}`,
  ...(from.comment !== to.comment ? [commentSql(`SEQUENCE ${sequenceName(to)}`, to.comment)] : []),
];

export const renderCreateSequence = (c: ChangeOf<'sequence.create'>): StatementPair => ({ up: [...createSequenceSql(c.sequence), ...grantStatements(c.grants)], down: [`DROP SEQUENCE ${sequenceName(c.sequence)}`] });
export const renderDropSequence = (c: ChangeOf<'sequence.drop'>): StatementPair => ({ up: [`DROP SEQUENCE ${sequenceName(c.sequence)}`], down: [...createSequenceSql(c.sequence), ...grantStatements(c.grants)] });
export const renderAlterSequence = (c: ChangeOf<'sequence.alter'>): StatementPair => ({ up: alterSequenceSql(c.from, c.to), down: alterSequenceSql(c.to, c.from) });
