/** Finds the MLIR 22 executables the process backend drives. */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const LLVM_BIN = '/usr/lib/llvm-22/bin';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First of `names` found on PATH, then in /usr/lib/llvm-22/bin; an explicit path is checked as given. */
export function findExecutable(names: readonly string[], explicit?: string): string | undefined {
  if (explicit !== undefined) return isExecutable(explicit) ? explicit : undefined;
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter((d) => d !== ''), LLVM_BIN];
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export function findMlirOpt(explicit?: string): string | undefined {
  return findExecutable(['mlir-opt-22', 'mlir-opt'], explicit);
}

export function findMlirTranslate(explicit?: string): string | undefined {
  return findExecutable(['mlir-translate-22', 'mlir-translate'], explicit);
}
