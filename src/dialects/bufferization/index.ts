import { bufferizationOds } from './ods/index.js';
import { defineOdsDialect } from '../common/ods-dialect.js';
import type { Dialect } from '../../ir/index.js';

/** The bufferization dialect, from LLVM 22 ODS. */
export function bufferizationDialect(): Dialect {
  return defineOdsDialect(bufferizationOds);
}
export { bufferizationOds };
