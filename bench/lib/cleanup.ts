/**
 * Things to undo when a benchmark ends, fails or is interrupted (Ctrl-C, SIGTERM): stop the
 * throwaway server, kill a child process, remove a temporary folder. Undone newest first.
 */

type Undo = () => Promise<void> | void;

const pending: { readonly label: string; readonly undo: Undo }[] = [];
let signalsInstalled = false;

/** Register `undo`; the returned function runs it now (once) and forgets it. */
export function onCleanup(label: string, undo: Undo): () => Promise<void> {
  installSignalHandlers();
  const entry = { label, undo };
  pending.push(entry);
  return async () => {
    const at = pending.indexOf(entry);
    if (at < 0) return;
    pending.splice(at, 1);
    await entry.undo();
  };
}

/** Run every registered undo, newest first; failures are reported, not thrown. */
export async function cleanupAll(): Promise<void> {
  while (pending.length > 0) {
    const entry = pending.pop()!;
    try {
      await entry.undo();
    } catch (error) {
      console.error(`cleanup "${entry.label}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function installSignalHandlers(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping…`);
      void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}
