import { bufferizationOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect } from '../../ir/index.js';
import { parseAllocTensor, printAllocTensor } from './alloc-tensor-syntax.js';

/** The bufferization dialect, from LLVM 22 ODS plus alloc_tensor's C++ syntax. */
export function bufferizationDialect(): Dialect {
  return defineOdsDialect(bufferizationOds, {
    overrides: { 'bufferization.alloc_tensor': { parse: parseAllocTensor, print: printAllocTensor } },
  });
}
export { bufferizationOds };
