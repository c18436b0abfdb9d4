/**
 * Domains, composite types and standalone sequences. Domains and composite types alter in place
 * where PostgreSQL can (default, NOT NULL, CHECKs; attributes); a domain whose base type changes
 * is dropped and created. Sequences alter their options in place.
 */
import { compositePath, domainPath, sequencePath } from '../model/paths.js';
import type { CompositeType, Domain, Schema, Sequence } from '../model/types.js';
import type { Change } from './changes.js';
import { optionalExpressionsEqual, typesEqual } from './compare.js';
import { expressionsEqual } from '../expr/index.js';
import { pairByKey } from './pairs.js';

const key = (o: { schema: string; name: string }): string => `${o.schema}\0${o.name}`;

const sameChecks = (a: Domain, b: Domain): boolean =>
  a.checks.length === b.checks.length &&
  a.checks.every((c, i) => c.name === b.checks[i]!.name && expressionsEqual(c.expression.sql, b.checks[i]!.expression.sql));

export function diffDomains(from: Schema, to: Schema): Change[] {
  const pairs = pairByKey(from.domains ?? [], to.domains ?? [], key);
  const changes: Change[] = [
    ...pairs.onlyTo.map((domain): Change => ({ kind: 'domain.create', path: domainPath(domain.schema, domain.name), domain })),
    ...pairs.onlyFrom.map((domain): Change => ({ kind: 'domain.drop', path: domainPath(domain.schema, domain.name), domain })),
  ];
  for (const [a, b] of pairs.both) {
    const path = domainPath(b.schema, b.name);
    if (!typesEqual(a.type, b.type)) changes.push({ kind: 'domain.drop', path, domain: a }, { kind: 'domain.create', path, domain: b });
    else if (a.notNull !== b.notNull || !optionalExpressionsEqual(a.default, b.default) || !sameChecks(a, b) || a.comment !== b.comment) {
      changes.push({ kind: 'domain.alter', path, from: a, to: b });
    }
  }
  return changes;
}

const sameAttributes = (a: CompositeType, b: CompositeType): boolean =>
  a.attributes.length === b.attributes.length && a.attributes.every((x, i) => x.name === b.attributes[i]!.name && typesEqual(x.type, b.attributes[i]!.type));

export function diffComposites(from: Schema, to: Schema): Change[] {
  const pairs = pairByKey(from.composites ?? [], to.composites ?? [], key);
  return [
    ...pairs.onlyTo.map((composite): Change => ({ kind: 'composite.create', path: compositePath(composite.schema, composite.name), composite })),
    ...pairs.onlyFrom.map((composite): Change => ({ kind: 'composite.drop', path: compositePath(composite.schema, composite.name), composite })),
    ...pairs.both
      .filter(([a, b]) => !sameAttributes(a, b) || a.comment !== b.comment)
      .map(([a, b]): Change => ({ kind: 'composite.alter', path: compositePath(b.schema, b.name), from: a, to: b })),
  ];
}

const SEQUENCE_OPTIONS = ['type', 'start', 'increment', 'min', 'max', 'cache', 'cycle', 'comment'] as const;

export function diffSequences(from: Schema, to: Schema): Change[] {
  const pairs = pairByKey(from.sequences ?? [], to.sequences ?? [], key);
  return [
    ...pairs.onlyTo.map((sequence): Change => ({ kind: 'sequence.create', path: sequencePath(sequence.schema, sequence.name), sequence })),
    ...pairs.onlyFrom.map((sequence): Change => ({ kind: 'sequence.drop', path: sequencePath(sequence.schema, sequence.name), sequence })),
    ...pairs.both
      .filter(([a, b]) => SEQUENCE_OPTIONS.some((o) => (a as Sequence)[o] !== (b as Sequence)[o]))
      .map(([a, b]): Change => ({ kind: 'sequence.alter', path: sequencePath(b.schema, b.name), from: a, to: b })),
  ];
}
