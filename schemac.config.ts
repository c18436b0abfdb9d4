import { defineConfig } from 'schemac';

/**
 * The example systems in schema/<system>/, each compiled into generated/<system>/.
 * `npm run schemac -- generate` works on the default project; `--project <name>` picks another.
 */
export default defineConfig({
  defaultProject: 'clearway',
  projects: {
    clearway: { schema: './schema/clearway', out: './generated/clearway' },
    angel: { schema: './schema/angel', out: './generated/angel' },
    advisoros: { schema: './schema/advisoros', out: './generated/advisoros' },
    pfa: { schema: './schema/pfa', out: './generated/pfa' },
    aiservice: { schema: './schema/aiservice', out: './generated/aiservice' },
  },
});
