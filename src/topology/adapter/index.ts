/**
 * Reading ccl collectives out of an MLIR module. This folder is the only part
 * of src/topology that may touch the IR. Until `src/ir` exports a parser, the
 * temporary generic-form reader (`generic-reader.ts`) is used.
 */
import { readGenericModule } from './generic-reader.js';
import type { ModuleInfo } from './ops.js';

export function readModule(text: string, file: string): ModuleInfo {
  return readGenericModule(text, file);
}

export { collectivesOf, simTasksOf, defaultChooser, type CollectiveInstance } from './collectives.js';
export { ModuleReadError, tensorShape, tensorBytes, type ModuleInfo, type OpInfo, type AttrValue } from './ops.js';
export { readGenericModule } from './generic-reader.js';
