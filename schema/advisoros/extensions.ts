import { extension } from 'schemac';

/** uuid_generate_v4(): the default of every primary key. */
export const uuidOssp = extension('uuid-ossp');

/** Case-insensitive e-mail addresses and slugs. */
export const citextExtension = extension('citext');

// The vector extension lives with the only table that needs it, in embeddings.ts.
