/**
 * Annotations in the live database: a structured, hashed `@compliance` block at the end of the
 * COMMENT of a table or column, after the human description:
 *
 *   Sign-in address, unique regardless of case
 *
 *   @compliance {"personal":{"categories":["contact.email"],…}} sha256:3f2a…
 *
 * Drift compares comments, so a block edited or removed by hand is drift; reports read the block
 * back from a live database, and the hash tells an intact block from a hand-edited one.
 */
import { createHash } from 'node:crypto';
import { stableJson } from '../render/json.js';

const MARKER = '@compliance ';
const BLOCK = /\n?\n?@compliance (\{.*\}) sha256:([0-9a-f]{16})$/s;

const digest = (json: string): string => createHash('sha256').update(json).digest('hex').slice(0, 16);

/** The comment with its annotation block: `<human>\n\n@compliance {…} sha256:<16 hex>`. */
export function annotatedComment(human: string | undefined, annotations: object): string {
  const json = JSON.stringify(JSON.parse(stableJson(annotations)));
  const block = `${MARKER}${json} sha256:${digest(json)}`;
  return human === undefined || human === '' ? block : `${human}\n\n${block}`;
}

export interface ReadAnnotation {
  /** The human description, without the block. */
  readonly human?: string;
  /** The annotations, when a block is present. */
  readonly annotations?: unknown;
  /** False when the block's hash does not match its content (edited by hand). */
  readonly intact: boolean;
}

/** Split a comment into its human description and its annotation block. */
export function readAnnotation(comment: string | undefined): ReadAnnotation {
  if (comment === undefined) return { intact: true };
  const match = BLOCK.exec(comment);
  if (!match) return { human: comment, intact: true };
  const human = comment.slice(0, match.index);
  try {
    return { ...(human ? { human } : {}), annotations: JSON.parse(match[1]!), intact: digest(match[1]!) === match[2] };
  } catch {
    return { ...(human ? { human } : {}), intact: false };
  }
}
