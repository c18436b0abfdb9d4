/** Matching objects of two schemas by key, then (optionally) unmatched leftovers by equivalence. */
export interface Pairing<T> {
  readonly both: readonly (readonly [from: T, to: T])[];
  readonly onlyFrom: readonly T[];
  readonly onlyTo: readonly T[];
}

export function pairByKey<T>(from: readonly T[], to: readonly T[], key: (item: T) => string): Pairing<T> {
  const fromByKey = new Map(from.map((item) => [key(item), item]));
  const toKeys = new Set(to.map(key));
  const both: [T, T][] = [];
  const onlyTo: T[] = [];
  for (const item of to) {
    const match = fromByKey.get(key(item));
    if (match === undefined) onlyTo.push(item);
    else both.push([match, item]);
  }
  return { both, onlyFrom: from.filter((item) => !toKeys.has(key(item))), onlyTo };
}

/** Pair leftovers that are equivalent (same definition under another name), first match wins. */
export function pairEquivalent<T>(onlyFrom: readonly T[], onlyTo: readonly T[], equivalent: (a: T, b: T) => boolean): Pairing<T> {
  const remaining = [...onlyFrom];
  const both: [T, T][] = [];
  const unmatched: T[] = [];
  for (const item of onlyTo) {
    const at = remaining.findIndex((candidate) => equivalent(candidate, item));
    if (at < 0) unmatched.push(item);
    else both.push([remaining.splice(at, 1)[0]!, item]);
  }
  return { both, onlyFrom: remaining, onlyTo: unmatched };
}
