import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/**
 * Write `text` to `path` atomically (temp file + rename), so a failing run
 * never leaves a half-written output; `-` means stdout.
 */
export function writeOutput(path: string, text: string): void {
  if (path === '-') {
    process.stdout.write(text);
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
