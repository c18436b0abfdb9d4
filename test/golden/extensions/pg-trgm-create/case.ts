// Create an extension that no column depends on (pg_trgm), on an empty database.
import { extension } from '../../../../compiler/index.js';

export const before = [];

export const after = [extension('pg_trgm')];
