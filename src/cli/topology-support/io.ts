/** Output helpers: atomic writes and turning known errors into exit code 1. */
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { UsageError } from './args.js';

/** Write via a temp file and rename, so a failure never leaves half a file. */
export function writeAtomic(path: string, content: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean */
    }
    throw e;
  }
}

// `numaccl simulate ... | head` closes the pipe early: stop quietly, no stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

export const out = (s: string): void => void process.stdout.write(s);
export const err = (s: string): void => void process.stderr.write(s);

/** Run a command body; expected errors print one line and give exit code 1. */
export async function guarded(command: string, usage: string, body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    err(`numaccl ${command}: error: ${msg}\n`);
    if (e instanceof UsageError) err(usage);
    return 1;
  }
}
