/** sameData (compiler/model/same.ts): equal as JSON would be, undefined properties as absent. */
import { describe, expect, it } from 'vitest';
import { sameData } from '../../compiler/model/same.js';

describe('sameData', () => {
  it('compares nested objects and lists by value', () => {
    expect(sameData({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });

  it('treats an undefined property as absent, on either side', () => {
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1, c: 2 })).toBe(false);
  });
});
