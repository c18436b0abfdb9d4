import { enumType } from 'schemac';

/** What a local edit does to a mirrored transaction once it is pushed upstream. */
export const modificationKind = enumType('modification_kind', ['update', 'delete'], {
  comment: 'What a local edit does to a mirrored record: update (a JSON merge patch) or delete',
});

/** Lifecycle of a local edit: queued, being pushed, accepted upstream, rejected as a conflict, or dropped. */
export const modificationState = enumType('modification_state', ['pending', 'pushing', 'pushed', 'conflict', 'discarded'], {
  comment: 'Lifecycle of a local edit waiting to be pushed upstream',
});

/** Direction of a sync run: pull the upstream delta into the mirror, or push local edits upstream. */
export const syncDirection = enumType('sync_direction', ['pull', 'push']);

/** What a sync-log line records. */
export const syncEvent = enumType('sync_event', ['started', 'page', 'finished', 'failed']);
