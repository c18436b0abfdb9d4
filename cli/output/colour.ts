/**
 * Colour: whether to use it, and the few styles schemac uses. Colour goes only to a terminal, only
 * in text output, and never when the user said no:
 *
 *   --format json|markdown|github → never (machine output and Markdown stay plain)
 *   --no-color, NO_COLOR=<anything non-empty> → never (https://no-color.org)
 *   FORCE_COLOR=1 (or any value but 0/false) → always, even into a pipe (tests, CI logs that render it)
 *   otherwise → when the stream is a terminal (and TERM is not `dumb`)
 */
import type { Format } from './index.js';

export interface ColourInputs {
  readonly format: Format;
  /** false after `--no-color`. */
  readonly colorFlag: boolean;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Formats whose output is read by people in a terminal: SQL and text. */
const HUMAN_FORMATS: ReadonlySet<Format> = new Set(['text', 'sql']);

export function colourEnabled(inputs: ColourInputs): boolean {
  if (!HUMAN_FORMATS.has(inputs.format) || !inputs.colorFlag) return false;
  if (inputs.env['NO_COLOR']) return false;
  const force = inputs.env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return inputs.isTTY && inputs.env['TERM'] !== 'dumb';
}

export interface Palette {
  readonly enabled: boolean;
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

/**
 * SGR codes around each line of the text (not across line breaks: a pager or a CI log that shows
 * lines on their own keeps the colour); empty lines stay empty.
 */
const style = (open: number, close: number) => (text: string): string =>
  text.split('\n').map((line) => (line === '' ? line : `\u001b[${open}m${line}\u001b[${close}m`)).join('\n');

const plain = (text: string): string => text;

export const PLAIN: Palette = { enabled: false, bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };

export const COLOURED: Palette = {
  enabled: true,
  bold: style(1, 22),
  dim: style(2, 22),
  red: style(31, 39),
  green: style(32, 39),
  yellow: style(33, 39),
  cyan: style(36, 39),
};

export const palette = (enabled: boolean): Palette => (enabled ? COLOURED : PLAIN);

/** Any SGR escape sequence (what tests look for, and what `visibleLength` ignores). */
export const ESCAPE = /\u001b\[[0-9;]*m/;

export const stripEscapes = (text: string): string => text.replace(new RegExp(ESCAPE.source, 'g'), '');
