/** The IRDL input of a call: inline text (`irdl`) or a file (`irdlFile`). */
import { readFileSync } from 'node:fs';
import type { MlirInputOptions } from './types.js';

export interface ResolvedIrdl {
  readonly text: string;
  /** File name that diagnostics about the IRDL text report. */
  readonly name: string;
}

/** Translation takes no IRDL; say so instead of failing obscurely in mlir-translate. */
export function rejectIrdlForTranslation(options: MlirInputOptions): void {
  if (options.irdl !== undefined || options.irdlFile !== undefined) {
    throw new Error('numaccl/mlir: translateToLLVMIR takes no irdl/irdlFile option (IRDL dialects do not translate to LLVM IR)');
  }
}

export function resolveIrdl(options: MlirInputOptions): ResolvedIrdl | undefined {
  if (options.irdl !== undefined && options.irdlFile !== undefined) {
    throw new Error('numaccl/mlir: options.irdl and options.irdlFile are mutually exclusive');
  }
  if (options.irdl !== undefined) return { text: options.irdl, name: '<irdl>' };
  if (options.irdlFile === undefined) return undefined;
  try {
    return { text: readFileSync(options.irdlFile, 'utf8'), name: options.irdlFile };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`numaccl/mlir: options.irdlFile: cannot read ${options.irdlFile}: ${why}`);
  }
}
