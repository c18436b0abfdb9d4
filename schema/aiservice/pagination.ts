import { index, type IndexDeclaration } from 'schemac';

/**
 * The pagination indexes behind the list endpoints. Pages are newest first with the id as the
 * tie-breaker, fetched by keyset: `WHERE (created_at, id) < ($1, $2) ORDER BY created_at DESC,
 * id DESC LIMIT 50`. Both keys descend so the row comparison walks the index in order.
 */
export function newestFirst(): IndexDeclaration {
  return index([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
}

/** A list filtered by one column (status, owner, tag…), newest first: `WHERE <column> = $1 ORDER BY created_at DESC, id DESC`. */
export function byNewestFirst(column: string): IndexDeclaration {
  return index([column, { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
}
