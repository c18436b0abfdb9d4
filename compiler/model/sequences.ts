/**
 * PostgreSQL's defaults for sequences (standalone and identity): MINVALUE/MAXVALUE depend on the
 * integer type and the direction. Declarations and introspection both go through here, so an
 * option left at its default is absent on both sides.
 */
import type { IdentityKind, IdentityOptions } from './types.js';

const LIMITS: Readonly<Record<string, readonly [min: string, max: string]>> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

/** Default MINVALUE and MAXVALUE of a sequence of `type` counting by `increment`. */
export function sequenceDefaults(type: string, increment: string): { min: string; max: string } {
  const [typeMin, typeMax] = LIMITS[type] ?? ['', ''];
  return increment.startsWith('-') ? { min: typeMin, max: '-1' } : { min: '1', max: typeMax };
}

/** Every option of a sequence, as the catalog holds them. */
export interface SequenceValues {
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
}

/** Identity options of a column of `type`, keeping only what differs from the defaults. */
export function identityWithoutDefaults(kind: IdentityKind, type: string, v: SequenceValues): IdentityOptions {
  const defaults = sequenceDefaults(type, v.increment);
  const defaultStart = v.increment.startsWith('-') ? v.max : v.min;
  return {
    kind,
    ...(v.start !== defaultStart ? { start: v.start } : {}),
    ...(v.increment !== '1' ? { increment: v.increment } : {}),
    ...(v.min !== defaults.min ? { min: v.min } : {}),
    ...(v.max !== defaults.max ? { max: v.max } : {}),
    ...(v.cache !== '1' ? { cache: v.cache } : {}),
    ...(v.cycle ? { cycle: true } : {}),
  };
}
