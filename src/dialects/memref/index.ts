import { memrefOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import { dynamicIndexList } from '../common/dynamic-index-list.js';
import type { Dialect } from '../../ir/index.js';
import {
  parseAllocaScope,
  parseDmaStart,
  parseGenericAtomicRmw,
  parsePrefetch,
  parseTranspose,
  printAllocaScope,
  printDmaStart,
  printGenericAtomicRmw,
  printPrefetch,
  printTranspose,
} from './custom-syntax.js';
import { globalMemrefOpTypeAndInitialValue } from './global-type-and-initial-value.js';
import { verifyDmaStart } from './verify.js';

/** The memref dialect, from LLVM 22 ODS plus the syntax MemRefOps.cpp writes by hand. */
export function memrefDialect(): Dialect {
  return defineOdsDialect(memrefOds, {
    overrides: {
      'memref.alloca_scope': { parse: parseAllocaScope, print: printAllocaScope },
      'memref.dma_start': { parse: parseDmaStart, print: printDmaStart, verify: verifyDmaStart },
      'memref.generic_atomic_rmw': { parse: parseGenericAtomicRmw, print: printGenericAtomicRmw },
      'memref.prefetch': { parse: parsePrefetch, print: printPrefetch },
      'memref.transpose': { parse: parseTranspose, print: printTranspose },
    },
    customDirectives: new Map([
      ['DynamicIndexList', dynamicIndexList],
      ['GlobalMemrefOpTypeAndInitialValue', globalMemrefOpTypeAndInitialValue],
    ]),
  });
}
export { memrefOds };
