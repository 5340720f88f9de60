/**
 * Reading ccl collectives out of an MLIR module. This folder is the only part
 * of src/topology that touches the IR. With a context (dialects registered,
 * e.g. `createContext({ allowUnregistered: true })` from src/dialects) modules
 * are parsed by numaccl's own parser (src/ir) and any op form works. Without
 * one, the small generic-form reader is used: src/topology may not depend on
 * src/dialects, and the IR alone cannot parse `module { ... }`.
 */
import type { Context } from '../../ir/index.js';
import { readGenericModule } from './generic-reader.js';
import { readModuleWithIr } from './ir-reader.js';
import type { ModuleInfo } from './ops.js';

export function readModule(text: string, file: string, context?: Context): ModuleInfo {
  return context ? readModuleWithIr(text, file, context) : readGenericModule(text, file);
}

export { collectivesOf, defaultChooser, type CollectiveInstance } from './collectives.js';
export { simTasksOf, type TaskGraphOptions } from './task-graph.js';
export { ModuleReadError, tensorShape, tensorBytes, type ModuleInfo, type OpInfo, type AttrValue } from './ops.js';
export { readGenericModule } from './generic-reader.js';
export { readModuleWithIr } from './ir-reader.js';
