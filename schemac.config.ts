import { defineConfig } from 'schemac';

/**
 * The example systems in schema/<system>/, each compiled into generated/<system>/.
 * `npm run schemac -- generate` works on the default project; `--project <name>` picks another.
 */
export default defineConfig({
  defaultProject: 'clearway',
  projects: {
    clearway: { schema: './schema/clearway', out: './generated/clearway' },
  },
});
