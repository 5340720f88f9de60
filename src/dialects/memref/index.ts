import { memrefOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect } from '../../ir/index.js';

/** The memref dialect, from LLVM 22 ODS. */
export function memrefDialect(): Dialect {
  return defineOdsDialect(memrefOds);
}
export { memrefOds };
