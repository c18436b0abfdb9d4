/**
 * Reading positions back through a source map (version 3): a line of the JavaScript that runs →
 * the line of the TypeScript the user wrote. Decoded only when a diagnostic asks for a position,
 * so loading declarations never pays for it.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, value) => [char, value]));

/** One segment's numbers: base-64 VLQ, 5 bits a digit, continuation bit 32, sign in the lowest bit. */
function decodeSegment(text: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`invalid source map character ${JSON.stringify(char)}`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
    value = 0;
    shift = 0;
  }
  return values;
}

/** For each generated line: its segments as [generated column, original line], both 0-based, by column. */
function decodeLines(mappings: string): (readonly (readonly [number, number])[])[] {
  let originalLine = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const segments: [number, number][] = [];
    for (const text of line.split(',')) {
      if (!text) continue;
      const [columnDelta = 0, , lineDelta] = decodeSegment(text);
      column += columnDelta;
      if (lineDelta === undefined) continue; // a segment that maps to no source
      originalLine += lineDelta;
      // The source column and name fields are not needed for lines.
      segments.push([column, originalLine]);
    }
    return segments;
  });
}

/** Maps a 1-based generated line and column to the 1-based original line, or undefined. */
export type LineMapper = (line: number, column: number) => number | undefined;

/** A mapper over one source map's JSON text (of a single source, as a transform writes). */
export function lineMapper(mapJson: string): LineMapper {
  const lines = decodeLines((JSON.parse(mapJson) as { mappings: string }).mappings);
  return (line, column) => {
    const segments = lines[line - 1];
    if (!segments || segments.length === 0) return undefined;
    let found = segments[0]!;
    for (const segment of segments) {
      if (segment[0] > column - 1) break;
      found = segment;
    }
    return found[1] + 1;
  };
}
